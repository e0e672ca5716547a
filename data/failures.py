"""How a load can end, each with its exit status for the command line and its one-line reason.

A load either finishes (every row loaded, or some rows rejected and kept aside) or changes nothing:
a bad file, or a load that could not finish (the lock held too long by another load, the time limit,
a full disk or another read/write error). The reasons are the words the person loading reads, on the
command line and on the Data page alike.
"""

import errno
from pathlib import Path

EXIT_LOADED = 0
EXIT_REJECTED = 1  # loaded, but some rows were set aside in `tolak`
EXIT_BAD_FILE = 2  # nothing loaded: a file cannot be loaded at all
EXIT_INCOMPLETE = 3  # nothing loaded: the load could not finish; the same files may be tried again

# What a full or failing disk looks like from Python and from DuckDB.
STORAGE_ERRNOS = {errno.ENOSPC, errno.EDQUOT, errno.EIO, errno.EROFS}
REASON_MAX_CHARS = 600
STORAGE_MESSAGES = ("No space left on device", "Disk quota exceeded", "Read-only file system")


def one_line(reason: str) -> str:
    """A reason as one line of readable length (a library's error may span a page)."""
    line = " ".join(str(reason).split())
    return line if len(line) <= REASON_MAX_CHARS else line[: REASON_MAX_CHARS - 1] + "…"


class BadFile(Exception):
    """A file that cannot be loaded at all; nothing of the invocation loads."""

    exit_status = EXIT_BAD_FILE

    def __init__(self, path: Path, reason: str):
        reason = one_line(reason)
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


class LoadIncomplete(Exception):
    """The load stopped before the end; the warehouse is as it was."""

    exit_status = EXIT_INCOMPLETE

    def __init__(self, reason: str, path: Path | None = None):
        reason = one_line(reason)
        super().__init__(reason)
        self.reason = reason
        self.path = path  # the file being read or checked when it stopped, when there was one


class LockTimeout(LoadIncomplete):
    """Another load held the warehouse for longer than this one would wait."""


class TimeLimit(LoadIncomplete):
    """The load ran past its time limit."""


class StorageFailure(LoadIncomplete):
    """The disk was full, or a read or write failed."""


def is_storage_failure(error: BaseException) -> bool:
    """Whether an error is the disk's (full, read-only, failing) rather than the file's."""
    if isinstance(error, OSError) and error.errno in STORAGE_ERRNOS:
        return True
    return any(message in str(error) for message in STORAGE_MESSAGES)


def failure_line(error: BadFile | LoadIncomplete) -> str:
    """The one line that says why nothing was loaded, as the command line and the Data page tell it."""
    if isinstance(error, BadFile):
        return f"GAGAL, tidak ada yang dimuat: berkas {error.path.name}: {error.reason}"
    where = f" (saat memproses {error.path.name})" if error.path else ""
    return f"TIDAK SELESAI, tidak ada yang dimuat{where}: {error.reason}"
