"""AppTest of the pages: they run, honour the frame, and show what the queries give.

Each view is opened fresh from its URL parameters: AppTest (Streamlit 1.67) drops the elements that
app.py draws before st.navigation on every run after the first, so widget interactions are tested
in the browser tests instead.
"""

import datetime as dt

import duckdb
import pytest

from data.loader import load_files
from queries import Warehouse
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
        # Against the default comparison day, a week earlier: the same 15 families and 30 points.
        "Keluarga bertambah sejak 17 Okt 2022": "+15",
        "Capaian bertambah sejak 17 Okt 2022": "+30,0 poin",
        "Status 17 Okt 2022 → 24 Okt 2022": "Sesuai → Sesuai",
    }
    capaian = next(metric for metric in app.metric if metric.label == "Capaian")
    assert capaian.delta == "+19,0 poin dari rencana"
    assert (
        app.success[0].value
        == "Sesuai: 19,0 poin di depan rencana (capaian 48,0%, rencana 29,0%); sisa 26 keluarga."
    )
    # Changes: K07 on 24 Oct (1 family, 2 points of 50), 15 families in the 7 days (30 points).
    registered = next(metric for metric in app.metric if metric.label == "Keluarga terdata")
    assert registered.delta == "+1 sejak kemarin"
    assert "Sejak kemarin: +1 keluarga, capaian +2,0 poin · dalam 7 hari: +15 keluarga, +30,0 poin." in [
        caption.value for caption in app.caption
    ]


def test_behind_plan_shows_a_negative_delta(open_view):
    app = open_view(tanggal="2022-11-02")
    # 26 of 50 = 52,0 %; plan 90 × 19/31 = 55,2 % → 3,2 points behind: amber.
    capaian = next(metric for metric in app.metric if metric.label == "Capaian")
    assert (capaian.value, capaian.delta) == ("52,0%", "-3,2 poin dari rencana")
    assert capaian.proto.direction == capaian.proto.DOWN
    # 24 families left: 2 + 5 + 10 in Samarinda's SLS, 7 in Mahakam Ulu's (no SLS above its target).
    assert [warning.value for warning in app.warning] == [
        "Waspada: 3,2 poin di belakang rencana (capaian 52,0%, rencana 55,2%); sisa 24 keluarga.",
    ]


def test_overview_defaults_to_the_latest_data(open_view):
    app = open_view()
    assert app.date_input(key="pilih_tanggal_id").value.isoformat() == "2022-11-02"
    assert app.query_params["tanggal"] == "2022-11-02"
    assert metrics(app)["Keluarga terdata"] == "26"


def test_the_as_of_date_changes_the_numbers(open_view):
    # 15 Oct: K01, K02; 16 Oct: K14–K18.
    assert metrics(open_view(tanggal="2022-10-16"))["Keluarga terdata"] == "7"
    # A date outside the days offered is brought back to the first or the last: the day before the
    # campaign (14 Oct) or the later of the schedule's end (30 Nov) and the data's (2 Nov).
    early = open_view(tanggal="2022-10-01")
    assert early.date_input(key="pilih_tanggal_id").value.isoformat() == "2022-10-14"
    assert metrics(early)["Keluarga terdata"] == "0"
    late = open_view(tanggal="2023-03-01")
    assert late.date_input(key="pilih_tanggal_id").value.isoformat() == "2022-11-30"
    assert metrics(late)["Keluarga terdata"] == "26"
    unreadable = open_view(tanggal="bukan-tanggal")
    assert unreadable.date_input(key="pilih_tanggal_id").value.isoformat() == "2022-11-02"


def test_a_day_after_the_last_data_is_judged_on_that_data(open_view):
    # 10 Nov is offered (up to the schedule's end) though the data end on 2 Nov: the page says so, and
    # judges the 26 families of 2 Nov against the plan of 10 Nov, 90 × 27/31 = 78,4 % → 26,4 points
    # behind: red.
    app = open_view(tanggal="2022-11-10")
    assert app.date_input(key="pilih_tanggal_id").value.isoformat() == "2022-11-10"
    assert [warning.value for warning in app.warning] == [
        "Data terakhir 2 Nov 2022, 8 hari tanpa kiriman. Keluarga, laju, proyeksi dan status di halaman ini "
        "berdasarkan data sampai 2 Nov 2022; rencana adalah rencana 10 Nov 2022.",
    ]
    assert [error.value for error in app.error] == [
        "Tertinggal: 26,4 poin di belakang rencana (capaian 52,0%, rencana 78,4%); sisa 24 keluarga."
        " Dinilai dari data sampai 2 Nov 2022.",
    ]
    assert metrics(app)["Keluarga terdata"] == "26"


def test_overview_ranking_table(open_view):
    table = open_view(tanggal="2022-10-24").dataframe[0].value
    assert list(table.columns) == [
        "Kabupaten/kota",
        "Status",
        "Target",
        "Terdata",
        "Capaian",
        "Rencana",
        "Selisih",
        "Sisa",
        "+ Kemarin",
        "Δ 7 hari",
        "Proyeksi selesai",
    ]
    rows = table.set_index("Kabupaten/kota")
    # Mahakam Ulu: 10 − 2 = 8 left; nothing on 24 Oct (K25 came on 23 Oct); 0 % on 17 Oct → +20,0 points.
    assert rows.loc["Mahakam Ulu"].tolist() == [
        "Waspada",
        "10",
        "2",
        "20,0%",
        "25,8%",
        "-5,8",
        "8",
        "0",
        "+20,0",
        "21 Nov 2022",
    ]
    # Samarinda: 18 left; K07 on 24 Oct; 9 of 40 = 22,5 % on 17 Oct (K01–K04, K14–K18) → +32,5 points.
    assert rows.loc["Samarinda", ["Terdata", "Sisa", "+ Kemarin", "Δ 7 hari"]].tolist() == [
        "22",
        "18",
        "+1",
        "+32,5",
    ]
    assert table.iloc[-1]["Kabupaten/kota"] == "Kalimantan Timur"
    assert table.iloc[-1]["Terdata"] == "24"
    # The province: 26 left; 9 of 50 = 18,0 % on 17 Oct → +30,0 points in 7 days.
    assert table.iloc[-1][["Sisa", "+ Kemarin", "Δ 7 hari"]].tolist() == [
        "26",
        "+1",
        "+30,0",
    ]
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
    assert app.warning[0].value == (
        "Waspada: 5,8 poin di belakang rencana (capaian 20,0%, rencana 25,8%); sisa 8 keluarga."
    )
    assert app.caption[0].value.startswith("Kabupaten Mahakam Ulu, keadaan per 24 Okt 2022")
    assert app.query_params["kab"] == "6411"


def test_an_unknown_regency_in_the_link_shows_the_province(open_view):
    app = open_view(tanggal="2022-10-24", kab="9999")
    assert metrics(app)["Keluarga terdata"] == "24"
    assert "kab" not in app.query_params


def test_overview_compares_with_a_chosen_earlier_day(open_view, small_warehouse_template):
    app = open_view(tanggal="2022-11-02", banding="2022-10-24")
    shown = metrics(app)
    # 24 → 26 families of 50 (+2, +4,0 points); 19,0 points ahead → 3,2 behind: green to amber.
    assert shown["Keluarga bertambah sejak 24 Okt 2022"] == "+2"
    assert shown["Capaian bertambah sejak 24 Okt 2022"] == "+4,0 poin"
    assert shown["Status 24 Okt 2022 → 2 Nov 2022"] == "Sesuai → Waspada"
    warehouse = Warehouse(small_warehouse_template)
    now, then = (
        warehouse.run("capaian_wilayah", as_of=dt.date.fromisoformat(day)).set_index("kode_wilayah")
        for day in ("2022-11-02", "2022-10-24")
    )
    judged = now.status.notna() & then.status.reindex(now.index).notna() & (now.index != "64")
    moved = [code for code in now.index[judged] if now.status[code] != then.status[code]]
    captions = [caption.value for caption in app.caption]
    if moved:
        line = next(caption for caption in captions if caption.startswith("Berubah status: "))
        assert [code for code in now.index if now.nama_pendek[code] in line] == moved
    else:
        assert "Tidak ada kabupaten/kota yang berubah status." in captions
