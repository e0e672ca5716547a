"""Plain helpers the browser tests share (tests/helpers.py has those of the whole suite); the fixtures
are in conftest.py beside this file."""

import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest
from playwright.sync_api import expect

from bench.browsing import Server, streamlit_server
from geo import DEFAULT_DIR
from geo.boundaries import load_boundaries
from tests.helpers import ACCOUNTS, ADMIN, ROOT, make_accounts

SCREENSHOTS = ROOT / "tests" / "screenshots"
SCRIPT_FINISHED = "[data-testid='stApp'][data-test-script-state='notRunning']"


@contextmanager
def running_app(warehouse: Path, uploads: bool = False, **settings: str) -> Iterator[str]:
    """streamlit run app.py on a free port over `warehouse` (with uploads switched on, if asked, and
    any other PANTAU_ settings), with the test accounts (tests.helpers.ACCOUNTS) in an access file of
    its own; yields its URL. Fails on leaving if the server tried to reach beyond loopback."""
    with tempfile.TemporaryDirectory(prefix="pantau-akses-") as folder:
        env = {
            "PANTAU_WAREHOUSE": str(warehouse),
            "PANTAU_UNGGAH": "1" if uploads else "0",
            "PANTAU_AKSES": str(make_accounts(Path(folder) / "akses.sqlite")),
            **settings,
        }
        with streamlit_server(ROOT / "app.py", env=env) as server:
            yield server.url
    assert_offline(server)


def sign_in(page, account: str = ADMIN.name) -> None:
    """Fill the sign-in form as `account` (tests.helpers.ACCOUNTS) and wait for the page it opens."""
    page.locator("[data-testid='stTextInput'] input").first.fill(account)
    password = page.locator("input[type='password']")
    password.fill(ACCOUNTS[account][2])
    password.press("Enter")
    expect(page.locator("input[type='password']")).to_have_count(0, timeout=30_000)
    wait_for_script(page)


def goto(page, url: str, account: str | None = ADMIN.name) -> None:
    """Open `url` as a new visit does (a new session), signing in as `account` when the browser is not
    signed in yet (its session cookie brings it back otherwise); None: stay on the form."""
    page.goto(url)
    wait_for_script(page)
    if account is not None and page.locator("input[type='password']").count():
        sign_in(page, account)


def assert_offline(server: Server) -> None:
    if attempts := server.outside():
        pytest.fail("the server tried to reach beyond loopback:\n" + "\n".join(f"  {a}" for a in attempts))


def wait_for_script(page) -> None:
    """Until the app's script has finished and no element is still a placeholder."""
    page.wait_for_selector(SCRIPT_FINISHED, timeout=60_000)
    page.wait_for_function("() => !document.querySelector(\"[data-testid='stSkeleton']\")", timeout=60_000)


def screenshot(page, name: str) -> Path:
    """The whole page: Streamlit scrolls inside its main block, so the window is made as tall as that
    block's content for the picture, then set back."""
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    path = SCREENSHOTS / f"{name}.png"
    viewport = page.viewport_size
    height = page.evaluate("() => document.querySelector(\"[data-testid='stMain']\").scrollHeight")
    page.set_viewport_size({"width": viewport["width"], "height": max(height, viewport["height"])})
    wait_for_script(page)
    page.screenshot(path=path, full_page=True)
    page.set_viewport_size(viewport)
    return path


def open_page(page, app_url: str, name: str, query: str) -> None:
    """Open a page by its link (`/<name>?...`) and wait until it is drawn without an exception."""
    goto(page, f"{app_url}/{name}{query}")
    assert page.locator("[data-testid='stException']").count() == 0


def open_through_the_sidebar(page, app_url: str, query: str, title: str) -> None:
    """Open the app with the query and move to the page titled `title` through the sidebar, as a user
    does: a link straight to a page makes the browser ask /<page>/_stcore/health first (a 404 in the
    console), and on a freshly started server runs the page without app.py's frame."""
    goto(page, f"{app_url}/{query}")
    page.locator("[data-testid='stSidebarNav'] a", has_text=title).click()
    expect(page.get_by_role("heading", name=title, exact=True)).to_be_visible(timeout=30_000)
    wait_for_script(page)
    expect(page.locator("[data-testid='stException']")).to_have_count(0)


def metric_values(page) -> dict[str, str]:
    """The metrics a page shows, label to value."""
    metrics = page.locator("[data-testid='stMetric']")
    values = {}
    for index in range(metrics.count()):
        metric = metrics.nth(index)
        label = metric.locator("[data-testid='stMetricLabel']").inner_text().strip()
        values[label] = metric.locator("[data-testid='stMetricValue']").inner_text().strip()
    return values


def on_the_map(page, level: str, code: str) -> tuple[float, float]:
    """Where in the window the page's map draws a point inside the polygon of `code` (a kabupaten or
    kecamatan) now."""
    point = load_boundaries(level, DEFAULT_DIR).set_index("kode").geometry[code].representative_point()
    # A map still fitting its view (or drawn by a rerun still arriving) would put the point elsewhere.
    page.wait_for_function(
        """() => {
            const map = document.querySelector('.js-plotly-plot')?._fullLayout?.map?._subplot?.map;
            return map && map.loaded() && !map.isMoving();
        }""",
        timeout=30_000,
    )
    return page.evaluate(
        """([lon, lat]) => {
            const map = document.querySelector('.js-plotly-plot')._fullLayout.map._subplot.map;
            const box = map.getCanvas().getBoundingClientRect();
            const spot = map.project([lon, lat]);
            return [box.left + spot.x, box.top + spot.y];
        }""",
        [point.x, point.y],
    )
