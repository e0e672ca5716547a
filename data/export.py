"""The warehouse as a folder of Parquet snapshots, for app replicas on several machines.

One DuckDB file serves one machine's readers. Past that, replicas behind a load balancer read a
shared folder (a network file system or an object store mounted as one) that nobody writes in place:

    FOLDER/
      CURRENT                    the name of the snapshot to read, replaced atomically
      20221115T081500Z/          one snapshot: a Parquet file per table, the large tables
        muat.parquet             split into a folder per regency (hive partitions, kode_kab=6472/)
        registrasi/kode_kab=6472/data_0.parquet
        ...

`export` writes a new snapshot beside the old ones, then points CURRENT at it; a reader that opened
the old snapshot keeps reading it, and older snapshots beyond the last KEEP are removed. The loader
stays the only writer (of the DuckDB file); an export follows each load (or a timer).
"""

import datetime as dt
import os
import re
import shutil
from pathlib import Path

import duckdb

from data import warehouse

CURRENT = "CURRENT"
SNAPSHOT_NAME = re.compile(r"[0-9]{8}T[0-9]{12}Z")  # as export names them: UTC to the microsecond
KEEP = 3  # snapshots kept: readers of the last two stay on theirs while they finish
# Tables split per regency: the ones that grow with the families.
BY_REGENCY = ("registrasi", "registrasi_harian", "registrasi_alur")


def tables(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The tables (or, over a snapshot, the views) of the database attached as `gudang`."""
    rows = con.execute(
        "SELECT table_name FROM information_schema.tables WHERE table_catalog = 'gudang'"
    ).fetchall()
    return sorted(name for (name,) in rows)


def export(warehouse_path: Path, folder: Path) -> Path:
    """Write the warehouse as a new snapshot in `folder` and make it the current one; returns it."""
    folder.mkdir(parents=True, exist_ok=True)
    snapshot = folder / dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    partial = snapshot.with_name(f".{snapshot.name}.partial")  # never named by CURRENT
    con = duckdb.connect(config=warehouse.OFFLINE)
    try:
        con.execute("ATTACH ? AS gudang (READ_ONLY)", [str(warehouse_path)])
        for table in sorted(warehouse.TABLES & set(tables(con))):  # our own names only, in the SQL
            _write(con, table, partial)
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    finally:
        con.close()
    os.replace(partial, snapshot)
    _point_at(folder, snapshot.name)
    _remove_old(folder)
    return snapshot


def _write(con: duckdb.DuckDBPyConnection, table: str, partial: Path) -> None:
    if table in BY_REGENCY:
        target, options = partial / table, "FORMAT parquet, PARTITION_BY (kode_kab)"
    else:
        target, options = partial / f"{table}.parquet", "FORMAT parquet"
    partial.mkdir(parents=True, exist_ok=True)
    con.execute(f"COPY gudang.{table} TO {_text(target)} ({options})")


def _text(path: Path) -> str:
    """A path as an SQL string literal (COPY and views take no parameters)."""
    return "'" + str(path).replace("'", "''") + "'"


def _point_at(folder: Path, name: str) -> None:
    pointer = folder / f".{CURRENT}.new"
    with open(pointer, "w") as file:
        file.write(name + "\n")
        file.flush()
        os.fsync(file.fileno())
    os.replace(pointer, folder / CURRENT)


def _remove_old(folder: Path) -> None:
    snapshots = sorted(path for path in folder.iterdir() if path.is_dir() and not path.name.startswith("."))
    for old in snapshots[:-KEEP]:
        shutil.rmtree(old, ignore_errors=True)


def current_snapshot(folder: Path) -> Path:
    """The snapshot CURRENT names (raises FileNotFoundError when there is none yet); a name that is
    not a snapshot's (a folder elsewhere, say) is refused."""
    name = (folder / CURRENT).read_text().strip()
    if not SNAPSHOT_NAME.fullmatch(name):
        raise FileNotFoundError(f"{folder / CURRENT} tidak menunjuk snapshot")
    return folder / name


def attach_views(con: duckdb.DuckDBPyConnection, snapshot: Path) -> None:
    """Make `snapshot`'s tables the database `gudang` of `con`, as views over its Parquet files."""
    con.execute("ATTACH ':memory:' AS gudang")
    for table in sorted(warehouse.TABLES):  # the folder's own file names never become SQL
        path = snapshot / table if (snapshot / table).is_dir() else snapshot / f"{table}.parquet"
        if not path.exists():
            continue  # an older snapshot: the missing table makes the warehouse outdated
        if path.is_dir():
            # Partition values stay text: regency codes such as 6401 must not become numbers.
            files = _text(path / "*" / "*.parquet")
            source = f"read_parquet({files}, hive_partitioning = true, hive_types_autocast = false)"
        else:
            source = f"read_parquet({_text(path)})"
        con.execute(f"CREATE VIEW gudang.{table} AS SELECT * FROM {source}")
