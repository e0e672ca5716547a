"""One pace (families a day) for every question that shows one: over the last 7 days, or over the
campaign's days so far in its first week (queries/macros.sql, hari_laju), so that day 1 does not
project a finish years away.

The small campaign (tests/fixtures/kecil) starts on 15 Oct 2022 (the schedule's first phase, and its
first families, K01 and K02 by PPL-1); its 50 target families are registered on these days:
15 Oct 2, 16 Oct 5, 17 Oct 2, 18 Oct 2, 19 Oct 5, 20 Oct 2, 21 Oct 1, 22 Oct 3, 23 Oct 1, 24 Oct 1.
"""

import datetime as dt

import pandas as pd
import pytest

from queries import Warehouse

START = dt.date(2022, 10, 15)


def province(warehouse, as_of: dt.date):
    areas = Warehouse(warehouse).run("capaian_wilayah", as_of=as_of)
    return areas[areas.kode_wilayah == "64"].iloc[0]


@pytest.mark.parametrize(
    ("as_of", "pace", "finish"),
    [
        # Day 1: 2 families in 1 day; 48 left at 2 a day: 24 days.
        (dt.date(2022, 10, 15), 2.0, dt.date(2022, 11, 8)),
        # Day 3: 2 + 5 + 2 = 9 in 3 days, 3 a day; 41 left: ceil(13.7) = 14 days.
        (dt.date(2022, 10, 17), 3.0, dt.date(2022, 10, 31)),
        # Day 7: 19 in 7 days; 31 left: ceil(31 / (19 / 7)) = ceil(11.4) = 12 days.
        (dt.date(2022, 10, 21), 19 / 7, dt.date(2022, 11, 2)),
        # Day 10: 18-24 Oct, 2 + 5 + 2 + 1 + 3 + 1 + 1 = 15 in 7 days; 26 left: ceil(12.1) = 13 days.
        (dt.date(2022, 10, 24), 15 / 7, dt.date(2022, 11, 6)),
    ],
)
def test_the_pace_and_projection_over_the_days_so_far(small_warehouse_template, as_of, pace, finish):
    area = province(small_warehouse_template, as_of)
    assert area.laju_7hari == pytest.approx(pace)
    assert area.proyeksi_selesai.date() == finish


def test_before_the_campaign_there_is_no_pace(small_warehouse_template):
    area = province(small_warehouse_template, START - dt.timedelta(days=1))
    assert area.laju_7hari == 0 and pd.isna(area.proyeksi_selesai)


def test_an_officers_pace_counts_the_same_days(small_warehouse_template):
    # PPL-1 on day 3: K01, K02 (15 Oct), K03, K04 (17 Oct): 4 in 3 days.
    officers = Warehouse(small_warehouse_template).run(
        "petugas_kinerja", as_of=dt.date(2022, 10, 17), kab=None
    )
    ppl_1 = officers[(officers.tingkat == "PPL") & (officers.id_petugas == "PPL-1")].iloc[0]
    assert ppl_1.laju_7hari == pytest.approx(4 / 3)


@pytest.mark.parametrize("day", range(0, 20))
def test_every_question_gives_the_province_the_same_pace_every_day(small_warehouse_template, day):
    as_of = START - dt.timedelta(days=1) + dt.timedelta(days=day)
    warehouse = Warehouse(small_warehouse_template)
    overview = province(small_warehouse_template, as_of).laju_7hari
    needed = warehouse.run("jadwal_laju_perlu", as_of=as_of, kab=None).laju_7hari.iloc[0]
    officers = warehouse.run("petugas_kinerja", as_of=as_of, kab=None)
    by_officers = officers[officers.tingkat == "PPL"].laju_7hari.sum()
    assert overview == pytest.approx(needed) == pytest.approx(by_officers)
