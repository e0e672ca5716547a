"""AppTest of the Wilayah page and direct tests of its map builder.

Each view is opened fresh from its URL (see tests/test_app.py); clicks on the map, the list and the
breadcrumb are tested in tests/browser/test_wilayah.py. Known answers: tests/test_wilayah_queries.py.
"""

import functools

import pandas as pd
import plotly.graph_objects as go
import pytest
from streamlit.testing.v1 import AppTest

from geo import DEFAULT_DIR
from geo.boundaries import load_boundaries
from geo.maps import area_map
from pages.charts.wilayah import chosen_code
from pages.ui.maps import VALUE_COLUMNS

TABLE_COLUMNS = [
    "Target", "Terdata", "Capaian", "Rencana", "Selisih", "Status", "Sisa keluarga", "Keluarga 7 hari",
]  # fmt: skip


@pytest.fixture
def open_wilayah(open_page):
    return functools.partial(open_page, "wilayah")


@pytest.fixture
def open_view(open_wilayah, small_warehouse_template):
    return functools.partial(open_wilayah, small_warehouse_template)


def metrics(at: AppTest) -> dict[str, tuple[str, str]]:
    return {metric.label: (metric.value, metric.delta) for metric in at.metric}


def table(at: AppTest, index: int = 0) -> pd.DataFrame:
    value = at.dataframe[index].value
    return getattr(value, "data", value)  # a Styler's frame


def test_a_regency_lists_its_kecamatan(open_view):
    at = open_view(tanggal="2022-10-24", kab="6472")
    # Samarinda: 22 of 40 = 55,0 % against 29,0 %; last 7 days 8 (Palaran) + 5 (Samarinda Ilir).
    assert metrics(at) == {
        "Keluarga terdata": ("22", ""),
        "Target keluarga": ("40", ""),
        "Capaian": ("55,0%", "+26,0 poin"),
        "Rencana hari ini": ("29,0%", ""),
        "Keluarga 7 hari": ("13", ""),
    }
    assert [button.label for button in at.button] == ["Kalimantan Timur"]
    kecamatan = table(at, 1)  # the first table counts the statuses beside the map
    assert list(kecamatan.columns) == ["Kode", "Kecamatan", *TABLE_COLUMNS]
    # Families left: 20 − 10 and 20 − 12 (no SLS above its target).
    assert kecamatan.values.tolist() == [
        ["6472020", "Samarinda Ilir", "20", "10", "50,0%", "29,0%", "+21,0", "Sesuai", "10", "5"],
        ["6472010", "Palaran", "20", "12", "60,0%", "29,0%", "+31,0", "Sesuai", "8", "8"],
    ]
    assert table(at, 0).values.tolist() == [["Sesuai", "2"]]
    assert at.selectbox(key="wilayah_buka_kec_id").options == ["Palaran", "Samarinda Ilir"]


def test_a_kecamatan_lists_its_desa_and_a_desa_its_sls(open_view):
    at = open_view(tanggal="2022-10-24", kab="6472", kec="6472010")
    assert metrics(at)["Capaian"] == ("60,0%", "+31,0 poin")  # Palaran: 12 of 20
    assert [button.label for button in at.button] == ["Kalimantan Timur", "Kota Samarinda"]
    assert table(at, 1)["Desa/kelurahan"].tolist() == ["Rawa Makmur"]
    at = open_view(tanggal="2022-10-24", kab="6472", kec="6472010", desa="6472010001")
    assert [button.label for button in at.button] == ["Kalimantan Timur", "Kota Samarinda", "Palaran"]
    sls = table(at, 1)
    assert sls[["SLS", "Terdata", "Capaian", "Keluarga 7 hari"]].values.tolist() == [
        ["RT 002", "5", "50,0%", "5"],
        ["RT 001", "7", "70,0%", "3"],
    ]
    assert at.query_params["desa"] == "6472010001"


def test_the_as_of_day_changes_the_figures(open_view):
    at = open_view(tanggal="2022-10-16", kab="6472", kec="6472010")
    assert metrics(at)["Keluarga terdata"] == ("2", "")  # K01, K02 on 15 Oct


def test_codes_that_do_not_belong_are_dropped_from_the_link(open_view):
    # Long Apari is in Mahakam Ulu, not Samarinda: the page shows Samarinda's kecamatan.
    at = open_view(tanggal="2022-10-24", kab="6472", kec="6411010", desa="6411010001")
    assert "kec" not in at.query_params and "desa" not in at.query_params
    assert table(at, 1)["Kecamatan"].tolist() == ["Samarinda Ilir", "Palaran"]
    # No regency: the province, whatever kecamatan the link names.
    at = open_view(tanggal="2022-10-24", kec="6472010")
    assert "kec" not in at.query_params
    assert metrics(at)["Keluarga terdata"] == ("24", "")


def test_the_province_lists_every_regency_furthest_behind_first(open_view):
    at = open_view(tanggal="2022-10-24")
    assert metrics(at)["Capaian"] == ("48,0%", "+19,0 poin")
    regencies = table(at, 1)
    assert len(regencies) == 10  # those with no SLS loaded too, with no figures
    assert regencies.iloc[0].tolist() == [
        "6411",
        "Kabupaten Mahakam Ulu",
        "10",
        "2",
        "20,0%",
        "25,8%",
        "-5,8",
        "Waspada",
        "8",  # 10 − 2 families left
        "2",
    ]
    assert regencies.iloc[1]["Kabupaten/kota"] == "Kota Samarinda"
    # The other eight have a schedule but no SLS, so no target to measure against.
    assert regencies.set_index("Kabupaten/kota").loc["Kabupaten Paser", "Status"] == "Tanpa target"
    assert table(at, 0).values.tolist() == [["Waspada", "1"], ["Sesuai", "1"], ["Tanpa target", "8"]]
    assert not at.button  # already at the top


def test_laggards_and_empty_sls(open_wilayah, wilayah_warehouse):
    at = open_wilayah(wilayah_warehouse, tanggal="2022-10-24", kab="6472")
    assert [tab.label for tab in at.tabs] == ["Kecamatan (0)", "Desa/kelurahan (1)", "SLS belum didata (2)"]
    assert at.info[0].value == "Tidak ada kecamatan yang berada di belakang rencana."
    desa = table(at, 2)
    assert desa[["Desa/kelurahan", "Kecamatan", "Capaian", "Status"]].values.tolist() == [
        ["Bantuas", "Palaran", "0,0%", "Tertinggal"]
    ]
    empty = table(at, 3)
    assert empty[["Kode", "SLS", "PPL", "Nama PPL", "PPL mulai", "Keluarga oleh PPL"]].values.tolist() == [
        ["6472010001000300", "RT 003", "PPL-1", "Andi Saputra", "15 Okt 2022", "12"],
        ["6472010002000100", "RT 001", "PPL-2", "Dewi Lestari", "16 Okt 2022", "10"],
    ]
    assert "Kabupaten/kota" not in empty.columns  # one regency: its name would repeat on every row


def test_the_province_laggards_name_their_regency(open_view):
    at = open_view(tanggal="2022-10-24")
    kecamatan = table(at, 2)
    assert kecamatan[["Kecamatan", "Kabupaten/kota", "Selisih"]].values.tolist() == [
        ["Long Apari", "Kabupaten Mahakam Ulu", "-5,8"]
    ]


def test_english(open_view):
    at = open_view(tanggal="2022-10-24", kab="6472", bahasa="en")
    assert metrics(at)["Completion"] == ("55,0%", "+26,0 pts")
    assert list(table(at, 1).columns)[:3] == ["Code", "Kecamatan", "Target"]
    assert table(at, 1)["Status"].tolist() == ["On track", "On track"]


def test_a_regency_with_no_sls_says_so(open_view):
    at = open_view(tanggal="2022-10-24", kab="6401")
    assert at.info[0].value == "Master wilayah belum memuat SLS di Kabupaten Paser."


def test_without_boundaries_the_kecamatan_map_gives_way_to_the_table(open_view, monkeypatch):
    monkeypatch.setenv("PANTAU_GEO_DIR", "")
    at = open_view(tanggal="2022-10-24", kab="6472")
    reason = "Peta kecamatan tidak dapat digambar: berkas batas kecamatan tidak ditemukan."
    assert any(caption.value.startswith(reason) for caption in at.caption)
    assert not at.get("plotly_chart")
    assert table(at, 1)["Kecamatan"].tolist() == ["Samarinda Ilir", "Palaran"]


def test_with_boundaries_the_page_names_their_source(open_view):
    at = open_view(tanggal="2022-10-24", kab="6472")
    assert len(at.get("plotly_chart")) == 1
    captions = [caption.value for caption in at.caption]
    assert any(caption.startswith("Batas wilayah: kaltim_districts.geojson") for caption in captions)


# --- the map builder ----------------------------------------------------------------------------------


def kecamatan_rows(codes_and_names) -> pd.DataFrame:
    rows = pd.DataFrame(codes_and_names, columns=["kode", "nama"])
    return rows.assign(
        target_keluarga=20, persen=[60.0, 50.0][: len(rows)], selisih=[31.0, -8.0][: len(rows)]
    )


def kecamatan_map(rows: pd.DataFrame, colour: str, title: str, boundaries):
    """The kecamatan map coloured by `colour`, as the page asks for it (pages/ui/maps.py)."""
    return area_map(
        rows,
        level="kecamatan",
        value_column=VALUE_COLUMNS[colour],
        hover_column="hover",
        scale=colour,
        colorbar_title=title,
        boundaries=boundaries,
    )


def test_kecamatan_map_colours_by_the_chosen_measure():
    rows = kecamatan_rows([("6472010", "Palaran"), ("6472020", "Samarinda Ilir")]).assign(hover="h")
    boundaries = load_boundaries("kecamatan", DEFAULT_DIR)
    by_gap = kecamatan_map(rows, "selisih", "Selisih", boundaries)
    fill = by_gap.data[0]
    assert isinstance(fill, go.Choroplethmap)
    assert list(fill.locations) == ["6472010", "6472020"]
    assert list(fill.z) == [31.0, -8.0]
    assert by_gap.layout.coloraxis.colorbar.title.text == "Selisih"
    by_done = kecamatan_map(rows, "capaian", "Capaian", boundaries)
    assert list(by_done.data[0].z) == [60.0, 50.0]


def test_kecamatan_map_is_none_without_polygons():
    rows = kecamatan_rows([("6472010", "Palaran")]).assign(hover="h")
    assert kecamatan_map(rows, "selisih", "x", None) is None


def test_regency_map_draws_without_boundaries():
    rows = pd.DataFrame(
        {"kode": ["6472", "6411"], "nama": ["Kota Samarinda", "Kabupaten Mahakam Ulu"], "hover": "h"}
    ).assign(target_keluarga=[40, 10], persen=[55.0, 20.0], selisih=[26.0, -5.8])
    # The capitals, as the page takes them from the warehouse (daftar_kabupaten).
    rows = rows.assign(ibukota_lat=[-0.5, 1.0], ibukota_lon=[117.1, 114.9])
    figure = area_map(
        rows,
        level="kabupaten",
        value_column="selisih",
        hover_column="hover",
        scale="selisih",
        colorbar_title="x",
        boundaries=None,
    )
    assert {trace.name for trace in figure.data if trace.name} == {"6472", "6411"}
    # A click on a capital's circle names its regency, a click on a polygon its location.
    circle = next(index for index, trace in enumerate(figure.data) if trace.name == "6411")
    assert chosen_code([{"curve_number": circle, "point_index": 0}], figure) == "6411"
    assert chosen_code([{"curve_number": 0, "location": "6472010"}], figure) == "6472010"
    assert chosen_code([], figure) is None
