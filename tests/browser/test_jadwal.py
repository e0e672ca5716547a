"""The schedule page in Chromium: drawn, right, interactive, offline."""

from playwright.sync_api import expect

from tests.browser.helpers import open_through_the_sidebar, wait_for_script
from tests.browser.helpers import screenshot as save_screenshot

TITLE = {"id": "Jadwal & proyeksi", "en": "Schedule & projection"}
# Overlapping boxes of the main chart's labels (milestones above the plot, the as-of day inside).
OVERLAPS = """() => {
    const boxes = [...document.querySelectorAll('.js-plotly-plot')][0]
        .querySelectorAll('.annotation-text-g');
    const rects = [...boxes].map(b => b.getBoundingClientRect());
    let count = 0;
    for (let i = 0; i < rects.length; i++)
        for (let j = i + 1; j < rects.length; j++) {
            const a = rects[i], b = rects[j];
            if (a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom) count++;
        }
    return count;
}"""


def open_schedule(page, app_url: str, query: str, lang: str = "id") -> None:
    open_through_the_sidebar(page, app_url, query, TITLE[lang])


def screenshot(page, name: str) -> None:
    """The page from its top (reading a table scrolls it)."""
    page.locator("h1").first.scroll_into_view_if_needed()
    save_screenshot(page, name)


def grid_rows(page, index: int) -> list[list[str]]:
    """The cells of the index-th table, row by row (the grid draws on a canvas; its cells are there
    for screen readers once it is in view)."""
    grid = page.locator("[data-testid='stDataFrame']").nth(index)
    grid.scroll_into_view_if_needed()
    expect(grid.locator("[role='gridcell']").first).to_be_attached()
    rows = grid.locator("[role='row']")
    cells = [rows.nth(i).locator("[role='gridcell']").all_inner_texts() for i in range(rows.count())]
    return [[cell.strip() for cell in row] for row in cells if row]


def test_schedule_page_draws_its_charts_and_the_known_figures(watched_page, app_url):
    page = watched_page
    open_schedule(page, app_url, "?tanggal=2022-10-24")
    assert "/jadwal?" in page.url and "tanggal=2022-10-24" in page.url
    expect(page.locator(".js-plotly-plot")).to_have_count(3)  # plan and actual, per day, regencies
    # The page opens with the area's status, as the Overview says it.
    expect(
        page.get_by_text(
            "Sesuai: 19,0 poin di depan rencana (capaian 48,0%, rencana 29,0%); sisa 26 keluarga."
        )
    ).to_be_visible()
    # Known answer (tests/test_jadwal_queries.py): 90 % of 50 = 45, 24 registered → 21 over 21 days.
    needed = grid_rows(page, 0)
    assert needed[0] == [
        "14 Nov 2022", "Pendataan lapangan (90%)", "21", "21 hari", "1,0", "2,1", "0,5×", "Cukup",
    ]  # fmt: skip
    curve = page.locator(".js-plotly-plot").first
    for label in [
        "15 Okt · mulai Pendataan lapangan",
        "14 Nov · Pendataan lapangan (90%)",
        "Per 24 Okt 2022",
    ]:
        expect(curve.locator(".annotation-text", has_text=label)).to_have_count(1)
    assert page.evaluate(OVERLAPS) == 0
    expect(
        page.locator(".js-plotly-plot").nth(1).locator(".legendtext", has_text="Perlu 1,0 per hari")
    ).to_have_count(1)
    expect(
        page.locator(".js-plotly-plot").nth(2).locator(".gtitle, .annotation-text", has_text="Samarinda")
    ).to_have_count(1)
    screenshot(page, "jadwal")


def test_on_a_1280_px_projector_labels_do_not_overlap(watched_page, app_url):
    page = watched_page
    page.set_viewport_size({"width": 1280, "height": 1000})
    open_schedule(page, app_url, "?tanggal=2022-11-02")
    assert page.evaluate(OVERLAPS) == 0
    # 2 Nov: Mahakam Ulu is red (30,0 % against 49,0 %) and has had no family for a week: the projection
    # table says it first, stalled, with no gap to its target date.
    assert grid_rows(page, 1)[0] == ["Mahakam Ulu", "Tertinggal", "30 Nov 2022", "7", "0,0", "Macet", "—"]
    screenshot(page, "jadwal-1280")


def test_choosing_a_regency_narrows_the_page(watched_page, app_url):
    page = watched_page
    open_schedule(page, app_url, "?tanggal=2022-10-24")
    page.locator("[data-testid='stSidebar'] [data-testid='stSelectbox']").click()
    page.get_by_role("option", name="Kabupaten Mahakam Ulu").click()
    expect(page.get_by_text("Kabupaten Mahakam Ulu, keadaan per 24 Okt 2022")).to_be_visible(timeout=30_000)
    wait_for_script(page)
    assert "kab=6411" in page.url and "/jadwal?" in page.url
    # Mahakam Ulu's own schedule: 80 % of 10 = 8, 2 registered → 6 over 21 days.
    assert grid_rows(page, 0)[0][:4] == ["14 Nov 2022", "Pendataan lapangan (80%)", "6", "21 hari"]
    assert [row[0] for row in grid_rows(page, 1)] == ["Mahakam Ulu", "Kalimantan Timur"]
    curve = page.locator(".js-plotly-plot").first
    expect(curve.locator(".annotation-text", has_text="30 Nov · Perpanjangan nasional (100%)")).to_have_count(
        1
    )
    screenshot(page, "jadwal-mahakam-ulu")


def test_changing_the_date_and_the_language(watched_page, app_url):
    page = watched_page
    open_schedule(page, app_url, "?tanggal=2022-10-24")
    page.locator("[data-testid='stSidebar'] [role='spinbutton'][data-type='day']").click()
    page.keyboard.type("16102022")
    page.locator("h1").first.click()
    expect(page.get_by_text("Kalimantan Timur, keadaan per 16 Okt 2022")).to_be_visible(timeout=30_000)
    wait_for_script(page)
    # 16 Oct: 7 registered in the campaign's 2 days (3,5 a day); 45 − 7 = 38 over 29 days to 14 Nov.
    assert grid_rows(page, 0)[0][2:] == ["38", "29 hari", "1,3", "3,5", "0,4×", "Cukup"]
    page.locator("[data-testid='stSidebar']").get_by_text("English").click()
    expect(page.get_by_role("heading", name=TITLE["en"], exact=True)).to_be_visible(timeout=30_000)
    wait_for_script(page)
    assert "bahasa=en" in page.url and "tanggal=2022-10-16" in page.url
    assert grid_rows(page, 0)[0][3] == "29 days"
    screenshot(page, "jadwal-en")
