"""The warehouse exported as Parquet snapshots (data/export.py) answers every question as the DuckDB file
does, and a new export is picked up by readers as a load is."""

import datetime as dt
from pathlib import Path

import pandas as pd
import pytest

from data import export
from data.loader import load_files
from queries import QUERY_DIR, Warehouse, WarehouseMissing
from tests.helpers import REGISTRASI_HEADER, write

AS_OF = dt.date(2022, 10, 24)
ALUR_DAY = dt.date(2022, 11, 2)  # the alur fixture's anomalies are all there by then
DESK_DAY = dt.date(2022, 11, 10)  # every desk family of the desk fixture served
JADWAL_DAY = dt.date(2022, 10, 31)  # the jadwal fixture's families of 28 Oct in
REJECT_FILTERS = {"jenis": None, "muat": None, "cari": None}
# Every question of queries/ (macros.sql is none), with parameters as the pages ask it (ui.ask in
# pages/*.py), and the fixture warehouse on which its answer has rows.
QUESTIONS = {
    "alur_antrean": ("small_warehouse_template", {"as_of": AS_OF, "kab": "6472"}),
    "alur_luar_penugasan": ("alur_warehouse", {"as_of": ALUR_DAY, "kab": None}),
    "alur_luar_wilayah": ("odd_warehouse", {"as_of": ALUR_DAY, "kab": None}),
    "alur_petugas_harian": ("alur_warehouse", {"as_of": ALUR_DAY, "kab": None}),
    "alur_tahap": ("small_warehouse_template", {"as_of": AS_OF, "kab": None}),
    "alur_tanggal_janggal": ("alur_warehouse", {"as_of": ALUR_DAY, "kab": None}),
    "capaian_wilayah": ("small_warehouse_template", {"as_of": AS_OF}),
    "daftar_kabupaten": ("small_warehouse_template", {}),
    "data_kesegaran": ("data_warehouse", {}),
    "data_pembatalan": ("odd_warehouse", {"batas": 1_000}),  # the page's SHOWN_REJECTS
    "data_riwayat": ("small_warehouse_template", {}),
    "data_tolak": ("data_warehouse", {**REJECT_FILTERS, "status": "semua", "batas": 1_000}),
    "data_tolak_jumlah": ("data_warehouse", REJECT_FILTERS),
    "desk_cek_rumah": ("desk_warehouse", {"as_of": DESK_DAY, "kab": None}),
    "desk_kedatangan": ("desk_warehouse", {"as_of": DESK_DAY, "kab": None, "desk": "D1"}),
    "desk_layanan": ("small_warehouse_template", {"as_of": AS_OF, "kab": None}),
    "desk_porsi": ("small_warehouse_template", {"as_of": AS_OF, "kab": "6472"}),
    "info_data": ("small_warehouse_template", {}),
    "jadwal_harian": ("jadwal_warehouse", {"as_of": JADWAL_DAY, "kab": None}),
    "jadwal_kurva": ("small_warehouse_template", {"as_of": AS_OF}),
    "jadwal_laju_perlu": ("small_warehouse_template", {"as_of": AS_OF, "kab": None}),
    "jadwal_tonggak": ("small_warehouse_template", {"kab": None}),
    "petugas_kinerja": ("small_warehouse_template", {"as_of": AS_OF, "kab": None}),
    "wilayah_rincian": (
        "small_warehouse_template",
        {"as_of": AS_OF, "kab": "6472", "kec": None, "desa": None},
    ),
    "wilayah_sls_belum_mulai": ("wilayah_warehouse", {"as_of": AS_OF, "kab": None}),
    "wilayah_tertinggal": ("small_warehouse_template", {"as_of": AS_OF, "kab": None}),
}


@pytest.fixture
def odd_warehouse(small_warehouse, tmp_path) -> Path:
    """The small campaign plus what no fixture folder holds: K95, registered by PPL-1 (Samarinda) in
    an SLS of Mahakam Ulu, and K01 withdrawn."""
    families = write(
        tmp_path, "registrasi.csv", REGISTRASI_HEADER + "K95,6411010001000100,PPL-1,PINTU,,2022-10-26,,3\n"
    )
    withdrawn = write(tmp_path, "pembatalan.csv", "id_keluarga,alasan\nK01,terdaftar ganda\n")
    load_files([families, withdrawn], warehouse_path=small_warehouse)
    return small_warehouse


def test_every_question_file_is_asked_of_a_snapshot():
    files = sorted(path.stem for path in QUERY_DIR.glob("*.sql") if path.name != "macros.sql")
    assert files == sorted(QUESTIONS), "each queries/*.sql needs an entry in QUESTIONS"


@pytest.mark.parametrize("name", sorted(QUESTIONS))
def test_a_snapshot_answers_as_the_file_does(request, tmp_path, name):
    fixture, params = QUESTIONS[name]
    warehouse = request.getfixturevalue(fixture)
    export.export(warehouse, tmp_path / "snapshots")
    from_file = Warehouse(warehouse).run(name, **params)
    from_parquet = Warehouse(tmp_path / "snapshots").run(name, **params)
    assert len(from_file) > 0
    pd.testing.assert_frame_equal(from_parquet, from_file)


def test_readers_move_to_a_new_export_and_old_snapshots_go(small_warehouse, tmp_path):
    folder = tmp_path / "snapshots"
    export.export(small_warehouse, folder)
    reader = Warehouse(folder)
    before = reader.snapshot()
    assert before.run("info_data").jumlah_keluarga.iloc[0] == 26
    load_files(
        [
            write(
                tmp_path, "baru.csv", REGISTRASI_HEADER + "K27,6411010001000100,PPL-3,PINTU,,2022-11-03,,2\n"
            )
        ],
        warehouse_path=small_warehouse,
    )
    for _ in range(export.KEEP):
        export.export(small_warehouse, folder)
    after = reader.snapshot()
    assert after.version != before.version
    assert after.run("info_data").jumlah_keluarga.iloc[0] == 27
    assert len([path for path in folder.iterdir() if path.is_dir()]) == export.KEEP


def test_no_export_yet_is_a_missing_warehouse(tmp_path):
    (tmp_path / "kosong").mkdir()
    with pytest.raises(WarehouseMissing):
        Warehouse(tmp_path / "kosong").run("info_data")


def test_a_failed_export_leaves_the_current_snapshot(small_warehouse_template, tmp_path, monkeypatch):
    folder = tmp_path / "snapshots"
    first = export.export(small_warehouse_template, folder)

    def broken(con, table, partial):
        raise OSError("disk penuh")

    monkeypatch.setattr(export, "_write", broken)
    with pytest.raises(OSError):
        export.export(small_warehouse_template, folder)
    assert export.current_snapshot(folder) == first
    assert [path.name for path in folder.iterdir() if path.is_dir()] == [first.name]  # no half snapshot


def test_file_names_in_a_snapshot_never_become_sql(small_warehouse_template, tmp_path):
    """A shared folder may be written by others: a file named as a statement is not read, and a CURRENT
    that points outside the snapshots is refused."""
    folder = tmp_path / "snapshots"
    snapshot = export.export(small_warehouse_template, folder)
    hostile = snapshot / "x AS SELECT 1; COPY (SELECT 1) TO 'bocor.txt'; --.parquet"
    hostile.write_bytes((snapshot / "muat.parquet").read_bytes())
    answers = Warehouse(folder).run("data_riwayat")
    assert len(answers) == 6 and not (tmp_path / "bocor.txt").exists() and not list(folder.rglob("bocor.txt"))
    (folder / export.CURRENT).write_text("../../elsewhere\n")
    with pytest.raises(WarehouseMissing):
        Warehouse(folder).run("data_riwayat")
