"""Replicas behind nginx: bench.sessions' concurrent sessions through deploy/serve, for each replica count.

    .venv/bin/python -m bench.replicas [--warehouse PATH] [--sessions 20] [--replicas 1,2]
        [--pages / /jadwal ...] [--rounds 2] [--query tanggal=2022-11-15]

In one run, for each replica count N: `deploy/serve --replicas N` over the warehouse, with an access
file of its own and the benchmarks' admin signed in (as bench.browsing.app_server does), on a free
block of ports; the replicas' Python runs under the offline guard. The sessions speak Streamlit's
websocket protocol through nginx exactly as bench.sessions does (its functions, not a copy). A
session carries a sticky cookie, as a browser that loaded the page does: nginx pins each cookie to
one replica, and the sessions are spread evenly, session i on replica i mod N (random keys, as
browsers get, spread evenly only on average). For each page: one unmeasured view on every replica
fills its query caches; then `rounds` rounds of S sessions, all connected first and then sent the
page at once. Reported side by side per count: views per second (a round's views over the time until
its last view finished, summed over the rounds) and the p50 and p95 of the views' times.
"""

import argparse
import asyncio
import socket
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from bench.browsing import (
    BENCH_ACCOUNT,
    MID_CAMPAIGN,
    PAGES,
    ROOT,
    WAREHOUSE,
    Server,
    bench_access,
    guarded_env,
    percentile,
    warehouse_line,
)
from bench.load import machine
from bench.sessions import (
    MAX_SESSIONS,
    RUN_WITHIN_S,
    View,
    check_drawn,
    concurrent_views,
    cookie_header,
    fresh_view,
    load_average,
)
from data.accounts import SESSION_COOKIE

SERVE = ROOT / "deploy" / "serve"
# Ports of their own, away from Streamlit's 8501 and deploy/serve's default 8080: the proxy's and,
# right above it, the replicas'.
PORTS = range(8700, 8800)
ROUTE_COOKIE = "pantau_replika"  # deploy/nginx.conf.template: the key nginx routes on
REPLICA_HEADER = "X-Pantau-Replika"  # deploy/nginx.conf.template: the replica that answered
READY_WITHIN_S = 180  # deploy/serve's own wait (120 s) for the replicas, then nginx
ROUTE_TRIES = 200  # requests without a cookie until every replica has answered one


@dataclass
class Round:
    views: list[View]
    ms: float  # the page sent to every session until the last view finished


@contextmanager
def served(warehouse: Path, replicas: int) -> Iterator[Server]:
    """deploy/serve with `replicas` over `warehouse`, the benchmarks' admin signed in; the Server's
    url is nginx's, its process the command's, stopped on leaving with SIGTERM (as Ctrl-C or a
    supervisor stops it). Its `outside()` lists the replicas' attempts to reach beyond loopback."""
    with tempfile.TemporaryDirectory(prefix="pantau-replika-") as name:
        folder = Path(name)
        store = bench_access(folder)
        port = free_ports(replicas + 1)
        env = {"PANTAU_WAREHOUSE": str(warehouse.resolve()), "PANTAU_AKSES": str(store.path)}
        run = folder / "run"
        command = ["bash", str(SERVE), "--replicas", str(replicas), "--port", str(port), "--run", str(run)]
        output, guard_log = folder / "serve.log", folder / "outside.jsonl"
        with open(output, "w") as log:
            process = subprocess.Popen(
                command, cwd=ROOT, env=guarded_env(guard_log, env), stdout=log, stderr=subprocess.STDOUT
            )
        server = Server(f"http://127.0.0.1:{port}", process, guard_log)
        server.cookie = {"name": SESSION_COOKIE, "value": store.open_session(BENCH_ACCOUNT)}
        try:
            wait_ready(process, output)
            yield server
        finally:
            server.stop()


def free_ports(count: int) -> int:
    """The first of `count` consecutive ports in PORTS that nothing listens on now."""
    for first in range(PORTS.start, PORTS.stop - count + 1):
        if all(_port_free(port) for port in range(first, first + count)):
            return first
    raise RuntimeError(f"no {count} free ports in a row in {PORTS.start}-{PORTS.stop - 1}")


def _port_free(port: int) -> bool:
    with socket.socket() as probe:
        try:
            probe.bind(("127.0.0.1", port))
        except OSError:
            return False
        return True


def wait_ready(process: subprocess.Popen, output: Path) -> None:
    """Until deploy/serve says every replica and nginx answer."""
    deadline = time.monotonic() + READY_WITHIN_S
    while time.monotonic() < deadline:
        said = output.read_text()
        if "ready: " in said:
            return
        if process.poll() is not None:
            raise RuntimeError(f"deploy/serve exited with {process.returncode}:\n{said[-3000:]}")
        time.sleep(0.3)
    raise TimeoutError(f"deploy/serve not ready after {READY_WITHIN_S} s:\n{output.read_text()[-3000:]}")


def answered(app: Server, path: str = "/_stcore/health", cookies: dict[str, str] | None = None):
    """(the replica that answered `path` through nginx, the route cookie nginx gave, if any)."""
    request = urllib.request.Request(f"{app.url}{path}", headers=cookie_header(app, cookies))
    with urllib.request.urlopen(request, timeout=30) as response:
        given = [
            cookie.split(";")[0].partition("=")[2]
            for cookie in response.headers.get_all("Set-Cookie") or []
            if cookie.startswith(f"{ROUTE_COOKIE}=")
        ]
        return response.headers[REPLICA_HEADER], (given[0] if given else None)


def routes(app: Server, replicas: int) -> dict[str, dict[str, str]]:
    """A route cookie for each replica (its address: the cookie), found as a browser gets one: by
    asking without a cookie until each replica has answered."""
    found = {}
    for _ in range(ROUTE_TRIES):
        replica, key = answered(app)
        found.setdefault(replica, {ROUTE_COOKIE: key})
        if len(found) == replicas:
            return found
    raise RuntimeError(f"only {sorted(found)} of {replicas} replicas answered in {ROUTE_TRIES} requests")


async def measure_page(
    app: Server, pinned: list[dict[str, str]], page: str, query: str, sessions: int, rounds: int
) -> list[Round]:
    for cookies in pinned:  # fills each replica's caches, as any earlier viewer has
        await fresh_view(app, page, query, cookies)
    spread = [pinned[number % len(pinned)] for number in range(sessions)]
    done = []
    for _ in range(rounds):
        views = await concurrent_views(app, page, query, sessions, spread)
        # Every session was sent the page at the same moment: the round lasts as long as its slowest.
        done.append(Round(views, max(view.ms for view in views)))
    check_drawn(page, [view for round_ in done for view in round_.views])
    return done


async def measure(app: Server, replicas: int, pages: list[str], query: str, sessions: int, rounds: int):
    pinned = list(routes(app, replicas).values())
    async with asyncio.timeout(RUN_WITHIN_S):
        return {page: await measure_page(app, pinned, page, query, sessions, rounds) for page in pages}


def figures(rounds: list[Round]) -> tuple[float, float, float]:
    """(views per second, p50 ms, p95 ms) of these rounds."""
    times = [view.ms for round_ in rounds for view in round_.views]
    per_second = len(times) / (sum(round_.ms for round_ in rounds) / 1000)
    return per_second, percentile(times, 50), percentile(times, 95)


def report(results: dict[int, dict[str, list[Round]]], sessions: int, rounds: int) -> None:
    counts = list(results)
    print(f"{rounds} rounds of {sessions} sessions at once per page, through nginx")
    print("views/s: a round's views over the time to its last finish; p50, p95: ms from rerun to finish")
    print(f"{'':<10}" + "".join(f"{replicas_name(count):>26}" for count in counts))
    print(f"{'page':<10}" + f"{'views/s':>10}{'p50':>8}{'p95':>8}" * len(counts))
    for page in [*results[counts[0]], "all"]:
        print(f"{page:<10}" + "".join(cell(rounds_of(results[count], page)) for count in counts))


def cell(rounds: list[Round]) -> str:
    per_second, p50, p95 = figures(rounds)
    return f"{per_second:>10.1f}{p50:>8.0f}{p95:>8.0f}"


def replicas_name(count: int) -> str:
    return f"{count} replica" + "s" * (count > 1)


def rounds_of(by_page: dict[str, list[Round]], page: str) -> list[Round]:
    """The page's rounds, or every page's for "all"."""
    return [done for name, page_rounds in by_page.items() if page in (name, "all") for done in page_rounds]


def parse_counts(text: str) -> list[int]:
    counts = [int(part) for part in text.split(",")]
    if not counts or any(not 1 <= count <= 16 for count in counts):
        raise ValueError(text)
    return counts


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--warehouse", type=Path, default=WAREHOUSE)
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--replicas", type=parse_counts, default=[1, 2], help="counts to compare, 1,2 ...")
    parser.add_argument("--pages", nargs="+", default=PAGES, help="page paths, / /jadwal ... (default all)")
    parser.add_argument("--rounds", type=int, default=2)
    parser.add_argument("--query", default=MID_CAMPAIGN, help="the frame the pages are opened in")
    args = parser.parse_args()
    if not 1 <= args.sessions <= MAX_SESSIONS:
        parser.error(f"--sessions must be between 1 and {MAX_SESSIONS}")
    print(f"machine: {machine()}")
    print(warehouse_line(args.warehouse))
    results = {}
    for count in args.replicas:
        print(f"{replicas_name(count)}: load average before (1, 5, 15 min): {load_average()}", flush=True)
        with served(args.warehouse, count) as app:
            started = time.perf_counter()
            query = args.query.lstrip("?")
            results[count] = asyncio.run(measure(app, count, args.pages, query, args.sessions, args.rounds))
            rss = app.peak_rss_mib()
        print(f"  {time.perf_counter() - started:.0f} s; peak RSS of replicas and nginx: {rss:,.0f} MiB")
        for attempt in app.outside():
            print(f"  a replica reached beyond loopback: {attempt}")
    print(f"load average after (1, 5, 15 min): {load_average()}")
    report(results, args.sessions, args.rounds)


if __name__ == "__main__":
    main()
