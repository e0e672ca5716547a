"""Replicas behind nginx (deploy/serve): pages through the proxy, websockets included; sticky sessions
that hold when every client comes from one address; a load reaching every replica with nothing
restarted; every child stopped on SIGTERM.

`deploy/serve --replicas 2` runs over a copy of the small campaign, started as bench.replicas.served
starts it (the benchmarks' admin signed in, the offline guard on the replicas); a session speaks
Streamlit's websocket protocol as bench.sessions does. Which replica answered is read from the header
nginx adds to every response, the websocket's included. The tests share one command, in the order
written: the last one stops it.
"""

import asyncio
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import pytest

from bench.replicas import REPLICA_HEADER, ROUTE_COOKIE, answered, routes, served
from bench.sessions import check_drawn, concurrent_views, fresh_view, open_session
from data.loader import load_files
from tests.browser.helpers import assert_offline
from tests.helpers import REGISTRASI_HEADER, throwaway_warehouse, write

REPLICAS = 2
ASKED = 30  # requests without a cookie: all on one replica by chance once in 2^29
AS_OF = "tanggal=2022-11-02"
FAMILIES = "Keluarga terdata"  # the overview's metric
# The small campaign's families registered by 2 Nov 2022 (tests/test_queries.py), and with the three
# of NEW_FAMILIES.
FAMILIES_BEFORE, FAMILIES_AFTER = "26", "29"
NEW_FAMILIES = REGISTRASI_HEADER + "".join(
    f"R{number},6472010001000100,PPL-1,PINTU,,2022-10-25,,3\n" for number in (1, 2, 3)
)


def run(coroutine):
    """The coroutine run to its end on a loop of its own, in a thread: the browser tests' Playwright may
    hold this thread's event loop, where asyncio.run refuses to start."""
    with ThreadPoolExecutor(max_workers=1) as thread:
        return thread.submit(asyncio.run, coroutine).result()


@pytest.fixture(scope="module")
def warehouse(small_warehouse_template, tmp_path_factory) -> Path:
    return throwaway_warehouse(small_warehouse_template, tmp_path_factory.mktemp("replika"))


@pytest.fixture(scope="module")
def proxy(warehouse):
    with served(warehouse, REPLICAS) as server:
        yield server
    assert_offline(server)


@pytest.fixture(scope="module")
def pinned(proxy) -> dict[str, dict[str, str]]:
    """A route cookie for each replica: its address to the cookie nginx gave."""
    return routes(proxy, REPLICAS)


def replica_addresses(proxy) -> set[str]:
    """deploy/serve puts the replicas on the ports right above nginx's."""
    port = int(proxy.url.rpartition(":")[2])
    return {f"127.0.0.1:{port + number}" for number in range(1, REPLICAS + 1)}


def test_requests_without_a_cookie_spread_over_the_replicas_each_given_a_cookie(proxy):
    answers = [answered(proxy) for _ in range(ASKED)]
    assert {replica for replica, _ in answers} == replica_addresses(proxy)
    keys = [key for _, key in answers]
    assert all(key is not None and len(key) == 32 for key in keys)
    assert len(set(keys)) == ASKED  # a key of its own for each browser


def test_the_same_cookie_always_lands_on_the_same_replica_websocket_included(proxy, pinned):
    assert set(pinned) == replica_addresses(proxy)
    for replica, cookies in pinned.items():
        for path in ["/", "/_stcore/health", "/jadwal", "/_stcore/health"]:
            assert answered(proxy, path, cookies) == (replica, None)  # and no new cookie
        assert run(websocket_replica(proxy, cookies)) == replica
    # A cookie nginx did not make is not trusted: it is replaced, like a missing one.
    _, key = answered(proxy, cookies={ROUTE_COOKIE: "../../etc"})
    assert key is not None and len(key) == 32


async def websocket_replica(proxy, cookies: dict[str, str]) -> str:
    async with await open_session(proxy, cookies) as session:
        return session.response.headers[REPLICA_HEADER]


def test_pages_run_through_the_proxy_in_sessions_on_every_replica(proxy, pinned):
    for cookies in pinned.values():
        assert families(proxy, cookies) == FAMILIES_BEFORE
    # Several tabs at once, each pinned to its replica by its cookie.
    spread = [*pinned.values()] * 2
    views = run(concurrent_views(proxy, "/", AS_OF, len(spread), spread))
    check_drawn("/", views)  # each finished, with the page's own elements


def test_a_load_reaches_every_replica_with_nothing_restarted(proxy, pinned, warehouse, tmp_path):
    processes = proxy.process_tree()
    assert [families(proxy, cookies) for cookies in pinned.values()] == [FAMILIES_BEFORE] * REPLICAS
    load_files([write(tmp_path, "registrasi.csv", NEW_FAMILIES)], warehouse_path=warehouse)
    # A new page run on each replica takes the warehouse file as it is now.
    assert [families(proxy, cookies) for cookies in pinned.values()] == [FAMILIES_AFTER] * REPLICAS
    assert proxy.process_tree() == processes


def families(proxy, cookies: dict[str, str]) -> str:
    """The overview's families figure, as a fresh session on the cookie's replica sees it."""
    elements = []
    run(fresh_view(proxy, "/", AS_OF, cookies, elements))
    [value] = [
        element.metric.body
        for element in elements
        if element.WhichOneof("type") == "metric" and element.metric.label == FAMILIES
    ]
    return value


def test_sigterm_stops_the_replicas_and_nginx(proxy):
    """Last: it stops the module's command."""
    processes = proxy.process_tree()
    # The command, its replicas, nginx's master and its worker.
    assert len(processes) >= 1 + REPLICAS + 2
    proxy.stop()  # SIGTERM, as a supervisor sends (Ctrl-C's SIGINT takes the same trap)
    assert proxy.process.returncode == 143
    assert [pid for pid in processes if running(pid)] == []


def running(pid: int) -> bool:
    """True while `pid` runs (a zombie has ended, waiting only for its parent to note it)."""
    try:
        state = Path(f"/proc/{pid}/stat").read_text().rpartition(")")[2].split()[0]
    except (FileNotFoundError, ProcessLookupError):
        return False
    return state != "Z"
