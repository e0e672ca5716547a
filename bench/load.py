"""Load throughput: the loader (full validation, copy-and-swap) against DuckDB's bare read_csv.

    .venv/bin/python -m bench.load [--scale N] [--repeat R]

Generates the demo campaign's contract files (scale N), then times, R times each:
- the loader loading all six files into a new warehouse (python -m data load);
- DuckDB reading the same files with read_csv into tables of a new database (the floor: no checks),
  once typed as it guesses (ids become integers) and once all as text, as the loader keeps codes.
Prints rows per second for each and the ratio. The runs alternate and the best of each counts, so that
other work on a shared machine slows both alike and a disturbed run does not.
"""

import argparse
import os
import platform
import tempfile
import time
from pathlib import Path

import duckdb

from data import demo
from data.loader import load_files
from geo import boundaries_dir


def machine() -> str:
    cpu = next(
        (line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
         if line.startswith("model name")),
        platform.processor(),
    )  # fmt: skip
    memory_gb = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{os.cpu_count()} cores ({cpu}), {memory_gb:.0f} GB, Python {platform.python_version()}"


def time_loader(paths: list[Path], work: Path) -> tuple[float, int]:
    """Seconds to load the files into a new warehouse, and the rows read."""
    target = work / f"bench-{time.monotonic_ns()}.duckdb"
    started = time.perf_counter()
    results = load_files(paths, warehouse_path=target)
    elapsed = time.perf_counter() - started
    target.unlink()
    return elapsed, sum(result.read for result in results)


def time_read_csv(paths: list[Path], work: Path, all_varchar: bool = False) -> float:
    """Seconds for DuckDB to read the files into tables of a new database: typed as it guesses (the
    floor), or all as text, as the loader stages them before its checks."""
    target = work / f"floor-{time.monotonic_ns()}.duckdb"
    started = time.perf_counter()
    con = duckdb.connect(str(target))
    for path in paths:
        con.execute(
            f"CREATE TABLE {path.stem} AS SELECT * FROM read_csv(?, header = true, all_varchar = ?)",
            [str(path), all_varchar],
        )
    con.close()
    elapsed = time.perf_counter() - started
    target.unlink()
    return elapsed


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scale", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="pantau-bench-") as folder:
        work = Path(folder)
        paths = demo.generate(work / "files", scale=args.scale, geo_dir=boundaries_dir())
        size_mb = sum(path.stat().st_size for path in paths) / 2**20
        runs = [
            (time_loader(paths, work), time_read_csv(paths, work), time_read_csv(paths, work, True))
            for _ in range(args.repeat)
        ]
    loader, rows = min(seconds for (seconds, _), _, _ in runs), runs[0][0][1]
    floor = min(seconds for _, seconds, _ in runs)
    as_text = min(seconds for _, _, seconds in runs)
    print(f"machine: {machine()}")
    print(f"data: demo campaign scale {args.scale}: {rows:,} rows in 6 CSV files, {size_mb:,.0f} MB")
    print(f"best of {args.repeat} runs each, alternating")
    print(f"loader (validated, swapped in): {loader:.2f} s = {rows / loader:,.0f} rows/s")
    print(f"DuckDB read_csv (floor):        {floor:.2f} s = {rows / floor:,.0f} rows/s")
    print(f"DuckDB read_csv, all as text:   {as_text:.2f} s = {rows / as_text:,.0f} rows/s")
    print(f"loader / floor rate: {floor / loader:.2f}; loader / all-as-text rate: {as_text / loader:.2f}")


if __name__ == "__main__":
    main()
