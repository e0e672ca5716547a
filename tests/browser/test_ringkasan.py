"""The overview page in Chromium: drawn, right, interactive, offline."""

import io
import re

import openpyxl
from playwright.sync_api import expect

from tests.browser.helpers import goto, metric_values, screenshot, wait_for_script


def open_overview(page, app_url: str, query: str = "") -> None:
    goto(page, f"{app_url}/{query}")
    expect(page.locator("[data-testid='stException']")).to_have_count(0)


def test_overview_draws_its_map_and_the_known_figures(watched_page, app_url):
    page = watched_page
    open_overview(page, app_url, "?tanggal=2022-10-24")
    # Known answers (tests/test_queries.py): 24 of 50 families, 48,0 %, plan 29,0 %.
    values = metric_values(page)
    assert values["Keluarga terdata"] == "24"
    assert values["Capaian"] == "48,0%"
    assert values["Rencana hari ini"] == "29,0%"
    assert values["Proyeksi selesai"] == "6 Nov 2022"
    expect(page.get_by_text("Sesuai: 19,0 poin di depan rencana")).to_be_visible()
    map_canvas = page.locator(".js-plotly-plot canvas.maplibregl-canvas")
    expect(map_canvas).to_have_count(1)
    box = map_canvas.bounding_box()
    assert box["width"] > 300 and box["height"] > 300
    # The regency shapes are drawn: the map's canvas is not a blank white square.
    assert (
        page.evaluate(
            """() => { const c = document.querySelector('canvas.maplibregl-canvas');
                   const data = c.toDataURL(); return data.length; }"""
        )
        > 5_000
    )
    # The ranking grid draws on a canvas; its cells are there for screen readers.
    expect(page.locator("[role='gridcell']", has_text="Mahakam Ulu").first).to_be_attached()
    screenshot(page, "ringkasan")


def test_changing_the_as_of_date_changes_the_numbers_and_the_url(watched_page, app_url):
    page = watched_page
    open_overview(page, app_url, "?tanggal=2022-10-24")
    # The date field is three spin buttons (day, month, year); typing moves along, leaving commits.
    page.locator("[data-testid='stSidebar'] [role='spinbutton'][data-type='day']").click()
    page.keyboard.type("16102022")
    page.locator("h1").first.click()
    expect(page.locator("[data-testid='stMetricValue']").first).to_have_text("7", timeout=30_000)
    wait_for_script(page)
    assert "tanggal=2022-10-16" in page.url


def test_switching_language_keeps_the_date(watched_page, app_url):
    page = watched_page
    open_overview(page, app_url, "?tanggal=2022-10-24")
    page.locator("[data-testid='stSidebar']").get_by_text("English").click()
    expect(page.get_by_text("Families registered", exact=True)).to_be_visible(timeout=30_000)
    wait_for_script(page)
    assert metric_values(page)["Families registered"] == "24"
    assert re.search(r"bahasa=en", page.url) and "tanggal=2022-10-24" in page.url
    # Every choice still shows as chosen under its new words.
    expect(page.get_by_role("radio", name="Gap to plan (points)")).to_be_checked()
    screenshot(page, "ringkasan-en")


def test_a_link_reopens_the_same_view(watched_page, app_url):
    page = watched_page
    open_overview(page, app_url, "?tanggal=2022-10-24&bahasa=en")
    assert metric_values(page)["Completion"] == "48,0%"
    expect(page.get_by_text("East Kalimantan, as of 24 Oct 2022")).to_be_visible()


def test_colour_by_completion_redraws_the_map(watched_page, app_url):
    page = watched_page
    open_overview(page, app_url, "?tanggal=2022-10-24")
    page.get_by_text("Capaian (%)").click()
    wait_for_script(page)
    expect(page.locator(".js-plotly-plot .colorbar .cbtitle")).to_contain_text("Capaian (%)")


def test_choosing_a_regency_narrows_the_figures_and_the_link(watched_page, app_url):
    page = watched_page
    open_overview(page, app_url, "?tanggal=2022-10-24")
    page.locator("[data-testid='stSidebar'] [data-testid='stSelectbox']").click()
    page.get_by_role("option", name="Kabupaten Mahakam Ulu").click()
    expect(page.locator("[data-testid='stMetricValue']").first).to_have_text("2", timeout=30_000)
    wait_for_script(page)
    assert "kab=6411" in page.url and "tanggal=2022-10-24" in page.url
    expect(page.get_by_text("Waspada: 5,8 poin di belakang rencana")).to_be_visible()
    screenshot(page, "ringkasan-mahakam-ulu")


def test_the_ranking_downloads_as_a_workbook_not_as_the_grids_text(watched_page, app_url):
    page = watched_page
    open_overview(page, app_url, "?tanggal=2022-10-24")
    grid = page.locator("[data-testid='stDataFrame']").first
    grid.hover()
    expect(page.get_by_role("button", name="Download as CSV")).to_have_count(0)  # the formatted cells
    page.get_by_role("button", name="Unduh (11 baris)").first.click()
    with page.expect_download() as made:
        page.get_by_role("button", name="Excel (XLSX)").click()
    download = made.value
    assert download.suggested_filename == "pantau_ringkasan_64_2022-10-24.xlsx"
    sheet = openpyxl.load_workbook(io.BytesIO(download.path().read_bytes())).active
    rows = list(sheet.iter_rows(values_only=True))
    header = rows.index(next(row for row in rows if row[0] == "Kabupaten/kota"))
    assert rows[-1][:4] == ("Kalimantan Timur", "Sesuai", 50, 24)  # numbers, the province last
    assert len(rows) - header - 1 == 11
