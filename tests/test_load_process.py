"""The loader as a real process on a large export: memory stays bounded, and killing it midway with a
real signal leaves the warehouse as it was, ready for the next load."""

import os
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import duckdb
import pytest

from tests.helpers import REGISTRASI_HEADER, ROOT, digest, loader_command, snapshot

LARGE_ROWS = 3_000_000  # about 190 MB of CSV; unbounded, DuckDB would hold ~1.2 GB while checking it
LOAD_MEMORY = "256MB"
PEAK_LIMIT_MB = 650  # the memory limit, plus Python, the libraries and DuckDB's own bookkeeping


@pytest.fixture(scope="session")
def large_export(tmp_path_factory) -> Path:
    """Registrations of the small campaign's first SLS and officer, many times over, all valid."""
    path = tmp_path_factory.mktemp("besar") / "registrasi_besar.csv"
    duckdb.connect().execute(
        f"""COPY (SELECT 'B' || i AS id_keluarga, '6472010001000100' AS idsubsls, 'PPL-1' AS id_petugas,
                   'PINTU' AS kanal, NULL AS id_desk, '2022-10-25' AS tanggal_didata,
                   '27/10/2022' AS tanggal_diperiksa, i % 7 + 1 AS jumlah_art
            FROM range({LARGE_ROWS}) t(i)) TO '{path}' (HEADER)"""
    )
    return path


def test_a_large_file_streams_through_bounded_memory(small_warehouse, large_export):
    # A fresh interpreter starts the loader, so that the peak measured is the loader's alone.
    command = loader_command(small_warehouse, large_export)
    measure = (
        "import resource, subprocess, sys\n"
        f"done = subprocess.run({command!r}, capture_output=True, text=True)\n"
        "print(done.returncode, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss // 1024)\n"
        "print(done.stdout, done.stderr)\n"
    )
    env = {**os.environ, "PANTAU_LOAD_MEMORY": LOAD_MEMORY}
    out = subprocess.run([sys.executable, "-c", measure], cwd=ROOT, env=env, capture_output=True, text=True)
    status, peak_mb = map(int, out.stdout.split("\n")[0].split())
    assert status == 0, out.stdout + out.stderr
    assert "dibaca 3.000.000, dimuat 3.000.000" in out.stdout
    assert peak_mb < PEAK_LIMIT_MB, f"peak {peak_mb} MB"
    con = duckdb.connect(str(small_warehouse), read_only=True)
    assert (
        con.execute("SELECT count(*) FROM registrasi WHERE id_keluarga LIKE 'B%'").fetchone()[0] == LARGE_ROWS
    )


def wait_until_midway(loader: subprocess.Popen, warehouse: Path) -> None:
    """Until the loader has copied the warehouse and is well into checking the file."""
    deadline = time.monotonic() + 60
    while not list(warehouse.parent.glob(f"{warehouse.name}.tmp*")):
        assert loader.poll() is None, "the loader ended before it began writing"
        assert time.monotonic() < deadline, "the loader never began writing"
        time.sleep(0.05)
    time.sleep(1.5)
    assert loader.poll() is None, "the load finished before it could be killed: use a larger file"


@pytest.mark.parametrize("sent", [signal.SIGKILL, signal.SIGTERM, signal.SIGINT], ids=lambda s: s.name)
def test_killing_the_loader_midway_leaves_the_warehouse_intact(small_warehouse, large_export, tmp_path, sent):
    before_bytes, before_rows = digest(small_warehouse), snapshot(small_warehouse)
    loader = subprocess.Popen(
        loader_command(small_warehouse, large_export),
        cwd=ROOT,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
    )
    wait_until_midway(loader, small_warehouse)
    loader.send_signal(sent)
    loader.wait(timeout=60)
    assert loader.returncode != 0
    assert digest(small_warehouse) == before_bytes
    assert snapshot(small_warehouse) == before_rows

    resent = tmp_path / "registrasi_kirim_ulang.csv"
    resent.write_text(REGISTRASI_HEADER + "K80,6472010001000100,PPL-1,PINTU,,2022-10-25,,3\n")
    done = subprocess.run(loader_command(small_warehouse, resent), cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stdout + done.stderr
    assert "dibaca 1, dimuat 1" in done.stdout
    leftovers = [p.name for p in small_warehouse.parent.iterdir() if ".tmp" in p.name]
    assert leftovers == []
    after = snapshot(small_warehouse)["registrasi"]
    assert [row for row in after if row[0] != "K80"] == before_rows["registrasi"]


def test_a_copy_of_a_killed_load_is_never_mistaken_for_the_warehouse(small_warehouse, tmp_path):
    # What a killed load leaves behind (its copy and spill folder) is removed by the next load.
    shutil.copyfile(small_warehouse, small_warehouse.with_name(f"{small_warehouse.name}.tmp999"))
    (small_warehouse.parent / f"{small_warehouse.name}.tmp999.spill").mkdir()
    resent = tmp_path / "registrasi_1.csv"
    resent.write_text(REGISTRASI_HEADER + "K81,6472010001000100,PPL-1,PINTU,,2022-10-25,,3\n")
    done = subprocess.run(loader_command(small_warehouse, resent), cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert [p.name for p in small_warehouse.parent.iterdir() if ".tmp" in p.name] == []
