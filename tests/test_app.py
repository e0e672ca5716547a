"""AppTest of the pages: they run, honour the frame, and show what the queries give.

Each view is opened fresh from its URL parameters: AppTest (Streamlit 1.67) drops the elements that
app.py draws before st.navigation on every run after the first, so widget interactions are tested
in the browser tests instead.
"""

import duckdb
import pytest

from data.loader import load_files
from tests.helpers import SMALL_CAMPAIGN, metrics


@pytest.fixture
def open_view(open_page, small_warehouse_template):
    """Run the app as a link with these query parameters would open it."""
    return lambda **query: open_page(None, small_warehouse_template, **query)


def test_overview_shows_the_headline_figures_as_of_the_chosen_day(open_view):
    app = open_view(tanggal="2022-10-24")
    # Known answers from tests/test_queries.py: 24 of 50 families, plan 90 × 10/31 = 29,0 %.
    assert metrics(app) == {
        "Keluarga terdata": "24",
        "Target keluarga": "50",
        "Capaian": "48,0%",
        "Rencana hari ini": "29,0%",
        "Sisa hari ke 20 Nov 2022": "27 hari",
        "Proyeksi selesai": "6 Nov 2022",
        "Keluarga per hari (7 hari)": "2,1",  # 15 families in 7 days
        "PPL aktif 3 hari (dari 3)": "2",
    }
    capaian = next(metric for metric in app.metric if metric.label == "Capaian")
    assert capaian.delta == "+19,0 poin dari rencana"
    assert app.success[0].value == "Sesuai: 19,0 poin di depan rencana (48,0% terdata, rencana 29,0%)."


def test_behind_plan_shows_a_negative_delta(open_view):
    app = open_view(tanggal="2022-11-02")
    # 26 of 50 = 52,0 %; plan 90 × 19/31 = 55,2 % → 3,2 points behind: amber.
    capaian = next(metric for metric in app.metric if metric.label == "Capaian")
    assert (capaian.value, capaian.delta) == ("52,0%", "-3,2 poin dari rencana")
    assert capaian.proto.direction == capaian.proto.DOWN
    assert app.warning[0].value == "Waspada: 3,2 poin di belakang rencana (52,0% terdata, rencana 55,2%)."


def test_overview_defaults_to_the_latest_data(open_view):
    app = open_view()
    assert app.date_input(key="pilih_tanggal_id").value.isoformat() == "2022-11-02"
    assert app.query_params["tanggal"] == "2022-11-02"
    assert metrics(app)["Keluarga terdata"] == "26"


def test_the_as_of_date_changes_the_numbers(open_view):
    # 15 Oct: K01, K02; 16 Oct: K14–K18.
    assert metrics(open_view(tanggal="2022-10-16"))["Keluarga terdata"] == "7"
    # A date outside the data is brought back to its first or last day.
    assert metrics(open_view(tanggal="2023-03-01"))["Keluarga terdata"] == "26"
    unreadable = open_view(tanggal="bukan-tanggal")
    assert unreadable.date_input(key="pilih_tanggal_id").value.isoformat() == "2022-11-02"


def test_overview_ranking_table(open_view):
    table = open_view(tanggal="2022-10-24").dataframe[0].value
    assert list(table.columns) == [
        "Kabupaten/kota",
        "Target",
        "Terdata",
        "Capaian",
        "Rencana",
        "Selisih",
        "Status",
        "Proyeksi selesai",
    ]
    rows = table.set_index("Kabupaten/kota")
    assert rows.loc["Mahakam Ulu"].tolist() == [
        "10",
        "2",
        "20,0%",
        "25,8%",
        "-5,8",
        "Waspada",
        "21 Nov 2022",
    ]
    assert rows.loc["Samarinda", "Terdata"] == "22"
    assert table.iloc[-1]["Kabupaten/kota"] == "Kalimantan Timur"
    assert table.iloc[-1]["Terdata"] == "24"
    # Furthest behind first: Mahakam Ulu is the only regency behind plan.
    assert table.iloc[0]["Kabupaten/kota"] == "Mahakam Ulu"


def test_english(open_view):
    app = open_view(tanggal="2022-10-24", bahasa="en")
    assert metrics(app)["Families registered"] == "24"
    assert app.success[0].value.startswith("On track: 19,0 points ahead of plan")
    assert app.radio(key="pilih_bahasa").value == "en"


def test_simulated_data_is_marked(open_page, small_warehouse):
    con = duckdb.connect(str(small_warehouse))
    con.execute("UPDATE muat SET simulasi = true")
    con.close()
    at = open_page(None, small_warehouse)
    assert any("Data simulasi" in warning.value for warning in at.sidebar.warning)


def test_missing_warehouse_says_how_to_build_one_and_offers_the_data_page(open_page, tmp_path):
    at = open_page(None, tmp_path / "tidak-ada.duckdb")
    assert "halaman Data" in at.info[0].value and "python -m data demo" in at.info[0].value
    assert at.title[0].value == "Data"


def test_a_warehouse_from_before_the_summary_tables_asks_for_one_more_load(
    open_page, small_warehouse, monkeypatch
):
    with duckdb.connect(str(small_warehouse)) as con:
        con.execute("DROP TABLE registrasi_harian")  # as a warehouse built by the previous version
    monkeypatch.setenv("PANTAU_UNGGAH", "1")
    at = open_page(None, small_warehouse)
    assert "versi sebelumnya" in at.info[0].value and at.title[0].value == "Data"
    assert at.get("file_uploader")  # the load that builds them can be made from here
    load_files([SMALL_CAMPAIGN / "jadwal.csv"], warehouse_path=small_warehouse)  # already loaded: skipped
    at = open_page(None, small_warehouse)
    assert not at.exception and at.title[0].value == "Ringkasan"


def test_overview_names_its_boundary_source(open_view):
    captions = [caption.value for caption in open_view(tanggal="2022-10-24").caption]
    assert any(caption.startswith("Batas wilayah: kaltim_regencies.geojson") for caption in captions)


def test_overview_without_boundary_files_still_runs(open_view, monkeypatch):
    monkeypatch.setenv("PANTAU_GEO_DIR", "")
    app = open_view(tanggal="2022-10-24")
    assert metrics(app)["Keluarga terdata"] == "24"
    assert not any(caption.value.startswith("Batas wilayah") for caption in app.caption)


def test_a_regency_narrows_the_headline(open_view):
    app = open_view(tanggal="2022-10-24", kab="6411")
    assert metrics(app)["Keluarga terdata"] == "2"
    assert metrics(app)["Target keluarga"] == "10"
    assert app.warning[0].value == "Waspada: 5,8 poin di belakang rencana (20,0% terdata, rencana 25,8%)."
    assert app.caption[0].value.startswith("Kabupaten Mahakam Ulu, keadaan per 24 Okt 2022")
    assert app.query_params["kab"] == "6411"


def test_an_unknown_regency_in_the_link_shows_the_province(open_view):
    app = open_view(tanggal="2022-10-24", kab="9999")
    assert metrics(app)["Keluarga terdata"] == "24"
    assert "kab" not in app.query_params
