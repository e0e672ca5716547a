"""Known answers for queries/petugas_kinerja.sql, computed by hand (see the comments).

The small campaign (fixtures/kecil): PPL-1 holds Samarinda RT 001 + RT 002 (10 + 10 families), PPL-2
Samarinda Ilir RT 001 (20), both checked by PML-1 under Koseka KSK-1; PPL-3 holds Mahakam Ulu RT 001
(10), PML-2 under KSK-2. Samarinda follows the province's plan (0 % at the end of 14 Oct → 90 % at
14 Nov), Mahakam Ulu its own (→ 80 % at 14 Nov). fixtures/petugas adds Balikpapan, where the median
rule and the idle rule bite (see `officers_balikpapan`). Both plans end at 100 % (20 Nov, 30 Nov).

An officer's plan is their regency's curve from the day they started, stretched to reach 100 % on the
regency's target day (`fair`): PPL-1 started on 15 Oct, PPL-2 on 16 Oct, PPL-3 on 21 Oct.
"""

import datetime as dt
from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from queries import Warehouse

AS_OF = dt.date(2022, 10, 24)
PLAN_PROVINCE = 90 * 10 / 31  # % planned at the end of 24 Oct: 10 days into 31
PLAN_MAHAKAM_ULU = 80 * 10 / 31


def province_plan(day: int) -> float:
    """The province's (and Samarinda's, Balikpapan's) plan at the end of October `day`."""
    return 90 * (day - 14) / 31


def fair(plan_now: float, plan_before_start: float) -> float:
    """An officer's planned %: the regency's plan since the day before they started, stretched to 100 %."""
    return (plan_now - plan_before_start) * 100 / (100 - plan_before_start)


PLAN_PPL = {
    "PPL-1": PLAN_PROVINCE,  # from the campaign's first day: the regency's own plan
    "PPL-2": fair(PLAN_PROVINCE, province_plan(15)),  # 26,9 %
    "PPL-3": fair(PLAN_MAHAKAM_ULU, 80 * 6 / 31),  # 12,2 %
}
SUMMED = [
    "ditugaskan", "jumlah_sls", "terdata", "terdata_7hari", "sisa_keluarga", "jumlah_ppl", "ppl_aktif",
    "ppl_menganggur", "ppl_belum_mulai", "ppl_tertinggal", "ppl_beban_berlebih",
]  # fmt: skip


def kinerja(warehouse: Path, as_of: dt.date = AS_OF, kab: str | None = None) -> pd.DataFrame:
    return Warehouse(warehouse).run("petugas_kinerja", as_of=as_of, kab=kab)


def ppl(rows: pd.DataFrame) -> pd.DataFrame:
    return rows[rows.tingkat == "PPL"].set_index("id_petugas")


def team(rows: pd.DataFrame, level: str, column: str, code: str) -> pd.Series:
    return rows[(rows.tingkat == level) & (rows[column] == code)].iloc[0]


@pytest.fixture(scope="module")
def rows(small_warehouse_template) -> pd.DataFrame:
    return kinerja(small_warehouse_template)


@pytest.fixture(scope="module")
def officers(rows) -> pd.DataFrame:
    return ppl(rows)


@pytest.fixture(scope="module")
def officers_balikpapan(petugas_warehouse) -> pd.DataFrame:
    return ppl(kinerja(petugas_warehouse, kab="6471"))


def test_assigned_and_registered_as_of_the_day(officers):
    assert officers.ditugaskan.to_dict() == {"PPL-1": 20, "PPL-2": 20, "PPL-3": 10}
    assert officers.jumlah_sls.to_dict() == {"PPL-1": 2, "PPL-2": 1, "PPL-3": 1}
    # PPL-1: K01–K07 (K08 comes on 2 Nov) and K09–K13; PPL-2: K14–K23; PPL-3: K24, K25 (K26 on 25 Oct).
    assert officers.terdata.to_dict() == {"PPL-1": 12, "PPL-2": 10, "PPL-3": 2}
    assert officers.persen.to_dict() == pytest.approx({"PPL-1": 60.0, "PPL-2": 50.0, "PPL-3": 20.0})
    assert officers.sisa_keluarga.to_dict() == {"PPL-1": 8, "PPL-2": 10, "PPL-3": 8}


def test_a_later_day_counts_the_later_families(small_warehouse_template):
    later = ppl(kinerja(small_warehouse_template, dt.date(2022, 11, 2)))
    assert later.terdata.to_dict() == {"PPL-1": 13, "PPL-2": 10, "PPL-3": 3}  # + K08, + K26


def test_families_a_day_over_the_last_seven_days(officers):
    # 18–24 Oct. PPL-1: K05, K06 (20), K07 (24), K09, K10 (18), K11–K13 (22) = 8;
    # PPL-2: K19–K23 (19 Oct; K14–K18 on 16 Oct are older) = 5; PPL-3: K24, K25 = 2.
    assert officers.terdata_7hari.to_dict() == {"PPL-1": 8, "PPL-2": 5, "PPL-3": 2}
    assert officers.laju_7hari.to_dict() == pytest.approx({"PPL-1": 8 / 7, "PPL-2": 5 / 7, "PPL-3": 2 / 7})


def test_expected_by_today_and_the_gap(officers):
    # Expected = assigned × the officer's own plan for the day; gap = counted − expected.
    assert officers.harapan_persen.to_dict() == pytest.approx(PLAN_PPL)
    expected = {"PPL-1": 20 * PLAN_PPL["PPL-1"] / 100, "PPL-2": 20 * PLAN_PPL["PPL-2"] / 100}
    expected["PPL-3"] = 10 * PLAN_PPL["PPL-3"] / 100
    assert officers.harapan_keluarga.to_dict() == pytest.approx(expected)  # 5,8 / 5,4 / 1,2 families
    assert officers.selisih_keluarga.to_dict() == pytest.approx(
        {"PPL-1": 12 - expected["PPL-1"], "PPL-2": 10 - expected["PPL-2"], "PPL-3": 2 - expected["PPL-3"]}
    )
    assert officers.selisih.to_dict() == pytest.approx(
        {"PPL-1": 60 - PLAN_PPL["PPL-1"], "PPL-2": 50 - PLAN_PPL["PPL-2"], "PPL-3": 20 - PLAN_PPL["PPL-3"]}
    )
    # PPL-3 started on 21 Oct: held to 12,2 % (not the regency's 25,8 %), 20 % is ahead.
    assert officers.status.to_dict() == {"PPL-1": "hijau", "PPL-2": "hijau", "PPL-3": "hijau"}
    assert officers.ppl_tertinggal.sum() == 0


def test_an_officer_who_has_not_started_follows_the_regency_plan(officers_balikpapan):
    # PPL-4 has no family: held to the whole plan from 15 Oct (29,0 %), 0 % → red.
    assert officers_balikpapan.harapan_persen["PPL-4"] == pytest.approx(PLAN_PROVINCE)
    assert officers_balikpapan.status["PPL-4"] == "merah"


def test_red_status_marks_an_officer_behind_plan(small_warehouse_template):
    # 2 Nov, 19 days into 31: plan 55,2 % (province) and 49,0 % (Mahakam Ulu); PPL-2's own 53,8 %,
    # PPL-3's 39,7 %. PPL-1 13/20 = 65 % (+9,8), PPL-2 10/20 = 50 % (−3,8), PPL-3 3/10 = 30 % (−9,7 → red).
    later = ppl(kinerja(small_warehouse_template, dt.date(2022, 11, 2)))
    assert later.selisih["PPL-2"] == pytest.approx(50 - fair(90 * 19 / 31, province_plan(15)))
    assert later.selisih["PPL-3"] == pytest.approx(30 - fair(80 * 19 / 31, 80 * 6 / 31))
    assert later.status.to_dict() == {"PPL-1": "hijau", "PPL-2": "kuning", "PPL-3": "merah"}
    assert later.ppl_tertinggal.to_dict() == {"PPL-1": 0, "PPL-2": 0, "PPL-3": 1}


def test_last_day_worked_and_days_idle(officers):
    assert officers.terakhir_didata.dt.date.to_dict() == {
        "PPL-1": dt.date(2022, 10, 24),
        "PPL-2": dt.date(2022, 10, 19),
        "PPL-3": dt.date(2022, 10, 23),
    }
    assert officers.hari_menganggur.to_dict() == {"PPL-1": 0, "PPL-2": 5, "PPL-3": 1}
    # Idle: no family on 22, 23 or 24 Oct and families left: only PPL-2.
    assert officers.ppl_menganggur.to_dict() == {"PPL-1": 0, "PPL-2": 1, "PPL-3": 0}


def test_team_of_a_pml_and_of_a_koseka(rows):
    # PML-1 = PPL-1 + PPL-2: 40 assigned, 22 registered = 55 %; expected 5,8 + 5,4 = 11,2 families.
    for level, column, code in [("PML", "id_pml", "PML-1"), ("KOSEKA", "id_koseka", "KSK-1")]:
        row = team(rows, level, column, code)
        assert (row.ditugaskan, row.terdata, row.terdata_7hari) == (40, 22, 13)
        assert row.persen == pytest.approx(55.0)
        planned = 20 * PLAN_PPL["PPL-1"] / 100 + 20 * PLAN_PPL["PPL-2"] / 100
        assert row.harapan_keluarga == pytest.approx(planned)
        assert row.selisih == pytest.approx(55 - 100 * planned / 40)
        assert row.status == "hijau"
        assert (row.jumlah_ppl, row.ppl_menganggur, row.ppl_tertinggal) == (2, 1, 0)
    assert team(rows, "PML", "id_pml", "PML-1").nama == "Budi Santoso"
    assert team(rows, "KOSEKA", "id_koseka", "KSK-1").nama == "Siti Rahmah"


def test_the_regency_filter_keeps_its_officers_only(small_warehouse_template):
    rows = kinerja(small_warehouse_template, kab="6411")
    assert list(ppl(rows).index) == ["PPL-3"]
    assert set(rows.tingkat) == {"PPL", "PML", "KOSEKA", "KAB"}  # no province row for one regency
    regency = team(rows, "KAB", "kode_kab", "6411")
    assert (regency.ditugaskan, regency.terdata, regency.nama) == (10, 2, "Kabupaten Mahakam Ulu")
    # An area's plan and status are capaian_wilayah's alone: the officers' rows of it carry none.
    assert regency[["harapan_persen", "harapan_keluarga", "selisih", "status"]].isna().all()


def test_officers_sum_to_their_teams_regency_and_province(petugas_warehouse):
    rows = kinerja(petugas_warehouse)
    officers = rows[rows.tingkat == "PPL"]
    for level, column in [("PML", "id_pml"), ("KOSEKA", "id_koseka"), ("KAB", "kode_kab")]:
        totals = rows[rows.tingkat == level].set_index(column)[SUMMED].sort_index()
        pd.testing.assert_frame_equal(officers.groupby(column)[SUMMED].sum(), totals, check_names=False)
    province = rows[rows.tingkat == "PROV"].iloc[0]
    assert officers[SUMMED].sum().to_dict() == province[SUMMED].to_dict()
    # The province is the sum of the regencies asked one by one.
    by_regency = pd.concat(
        kinerja(petugas_warehouse, kab=kab).query("tingkat == 'KAB'") for kab in ["6411", "6471", "6472"]
    )
    assert by_regency[SUMMED].sum().to_dict() == province[SUMMED].to_dict()


def test_officers_reconcile_with_the_regency_figures(small_warehouse_template, rows):
    # Every SLS of the small campaign is assigned and every family registered by an officer of its
    # own regency, so the officers' regency sums equal the overview's.
    areas = Warehouse(small_warehouse_template).run("capaian_wilayah", as_of=AS_OF).set_index("kode_wilayah")
    regencies = rows[rows.tingkat == "KAB"].set_index("kode_kab")
    for kab in ["6411", "6472"]:
        assert regencies.loc[kab, "ditugaskan"] == areas.loc[kab, "target_keluarga"]
        assert regencies.loc[kab, "terdata"] == areas.loc[kab, "terdata"]
        assert regencies.loc[kab, "terdata_7hari"] == areas.loc[kab, "terdata_7hari"]
        assert regencies.loc[kab, "jumlah_ppl"] == areas.loc[kab, "jumlah_ppl"]
        assert (
            regencies.loc[kab, "jumlah_ppl"] - regencies.loc[kab, "ppl_menganggur"]
            == areas.loc[kab, "ppl_aktif"]
        )


def test_overloaded_is_above_one_and_a_half_times_the_regency_median(officers_balikpapan):
    # Balikpapan assigns 10, 12, 20 and 40 families; PPL-8 holds no SLS and is left out of the median
    # (with it, 0, 10, 12, 20, 40 would give 12 and flag PPL-6 too): median 16, limit 24.
    assert officers_balikpapan.median_kab.unique().tolist() == [16.0]
    assert officers_balikpapan.batas_beban.unique().tolist() == [24.0]
    assert officers_balikpapan.ppl_beban_berlebih[lambda flags: flags > 0].index.tolist() == ["PPL-7"]
    assert officers_balikpapan.kali_median["PPL-7"] == pytest.approx(40 / 16)


def test_small_campaign_has_no_overloaded_officer(officers):
    # Samarinda 20 and 20: median 20, limit 30; Mahakam Ulu's one PPL is its own median.
    assert officers.median_kab.to_dict() == {"PPL-1": 20.0, "PPL-2": 20.0, "PPL-3": 10.0}
    assert officers.ppl_beban_berlebih.sum() == 0


def test_idle_officers_and_those_who_never_started(officers_balikpapan):
    rows = officers_balikpapan
    # PPL-4: no family at all; the plan started on 15 Oct (0 % at the end of 14 Oct) → 10 days.
    assert pd.isna(rows.terakhir_didata["PPL-4"])
    assert rows.hari_menganggur["PPL-4"] == 10
    assert rows.ppl_belum_mulai["PPL-4"] == 1
    # PPL-5: 3 families on 21 Oct, none on 22–24 Oct → 3 days, idle (the limit counts).
    # PPL-6: 20 of 20 by 20 Oct → finished, not idle. PPL-7: last on 22 Oct → 2 days, not idle.
    # PPL-8: no SLS, nothing left to do → not idle.
    assert rows.hari_menganggur.to_dict() == {"PPL-4": 10, "PPL-5": 3, "PPL-6": 4, "PPL-7": 2, "PPL-8": 10}
    assert rows.ppl_menganggur.to_dict() == {"PPL-4": 1, "PPL-5": 1, "PPL-6": 0, "PPL-7": 0, "PPL-8": 0}
    # PPL-4 0 % against 29,0 % → red; PPL-8 without SLS has no status.
    assert rows.status["PPL-4"] == "merah"
    assert pd.isna(rows.status["PPL-8"]) and pd.isna(rows.persen["PPL-8"])


def test_koseka_rolls_up_its_pml(petugas_warehouse):
    rows = kinerja(petugas_warehouse, kab="6471")
    # PML-3: PPL-4 + PPL-5 = 22 assigned, 3 registered = 13,6 %; planned 10 × 29,0 % (PPL-4, not
    # started) + 12 × 14,1 % (PPL-5, from 21 Oct) = 4,6 families = 20,9 % → 7,2 points behind: amber.
    pml3 = team(rows, "PML", "id_pml", "PML-3")
    planned = 10 * PLAN_PROVINCE / 100 + 12 * fair(PLAN_PROVINCE, province_plan(20)) / 100
    assert pml3.harapan_keluarga == pytest.approx(planned)
    assert (pml3.ditugaskan, pml3.terdata, pml3.status) == (22, 3, "kuning")
    assert (pml3.ppl_menganggur, pml3.ppl_belum_mulai, pml3.ppl_tertinggal) == (2, 1, 1)
    # PML-4: 20 + 40 + 0 = 60 assigned, 20 + 10 = 30 registered = 50 % → green; PPL-7 overloaded.
    pml4 = team(rows, "PML", "id_pml", "PML-4")
    assert (pml4.ditugaskan, pml4.terdata, pml4.status, pml4.ppl_beban_berlebih) == (60, 30, "hijau", 1)
    # KSK-3: 82 assigned, 33 registered = 40,2 % against its officers' 16,9 % → green, 2 PPL idle, 1 behind.
    ksk3 = team(rows, "KOSEKA", "id_koseka", "KSK-3")
    assert (ksk3.ditugaskan, ksk3.terdata, ksk3.jumlah_ppl) == (82, 33, 5)
    assert ksk3.persen == pytest.approx(100 * 33 / 82)
    assert (ksk3.status, ksk3.ppl_menganggur, ksk3.ppl_tertinggal) == ("hijau", 2, 1)


def test_before_the_campaign_nobody_is_idle(petugas_warehouse):
    rows = ppl(kinerja(petugas_warehouse, dt.date(2022, 10, 14)))
    assert rows.harapan_keluarga.sum() == 0
    assert rows.hari_menganggur.isna().all()
    assert rows.ppl_menganggur.sum() == 0 and rows.ppl_aktif.sum() == 0


def test_active_idle_and_nothing_left_add_up_to_every_officer(officers_balikpapan):
    # 24 Oct: PPL-7 active (22 Oct); PPL-4, PPL-5 idle; PPL-6 finished and PPL-8 without SLS: nothing left.
    rows = officers_balikpapan
    assert rows.ppl_aktif.to_dict() == {"PPL-4": 0, "PPL-5": 0, "PPL-6": 0, "PPL-7": 1, "PPL-8": 0}
    nothing_left = rows.jumlah_ppl - rows.ppl_aktif - rows.ppl_menganggur
    assert (nothing_left[nothing_left > 0].index.tolist(), rows.sisa_keluarga["PPL-6"]) == (
        ["PPL-6", "PPL-8"],
        0,
    )


def test_demo_officers_sum_to_the_regencies_and_the_province(full):
    as_of = dt.date(2022, 11, 5)
    rows = kinerja(full.warehouse, as_of)
    officers = rows[rows.tingkat == "PPL"]
    regencies = rows[rows.tingkat == "KAB"].set_index("kode_kab")
    pd.testing.assert_frame_equal(
        officers.groupby("kode_kab")[SUMMED].sum(), regencies[SUMMED], check_names=False
    )
    assert regencies[SUMMED].sum().to_dict() == rows[rows.tingkat == "PROV"].iloc[0][SUMMED].to_dict()
    # The officers' families are the overview's families (the demo's officers work in their own regency).
    areas = full.capaian(as_of)
    assert regencies.terdata.sum() == areas.loc["64", "terdata"]
    samarinda = kinerja(full.warehouse, as_of, kab="6472")
    assert samarinda[samarinda.tingkat == "KAB"].iloc[0].terdata == regencies.loc["6472", "terdata"]


# --- The page's questions: petugas_kinerja's rows, picked, sorted and cut -----------------------------
#
# The officers page asks for no more than it shows (queries/petugas_daftar.sql and the other petugas_*
# questions); each answer must be exactly petugas_kinerja's rows picked, sorted and cut as the page's
# files do it in pandas (every row of a list, from petugas_kinerja), so that a file starts with the rows
# on the screen. Equal rows keep petugas_kinerja's order (a stable sort).

COLUMNS = [
    "tingkat", "kode_kab", "nama_pendek", "id_koseka", "id_pml", "id_petugas", "nama", "nama_pml",
    "nama_koseka", "jumlah_sls", "ditugaskan", "terdata", "persen", "terdata_7hari", "laju_7hari",
    "harapan_keluarga", "harapan_persen", "selisih_keluarga", "selisih", "status", "sisa_keluarga",
    "terakhir_didata", "hari_menganggur", "median_kab", "batas_beban", "kali_median", "mulai", "jumlah_ppl",
    "ppl_aktif", "ppl_menganggur", "ppl_belum_mulai", "ppl_tertinggal", "ppl_beban_berlebih",
]  # fmt: skip
# Each list of PPL: the flag that picks its rows (none: every PPL), its sort, ascending or not.
LISTS = {
    "tertinggal": ("ppl_tertinggal", ["selisih"], True),
    "menganggur": ("ppl_menganggur", ["hari_menganggur", "sisa_keluarga"], False),
    "beban": ("ppl_beban_berlebih", ["kali_median"], False),
    "semua": (None, ["selisih"], True),
}
CUT = 40  # rows of a list: fewer than the demo's lists hold, so that the cut is tested
POINTS = 101  # points per regency: fewer than every demo regency but Mahakam Ulu holds
# (warehouse fixture, day, regency): the demo on three days, the small campaigns with Balikpapan.
VIEWS = [
    ("full", dt.date(2022, 10, 20), None),
    ("full", dt.date(2022, 11, 5), None),
    ("full", dt.date(2022, 11, 5), "6472"),
    ("full", dt.date(2022, 11, 15), "6411"),
    ("petugas_warehouse", AS_OF, None),
    ("petugas_warehouse", dt.date(2022, 11, 2), "6471"),
    ("petugas_warehouse", dt.date(2022, 10, 14), None),  # before the campaign: nobody idle
]


def warehouse_of(request, fixture: str) -> Path:
    found = request.getfixturevalue(fixture)
    return found.warehouse if fixture == "full" else found


def picked(rows: pd.DataFrame, name: str) -> pd.DataFrame:
    """List `name` of petugas_kinerja's PPL rows, as the page's files pick and sort it."""
    flag, order, ascending = LISTS[name]
    ppl = rows[rows.tingkat == "PPL"]
    ppl = ppl[ppl[flag] > 0] if flag else ppl
    return ppl.sort_values(order, ascending=ascending, kind="stable")


def same_rows(answer: pd.DataFrame, expected: pd.DataFrame, columns: list[str] = COLUMNS) -> None:
    """The same rows in the same order, value for value (a column without values may be typed otherwise);
    a sum of fractions of families (a team's or an area's plan) to within its last digits, as DuckDB adds
    them in parallel, in no fixed order."""

    def values(rows: pd.DataFrame) -> pd.DataFrame:
        rows = rows[columns].reset_index(drop=True).astype(object)
        return rows.where(rows.notna(), None)

    pd.testing.assert_frame_equal(values(answer), values(expected), rtol=1e-12, atol=1e-9)


def even_sample(values: pd.Series, limit: int) -> list[float]:
    """The values a chart of at most `limit` points draws of a regency, as it was drawn in pandas before
    the sample moved into SQL: every k-th of the sorted values, lowest and highest included."""
    ordered = values.sort_values().to_numpy()
    if len(ordered) <= limit:
        return ordered.tolist()
    return ordered[np.unique(np.linspace(0, len(ordered) - 1, limit).round().astype(int))].tolist()


def plotly_fences(values: np.ndarray, q1: float, q3: float) -> tuple[float, float]:
    """The ends of the whiskers plotly draws from sorted `values` (its box/calc.js): the lowest value
    not below q1 − 1.5 × (q3 − q1) and the highest not above q3 + 1.5 × (q3 − q1), within a billionth of
    the mean step between values, never inside the box."""
    step = (values[-1] - values[0]) / (len(values) - 1) if len(values) > 1 else 1
    low = values[values >= 2.5 * q1 - 1.5 * q3 - step * 1e-9].min()
    high = values[values <= 2.5 * q3 - 1.5 * q1 + step * 1e-9].max()
    return min(q1, low), max(q3, high)


@pytest.mark.parametrize(("fixture", "day", "kab"), VIEWS)
def test_the_pages_lists_are_petugas_kinerjas_rows_cut(request, fixture, day, kab):
    warehouse = warehouse_of(request, fixture)
    rows = kinerja(warehouse, day, kab)
    shown = Warehouse(warehouse).run("petugas_daftar", as_of=day, kab=kab, batas=CUT, titik=POINTS)
    area = rows[rows.tingkat == ("KAB" if kab else "PROV")]
    same_rows(shown[shown.daftar == "wilayah"], area)
    for name in LISTS:
        listed = shown[shown.daftar == name]
        assert listed.urutan.tolist() == list(range(1, len(listed) + 1))
        same_rows(listed, picked(rows, name).head(CUT))
    # A list's length is the area's count of it.
    counts = area.iloc[0]
    for name, (flag, _, _) in LISTS.items():
        assert len(picked(rows, name)) == (counts[flag] if flag else counts.jumlah_ppl)


@pytest.mark.parametrize(("fixture", "day", "kab"), VIEWS)
def test_the_spread_is_every_ppls_box_and_an_even_sample(request, fixture, day, kab):
    """The box is plotly's own (quartilemethod 'linear', its default: numpy's method 'hazen', the value
    at position n × p − ½), of every PPL of the regency; the points an even sample by value, as drawn
    before the sample moved into SQL."""
    warehouse = warehouse_of(request, fixture)
    ppl = kinerja(warehouse, day, kab).query("tingkat == 'PPL'").set_index("id_petugas")
    shown = Warehouse(warehouse).run("petugas_daftar", as_of=day, kab=kab, batas=CUT, titik=POINTS)
    for measure in ["ditugaskan", "laju_7hari"]:
        points = shown[shown.daftar == measure]
        assert points.urutan.tolist() == list(range(1, len(points) + 1))
        assert list(dict.fromkeys(points.kode_kab)) == sorted(ppl.kode_kab.unique())
        for regency, drawn in points.groupby("kode_kab"):
            values = ppl[ppl.kode_kab == regency][measure].astype(float)
            quartiles = np.quantile(values, [0.25, 0.5, 0.75], method="hazen")
            box = drawn.iloc[0]
            assert [box.q1, box["median"], box.q3] == pytest.approx(quartiles, rel=1e-12, abs=1e-12)
            fences = plotly_fences(np.sort(values.to_numpy()), box.q1, box.q3)
            assert (box.bawah, box.atas) == pytest.approx(fences, rel=1e-12, abs=1e-12)
            assert (drawn[["q1", "median", "q3", "bawah", "atas"]].nunique() == 1).all()
            assert (drawn.jumlah == len(values)).all()
            assert drawn.nilai.tolist() == even_sample(values, POINTS)
            # Each point is its officer's row.
            same_rows(drawn, ppl.loc[drawn.id_petugas].reset_index(), COLUMNS)
            assert drawn.nilai.tolist() == drawn[measure].astype(float).tolist()


def test_a_sample_keeps_the_lowest_and_the_highest(full):
    shown = Warehouse(full.warehouse).run(
        "petugas_daftar", as_of=dt.date(2022, 11, 5), kab="6472", batas=1, titik=3
    )
    points = shown[shown.daftar == "ditugaskan"]
    # Samarinda's 1.316 PPL drawn as 3: the lowest workload, the middle one and the highest.
    ppl = kinerja(full.warehouse, dt.date(2022, 11, 5), "6472").query("tingkat == 'PPL'")
    assert points.nilai.tolist() == even_sample(ppl.ditugaskan.astype(float), 3)
    assert points.nilai.iloc[[0, -1]].tolist() == [ppl.ditugaskan.min(), ppl.ditugaskan.max()]


@pytest.mark.parametrize(("fixture", "day", "kab"), VIEWS[:5:2])
@pytest.mark.parametrize("search", ["PPL-64", "a", "RINA", "ppl-7", "%", "_", "'; --"])
def test_a_search_is_petugas_kinerjas_ppl_whose_id_or_name_holds_it(request, fixture, day, kab, search):
    warehouse = warehouse_of(request, fixture)
    ppl = picked(kinerja(warehouse, day, kab), "semua")
    holds = ppl.id_petugas.str.contains(search, case=False, regex=False) | ppl.nama.str.contains(
        search, case=False, regex=False
    )
    found = Warehouse(warehouse).run("petugas_cari", as_of=day, kab=kab, cari=search, batas=CUT)
    same_rows(found, ppl[holds].head(CUT))
    assert set(found.jumlah) <= {holds.sum()}


def test_no_search_is_every_ppl_as_the_page_lists_them(full):
    day = dt.date(2022, 11, 5)
    everyone = Warehouse(full.warehouse).run("petugas_cari", as_of=day, kab=None, cari=None, batas=CUT)
    shown = Warehouse(full.warehouse).run("petugas_daftar", as_of=day, kab=None, batas=CUT, titik=POINTS)
    same_rows(everyone, shown[shown.daftar == "semua"])
    assert set(everyone.jumlah) == {6400}


def teams_of(rows: pd.DataFrame) -> pd.DataFrame:
    """The teams of petugas_kinerja's rows, each Koseka before its PML, as the page lists them."""
    teams = rows[rows.tingkat.isin(["PML", "KOSEKA"]) & rows.nama.notna()]
    return teams.assign(pml=teams.tingkat == "PML").sort_values(["kode_kab", "id_koseka", "pml", "id_pml"])


@pytest.mark.parametrize(("fixture", "day", "kab"), VIEWS[1:3] + VIEWS[4:6])
def test_the_teams_are_petugas_kinerjas_teams(request, fixture, day, kab):
    warehouse = warehouse_of(request, fixture)
    expected = teams_of(kinerja(warehouse, day, kab))
    columns = ["tingkat", "kode_kab", "nama_pendek", "id_koseka", "id_pml", "nama"]
    teams = Warehouse(warehouse).run("petugas_tim", kab=kab, cari=None, batas=100_000)
    same_rows(teams, expected, columns)
    assert set(teams.jumlah) == {len(expected)}
    first = Warehouse(warehouse).run("petugas_tim", kab=kab, cari=None, batas=3)
    same_rows(first, expected.head(3), columns)
    # A search: the teams whose leader's id or name holds the text, in any case.
    search = expected.nama.iloc[-1][1:4].upper()
    leader = expected.id_pml.fillna(expected.id_koseka)
    holds = leader.str.contains(search, case=False, regex=False) | expected.nama.str.contains(
        search, case=False, regex=False
    )
    found = Warehouse(warehouse).run("petugas_tim", kab=kab, cari=search, batas=100_000)
    same_rows(found, expected[holds], columns)
    assert len(Warehouse(warehouse).run("petugas_tim", kab=kab, cari="%", batas=10)) == 0


@pytest.mark.parametrize(("fixture", "day"), [("full", dt.date(2022, 11, 5)), ("petugas_warehouse", AS_OF)])
def test_a_teams_members_asked_for_its_regency_are_the_provinces(request, fixture, day):
    """The page asks a team for its own regency (an officer's figures depend on their regency alone): the
    team's row and its members are petugas_kinerja's of the whole province."""
    warehouse = warehouse_of(request, fixture)
    rows = kinerja(warehouse, day)
    teams = teams_of(rows)
    for team in [*teams.head(3).itertuples(), *teams.tail(3).itertuples()]:
        leader = team.id_koseka if team.tingkat == "KOSEKA" else team.id_pml
        answer = Warehouse(warehouse).run(
            "petugas_tim_anggota", as_of=day, kab=team.kode_kab, tingkat=team.tingkat, tim=leader
        )
        if team.tingkat == "PML":
            members = rows[(rows.tingkat == "PPL") & (rows.id_pml == leader)]
        else:
            members = rows[(rows.tingkat == "PML") & (rows.id_koseka == leader)]
        own = rows[(rows.tingkat == team.tingkat) & (rows.index == team.Index)]
        same_rows(answer, pd.concat([own, members.sort_values("selisih", kind="stable")]))


@pytest.mark.parametrize(("fixture", "day", "kab"), VIEWS[1:4] + VIEWS[4:6])
def test_the_meetings_teams_are_the_pml_furthest_behind(request, fixture, day, kab):
    warehouse = warehouse_of(request, fixture)
    rows = kinerja(warehouse, day, kab)
    columns = ["tingkat", "kode_kab", "nama_pendek", "id_koseka", "id_pml", "nama", "jumlah_ppl"]
    columns += ["ppl_tertinggal", "ditugaskan", "persen", "harapan_persen", "selisih", "status"]
    area = rows[rows.tingkat == ("KAB" if kab else "PROV")]
    teams = rows[(rows.tingkat == "PML") & rows.selisih.notna()].sort_values("selisih", kind="stable")
    answer = Warehouse(warehouse).run("petugas_tim_tertinggal", as_of=day, kab=kab, batas=8)
    same_rows(answer, pd.concat([area, teams.head(8)]), columns)
