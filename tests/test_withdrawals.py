"""Withdrawing a family (kind `pembatalan`): it leaves the registrations, so no figure counts it, and is
kept in the history with its reason; a later registration of the same family brings it back.

Known answers on the small campaign (tests/fixtures/kecil): 26 families, K01 and K02 in SLS
6472010001000100 (Palaran, Samarinda), both enumerated on 15 Oct.
"""

import datetime as dt
from pathlib import Path

import pytest

from data.loader import load_files
from queries import Warehouse
from tests.helpers import REGISTRASI_HEADER, load_content, query

HEADER = "id_keluarga,alasan\n"


def families(warehouse_path: Path) -> int:
    return query(warehouse_path, "SELECT count(*) FROM registrasi")[0][0]


def test_a_withdrawn_family_leaves_every_count_and_is_kept_with_its_reason(small_warehouse, tmp_path):
    text = HEADER + "K01,terdaftar ganda (sama dengan K02)\n"
    result = load_content(small_warehouse, tmp_path / "pembatalan.csv", text)
    assert (result.kind, result.read, result.loaded, result.replaced, result.rejected) == (
        "pembatalan",
        1,
        1,
        0,
        0,
    )
    assert families(small_warehouse) == 25
    [(family, reason, sls, regency, enumerated, restored)] = query(
        small_warehouse,
        "SELECT id_keluarga, alasan, idsubsls, kode_kab, tanggal_didata::VARCHAR, dipulihkan FROM pembatalan",
    )
    assert (family, reason, sls, regency, enumerated, restored) == (
        "K01",
        "terdaftar ganda (sama dengan K02)",
        "6472010001000100",
        "6472",
        "2022-10-15",
        None,
    )
    # The summary tables the pages read no longer hold it: the SLS had 2 families on 15 Oct, now 1.
    per_day = (
        Warehouse(small_warehouse)
        .run("capaian_wilayah", as_of=dt.date(2022, 10, 15))
        .set_index("kode_wilayah")
    )
    assert per_day.loc["6472", "terdata"] == 1
    assert query(small_warehouse, "SELECT sum(keluarga) FROM registrasi_harian") == [(25,)]


def test_withdrawing_an_unknown_or_already_withdrawn_family_is_rejected(small_warehouse, tmp_path):
    load_content(small_warehouse, tmp_path / "batal_1.csv", HEADER + "K01,pindah ke luar Kaltim\n")
    text = HEADER + "K01,lagi\nK404,tidak ada\nK02,\n"
    result = load_content(small_warehouse, tmp_path / "batal_2.csv", text)
    assert (result.loaded, result.rejected) == (0, 3)
    found = query(
        small_warehouse,
        "SELECT baris, kolom, alasan FROM tolak WHERE berkas LIKE '%batal_2.csv' ORDER BY baris, kolom",
    )
    load_id = query(small_warehouse, "SELECT id_muat FROM muat WHERE berkas LIKE '%batal_1.csv'")[0][0]
    assert found == [
        (2, "id_keluarga", f"keluarga sudah dibatalkan (muat {load_id})"),
        (3, "id_keluarga", "keluarga tidak ada di gudang data"),
        (4, "alasan", "wajib diisi"),
    ]
    assert families(small_warehouse) == 25


def test_a_later_registration_brings_a_withdrawn_family_back(small_warehouse, tmp_path):
    load_content(small_warehouse, tmp_path / "pembatalan.csv", HEADER + "K01,salah input\n")
    resent = REGISTRASI_HEADER + "K01,6472010001000100,PPL-1,PINTU,,2022-10-16,,4\n"
    result = load_content(small_warehouse, tmp_path / "registrasi_ulang.csv", resent)
    assert (result.loaded, result.replaced) == (1, 0)
    assert "1 keluarga yang pernah dibatalkan terdaftar lagi (lihat halaman Data)" in result.note_texts()
    assert families(small_warehouse) == 26
    load_id = query(small_warehouse, "SELECT max(id_muat) FROM muat")[0][0]
    assert query(small_warehouse, "SELECT id_keluarga, dipulihkan FROM pembatalan") == [("K01", load_id)]


def test_registrations_and_their_withdrawal_in_one_load(small_warehouse, tmp_path):
    """Withdrawals load after registrations: a family sent and withdrawn together counts nowhere."""
    (tmp_path / "registrasi.csv").write_text(
        REGISTRASI_HEADER + "K77,6472010001000100,PPL-1,PINTU,,2022-10-16,,2\n"
    )
    (tmp_path / "pembatalan.csv").write_text(HEADER + "K77,duplikat\n")
    results = load_files(
        [tmp_path / "pembatalan.csv", tmp_path / "registrasi.csv"], warehouse_path=small_warehouse
    )
    assert [(result.kind, result.loaded) for result in results] == [("registrasi", 1), ("pembatalan", 1)]
    assert families(small_warehouse) == 26


@pytest.mark.parametrize("name", ["pembatalan.csv"])
def test_a_withdrawal_file_is_recognised_by_its_columns(small_warehouse, tmp_path, name):
    result = load_content(small_warehouse, tmp_path / name, "ID Keluarga;Alasan\nK03;pindah domisili\n")
    assert (result.kind, result.loaded) == ("pembatalan", 1)
