"""A national-scale warehouse for benchmarks: the demo campaign at scale N, loaded by the real loader.

    .venv/bin/python -m bench.national [--scale 72] [--out /work/bench-data/national.duckdb]

Scale 72 is about 85 M families, 465,000 officers and 1 M SLS (Indonesia's Regsosek 2022). The demo
writes the registrations as many files of at most --rows-per-file rows (one table of 85 M rows would
not fit in memory), and each file is loaded in its own load, as files arriving from regency offices
would be: full validation, copy-and-swap, memory held to the loader's limit (PANTAU_LOAD_MEMORY).
Generation and loading run in processes of their own so that each one's peak memory is its own.
The warehouse is built beside --out and swapped in only when every row has loaded.
"""

import argparse
import os
import resource
import shutil
import sys
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from multiprocessing import get_context
from pathlib import Path

import duckdb

from bench.load import machine
from data import demo, warehouse
from data.loader import load_files
from geo import boundaries_dir

DEFAULT_OUT = Path("/work/bench-data/national.duckdb")
MASTER_FILES = 5  # wilayah, petugas, desk, jadwal, penugasan: the demo writes them first
TABLES = ("wilayah", "petugas", "penugasan", "desk", "jadwal", "registrasi")


def peak_rss_gb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 2**20  # Linux reports KiB


def _timed(task: Callable, *args):
    started = time.perf_counter()
    result = task(*args)
    return result, time.perf_counter() - started, peak_rss_gb()


def in_fresh_process(task: Callable, *args):
    """(result, seconds, peak GB) of task run in a new process, so the peak is this task's alone."""
    with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as pool:
        return pool.submit(_timed, task, *args).result()


def generate(folder: Path, scale: int, rows_per_file: int) -> list[Path]:
    return demo.generate(folder, scale=scale, geo_dir=boundaries_dir(), rows_per_file=rows_per_file)


def load(paths: list[Path], target: Path) -> int:
    """Load the master files together, then each registration file on its own; return the rows read."""
    batches = [paths[:MASTER_FILES], *([path] for path in paths[MASTER_FILES:])]
    rows = 0
    for number, batch in enumerate(batches, start=1):
        started = time.perf_counter()
        results = load_files(batch, warehouse_path=target, simulated=True)
        rejected = [line for result in results if result.rejected for line in result.lines()]
        if rejected:
            raise RuntimeError("rows rejected:\n" + "\n".join(rejected))
        rows += sum(result.read for result in results)
        print(
            f"  load {number}/{len(batches)} {batch[-1].name}: {sum(r.read for r in results):,} rows "
            f"in {time.perf_counter() - started:.0f} s; {rows:,} so far, "
            f"warehouse {target.stat().st_size / 2**30:.2f} GB",
            flush=True,
        )
    return rows


def table_counts(path: Path) -> dict[str, int]:
    with duckdb.connect(str(path), read_only=True) as con:
        return {table: con.execute(f"SELECT count(*) FROM {table}").fetchone()[0] for table in TABLES}


def build(out: Path, scale: int, rows_per_file: int, keep_files: bool) -> None:
    files = out.with_name(f"{out.name}.files")
    building = out.with_name(f"{out.name}.building")
    shutil.rmtree(files, ignore_errors=True)
    building.unlink(missing_ok=True)
    print(f"machine: {machine()}; loader memory limit {warehouse.LOAD_MEMORY}", flush=True)
    paths, generate_s, generate_gb = in_fresh_process(generate, files, scale, rows_per_file)
    files_gb = sum(path.stat().st_size for path in paths) / 2**30
    print(f"generated {len(paths)} CSV files, {files_gb:.1f} GB, in {generate_s:.0f} s", flush=True)
    rows, load_s, load_gb = in_fresh_process(load, paths, building)
    os.replace(building, out)
    if not keep_files:
        shutil.rmtree(files)
    counts = ", ".join(f"{table} {count:,}" for table, count in table_counts(out).items())
    print(f"national warehouse: {out} (demo scale {scale})")
    print(f"rows: {rows:,} read and loaded, none rejected; {counts}")
    print(f"files: {len(paths)} CSV ({len(paths) - MASTER_FILES} of registrations), {files_gb:.1f} GB")
    print(f"generation: {generate_s:.0f} s, peak {generate_gb:.1f} GB")
    print(f"loading:    {load_s:.0f} s ({rows / load_s:,.0f} rows/s), peak {load_gb:.1f} GB")
    print(f"warehouse file: {out.stat().st_size / 2**30:.2f} GB")


def main() -> int:
    # A load into a warehouse of 85 million families copies 1.3 GB and rebuilds its summaries: give each
    # load more than the default 10 minutes, unless set otherwise.
    os.environ.setdefault("PANTAU_LOAD_SECONDS", "3600")
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=72, help="demo scale (72 ≈ 85 M families)")
    parser.add_argument("--out", type=Path, default=DEFAULT_OUT, help="warehouse file to build")
    parser.add_argument("--rows-per-file", type=int, default=2_000_000, help="registrations per file")
    parser.add_argument("--keep-files", action="store_true", help="keep the CSV files (<out>.files)")
    parser.add_argument("--replace", action="store_true", help="replace an existing warehouse at --out")
    args = parser.parse_args()
    if args.out.exists() and not args.replace:
        print(f"{args.out} exists; use --replace to build it again", file=sys.stderr)
        return 2
    build(args.out, args.scale, args.rows_per_file, args.keep_files)
    return 0


if __name__ == "__main__":
    sys.exit(main())
