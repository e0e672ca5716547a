"""Known answers for the collective-desk queries, worked out by hand in the comments.

The small campaign (fixtures/kecil) has one desk family: K07 at D1 (Samarinda, 2 counters) on
24 Oct, arrived 09.00, started 09.20, ended 09.45 (wait 20 min, service 25 min), house checked 27 Oct.
fixtures/desk adds D2 (Mahakam Ulu, 1 counter) and nine desk families:

    family desk day     arrive start  end    wait svc  house check  home
    K30    D1   25 Oct  08.00  08.00  08.10   0   10   26 Oct       Samarinda
    K31    D1   25 Oct  08.05  08.10  08.30   5   20   —            Samarinda
    K32    D1   25 Oct  08.10  08.20  08.50  10   30   12 Nov       Samarinda
    K33    D1   25 Oct  09.30  09.50  10.30  20   40   —            Samarinda
    K34    D1   25 Oct  13.15  14.15  15.05  60   50   28 Oct       Samarinda
    K35    D2   26 Oct  10.00  10.00  10.30   0   30   —            Mahakam Ulu
    K37    D1   31 Oct  09.00  09.00  09.15   0   15   —            Samarinda
    K38    D1   31 Oct  09.10  09.15  09.35   5   20   1 Nov        Samarinda
    K36    D1    3 Nov  10.00  10.05  10.20   5   15   —            Samarinda

Percentiles interpolate (quantile_cont): the p-th of n sorted values sits at position p × (n − 1).
Counter-hours: counters × 7 h on each day a site served someone.
"""

import datetime as dt
from pathlib import Path

import pytest

from queries import Warehouse

AS_OF = dt.date(2022, 11, 10)


def run(path: Path, name: str, **params):
    return Warehouse(path).run(name, **params)


def service_rows(path: Path, as_of=AS_OF, kab=None):
    rows = run(path, "desk_layanan", as_of=as_of, kab=kab)
    return {
        (
            row.tingkat,
            None if row.tingkat == "semua" else row.id_desk,
            row.tanggal.date() if row.tingkat == "hari" else None,
        ): row
        for row in rows.itertuples()
    }


def test_the_one_desk_family_of_the_small_campaign(small_warehouse_template):
    rows = service_rows(small_warehouse_template, as_of=dt.date(2022, 10, 24))
    day = rows[("hari", "D1", dt.date(2022, 10, 24))]
    assert (day.dilayani, day.jam_meja) == (1, 14.0)  # 2 counters × 7 h
    assert day.per_jam_meja == pytest.approx(1 / 14)
    assert (day.tunggu_median, day.tunggu_p90) == (20.0, 20.0)
    assert (day.layanan_median, day.layanan_p90) == (25.0, 25.0)
    assert len(rows) == 3  # the day, the site, all sites


def test_a_busy_day_median_and_90th_percentile(desk_warehouse):
    day = service_rows(desk_warehouse)[("hari", "D1", dt.date(2022, 10, 25))]
    assert day.dilayani == 5
    assert day.per_jam_meja == pytest.approx(5 / 14)
    # Waits 0, 5, 10, 20, 60: median 10; p90 at position 3.6: 20 + 0.6 × (60 − 20) = 44.
    assert day.tunggu_median == pytest.approx(10)
    assert day.tunggu_p90 == pytest.approx(44)
    # Service 10, 20, 30, 40, 50: median 30; p90 = 40 + 0.6 × 10 = 46.
    assert day.layanan_median == pytest.approx(30)
    assert day.layanan_p90 == pytest.approx(46)
    # Two families on 31 Oct: waits 0, 5 → median 2.5, p90 4.5; service 15, 20 → 17.5, 19.5.
    two = service_rows(desk_warehouse)[("hari", "D1", dt.date(2022, 10, 31))]
    assert (two.tunggu_median, two.tunggu_p90) == pytest.approx((2.5, 4.5))
    assert (two.layanan_median, two.layanan_p90) == pytest.approx((17.5, 19.5))


def test_a_site_over_all_its_days(desk_warehouse):
    site = service_rows(desk_warehouse)[("lokasi", "D1", None)]
    # D1 served on 24, 25, 31 Oct and 3 Nov: 9 families in 4 × 14 = 56 counter-hours.
    assert (site.dilayani, site.jam_meja) == (9, 56.0)
    assert site.per_jam_meja == pytest.approx(9 / 56)
    # Waits 0 0 5 5 5 10 20 20 60: median 5; p90 at 7.2: 20 + 0.2 × 40 = 28.
    assert (site.tunggu_median, site.tunggu_p90) == pytest.approx((5, 28))
    # Service 10 15 15 20 20 25 30 40 50: median 20; p90 = 40 + 0.2 × 10 = 42.
    assert (site.layanan_median, site.layanan_p90) == pytest.approx((20, 42))


def test_all_sites_together(desk_warehouse):
    total = service_rows(desk_warehouse)[("semua", None, None)]
    # D1's nine plus K35 at D2 (1 counter, 7 counter-hours): 10 families in 63 counter-hours.
    assert (total.dilayani, total.jam_meja) == (10, 63.0)
    # Waits 0 0 0 5 5 5 10 20 20 60: median 5; p90 at 8.1: 20 + 0.1 × 40 = 24.
    assert (total.tunggu_median, total.tunggu_p90) == pytest.approx((5, 24))
    # Service 10 15 15 20 20 25 30 30 40 50: median 22.5; p90 = 40 + 0.1 × 10 = 41.
    assert (total.layanan_median, total.layanan_p90) == pytest.approx((22.5, 41))


def test_service_follows_the_as_of_day_and_the_sites_regency(desk_warehouse):
    # As of 2 Nov K36 (3 Nov) is not yet served: D1 has 8 families on 3 days.
    site = service_rows(desk_warehouse, as_of=dt.date(2022, 11, 2))[("lokasi", "D1", None)]
    assert (site.dilayani, site.jam_meja) == (8, 42.0)
    # Mahakam Ulu holds only D2.
    rows = service_rows(desk_warehouse, kab="6411")
    assert set(rows) == {("hari", "D2", dt.date(2022, 10, 26)), ("lokasi", "D2", None), ("semua", None, None)}
    assert rows[("semua", None, None)].per_jam_meja == pytest.approx(1 / 7)
    # Before the first desk day there is nothing at all.
    assert run(desk_warehouse, "desk_layanan", as_of=dt.date(2022, 10, 23), kab=None).empty


def test_arrivals_by_day_and_hour(desk_warehouse):
    arrivals = run(desk_warehouse, "desk_kedatangan", as_of=AS_OF, kab=None, desk=None)
    cells = {(row.tanggal.date(), row.jam): row.kedatangan for row in arrivals.itertuples()}
    assert cells == {
        (dt.date(2022, 10, 24), 9): 1,  # K07
        (dt.date(2022, 10, 25), 8): 3,  # K30 08.00, K31 08.05, K32 08.10
        (dt.date(2022, 10, 25), 9): 1,  # K33
        (dt.date(2022, 10, 25), 13): 1,  # K34
        (dt.date(2022, 10, 26), 10): 1,  # K35 at D2
        (dt.date(2022, 10, 31), 9): 2,  # K37, K38
        (dt.date(2022, 11, 3), 10): 1,  # K36
    }
    one_site = run(desk_warehouse, "desk_kedatangan", as_of=dt.date(2022, 10, 25), kab=None, desk="D1")
    assert one_site.kedatangan.sum() == 6
    assert run(desk_warehouse, "desk_kedatangan", as_of=AS_OF, kab="6472", desk="D2").empty


def test_share_of_families_registered_at_desks(small_warehouse_template, desk_warehouse):
    shares = run(small_warehouse_template, "desk_porsi", as_of=dt.date(2022, 10, 24), kab="6472")
    last = shares[shares.tanggal == "2022-10-24"].set_index("kode_wilayah")
    # By 24 Oct: K07 is the one desk family of 24 in the province and of 22 in Samarinda.
    assert last.loc["64", ["keluarga", "keluarga_desk"]].tolist() == [24, 1]
    assert last.loc["64", "porsi_persen"] == pytest.approx(100 / 24)
    assert last.loc["6472", ["keluarga", "keluarga_desk"]].tolist() == [22, 1]
    assert last.loc["6472", "porsi_persen"] == pytest.approx(100 / 22)
    # Every day from the first registration (15 Oct) is there, share 0 before the desk opened.
    assert len(shares) == 2 * 10
    assert shares.loc[shares.tanggal == "2022-10-15", "porsi_persen"].tolist() == [0.0, 0.0]

    more = run(desk_warehouse, "desk_porsi", as_of=dt.date(2022, 10, 26), kab="6472")
    day = more[more.tanggal == "2022-10-26"].set_index("kode_wilayah")
    # 26 Oct: province 24 + K26, K30–K34 on 25 Oct + K35 = 31, desk 1 + 5 + 1 = 7;
    # Samarinda 22 + K30–K34 = 27 with 6 at the desk (K35 lives in Mahakam Ulu).
    assert day.loc["64", ["keluarga", "keluarga_desk"]].tolist() == [31, 7]
    assert day.loc["6472", ["keluarga", "keluarga_desk"]].tolist() == [27, 6]


def checks_by(path: Path, as_of=AS_OF, kab=None):
    rows = run(path, "desk_cek_rumah", as_of=as_of, kab=kab)
    return {(row.tingkat, None if row.tingkat == "semua" else row.kode): row for row in rows.itertuples()}


BUCKETS = ["menunggu_0_3", "menunggu_4_7", "menunggu_8_14", "menunggu_lebih_14"]


def test_house_check_pending_on_the_desk_day(small_warehouse_template):
    # As of 24 Oct K07's house check (27 Oct) is still to come: pending, 0 days old.
    rows = checks_by(small_warehouse_template, as_of=dt.date(2022, 10, 24))
    site = rows[("lokasi", "D1")]
    assert (site.keluarga_desk, site.menunggu, site.umur_tertua) == (1, 1, 0)
    assert [getattr(site, bucket) for bucket in BUCKETS] == [1, 0, 0, 0]
    # On 27 Oct it is done.
    assert checks_by(small_warehouse_template, as_of=dt.date(2022, 10, 27))[("semua", None)].menunggu == 0


def test_house_checks_pending_by_age(desk_warehouse):
    rows = checks_by(desk_warehouse)
    # As of 10 Nov, D1: done K07 (27 Oct), K30 (26 Oct), K34 (28 Oct), K38 (1 Nov); pending K31, K33
    # (25 Oct: 16 days), K32 (checked 12 Nov, after the day: 16 days), K37 (31 Oct: 10), K36 (3 Nov: 7).
    site = rows[("lokasi", "D1")]
    assert (site.keluarga_desk, site.menunggu, site.umur_tertua) == (9, 5, 16)
    assert [getattr(site, bucket) for bucket in BUCKETS] == [0, 1, 1, 3]
    assert site.menunggu_persen == pytest.approx(500 / 9)
    # D2: K35 (26 Oct, 15 days), never checked; its home is in Mahakam Ulu.
    assert [getattr(rows[("lokasi", "D2")], bucket) for bucket in BUCKETS] == [0, 0, 0, 1]
    assert rows[("kabupaten", "6411")].menunggu == 1
    assert rows[("kabupaten", "6472")].menunggu == 5
    assert rows[("kabupaten", "6472")].nama == "Samarinda"
    total = rows[("semua", None)]
    assert (total.keluarga_desk, total.menunggu) == (10, 6)


def test_house_checks_follow_the_home_regency(desk_warehouse):
    rows = checks_by(desk_warehouse, kab="6411")
    assert set(rows) == {("lokasi", "D2"), ("kabupaten", "6411"), ("semua", None)}
    # Nothing yet: the 'semua' row is there with zero families.
    empty = checks_by(desk_warehouse, as_of=dt.date(2022, 10, 20))
    assert list(empty) == [("semua", None)]
    assert empty[("semua", None)].keluarga_desk == 0
