"""The presentation page in Chromium, on the demo campaign (its tables are the longest a slide holds: a
regency's 15 kecamatan furthest behind): every slide fits the window at 1920×1080 and at 1280×720 with
nothing cut and no scrolling, its type at least 24 px, and the keys a presentation clicker sends move
between the slides.
"""

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import goto, running_app, screenshot, wait_for_script
from tests.helpers import GEO_DIR, Demo

SIZES = [{"width": 1920, "height": 1080}, {"width": 1280, "height": 720}]
DAY = "2022-11-08"  # the demo's own day
NUMBER = ".st-key-presentasi_kaki .kaki .nomor"
# How the slide sits in the window: the main block and the slide's box scroll neither way, the title and
# the footer lie inside the window, and every text of the slide (charts' too) is at least 24 px.
FIT = """() => {
    const main = document.querySelector("[data-testid='stMain']");
    const slide = document.querySelector(".st-key-presentasi_slide");
    const inside = (element) => { const box = element.getBoundingClientRect();
        return box.top >= 0 && box.left >= 0 && box.bottom <= innerHeight && box.right <= innerWidth; };
    const ownText = (element) => Array.from(element.childNodes).some(
        (node) => node.nodeType === Node.TEXT_NODE && node.textContent.trim());
    const small = Array.from(slide.querySelectorAll("*")).filter(
        (element) => ownText(element) && parseFloat(getComputedStyle(element).fontSize) < 24);
    return {
        scrolls: [main.scrollHeight > main.clientHeight, main.scrollWidth > main.clientWidth,
                  slide.scrollHeight > slide.clientHeight, slide.scrollWidth > slide.clientWidth],
        title: inside(slide.querySelector("h1")),
        footer: inside(document.querySelector(".st-key-presentasi_kaki .kaki")),
        small: small.map((element) => element.textContent.trim()),
    };
}"""
# Every chart drawn at its final size: plotly done, a map's MapLibre loaded and still.
CHARTS_DRAWN = """() => Array.from(document.querySelectorAll('.js-plotly-plot')).every((chart) => {
    const map = chart._fullLayout?.map?._subplot?.map;
    return chart._fullLayout && (!map || (map.loaded() && !map.isMoving()));
})"""


@pytest.fixture(scope="module")
def demo_url(tmp_path_factory):
    demo = Demo(tmp_path_factory.mktemp("presentasi"), geo_dir=GEO_DIR)
    with running_app(demo.warehouse) as url:
        yield url


def shown_number(page) -> str:
    return page.locator(NUMBER).inner_text()


def press(page, key: str, number: str) -> None:
    """Press `key` as a clicker sends it, and wait for slide `number` ("3 / 9")."""
    page.keyboard.press(key)
    expect(page.locator(NUMBER)).to_have_text(number, timeout=30_000)
    wait_for_script(page)


def settle(page) -> None:
    wait_for_script(page)
    page.wait_for_function(CHARTS_DRAWN, timeout=30_000)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size['width']}x{size['height']}")
def test_every_slide_fits_the_window(watched_page, demo_url, size):
    page = watched_page
    page.set_viewport_size(size)
    goto(page, f"{demo_url}/presentasi?tanggal={DAY}&kab=6402")
    expect(page.locator("[data-testid='stSidebar']")).to_have_attribute("data-collapsed", "true")
    settle(page)
    count = int(shown_number(page).split(" / ")[1])
    assert count == 9  # an admin sees the officer teams too
    for number in range(1, count + 1):
        fit = page.evaluate(FIT)
        assert fit == {"scrolls": [False] * 4, "title": True, "footer": True, "small": []}, number
        if number in (3, 4):  # the map, the longest table
            screenshot(page, f"presentasi-{size['width']}-{number}")
        if number < count:
            press(page, "ArrowRight", f"{number + 1} / {count}")
            settle(page)


def test_the_clickers_keys_move_between_slides_and_the_url_keeps_the_place(watched_page, demo_url):
    page = watched_page
    page.set_viewport_size(SIZES[1])
    goto(page, f"{demo_url}/presentasi?tanggal={DAY}")
    expect(page.locator(NUMBER)).to_have_text("1 / 9")
    press(page, "PageDown", "2 / 9")
    press(page, "ArrowRight", "3 / 9")
    press(page, "PageUp", "2 / 9")
    press(page, "ArrowLeft", "1 / 9")
    press(page, "ArrowLeft", "1 / 9")  # not before the first
    press(page, "PageDown", "2 / 9")
    assert "slide=2" in page.url
    # The province's verdict, tinted by its status; a reload opens the same slide.
    expect(page.locator(".st-key-presentasi_slide h1")).to_have_text(
        "Kalimantan Timur: Sesuai, 0,7 poin di depan rencana"
    )
    page.reload()
    wait_for_script(page)
    expect(page.locator(NUMBER)).to_have_text("2 / 9")
    page.locator(".st-key-presentasi_maju button").first.click()  # (Streamlit draws a measuring copy)
    expect(page.locator(NUMBER)).to_have_text("3 / 9", timeout=30_000)
