"""The collective-desk page in Chromium: drawn, right, interactive, offline."""

from playwright.sync_api import expect

from tests.browser.helpers import metric_values, open_page, screenshot, wait_for_script


def open_desk(page, app_url: str, query: str) -> None:
    open_page(page, app_url, "desk", query)


def test_desk_page_draws_its_charts_and_the_known_figures(watched_page, app_url):
    page = watched_page
    open_desk(page, app_url, "?tanggal=2022-10-24")
    expect(page.get_by_role("heading", name="Desk kolektif")).to_be_visible()
    # Known answers (tests/test_desk_queries.py): K07 waited 20 and was served for 25 minutes.
    values = metric_values(page)
    assert values["Keluarga dilayani di desk"] == "1"
    assert values["Waktu tunggu, median"] == "20,0 menit"
    assert values["Waktu layanan, median"] == "25,0 menit"
    assert values["Cek rumah tertunda"] == "1"
    expect(page.get_by_text("100,0% dari 1 keluarga desk")).to_be_visible()
    expect(page.locator(".js-plotly-plot")).to_have_count(2)  # arrivals heat map, desk share
    expect(page.locator(".js-plotly-plot .heatmaplayer")).to_have_count(1)
    expect(page.locator("[role='gridcell']", has_text="Kantor Diskominfo Kaltim").first).to_be_attached()
    screenshot(page, "desk")


def test_a_chosen_site_shows_its_arrivals_and_stays_chosen_in_english(watched_page, app_url):
    page = watched_page
    open_desk(page, app_url, "?tanggal=2022-10-24")
    page.locator("[data-testid='stMain'] [data-testid='stSelectbox']").click()
    page.get_by_role("option", name="Kantor Diskominfo Kaltim").click()
    wait_for_script(page)
    expect(page.locator("[data-testid='stException']")).to_have_count(0)
    expect(page.locator(".js-plotly-plot .heatmaplayer")).to_have_count(1)
    expect(
        page.locator("[data-testid='stMain'] [data-testid='stSelectbox'] [role='combobox']")
    ).to_have_value("Kantor Diskominfo Kaltim")
    # The choice survives a change of language (one widget per language, the choice carried across).
    page.locator("[data-testid='stSidebar']").get_by_text("English").click()
    expect(page.get_by_text("Arrivals by hour")).to_be_visible(timeout=30_000)
    wait_for_script(page)
    expect(
        page.locator("[data-testid='stMain'] [data-testid='stSelectbox'] [role='combobox']")
    ).to_have_value("Kantor Diskominfo Kaltim")


def test_before_the_desks_opened_the_page_says_so(watched_page, app_url):
    page = watched_page
    open_desk(page, app_url, "?tanggal=2022-10-20&bahasa=en")
    expect(page.get_by_text("No family has been registered at a collective desk")).to_be_visible()
    expect(page.locator(".js-plotly-plot")).to_have_count(1)  # the share chart, flat at 0 %
    screenshot(page, "desk-en-sebelum")
