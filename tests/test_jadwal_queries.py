"""Known answers for the schedule page's queries, computed by hand from fixtures/kecil (and, where
said, fixtures/jadwal on top of it).

The small campaign (see tests/test_queries.py): Samarinda (6472) target 40 in 3 SLS, Mahakam Ulu (6411)
target 10; province 50; the other 8 regencies have no SLS. Families enumerated per day, with K-numbers:
  15 Oct 2 (K01 K02)   16 Oct 5 (K14–K18)   17 Oct 2 (K03 K04)   18 Oct 2 (K09 K10)
  19 Oct 5 (K19–K23)   20 Oct 2 (K05 K06)   21 Oct 1 (K24, 6411) 22 Oct 3 (K11–K13)
  23 Oct 1 (K25, 6411) 24 Oct 1 (K07)       25 Oct 1 (K26, 6411)  2 Nov 1 (K08)
Schedule: the province 0 % at the end of 14 Oct → 90 % at 14 Nov ("Pendataan lapangan") → 100 % at
20 Nov ("Target Kaltim"); Mahakam Ulu its own: 0 % → 80 % at 14 Nov → 100 % at 30 Nov
("Perpanjangan nasional"); Samarinda has no rows and follows the province.
"""

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from queries import Warehouse
from tests.helpers import without_schedule

AS_OF = dt.date(2022, 10, 24)
DAY = dt.date


def ask(warehouse: Path, name: str, **params) -> pd.DataFrame:
    return Warehouse(warehouse).run(name, **params)


def on(frame: pd.DataFrame, day: dt.date) -> pd.Series:
    return frame[frame.tanggal.dt.date == day].iloc[0]


# jadwal_kurva: planned against actual, every area, every day.


@pytest.fixture(scope="module")
def curves(small_warehouse_template) -> pd.DataFrame:
    return ask(small_warehouse_template, "jadwal_kurva", as_of=AS_OF)


def area(curves: pd.DataFrame, code: str) -> pd.DataFrame:
    return curves[curves.kode_wilayah == code]


def test_the_curve_spans_the_whole_schedule_for_every_area(curves):
    # From 14 Oct (0 % at the end of the day before the first phase) to 30 Nov (Mahakam Ulu's last
    # phase): 18 + 30 days = 48 days, for the 10 regencies and the province.
    assert curves.tanggal.min().date() == DAY(2022, 10, 14)
    assert curves.tanggal.max().date() == DAY(2022, 11, 30)
    assert curves.groupby("kode_wilayah").size().eq(48).all()
    assert curves.kode_wilayah.nunique() == 11
    assert curves.kode_wilayah.iloc[-1] == "64"  # the province last
    assert on(area(curves, "64"), DAY(2022, 10, 14)).nama_pendek == "Kalimantan Timur"


def test_planned_percent_follows_the_schedule(curves):
    province, samarinda, mahulu = area(curves, "64"), area(curves, "6472"), area(curves, "6411")
    assert on(province, DAY(2022, 10, 14)).harapan_persen == 0
    assert on(province, AS_OF).harapan_persen == pytest.approx(90 * 10 / 31)  # 10 of 31 days to 90 %
    assert on(province, DAY(2022, 11, 14)).harapan_persen == pytest.approx(90)
    assert on(province, DAY(2022, 11, 17)).harapan_persen == pytest.approx(95)  # 90 + 10 × 3/6
    assert on(province, DAY(2022, 11, 20)).harapan_persen == pytest.approx(100)
    assert on(province, DAY(2022, 11, 30)).harapan_persen == pytest.approx(100)  # stays at the end
    # Samarinda has no rows: it follows the province.
    assert on(samarinda, DAY(2022, 11, 17)).harapan_persen == pytest.approx(95)
    # Mahakam Ulu: 80 % at 14 Nov, then 80 + 20 × 8/16 on 22 Nov, 100 % at 30 Nov.
    assert on(mahulu, AS_OF).harapan_persen == pytest.approx(80 * 10 / 31)
    assert on(mahulu, DAY(2022, 11, 14)).harapan_persen == pytest.approx(80)
    assert on(mahulu, DAY(2022, 11, 22)).harapan_persen == pytest.approx(90)
    assert on(mahulu, DAY(2022, 11, 30)).harapan_persen == pytest.approx(100)


def test_actual_is_cumulative_up_to_the_as_of_day_only(curves):
    province, mahulu = area(curves, "64"), area(curves, "6411")
    # 14 Oct 0; 15 Oct 2 (4 %); 16 Oct 7 (14 %); 21 Oct 19; 24 Oct 24 (48 %).
    expected = {
        DAY(2022, 10, 14): 0,
        DAY(2022, 10, 15): 2,
        DAY(2022, 10, 16): 7,
        DAY(2022, 10, 21): 19,
        AS_OF: 24,
    }
    for day, registered in expected.items():
        assert on(province, day).terdata == registered, day
        assert on(province, day).persen == pytest.approx(registered * 2)  # of 50
    # K26 on 25 Oct is after the as-of day: no actual after it.
    assert province[province.tanggal.dt.date > AS_OF].persen.isna().all()
    assert province[province.tanggal.dt.date > AS_OF].terdata.isna().all()
    # Mahakam Ulu: K24 on 21 Oct (1 of 10), K25 on 23 Oct.
    assert on(mahulu, DAY(2022, 10, 20)).persen == 0
    assert on(mahulu, DAY(2022, 10, 21)).persen == pytest.approx(10)
    assert on(mahulu, AS_OF).persen == pytest.approx(20)


def test_a_regency_without_target_has_no_percent(curves):
    paser = area(curves, "6401")
    assert (paser[paser.tanggal.dt.date <= AS_OF].terdata == 0).all()
    assert paser.persen.isna().all()
    assert on(paser, AS_OF).harapan_persen == pytest.approx(90 * 10 / 31)  # follows the province


def test_an_as_of_day_after_the_schedule_extends_the_days(small_warehouse_template):
    curves = ask(small_warehouse_template, "jadwal_kurva", as_of=DAY(2022, 12, 5))
    province = area(curves, "64")
    assert province.tanggal.max().date() == DAY(2022, 12, 5)
    last = on(province, DAY(2022, 12, 5))
    assert (last.harapan_persen, last.terdata, last.persen) == (pytest.approx(100), 26, pytest.approx(52))


# jadwal_harian: families per day and the trailing 7-day average.


def test_families_per_day_for_the_province(small_warehouse_template):
    daily = ask(small_warehouse_template, "jadwal_harian", as_of=AS_OF, kab=None)
    # 15 to 24 Oct; K26 on 25 Oct is after the as-of day.
    assert [day.date() for day in daily.tanggal] == [DAY(2022, 10, d) for d in range(15, 25)]
    assert daily.terdata.tolist() == [2, 5, 2, 2, 5, 2, 1, 3, 1, 1]
    # In the campaign's first week, the average of its days so far: 15 Oct 2/1, 16 Oct 7/2, 20 Oct 18/6;
    # days before the campaign would pull it down.
    assert daily.rata_7hari.iloc[:6].tolist() == pytest.approx([2, 7 / 2, 9 / 3, 11 / 4, 16 / 5, 18 / 6])
    # 21 Oct: 15–21 Oct = 2+5+2+2+5+2+1 = 19; 22 Oct: 16–22 Oct = 20;
    # 24 Oct: 18–24 Oct = 2+5+2+1+3+1+1 = 15, the overview's 7-day pace (2,1 a day).
    assert on(daily, DAY(2022, 10, 21)).rata_7hari == pytest.approx(19 / 7)
    assert on(daily, DAY(2022, 10, 22)).rata_7hari == pytest.approx(20 / 7)
    assert on(daily, AS_OF).rata_7hari == pytest.approx(15 / 7)


def test_families_per_day_for_one_regency(small_warehouse_template):
    daily = ask(small_warehouse_template, "jadwal_harian", as_of=DAY(2022, 10, 25), kab="6411")
    # Mahakam Ulu: K24 on 21 Oct, K25 on 23 Oct, K26 on 25 Oct; days without families are 0.
    assert daily.terdata.tolist() == [0, 0, 0, 0, 0, 0, 1, 0, 1, 0, 1]
    assert daily.rata_7hari.iloc[-1] == pytest.approx(3 / 7)  # 19–25 Oct


# jadwal_tonggak: the schedule's milestones.


def milestone_rows(warehouse: Path, kab: str | None) -> list[tuple]:
    stones = ask(warehouse, "jadwal_tonggak", kab=kab).fillna({"target_persen": -1})
    return [(s.tanggal.date(), s.tahap, s.jenis, s.target_persen, s.sumber) for s in stones.itertuples()]


def test_milestones_of_the_province_and_of_a_regency_following_it(small_warehouse_template):
    province = [
        (DAY(2022, 10, 15), "Pendataan lapangan", "mulai", -1, "64"),  # a start has no target
        (DAY(2022, 11, 14), "Pendataan lapangan", "selesai", 90, "64"),
        (DAY(2022, 11, 20), "Target Kaltim", "selesai", 100, "64"),
    ]
    assert milestone_rows(small_warehouse_template, None) == province
    assert milestone_rows(small_warehouse_template, "6472") == province  # no rows of its own


def test_milestones_of_a_regency_with_its_own_schedule(small_warehouse_template):
    rows = milestone_rows(small_warehouse_template, "6411")
    assert [row[:3] for row in rows] == [
        (DAY(2022, 10, 15), "Pendataan lapangan", "mulai"),
        (DAY(2022, 11, 14), "Pendataan lapangan", "selesai"),
        (DAY(2022, 11, 30), "Perpanjangan nasional", "selesai"),
    ]
    assert [row[3] for row in rows[1:]] == [80, 100]
    assert {row[4] for row in rows} == {"6411"}


# jadwal_laju_perlu: the pace each target still ahead needs.


def needed(warehouse: Path, as_of: dt.date, kab: str | None) -> pd.DataFrame:
    rows = ask(warehouse, "jadwal_laju_perlu", as_of=as_of, kab=kab)
    return rows.set_index(rows.tanggal.dt.date)


def test_needed_pace_for_the_province(small_warehouse_template):
    rows = needed(small_warehouse_template, AS_OF, None)
    assert list(rows.index) == [DAY(2022, 11, 14), DAY(2022, 11, 20)]
    nov14, nov20 = rows.iloc[0], rows.iloc[1]
    # 14 Nov, 90 %: 0.9 × 50 = 45 families, 24 registered → 21 left over 21 days (25 Oct–14 Nov) = 1.0.
    assert (nov14.tahap, nov14.target_persen, nov14.sisa_keluarga, nov14.sisa_hari) == (
        "Pendataan lapangan", 90, 21, 21,
    )  # fmt: skip
    assert nov14.laju_perlu == pytest.approx(1.0)
    # Current: 15 families 18–24 Oct → 15/7 a day; needed/current = 1 / (15/7) = 7/15.
    assert nov14.laju_7hari == pytest.approx(15 / 7)
    assert nov14.rasio == pytest.approx(7 / 15)
    assert nov14.penilaian == "sesuai"
    # 20 Nov, 100 %: 50 − 24 = 26 left over 27 days.
    assert (nov20.tahap, nov20.sisa_keluarga, nov20.sisa_hari) == ("Target Kaltim", 26, 27)
    assert nov20.laju_perlu == pytest.approx(26 / 27)
    assert nov20.penilaian == "sesuai"


def test_needed_pace_for_a_regency_with_its_own_schedule(small_warehouse_template):
    rows = needed(small_warehouse_template, AS_OF, "6411")
    nov14, nov30 = rows.loc[DAY(2022, 11, 14)], rows.loc[DAY(2022, 11, 30)]
    # 80 % of 10 = 8, 2 registered → 6 over 21 days = 2/7 a day; current 2 in 7 days = 2/7 too:
    # exactly the pace needed counts as on track (compared in whole numbers, 2 × 21 ≥ 7 × 6).
    assert (nov14.sisa_keluarga, nov14.sisa_hari) == (6, 21)
    assert nov14.laju_perlu == pytest.approx(2 / 7)
    assert nov14.laju_7hari == pytest.approx(2 / 7)
    assert nov14.rasio == pytest.approx(1.0)
    assert nov14.penilaian == "sesuai"
    # 100 % by 30 Nov ("Perpanjangan nasional"): 8 left over 37 days.
    assert (nov30.tahap, nov30.sisa_keluarga, nov30.sisa_hari) == ("Perpanjangan nasional", 8, 37)


def test_needed_pace_for_a_regency_following_the_province(small_warehouse_template):
    rows = needed(small_warehouse_template, AS_OF, "6472")
    # Samarinda: 90 % of 40 = 36, 22 registered → 14 over 21 days; 40 − 22 = 18 over 27 days; current 13/7.
    assert rows.sisa_keluarga.tolist() == [14, 18]
    assert rows.laju_perlu.tolist() == pytest.approx([2 / 3, 2 / 3])
    assert rows.laju_7hari.iloc[0] == pytest.approx(13 / 7)


def test_in_the_first_week_the_pace_is_over_the_days_so_far(small_warehouse_template):
    # 16 Oct: 7 families in the campaign's 2 days → 3.5 a day (not 7/7 = 1, which would call for speed);
    # 14 Nov needs 45 − 7 = 38 over 29 days = 1.31 a day: on track, needing 0.37 of the pace.
    nov14 = needed(small_warehouse_template, DAY(2022, 10, 16), None).loc[DAY(2022, 11, 14)]
    assert (nov14.sisa_keluarga, nov14.sisa_hari) == (38, 29)
    assert nov14.laju_7hari == pytest.approx(3.5)
    assert nov14.rasio == pytest.approx(38 / 29 / 3.5)
    assert nov14.penilaian == "sesuai"


def test_only_targets_still_ahead_and_the_final_one(small_warehouse_template):
    # 15 Nov: 14 Nov has passed; 100 % by 20 Nov needs 50 − 26 = 24 over 5 days = 4.8 a day. Nobody
    # registered 9–15 Nov: a pace of 0, so speed up, and no ratio.
    rows = needed(small_warehouse_template, DAY(2022, 11, 15), None)
    assert list(rows.index) == [DAY(2022, 11, 20)]
    row = rows.iloc[0]
    assert (row.sisa_keluarga, row.sisa_hari, row.laju_7hari) == (24, 5, 0)
    assert row.laju_perlu == pytest.approx(4.8)
    assert pd.isna(row.rasio)
    assert row.penilaian == "kurang"
    # 25 Nov: the final target date stays, 5 days past, with no pace to ask for.
    row = needed(small_warehouse_template, DAY(2022, 11, 25), None).iloc[0]
    assert (row.tahap, row.sisa_keluarga, row.sisa_hari, row.penilaian) == ("Target Kaltim", 24, -5, "lewat")
    assert pd.isna(row.laju_perlu)


def test_a_target_already_reached(jadwal_warehouse):
    # With K27–K31 on 28 Oct, Mahakam Ulu has 8 of 10 by 31 Oct: its 80 % (8 families) is reached;
    # 100 % by 30 Nov needs 2 over 30 days; current 25–31 Oct: K26 + 5 = 6 → 6/7 a day, on track.
    rows = needed(jadwal_warehouse, DAY(2022, 10, 31), "6411")
    nov14, nov30 = rows.loc[DAY(2022, 11, 14)], rows.loc[DAY(2022, 11, 30)]
    assert (nov14.sisa_keluarga, nov14.penilaian) == (0, "tercapai")
    assert pd.isna(nov14.rasio)
    assert (nov30.sisa_keluarga, nov30.sisa_hari, nov30.penilaian) == (2, 30, "sesuai")
    assert nov30.laju_perlu == pytest.approx(2 / 30)
    assert nov30.laju_7hari == pytest.approx(6 / 7)


def test_families_needed_round_up_to_whole_families(jadwal_warehouse):
    # Province target 55: 90 % is 49,5 → 50 families; registered by 31 Oct: 24 + K26 + K27–K31 = 30.
    # 14 Nov: 20 over 14 days; current 6/7 a day → speed up by (20/14) / (6/7) = 5/3.
    province = needed(jadwal_warehouse, DAY(2022, 10, 31), None)
    nov14 = province.loc[DAY(2022, 11, 14)]
    assert (nov14.target_keluarga, nov14.terdata, nov14.sisa_keluarga, nov14.sisa_hari) == (55, 30, 20, 14)
    assert nov14.rasio == pytest.approx(5 / 3)
    assert nov14.penilaian == "kurang"
    assert province.loc[DAY(2022, 11, 20)].sisa_keluarga == 25  # 55 − 30
    # Samarinda 45: 90 % is 40,5 → 41, 22 registered → 19; no family 25–31 Oct.
    samarinda = needed(jadwal_warehouse, DAY(2022, 10, 31), "6472").loc[DAY(2022, 11, 14)]
    assert (samarinda.sisa_keluarga, samarinda.laju_7hari, samarinda.penilaian) == (19, 0, "kurang")


def test_without_a_schedule_there_is_no_plan_and_no_pace_needed(small_warehouse):
    warehouse = without_schedule(small_warehouse)
    curves = ask(warehouse, "jadwal_kurva", as_of=AS_OF)
    province = area(curves, "64")
    # The days run from the first family (15 Oct) to the as-of day; the actual is still there.
    assert (province.tanggal.min().date(), province.tanggal.max().date()) == (DAY(2022, 10, 15), AS_OF)
    assert province.harapan_persen.isna().all()
    assert on(province, AS_OF).persen == pytest.approx(48)
    assert ask(warehouse, "jadwal_laju_perlu", as_of=AS_OF, kab=None).empty
    assert ask(warehouse, "jadwal_tonggak", kab=None).empty
    assert len(ask(warehouse, "jadwal_harian", as_of=AS_OF, kab=None)) == 10  # 15–24 Oct
