"""Server-side time of each page: the script run as streamlit.testing's AppTest runs it, cold and warm.

    .venv/bin/python -m bench.pages [--warehouse PATH] [--repeat R] [--as-of 2022-11-15]

Each page gets a new Python process, which opens the app as a link would (app.py runs once with the
frame in the query parameters, then switches to the page; see tests/conftest.py) and times:
- cold: the page's first run in that process (no answer cached yet);
- to first page: from the process's start (interpreter, imports, app.py's run) to the page shown;
- warm: the page run again R times in the same process, answers cached (median).
Scripts are compiled once per process, as the server does (AppTest alone compiles on every run).
The floor is AppTest running a minimal script (a title and 3 metrics) the same way, so that AppTest's
own overhead is known. A last process runs every page in turn, as one server would: its peak memory
is the app's. Any exception on a page fails the benchmark.
"""

import argparse
import datetime as dt
import json
import os
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import duckdb
from streamlit.runtime.scriptrunner.script_cache import ScriptCache
from streamlit.testing.v1 import AppTest, app_test, local_script_runner

from bench.browsing import BENCH_ACCOUNT, bench_access
from bench.load import machine
from data import warehouse
from pages.ui import signin
from queries.access import Viewer

REPO = Path(__file__).resolve().parent.parent
APP = str(REPO / "app.py")
PAGES = ("ringkasan", "jadwal", "wilayah", "petugas", "desk", "alur", "data")  # those app.py routes
FLOOR = "floor"
FLOOR_SCRIPT = """
import streamlit as st
st.title("Floor")
for column, value in zip(st.columns(3), (1, 2, 3)):
    column.metric(f"Metric {value}", value)
"""
BENCH_VIEWER = Viewer(BENCH_ACCOUNT, "admin")  # every page, the officers' included
TIMEOUT_S = 300  # a cold page at national scale may take long; AppTest's default is 3 s


class PageFailed(Exception):
    """A page showed an exception (or its process died): its figures mean nothing."""


def _run(at, what: str) -> float:
    """Milliseconds of one script run; fails loudly on any exception shown."""
    started = time.perf_counter()
    at.run()
    elapsed = (time.perf_counter() - started) * 1000
    if at.exception:
        raise SystemExit(f"{what}: exception\n" + "\n".join(str(e.value) for e in at.exception))
    return elapsed


def _compile_once_as_the_server_does() -> None:
    """AppTest compiles the scripts anew on every run (a new ScriptCache each time); the server
    compiles each once (its Runtime keeps one ScriptCache). One cache for every run here, so that warm
    runs measure the page, not the compiler."""
    shared = ScriptCache()
    local_script_runner.ScriptCache = lambda: shared
    app_test.ScriptCache = lambda: shared


def _opened(page: str, as_of: str):
    """AppTest with the app run once on the frame's query parameters and switched to the page."""
    if page == FLOOR:
        return AppTest.from_string(FLOOR_SCRIPT, default_timeout=TIMEOUT_S)
    at = AppTest.from_file(APP, default_timeout=TIMEOUT_S)
    at.query_params.update(tanggal=as_of)
    at.session_state[signin.VIEWER] = BENCH_VIEWER  # as the sign-in form leaves a session
    _run(at, "app.py")
    at.switch_page(f"pages/{page}.py")
    return at


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux reports KiB


def measure_page(page: str, as_of: str, repeat: int, process_started: float) -> dict:
    """Run in a new process: the page's cold run, the time from process start, and its warm runs."""
    at = _opened(page, as_of)
    cold = _run(at, page)
    to_first = (time.time() - process_started) * 1000
    warm = [_run(at, page) for _ in range(repeat)]
    return {"cold": cold, "to_first": to_first, "warm": statistics.median(warm), "rss": peak_rss_mb()}


def measure_server(as_of: str) -> dict:
    """Run in a new process: every page once, then again, as one server process would."""
    for _ in range(2):
        for page in PAGES:
            _run(_opened(page, as_of), page)
    return {"rss": peak_rss_mb()}


def in_new_process(role: str, target: Path, as_of: str, repeat: int) -> dict:
    """The result a new `python -m bench.pages --child ROLE` process prints as its last line."""
    command = [sys.executable, "-m", "bench.pages", "--child", role, "--as-of", as_of]
    command += ["--repeat", str(repeat), "--started", repr(time.time())]
    done = subprocess.run(
        command,
        cwd=REPO,
        env={**os.environ, "PANTAU_WAREHOUSE": str(target)},
        capture_output=True,
        text=True,
    )
    if done.returncode != 0:
        raise PageFailed(f"{role}: {done.stderr.strip()[-1500:]}")
    return json.loads(done.stdout.splitlines()[-1])


def report(target: Path, as_of: str, repeat: int) -> None:
    with tempfile.TemporaryDirectory(prefix="pantau-akses-") as folder:
        # The measured processes read an access file holding BENCH_VIEWER's account, as every page
        # run checks the session's viewer against it.
        os.environ["PANTAU_AKSES"] = str(bench_access(Path(folder)).path)
        _report(target, as_of, repeat)


def _report(target: Path, as_of: str, repeat: int) -> None:
    families = _families(target)
    print(f"machine: {machine()}; load average {os.getloadavg()[0]:.1f}")
    size_gb = target.stat().st_size / 2**30
    print(f"warehouse: {target} ({size_gb:.2f} GB, {families:,} families), as of {as_of}")
    print(f"warm = median of {repeat} runs; to first page = new process start to the page shown")
    print(f"{'page':<10} {'cold ms':>9} {'warm ms':>9} {'to first page ms':>17} {'peak RSS MB':>12}")
    failures = []
    for page in (FLOOR, *PAGES):
        try:
            result = in_new_process(page, target, as_of, repeat)
        except PageFailed as failure:  # the other pages are still measured; the run fails at the end
            failures.append(str(failure))
            print(f"{page:<10} FAILED", flush=True)
            continue
        print(
            f"{page:<10} {result['cold']:>9.0f} {result['warm']:>9.0f} {result['to_first']:>17.0f} "
            f"{result['rss']:>12.0f}",
            flush=True,
        )
    if failures:
        raise SystemExit("\n\n".join(["FAILED pages:", *failures]))
    server = in_new_process("server", target, as_of, repeat)
    print(f"one process running every page twice: peak RSS {server['rss']:.0f} MB")


def _families(target: Path) -> int:
    with duckdb.connect(str(target), read_only=True) as con:
        return con.execute("SELECT count(*) FROM registrasi").fetchone()[0]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--warehouse", type=Path, default=warehouse.default_path())
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--as-of", type=dt.date.fromisoformat, default=dt.date(2022, 11, 15))
    parser.add_argument("--child", help=argparse.SUPPRESS)  # a page (or 'server') measured in this process
    parser.add_argument("--started", type=float, help=argparse.SUPPRESS)
    args = parser.parse_args()
    as_of = args.as_of.isoformat()
    _compile_once_as_the_server_does()
    if args.child == "server":
        print(json.dumps(measure_server(as_of)))
    elif args.child:
        print(json.dumps(measure_page(args.child, as_of, args.repeat, args.started)))
    else:
        report(args.warehouse, as_of, args.repeat)


if __name__ == "__main__":
    main()
