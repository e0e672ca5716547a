"""Server CPU per warm page view: what one more viewer costs the dashboard's process.

    .venv/bin/python -m bench.cpu [--warehouse PATH] [--views 20] [--pages / /petugas ...]
        [--query tanggal=2022-11-15]

One dashboard server (as bench.sessions starts it) and the floor app (bench/floor_app.py: three
metrics and one plotly bar) on a server of its own, in the same run. For each page: two unmeasured
views fill the caches, then --views fresh sessions open it one after another, each as a new browser
tab does (a websocket, the page's rerun, until its script has finished). The CPU time the server's
process took over those views (user + system, from /proc, every thread: the script runner, the
websocket's event loop, serialisation) divided by the views is the page's cost; the same for the
floor. Sequential views on an otherwise idle machine: the time is the server's alone.
"""

import argparse
import asyncio
import os
import statistics
from pathlib import Path

from bench.browsing import (
    MID_CAMPAIGN,
    PAGES,
    ROOT,
    WAREHOUSE,
    Server,
    app_server,
    streamlit_server,
    warehouse_line,
)
from bench.load import machine
from bench.sessions import fresh_view, open_session

WARM_UP_VIEWS = 2
TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(server: Server) -> float:
    """User + system CPU of the server's process (all its threads) so far."""
    fields = Path(f"/proc/{server.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / TICKS  # utime, stime: fields 14 and 15 of stat(5)


async def page_cost(server: Server, page: str, query: str, views: int) -> tuple[float, float]:
    """(server CPU ms per view, median wall ms per view) over `views` sequential fresh views, while
    another viewer stays connected, as on a server in use (Streamlit drops its compiled scripts
    whenever its last session leaves)."""
    async with await open_session(server):
        for _ in range(WARM_UP_VIEWS):
            await fresh_view(server, page, query)
        before = cpu_seconds(server)
        walls = [(await fresh_view(server, page, query)).ms for _ in range(views)]
        return (cpu_seconds(server) - before) * 1000 / views, statistics.median(walls)


def measure(warehouse: Path, pages: list[str], query: str, views: int) -> dict[str, tuple[float, float]]:
    costs = {}
    with streamlit_server(ROOT / "bench" / "floor_app.py") as floor:
        costs["floor"] = asyncio.run(page_cost(floor, "/", "", views))
    with app_server(warehouse) as app:
        for page in pages:
            costs[page] = asyncio.run(page_cost(app, page, query.lstrip("?"), views))
    return costs


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--warehouse", type=Path, default=WAREHOUSE)
    parser.add_argument("--views", type=int, default=20)
    parser.add_argument("--pages", nargs="+", default=PAGES, help="page paths, / /jadwal ... (default all)")
    parser.add_argument("--query", default=MID_CAMPAIGN, help="the frame the pages are opened in")
    args = parser.parse_args()
    if not 1 <= args.views <= 1000:
        parser.error("--views must be between 1 and 1000")
    print(f"machine: {machine()}")
    print(warehouse_line(args.warehouse))
    print(
        f"{args.views} sequential fresh views per page after {WARM_UP_VIEWS} unmeasured; frame {args.query}"
    )
    costs = measure(args.warehouse, args.pages, args.query, args.views)
    floor_cpu = costs["floor"][0]
    print(f"{'page':<10} {'CPU ms/view':>12} {'÷ floor':>8} {'wall ms':>8}")
    for page, (cpu_ms, wall_ms) in costs.items():
        print(f"{page:<10} {cpu_ms:>12.1f} {cpu_ms / floor_cpu:>8.1f} {wall_ms:>8.0f}")
    print(f"load average after: {' '.join(f'{load:.2f}' for load in os.getloadavg())}")


if __name__ == "__main__":
    main()
