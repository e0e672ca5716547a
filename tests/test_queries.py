"""Known answers for the queries, computed by hand from fixtures/kecil (see the comments)."""

import datetime as dt

import pytest

from queries import Warehouse, WarehouseMissing

# The small campaign: Samarinda (6472) target 40 in 3 SLS, Mahakam Ulu (6411) target 10; province 50.
# Schedule: province 0 % at end of 14 Oct → 90 % at 14 Nov → 100 % at 20 Nov;
# Mahakam Ulu has its own: 0 % at 14 Oct → 80 % at 14 Nov → 100 % at 30 Nov.
AS_OF = dt.date(2022, 10, 24)


@pytest.fixture
def areas(small_warehouse_template):
    frame = Warehouse(small_warehouse_template).run("capaian_wilayah", as_of=AS_OF)
    return frame.set_index("kode_wilayah")


def test_registered_counts_only_families_enumerated_by_the_as_of_day(areas):
    # Samarinda: SLS1 7 (K08 on 2 Nov is later), SLS2 5, SLS3 10; Mahakam Ulu: K24, K25 (K26 on 25 Oct later).
    assert areas.loc["6472", "terdata"] == 22
    assert areas.loc["6411", "terdata"] == 2
    assert areas.loc["64", "terdata"] == 24
    assert areas.loc["64", "target_keluarga"] == 50
    assert areas.loc["6472", "persen"] == pytest.approx(55.0)
    assert areas.loc["64", "persen"] == pytest.approx(48.0)


def test_expected_progress_interpolates_the_schedule(areas):
    # 10 days into a 31-day straight line from 0 to 90 (province) or 0 to 80 (Mahakam Ulu).
    assert areas.loc["64", "harapan_persen"] == pytest.approx(90 * 10 / 31)
    assert areas.loc["6472", "harapan_persen"] == pytest.approx(90 * 10 / 31)  # follows the province
    assert areas.loc["6411", "harapan_persen"] == pytest.approx(80 * 10 / 31)


def test_gap_and_status(areas):
    assert areas.loc["6472", "selisih"] == pytest.approx(55 - 900 / 31)
    assert areas.loc["6472", "status"] == "hijau"
    assert areas.loc["6411", "selisih"] == pytest.approx(20 - 800 / 31)  # −5.8 points
    assert areas.loc["6411", "status"] == "kuning"


def test_target_date_and_days_left(areas):
    assert areas.loc["64", "tanggal_target"].date() == dt.date(2022, 11, 20)
    assert areas.loc["64", "sisa_hari"] == 27
    assert areas.loc["6411", "tanggal_target"].date() == dt.date(2022, 11, 30)
    assert areas.loc["6411", "sisa_hari"] == 37


def test_projection_at_last_seven_days_pace(areas):
    # 18 to 24 Oct: Samarinda 13 families, Mahakam Ulu 2, province 15.
    assert areas.loc["6472", "terdata_7hari"] == 13
    # Samarinda: 18 left / (13/7 a day) = 9.7 → 10 days → 3 Nov.
    assert areas.loc["6472", "proyeksi_selesai"].date() == dt.date(2022, 11, 3)
    # Mahakam Ulu: 8 left / (2/7) = 28 days → 21 Nov; province: 26 / (15/7) = 12.1 → 13 days → 6 Nov.
    assert areas.loc["6411", "proyeksi_selesai"].date() == dt.date(2022, 11, 21)
    assert areas.loc["64", "proyeksi_selesai"].date() == dt.date(2022, 11, 6)


def test_active_officers_in_last_three_days(areas):
    # 22–24 Oct: PPL-1 (K11–K13, K07) and PPL-3 (K25); PPL-2 last worked on 19 Oct.
    assert areas.loc["64", "ppl_aktif"] == 2
    assert areas.loc["64", "jumlah_ppl"] == 3
    assert areas.loc["6472", "ppl_aktif"] == 1
    assert areas.loc["6411", "ppl_aktif"] == 1


def test_regencies_sum_to_the_province(areas):
    regencies = areas.drop(index="64")
    for column in ["target_keluarga", "terdata", "terdata_7hari", "jumlah_ppl", "ppl_aktif"]:
        assert regencies[column].sum() == areas.loc["64", column], column
    assert len(regencies) == 10


def test_reached_target_has_no_projection(small_warehouse_template):
    areas = Warehouse(small_warehouse_template).run("capaian_wilayah", as_of=dt.date(2022, 11, 15))
    areas = areas.set_index("kode_wilayah")
    # Samarinda ends with 23 of 40; Mahakam Ulu 3 of 10, no family since 25 Oct → no projection.
    assert areas.loc["6472", "terdata"] == 23
    assert not areas.loc["6472", "tercapai"]
    assert areas.loc["6411", "terdata_7hari"] == 0
    assert (
        areas.loc["6411", "proyeksi_selesai"] is None or str(areas.loc["6411", "proyeksi_selesai"]) == "NaT"
    )
    # After the last phase the plan stays at its final target.
    assert areas.loc["64", "harapan_persen"] == pytest.approx(90 + 10 / 6)
    assert areas.loc["64", "status"] == "merah"


def test_before_the_campaign_plan_is_zero(small_warehouse_template):
    areas = Warehouse(small_warehouse_template).run("capaian_wilayah", as_of=dt.date(2022, 10, 14))
    province = areas.set_index("kode_wilayah").loc["64"]
    assert province.harapan_persen == 0
    assert province.terdata == 0


def test_data_info(small_warehouse_template):
    info = Warehouse(small_warehouse_template).run("info_data").iloc[0]
    assert info.tanggal_awal.date() == dt.date(2022, 10, 15)
    assert info.tanggal_akhir.date() == dt.date(2022, 11, 2)
    assert info.jumlah_keluarga == 26
    assert not info.simulasi


def test_missing_warehouse_is_named(tmp_path):
    with pytest.raises(WarehouseMissing, match="belum ada"):
        Warehouse(tmp_path / "none.duckdb").run("info_data")


def test_a_swapped_in_warehouse_is_seen_by_the_next_question(small_warehouse, tmp_path):
    from data.loader import load_files

    store = Warehouse(small_warehouse)
    before = store.run("info_data").iloc[0].jumlah_keluarga
    later = tmp_path / "registrasi_hari2.csv"
    later.write_text(
        "id_keluarga,idsubsls,id_petugas,kanal,tanggal_didata,jumlah_art\n"
        "K27,6411010001000100,PPL-3,PINTU,2022-11-03,3\n"
    )
    load_files([later], warehouse_path=small_warehouse)
    assert store.run("info_data").iloc[0].jumlah_keluarga == before + 1
