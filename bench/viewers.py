"""Concurrent viewers: one page opened by one viewer alone, then by N viewers at the same moment.

    .venv/bin/python -m bench.viewers [--warehouse PATH] [--viewers 20] [--page /] [--rounds N]

One dashboard server (streamlit run app.py, headless, no file watcher) over the warehouse, one
headless chromium. For each page (--page may be given more than once): one unmeasured visit fills
the server's query caches; then N rounds of one viewer alone, then N rounds of V viewers, each a
fresh browser context, all opened first and then sent to the page at once. Every visit is timed in
the page from its navigation start until the script has finished and every plotly chart and MapLibre
map has drawn (see bench/browsing.py). Prints the single viewer's median, the p50 and p95 of the
concurrent viewers' times and p95 ÷ single, and the peak RSS of the app server.

The browser runs on the same machine as the server: with many viewers on 2 cores, the viewers'
rendering competes with the server for CPU, so the concurrent figures are an upper bound.
"""

import argparse
import asyncio
import statistics
from dataclasses import dataclass
from pathlib import Path

from playwright.async_api import Browser

from bench.browsing import (
    MID_CAMPAIGN,
    WAREHOUSE,
    Server,
    app_server,
    chromium,
    concurrent_visits,
    fresh_visit,
    percentile,
    warehouse_line,
)
from bench.load import machine

MAX_VIEWERS = 50


@dataclass
class Crowd:
    single: list[float]  # ms, one viewer alone
    together: list[float]  # ms, every viewer of every round
    together_script: list[float]  # ms until the script finished, every viewer of every round
    start_spread: float  # ms, the largest gap between the first and the last navigation of a round


async def measure_page(
    browser: Browser, app: Server, url: str, viewers: int, rounds: int, outside: list[str]
) -> Crowd:
    # The first visit fills the server's query caches, as any earlier viewer has.
    await fresh_visit(browser, url, outside, app)
    single = [(await fresh_visit(browser, url, outside, app)).ms for _ in range(rounds)]
    together, together_script, spreads = [], [], []
    for _ in range(rounds):
        visits = await concurrent_visits(browser, url, viewers, outside, app)
        together.extend(visit.ms for visit in visits)
        together_script.extend(visit.script_ms for visit in visits)
        starts = [visit.started for visit in visits]
        spreads.append(max(starts) - min(starts))
    return Crowd(single, together, together_script, max(spreads))


async def measure(
    app: Server, pages: list[str], query: str, viewers: int, rounds: int, outside: list[str]
) -> dict:
    async with chromium() as browser:
        return {
            page: await measure_page(browser, app, f"{app.url}{page}{query}", viewers, rounds, outside)
            for page in pages
        }


def report(crowds: dict[str, Crowd], viewers: int, rounds: int) -> None:
    print(f"{rounds} rounds of 1 viewer, then {rounds} rounds of {viewers} viewers; ms to finished and drawn")
    print("  p50 script: the concurrent viewers' median time until the script had finished (server's share)")
    print(
        f"{'page':<10} {'single':>7} {'p50':>7} {'p95':>7} {'p95/single':>10} {'p50 script':>10}"
        f" {'starts within':>13}"
    )
    for page, crowd in crowds.items():
        single = statistics.median(crowd.single)
        p50, p95 = percentile(crowd.together, 50), percentile(crowd.together, 95)
        print(
            f"{page:<10} {single:>7.0f} {p50:>7.0f} {p95:>7.0f} {p95 / single:>10.2f}"
            f" {percentile(crowd.together_script, 50):>10.0f} {crowd.start_spread:>10.0f} ms"
        )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--warehouse", type=Path, default=WAREHOUSE)
    parser.add_argument("--viewers", type=int, default=20)
    parser.add_argument("--page", action="append", help="a page path such as /jadwal (default /)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--query", default=MID_CAMPAIGN, help="the frame the page is opened with")
    args = parser.parse_args()
    if not 1 <= args.viewers <= MAX_VIEWERS:
        parser.error(f"--viewers must be between 1 and {MAX_VIEWERS}")
    pages = args.page or ["/"]
    outside: list[str] = []
    print(f"machine: {machine()}")
    print(warehouse_line(args.warehouse))
    with app_server(args.warehouse) as app:
        crowds = asyncio.run(measure(app, pages, args.query, args.viewers, args.rounds, outside))
        app_rss = app.peak_rss_mib()
    report(crowds, args.viewers, args.rounds)
    print(f"peak RSS of the app server: {app_rss:,.0f} MiB")
    print(f"requests outside loopback aborted: {len(outside)} {sorted(set(outside))[:5]}")


if __name__ == "__main__":
    main()
