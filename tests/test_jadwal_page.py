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


def cell_styles(at: AppTest, index: int) -> str:
    """The CSS a table's Styler gave its cells (empty when the table is not styled)."""
    return at.dataframe[index].proto.arrow_data.styler.styles


def test_the_page_shows_the_pace_needed_as_of_the_day(open_schedule):
    at = open_schedule(tanggal="2022-10-24")
    assert at.title[0].value == "Jadwal & proyeksi"
    assert at.caption[0].value.startswith("Kalimantan Timur, keadaan per 24 Okt 2022")
    # The page opens with the area's one status, the Overview's: 24 of 50 = 48,0 % against the plan
    # 90 × 10/31 = 29,0 %, 26 families left.
    assert [alert.value for alert in at.success] == [
        "Sesuai: 19,0 poin di depan rencana (capaian 48,0%, rencana 29,0%); sisa 26 keluarga.",
    ]
    needed, _ = tables(at)
    assert list(needed.columns) == [
        "Tanggal target",
        "Tahap (target)",
        "Keluarga diperlukan",
        "Sisa hari",
        "Perlu per hari",
        "Laju kini per hari",
        "Rasio perlu/kini",
        "Bila laju bertahan",
    ]
    # 45 − 24 = 21 families over 21 days = 1,0 a day against 15/7 = 2,1: 7/15 = 0,5×.
    assert needed.iloc[0].tolist() == [
        "14 Nov 2022", "Pendataan lapangan (90%)", "21", "21 hari", "1,0", "2,1", "0,5×",
        "Cukup",
    ]  # fmt: skip
    # 50 − 24 = 26 over 27 days = 0,96 a day; 0,96 / 2,14 = 0,45.
    assert needed.iloc[1].tolist() == [
        "20 Nov 2022", "Target Kaltim (100%)", "26", "27 hari", "1,0", "2,1", "0,4×", "Cukup",
    ]  # fmt: skip
    # What the pace says is words only: the one colour is the status's (the projection table's).
    assert cell_styles(at, 0) == ""


def test_the_projection_table_puts_the_worst_status_first(open_schedule):
    at = open_schedule(tanggal="2022-11-02")
    _, finish = tables(at)
    assert list(finish.columns) == [
        "Kabupaten/kota",
        "Status",
        "Tanggal target",
        "Sisa keluarga",
        "Laju 7 hari per hari",
        "Proyeksi selesai",
        "Selisih",
    ]
    rows = finish.set_index("Kabupaten/kota")
    # Status first (red, amber, green, none), the province last. Mahakam Ulu 3 of 10 = 30,0 % against
    # 80 × 19/31 = 49,0 %: red; Samarinda 23 of 40 = 57,5 % against 90 × 19/31 = 55,2 %: green; the
    # regencies without SLS are not judged, in their code order.
    assert finish["Kabupaten/kota"].tolist() == [
        "Mahakam Ulu", "Samarinda", "Paser", "Kutai Barat", "Kutai Kartanegara", "Kutai Timur", "Berau",
        "Penajam Paser Utara", "Balikpapan", "Bontang", "Kalimantan Timur",
    ]  # fmt: skip
    # 27 Oct–2 Nov: only K08 (Samarinda). Mahakam Ulu: no family since 25 Oct → no projection.
    assert rows.loc["Mahakam Ulu"].tolist() == [
        "Tertinggal", "30 Nov 2022", "7", "0,0", "Macet", "—",
    ]  # fmt: skip
    # Samarinda: 17 left × 7 / 1 = 119 days → 1 Mar 2023; the gap runs from the projection to the
    # target: 20 Nov − 1 Mar = −101 days (negative: late).
    assert rows.loc["Samarinda"].tolist() == [
        "Sesuai",
        "20 Nov 2022",
        "17",
        "0,1",
        "1 Mar 2023",
        "-101 hari",
    ]
    # The province last: 26 of 50 = 52,0 % against 55,2 %: amber; 24 left × 7 = 168 days → 19 Apr 2023,
    # 150 days late.
    assert finish.iloc[-1].tolist() == [
        "Kalimantan Timur", "Waspada", "20 Nov 2022", "24", "0,1", "19 Apr 2023", "-150 hari",
    ]  # fmt: skip
    # No SLS in the small campaign: nothing to judge, nothing left, no pace, nothing to project, no gap.
    paser = rows.loc["Paser"]
    assert paser.tolist() == ["Belum dinilai", "20 Nov 2022", "0", "0,0", "Tanpa target", "—"]
    # The status cells carry the status's tint (rows 0, 1 and the province's 10): red, green, amber.
    uuid = at.dataframe[1].proto.arrow_data.styler.uuid
    assert cell_styles(at, 1).splitlines() == [
        f"#T_{uuid}_row0_col1 {{ background-color: #f9d3cc }}",
        f"#T_{uuid}_row1_col1 {{ background-color: #d4edda }}",
        f"#T_{uuid}_row10_col1 {{ background-color: #fdecc0 }}",
    ]


def test_within_a_status_the_latest_projection_comes_first(open_schedule):
    at = open_schedule(tanggal="2022-10-25")
    _, finish = tables(at)
    rows = finish.set_index("Kabupaten/kota")
    # Both green on 25 Oct: Samarinda 22 of 40 = 55,0 %, Mahakam Ulu 3 of 10 = 30,0 %, against
    # 90 × 11/31 = 31,9 % and 80 × 11/31 = 28,4 %. Samarinda: 18 left at 11/7 a day (19–25 Oct:
    # K05–K07, K11–K13, K19–K23) → ceil(11,5) = 12 days → 6 Nov, 14 days before 20 Nov; Mahakam Ulu:
    # 7 left at 3/7 → ceil(16,3) = 17 days → 11 Nov, 19 days before 30 Nov. The smaller gap first.
    assert finish["Kabupaten/kota"].tolist()[:2] == ["Samarinda", "Mahakam Ulu"]
    assert rows.loc["Samarinda", ["Status", "Proyeksi selesai", "Selisih"]].tolist() == [
        "Sesuai", "6 Nov 2022", "+14 hari",
    ]  # fmt: skip
    assert rows.loc["Mahakam Ulu", ["Status", "Proyeksi selesai", "Selisih"]].tolist() == [
        "Sesuai", "11 Nov 2022", "+19 hari",
    ]  # fmt: skip


def test_a_pace_to_quicken_and_a_regency_on_time(open_schedule, jadwal_warehouse):
    at = open_schedule(jadwal_warehouse, tanggal="2022-10-31")
    needed, finish = tables(at)
    # Province 55: 14 Nov needs 50 − 30 = 20 over 14 days = 1,4 a day against 6/7 = 0,9: 1,7×.
    assert needed.iloc[0].tolist() == [
        "14 Nov 2022", "Pendataan lapangan (90%)", "20", "14 hari", "1,4", "0,9", "1,7×", "Perlu dipercepat",
    ]  # fmt: skip
    rows = finish.set_index("Kabupaten/kota")
    # Samarinda 22 of 45 = 48,9 % against 90 × 17/31 = 49,4 %: amber, first; Mahakam Ulu 8 of 10 = 80,0 %
    # against 80 × 17/31 = 43,9 %: green.
    assert finish["Kabupaten/kota"].tolist()[:2] == ["Samarinda", "Mahakam Ulu"]
    # Mahakam Ulu: 2 left at 6/7 a day → 3 days → 3 Nov, 27 days before 30 Nov (positive: early).
    assert rows.loc["Mahakam Ulu"].tolist() == [
        "Sesuai",
        "30 Nov 2022",
        "2",
        "0,9",
        "3 Nov 2022",
        "+27 hari",
    ]
    # Province: 25 left × 7/6 = 29,2 → 30 days → 30 Nov, 10 days after 20 Nov (negative: late).
    assert rows.loc["Kalimantan Timur", "Selisih"] == "-10 hari"
    # Samarinda: no family in 25–31 Oct, so no projection.
    assert rows.loc["Samarinda", ["Status", "Proyeksi selesai", "Selisih"]].tolist() == [
        "Waspada", "Macet", "—",
    ]  # fmt: skip


def test_a_target_reached_is_said_so(open_schedule, jadwal_warehouse):
    at = open_schedule(jadwal_warehouse, tanggal="2022-10-31", kab="6411")
    needed, _ = tables(at)
    assert needed.iloc[0]["Keluarga diperlukan"] == "0"
    assert needed.iloc[0]["Bila laju bertahan"] == "Tercapai"
    assert needed.iloc[0]["Rasio perlu/kini"] == "—"


def test_a_regency_narrows_the_page(open_schedule):
    at = open_schedule(tanggal="2022-10-24", kab="6411")
    assert at.caption[0].value.startswith("Kabupaten Mahakam Ulu, keadaan per 24 Okt 2022")
    # The chosen regency's status: 2 of 10 = 20,0 % against 80 × 10/31 = 25,8 %, 8 left.
    assert [alert.value for alert in at.warning] == [
        "Waspada: 5,8 poin di belakang rencana (capaian 20,0%, rencana 25,8%); sisa 8 keluarga.",
    ]
    needed, finish = tables(at)
    # 80 % of 10 = 8 − 2 = 6 over 21 days = 0,3 a day, exactly the current 2/7: enough if it holds.
    assert needed.iloc[0].tolist() == [
        "14 Nov 2022", "Pendataan lapangan (80%)", "6", "21 hari", "0,3", "0,3", "1,0×",
        "Cukup",
    ]  # fmt: skip
    assert needed.iloc[1][["Tanggal target", "Tahap (target)", "Keluarga diperlukan"]].tolist() == [
        "30 Nov 2022", "Perpanjangan nasional (100%)", "8",
    ]  # fmt: skip
    # The chosen regency and the province; Mahakam Ulu 8 left × 7/2 = 28 days → 21 Nov.
    assert finish["Kabupaten/kota"].tolist() == ["Mahakam Ulu", "Kalimantan Timur"]
    assert finish.iloc[0]["Proyeksi selesai"] == "21 Nov 2022"
    assert any("punya jadwal sendiri" in caption.value for caption in at.caption)


def test_a_day_after_the_last_data_says_so_above_the_status(open_schedule):
    at = open_schedule(tanggal="2022-11-10")
    # The data end on 2 Nov: 26 of 50 = 52,0 % against the plan of 10 Nov, 90 × 27/31 = 78,4 %.
    assert at.warning[0].value.startswith("Data terakhir 2 Nov 2022, 8 hari tanpa kiriman.")
    assert [error.value for error in at.error] == [
        "Tertinggal: 26,4 poin di belakang rencana (capaian 52,0%, rencana 78,4%); sisa 24 keluarga."
        " Dinilai dari data sampai 2 Nov 2022.",
    ]


def test_a_regency_following_the_province_says_so(open_schedule):
    at = open_schedule(tanggal="2022-10-24", kab="6472")
    assert any("mengikuti jadwal provinsi" in caption.value for caption in at.caption)
    needed, _ = tables(at)
    assert needed["Keluarga diperlukan"].tolist() == ["14", "18"]


def test_english(open_schedule):
    at = open_schedule(tanggal="2022-10-24", bahasa="en")
    assert at.title[0].value == "Schedule & projection"
    assert [alert.value for alert in at.success] == [
        "On track: 19,0 points ahead of plan (48,0% complete, 29,0% planned); 26 families left.",
    ]
    needed, finish = tables(at)
    assert needed.iloc[0][["Target date", "Days left", "Needed a day", "If the pace holds"]].tolist() == [
        "14 Nov 2022", "21 days", "1,0", "Enough",
    ]  # fmt: skip
    # Mahakam Ulu on 24 Oct: amber (20,0 % against 25,8 %); 8 left at 2/7 a day → 28 days → 21 Nov,
    # 9 days before 30 Nov.
    assert finish.set_index("Regency/city").loc[
        "Mahakam Ulu", ["Status", "Projected finish", "Gap"]
    ].tolist() == ["At risk", "21 Nov 2022", "+9 days"]


def test_without_a_schedule_the_page_says_so(open_schedule, small_warehouse):
    at = open_schedule(without_schedule(small_warehouse), tanggal="2022-10-24")
    # The shared status first (nothing to judge against), then the page's two sections without a plan.
    assert [info.value for info in at.info] == [
        "Jadwal belum dimuat: capaian tidak dapat dibandingkan dengan rencana.",
        *["Jadwal belum dimuat: tidak ada rencana untuk dibandingkan."] * 2,
    ]
    assert len(at.dataframe) == 1  # only the projection table
    # The province is not judged and has no target date; its projection stands: 26 left at 15/7 a day
    # → ceil(12,1) = 13 days → 6 Nov.
    assert at.dataframe[0].value.iloc[-1].tolist() == [
        "Kalimantan Timur", "Belum dinilai", "—", "26", "2,1", "6 Nov 2022", "—",
    ]  # fmt: skip


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
