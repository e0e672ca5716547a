"""The one place that runs the dashboard's questions against the warehouse.

Each question is a SQL file in this folder, named by what it answers; `macros.sql` holds the
definitions they share (the planned curve, the status rule). The warehouse is opened read-only: a
load swaps in a new file (see data/warehouse.py), and the next question notices and reopens.

The file is attached to a private in-memory database rather than opened with duckdb.connect(path):
DuckDB hands back the already-open instance for a path, which would keep serving the old file.
Questions still running on the old instance finish there; it closes when they are done.
"""

import os
import threading
from functools import cache
from pathlib import Path

import duckdb
import pandas as pd

QUERY_DIR = Path(__file__).resolve().parent


class WarehouseMissing(FileNotFoundError):
    """No warehouse file yet: nothing has been loaded."""


@cache
def sql(name: str) -> str:
    return (QUERY_DIR / f"{name}.sql").read_text()


class Warehouse:
    """Read-only access to one warehouse file, safe to share between threads."""

    def __init__(self, path: Path):
        self.path = Path(path)
        self._lock = threading.Lock()
        self._connection: duckdb.DuckDBPyConnection | None = None
        self._opened_version: tuple[int, int] | None = None

    def version(self) -> tuple[int, int]:
        """Changes whenever a load swaps in a new file; a key for caching answers."""
        try:
            stat = os.stat(self.path)
        except FileNotFoundError as error:
            raise WarehouseMissing(f"gudang data belum ada: {self.path}") from error
        return stat.st_ino, stat.st_mtime_ns

    def _current_connection(self) -> duckdb.DuckDBPyConnection:
        version = self.version()
        with self._lock:
            if version != self._opened_version:
                connection = duckdb.connect()
                connection.execute("ATTACH ? AS gudang (READ_ONLY)", [str(self.path)])
                self._connection = connection
                self._opened_version = version
            return self._connection

    def run(self, name: str, **params) -> pd.DataFrame:
        """The answer to question `name` (queries/<name>.sql) with its named parameters."""
        cursor = self._current_connection().cursor()
        try:
            cursor.execute("USE gudang")
            cursor.execute(sql("macros"))
            return cursor.execute(sql(name), params).df()
        finally:
            cursor.close()
