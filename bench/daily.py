"""A day's load into a large warehouse: what a small file costs the loader.

    .venv/bin/python -m bench.daily [--warehouse /work/bench-data/national.duckdb] [--rows 10000]
        [--repeat 3]

Works on a copy of the warehouse (the one given stays as it is). Each run writes a day's file of
registrations drawn from the warehouse's own families: nine in ten new families (new ids in existing
SLS, with their officers) and one in ten corrections of families already held (a later date), then
times the loader loading it (full validation, the summary tables brought up to date, copy and swap),
end to end as `python -m data load` does. The floor, measured in the same run between the loads: the
copy of the warehouse file that any copy-and-swap pays (shutil.copyfile and fsync) plus DuckDB's bare
read_csv of the day's file. Prints each run, the best of each, and the ratio.
"""

import argparse
import os
import shutil
import tempfile
import time
from pathlib import Path

import duckdb

from bench.load import machine
from data.loader import load_files

NATIONAL = Path("/work/bench-data/national.duckdb")
CORRECTED_SHARE = 0.1
COLUMNS = (
    "id_keluarga, idsubsls, id_petugas, kanal, id_desk, tanggal_didata, tanggal_diperiksa, "
    "tanggal_diterima, tanggal_cek_rumah, waktu_datang, waktu_mulai, waktu_selesai, jumlah_art"
)


def write_day(warehouse: Path, path: Path, rows: int, day: int) -> None:
    """`rows` registrations: new families copied from held ones under new ids, and corrections."""
    corrected = int(rows * CORRECTED_SHARE)
    with duckdb.connect(str(warehouse), read_only=True) as con:
        con.execute("SET enable_progress_bar = false")
        con.execute(
            f"""COPY (
                    WITH
                    registrasi AS (SELECT * FROM registrasi),
                    contoh AS (SELECT * FROM registrasi USING SAMPLE {rows} ROWS (reservoir, {day})),
                    bernomor AS (SELECT row_number() OVER () AS nomor, * FROM contoh),
                    diperbaiki AS (
                        SELECT * EXCLUDE (nomor) REPLACE (tanggal_didata + 1 AS tanggal_didata)
                        FROM bernomor WHERE nomor <= {corrected}
                    ),
                    baru AS (
                        SELECT * EXCLUDE (nomor) REPLACE ('H{day}-' || nomor AS id_keluarga)
                        FROM bernomor WHERE nomor > {corrected}
                    ),
                    berkas AS (SELECT * FROM diperbaiki UNION ALL SELECT * FROM baru)
                    SELECT {COLUMNS} FROM berkas
                ) TO '{path}' (HEADER, DELIMITER ',')"""
        )


def time_load(path: Path, warehouse: Path) -> tuple[float, int]:
    started = time.perf_counter()
    [result] = load_files([path], warehouse_path=warehouse, simulated=True)
    if result.rejected:
        raise RuntimeError("\n".join(result.lines()))
    return time.perf_counter() - started, result.read


def time_floor(path: Path, warehouse: Path) -> float:
    """The copy of the warehouse, flushed to disk, and a bare read of the day's file."""
    copy = warehouse.with_name(f"{warehouse.name}.floor")
    started = time.perf_counter()
    shutil.copyfile(warehouse, copy)
    descriptor = os.open(copy, os.O_RDONLY)
    os.fsync(descriptor)
    os.close(descriptor)
    with duckdb.connect() as con:
        con.execute(
            "CREATE TABLE hari AS SELECT * FROM read_csv(?, header = true, all_varchar = true)", [str(path)]
        )
    elapsed = time.perf_counter() - started
    copy.unlink()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--warehouse", type=Path, default=NATIONAL)
    parser.add_argument("--rows", type=int, default=10_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    if not 1 <= args.rows <= 10_000_000:
        parser.error("--rows must be between 1 and 10,000,000")
    print(f"machine: {machine()}")
    with tempfile.TemporaryDirectory(prefix="pantau-harian-", dir=args.warehouse.parent) as folder:
        work = Path(folder)
        target = work / "warehouse.duckdb"
        shutil.copyfile(args.warehouse, target)
        with duckdb.connect(str(target), read_only=True) as con:
            families = con.execute("SELECT count(*) FROM registrasi").fetchone()[0]
        size_gb = target.stat().st_size / 2**30
        print(f"warehouse: a copy of {args.warehouse} ({size_gb:.2f} GB, {families:,} families)")
        loads, floors = [], []
        for day in range(1, args.repeat + 1):
            path = work / f"registrasi-hari-{day}.csv"
            write_day(target, path, args.rows, day)
            floors.append(time_floor(path, target))
            seconds, read = time_load(path, target)
            loads.append(seconds)
            print(f"  day {day}: {read:,} rows loaded in {seconds:.2f} s; floor {floors[-1]:.2f} s")
    loader, floor = min(loads), min(floors)
    print(f"best: loader {loader:.2f} s, floor {floor:.2f} s, loader ÷ floor {loader / floor:.2f}")


if __name__ == "__main__":
    main()
