"""What bench.browser and bench.viewers share: Streamlit servers, a headless chromium, a timed visit.

A visit is timed in the page itself, from its navigation start (`performance.timeOrigin`) to the
first check at which the page is finished and drawn:
- the script has run to its end (`stApp` says `notRunning`) and no element is a placeholder
  (`stSkeleton`; Streamlit also shows one while a lazily loaded component such as the plotly chart
  is fetched), as tests/browser/conftest.py waits;
- every plotly chart (`stPlotlyChart`) has drawn: plotly has laid it out (`_fullLayout`), is not
  replotting, has its main svg, and is visible (Streamlit hides a chart until it knows the width,
  then redraws it); plotly's list of pending promises is not used: under load a resolved one can
  stay in it, and the page would never count as drawn;
- every MapLibre map inside a chart reports `loaded()`.
Plotly's own `plotly_afterplot` event cannot be listened to from outside before the chart exists, so
this state is polled every 50 ms (a timer rather than every animation frame, which would make each of
twenty concurrent tabs draw frames nonstop).
"""

import asyncio
import json
import os
import re
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from collections.abc import AsyncIterator, Iterator
from contextlib import asynccontextmanager, contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import duckdb
from playwright.async_api import Browser, BrowserContext, Page, Route, async_playwright

from data.accounts import SESSION_COOKIE, AccessStore

ROOT = Path(__file__).resolve().parents[1]
WAREHOUSE = ROOT / "data" / "warehouse.duckdb"
# Mid-campaign in the demo (15 Oct to 31 Dec 2022): every page has its charts then.
MID_CAMPAIGN = "?tanggal=2022-11-15"
BENCH_ACCOUNT = "bench"  # the admin every measured page is opened as (app_server)
PAGES = ["/", "/jadwal", "/wilayah", "/petugas", "/desk", "/alur", "/data"]
CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]  # fmt: skip
# The screen the browser tests use: a meeting-room laptop on a projector.
CONTEXT_OPTIONS = {"viewport": {"width": 1600, "height": 1200}, "locale": "id-ID"}
# Everything that is not loopback. A regular expression is matched in Playwright's driver, so local
# requests are not each sent on a round trip to Python (which would slow the very loads being timed).
OUTSIDE = re.compile(r"^(?!(https?|wss?)://(localhost|127\.0\.0\.1)[:/]|data:|blob:)")
# Put on the server's PYTHONPATH: its sitecustomize records the server's attempts to reach beyond loopback.
OFFLINE_GUARD = ROOT / "bench" / "offline_guard"
HEALTHY_WITHIN_S = 60
# Twenty fresh viewers drawing maps on 2 cores can take minutes.
LOAD_WITHIN_S = 600
POLL_MS = 50
FINISHED = "[data-testid='stApp'][data-test-script-state='notRunning']"
# When the script has finished: the server's part (run, send) is over, the browser's drawing may not be.
SCRIPT_DONE = "(finished) => !!document.querySelector(finished) && performance.now()"
DRAWN = """(finished) => {
  if (!document.querySelector(finished) || document.querySelector("[data-testid='stSkeleton']")) {
    return false;
  }
  const charts = [...document.querySelectorAll("[data-testid='stPlotlyChart']")];
  for (const chart of charts) {
    const plot = chart.querySelector('.js-plotly-plot');
    const layout = plot && plot._fullLayout;
    if (!layout || layout._replotting) return false;
    if (!plot.querySelector('.main-svg') || getComputedStyle(plot).visibility === 'hidden') return false;
    for (const id of layout._subplots.map || []) {
      const map = layout[id]._subplot && layout[id]._subplot.map;
      if (!map || !map.loaded()) return false;
    }
  }
  return {
    ms: performance.now(),
    started: performance.timeOrigin,
    charts: charts.length,
    exceptions: [...document.querySelectorAll("[data-testid='stException']")].map((e) => e.innerText),
  };
}"""


@dataclass(frozen=True)
class Attempt:
    """One attempt of the server to reach beyond loopback, as bench/offline_guard recorded it."""

    event: str
    host: str
    detail: str  # "port 443", or the URL
    pid: int
    where: tuple[str, ...]  # innermost frame first

    def __str__(self) -> str:
        return f"{self.event} {self.host} {self.detail} (pid {self.pid}, from {' < '.join(self.where[:4])})"


def read_attempts(log: Path) -> list[Attempt]:
    """The attempts an offline guard's log holds (none if nothing was ever recorded)."""
    if not log.exists():
        return []
    return [_attempt(json.loads(line)) for line in log.read_text().splitlines()]


def _attempt(record: dict) -> Attempt:
    detail = record["url"] if "url" in record else f"port {record.get('port')}"
    return Attempt(record["event"], str(record["host"]), detail, record["pid"], tuple(record["where"]))


@dataclass
class Server:
    url: str
    process: subprocess.Popen
    guard_log: Path
    cookie: dict[str, str] | None = None  # a signed-in browser's session cookie (app_server)
    _attempts_when_stopped: list[Attempt] | None = field(default=None, repr=False)

    def outside(self) -> list[Attempt]:
        """The server's attempts so far to reach beyond loopback, all of them once it has stopped."""
        if self._attempts_when_stopped is not None:
            return self._attempts_when_stopped
        return read_attempts(self.guard_log)

    def stop(self) -> None:
        """Stops the server and keeps its attempts (the guard's log is in a folder about to go)."""
        _stop(self.process)
        self._attempts_when_stopped = read_attempts(self.guard_log)

    def peak_rss_mib(self) -> float:
        """Peak RSS (VmHWM, kept by the kernel) of the server plus its live descendants, if any."""
        return sum(_high_water_kib(pid) for pid in self.process_tree()) / 1024

    def process_tree(self) -> list[int]:
        """The server's process and its live descendants (replicas and nginx, for deploy/serve)."""
        return _process_tree(self.process.pid)


def _process_tree(pid: int) -> list[int]:
    tree = [pid]
    for child in _children(pid):
        tree.extend(_process_tree(child))
    return tree


def _children(pid: int) -> list[int]:
    try:
        tasks = list(Path(f"/proc/{pid}/task").iterdir())
    except FileNotFoundError:
        return []  # the process has just ended
    return [int(child) for task in tasks for child in _read(task / "children").split()]


def _high_water_kib(pid: int) -> int:
    for line in _read(Path(f"/proc/{pid}/status")).splitlines():
        if line.startswith("VmHWM:"):
            return int(line.split()[1])
    return 0  # the process has just ended


def _read(path: Path) -> str:
    try:
        return path.read_text()
    except (FileNotFoundError, ProcessLookupError):
        return ""


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _wait_healthy(url: str, process: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + HEALTHY_WITHIN_S
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"streamlit exited with {process.returncode}:\n{log.read_text()[-2000:]}")
        try:
            with urllib.request.urlopen(f"{url}/_stcore/health", timeout=2) as answer:
                if answer.status == 200:
                    return
        except OSError:
            time.sleep(0.3)
    raise TimeoutError(f"streamlit not healthy at {url} after {HEALTHY_WITHIN_S} s")


def guarded_env(guard_log: Path, env: dict[str, str] | None = None) -> dict[str, str]:
    """This process's environment plus `env`, for a Python process whose attempts to reach beyond
    loopback go to `guard_log`."""
    merged = {**os.environ, **(env or {})}
    paths = [str(OFFLINE_GUARD), *filter(None, [merged.get("PYTHONPATH")])]
    return {**merged, "PYTHONPATH": os.pathsep.join(paths), "OFFLINE_GUARD_LOG": str(guard_log)}


def bench_access(folder: Path) -> AccessStore:
    """An access file in `folder` holding the benchmarks' one account, an admin (every page)."""
    store = AccessStore(folder / "akses.sqlite")
    store.add(BENCH_ACCOUNT, "admin", password=secrets.token_urlsafe(16))
    return store


@contextmanager
def app_server(warehouse: Path) -> Iterator[Server]:
    """app.py over `warehouse` with an access file of its own, and the session cookie of its one admin
    account signed in (every page is measured as a signed-in browser opens it, not the sign-in form)."""
    with tempfile.TemporaryDirectory(prefix="pantau-akses-") as folder:
        store = bench_access(Path(folder))
        env = {"PANTAU_WAREHOUSE": str(warehouse.resolve()), "PANTAU_AKSES": str(store.path)}
        with streamlit_server(ROOT / "app.py", env) as server:
            server.cookie = {"name": SESSION_COOKIE, "value": store.open_session(BENCH_ACCOUNT)}
            yield server


@contextmanager
def streamlit_server(script: Path, env: dict[str, str] | None = None) -> Iterator[Server]:
    """`streamlit run script` on a free port, stopped on leaving (also on Ctrl-C), with the offline
    guard: `Server.outside()` lists its attempts to reach beyond loopback. It listens where
    .streamlit/config.toml says, loopback (tests/browser/test_server_offline.py checks it)."""
    port = _free_port()
    command = [
        sys.executable, "-m", "streamlit", "run", str(script), "--server.port", str(port),
        "--server.headless", "true", "--server.fileWatcherType", "none",
        "--browser.gatherUsageStats", "false",
    ]  # fmt: skip
    with tempfile.TemporaryDirectory(prefix="pantau-bench-") as folder:
        log, guard_log = Path(folder) / "streamlit.log", Path(folder) / "outside.jsonl"
        with open(log, "w") as output:
            process = subprocess.Popen(
                command, cwd=ROOT, env=guarded_env(guard_log, env), stdout=output, stderr=subprocess.STDOUT
            )
        server = Server(f"http://127.0.0.1:{port}", process, guard_log)
        try:
            _wait_healthy(server.url, process, log)
            yield server
        finally:
            server.stop()
            _warn_outside(script, server.outside())


def _warn_outside(script: Path, attempts: list[Attempt]) -> None:
    """Said on stderr, for the benchmarks; the browser tests fail on it."""
    for attempt in attempts:
        print(f"server of {script.name} reached beyond loopback: {attempt}", file=sys.stderr)


def _stop(process: subprocess.Popen) -> None:
    process.terminate()
    try:
        process.wait(timeout=20)
    except subprocess.TimeoutExpired:
        process.kill()
        process.wait(timeout=10)


@asynccontextmanager
async def chromium() -> AsyncIterator[Browser]:
    async with async_playwright() as playwright:
        browser = await playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            await browser.close()


@dataclass
class Visit:
    ms: float  # navigation start to finished and drawn
    script_ms: float  # navigation start to the script finished
    started: float  # navigation start, ms since the epoch
    charts: int


class Viewer:
    """A fresh browser context (empty cache, no cookies, no session) with one tab; every request
    outside loopback is aborted and remembered in `outside`."""

    def __init__(self, context: BrowserContext, page: Page) -> None:
        self.context, self.page = context, page
        self.outside: list[str] = []

    @classmethod
    async def open(cls, browser: Browser, server: Server | None = None) -> "Viewer":
        """A viewer, signed in to `server` when it is an app_server."""
        context = await browser.new_context(**CONTEXT_OPTIONS)
        if server is not None and server.cookie:
            await context.add_cookies([{**server.cookie, "url": server.url}])
        viewer = cls(context, await context.new_page())
        await context.route(OUTSIDE, viewer._abort)
        return viewer

    async def _abort(self, route: Route) -> None:
        self.outside.append(route.request.url)
        await route.abort()

    async def visit(self, url: str) -> Visit:
        await self.page.goto(url, wait_until="commit", timeout=LOAD_WITHIN_S * 1000)
        script_ms = await self._when(SCRIPT_DONE)
        state = await self._when(DRAWN)
        if state["exceptions"]:
            raise RuntimeError(f"{url} shows an exception: {state['exceptions'][0][:800]}")
        return Visit(state["ms"], script_ms, state["started"], state["charts"])

    async def _when(self, predicate: str):
        """The predicate's first truthy value (given the script-finished selector)."""
        handle = await self.page.wait_for_function(
            predicate, arg=FINISHED, polling=POLL_MS, timeout=LOAD_WITHIN_S * 1000
        )
        return await handle.json_value()

    async def close(self) -> None:
        await self.context.close()


async def fresh_visit(browser: Browser, url: str, outside: list[str], server: Server | None = None) -> Visit:
    """One visit in a context of its own (signed in to `server`, if given); its requests outside
    loopback are added to `outside`."""
    viewer = await Viewer.open(browser, server)
    try:
        return await viewer.visit(url)
    finally:
        outside.extend(viewer.outside)
        await viewer.close()


async def concurrent_visits(
    browser: Browser, url: str, count: int, outside: list[str], server: Server | None = None
) -> list[Visit]:
    """`count` viewers, each in its own context (signed in to `server`, if given), opened first and then
    sent to `url` at once."""
    viewers = await asyncio.gather(*(Viewer.open(browser, server) for _ in range(count)))
    try:
        return await asyncio.gather(*(viewer.visit(url) for viewer in viewers))
    finally:
        for viewer in viewers:
            outside.extend(viewer.outside)
        await asyncio.gather(*(viewer.close() for viewer in viewers))


def percentile(values: list[float], percent: int) -> float:
    return statistics.quantiles(values, n=100, method="inclusive")[percent - 1]


def warehouse_line(path: Path) -> str:
    with duckdb.connect(str(path), read_only=True) as con:
        (families,) = con.execute("SELECT count(*) FROM registrasi").fetchone()
    return f"warehouse: {path} ({path.stat().st_size / 2**20:,.0f} MB, {families:,} families)"
