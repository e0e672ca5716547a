"""The Wilayah page in Chromium: drawn, right, and every way of moving through the drill-down works.

The page is opened from the overview through the sidebar, as a user does, carrying the frame along.
"""

import re

from playwright.sync_api import expect

from tests.browser.helpers import goto, metric_values, on_the_map, screenshot, wait_for_script

MAIN_BOX = "[data-testid='stMain'] [data-testid='stSelectbox']"


def open_wilayah(page, app_url: str, query: str) -> None:
    goto(page, f"{app_url}/{query}")
    page.locator("[data-testid='stSidebarNav']").get_by_text("Wilayah").click()
    expect(page.locator("[data-testid='stMain'] h1").first).to_have_text("Wilayah", timeout=30_000)
    wait_for_script(page)
    expect(page.locator("[data-testid='stException']")).to_have_count(0)


def regency_box(page):
    return page.locator("[data-testid='stSidebar']").get_by_role("combobox", name="Kabupaten/kota")


def after_rerun(page, text: str) -> None:
    """Until `text` (a heading the new view shows) is there and the script has finished."""
    expect(page.get_by_text(text, exact=True).first).to_be_visible(timeout=30_000)
    wait_for_script(page)
    expect(page.locator("[data-testid='stException']")).to_have_count(0)


def click_on_map(page, level: str, code: str) -> None:
    """Click inside the polygon of `code`, where the map draws it now."""
    page.mouse.click(*on_the_map(page, level, code))


def test_a_regency_shows_its_kecamatan_map_and_the_known_figures(watched_page, app_url):
    page = watched_page
    open_wilayah(page, app_url, "?tanggal=2022-10-24&kab=6472")
    # Known answers (tests/test_wilayah_queries.py): Samarinda 22 of 40 = 55,0 % against 29,0 %.
    values = metric_values(page)
    assert values["Keluarga terdata"] == "22"
    assert values["Capaian"] == "55,0%"
    assert values["Rencana hari ini"] == "29,0%"
    expect(page.get_by_text("Sesuai: 26,0 poin di depan rencana")).to_be_visible()
    expect(page.get_by_text("Peta kecamatan di Kota Samarinda")).to_be_visible()
    map_canvas = page.locator(".js-plotly-plot canvas.maplibregl-canvas")
    expect(map_canvas).to_have_count(1)
    box = map_canvas.bounding_box()
    assert box["width"] > 300 and box["height"] > 300
    expect(page.locator("[role='gridcell']", has_text="Samarinda Ilir").first).to_be_attached()
    screenshot(page, "wilayah")


def test_clicking_a_kecamatan_on_the_map_opens_its_desa(watched_page, app_url):
    page = watched_page
    open_wilayah(page, app_url, "?tanggal=2022-10-24&kab=6472")
    click_on_map(page, "kecamatan", "6472010")
    after_rerun(page, "Desa/kelurahan di Palaran")
    assert "kec=6472010" in page.url
    assert metric_values(page)["Keluarga terdata"] == "12"  # Palaran: 7 + 5
    assert metric_values(page)["Capaian"] == "60,0%"


def test_the_list_opens_a_desa_and_the_breadcrumb_leads_back_up(watched_page, app_url):
    page = watched_page
    open_wilayah(page, app_url, "?tanggal=2022-10-24&kab=6472")
    page.locator(MAIN_BOX).first.click()
    page.get_by_role("option", name="Palaran").click()
    after_rerun(page, "Desa/kelurahan di Palaran")
    page.locator(MAIN_BOX).first.click()
    page.get_by_role("option", name="Rawa Makmur").click()
    after_rerun(page, "SLS di Rawa Makmur")
    assert re.search(r"kab=6472.*kec=6472010.*desa=6472010001", page.url)
    expect(page.locator("[role='gridcell']", has_text="RT 002").first).to_be_attached()
    screenshot(page, "wilayah-sls")
    page.get_by_role("button", name="Palaran").click()
    after_rerun(page, "Desa/kelurahan di Palaran")
    assert "desa=" not in page.url
    page.get_by_role("button", name="Kalimantan Timur").click()
    after_rerun(page, "Kabupaten/kota di Kalimantan Timur")
    assert "kab=" not in page.url and "kec=" not in page.url
    # The whole frame follows: the sidebar's regency box is back on the province.
    expect(regency_box(page)).to_have_value("Semua (Kalimantan Timur)")
    assert metric_values(page)["Keluarga terdata"] == "24"


def test_clicking_a_regency_on_the_province_map_sets_the_frames_regency(watched_page, app_url):
    page = watched_page
    open_wilayah(page, app_url, "?tanggal=2022-10-24")
    click_on_map(page, "kabupaten", "6411")
    after_rerun(page, "Kecamatan di Kabupaten Mahakam Ulu")
    assert "kab=6411" in page.url
    expect(regency_box(page)).to_have_value("Kabupaten Mahakam Ulu")
    assert metric_values(page)["Keluarga terdata"] == "2"
    expect(page.get_by_text("Waspada: 5,8 poin di belakang rencana")).to_be_visible()


def test_colour_by_completion_and_the_language_keep_the_view(watched_page, app_url):
    page = watched_page
    open_wilayah(page, app_url, "?tanggal=2022-10-24&kab=6472")
    page.get_by_text("Capaian (%)").click()
    expect(page.locator(".cbtitle", has_text="Capaian (%)")).to_have_count(1, timeout=30_000)
    wait_for_script(page)
    expect(page.locator(".js-plotly-plot .colorbar .cbtitle")).to_have_text("Capaian (%)")
    page.locator("[data-testid='stSidebar']").get_by_text("English").click()
    after_rerun(page, "Kecamatan in Kota Samarinda")
    expect(page.get_by_role("radio", name="Completion (%)")).to_be_checked()
    assert metric_values(page)["Families registered"] == "22"
    assert "kab=6472" in page.url


def test_the_empty_sls_of_started_ppl(watched_page, app_url):
    page = watched_page
    # 16 Oct: RT 002 of Rawa Makmur has no family yet (its first comes 18 Oct), but its PPL started 15 Oct.
    open_wilayah(page, app_url, "?tanggal=2022-10-16")
    page.get_by_role("tab", name="SLS belum didata (1)").click()
    expect(page.locator("[role='gridcell']", has_text="Andi Saputra").first).to_be_attached()
    expect(page.locator("[role='gridcell']", has_text="15 Okt 2022").first).to_be_attached()


def test_at_1280_px_the_kecamatan_map_is_titled(watched_page, app_url):
    page = watched_page
    page.set_viewport_size({"width": 1280, "height": 1000})
    open_wilayah(page, app_url, "?tanggal=2022-11-02&kab=6472")
    expect(page.get_by_text("Peta kecamatan di Kota Samarinda")).to_be_visible()
    screenshot(page, "wilayah-1280")
