"""The schedule page in AppTest, and its figure builders (AppTest cannot see inside plotly charts).

Known answers come from tests/test_jadwal_queries.py (the small campaign, worked out by hand there).
"""

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from pages.charts import jadwal as charts
from queries import Warehouse
from tests.helpers import without_schedule

DAY = dt.date


@pytest.fixture
def open_schedule(open_page, small_warehouse_template):
    """Open the schedule page as a link with these query parameters would, on a warehouse (the small
    campaign's unless given)."""

    def run(warehouse: Path = small_warehouse_template, **query) -> AppTest:
        return open_page("jadwal", warehouse, **query)

    return run


def tables(at: AppTest) -> tuple[pd.DataFrame, pd.DataFrame]:
    """The needed-pace table and the projection table."""
    needed, finish = (frame.value for frame in at.dataframe)
    return needed, finish


def test_the_page_shows_the_pace_needed_as_of_the_day(open_schedule):
    at = open_schedule(tanggal="2022-10-24")
    assert at.title[0].value == "Jadwal & proyeksi"
    assert at.caption[0].value.startswith("Kalimantan Timur, keadaan per 24 Okt 2022")
    needed, _ = tables(at)
    assert list(needed.columns) == [
        "Tanggal target",
        "Tahap (target)",
        "Keluarga diperlukan",
        "Sisa hari",
        "Perlu per hari",
        "Laju kini per hari",
        "Rasio perlu/kini",
        "Penilaian",
    ]
    # 45 − 24 = 21 families over 21 days = 1,0 a day against 15/7 = 2,1: 7/15 = 0,5×.
    assert needed.iloc[0].tolist() == [
        "14 Nov 2022", "Pendataan lapangan (90%)", "21", "21 hari", "1,0", "2,1", "0,5×", "Laju kini cukup",
    ]  # fmt: skip
    # 50 − 24 = 26 over 27 days = 0,96 a day; 0,96 / 2,14 = 0,45.
    assert needed.iloc[1].tolist() == [
        "20 Nov 2022", "Target Kaltim (100%)", "26", "27 hari", "1,0", "2,1", "0,4×", "Laju kini cukup",
    ]  # fmt: skip


def test_the_projection_table_puts_the_late_first(open_schedule):
    at = open_schedule(tanggal="2022-11-02")
    _, finish = tables(at)
    assert list(finish.columns) == [
        "Kabupaten/kota",
        "Tanggal target",
        "Sisa keluarga",
        "Laju 7 hari per hari",
        "Proyeksi selesai",
        "Selisih",
        "Penilaian",
    ]
    rows = finish.set_index("Kabupaten/kota")
    # 27 Oct–2 Nov: only K08 (Samarinda). Mahakam Ulu: no family since 25 Oct → no projection.
    assert finish["Kabupaten/kota"].iloc[0] == "Mahakam Ulu"
    assert rows.loc["Mahakam Ulu"].tolist() == [
        "30 Nov 2022", "7", "0,0", "—", "—", "Terlambat: macet",
    ]  # fmt: skip
    # Samarinda: 17 left × 7 / 1 = 119 days → 1 Mar 2023, 101 days after 20 Nov.
    assert rows.loc["Samarinda"].tolist() == [
        "20 Nov 2022",
        "17",
        "0,1",
        "1 Mar 2023",
        "+101 hari",
        "Terlambat",
    ]
    # The province last: 24 left × 7 = 168 days → 19 Apr 2023, 150 days late.
    assert finish.iloc[-1].tolist() == [
        "Kalimantan Timur", "20 Nov 2022", "24", "0,1", "19 Apr 2023", "+150 hari", "Terlambat",
    ]  # fmt: skip
    assert rows.loc["Paser", "Penilaian"] == "Tanpa target"  # no SLS in the small campaign


def test_a_pace_to_quicken_and_a_regency_on_time(open_schedule, jadwal_warehouse):
    at = open_schedule(jadwal_warehouse, tanggal="2022-10-31")
    needed, finish = tables(at)
    # Province 55: 14 Nov needs 50 − 30 = 20 over 14 days = 1,4 a day against 6/7 = 0,9: 1,7×.
    assert needed.iloc[0].tolist() == [
        "14 Nov 2022", "Pendataan lapangan (90%)", "20", "14 hari", "1,4", "0,9", "1,7×", "Perlu dipercepat",
    ]  # fmt: skip
    rows = finish.set_index("Kabupaten/kota")
    # Mahakam Ulu: 2 left at 6/7 a day → 3 days → 3 Nov, 27 days before 30 Nov.
    assert rows.loc["Mahakam Ulu"].tolist() == [
        "30 Nov 2022",
        "2",
        "0,9",
        "3 Nov 2022",
        "-27 hari",
        "Tepat waktu",
    ]
    # Province: 25 left × 7/6 = 29,2 → 30 days → 30 Nov, 10 days after 20 Nov.
    assert rows.loc["Kalimantan Timur", "Selisih"] == "+10 hari"
    assert rows.loc["Samarinda", "Penilaian"] == "Terlambat: macet"


def test_a_target_reached_is_said_so(open_schedule, jadwal_warehouse):
    at = open_schedule(jadwal_warehouse, tanggal="2022-10-31", kab="6411")
    needed, _ = tables(at)
    assert needed.iloc[0]["Keluarga diperlukan"] == "0"
    assert needed.iloc[0]["Penilaian"] == "Tercapai"
    assert needed.iloc[0]["Rasio perlu/kini"] == "—"


def test_a_regency_narrows_the_page(open_schedule):
    at = open_schedule(tanggal="2022-10-24", kab="6411")
    assert at.caption[0].value.startswith("Kabupaten Mahakam Ulu, keadaan per 24 Okt 2022")
    needed, finish = tables(at)
    # 80 % of 10 = 8 − 2 = 6 over 21 days = 0,3 a day, exactly the current 2/7: on track.
    assert needed.iloc[0].tolist() == [
        "14 Nov 2022", "Pendataan lapangan (80%)", "6", "21 hari", "0,3", "0,3", "1,0×", "Laju kini cukup",
    ]  # fmt: skip
    assert needed.iloc[1][["Tanggal target", "Tahap (target)", "Keluarga diperlukan"]].tolist() == [
        "30 Nov 2022", "Perpanjangan nasional (100%)", "8",
    ]  # fmt: skip
    # The chosen regency and the province; Mahakam Ulu 8 left × 7/2 = 28 days → 21 Nov.
    assert finish["Kabupaten/kota"].tolist() == ["Mahakam Ulu", "Kalimantan Timur"]
    assert finish.iloc[0]["Proyeksi selesai"] == "21 Nov 2022"
    assert any("punya jadwal sendiri" in caption.value for caption in at.caption)


def test_a_regency_following_the_province_says_so(open_schedule):
    at = open_schedule(tanggal="2022-10-24", kab="6472")
    assert any("mengikuti jadwal provinsi" in caption.value for caption in at.caption)
    needed, _ = tables(at)
    assert needed["Keluarga diperlukan"].tolist() == ["14", "18"]


def test_english(open_schedule):
    at = open_schedule(tanggal="2022-10-24", bahasa="en")
    assert at.title[0].value == "Schedule & projection"
    needed, finish = tables(at)
    assert needed.iloc[0][["Target date", "Days left", "Needed a day", "Verdict"]].tolist() == [
        "14 Nov 2022", "21 days", "1,0", "On track",
    ]  # fmt: skip
    assert finish.set_index("Regency/city").loc["Mahakam Ulu", "Verdict"] == "On time"


def test_without_a_schedule_the_page_says_so(open_schedule, small_warehouse):
    at = open_schedule(without_schedule(small_warehouse), tanggal="2022-10-24")
    assert [info.value for info in at.info] == [
        "Jadwal belum dimuat: tidak ada rencana untuk dibandingkan.",
    ] * 2
    assert len(at.dataframe) == 1  # only the projection table
    assert at.dataframe[0].value.iloc[-1]["Penilaian"] == "Tanpa jadwal"


# The figure builders, on the answers of the queries.

AS_OF = DAY(2022, 10, 24)
WORDS = charts.CurveWords(planned="Rencana", actual="Realisasi", y_title="Capaian", as_of="Per 24 Okt 2022")


@pytest.fixture(scope="module")
def curves(small_warehouse_template) -> pd.DataFrame:
    curves = Warehouse(small_warehouse_template).run("jadwal_kurva", as_of=AS_OF)
    return curves.assign(hover_rencana="r", hover_realisasi="a")


def test_progress_curve_draws_plan_actual_milestones_and_the_as_of_day(curves):
    province = curves[curves.kode_wilayah == "64"]
    stones = [
        charts.Milestone(DAY(2022, 10, 15), "15 Okt · mulai"),
        charts.Milestone(DAY(2022, 11, 14), "14 Nov"),
    ]
    ticks = charts.date_ticks(DAY(2022, 10, 14), DAY(2022, 11, 30), (1, 15), "id")
    figure = charts.progress_curve(province, stones, AS_OF, ticks, WORDS)
    planned, actual = figure.data
    assert (planned.name, actual.name) == ("Rencana", "Realisasi")
    assert len(planned.x) == 48 and planned.y[0] == 0 and planned.y[-1] == pytest.approx(100)
    # The actual stops at the as-of day, at 48 %.
    assert pd.Timestamp(actual.x[-1]).date() == AS_OF and actual.y[-1] == pytest.approx(48)
    labels = [note.text for note in figure.layout.annotations]
    assert labels == ["15 Okt · mulai", "14 Nov", "Per 24 Okt 2022"]
    assert len(figure.layout.shapes) == 3  # two milestones and the as-of day
    assert list(figure.layout.xaxis.ticktext) == ["15 Okt", "1 Nov", "15 Nov"]
    assert figure.layout.separators == ",."
    assert figure.layout.font.size >= 14 and figure.layout.xaxis.tickfont.size >= 14


def test_milestone_labels_near_each_other_take_separate_rows():
    first, last = DAY(2022, 10, 14), DAY(2022, 12, 31)
    stones = [
        charts.Milestone(DAY(2022, 10, 15), "15 Okt · mulai Pendataan lapangan"),
        charts.Milestone(DAY(2022, 11, 14), "14 Nov · Pendataan lapangan (90%)"),
        charts.Milestone(DAY(2022, 11, 20), "20 Nov · Target Kaltim (100%)"),
        charts.Milestone(DAY(2022, 11, 30), "30 Nov · Perpanjangan nasional (100%)"),
        charts.Milestone(DAY(2022, 12, 31), "31 Des · Pemeriksaan dokumen (100%)"),
    ]
    rows = charts.label_rows(stones, first, last)
    # 14 and 20 Nov are 6 days apart; so are 30 Nov and the label of 31 Des reading leftwards.
    assert rows[1] != rows[2] and rows[3] not in (rows[1], rows[2])
    assert rows[4] not in (rows[2], rows[3])
    assert rows[0] == 0


def test_regency_panels_two_rows_of_five_with_shared_axes(curves):
    regencies = curves[curves.kode_wilayah != "64"]
    ticks = charts.date_ticks(DAY(2022, 10, 14), DAY(2022, 11, 30), (1,), "id")
    figure = charts.regency_panels(regencies, AS_OF, ticks, WORDS, highlight="Mahakam Ulu")
    assert len(figure.data) == 20  # plan and actual in each of 10 panels
    titles = [note.text for note in figure.layout.annotations]
    assert titles[:5] == ["Paser", "Kutai Barat", "Kutai Kartanegara", "Kutai Timur", "Berau"]
    assert "<b>Mahakam Ulu</b>" in titles
    x_axes = [figure.layout[f"xaxis{n}" if n > 1 else "xaxis"] for n in range(1, 11)]
    y_axes = [figure.layout[f"yaxis{n}" if n > 1 else "yaxis"] for n in range(1, 11)]
    assert len({axis.range for axis in x_axes}) == 1  # the same days in every panel
    assert {axis.range for axis in y_axes} == {(0, 105)}
    # Each line named once in the legend, from a panel where it is drawn (Paser has no actual).
    named = [(trace.name, trace.showlegend) for trace in figure.data if trace.showlegend]
    assert named == [("Rencana", True), ("Realisasi", True)]
    samarinda_actual = [t for t in figure.data if t.name == "Realisasi" and len(t.x)][-1]
    assert samarinda_actual.y[-1] == pytest.approx(55)  # 22 of 40


def test_daily_families_with_average_and_needed_pace(small_warehouse_template):
    daily = Warehouse(small_warehouse_template).run("jadwal_harian", as_of=AS_OF, kab=None).assign(hover="h")
    ticks = charts.date_ticks(DAY(2022, 10, 15), AS_OF, (1, 15), "id")
    words = charts.DailyWords("Keluarga per hari", "Rata-rata 7 hari", "Keluarga", needed="Perlu 1,0")
    bars, average, needed = charts.daily_families(daily, ticks, words, needed_rate=1.0).data
    assert list(bars.y) == [2, 5, 2, 2, 5, 2, 1, 3, 1, 1]
    assert average.y[-1] == pytest.approx(15 / 7)
    assert (needed.name, list(needed.y)) == ("Perlu 1,0", [1.0, 1.0])
    without = charts.daily_families(daily, ticks, words)
    assert len(without.data) == 2
