"""What one load may cost: every file is bounded in size, shape and cells, every load in time.

Each bound is a setting (an environment variable, read when a load starts) whose default fits a
province's exports with room to spare; README.md lists them. A file beyond a bound is a bad file,
refused before it is read where its size or its declared shape already says so (a workbook's
parts, a Parquet file's metadata); a load past its time is stopped, and changes nothing.
"""

import os
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb

from data.failures import TimeLimit

MB = 1 << 20


def _setting(name: str, default: float) -> float:
    value = os.environ.get(name)
    return float(value) if value else default


@dataclass(frozen=True)
class Limits:
    file_mb: float  # any file, as sent
    rows: int  # data rows of one file
    columns: int  # columns of a header
    cell_chars: int  # characters of one workbook cell (Excel itself holds at most 32,767)
    workbook_mb: float  # a workbook's parts, uncompressed, all together
    workbook_strings_mb: float  # its shared strings, uncompressed: held in memory while it is read
    inflate_ratio: float  # how many times a workbook part may grow when uncompressed
    load_seconds: float  # one load, from taking the lock to the swap
    lock_wait_seconds: float  # how long a load waits for another to finish

    @classmethod
    def from_environment(cls) -> "Limits":
        return cls(
            file_mb=_setting("PANTAU_MAX_FILE_MB", 1024),
            rows=int(_setting("PANTAU_MAX_ROWS", 5_000_000)),
            columns=int(_setting("PANTAU_MAX_COLUMNS", 200)),
            cell_chars=int(_setting("PANTAU_MAX_CELL_CHARS", 32_767)),
            workbook_mb=_setting("PANTAU_XLSX_MAX_MB", 512),
            workbook_strings_mb=_setting("PANTAU_XLSX_STRINGS_MB", 128),
            inflate_ratio=_setting("PANTAU_XLSX_MAX_RATIO", 100),
            load_seconds=_setting("PANTAU_LOAD_SECONDS", 600),
            lock_wait_seconds=_setting("PANTAU_LOCK_WAIT_SECONDS", 120),
        )


class Deadline:
    """The moment a load must have finished by."""

    def __init__(self, seconds: float):
        self.seconds = seconds
        self._at = time.monotonic() + seconds

    def passed(self) -> bool:
        return time.monotonic() >= self._at

    def check(self) -> None:
        """For work done in Python (a workbook read row by row): stop once the time is up."""
        if self.passed():
            raise self.exceeded()

    def exceeded(self, path: Path | None = None) -> TimeLimit:
        return TimeLimit(
            f"batas waktu muat terlampaui ({self.seconds:g} detik, PANTAU_LOAD_SECONDS): "
            "pecah berkas menjadi beberapa bagian",
            path,
        )

    @contextmanager
    def interrupting(self, con: duckdb.DuckDBPyConnection) -> Iterator[None]:
        """Interrupt whatever `con` runs once the time is up (again and again, should a statement
        start between two interruptions), and say so as a TimeLimit."""
        finished = threading.Event()

        def watch() -> None:
            while not finished.wait(min(0.2, max(self._at - time.monotonic(), 0.05))):
                if self.passed():
                    con.interrupt()

        watcher = threading.Thread(target=watch, name="batas-waktu-muat", daemon=True)
        watcher.start()
        try:
            yield
        except duckdb.InterruptException as error:
            if not self.passed():
                raise  # interrupted by someone else (Ctrl+C), not by the time limit
            raise self.exceeded() from error
        finally:
            finished.set()
            watcher.join()
