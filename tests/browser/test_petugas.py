"""The officers page in Chromium: drawn, right, interactive, offline."""

from playwright.sync_api import expect

from tests.browser.helpers import metric_values, open_through_the_sidebar, screenshot, wait_for_script

MAIN = "[data-testid='stMain']"


def open_officers(page, app_url: str, query: str, title: str = "Petugas") -> None:
    open_through_the_sidebar(page, app_url, query, title)


def test_officers_page_draws_its_charts_and_the_known_figures(watched_page, app_url):
    page = watched_page
    open_officers(page, app_url, "?tanggal=2022-10-24")
    assert "/petugas?" in page.url and "tanggal=2022-10-24" in page.url
    # Known answers (tests/test_petugas_queries.py): 3 PPL, PPL-2 idle since 19 Oct, nobody red.
    values = metric_values(page)
    assert values["Jumlah PPL"] == "3"
    assert values["PPL menganggur"] == "1"
    assert values["PPL tertinggal"] == "0"
    expect(page.locator(".js-plotly-plot")).to_have_count(2)  # workload and pace
    expect(page.locator(".js-plotly-plot .boxlayer path.box")).to_have_count(4)  # 2 regencies × 2 charts
    expect(page.locator("[role='gridcell']", has_text="Andi Saputra").first).to_be_attached()
    screenshot(page, "petugas")


def test_the_tabs_show_the_idle_officer(watched_page, app_url):
    page = watched_page
    open_officers(page, app_url, "?tanggal=2022-10-24")
    page.get_by_role("tab", name="Menganggur (1)").click()
    panel = page.get_by_role("tabpanel").filter(has_text="Paling lama menganggur")
    expect(panel).to_be_visible()
    expect(panel.locator("[role='gridcell']", has_text="Dewi Lestari")).to_be_attached()
    expect(panel.locator("[role='gridcell']", has_text="19 Okt 2022")).to_be_attached()


def test_choosing_a_team_shows_its_members(watched_page, app_url):
    page = watched_page
    open_officers(page, app_url, "?tanggal=2022-10-24")
    page.locator(f"{MAIN} [data-testid='stSelectbox']").click()
    page.get_by_role("option", name="PML PML-1 · Budi Santoso").click()
    expect(page.get_by_text("PPL dalam tim Budi Santoso")).to_be_visible(timeout=30_000)
    wait_for_script(page)
    values = metric_values(page)
    assert (values["Ditugaskan"], values["Terdata"], values["Capaian"]) == ("40", "22", "55,0%")
    assert values["PPL menganggur (dari 2)"] == "1"


def test_search_narrows_the_officer_table(watched_page, app_url):
    page = watched_page
    open_officers(page, app_url, "?tanggal=2022-10-24")
    search = page.get_by_label("Cari PPL (ID atau nama)")
    search.fill("petrus")
    search.press("Enter")
    expect(page.get_by_text("1 dari 3 PPL.")).to_be_visible(timeout=30_000)
    wait_for_script(page)
    table = page.locator(f"{MAIN} [data-testid='stDataFrame']").last
    expect(table.locator("[role='gridcell']", has_text="Petrus Ding")).to_be_attached()
    expect(table.locator("[role='gridcell']", has_text="Andi Saputra")).to_have_count(0)


def test_a_regency_and_english(watched_page, app_url):
    page = watched_page
    open_officers(page, app_url, "?tanggal=2022-10-24&kab=6472&bahasa=en", title="Officers")
    expect(page.get_by_text("Kota Samarinda, as of 24 Oct 2022")).to_be_visible()
    assert metric_values(page)["Enumerators (PPL)"] == "2"
    expect(page.locator(".js-plotly-plot")).to_have_count(2)
    screenshot(page, "petugas-samarinda-en")


def test_at_1280_px_the_page_draws_both_charts(watched_page, app_url):
    page = watched_page
    page.set_viewport_size({"width": 1280, "height": 900})
    open_officers(page, app_url, "?tanggal=2022-11-02")
    expect(page.locator(".js-plotly-plot")).to_have_count(2)
    screenshot(page, "petugas-1280")
