"""Known answers for the Data page's queries: freshness per kind, load history, rejected rows.

The small campaign (fixtures/kecil, loads 1–6, no rejects) gets two hand-made bad files in one
invocation (fixtures/data), then a corrected file:

    load 7  desk_buruk.csv        D2 with regency 9999: row 2 rejected (kode_kab)
    load 8  registrasi_buruk.csv  5 rows read:
              row 2 K40 new, valid                          loaded
              row 3 K41 date 32/10/2022                     rejected (tanggal_didata)
              row 4 K42 officer PPL-9, jumlah_art "=1+2"     rejected, two problems
              row 5 K03 again, received 4 Nov               replaced
              row 6 K43 jumlah_art "-1"                      rejected (jumlah_art)
    load 9  registrasi_perbaikan.csv  K41 with a valid date: loaded, and K41's reject resolved

Desk loads before registrasi within one invocation (the contract's load order), hence 7 and 8.
"""

import hashlib
from pathlib import Path

import pandas as pd
import pytest

from data.loader import load_files
from queries import Warehouse
from tests.helpers import BAD_FILES, FIX_FILE, SMALL_CAMPAIGN, load_rejects

ALL_FILTERS = {"status": "semua", "jenis": None, "muat": None, "cari": None, "batas": None}


@pytest.fixture
def rejects_warehouse(small_warehouse) -> Path:
    return load_rejects(small_warehouse)


def run(path: Path, name: str, **params) -> pd.DataFrame:
    return Warehouse(path).run(name, **params)


def rejects(path: Path, **filters) -> list[tuple]:
    rows = run(path, "data_tolak", **(ALL_FILTERS | filters))
    return list(zip(rows.id_muat, rows.baris, rows.kunci, rows.kolom, strict=True))


def test_freshness_per_kind(rejects_warehouse):
    rows = run(rejects_warehouse, "data_kesegaran").set_index("jenis")
    assert set(rows.index) == {
        "wilayah",
        "petugas",
        "desk",
        "jadwal",
        "penugasan",
        "registrasi",
        "pembatalan",
    }
    figures = {
        kind: (
            row.berkas_dimuat,
            row.baris_gudang,
            None if pd.isna(row.tanggal_terbaru) else row.tanggal_terbaru,
        )
        for kind, row in rows.iterrows()
    }
    assert figures == {
        "wilayah": (1, 4, None),
        "petugas": (1, 7, None),
        # D2 was rejected: still only D1, opened 24 Oct.
        "desk": (2, 1, pd.Timestamp("2022-10-24")),
        "jadwal": (1, 4, pd.Timestamp("2022-11-30")),  # the last phase ends 30 Nov
        "penugasan": (1, 4, None),
        # 26 families + K40 + K41; K03 received 4 Nov is the latest date of any step.
        "registrasi": (3, 28, pd.Timestamp("2022-11-04")),
        "pembatalan": (0, 0, None),  # no family withdrawn
    }
    # Open rejected rows: D2; K42 (two problems, one row) and K43; K41 was resolved.
    assert rows.tolak_terbuka.to_dict() == {
        "wilayah": 0,
        "petugas": 0,
        "desk": 1,
        "jadwal": 0,
        "penugasan": 0,
        "registrasi": 2,
        "pembatalan": 0,
    }
    history = run(rejects_warehouse, "data_riwayat").set_index("id_muat")
    assert rows.loc["registrasi", "muat_terakhir"] == history.loc[9, "waktu_muat"]
    assert rows.loc["desk", "muat_terakhir"] == history.loc[7, "waktu_muat"]


def test_a_kind_never_loaded(tmp_path):
    path = tmp_path / "warehouse.duckdb"
    load_files([SMALL_CAMPAIGN / "wilayah.csv"], warehouse_path=path)
    rows = run(path, "data_kesegaran").set_index("jenis")
    assert rows.loc["wilayah", ["berkas_dimuat", "baris_gudang"]].tolist() == [1, 4]
    never = rows.drop(index="wilayah")
    assert never.berkas_dimuat.tolist() == [0] * 6
    assert never.baris_gudang.tolist() == [0] * 6
    assert never.muat_terakhir.isna().all()
    assert never.tanggal_terbaru.isna().all()


def test_load_history_newest_first(rejects_warehouse):
    history = run(rejects_warehouse, "data_riwayat")
    assert history.id_muat.tolist() == [9, 8, 7, 6, 5, 4, 3, 2, 1]
    bad = history.set_index("id_muat").loc[8]
    assert (bad.nama_berkas, bad.jenis) == ("registrasi_buruk.csv", "registrasi")
    assert bad.berkas == str(BAD_FILES[0])
    assert [bad.baris_dibaca, bad.baris_dimuat, bad.baris_diganti, bad.baris_ditolak] == [5, 1, 1, 3]
    assert bad.checksum == hashlib.sha256(BAD_FILES[0].read_bytes()).hexdigest()
    assert not bad.simulasi
    # The two files of one invocation share their load time.
    assert history.set_index("id_muat").loc[7, "waktu_muat"] == bad.waktu_muat


def test_rejects_by_status(rejects_warehouse):
    # Newest load first, then by row and column.
    assert rejects(rejects_warehouse, status="terbuka") == [
        (8, 4, "K42", "id_petugas"),
        (8, 4, "K42", "jumlah_art"),
        (8, 6, "K43", "jumlah_art"),
        (7, 2, "D2", "kode_kab"),
    ]
    assert rejects(rejects_warehouse, status="selesai") == [(8, 3, "K41", "tanggal_didata")]
    assert len(rejects(rejects_warehouse)) == 5
    resolved = run(rejects_warehouse, "data_tolak", **(ALL_FILTERS | {"status": "selesai"})).iloc[0]
    assert (resolved.diselesaikan, resolved.nama_berkas_penyelesai) == (9, "registrasi_perbaikan.csv")
    assert resolved.nilai == "32/10/2022"
    assert resolved.alasan == "tanggal tidak ada: Oktober 2022 hanya tanggal 1 sampai 31"


def test_rejects_by_kind_file_and_reason(rejects_warehouse):
    assert rejects(rejects_warehouse, jenis="desk") == [(7, 2, "D2", "kode_kab")]
    assert len(rejects(rejects_warehouse, muat=8)) == 4
    assert rejects(rejects_warehouse, muat=7, jenis="registrasi") == []
    # The reason contains the text, in any case; the text is matched as written, not as a pattern.
    assert rejects(rejects_warehouse, cari="BULAT") == [
        (8, 4, "K42", "jumlah_art"),
        (8, 6, "K43", "jumlah_art"),
    ]
    assert rejects(rejects_warehouse, cari="%") == []
    assert rejects(rejects_warehouse, cari="bulat", status="terbuka", jenis="registrasi", muat=8) == [
        (8, 4, "K42", "jumlah_art"),
        (8, 6, "K43", "jumlah_art"),
    ]


def test_rejects_keep_the_row_as_read(rejects_warehouse):
    line = run(rejects_warehouse, "data_tolak", **(ALL_FILTERS | {"jenis": "desk"})).iloc[0]
    assert line.isi == (
        '{"id_desk":"D2","nama_lokasi":"Kantor Bupati Mahakam Ulu","kode_kab":"9999",'
        '"jumlah_meja":"1","tanggal_buka":"26/10/2022","tanggal_tutup":"30/11/2022"}'
    )


def test_at_most_so_many_lines(rejects_warehouse):
    assert rejects(rejects_warehouse, status="terbuka", batas=2) == [
        (8, 4, "K42", "id_petugas"),
        (8, 4, "K42", "jumlah_art"),
    ]


def test_counts_of_open_and_resolved(rejects_warehouse):
    def counts(**filters):
        base = {"jenis": None, "muat": None, "cari": None}
        row = run(rejects_warehouse, "data_tolak_jumlah", **(base | filters)).iloc[0]
        return row.baris_terbuka, row.baris_selesai, row.masalah_terbuka, row.masalah_selesai

    # Open: rows K42 (2 problems), K43, D2; resolved: K41.
    assert counts() == (3, 1, 4, 1)
    assert counts(jenis="registrasi") == (2, 1, 3, 1)
    assert counts(muat=7) == (1, 0, 1, 0)
    assert counts(cari="bulat") == (2, 0, 2, 0)
    assert counts(jenis="wilayah") == (0, 0, 0, 0)


def test_a_corrected_file_resolves_the_reject(small_warehouse):
    load_files(BAD_FILES, warehouse_path=small_warehouse)
    assert (8, 3, "K41", "tanggal_didata") in rejects(small_warehouse, status="terbuka")
    assert rejects(small_warehouse, status="selesai") == []
    freshness = run(small_warehouse, "data_kesegaran").set_index("jenis")
    assert freshness.loc["registrasi", "tolak_terbuka"] == 3

    load_files([FIX_FILE], warehouse_path=small_warehouse)
    assert (8, 3, "K41", "tanggal_didata") not in rejects(small_warehouse, status="terbuka")
    assert rejects(small_warehouse, status="selesai") == [(8, 3, "K41", "tanggal_didata")]
    freshness = run(small_warehouse, "data_kesegaran").set_index("jenis")
    assert freshness.loc["registrasi", "tolak_terbuka"] == 2


def test_uploads_are_named_as_they_were_sent(small_warehouse, tmp_path):
    # The Data page saves an upload as <UTC time>_<name>, numbered when a name comes twice; a name
    # that itself starts with digits keeps them.
    first = tmp_path / "20221103T021500Z_2022_registrasi_buruk.csv"
    second = tmp_path / "20221103T021500Z-2_desk_buruk.csv"
    first.write_bytes(BAD_FILES[0].read_bytes())
    second.write_bytes(BAD_FILES[1].read_bytes())
    load_files([first, second], warehouse_path=small_warehouse)
    assert run(small_warehouse, "data_riwayat").nama_berkas.tolist()[:2] == [
        "2022_registrasi_buruk.csv",
        "desk_buruk.csv",
    ]
    assert set(run(small_warehouse, "data_tolak", **ALL_FILTERS).nama_berkas) == {
        "2022_registrasi_buruk.csv",
        "desk_buruk.csv",
    }
