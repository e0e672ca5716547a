"""The one place that runs the dashboard's questions against the warehouse.

Each question is a SQL file in this folder, named by what it answers; `macros.sql` holds the
definitions they share (the planned curve, the status rule), over the numbers of `rules.py`. The
warehouse is opened read-only: a load swaps in a new file (see data/warehouse.py), and the next
snapshot taken sees it.

A snapshot is one version of the warehouse file, held open: every question asked of it sees the
same data, even when a load swaps in a new file meanwhile (the old file stays readable through the
open handle until the last snapshot of it is dropped). A page run takes one snapshot and asks all
its questions of it, so it never mixes the data of two loads.

The file is attached to a private in-memory database rather than opened with duckdb.connect(path):
DuckDB hands back the already-open instance for a path, which would keep serving the old file.
"""

import os
import tempfile
import threading
from dataclasses import dataclass
from functools import cache
from pathlib import Path

import duckdb
import pandas as pd

from data import export, warehouse
from queries import rules
from queries.access import Viewer, allowed_params, narrowed

QUERY_DIR = Path(__file__).resolve().parent
# What the dashboard's questions may hold in memory before DuckDB spills to disk: the app's own share
# of the machine stays bounded at national scale, under 1 GB with Python's (the officers' question is
# the largest: 1 GB of it costs 2.7 s, 600 MB about 4 s; bench/README.md).
READ_MEMORY = os.environ.get("PANTAU_READ_MEMORY", "600MB")
SPILL_DIR = str(Path(tempfile.gettempdir()) / "pantau-duckdb")
# Nothing is fetched: DuckDB would otherwise download an extension a question needs from its server.
READ_CONFIG = {
    "memory_limit": READ_MEMORY,
    "temp_directory": SPILL_DIR,
    **warehouse.OFFLINE,
}
OPEN_ATTEMPTS = 5  # a load swapping the file between our look and our open: look again


class WarehouseMissing(FileNotFoundError):
    """No warehouse file yet: nothing has been loaded."""


class WarehouseOutdated(WarehouseMissing):
    """A warehouse built by an earlier version, without some table the questions read (a summary
    table of data/rollup.sql, or a newer table of schema.sql): not usable until the next load, which
    brings it up to date."""


@cache
def sql(name: str) -> str:
    return (QUERY_DIR / f"{name}.sql").read_text()


@cache
def definitions() -> str:
    """What every question may use: the rules' numbers as macros, then macros.sql, which reads them."""
    return rules.sql_macros() + "\n" + sql("macros")


def _file_version(path: Path) -> tuple[int, int]:
    try:
        stat = os.stat(path)
    except FileNotFoundError as error:
        raise WarehouseMissing(f"gudang data belum ada: {path}") from error
    return stat.st_ino, stat.st_mtime_ns


@dataclass(frozen=True, eq=False)
class Snapshot:
    """One version of the warehouse, open for questions; safe to share between threads."""

    version: tuple[int, int]
    connection: duckdb.DuckDBPyConnection

    def ask(self, name: str, *, viewer: Viewer, **params) -> pd.DataFrame:
        """The answer to question `name` as `viewer` may see it (queries/access.py), or Refused: the
        way every page asks."""
        answer = self.run(name, **allowed_params(viewer, name, params))
        return narrowed(viewer, name, answer)

    def run(self, name: str, **params) -> pd.DataFrame:
        """The answer to question `name` (queries/<name>.sql) with its named parameters, whoever asks:
        for the loader's and the tests' own use; pages ask through `ask`."""
        cursor = self.connection.cursor()  # one cursor per question: threads may share the snapshot
        try:
            cursor.execute("USE gudang")
            cursor.execute(definitions())
            return cursor.execute(sql(name), params).df()
        finally:
            cursor.close()


class Warehouse:
    """Read-only access to one warehouse, safe to share between threads: a DuckDB file, or a folder
    of Parquet snapshots exported from one (data/export.py), as replicas on other machines read it."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._lock = threading.Lock()
        self._latest: Snapshot | None = None

    def version(self) -> tuple[int, int]:
        """Changes whenever a load swaps in a new file (or an export a new snapshot); a key for caching
        answers."""
        return _file_version(self.path / export.CURRENT if self.path.is_dir() else self.path)

    def snapshot(self) -> Snapshot:
        """The warehouse as it is now, opened once per version and shared by its readers."""
        with self._lock:
            if self._latest is None or self._latest.version != self.version():
                self._latest = self._open()
            return self._latest

    def _open(self) -> Snapshot:
        # The version is read before and after opening: equal, and the open file is that version.
        for _ in range(OPEN_ATTEMPTS):
            before = self.version()
            connection = duckdb.connect(config=READ_CONFIG)
            if self.path.is_dir():
                try:
                    export.attach_views(connection, export.current_snapshot(self.path))
                except FileNotFoundError as error:
                    connection.close()
                    raise WarehouseMissing(str(error)) from error
            else:
                connection.execute("ATTACH ? AS gudang (READ_ONLY)", [str(self.path)])
            if missing := warehouse.attached_missing_parts(connection):
                connection.close()
                raise WarehouseOutdated(f"{self.path}: tabel ringkasan belum lengkap ({', '.join(missing)})")
            if self.version() == before:
                return Snapshot(before, connection)
            connection.close()
        raise RuntimeError(f"{self.path} berganti terus saat dibuka")

    def ask(self, name: str, *, viewer: Viewer, **params) -> pd.DataFrame:
        """The answer to question `name` on the warehouse as it is now, as `viewer` may see it."""
        return self.snapshot().ask(name, viewer=viewer, **params)

    def run(self, name: str, **params) -> pd.DataFrame:
        """The answer to question `name` on the warehouse as it is now, whoever asks (tests, tools)."""
        return self.snapshot().run(name, **params)
