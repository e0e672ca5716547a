"""Files uploaded through the Data page: kept on the server for a while under a quota, and loaded by the
loader's command line in a process of its own.

A process of its own, at a lower priority and with its memory capped, so that reading a large or
hostile workbook (openpyxl is pure Python) never slows the dashboard's other visitors, and whatever
it does to its own memory cannot take the dashboard down. It reports to the page as JSON lines on
its standard output: progress, then the results or the failure, in the loader's own words.

Uploads are off unless switched on (PANTAU_UNGGAH=1), and only admins may upload.
"""

import dataclasses
import datetime as dt
import json
import os
import resource
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

from data.failures import BadFile, LoadIncomplete, LockTimeout, StorageFailure, TimeLimit
from data.limits import MB
from data.loader import FileResult, Progress

ROOT = Path(__file__).resolve().parent.parent
FOLDER = "unggahan"  # beside the warehouse file
FAILURES = {cls.__name__: cls for cls in (BadFile, LoadIncomplete, LockTimeout, StorageFailure, TimeLimit)}
NICENESS = 10


class UploadRefused(Exception):
    """The upload does not fit the folder's quota even after the oldest files are removed."""


def enabled() -> bool:
    return os.environ.get("PANTAU_UNGGAH", "0") == "1"


def keep_days() -> float:
    return float(os.environ.get("PANTAU_UPLOAD_DAYS") or 30)


def quota_bytes() -> int:
    return int(float(os.environ.get("PANTAU_UPLOAD_QUOTA_MB") or 1024) * MB)


def memory_cap_bytes() -> int:
    """The loading process's address space: DuckDB's own limit (PANTAU_LOAD_MEMORY) lives inside it."""
    return int(float(os.environ.get("PANTAU_UPLOAD_MEMORY_MB") or 4096) * MB)


def folder(warehouse_path: Path) -> Path:
    return warehouse_path.parent / FOLDER


def save(files: list[tuple[str, bytes]], where: Path) -> dict[Path, str]:
    """Each file as received, under `<UTC time>_<its name>`, after removing files older than the
    retention and, while the quota would be passed, the oldest; returns where each went and its name.
    Raises UploadRefused when the files alone are larger than the quota."""
    size = sum(len(content) for _, content in files)
    if size > quota_bytes():
        raise UploadRefused(f"unggahan {size / MB:.0f} MB lebih besar dari kuota folder unggahan")
    where.mkdir(parents=True, exist_ok=True)
    _prune(where, room_for=size)
    stamp = dt.datetime.now(dt.UTC).strftime("%Y%m%dT%H%M%SZ")
    saved = {}
    for number, (name, content) in enumerate(files, start=1):
        plain = Path(name).name or "berkas"  # a name only: no folder from the browser is trusted
        path = where / f"{stamp}_{plain}"
        if path.exists() or path in saved:  # the same name twice in one second
            path = where / f"{stamp}-{number}_{plain}"
        path.write_bytes(content)
        saved[path] = plain
    return saved


def discard(paths) -> None:
    """Files that loaded nothing are not kept: the person still has them, and they cost only disk."""
    for path in paths:
        Path(path).unlink(missing_ok=True)


def _prune(where: Path, room_for: int) -> None:
    files = sorted(
        (path for path in where.iterdir() if path.is_file()), key=lambda path: path.stat().st_mtime
    )
    too_old = time.time() - keep_days() * 86400
    total = sum(path.stat().st_size for path in files)
    for path in files:
        if path.stat().st_mtime >= too_old and total + room_for <= quota_bytes():
            break
        total -= path.stat().st_size
        path.unlink(missing_ok=True)


def load(
    paths: list[Path],
    warehouse_path: Path,
    kind: str | None,
    progress: Progress,
    *,
    role: str,
    who: str,
    where: str,
) -> list[FileResult]:
    """Load through `python -m data load` in a process of its own, for an admin only (PermissionError
    for anyone else); raises BadFile or LoadIncomplete as the loader would. `who` and `where` go into
    the audit log."""
    if role != "admin":
        raise PermissionError("hanya admin yang boleh memuat data")
    command = [sys.executable, "-m", "data", "--warehouse", str(warehouse_path), "load", "--json"]
    command += ["--oleh", who, "--asal", where]
    command += [*(["--jenis", kind] if kind else []), "--", *map(str, paths)]
    with subprocess.Popen(
        command, cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True, preexec_fn=_lower
    ) as child:
        told = list(_follow(child.stdout, progress))
    return _outcome(told[-1] if told else {}, child.returncode)


def _lower() -> None:
    """In the loading process, before it starts: a lower priority and a cap on its memory."""
    os.nice(NICENESS)
    cap = memory_cap_bytes()
    resource.setrlimit(resource.RLIMIT_AS, (cap, cap))


def _follow(lines, progress: Progress) -> Iterator[dict]:
    """The messages the loader writes, passing progress on as it comes; the last is the outcome."""
    for line in lines:
        message = json.loads(line)
        if "kemajuan" in message:
            progress(*message["kemajuan"])
        else:
            yield message


def _outcome(message: dict, status: int) -> list[FileResult]:
    if "hasil" in message:
        return [FileResult(**result) for result in message["hasil"]]
    failure = message.get("gagal")
    if failure is None:
        raise LoadIncomplete(f"proses muat berhenti tanpa hasil (status {status}): mungkin kehabisan memori")
    cls = FAILURES[failure["jenis"]]
    path = Path(failure["berkas"]) if failure.get("berkas") else None
    if cls is BadFile:
        raise BadFile(path, failure["alasan"])
    raise cls(failure["alasan"], path)


def tell_json(message: dict) -> None:
    print(json.dumps(message, default=str), flush=True)


def json_progress(done: int, total: int, what: str) -> None:
    tell_json({"kemajuan": [done, total, what]})


def json_results(results: list[FileResult]) -> None:
    tell_json({"hasil": [dataclasses.asdict(result) for result in results]})


def json_failure(error: BadFile | LoadIncomplete) -> None:
    path = str(error.path) if error.path else None
    tell_json({"gagal": {"jenis": type(error).__name__, "berkas": path, "alasan": error.reason}})
