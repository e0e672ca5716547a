"""The watched inbox: new files load, then move to done/ or failed/ with a note; a bad file does not stop
the others, and a file still being copied in is left for later."""

import os
import subprocess
import sys
import time
from pathlib import Path

import duckdb

from data import inbox
from tests.helpers import REGISTRASI_HEADER, ROOT, snapshot

OFFICERS = "id_petugas,nama,peran,id_pengawas,kode_kab\nPPL-8,Rina,PPL,PML-1,6472\n"
FAMILIES = REGISTRASI_HEADER + "K85,6472010001000100,PPL-8,PINTU,,2022-10-25,,3\n"


def drop(folder: Path, name: str, text: str, age_seconds: float = 60) -> Path:
    path = folder / name
    path.write_text(text)
    old = time.time() - age_seconds
    os.utime(path, (old, old))
    return path


def families(warehouse: Path) -> set[str]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return {row[0] for row in con.execute("SELECT id_keluarga FROM registrasi").fetchall()}
    finally:
        con.close()


def names(folder: Path) -> list[str]:
    """File names without the time stamp the inbox puts in front."""
    return sorted(path.name.split("_", 1)[1] for path in folder.iterdir())


def test_files_load_in_dependency_order_and_move_to_done(small_warehouse, tmp_path):
    # The families refer to an officer that arrives in the same drop, in a file that sorts after them.
    drop(tmp_path, "a_registrasi.csv", FAMILIES, age_seconds=120)
    drop(tmp_path, "b_petugas.csv", OFFICERS, age_seconds=60)
    handled = inbox.process(tmp_path, small_warehouse, settle_seconds=5)
    assert sorted((item.name, item.result.loaded) for item in handled) == [
        ("a_registrasi.csv", 1),
        ("b_petugas.csv", 1),
    ]
    assert "K85" in families(small_warehouse)
    assert names(tmp_path / "done") == [
        "a_registrasi.csv",
        "a_registrasi.csv.txt",
        "b_petugas.csv",
        "b_petugas.csv.txt",
    ]
    note = next((tmp_path / "done").glob("*registrasi.csv.txt")).read_text()
    assert "dibaca 1, dimuat 1, diganti 0, ditolak 0" in note
    left = [path.name for path in tmp_path.iterdir() if path.is_file()]
    assert [name for name in left if not name.startswith(small_warehouse.name)] == []


def test_a_bad_file_goes_to_failed_with_its_reason_and_the_rest_loads(small_warehouse, tmp_path):
    drop(tmp_path, "kosong.csv", "")
    drop(tmp_path, "petugas.csv", OFFICERS)
    drop(tmp_path, "registrasi.csv", FAMILIES)
    handled = inbox.process(tmp_path, small_warehouse, settle_seconds=5)
    assert {item.name: item.result is not None for item in handled} == {
        "kosong.csv": False,
        "petugas.csv": True,
        "registrasi.csv": True,
    }
    assert names(tmp_path / "failed") == ["kosong.csv", "kosong.csv.txt"]
    assert next((tmp_path / "failed").glob("*.txt")).read_text() == "berkas kosong\n"
    assert "K85" in families(small_warehouse)


def test_rows_rejected_still_count_as_done(small_warehouse, tmp_path):
    drop(
        tmp_path, "registrasi.csv", REGISTRASI_HEADER + "K86,6472010001000100,PPL-404,PINTU,,2022-10-25,,3\n"
    )
    [item] = inbox.process(tmp_path, small_warehouse, settle_seconds=5)
    assert (item.result.loaded, item.result.rejected) == (0, 1)
    assert "petugas tidak terdaftar" in next((tmp_path / "done").glob("*.txt")).read_text()


def test_files_still_arriving_and_the_warehouse_itself_are_left_alone(small_warehouse, tmp_path):
    before = snapshot(small_warehouse)
    drop(tmp_path, "registrasi.csv", FAMILIES, age_seconds=0)  # just written: may still be copying
    drop(tmp_path, "petugas.csv.part", OFFICERS)
    drop(tmp_path, "~$registrasi.xlsx", "lock")
    drop(tmp_path, ".petugas.csv", OFFICERS)
    assert inbox.process(tmp_path, small_warehouse, settle_seconds=5) == []
    assert snapshot(small_warehouse) == before
    left = [path.name for path in tmp_path.iterdir() if path.is_file()]
    assert len([name for name in left if not name.startswith(small_warehouse.name)]) == 4


def test_the_watching_process_keeps_going_after_a_bad_file(small_warehouse, tmp_path):
    folder = tmp_path / "masuk"
    folder.mkdir()
    command = [sys.executable, "-m", "data", "--warehouse", str(small_warehouse), "inbox", str(folder)]
    watcher = subprocess.Popen(
        [*command, "--interval", "0.2", "--settle", "0"],
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    try:
        drop(folder, "rusak.csv", "")
        wait_for(lambda: list((folder / "failed").glob("*rusak.csv")))
        drop(folder, "petugas.csv", OFFICERS)
        drop(folder, "registrasi.csv", FAMILIES)
        wait_for(lambda: len(list((folder / "done").glob("*.csv"))) == 2)
        assert watcher.poll() is None
    finally:
        watcher.terminate()
        out, err = watcher.communicate(timeout=30)
    assert "K85" in families(small_warehouse)
    assert "GAGAL rusak.csv" in err.decode()
    assert "dimuat 1" in out.decode()


def wait_for(condition, seconds: float = 30) -> None:
    deadline = time.monotonic() + seconds
    while not condition():
        assert time.monotonic() < deadline, "the inbox did not get there in time"
        time.sleep(0.1)
