"""Known answers for the form-pipeline queries, worked out by hand in the comments.

The small campaign (fixtures/kecil): checked by the PML K01, K02 (enumerated 15 Oct, checked 17 Oct),
K03 (17 → 19 Oct), K14–K18 (16 → 18 Oct); received K01, K02 (20 Oct), K14–K16 (25 Oct); all in
Samarinda. fixtures/alur adds the anomalies, loaded as if on 3 Nov 2022 04.00 WITA (2 Nov 20.00 UTC):
    K100–K140  41 families by PPL-2 on 21 Oct (over 40)
    K200–K239  40 families by PPL-1 on 28 Oct (exactly 40: not flagged)
    K150       PPL-3 on 12 Oct, before the province's first phase starts (15 Oct)
    K151, K152 PPL-2 on 26 Oct in SLS 6472010001000200, assigned to PPL-1
    K153       PPL-1 dated 20 Nov, after the day it was loaded (3 Nov WITA)
    K154       PPL-1 dated 3 Nov: the load's day in WITA (though 2 Nov in UTC), so not flagged
"""

import datetime as dt
from pathlib import Path

from data.loader import load_files
from queries import Warehouse

AS_OF = dt.date(2022, 11, 2)


def run(path: Path, name: str, as_of=AS_OF, kab=None):
    return Warehouse(path).run(name, as_of=as_of, kab=kab)


def steps_by_area(path: Path, as_of=AS_OF, kab=None):
    return run(path, "alur_tahap", as_of=as_of, kab=kab).set_index("kode_wilayah")


def test_counts_at_each_step(small_warehouse_template):
    steps = steps_by_area(small_warehouse_template)
    # As of 2 Nov Samarinda has 23 families, 8 checked, 5 received.
    samarinda = steps.loc["6472"]
    assert samarinda[["terdata", "diperiksa", "diterima"]].tolist() == [23, 8, 5]
    assert samarinda[["menunggu_periksa", "menunggu_terima"]].tolist() == [15, 3]
    assert steps.loc["6411", ["terdata", "diperiksa", "diterima"]].tolist() == [3, 0, 0]
    assert steps.loc["64", ["terdata", "diperiksa", "diterima"]].tolist() == [26, 8, 5]
    assert len(steps) == 11  # every regency and the province


def test_median_days_between_steps(small_warehouse_template):
    steps = steps_by_area(small_warehouse_template)
    # Every check came 2 days after enumeration; receipts 3, 3, 7, 7, 7 days after the check → 7.
    assert steps.loc["6472", "median_hari_periksa"] == 2
    assert steps.loc["6472", "median_hari_terima"] == 7
    assert steps.loc["64", "median_hari_terima"] == 7
    # Mahakam Ulu has no check yet: no median.
    assert steps.loc["6411", ["median_hari_periksa", "median_hari_terima"]].isna().all()


def test_each_step_counts_from_its_own_date(small_warehouse_template):
    # As of 24 Oct the receipts of 25 Oct are still to come: received K01, K02 only (3 days each).
    steps = steps_by_area(small_warehouse_template, as_of=dt.date(2022, 10, 24), kab="6472")
    assert list(steps.index) == ["6472", "64"]
    assert steps.loc["6472", ["terdata", "diperiksa", "diterima", "menunggu_terima"]].tolist() == [
        22,
        8,
        2,
        6,
    ]
    assert steps.loc["6472", "median_hari_terima"] == 3


def backlog_cells(path: Path, as_of=AS_OF, kab=None):
    rows = run(path, "alur_antrean", as_of=as_of, kab=kab)
    return {(row.kode_kab, row.tahap, row.kelompok): row.keluarga for row in rows.itertuples()}


def test_backlog_by_age(small_warehouse_template):
    # Waiting for the check as of 2 Nov, age since enumeration:
    #   K08 (2 Nov) 0 days; K05, K06 (20 Oct) 13; K07 (24 Oct) 9; K11–K13 (22 Oct) 11; K19–K23 (19 Oct) 14;
    #   K04 (17 Oct) 16; K09, K10 (18 Oct) 15; Mahakam Ulu K24 12, K25 10, K26 8.
    # Waiting for receipt, age since the check: K03 (19 Oct) 14; K17, K18 (18 Oct) 15.
    assert backlog_cells(small_warehouse_template) == {
        ("6472", "periksa", "0-3"): 1,
        ("6472", "periksa", "8-14"): 11,
        ("6472", "periksa", ">14"): 3,
        ("6472", "terima", "8-14"): 1,
        ("6472", "terima", ">14"): 2,
        ("6411", "periksa", "8-14"): 3,
    }


def test_backlog_follows_the_as_of_day_and_the_regency(small_warehouse_template):
    # As of 24 Oct: K03 checked 19 Oct (5 days), K14–K18 checked 18 Oct (6 days) wait for receipt.
    cells = backlog_cells(small_warehouse_template, as_of=dt.date(2022, 10, 24), kab="6472")
    assert cells[("6472", "terima", "4-7")] == 6
    assert {key[0] for key in cells} == {"6472"}
    assert sum(cells.values()) == 22 - 2  # every family not yet received


def test_officer_over_forty_families_in_a_day(alur_warehouse):
    busy = run(alur_warehouse, "alur_petugas_harian")
    # PPL-2's 41 on 21 Oct; PPL-1's 40 on 28 Oct is not over the limit.
    assert busy[["id_petugas", "nama", "kode_kab", "keluarga"]].values.tolist() == [
        ["PPL-2", "Dewi Lestari", "6472", 41]
    ]
    assert busy.tanggal.iloc[0].date() == dt.date(2022, 10, 21)
    assert run(alur_warehouse, "alur_petugas_harian", as_of=dt.date(2022, 10, 20)).empty
    assert run(alur_warehouse, "alur_petugas_harian", kab="6411").empty


def test_impossible_dates(alur_warehouse):
    odd = run(alur_warehouse, "alur_tanggal_janggal")
    rows = {row.alasan: row for row in odd.itertuples()}
    assert set(rows) == {"sebelum_mulai", "setelah_muat"}
    before = rows["sebelum_mulai"]
    assert (before.id_petugas, before.tanggal.date(), before.keluarga, list(before.contoh_keluarga)) == (
        "PPL-3",
        dt.date(2022, 10, 12),
        1,
        ["K150"],
    )
    assert before.tanggal_mulai.date() == dt.date(2022, 10, 15)
    # K153 (20 Nov) is past the load day 3 Nov (WITA); K154 (3 Nov) is on it and not flagged.
    after = rows["setelah_muat"]
    assert (after.id_petugas, after.tanggal.date(), list(after.contoh_keluarga)) == (
        "PPL-1",
        dt.date(2022, 11, 20),
        ["K153"],
    )
    assert after.tanggal_muat.date() == dt.date(2022, 11, 3)


def test_future_dates_show_on_every_as_of_day(alur_warehouse):
    # A future date is past every as-of day the data offer: it shows before 20 Nov too.
    early = run(alur_warehouse, "alur_tanggal_janggal", as_of=dt.date(2022, 10, 20))
    assert set(early.alasan) == {"sebelum_mulai", "setelah_muat"}
    # The regency filter: only K150 is in Mahakam Ulu.
    assert run(alur_warehouse, "alur_tanggal_janggal", kab="6411").alasan.tolist() == ["sebelum_mulai"]


def test_families_in_an_sls_of_another_ppl(alur_warehouse):
    other = run(alur_warehouse, "alur_luar_penugasan")
    assert len(other) == 1
    row = other.iloc[0]
    assert (row.id_petugas, row.idsubsls, row.id_ppl_sls, row.nama_ppl_sls, row.keluarga) == (
        "PPL-2",
        "6472010001000200",
        "PPL-1",
        "Andi Saputra",
        2,
    )
    assert (row.nama_sls, row.nama_desa, row.nama_kec) == ("RT 002", "Rawa Makmur", "Palaran")
    # Before 26 Oct and outside Samarinda there is nothing.
    assert run(alur_warehouse, "alur_luar_penugasan", as_of=dt.date(2022, 10, 25)).empty
    assert run(alur_warehouse, "alur_luar_penugasan", kab="6411").empty


def test_families_outside_their_officers_or_desks_regency(small_warehouse, tmp_path):
    # K95: PPL-1 (Samarinda) in an SLS of Mahakam Ulu; K96, K97: PPL-3 (Mahakam Ulu) in Mahakam Ulu's
    # SLS, served at desk D1 in Samarinda; K98 by PPL-3 in his own SLS at the door: nothing odd.
    header = "id_keluarga,idsubsls,id_petugas,kanal,id_desk,tanggal_didata,jumlah_art\n"
    rows = [
        "K95,6411010001000100,PPL-1,PINTU,,2022-10-26,3",
        "K96,6411010001000100,PPL-3,DESK,D1,2022-10-27,2",
        "K97,6411010001000100,PPL-3,DESK,D1,2022-10-28,2",
        "K98,6411010001000100,PPL-3,PINTU,,2022-10-28,2",
    ]
    (tmp_path / "registrasi.csv").write_text(header + "\n".join(rows) + "\n")
    load_files([tmp_path / "registrasi.csv"], warehouse_path=small_warehouse)
    outside = run(small_warehouse, "alur_luar_wilayah")
    assert outside[
        ["alasan", "id_petugas", "nama_pendek", "nama_pendek_petugas", "keluarga"]
    ].values.tolist() == [
        ["sls_petugas", "PPL-1", "Mahakam Ulu", "Samarinda", 1],
        ["desk", "PPL-3", "Mahakam Ulu", "Mahakam Ulu", 2],
    ]
    assert outside.contoh_keluarga.map(list).tolist() == [["K95"], ["K96", "K97"]]
    assert outside.nama_lokasi.tolist()[1] == "Kantor Diskominfo Kaltim"
    # Up to 27 Oct: one desk family; in Samarinda's SLS: none.
    assert run(small_warehouse, "alur_luar_wilayah", as_of=dt.date(2022, 10, 27)).keluarga.tolist() == [1, 1]
    assert run(small_warehouse, "alur_luar_wilayah", kab="6472").empty


def test_the_small_campaign_has_no_anomaly(small_warehouse_template):
    for name in ["alur_petugas_harian", "alur_tanggal_janggal", "alur_luar_penugasan", "alur_luar_wilayah"]:
        assert run(small_warehouse_template, name).empty, name
