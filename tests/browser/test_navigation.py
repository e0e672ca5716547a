"""Moving between pages, and links straight to a page, keep the frame."""

from playwright.sync_api import expect

from tests.browser.helpers import goto, wait_for_script


def test_a_link_straight_to_a_page_works_on_a_fresh_server(watched_page, fresh_app_url):
    # Streamlit runs a page alone when the first visit after start is a link to it; the page then
    # runs app.py itself, so the frame is there.
    page = watched_page
    goto(page, f"{fresh_app_url}/petugas?tanggal=2022-10-24&kab=6411")
    expect(page.locator("[data-testid='stException']")).to_have_count(0)
    expect(page.locator("[data-testid='stMain'] h1").first).to_have_text("Petugas")
    expect(page.get_by_text("Kabupaten Mahakam Ulu, keadaan per 24 Okt 2022")).to_be_visible()


def test_moving_between_pages_keeps_date_regency_and_language(watched_page, app_url):
    page = watched_page
    goto(page, f"{app_url}/?tanggal=2022-10-24&kab=6472&bahasa=en")
    for title in ["Officers", "Overview"]:
        page.locator("[data-testid='stSidebarNav'] a", has_text=title).click()
        expect(page.locator("[data-testid='stMain'] h1").first).to_have_text(title, timeout=30_000)
        wait_for_script(page)
        expect(page.get_by_text("Kota Samarinda, as of 24 Oct 2022")).to_be_visible()
        assert "tanggal=2022-10-24" in page.url and "kab=6472" in page.url and "bahasa=en" in page.url
