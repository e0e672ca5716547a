"""The Data page in Chromium: drawn, offline, and uploading files for real.

An upload changes the warehouse of the server it is sent to, so the upload tests run their own
server over a copy of the small campaign (or over no warehouse at all), never the shared one.
Known answers: tests/test_data_queries.py.
"""

import re
from pathlib import Path

from playwright.sync_api import expect

from tests.browser.helpers import goto, metric_values, open_page, running_app, screenshot, wait_for_script
from tests.helpers import BAD_FILES, FIX_FILE, ROOT, SMALL_FILES, assert_no_side_effects, hostile_officers

NARROW = {"width": 1280, "height": 1000}  # a projector's width


def screenshots(page, name: str) -> None:
    """The page at the usual width and at a projector's."""
    screenshot(page, name)
    wide = page.viewport_size
    page.set_viewport_size(NARROW)
    wait_for_script(page)
    screenshot(page, f"{name}-1280")
    page.set_viewport_size(wide)


def upload(page, paths: list[Path], until: str, button: str = "Muat ke gudang data") -> None:
    """Choose the files in the uploader, load them, and wait until the page shows `until`."""
    page.locator("[data-testid='stFileUploader'] input[type='file']").set_input_files([str(p) for p in paths])
    # Chips show long names cut in the middle: count them.
    expect(page.locator("[data-testid='stFileChipName']")).to_have_count(len(paths))
    expect(page.locator("[data-testid='stFileChipIconSpinner']")).to_have_count(0)  # sent to the server
    wait_for_script(page)
    page.get_by_role("button", name=button).click()
    expect(page.get_by_text(until).first).to_be_visible(timeout=60_000)
    wait_for_script(page)


def alerts(page, kind: str) -> list[str]:
    """The texts of the alerts of a kind (Success, Warning, Error, Info), without their icons."""
    boxes = page.locator(f"[data-testid='stAlertContent{kind}'] [data-testid='stMarkdownContainer']")
    return [text.strip() for text in boxes.all_inner_texts()]


def test_data_page_draws_its_sections(watched_page, app_url):
    page = watched_page
    open_page(page, app_url, "data", "")
    expect(page.locator("[data-testid='stMain'] h1").first).to_have_text("Data")
    for heading in [
        "Kesegaran per sumber",
        "Riwayat muat",
        "Baris ditolak",
        "Keluarga dibatalkan",
        "Unggah berkas",
    ]:
        expect(page.get_by_role("heading", name=heading)).to_be_visible()
    expect(page.get_by_text("Belum ada baris yang ditolak")).to_be_visible()
    expect(page.locator("[role='gridcell']", has_text="registrasi.csv").first).to_be_attached()
    # Uploads are off unless switched on (the session server's default).
    expect(page.get_by_text("Unggah berkas tidak dinyalakan di sini")).to_be_visible()
    expect(page.locator("[data-testid='stFileUploader']")).to_have_count(0)
    screenshots(page, "data")


def test_uploading_bad_files_then_the_correction(watched_page, fresh_app_url, small_warehouse):
    page = watched_page
    open_page(page, fresh_app_url, "data", "")
    upload(page, BAD_FILES, until="registrasi_buruk.csv (registrasi): dibaca 5")
    # Desk loads before registrasi: the results come in load order, each naming the file as uploaded.
    assert alerts(page, "Warning") == [
        "desk_buruk.csv (desk): dibaca 1, dimuat 0, diganti 0, ditolak 1.",
        "registrasi_buruk.csv (registrasi): dibaca 5, dimuat 1, diganti 1, ditolak 3.",
    ]
    values = metric_values(page)
    assert (values["Baris terbuka"], values["Baris selesai"]) == ("4", "0")  # K41, K42, K43, D2
    expect(page.locator("[role='gridcell']", has_text="=1+2").first).to_be_attached()

    # Kept as received, under the UTC time of the upload.
    saved = sorted((small_warehouse.parent / "unggahan").iterdir())
    assert [re.sub(r"^\d{8}T\d{6}Z_", "", path.name) for path in saved] == [
        "desk_buruk.csv",
        "registrasi_buruk.csv",
    ]
    assert [path.read_bytes() for path in saved] == [BAD_FILES[1].read_bytes(), BAD_FILES[0].read_bytes()]

    # The download carries the filtered rejects, formulas as text.
    with page.expect_download() as download:
        page.get_by_role("button", name="Unduh CSV").click()
    content = Path(download.value.path()).read_text(encoding="utf-8-sig")
    assert download.value.suggested_filename == "tolak_semua_terbuka.csv"
    assert '"\'=1+2"' in content and '"\'-1"' in content
    assert len(content.strip().splitlines()) == 1 + 5  # the header and the five open problems
    screenshots(page, "data-unggah")

    upload(page, [FIX_FILE], until="registrasi_perbaikan.csv (registrasi): dibaca 1")
    assert alerts(page, "Success") == [
        "registrasi_perbaikan.csv (registrasi): dibaca 1, dimuat 1, diganti 0, ditolak 0."
    ]
    # The audit log holds both uploads, their loads and the download, by the signed-in admin.
    log = page.locator("[role='gridcell']")
    expect(log.filter(has_text=re.compile(r"^unggah$"))).to_have_count(2)
    expect(log.filter(has_text=re.compile(r"^muat$"))).to_have_count(2)
    expect(log.filter(has_text=re.compile(r"^unduh$"))).to_have_count(1)
    expect(log.filter(has_text="baris ditolak: tolak_semua_terbuka.csv")).to_have_count(1)
    values = metric_values(page)
    assert (values["Baris terbuka"], values["Baris selesai"]) == ("3", "1")

    # The filters are kept when the language changes.
    page.locator("[data-testid='stMain'] [data-testid='stRadio']").get_by_text("Selesai").click()
    wait_for_script(page)
    page.locator("[data-testid='stSidebar']").get_by_text("English").click()
    expect(page.get_by_role("heading", name="Rejected rows")).to_be_visible(timeout=30_000)
    wait_for_script(page)
    expect(
        page.locator("[data-testid='stMain'] [data-testid='stRadio'] input[type='radio']").nth(1)
    ).to_be_checked()
    expect(page.locator("[role='gridcell']", has_text="Resolved: registrasi_perbaikan.csv")).to_have_count(1)


def test_an_upload_with_a_header_of_sql_loads_its_row_and_nothing_else(watched_page, fresh_app_url, tmp_path):
    page = watched_page
    path = hostile_officers(tmp_path, "csv")
    open_page(page, fresh_app_url, "data", "")
    upload(page, [path], until="petugas_jahat.csv (petugas): dibaca 1")
    [told] = [text for text in alerts(page, "Success") if text.startswith("petugas_jahat.csv")]
    assert told.startswith("petugas_jahat.csv (petugas): dibaca 1, dimuat 1, diganti 0, ditolak 0.")
    shown = told.replace("\u2060", "")  # the word joiners that keep ":" and "--" from Streamlit's rewrites
    assert 'Catatan: kolom diabaikan: zz"_to_"zz2";_copy' in shown  # the header, as text
    assert_no_side_effects(tmp_path, ROOT)


def test_a_bad_file_loads_nothing(watched_page, fresh_app_url, small_warehouse, tmp_path):
    page = watched_page
    unknown = tmp_path / "bukan_ekspor.csv"
    unknown.write_text("a,b\n1,2\n")
    open_page(page, fresh_app_url, "data", "?bahasa=en")
    upload(page, [BAD_FILES[0], unknown], until="Nothing was loaded", button="Load into the warehouse")
    [error] = alerts(page, "Error")
    assert error.startswith("Nothing was loaded: file bukan_ekspor.csv cannot be loaded (")
    # The files stay chosen, to try again (with another kind, say).
    expect(page.locator("[data-testid='stFileChipName']")).to_have_count(2)
    # Nothing loaded, so nothing is kept; the load history still holds the small campaign's six files.
    assert not list((small_warehouse.parent / "unggahan").iterdir())
    expect(page.locator("[role='gridcell']", has_text=re.compile(r"^registrasi_buruk\.csv$"))).to_have_count(
        0
    )
    # The audit log holds the upload and the load that failed.
    expect(
        page.locator("[role='gridcell']", has_text=re.compile(r"^registrasi_buruk\.csv, bukan"))
    ).to_have_count(1)
    expect(page.locator("[role='gridcell']", has_text="GAGAL, tidak ada yang dimuat")).to_have_count(1)
    screenshots(page, "data-en-gagal")


def test_the_first_files_into_no_warehouse(watched_page, tmp_path):
    page = watched_page
    missing = tmp_path / "gudang" / "warehouse.duckdb"
    with running_app(missing, uploads=True) as url:
        goto(page, url)
        expect(page.get_by_text("Gudang data belum ada")).to_be_visible()
        expect(page.locator("[data-testid='stMain'] h3")).to_have_text(
            ["Unggah berkas", "Jejak akses", "Akun"]
        )
        screenshots(page, "data-kosong")
        upload(page, SMALL_FILES, until="registrasi.csv (registrasi): dibaca 26")
        assert missing.exists()
        # With families loaded the app shows every page; the Data page holds all six loads.
        expect(page.locator("[data-testid='stSidebarNav'] a", has_text="Ringkasan")).to_be_visible()
        expect(page.get_by_role("heading", name="Riwayat muat")).to_be_visible()
        assert len([text for text in alerts(page, "Success") if text.endswith("ditolak 0.")]) == 6
