"""Names full of Markdown and HTML in Chromium: every page shows them as written, makes nothing of them.

The server runs over the hostile campaign of tests/test_nama_teks.py (HOSTILE, in tests/helpers.py).
An image in a name would be a request outside localhost, which watched_page aborts and fails the test
on; beyond that no page may hold an element made from a name (an image, a link, bold or italic text,
code, a formula, an icon, colour) in its markdown or in plotly's texts, and the names' words must be
there to read.
"""

import pytest
from playwright.sync_api import expect

from pages.ui import plain_plotly
from tests.browser.helpers import on_the_map, open_page, running_app, screenshot, wait_for_script
from tests.helpers import NAMES, PLOTLY_MARKUP

MAIN = "[data-testid='stMain']"
JOINER = "\u2060"  # ui.plain's invisible word joiner, between characters Streamlit would rewrite
# Attributes through which an element fetches or links something.
FETCHING = r"(^|:)(src|srcset|href|poster|data|style|action|formaction|background)$"
EVIL_ATTRIBUTES = """(pattern) => [...document.querySelectorAll('*')].flatMap((element) =>
    [...element.attributes]
        .filter((a) => new RegExp(pattern).test(a.name) && a.value.includes('evil.example'))
        .map((a) => `${element.tagName} ${a.name}=${a.value}`))"""
# Elements markdown would make of a hostile name, and the words they would then hold: a name shown as
# written holds them only inside its whole text.
MADE_FROM_A_NAME = {
    "strong, b": {"tebal", "PML", "kab", "Makmur", "Koseka", "lapangan", "meja", "nasional"},
    "em, i": {"miring", "002", "x"},
    "code": {"kode"},
    "del, s": {"coret"},
    "a": {"tautan", "t", "klik", "Penaneh", "Kaltim"},
    ".stMarkdownColoredText, .stMarkdownColoredBackground": {"merah"},
}
# Elements of their own: a formula, a Material icon, any image (:streamlit: is one; the pages draw none).
NEVER = ".katex, [aria-label='home icon'], img"
PLOTLY_TRACES = """() => [...document.querySelectorAll('.js-plotly-plot')].flatMap((plot) => plot.data.map(
    (trace) => ({type: trace.type, mode: trace.mode || '', texts: [trace.name, trace.text, trace.hovertext,
        trace.customdata].flat(3).filter((t) => typeof t === 'string')})))"""


@pytest.fixture(scope="module")
def hostile_url(hostile_warehouse):
    with running_app(hostile_warehouse) as url:
        yield url


def open_view(page, url: str, name: str, query: str = "") -> None:
    """Open a page by its link, at the day the small campaign's tests use."""
    open_page(page, url, name, "?tanggal=2022-10-24" + query)


def text_of(page) -> str:
    """The main block's text as shown, without the invisible joiners."""
    return page.locator(MAIN).inner_text().replace(JOINER, "")


def assert_nothing_made_of_names(page) -> None:
    """No element fetches or links anything from a name, none shows a name's words as markup, and
    plotly is given no name's tag."""
    assert page.evaluate(EVIL_ATTRIBUTES, FETCHING) == []
    for selector, words in MADE_FROM_A_NAME.items():
        made = [text.strip() for text in page.locator(f"{MAIN} :is({selector})").all_text_contents()]
        assert not words.intersection(made), f"{selector}: {made}"
    expect(page.locator(f"{MAIN} :is({NEVER})")).to_have_count(0)
    assert "😄" not in text_of(page)  # :smile: stayed a word
    assert not [text for text in plotly_strings(page) if any(piece in text for piece in PLOTLY_MARKUP)]


def plotly_strings(page) -> list[str]:
    """Every text of the page's charts that plotly reads markup in (the maps' name labels, which
    MapLibre draws as plain text, left out)."""
    traces = page.evaluate(PLOTLY_TRACES)
    return [text for trace in traces if trace["mode"] != "text" for text in trace["texts"]]


def hover_text(page) -> str:
    """The hover label plotly shows now, as text; it holds no link."""
    page.wait_for_timeout(300)  # plotly throttles its hover: let it follow the mouse
    hover = page.locator(".js-plotly-plot .hoverlayer .hovertext").first
    expect(hover).to_be_attached(timeout=10_000)
    assert page.locator(".js-plotly-plot .hoverlayer a").count() == 0
    return hover.text_content()


def hover_on_map(page, code: str) -> str:
    """The hover plotly shows over the kecamatan `code` on the map."""
    page.mouse.move(*on_the_map(page, "kecamatan", code))
    return hover_text(page)


def test_the_wilayah_drill_down_shows_names_as_written(watched_page, hostile_url):
    page = watched_page
    palaran, rawa = NAMES["Palaran"], NAMES["Rawa Makmur"]
    open_view(page, hostile_url, "wilayah", "&kab=6472&kec=6472010&desa=6472010001")
    expect(page.get_by_role("heading", name="SLS di Rawa")).to_be_visible(timeout=30_000)
    wait_for_script(page)
    assert_nothing_made_of_names(page)
    # The breadcrumb: a button back to Palaran, the desa in bold, both as written.
    crumbs = page.locator(f"{MAIN} [data-testid='stButton'] button").all_inner_texts()
    assert [crumb.replace(JOINER, "") for crumb in crumbs] == ["Kalimantan Timur", "Kota Samarinda", palaran]
    assert rawa in [text.replace(JOINER, "") for text in page.locator(f"{MAIN} strong").all_text_contents()]
    text = text_of(page)
    assert "![i](http://evil.example/x.png)" in text
    assert f"SLS di {rawa}" in text
    # The map's hovers name each kecamatan, in the bold the page sets them in.
    assert any(f"<b>{plain_plotly(palaran)}</b>" in hover for hover in plotly_strings(page))
    screenshot(page, "nama-wilayah-desa")


def test_a_kecamatan_hover_shows_its_html_as_text(watched_page, hostile_url):
    page = watched_page
    open_view(page, hostile_url, "wilayah", "&kab=6411")
    long_apari = NAMES["Long Apari"]
    assert f"<b>{plain_plotly(long_apari)}</b>" in " ".join(plotly_strings(page))
    hover = hover_on_map(page, "6411010")
    assert long_apari in hover  # the tag as characters: plotly made no element of it
    assert_nothing_made_of_names(page)
    screenshot(page, "nama-wilayah-hover")


def test_officers_and_teams_show_names_as_written(watched_page, hostile_url):
    page = watched_page
    open_view(page, hostile_url, "petugas", "&kab=6472")
    assert f"PML di bawah {NAMES['Siti Rahmah']}" in text_of(page)  # the first team, a Koseka
    page.locator(f"{MAIN} [data-testid='stSelectbox']").click()
    page.get_by_role("option", name=f"PML PML-1 · {NAMES['Budi Santoso']}", exact=True).click()
    budi = f"PPL dalam tim {NAMES['Budi Santoso']}"
    expect(page.locator(f"{MAIN} strong", has_text="PPL dalam tim")).to_have_count(1, timeout=30_000)
    wait_for_script(page)
    assert budi in text_of(page)
    assert_nothing_made_of_names(page)
    andi = NAMES["Andi Saputra"]
    assert any(f"PPL-1 · {plain_plotly(andi)}" in text for text in plotly_strings(page))
    # Over each officer's point of the workload chart: one of them is Andi, link and all as text.
    shown = []
    for point in page.locator(".js-plotly-plot").first.locator(".boxlayer path.point").all():
        box = point.bounding_box()
        page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
        shown.append(hover_text(page))
    assert any(f"PPL-1 · {andi}" in text for text in shown), shown
    screenshot(page, "nama-petugas-tim")


def test_the_schedule_names_its_phases_as_written(watched_page, hostile_url):
    page = watched_page
    open_view(page, hostile_url, "jadwal")
    labels = page.locator(".js-plotly-plot").first.locator(".annotation-text").all_text_contents()
    assert any(NAMES["Pendataan lapangan"] in label for label in labels), labels
    assert any(NAMES["Target Kaltim"] in label for label in labels), labels
    assert_nothing_made_of_names(page)
    screenshot(page, "nama-jadwal")


@pytest.mark.parametrize("name", ["", "desk", "alur", "data"])
def test_the_other_pages_make_nothing_of_names(watched_page, hostile_url, name):
    page = watched_page
    open_view(page, hostile_url, name)
    assert_nothing_made_of_names(page)
    if name == "desk":  # the desk's name, as written, in the chosen-site box (plain text)
        box = page.locator(f"{MAIN} [data-testid='stSelectbox']")
        box.click()
        expect(page.get_by_role("option", name=NAMES["Kantor Diskominfo Kaltim"], exact=True)).to_be_visible()
        page.keyboard.press("Escape")
    screenshot(page, f"nama-{name or 'ringkasan'}")
