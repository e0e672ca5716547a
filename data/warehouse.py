"""Where the warehouse lives, how it is created, and how a load replaces it atomically.

DuckDB lets one process write a file or many read it, never both. A load therefore never writes the
file that the dashboard reads: it copies the warehouse, loads into the copy and swaps the copy in
with os.replace. Readers keep the old file until they reopen; an error or a crash leaves the old file
untouched (the copy is the transaction); a lock file keeps two loads from racing.
"""

import datetime as dt
import fcntl
import json
import os
import re
import shutil
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import duckdb

from data.contract import PROVINCE_MACROS, WITA
from data.failures import LockTimeout
from data.limits import Deadline

DATA_DIR = Path(__file__).resolve().parent
SCHEMA_FILE = DATA_DIR / "schema.sql"
UPGRADE_FILE = DATA_DIR / "upgrade.sql"
ROLLUP_FILE = DATA_DIR / "rollup.sql"
SUMMARY_TABLES = frozenset(re.findall(r"INSERT INTO (\w+)", ROLLUP_FILE.read_text()))
# What a load changed in registrasi, for rollup.sql: each row that left (tanda -1) or came in (+1).
CHANGES = "registrasi_berubah"
# The kinds whose rows only add to the summary tables what registrasi_berubah says; any other kind
# (targets, officers, desks, schedule) changes how every family is summed, and the tables are rebuilt.
FAMILY_KINDS = ("registrasi", "pembatalan")
SUMMARY_HEADING = "-- Summary tables:"
_SUMMARY_TABLE_LINE = re.compile(r"-- (\w+): (\S.*)")
_SUMMARY_COLUMNS_LINE = re.compile(r"-- {5}(\S.*)")


def summary_tables() -> dict[str, list[tuple[str, str]]]:
    """The summary tables that schema.sql's last comment section lists: table -> [(column, type), ...].
    Its form: a paragraph starting SUMMARY_HEADING, a line `--`, then `-- <table>: <what it holds>`
    lines, each followed by `--     <column> <TYPE>, ...` lines."""
    lines = SCHEMA_FILE.read_text().splitlines()
    starts = [number for number, line in enumerate(lines) if line.startswith(SUMMARY_HEADING)]
    if len(starts) != 1:
        raise ValueError(f"schema.sql needs one line starting {SUMMARY_HEADING!r}")
    tables: dict[str, list[tuple[str, str]]] = {}
    table = None
    for line in lines[lines.index("--", starts[0]) + 1 :]:
        if not line.startswith("--"):
            break  # the section is one comment block
        if columns := _SUMMARY_COLUMNS_LINE.fullmatch(line):
            if table is None:
                raise ValueError(f"schema.sql: columns before any table: {line!r}")
            for column in filter(None, (part.strip() for part in columns[1].split(","))):
                name, _, type_ = column.partition(" ")
                if not (name and type_):
                    raise ValueError(f"schema.sql: {table}: {column!r} is not '<column> <TYPE>'")
                tables[table].append((name, type_))
        elif described := _SUMMARY_TABLE_LINE.fullmatch(line):
            table = described[1]
            if table in tables:
                raise ValueError(f"schema.sql: {table} is listed twice")
            tables[table] = []
        else:
            raise ValueError(f"schema.sql: not part of the summary list's form: {line!r}")
    return tables


# Every table a current warehouse holds: a warehouse without one of them is brought up to date by the
# next load (upgrade.sql, then the summary tables).
TABLES = SUMMARY_TABLES | set(re.findall(r"CREATE TABLE (\w+)", SCHEMA_FILE.read_text()))
# What a load may hold in memory before DuckDB spills to disk: a very large export streams through.
LOAD_MEMORY = os.environ.get("PANTAU_LOAD_MEMORY", "2GB")
# Nothing is fetched: DuckDB would otherwise download an extension it meets from its server.
OFFLINE = {
    "autoinstall_known_extensions": False,
    "autoload_known_extensions": False,
    "allow_community_extensions": False,
}
CONFIG = {"memory_limit": LOAD_MEMORY, **OFFLINE}
LOCK_POLL_SECONDS = 0.1
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


def is_simulated(path: Path) -> bool:
    """Whether the warehouse holds the demo campaign (every load flagged as simulated)."""
    with duckdb.connect(config={**OFFLINE}) as con:
        con.execute("ATTACH ? AS gudang (READ_ONLY)", [str(path)])
        return bool(con.execute("SELECT coalesce(bool_and(simulasi), false) FROM gudang.muat").fetchone()[0])


def missing_parts(path: Path) -> list[str]:
    """The tables, and the summary tables' columns, that the warehouse at `path` lacks because an earlier
    version built it (the next load adds them)."""
    with duckdb.connect(config={**OFFLINE}) as con:
        con.execute("ATTACH ? AS gudang (READ_ONLY)", [str(path)])
        return attached_missing_parts(con)


def attached_missing_parts(con: duckdb.DuckDBPyConnection, catalog: str = "gudang") -> list[str]:
    """`missing_parts` of the database attached to `con` as `catalog` (a file, or a snapshot's views)."""
    rows = con.execute(
        "SELECT table_name, column_name FROM information_schema.columns WHERE table_catalog = ?", [catalog]
    ).fetchall()
    held = {f"{table}.{column}" for table, column in rows} | {table for table, _ in rows}
    needed = set(TABLES) | {
        f"{table}.{column}" for table, columns in summary_tables().items() for column, _ in columns
    }
    return sorted(needed - held)


def rebuild_summaries(con: duckdb.DuckDBPyConnection) -> None:
    """The summary tables (rollup.sql) built anew from the warehouse's rows: empty tables, and every
    family row taken as come in."""
    con.execute(f"DROP TABLE IF EXISTS {CHANGES}")
    for table, columns in summary_tables().items():
        defined = ", ".join(f"{column} {type_}" for column, type_ in columns)
        con.execute(f"CREATE OR REPLACE TABLE {table} ({defined})")
    con.execute(f"CREATE TEMP VIEW {CHANGES} AS SELECT 1::TINYINT AS tanda, * FROM registrasi")
    update_summaries(con)
    con.execute(f"DROP VIEW {CHANGES}")


def update_summaries(con: duckdb.DuckDBPyConnection) -> None:
    """The summary tables brought up to date with what the load recorded in CHANGES, and only that."""
    con.execute(PROVINCE_MACROS)
    con.execute(ROLLUP_FILE.read_text())


def _record_changes(con: duckdb.DuckDBPyConnection) -> None:
    """An empty CHANGES for the load to fill: registrasi's columns after tanda."""
    con.execute(f"CREATE TEMP TABLE {CHANGES} AS SELECT 0::TINYINT AS tanda, * FROM registrasi LIMIT 0")


def _changed_masters(con: duckdb.DuckDBPyConnection, since_load: int) -> bool:
    """Whether a load after `since_load` loaded or replaced rows of a kind other than FAMILY_KINDS."""
    kinds = ", ".join("?" for _ in FAMILY_KINDS)
    return con.execute(
        f"""SELECT count(*) > 0 FROM muat
            WHERE id_muat > ? AND jenis NOT IN ({kinds}) AND baris_dimuat + baris_diganti > 0""",
        [since_load, *FAMILY_KINDS],
    ).fetchone()[0]


@contextmanager
def writing(
    path: Path, *, deadline: Deadline, lock_wait: float, purpose: str = ""
) -> Iterator[duckdb.DuckDBPyConnection]:
    """A connection to a private copy of the warehouse that replaces it only if the block succeeds,
    with its summary tables brought up to date (by what the block recorded in CHANGES, or rebuilt
    whole when it changed a master table or the warehouse lacked a part), all before `deadline`. Waits at most
    `lock_wait` seconds for another load to finish; `purpose` tells a waiting load what this one is."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with _locked(path, lock_wait, purpose):
        for leftover in path.parent.glob(f"{path.name}.tmp*"):  # from a load that was killed
            _remove(leftover)
        staging = path.with_name(f"{path.name}.tmp{os.getpid()}")
        spill = path.with_name(f"{staging.name}.spill")
        try:
            if path.exists():
                shutil.copyfile(path, staging)
            con = duckdb.connect(str(staging), config={**CONFIG, "temp_directory": str(spill)})
            try:
                # A long load writes no progress bar into the loader's output; then the settings are
                # locked: no statement of a load can change them back.
                con.execute("SET enable_progress_bar = false; SET lock_configuration = true")
                with deadline.interrupting(con):
                    con.execute(PROVINCE_MACROS)  # the loader's checks name the province
                    if path.exists():
                        con.execute(UPGRADE_FILE.read_text())
                    else:
                        _create(con)
                    outdated = attached_missing_parts(con, catalog=_catalog(con))
                    last_load = con.execute("SELECT coalesce(max(id_muat), 0) FROM muat").fetchone()[0]
                    _record_changes(con)
                    yield con
                    if outdated or _changed_masters(con, last_load):
                        rebuild_summaries(con)
                    else:
                        update_summaries(con)
                    con.execute("CHECKPOINT")
            finally:
                con.close()
            _flush_to_disk(staging)
            os.replace(staging, path)
        finally:
            for leftover in (staging, Path(f"{staging}.wal"), spill):
                _remove(leftover)


def _catalog(con: duckdb.DuckDBPyConnection) -> str:
    return con.execute("SELECT current_database()").fetchone()[0]


@contextmanager
def _locked(path: Path, wait_seconds: float, purpose: str) -> Iterator[None]:
    """The warehouse's lock (loads queue, never race), waited for at most `wait_seconds`. The holder
    writes who it is into the lock file, so that a load that gives up can say which load holds it."""
    fd = os.open(f"{path}.lock", os.O_RDWR | os.O_CREAT, 0o644)
    try:
        give_up = time.monotonic() + wait_seconds
        while not _try_lock(fd):
            if time.monotonic() >= give_up:
                raise LockTimeout(_held_by(fd, wait_seconds))
            time.sleep(LOCK_POLL_SECONDS)
        holder = {"pid": os.getpid(), "sejak": dt.datetime.now(dt.UTC).isoformat(), "muat": purpose[:500]}
        os.ftruncate(fd, 0)
        os.pwrite(fd, json.dumps(holder).encode(), 0)
        yield
    finally:
        os.close(fd)  # closing releases the lock


def _try_lock(fd: int) -> bool:
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        return False
    return True


def _held_by(fd: int, waited: float) -> str:
    """Why this load gives up, naming the load that holds the warehouse as it wrote itself down."""
    try:
        holder = json.loads(os.pread(fd, 4096, 0))
        since = dt.datetime.fromisoformat(holder["sejak"]) + WITA
        who = f"proses {holder['pid']} sejak {since:%d/%m/%Y %H.%M} WITA: {holder['muat'] or '-'}"
    except (ValueError, KeyError, TypeError):
        who = "muat lain"
    return (
        f"gudang data sedang dimuat oleh {who}; ditunggu {waited:g} detik (PANTAU_LOCK_WAIT_SECONDS): "
        "coba lagi nanti"
    )


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
