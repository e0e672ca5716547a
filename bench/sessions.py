"""Concurrent sessions without a browser: each page run by one session alone, then by N at the same moment.

    .venv/bin/python -m bench.sessions [--warehouse PATH] [--sessions 20] [--pages / /petugas ...]
        [--rounds 3] [--query tanggal=2022-11-15]

The server-side counterpart of bench.viewers: on 2 cores, twenty headless chromiums drawing plotly
charts take the CPU from the server they measure. Here a session is what a browser tab holds, a
websocket to the dashboard server's `/_stcore/stream`, speaking Streamlit's protocol, with nothing
drawn: the tab's BackMsg `rerun_script` (ClientState: the page's URL path as `page_name`, the query
string, the browser's locale) is sent, and ForwardMsgs are read until `script_finished`. A view is
timed from that send until the script has finished successfully; its deltas (the elements drawn)
and their bytes are counted. A finish with an error, an exception element, a page not found or a
page without its own content fails the run. The client is the `websockets` package, which Streamlit
itself requires (tornado no longer: Streamlit 1.67 serves with starlette and uvicorn).

One dashboard server (streamlit run app.py, headless, no file watcher) over the warehouse. For each
page: one unmeasured view fills the server's query caches; then N rounds of one fresh session alone,
then N rounds of S fresh sessions, all connected first and then sent the page at once. Prints per
page the deltas of a view, the single session's median, the p50 and p95 of the concurrent sessions'
times and p95 ÷ single; then the peak RSS of the app server, the CPU this client took (its share
of the cores is small, unlike the browsers') and the load average around the run.
"""

import argparse
import asyncio
import os
import statistics
import time
from dataclasses import dataclass
from pathlib import Path

from streamlit.proto.BackMsg_pb2 import BackMsg
from streamlit.proto.ForwardMsg_pb2 import ForwardMsg
from streamlit.proto.RootContainer_pb2 import MAIN
from websockets.asyncio.client import ClientConnection, connect

from bench.browsing import MID_CAMPAIGN, PAGES, WAREHOUSE, Server, app_server, percentile, warehouse_line
from bench.load import machine

MAX_SESSIONS = 100
VIEW_WITHIN_S = 120
RUN_WITHIN_S = 3600
# The locale of bench.browsing's chromium contexts, which pages could read from st.context.
LOCALE = "id-ID"
# The sidebar's frame (language, date, regency) is about ten elements; a page's own content is in
# the main area, and every page draws more than this there.
MIN_MAIN_DELTAS = 10


class ViewFailed(RuntimeError):
    pass


@dataclass
class View:
    ms: float  # rerun_script sent to script_finished
    deltas: int
    main_deltas: int  # those in the main area, not the sidebar
    delta_bytes: int


@dataclass
class Crowd:
    single: list[View]
    together: list[View]  # every session of every round


def rerun_message(app: Server, page: str, query: str) -> bytes:
    """What a browser tab sends once connected: run the page of its URL, with its query string."""
    message = BackMsg()
    state = message.rerun_script
    state.query_string = query
    # st.navigation finds the page by its URL path; "" is the default page.
    state.page_name = page.strip("/")
    state.context_info.locale = LOCALE
    state.context_info.url = f"{app.url}{page}?{query}"
    return message.SerializeToString()


async def open_session(app: Server, cookies: dict[str, str] | None = None) -> ClientConnection:
    """A tab's websocket, sending `cookies` (name: value) beside the signed-in browser's."""
    # No Origin header, as a non-browser client: the server then skips its XSRF check. The first
    # subprotocol is the one the browser asks for; max_size=None, as one chart can exceed 1 MiB.
    return await connect(
        f"{app.url.replace('http', 'ws', 1)}/_stcore/stream",
        subprotocols=["streamlit"],
        additional_headers=cookie_header(app, cookies),
        max_size=None,
        open_timeout=VIEW_WITHIN_S,
    )


def cookie_header(app: Server, cookies: dict[str, str] | None = None) -> dict[str, str]:
    """The Cookie header a browser sends: the session cookie of a signed-in browser (app_server)
    and `cookies` (such as the replica a proxy pinned the tab to, bench.replicas)."""
    sent = {app.cookie["name"]: app.cookie["value"]} if app.cookie else {}
    sent.update(cookies or {})
    return {"Cookie": "; ".join(f"{name}={value}" for name, value in sent.items())} if sent else {}


async def view(session: ClientConnection, rerun: bytes, page: str, elements: list | None = None) -> View:
    """The page's first run in this session, timed from the send to its successful finish; the
    elements it drew are added to `elements`, if given."""
    started = time.perf_counter()
    await session.send(rerun)
    deltas = main_deltas = delta_bytes = 0
    async with asyncio.timeout(VIEW_WITHIN_S):
        async for frame in session:
            message = ForwardMsg.FromString(frame)
            kind = message.WhichOneof("type")
            if kind == "delta":
                check_element(message, page)
                if elements is not None:
                    elements.append(message.delta.new_element)
                deltas += 1
                main_deltas += message.metadata.delta_path[0] == MAIN
                delta_bytes += len(frame)
            elif kind == "page_not_found":
                raise ViewFailed(f"{page}: the server knows no such page")
            elif kind == "script_finished" and script_done(message, page):
                elapsed_ms = (time.perf_counter() - started) * 1000
                return View(elapsed_ms, deltas, main_deltas, delta_bytes)
    raise ViewFailed(f"{page}: the server closed the session before the script finished")


def check_element(message: ForwardMsg, page: str) -> None:
    element = message.delta.new_element
    if element.WhichOneof("type") == "exception":
        raise ViewFailed(f"{page} shows an exception: {element.exception.type}: {element.exception.message}")


def script_done(message: ForwardMsg, page: str) -> bool:
    """True when the run finished successfully; False when another run follows (st.rerun)."""
    status = message.script_finished
    if status == ForwardMsg.FINISHED_SUCCESSFULLY:
        return True
    if status == ForwardMsg.FINISHED_WITH_COMPILE_ERROR:
        raise ViewFailed(f"{page}: the script did not compile")
    return False  # ended early for a rerun, or a fragment's run: the page's run is still to come


async def fresh_view(
    app: Server, page: str, query: str, cookies: dict[str, str] | None = None, elements: list | None = None
) -> View:
    async with await open_session(app, cookies) as session:
        return await view(session, rerun_message(app, page, query), page, elements)


async def concurrent_views(
    app: Server, page: str, query: str, count: int, cookies: list[dict[str, str]] | None = None
) -> list[View]:
    """`count` sessions, all connected first and then sent the page at once; session i sends
    cookies[i], if given."""
    rerun = rerun_message(app, page, query)
    each = cookies or [{}] * count
    sessions = await asyncio.gather(*(open_session(app, each[number]) for number in range(count)))
    try:
        return await asyncio.gather(*(view(session, rerun, page) for session in sessions))
    finally:
        await asyncio.gather(*(session.close() for session in sessions))


async def measure_page(app: Server, page: str, query: str, sessions: int, rounds: int) -> Crowd:
    await fresh_view(app, page, query)  # fills the server's query caches, as any earlier viewer has
    single = [await fresh_view(app, page, query) for _ in range(rounds)]
    together = []
    for _ in range(rounds):
        together.extend(await concurrent_views(app, page, query, sessions))
    check_drawn(page, single + together)
    return Crowd(single, together)


def check_drawn(page: str, views: list[View]) -> None:
    fewest = min(view.main_deltas for view in views)
    if fewest <= MIN_MAIN_DELTAS:
        raise ViewFailed(f"{page}: a view drew only {fewest} elements in the main area")


async def measure(app: Server, pages: list[str], query: str, sessions: int, rounds: int) -> dict:
    async with asyncio.timeout(RUN_WITHIN_S):
        return {page: await measure_page(app, page, query, sessions, rounds) for page in pages}


def report(crowds: dict[str, Crowd], sessions: int, rounds: int) -> None:
    print(f"{rounds} rounds of 1 session, then {rounds} rounds of {sessions}; ms from rerun sent to finished")
    print("  deltas: elements sent in one view (fewest-most over all views), KiB: their size in one view")
    print(
        f"{'page':<10} {'deltas':>7} {'KiB':>6} {'single':>7} {'p50':>7} {'p95':>7} {'max':>7}"
        f" {'p95/single':>10}"
    )
    for page, crowd in crowds.items():
        views = crowd.single + crowd.together
        counts = sorted({view.deltas for view in views})
        single = statistics.median(view.ms for view in crowd.single)
        times = [view.ms for view in crowd.together]
        p50, p95 = percentile(times, 50), percentile(times, 95)
        print(
            f"{page:<10} {f'{counts[0]}-{counts[-1]}':>7} {views[0].delta_bytes / 1024:>6.0f} {single:>7.0f}"
            f" {p50:>7.0f} {p95:>7.0f} {max(times):>7.0f} {p95 / single:>10.2f}"
        )


def load_average() -> str:
    return " ".join(f"{load:.2f}" for load in os.getloadavg())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--warehouse", type=Path, default=WAREHOUSE)
    parser.add_argument("--sessions", type=int, default=20)
    parser.add_argument("--pages", nargs="+", default=PAGES, help="page paths, / /jadwal ... (default all)")
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--query", default=MID_CAMPAIGN, help="the frame the pages are opened in")
    args = parser.parse_args()
    if not 1 <= args.sessions <= MAX_SESSIONS:
        parser.error(f"--sessions must be between 1 and {MAX_SESSIONS}")
    print(f"machine: {machine()}")
    print(warehouse_line(args.warehouse))
    print(f"load average before (1, 5, 15 min): {load_average()}")
    with app_server(args.warehouse) as app:
        started, client_started = time.perf_counter(), time.process_time()
        crowds = asyncio.run(measure(app, args.pages, args.query.lstrip("?"), args.sessions, args.rounds))
        client_s, wall_s = time.process_time() - client_started, time.perf_counter() - started
        app_rss = app.peak_rss_mib()
    report(crowds, args.sessions, args.rounds)
    print(f"peak RSS of the app server: {app_rss:,.0f} MiB")
    # The client shares the cores with the server, as bench.viewers' browsers do, but takes little.
    print(f"CPU of this client (websockets, protobuf): {client_s:.1f} s in {wall_s:.0f} s")
    print(f"load average after (1, 5, 15 min): {load_average()}")


if __name__ == "__main__":
    main()
