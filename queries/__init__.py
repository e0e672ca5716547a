"""The one place that runs the dashboard's questions against the warehouse.

Each question is a SQL file in this folder, named by what it answers; `macros.sql` holds the
definitions they share (the planned curve, the status rule). The warehouse is opened read-only: a
load swaps in a new file (see data/warehouse.py), and the next question notices and reopens.
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
                # The old connection is left to close once the cursors still reading it finish.
                self._connection = duckdb.connect(str(self.path), read_only=True)
                self._opened_version = version
            return self._connection

    def run(self, name: str, **params) -> pd.DataFrame:
        """The answer to question `name` (queries/<name>.sql) with its named parameters."""
        cursor = self._current_connection().cursor()
        try:
            cursor.execute(sql("macros"))
            return cursor.execute(sql(name), params).df()
        finally:
            cursor.close()
