"""Readable on a projector, on a phone and on paper, in Chromium over the whole demo campaign: its
figures run to a million families, the widths that used to cut a headline figure short."""

import pytest
from playwright.sync_api import expect

from geo import DEFAULT_DIR
from geo.boundaries import load_boundaries
from tests.browser.helpers import metric_values, open_page, running_app, screenshot

DAY = "?tanggal=2022-11-05"
PROJECTOR = {"width": 1280, "height": 720}
PHONE = {"width": 390, "height": 844}
# Headline values and change lines that do not fit their box (Streamlit ends them with "…").
CUT = """() => [...document.querySelectorAll(
    "[data-testid='stMetricValue'] > div, [data-testid='stMetricDelta'] > div")]
    .filter((box) => box.scrollWidth > box.clientWidth).map((box) => box.innerText)"""
# The size of every text plotly draws in the page's charts (hover labels appear only on hover).
SMALL_TEXT = """(least) => [...document.querySelectorAll('.js-plotly-plot svg text')]
    .filter((text) => text.textContent.trim() && !text.closest('.hoverlayer'))
    .filter((text) => parseFloat(getComputedStyle(text).fontSize) < least)
    .map((text) => text.textContent)"""
# Charts whose texts pushed their top or bottom margin: a picture's title and source go beyond them.
PUSHED = """() => [...document.querySelectorAll('.js-plotly-plot')]
    .filter((plot) => ['t', 'b'].some((side) => plot._fullLayout._size[side] > plot.layout.margin[side]))
    .map((plot) => plot.closest("[data-testid='stPlotlyChart']").previousElementSibling?.innerText)"""


@pytest.fixture(scope="module")
def demo_url(full):
    with running_app(full.warehouse) as url:
        yield url


@pytest.mark.parametrize("name", ["", "wilayah", "desk"])
def test_headline_figures_are_whole_on_a_projector(watched_page, demo_url, name):
    page = watched_page
    page.set_viewport_size(PROJECTOR)
    open_page(page, demo_url, name, DAY)
    assert len(metric_values(page)) >= 5
    assert page.evaluate(CUT) == []
    screenshot(page, f"proyektor-{name or 'ringkasan'}")


@pytest.mark.parametrize("name", ["", "jadwal", "wilayah", "petugas", "desk", "alur"])
def test_chart_text_is_at_least_14_px_and_inside_the_margins(watched_page, demo_url, name):
    page = watched_page
    page.set_viewport_size(PROJECTOR)
    open_page(page, demo_url, name, DAY)
    assert page.locator(".js-plotly-plot").count() >= 1
    assert page.evaluate(SMALL_TEXT, 14) == []
    assert page.evaluate(PUSHED) == []


def test_a_phone_reads_the_overview_top_to_bottom(watched_page, demo_url):
    page = watched_page
    page.set_viewport_size(PHONE)
    open_page(page, demo_url, "", DAY)
    order = page.evaluate(
        """() => ["[data-testid='stAlert']", "[data-testid='stMetric']", ".js-plotly-plot",
                  "[data-testid='stDataFrame']"]
            .map((part) => document.querySelector(`[data-testid='stMain'] ${part}`)
                .getBoundingClientRect().top)"""
    )
    assert order == sorted(order)  # the status, the headline figures, the map, the ranking
    assert page.evaluate(CUT) == []
    # The whole map on the screen, and the whole province on the map.
    canvas = page.locator("canvas.maplibregl-canvas").bounding_box()
    assert canvas["x"] >= 0 and canvas["x"] + canvas["width"] <= PHONE["width"]
    west, south, east, north = load_boundaries("kabupaten", DEFAULT_DIR).total_bounds
    corners = page.evaluate(
        """(corners) => { const map = document.querySelector('.js-plotly-plot')._fullLayout.map._subplot.map;
            const size = [map.getCanvas().clientWidth, map.getCanvas().clientHeight];
            return corners.map((corner) => map.project(corner))
                .map((spot) => [spot.x / size[0], spot.y / size[1]]); }""",
        [[west, north], [east, south]],
    )
    assert all(0 <= share <= 1 for corner in corners for share in corner), corners
    # The ranking draws only the columns the screen has room for: its status is one of them.
    ranking = page.locator("[data-testid='stDataFrame']").first
    expect(ranking.locator("[role='columnheader']", has_text="Status")).to_have_count(1)
    assert ranking.locator("[role='columnheader']").count() < 11
    screenshot(page, "telepon-ringkasan")


def test_printing_shows_the_page_alone_with_its_map(watched_page, demo_url):
    page = watched_page
    page.set_viewport_size(PROJECTOR)
    open_page(page, demo_url, "", DAY)
    # What a printed page shows while it prints: the map is copied onto a plain canvas just before.
    page.evaluate(
        """() => addEventListener('beforeprint', () => { window.printedMaps = [...document.querySelectorAll(
            'canvas.pantau-dicetak')].map((copy) => copy.toDataURL().length); })"""
    )
    page.pdf()
    assert len(page.evaluate("() => window.printedMaps")) == 1
    assert page.evaluate("() => window.printedMaps")[0] > 5_000  # the regencies, not a blank square
    expect(page.locator("canvas.pantau-dicetak")).to_have_count(0)  # removed after printing
    page.emulate_media(media="print")
    for part in ("stSidebar", "stHeader", "stDownloadButton"):
        expect(page.locator(f"[data-testid='{part}']").first).to_be_hidden()
    expect(page.locator("[data-testid='stMetric']").first).to_be_visible()
    page.emulate_media(media="screen")
    expect(page.locator("[data-testid='stSidebar']")).to_be_visible()


def test_the_map_downloads_as_a_picture(watched_page, demo_url):
    page = watched_page
    page.set_viewport_size(PROJECTOR)
    open_page(page, demo_url, "", DAY)
    with page.expect_download(timeout=90_000) as download:
        page.get_by_role("button", name="PNG").click()
    assert download.value.suggested_filename == "pantau_ringkasan_peta_64_2022-11-05.png"
    with open(download.value.path(), "rb") as picture:
        assert picture.read(8) == b"\x89PNG\r\n\x1a\n"
