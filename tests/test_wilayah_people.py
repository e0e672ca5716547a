"""The Wilayah page's SLS level names the officers who act on each SLS (its PPL and their PML) for the
roles that may see names, and leaves them out for the others; the map outlines the chosen kecamatan."""

import functools

import pandas as pd
import pytest

from geo import DEFAULT_DIR
from geo.boundaries import load_boundaries
from geo.maps import area_map
from tests.helpers import ADMIN, PIMPINAN

SLS_VIEW = {"tanggal": "2022-10-24", "kab": "6472", "kec": "6472010", "desa": "6472010001"}


@pytest.fixture
def open_view(open_page, small_warehouse_template):
    return functools.partial(open_page, "wilayah", small_warehouse_template)


def sls_table(at) -> pd.DataFrame:
    value = at.dataframe[1].value
    return getattr(value, "data", value)


def test_the_sls_table_names_the_ppl_and_pml_for_those_who_may_see_names(open_view):
    sls = sls_table(open_view(viewer=ADMIN, **SLS_VIEW))
    # Palaran, Rawa Makmur: RT 002 (5 of 10 left) before RT 001 (3 left); both held by PPL-1 under PML-1.
    assert sls[["SLS", "PPL", "PML", "Sisa keluarga"]].values.tolist() == [
        ["RT 002", "Andi Saputra (PPL-1)", "Budi Santoso (PML-1)", "5"],
        ["RT 001", "Andi Saputra (PPL-1)", "Budi Santoso (PML-1)", "3"],
    ]


def test_the_governors_office_sees_the_sls_without_names(open_view):
    sls = sls_table(open_view(viewer=PIMPINAN, **SLS_VIEW))
    assert "PPL" not in sls.columns and "PML" not in sls.columns
    assert sls["SLS"].tolist() == ["RT 002", "RT 001"]


def test_the_map_below_a_kecamatan_outlines_it():
    shapes = load_boundaries("kecamatan", DEFAULT_DIR)
    if shapes is None:
        pytest.fail(f"no kecamatan boundaries in {DEFAULT_DIR}")
    samarinda = shapes[shapes.kode.str.startswith("6472")].head(3)
    areas = pd.DataFrame(
        {"kode": samarinda.kode, "nama": samarinda.nama, "target_keluarga": 10, "persen": 50.0, "hover": "x"}
    )
    options = {"level": "kecamatan", "value_column": "persen", "hover_column": "hover", "scale": "capaian"}
    plain = area_map(areas, colorbar_title="", boundaries=shapes, **options)
    outlined = area_map(
        areas, colorbar_title="", boundaries=shapes, highlight=samarinda.kode.iloc[0], **options
    )
    assert len(outlined.data) == len(plain.data) + 1
    line = outlined.data[-1]
    assert line.mode == "lines" and line.line.width == 4 and len(line.lon) > 4
