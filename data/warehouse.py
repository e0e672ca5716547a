"""Where the warehouse lives, how it is created, and how a load replaces it atomically.

DuckDB lets one process write a file or many read it, never both. A load therefore never writes the
file that the dashboard reads: it copies the warehouse, loads into the copy and swaps the copy in
with os.replace. Readers keep the old file until they reopen; an error or a crash leaves the old file
untouched (the copy is the transaction); a lock file keeps two loads from racing.
"""

import fcntl
import os
import re
import shutil
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

DATA_DIR = Path(__file__).resolve().parent
SCHEMA_FILE = DATA_DIR / "schema.sql"
UPGRADE_FILE = DATA_DIR / "upgrade.sql"
ROLLUP_FILE = DATA_DIR / "rollup.sql"
SUMMARY_TABLES = frozenset(re.findall(r"CREATE OR REPLACE TABLE (\w+)", ROLLUP_FILE.read_text()))
# What a load may hold in memory before DuckDB spills to disk: a very large export streams through.
LOAD_MEMORY = os.environ.get("PANTAU_LOAD_MEMORY", "2GB")
REGENCY_FILE = DATA_DIR / "reference" / "kabupaten.csv"


def default_path() -> Path:
    """The warehouse file: $PANTAU_WAREHOUSE, else data/warehouse.duckdb."""
    return Path(os.environ.get("PANTAU_WAREHOUSE") or DATA_DIR / "warehouse.duckdb")


def _create(con: duckdb.DuckDBPyConnection) -> None:
    con.execute(SCHEMA_FILE.read_text())
    con.execute(
        "INSERT INTO kabupaten SELECT * FROM read_csv(?, header = true, all_varchar = true)",
        [str(REGENCY_FILE)],
    )


@contextmanager
def writing(path: Path) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection to a private copy of the warehouse that replaces it only if the block succeeds,
    with its summary tables rebuilt from what the block left."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with open(f"{path}.lock", "w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)
        for leftover in path.parent.glob(f"{path.name}.tmp*"):  # from a load that was killed
            _remove(leftover)
        staging = path.with_name(f"{path.name}.tmp{os.getpid()}")
        spill = path.with_name(f"{staging.name}.spill")
        try:
            if path.exists():
                shutil.copyfile(path, staging)
            con = duckdb.connect(
                str(staging), config={"memory_limit": LOAD_MEMORY, "temp_directory": str(spill)}
            )
            try:
                if path.exists():
                    con.execute(UPGRADE_FILE.read_text())
                else:
                    _create(con)
                yield con
                con.execute(ROLLUP_FILE.read_text())
                con.execute("CHECKPOINT")
            finally:
                con.close()
            _flush_to_disk(staging)
            os.replace(staging, path)
        finally:
            for leftover in (staging, Path(f"{staging}.wal"), spill):
                _remove(leftover)


def _remove(path: Path) -> None:
    if path.is_dir():
        shutil.rmtree(path, ignore_errors=True)
    else:
        path.unlink(missing_ok=True)


def _flush_to_disk(path: Path) -> None:
    """So that the file swapped in is whole even after a power cut."""
    fd = os.open(path, os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
