"""The officers page in AppTest, and its figure builder (AppTest cannot see inside plotly).

Known answers come from tests/test_petugas_queries.py (as of 24 Oct 2022 unless said otherwise).
"""

import functools

import pandas as pd
import pytest
import streamlit as st
from streamlit.testing.v1 import AppTest

import queries
from pages import ui
from pages.charts.petugas import spread_figure
from tests.helpers import metrics


@pytest.fixture
def open_officers(open_page):
    return functools.partial(open_page, "petugas")


def tables(at: AppTest) -> list[pd.DataFrame]:
    """The page's tables as shown (styled tables hand back their data)."""
    return [getattr(table.value, "data", table.value) for table in at.dataframe]


def test_headline_and_the_officers_to_act_on(open_officers, small_warehouse_template):
    at = open_officers(small_warehouse_template, tanggal="2022-10-24")
    assert at.title[0].value == "Petugas"
    shown = metrics(at)
    assert {label: shown[label] for label in list(shown)[:4]} == {
        "Jumlah PPL": "3",
        "PPL tertinggal": "0",
        "PPL menganggur": "1",  # PPL-2, last worked 19 Oct
        "PPL beban berlebih": "0",
    }
    # One window: PPL-1 (24 Oct) and PPL-3 (23 Oct) active in 22–24 Oct, PPL-2 idle, none without
    # families left.
    idle_metric = next(metric for metric in at.metric if metric.label == "PPL menganggur")
    assert "Aktif 2 + menganggur 1 + tanpa sisa 0 = 3 PPL" in idle_metric.help
    assert [tab.label for tab in at.tabs] == [
        "Tertinggal (0)",
        "Menganggur (1)",
        "Beban berlebih (0)",
    ]
    # The area's one status (the Overview's: 24 of 50 = 48,0 % against 29,0 %), then the officers to
    # call (red against their own plan and too slow to finish by the end of fieldwork): none of 3.
    assert [box.value for box in at.success] == [
        "Sesuai: 19,0 poin di depan rencana (capaian 48,0%, rencana 29,0%); sisa 26 keluarga."
        " 0 dari 3 PPL (0,0%) tertinggal dari rencananya dan lajunya kurang.",
        "Tidak ada PPL yang tertinggal dan lajunya kurang.",
        "Tidak ada PPL dengan beban berlebih.",
    ]
    idle = tables(at)[0]
    assert idle.iloc[0].to_dict() == {
        "ID": "PPL-2",
        "Nama": "Dewi Lestari",
        "Kabupaten/kota": "Samarinda",
        "PML": "Budi Santoso",
        "Ditugaskan": "20",
        "Terdata": "10",
        "Sisa keluarga": "10",
        "Terakhir mendata": "19 Okt 2022",
        "Menganggur (hari)": "5",
        "Status": "Sesuai",
    }


def test_the_officer_table_shows_the_query_figures(open_officers, small_warehouse_template):
    at = open_officers(small_warehouse_template, tanggal="2022-10-24")
    everyone = tables(at)[-1].set_index("ID")
    # Furthest behind their own plan first: PPL-3 (+7,8), PPL-2 (+23,1), PPL-1 (+31,0).
    assert list(everyone.index) == ["PPL-3", "PPL-2", "PPL-1"]
    assert everyone.loc["PPL-1"].to_dict() == {
        "Nama": "Andi Saputra",
        "Kabupaten/kota": "Samarinda",
        "PML": "Budi Santoso",
        "Ditugaskan": "20",
        "Terdata": "12",
        "Capaian": "60,0%",
        "Kel./hari (7 hari)": "1,1",  # 8 families in 7 days
        "Harapan (kel.)": "6",  # 20 × 29,0 % = 5,8 (from the campaign's first day: the regency's plan)
        "Selisih (kel.)": "+6",  # 12 − 5,8 = 6,2
        "Selisih (poin)": "+31,0",
        "Status": "Sesuai",
        "Terakhir mendata": "24 Okt 2022",
        "Menganggur (hari)": "0",
    }
    # PPL-3 started on 21 Oct: Mahakam Ulu's plan from 80 × 6/31 = 15,5 % (end of 20 Oct) to 25,8 %,
    # stretched to 100 %: (25,8 − 15,5) × 100 / (100 − 15,5) = 12,2 %.
    assert everyone.loc[
        "PPL-3", ["Harapan (kel.)", "Selisih (kel.)", "Selisih (poin)", "Status"]
    ].tolist() == [
        "1",  # 10 × 12,2 % = 1,2
        "+1",  # 2 − 1,2 = 0,8
        "+7,8",  # 20 − 12,2
        "Sesuai",
    ]
    # PPL-2 started on 16 Oct: (29,0 − 2,9) × 100 / (100 − 2,9) = 26,9 %; 50 − 26,9 = +23,1.
    assert everyone.loc["PPL-2", ["Harapan (kel.)", "Selisih (kel.)", "Selisih (poin)"]].tolist() == [
        "5",  # 20 × 26,9 % = 5,4
        "+5",  # 10 − 5,4 = 4,6
        "+23,1",
    ]
    assert at.caption[-2].value == "3 dari 3 PPL."


def test_the_as_of_date_changes_the_figures(open_officers, small_warehouse_template):
    at = open_officers(small_warehouse_template, tanggal="2022-11-02")
    # PPL-3: 3 of 10 = 30 % against their own plan (49,0 − 15,5) × 100 / (100 − 15,5) = 39,7 % → 9,7
    # points behind: red; PPL-2 last worked 19 Oct: 14 days.
    assert metrics(at)["PPL tertinggal"] == "1"
    # The province: 26 of 50 = 52,0 % against 55,2 %: amber, 24 left. PPL-3 is red and registered no
    # family in 27 Oct–2 Nov: at that pace its 7 families are not done by the end of fieldwork (30 Nov),
    # so 1 of the 3 officers is to be called.
    assert [box.value for box in at.warning] == [
        "Waspada: 3,2 poin di belakang rencana (capaian 52,0%, rencana 55,2%); sisa 24 keluarga."
        " 1 dari 3 PPL (33,3%) tertinggal dari rencananya dan lajunya kurang.",
    ]
    behind = tables(at)[0]
    assert behind[["ID", "Capaian", "Rencana", "Selisih (poin)", "Status"]].iloc[0].tolist() == [
        "PPL-3",
        "30,0%",
        "39,7%",
        "-9,7",
        "Tertinggal",
    ]
    everyone = tables(at)[-1].set_index("ID")
    assert everyone.loc["PPL-1", "Terdata"] == "13"
    assert everyone.loc["PPL-2", "Menganggur (hari)"] == "14"


def test_a_regency_narrows_everything(open_officers, small_warehouse_template):
    at = open_officers(small_warehouse_template, tanggal="2022-10-24", kab="6411")
    assert at.caption[0].value.startswith("Kabupaten Mahakam Ulu, keadaan per 24 Okt 2022")
    assert metrics(at)["Jumlah PPL"] == "1"
    everyone = tables(at)[-1]
    assert list(everyone.ID) == ["PPL-3"]
    assert "Kabupaten/kota" not in everyone.columns  # one regency: the column would say the same
    assert at.selectbox(key="tim_petugas_id").options == [
        "Koseka KSK-2 · Yohanes Lejau",
        "PML PML-2 · Maria Hang",
    ]


def test_team_roll_up_of_a_pml_and_a_koseka(open_officers, small_warehouse_template):
    at = open_officers(small_warehouse_template, tanggal="2022-10-24", kab="6472")
    # The first team is Koseka KSK-1, whose one PML is PML-1 (PPL-1 + PPL-2): 40 assigned, 22 registered.
    team = dict(list(metrics(at).items())[4:])  # after the page's four headline figures
    assert team == {
        "Ditugaskan": "40",
        "Terdata": "22",
        "Capaian": "55,0%",
        "Status": "Sesuai",
        "PPL menganggur (dari 2)": "1",
        "PPL tertinggal (dari 2)": "0",
    }
    capaian = next(metric for metric in at.metric if metric.label == "Capaian")
    # The team's plan is its officers' own: 20 × 29,0 % (PPL-1) + 20 × 26,9 % (PPL-2, from 16 Oct)
    # = 11,2 of 40 = 28,0 %; 55 − 28,0.
    assert capaian.delta == "+27,0 poin dari rencana"
    assert tables(at)[-2][["ID", "Nama", "PPL", "Ditugaskan", "Terdata", "PPL menganggur"]].iloc[
        0
    ].tolist() == [
        "PML-1",
        "Budi Santoso",
        "2",
        "40",
        "22",
        "1",
    ]
    at.selectbox(key="tim_petugas_id").set_value("PML:PML-1").run()
    assert not at.exception
    assert at.markdown[-1].value == "**PPL dalam tim Budi Santoso**"
    assert list(tables(at)[-2].ID) == ["PPL-2", "PPL-1"]


def test_search_filters_the_officer_table_by_id_or_name(open_officers, small_warehouse_template):
    at = open_officers(small_warehouse_template, tanggal="2022-10-24")
    at.text_input(key="cari_petugas_id").input("DEWI").run()
    assert list(tables(at)[-1].ID) == ["PPL-2"]
    assert at.caption[-2].value == "1 dari 3 PPL."
    at.text_input(key="cari_petugas_id").input("ppl-3").run()
    assert list(tables(at)[-1].ID) == ["PPL-3"]
    # Text that SQL would read as a pattern is looked for as it is: nobody's id or name holds it.
    shown = len(at.dataframe)
    at.text_input(key="cari_petugas_id").input("%").run()
    assert at.caption[-2].value == "0 dari 3 PPL." and len(at.dataframe) == shown - 1


def test_overloaded_idle_and_not_started(open_officers, petugas_warehouse):
    at = open_officers(petugas_warehouse, tanggal="2022-10-24", kab="6471")
    assert list(metrics(at).values())[:4] == ["5", "1", "2", "1"]
    behind, idle, overloaded = tables(at)[:3]
    assert list(behind.ID) == ["PPL-4"]
    assert idle[["ID", "Terakhir mendata", "Menganggur (hari)"]].values.tolist() == [
        ["PPL-4", "Belum mulai", "10"],
        ["PPL-5", "21 Okt 2022", "3"],
    ]
    assert at.caption[2].value.startswith("Paling lama menganggur lebih dulu; 1 di antaranya belum mulai")
    assert overloaded[["ID", "Ditugaskan", "Median kab/kota", "× median"]].values.tolist() == [
        ["PPL-7", "40", "16,0", "2,5"]
    ]
    everyone = tables(at)[-1].set_index("ID")
    assert everyone.loc["PPL-6", "Menganggur (hari)"] == "Selesai"  # 20 of 20
    assert everyone.loc["PPL-8", ["Status", "Capaian"]].tolist() == ["Tanpa SLS", "—"]


def test_english(open_officers, small_warehouse_template):
    at = open_officers(small_warehouse_template, tanggal="2022-10-24", bahasa="en")
    assert at.title[0].value == "Officers"
    assert metrics(at)["PPL idle"] == "1"
    assert [tab.label for tab in at.tabs][1] == "Idle (1)"
    assert "Families left" in tables(at)[0].columns


def points_frame() -> pd.DataFrame:
    """Three points of two regencies, each row with its regency's box."""
    return pd.DataFrame(
        {
            "nama_pendek": ["Samarinda", "Samarinda", "Mahakam Ulu"],
            "nilai": [20.0, 20.0, 10.0],
            "hover": ["a", "b", "c"],
            "q1": [20.0, 20.0, 10.0],
            "median": [20.0, 20.0, 10.0],
            "q3": [20.0, 20.0, 10.0],
            "bawah": [20.0, 20.0, 10.0],
            "atas": [20.0, 20.0, 10.0],
        }
    )


def test_spread_figure_draws_one_box_per_regency_with_its_officers():
    limits = pd.DataFrame({"nama_pendek": ["Samarinda"], "batas": [30.0], "hover": ["batas"]})
    figure = spread_figure(points_frame(), "Beban kerja per PPL", "Keluarga ditugaskan", limits, "Batas")
    box, limit = figure.data
    # The box's statistics are given (the whole regency's), its points one list per regency.
    assert list(box.y) == ["Samarinda", "Mahakam Ulu"] and list(box.x) == [[20.0, 20.0], [10.0]]
    assert (list(box.q1), list(box.median), list(box.upperfence)) == (
        [20.0, 10.0],
        [20.0, 10.0],
        [20.0, 10.0],
    )
    assert box.boxpoints == "all" and [list(texts) for texts in box.customdata] == [["a", "b"], ["c"]]
    assert (list(limit.x), list(limit.y), limit.name) == ([30.0], ["Samarinda"], "Batas")
    layout = figure.layout
    assert layout.separators == ",." and layout.font.size >= 14
    assert layout.title.text == "Beban kerja per PPL" and layout.xaxis.title.text == "Keluarga ditugaskan"
    # The regencies in the order given, the first on top.
    assert list(layout.yaxis.categoryarray) == ["Samarinda", "Mahakam Ulu"]
    assert layout.yaxis.autorange == "reversed"


def test_spread_figure_without_limits_has_only_the_boxes():
    figure = spread_figure(points_frame(), "Laju", "Keluarga per hari")
    assert len(figure.data) == 1


def test_the_whole_demo_province_lists_its_officers_in_part(open_officers, full):
    at = open_officers(full.warehouse, tanggal="2022-11-05")
    assert metrics(at)["Jumlah PPL"] == "6.400"
    everyone = tables(at)[-1]
    assert len(everyone) == 500  # styling 6.400 rows would take seconds on every rerun
    assert at.caption[-2].value.startswith("Ditampilkan 500 baris pertama dari 6.400")


def test_a_page_view_asks_for_no_more_than_it_shows(open_officers, full, monkeypatch):
    """No answer of a page view holds every officer, whatever their number: each list comes cut to its
    first 500 rows, the spread to 500 points a regency, the teams to the 2.000 a list offers, and the
    whole officers' table (petugas_kinerja) is asked only when a file is made. The session keeps none."""
    asked, files = [], {}
    run = queries.Snapshot.run

    def recording(self, name, **params):
        answer = run(self, name, **params)
        asked.append((name, answer))
        return answer

    def offered(label, data, *args, file_name=None, **kwargs):
        files[file_name] = data

    monkeypatch.setattr(queries.Snapshot, "run", recording)
    monkeypatch.setattr(st, "download_button", offered)
    at = open_officers(full.warehouse, tanggal="2022-11-03", timeout=120)  # a day no other test opens
    answers = dict(asked)
    assert {"petugas_daftar", "petugas_tim_anggota"} <= set(answers)  # the teams' names are kept from before
    assert "petugas_kinerja" not in answers
    shown = answers["petugas_daftar"]
    lists = shown[~shown.daftar.isin(["ditugaskan", "laju_7hari"])].groupby("daftar").size()
    assert lists.max() <= 500 and shown.groupby(["daftar", "kode_kab"]).size().max() <= 500
    assert max(len(answer) for name, answer in asked if name != "petugas_daftar") <= 2_000
    assert not [value for value in at.session_state.values() if isinstance(value, pd.DataFrame | ui.Table)]
    # A file of every PPL is made from the whole table, when its button is clicked.
    everyone = files["pantau_petugas_semua_64_2022-11-03.csv"]()
    assert "petugas_kinerja" in dict(asked) and everyone.count(b"\r\n") == 6_401  # the header, 6.400 PPL
