"""The form-pipeline page in Chromium: drawn, right, interactive, offline."""

from playwright.sync_api import expect

from tests.browser.helpers import metric_values, open_page, screenshot, wait_for_script


def open_alur(page, app_url: str, query: str) -> None:
    open_page(page, app_url, "alur", query)


def test_pipeline_page_draws_its_chart_and_the_known_figures(watched_page, app_url):
    page = watched_page
    open_alur(page, app_url, "?tanggal=2022-11-02")
    expect(page.get_by_role("heading", name="Alur dokumen")).to_be_visible()
    # Known answers (tests/test_alur_queries.py): 26 families, 8 checked, 5 received, medians 2 and 7 days.
    values = metric_values(page)
    assert values["Keluarga terdata"] == "26"
    assert values["Diperiksa PML"] == "8"
    assert values["Diterima BPS kab/kota"] == "5"
    assert values["Median ke diperiksa"] == "2,0 hari"
    assert values["Median ke diterima"] == "7,0 hari"
    expect(page.locator(".js-plotly-plot")).to_have_count(1)
    expect(page.locator(".js-plotly-plot .barlayer .point").first).to_be_attached()
    expect(page.get_by_text("Tidak ada.")).to_have_count(4)  # none of the four anomalies
    screenshot(page, "alur")


def test_choosing_a_regency_and_a_language(watched_page, app_url):
    page = watched_page
    open_alur(page, app_url, "?tanggal=2022-11-02")
    page.locator("[data-testid='stSidebar'] [data-testid='stSelectbox']").click()
    page.get_by_role("option", name="Kabupaten Mahakam Ulu").click()
    expect(page.locator("[data-testid='stMetricValue']").first).to_have_text("3", timeout=30_000)
    wait_for_script(page)
    assert "kab=6411" in page.url and "/alur" in page.url
    assert metric_values(page)["Diperiksa PML"] == "0"
    page.locator("[data-testid='stSidebar']").get_by_text("English").click()
    expect(page.get_by_text("Families registered")).to_be_visible(timeout=30_000)
    wait_for_script(page)
    assert metric_values(page)["Waiting for the check"] == "3"
    screenshot(page, "alur-en-mahakam-ulu")
