"""The real server and a real browser: Debian's chromium driven by Playwright.

The server runs app.py on a free port over the small hand-built campaign, so that the figures a
page shows can be checked against known answers. Every request of the browser outside localhost is
aborted and recorded; a test fails if the app made one, or if the browser console logged an error.
The server process is watched too (bench/offline_guard): a server that tried to reach beyond loopback
fails its fixture when it stops, naming the event, the host and where in the code.
"""

import re
from urllib.parse import urlparse

import pytest

from bench.browsing import CHROMIUM, CHROMIUM_ARGS
from tests.browser.helpers import running_app

LOCAL_PREFIXES = (
    "http://localhost",
    "http://127.0.0.1",
    "ws://localhost",
    "ws://127.0.0.1",
    "data:",
    "blob:",
)


@pytest.fixture(scope="session")
def app_url(small_warehouse_template):
    with running_app(small_warehouse_template) as url:
        yield url


@pytest.fixture
def fresh_app_url(small_warehouse):
    """A server no page has been opened on yet, over its own copy of the small campaign, with uploads
    switched on (a test may load files into it)."""
    with running_app(small_warehouse, uploads=True) as url:
        yield url


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": CHROMIUM_ARGS,
    }


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # A projector-like screen: 16:9 at the width a meeting room laptop gives.
    return {**browser_context_args, "viewport": {"width": 1600, "height": 1200}, "locale": "id-ID"}


# Opened at /<page>, Streamlit's front end first looks for the server under that path; those
# probes answer 404 and log a console error that says nothing about the app.
BASE_PATH_PROBE = re.compile(r"/[^/]+/_stcore/(health|host-config)$")


@pytest.fixture
def watched_page(page):
    """A page that blocks the internet, and checks after the test that it was never asked for."""
    outside, errors, failed = [], [], []

    def guard(route):
        if route.request.url.startswith(LOCAL_PREFIXES):
            route.continue_()
        else:
            outside.append(route.request.url)
            route.abort()

    page.route("**/*", guard)
    page.on("console", lambda message: errors.append(message.text) if message.type == "error" else None)
    page.on("pageerror", lambda error: errors.append(str(error)))
    page.on("response", lambda response: failed.append(response.url) if response.status >= 400 else None)
    yield page
    assert outside == [], f"requests outside localhost: {outside}"
    probes = [url for url in failed if BASE_PATH_PROBE.search(urlparse(url).path)]
    unexplained = [url for url in failed if url not in probes]
    assert unexplained == [], f"failed requests: {unexplained}"
    not_found = "Failed to load resource: the server responded with a status of 404 (Not Found)"
    real_errors = errors.copy()
    for _ in probes:
        if not_found in real_errors:
            real_errors.remove(not_found)
    assert real_errors == [], f"browser console errors: {real_errors}"
