"""Shared fixtures: throwaway warehouses built from the hand-made contract files in fixtures/ (each
through tests.helpers.throwaway_warehouse), the demo campaign, and the page opener.

The warehouses of session or module scope are read-only: a test that changes one copies it first.
The known answers each gives are worked out in the test module named in its docstring.
"""

import os
from pathlib import Path

import duckdb
import pytest
from streamlit.testing.v1 import AppTest

from data import warehouse
from data.loader import load_files
from pages.ui import signin
from queries.access import Viewer
from tests.helpers import (
    ADMIN,
    APP,
    GEO_DIR,
    REGISTRASI_HEADER,
    SMALL_FILES,
    Demo,
    fixture_files,
    load_rejects,
    make_accounts,
    throwaway_warehouse,
    write,
    write_hostile_campaign,
)

ALUR_LOADED_AT_UTC = "2022-11-02 20:00:00"  # 3 Nov 04.00 WITA


@pytest.fixture(scope="session")
def small_warehouse_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("kecil") / "warehouse.duckdb"
    load_files(SMALL_FILES, warehouse_path=path)
    return path


@pytest.fixture
def small_warehouse(small_warehouse_template, tmp_path) -> Path:
    """A fresh copy of the small campaign's warehouse, for tests that change it."""
    return throwaway_warehouse(small_warehouse_template, tmp_path)


@pytest.fixture(scope="session")
def alur_warehouse(small_warehouse_template, tmp_path_factory) -> Path:
    """The small campaign with the anomalies of fixtures/alur, every load dated 3 Nov 2022 (read-only;
    tests/test_alur_queries.py)."""
    folder = tmp_path_factory.mktemp("alur")
    path = throwaway_warehouse(small_warehouse_template, folder, fixture_files("alur"))
    with duckdb.connect(str(path)) as con:
        con.execute("UPDATE muat SET waktu_muat = ?::TIMESTAMP", [ALUR_LOADED_AT_UTC])
        warehouse.rebuild_summaries(con)  # as a load ends: the summaries follow muat
    return path


@pytest.fixture(scope="session")
def desk_warehouse(small_warehouse_template, tmp_path_factory) -> Path:
    """The small campaign with the extra desk site and desk families of fixtures/desk (read-only;
    tests/test_desk_queries.py)."""
    folder = tmp_path_factory.mktemp("desk")
    return throwaway_warehouse(small_warehouse_template, folder, fixture_files("desk"))


@pytest.fixture(scope="session")
def jadwal_warehouse(small_warehouse_template, tmp_path_factory) -> Path:
    """The small campaign plus fixtures/jadwal: a third Samarinda SLS of 5 families (Samarinda 45,
    province 55: 90 % of them is 40,5 and 49,5 families) and 5 more Mahakam Ulu families on 28 Oct
    (K27–K31: Mahakam Ulu has 8 of 10 from then on). Read-only; tests/test_jadwal_queries.py."""
    folder = tmp_path_factory.mktemp("jadwal")
    return throwaway_warehouse(small_warehouse_template, folder, fixture_files("jadwal"))


@pytest.fixture(scope="module")
def petugas_warehouse(small_warehouse_template, tmp_path_factory) -> Path:
    """The small campaign plus Balikpapan (fixtures/petugas): KSK-3 over PML-3 (PPL-4, PPL-5) and PML-4
    (PPL-6, PPL-7, PPL-8), SLS of 10, 12, 20 and 40 families for PPL-4..7; PPL-8 holds no SLS.
    Read-only; tests/test_petugas_queries.py."""
    folder = tmp_path_factory.mktemp("petugas")
    return throwaway_warehouse(small_warehouse_template, folder, fixture_files("petugas"))


@pytest.fixture
def wilayah_warehouse(small_warehouse) -> Path:
    """A fresh copy of the small campaign plus four SLS with no family yet (fixtures/wilayah;
    tests/test_wilayah_queries.py)."""
    load_files(fixture_files("wilayah"), warehouse_path=small_warehouse)
    return small_warehouse


@pytest.fixture(scope="session")
def data_warehouse(small_warehouse_template, tmp_path_factory) -> Path:
    """The small campaign with the bad files and the correction loaded (read-only;
    tests/test_data_queries.py)."""
    folder = tmp_path_factory.mktemp("data")
    return load_rejects(throwaway_warehouse(small_warehouse_template, folder))


@pytest.fixture(scope="session")
def hostile_warehouse(tmp_path_factory) -> Path:
    """The small campaign with names full of Markdown and HTML (tests.helpers.HOSTILE; read-only)."""
    folder = tmp_path_factory.mktemp("nama_jahat")
    path = folder / "warehouse.duckdb"
    results = load_files(write_hostile_campaign(folder / "berkas"), warehouse_path=path)
    assert all(result.rejected == 0 for result in results)  # every hostile name is a valid name
    return path


@pytest.fixture(scope="session")
def full(tmp_path_factory) -> Demo:
    """The whole demo campaign (tests/test_demo.py)."""
    return Demo(tmp_path_factory.mktemp("full"), geo_dir=GEO_DIR)


@pytest.fixture(scope="session")
def test_accounts(tmp_path_factory) -> Path:
    """An access file holding the test accounts (tests.helpers.ACCOUNTS), which the app reads unless a
    test gives its own (PANTAU_AKSES)."""
    return make_accounts(tmp_path_factory.mktemp("akses") / "akses.sqlite")


@pytest.fixture
def open_page(monkeypatch, test_accounts):
    """Open the app as a link with these query parameters would, on the given warehouse, at
    pages/<page>.py, or with page None at the page the app opens on. AppTest opens each view fresh:
    the app runs once to build the frame, then switches to the page (switching first would run the
    page alone, through Streamlit's legacy pages/ discovery). The session is signed in as `viewer`
    (an admin unless said), as the sign-in form leaves it (tests/test_access.py signs in through it)."""

    def run(
        page: str | None, warehouse: Path, *, timeout: float = 30, viewer: Viewer = ADMIN, **query
    ) -> AppTest:
        monkeypatch.setenv("PANTAU_WAREHOUSE", str(warehouse))
        if not os.environ.get("PANTAU_AKSES"):  # the viewer must hold an account, as a real session does
            monkeypatch.setenv("PANTAU_AKSES", str(test_accounts))
        at = AppTest.from_file(APP, default_timeout=timeout)
        at.query_params.update(query)
        if viewer is not None:
            at.session_state[signin.VIEWER] = viewer
        at.run()
        if page is not None:
            at.switch_page(f"pages/{page}.py")
            at.run()
        assert not at.exception
        return at

    return run


@pytest.fixture
def odd_warehouse(small_warehouse, tmp_path) -> Path:
    """The small campaign plus what no fixture folder holds: K95, registered by PPL-1 (Samarinda) in
    an SLS of Mahakam Ulu, and K01 withdrawn."""
    families = write(
        tmp_path, "registrasi.csv", REGISTRASI_HEADER + "K95,6411010001000100,PPL-1,PINTU,,2022-10-26,,3\n"
    )
    withdrawn = write(tmp_path, "pembatalan.csv", "id_keluarga,alasan\nK01,terdaftar ganda\n")
    load_files([families, withdrawn], warehouse_path=small_warehouse)
    return small_warehouse
