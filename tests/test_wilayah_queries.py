"""Known answers for the Wilayah page's queries, computed by hand from fixtures/kecil and, for the
empty SLS, fixtures/wilayah loaded on top of it (see the comments and fixtures/wilayah/README.md)."""

import datetime as dt

import pytest

from queries import Warehouse

# The small campaign: Samarinda (6472) has Palaran (6472010: desa Rawa Makmur, RT 001 and RT 002,
# target 10 each) and Samarinda Ilir (6472020: desa Sidodamai, RT 001, target 20); Mahakam Ulu (6411)
# has Long Apari (6411010: desa Long Penaneh, RT 001, target 10).
# Schedule: the province goes 0 % at the end of 14 Oct → 90 % at 14 Nov, Samarinda follows it;
# Mahakam Ulu has its own, 0 % → 80 % over the same days. 24 Oct is 10 days into those 31.
AS_OF = dt.date(2022, 10, 24)
PLAN_PROVINCE = 90 * 10 / 31  # 29,0 %
PLAN_MAHULU = 80 * 10 / 31  # 25,8 %


@pytest.fixture
def small(small_warehouse_template):
    return Warehouse(small_warehouse_template)


@pytest.fixture
def with_empty_sls(wilayah_warehouse):
    """The small campaign plus four SLS with no family yet (fixtures/wilayah)."""
    return Warehouse(wilayah_warehouse)


def units(store, as_of=AS_OF, kab="6472", kec=None, desa=None):
    return store.run("wilayah_rincian", as_of=as_of, kab=kab, kec=kec, desa=desa).set_index("kode")


# --- wilayah_rincian: one regency drilled down -------------------------------------------------------


def test_kecamatan_of_a_regency(small):
    kecamatan = units(small)
    assert list(kecamatan.index) == ["6472020", "6472010"]  # furthest behind plan first
    # Palaran: RT 001 K01–K07 (K08 on 2 Nov is later) = 7, RT 002 K09–K13 = 5: 12 of 20 = 60 %.
    palaran = kecamatan.loc["6472010"]
    assert (palaran.nama, palaran.target_keluarga, palaran.terdata) == ("Palaran", 20, 12)
    assert palaran.persen == pytest.approx(60.0)
    assert palaran.harapan_persen == pytest.approx(PLAN_PROVINCE)
    assert palaran.selisih == pytest.approx(60 - PLAN_PROVINCE)
    assert palaran.status == "hijau"
    # The last 7 days are 18–24 Oct (17 Oct is out): K05, K06 (20 Oct), K07 (24 Oct), K09–K13.
    assert palaran.terdata_7hari == 8
    # Samarinda Ilir: K14–K23, 10 of 20 = 50 %; in the last 7 days K19–K23 (19 Oct).
    ilir = kecamatan.loc["6472020"]
    assert (ilir.terdata, ilir.persen, ilir.terdata_7hari) == (10, pytest.approx(50.0), 5)
    assert ilir.selisih == pytest.approx(50 - PLAN_PROVINCE)


def test_a_regency_with_its_own_schedule(small):
    long_apari = units(small, kab="6411").loc["6411010"]
    # K24 (21 Oct), K25 (23 Oct); K26 (25 Oct) is after the day. 2 of 10 = 20 % against 25,8 %.
    assert (long_apari.terdata, long_apari.terdata_7hari) == (2, 2)
    assert long_apari.harapan_persen == pytest.approx(PLAN_MAHULU)
    assert long_apari.selisih == pytest.approx(20 - PLAN_MAHULU)
    assert long_apari.status == "kuning"


def test_desa_of_a_kecamatan_and_sls_of_a_desa(small):
    desa = units(small, kec="6472010")
    assert list(desa.index) == ["6472010001"]
    assert (desa.loc["6472010001", "nama"], desa.loc["6472010001", "terdata"]) == ("Rawa Makmur", 12)
    sls = units(small, kec="6472010", desa="6472010001")
    # RT 002: 5 of 10 = 50 % is further behind plan than RT 001: 7 of 10 = 70 %.
    assert list(sls.index) == ["6472010001000200", "6472010001000100"]
    assert list(sls.nama) == ["RT 002", "RT 001"]
    assert list(sls.terdata) == [5, 7]
    assert list(sls.persen) == pytest.approx([50.0, 70.0])
    assert list(sls.terdata_7hari) == [5, 3]  # RT 001: K05, K06, K07
    assert list(sls.harapan_persen) == pytest.approx([PLAN_PROVINCE] * 2)  # the regency's schedule


def test_the_as_of_day_cuts_the_families(small):
    # 16 Oct: Palaran has K01, K02 (15 Oct); Samarinda Ilir K14–K18 (16 Oct).
    kecamatan = units(small, as_of=dt.date(2022, 10, 16))
    assert kecamatan.loc["6472010", "terdata"] == 2
    assert kecamatan.loc["6472020", "terdata"] == 5
    # 2 Nov: K08 joins Palaran's RT 001.
    assert units(small, as_of=dt.date(2022, 11, 2)).loc["6472010", "terdata"] == 13


def test_a_desa_with_no_family_is_listed_first(with_empty_sls):
    # Palaran now also has Rawa Makmur RT 003 (target 10) and the desa Bantuas (RT 001, target 10).
    desa = units(with_empty_sls, kec="6472010")
    assert list(desa.nama) == ["Bantuas", "Rawa Makmur"]
    assert list(desa.target_keluarga) == [10, 30]
    assert list(desa.persen) == pytest.approx([0.0, 40.0])  # Rawa Makmur: 12 of 30
    assert desa.loc["6472010002", "status"] == "merah"  # 29,0 points behind


def test_a_code_from_another_regency_gives_nothing(small):
    assert units(small, kab="6472", kec="6411010").empty


# --- wilayah_tertinggal: the 20 kecamatan and desa furthest behind ------------------------------------


def laggards(store, as_of, kab=None):
    return store.run("wilayah_tertinggal", as_of=as_of, kab=kab)


def test_only_areas_behind_plan_are_laggards(small):
    # 24 Oct: Palaran (60 %) and Samarinda Ilir (50 %) are ahead of 29,0 %; Long Apari (20 %) is behind.
    behind = laggards(small, AS_OF)
    assert list(zip(behind.tingkat, behind.nama, strict=True)) == [
        ("kecamatan", "Long Apari"),
        ("desa", "Long Penaneh"),
    ]
    assert behind.selisih.tolist() == pytest.approx([20 - PLAN_MAHULU] * 2)
    assert behind.nama_kab.tolist() == ["Kabupaten Mahakam Ulu"] * 2


def test_laggards_furthest_behind_first_and_within_a_regency(small):
    # 2 Nov, 19 days in: plan 90 × 19/31 = 55,2 % (Samarinda), 80 × 19/31 = 49,0 % (Mahakam Ulu).
    # Long Apari 3 of 10 = 30 % (−19,0); Samarinda Ilir 10 of 20 = 50 % (−5,2); Palaran 13 of 20 = 65 %.
    behind = laggards(small, dt.date(2022, 11, 2))
    kecamatan = behind[behind.tingkat == "kecamatan"]
    assert kecamatan.nama.tolist() == ["Long Apari", "Samarinda Ilir"]
    assert kecamatan.selisih.tolist() == pytest.approx([30 - 80 * 19 / 31, 50 - 90 * 19 / 31])
    assert kecamatan.status.tolist() == ["merah", "kuning"]
    desa = behind[behind.tingkat == "desa"]
    assert desa.nama.tolist() == ["Long Penaneh", "Sidodamai"]
    assert desa.nama_kec.tolist() == ["Long Apari", "Samarinda Ilir"]
    within = laggards(small, dt.date(2022, 11, 2), kab="6472")
    assert within.nama.tolist() == ["Samarinda Ilir", "Sidodamai"]


def test_a_kecamatan_is_the_sum_of_its_desa(with_empty_sls):
    # 2 Nov with the extra SLS: Palaran 13 of 40 (Rawa Makmur 13 of 30, Bantuas 0 of 10).
    behind = laggards(with_empty_sls, dt.date(2022, 11, 2)).set_index(["tingkat", "kode"])
    assert behind.loc[("kecamatan", "6472010"), ["target_keluarga", "terdata"]].tolist() == [40, 13]
    assert behind.loc[("desa", "6472010001"), ["target_keluarga", "terdata"]].tolist() == [30, 13]
    assert behind.loc[("desa", "6472010002"), ["target_keluarga", "terdata"]].tolist() == [10, 0]


# --- wilayah_sls_belum_mulai: empty SLS whose PPL has started elsewhere -------------------------------


def empty_sls(store, as_of, kab=None):
    return store.run("wilayah_sls_belum_mulai", as_of=as_of, kab=kab)


def test_empty_sls_of_started_ppl(with_empty_sls):
    # 16 Oct: PPL-1 started 15 Oct (K01, K02), PPL-2 on 16 Oct (K14–K18); PPL-3 only on 21 Oct.
    # Empty then: RT 002 of Rawa Makmur (its first family comes 18 Oct) and RT 003 (PPL-1), Bantuas RT 001
    # (PPL-2). Sidodamai RT 002 is empty too but has no PPL; Long Penaneh RT 002's PPL has not started.
    rows = empty_sls(with_empty_sls, dt.date(2022, 10, 16))
    assert rows.idsubsls.tolist() == ["6472010001000200", "6472010001000300", "6472010002000100"]
    assert rows.id_petugas.tolist() == ["PPL-1", "PPL-1", "PPL-2"]
    assert rows.nama_petugas.tolist() == ["Andi Saputra", "Andi Saputra", "Dewi Lestari"]
    assert [day.date() for day in rows.tanggal_mulai] == [dt.date(2022, 10, 15)] * 2 + [dt.date(2022, 10, 16)]
    assert rows.terdata_ppl.tolist() == [2, 2, 5]
    assert rows.jumlah.tolist() == [3, 3, 3]
    assert rows.nama_desa.tolist() == ["Rawa Makmur", "Rawa Makmur", "Bantuas"]


def test_empty_sls_follow_the_day_and_the_regency(with_empty_sls):
    # 24 Oct in Samarinda: RT 002 has families now; PPL-1 has 12 (K01–K07, K09–K13), PPL-2 10 (K14–K23).
    samarinda = empty_sls(with_empty_sls, AS_OF, kab="6472")
    assert samarinda.idsubsls.tolist() == ["6472010001000300", "6472010002000100"]
    assert samarinda.terdata_ppl.tolist() == [12, 10]
    # Mahakam Ulu: PPL-3 has not started by 20 Oct; from 21 Oct (K24) Long Penaneh RT 002 waits for them.
    assert empty_sls(with_empty_sls, dt.date(2022, 10, 20), kab="6411").empty
    mahulu = empty_sls(with_empty_sls, AS_OF, kab="6411")
    assert mahulu.idsubsls.tolist() == ["6411010001000200"]
    assert mahulu.tanggal_mulai.iloc[0].date() == dt.date(2022, 10, 21)
    assert mahulu.terdata_ppl.iloc[0] == 2
