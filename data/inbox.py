"""A watched inbox: each export dropped into a folder is loaded, then moved to done/ or failed/.

Offices (or a sync job) drop their daily exports into the folder. Files that arrive together load in
one go, in dependency order (officers before the families they registered). A file that cannot be
loaded at all goes to failed/ with a note saying why, and the others still load. A file is taken only
once it has stopped changing for a while, so that one still being copied in is not read half-written.
"""

import datetime as dt
import shutil
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

from data.failures import BadFile, LoadIncomplete, TimeLimit, failure_line
from data.loader import FileResult, load_files

DONE = "done"
FAILED = "failed"
# Names that editors and copy tools give to files not yet whole: Excel's lock files, partial copies.
UNFINISHED_PREFIXES = (".", "~$")
UNFINISHED_SUFFIXES = (".part", ".tmp", ".crdownload", ".partial")


@dataclass
class Handled:
    """What became of one file of the inbox."""

    name: str
    moved_to: Path
    result: FileResult | None = None  # None: the file could not be loaded
    reason: str = ""


def ready_files(folder: Path, settle_seconds: float, warehouse_path: Path) -> list[Path]:
    """Files in the folder, oldest first, that look whole and have not changed for settle_seconds
    (never the warehouse itself or its lock and copies, should it live in the same folder)."""
    now = time.time()
    files = [
        path
        for path in folder.iterdir()
        if path.is_file()
        and not path.name.startswith((*UNFINISHED_PREFIXES, warehouse_path.name))
        and not path.name.lower().endswith(UNFINISHED_SUFFIXES)
        and now - path.stat().st_mtime >= settle_seconds
    ]
    return sorted(files, key=lambda path: (path.stat().st_mtime, path.name))


def process(folder: Path, warehouse_path: Path, settle_seconds: float = 5) -> list[Handled]:
    """Load what is ready in the folder once; a bad file (or one that takes longer than a load may) is
    set aside and the rest loaded without it. When the load cannot finish for a reason that is not a
    file's (another load holds the warehouse, a full disk), the files stay for the next round."""
    batch = ready_files(folder, settle_seconds, warehouse_path)
    handled: list[Handled] = []
    while batch:
        try:
            results = load_files(batch, warehouse_path=warehouse_path)
        except (BadFile, TimeLimit) as error:
            if error.path not in batch:
                raise
            batch.remove(error.path)
            moved = _move(error.path, folder / FAILED, error.reason)
            handled.append(Handled(error.path.name, moved, reason=error.reason))
            continue
        by_name = {Path(result.file).name: result for result in results}
        for path in batch:
            result = by_name[path.name]
            handled.append(Handled(path.name, _move(path, folder / DONE, "\n".join(result.lines())), result))
        break
    return handled


def watch(
    folder: Path,
    warehouse_path: Path,
    *,
    interval: float = 10,
    settle_seconds: float = 5,
    tell: Callable[[Handled], None] = lambda handled: None,
    warn: Callable[[str], None] = lambda line: None,
) -> None:
    """Process the folder every `interval` seconds, for as long as the process runs."""
    (folder / DONE).mkdir(parents=True, exist_ok=True)
    (folder / FAILED).mkdir(parents=True, exist_ok=True)
    while True:
        try:
            for handled in process(folder, warehouse_path, settle_seconds):
                tell(handled)
        except LoadIncomplete as error:  # not the files' fault: they wait for the next round
            warn(failure_line(error) + "; dicoba lagi pada putaran berikutnya")
        time.sleep(interval)


def _move(path: Path, to: Path, note: str) -> Path:
    """Move the file under a name that starts with when it was handled (UTC), and write the note beside
    it: the same daily file name arrives again and again."""
    to.mkdir(parents=True, exist_ok=True)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%S%fZ")
    target = to / f"{stamp}_{path.name}"
    shutil.move(path, target)
    target.with_name(f"{target.name}.txt").write_text(note + "\n", encoding="utf-8")
    return target
