"""Page load in a real browser: every dashboard page against a floor Streamlit page.

    .venv/bin/python -m bench.browser [--warehouse PATH] [--repeat R] [--query '?tanggal=2022-11-15']

Starts the dashboard (streamlit run app.py, headless, no file watcher) over the warehouse and, beside
it, bench/floor_app.py (three metrics and one plotly bar chart: the least such a page can cost) on
another loopback port. Headless chromium first opens every page once (on a fresh server: the query
caches are empty; printed as "first", not in the median), then runs R rounds of: for each page, the
floor, then the page. Every visit is in a fresh browser context, so nothing is cached in the browser,
and is timed from navigation start until the script has finished and every plotly chart and MapLibre
map on the page has drawn (see bench/browsing.py for how "drawn" is detected). The default frame is
mid-campaign (2022-11-15), when every page has its charts (at the end /alur has no backlog to chart).
Prints per page the median, the median of the floor visits made just before it, and their ratio (also
the median time until the script finished, which splits the server's share from the drawing); then
the peak RSS of the app server over the whole run. Requests outside loopback are aborted and counted
(there should be none).
"""

import argparse
import asyncio
import statistics
from dataclasses import dataclass, field
from pathlib import Path

from bench.browsing import (
    MID_CAMPAIGN,
    PAGES,
    ROOT,
    WAREHOUSE,
    Server,
    Visit,
    app_server,
    chromium,
    fresh_visit,
    streamlit_server,
    warehouse_line,
)
from bench.load import machine

FLOOR_APP = ROOT / "bench" / "floor_app.py"


@dataclass
class PageVisits:
    first: Visit | None = None
    page: list[Visit] = field(default_factory=list)
    floor: list[Visit] = field(default_factory=list)  # each just before one of `page`


async def measure(app: Server, floor_url: str, query: str, repeat: int, outside: list[str]) -> dict:
    """Per page: its first visit, then `repeat` visits alternating with visits to the floor; the app's
    pages as a signed-in browser opens them."""
    visits = {page: PageVisits() for page in PAGES}
    async with chromium() as browser:
        for page, page_visits in visits.items():
            page_visits.first = await fresh_visit(browser, f"{app.url}{page}{query}", outside, app)
        await fresh_visit(browser, floor_url, outside)
        for _ in range(repeat):
            for page, page_visits in visits.items():
                page_visits.floor.append(await fresh_visit(browser, floor_url, outside))
                page_visits.page.append(await fresh_visit(browser, f"{app.url}{page}{query}", outside, app))
    return visits


def report(visits: dict[str, PageVisits], repeat: int) -> None:
    print(f"median of {repeat} visits each, a fresh browser context each; ms from navigation start")
    print("  script: until the script has finished; drawn: also every chart and map drawn")
    print(
        f"{'page':<10} {'charts':>6} {'first':>7} {'script':>7} {'drawn':>7}"
        f" {'floor script':>12} {'floor drawn':>11} {'drawn/floor':>11}"
    )
    for page, page_visits in visits.items():
        drawn, script = _median(page_visits.page, "ms"), _median(page_visits.page, "script_ms")
        floor, floor_script = _median(page_visits.floor, "ms"), _median(page_visits.floor, "script_ms")
        print(
            f"{page:<10} {page_visits.first.charts:>6} {page_visits.first.ms:>7.0f} {script:>7.0f}"
            f" {drawn:>7.0f} {floor_script:>12.0f} {floor:>11.0f} {drawn / floor:>11.2f}"
        )


def _median(visits: list[Visit], field_name: str) -> float:
    return statistics.median(getattr(visit, field_name) for visit in visits)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--warehouse", type=Path, default=WAREHOUSE)
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--query", default=MID_CAMPAIGN, help="the frame every page is opened with")
    args = parser.parse_args()
    outside: list[str] = []
    print(f"machine: {machine()}")
    print(warehouse_line(args.warehouse))
    with (
        app_server(args.warehouse) as app,
        streamlit_server(FLOOR_APP) as floor,
    ):
        times = asyncio.run(measure(app, floor.url, args.query, args.repeat, outside))
        app_rss, floor_rss = app.peak_rss_mib(), floor.peak_rss_mib()
    report(times, args.repeat)
    print(f"peak RSS of the app server: {app_rss:,.0f} MiB (floor app server: {floor_rss:,.0f} MiB)")
    print(f"requests outside loopback aborted: {len(outside)} {sorted(set(outside))[:5]}")


if __name__ == "__main__":
    main()
