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
