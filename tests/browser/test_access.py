"""Signing in and out through the real form, for each role, and what a pimpinan's browser receives: no
officer's name or id and no family's id in any text, table, chart or hover of any page it can open,
nor behind a link to a page it cannot."""

import json
import re

import pytest
from playwright.sync_api import expect

from tests.browser.helpers import goto, sign_in, wait_for_script
from tests.helpers import ADMIN, BPS, BPS_SAMARINDA, PIMPINAN, SMALL_CAMPAIGN

NAVIGATION = "[data-testid='stSidebarNav'] a"
FORM_TITLE = "Masuk ke Pantau Regsosek Kaltim"
# The small campaign's officers (tests/fixtures/kecil/petugas.csv), their ids, and its family ids.
PEOPLE = [
    line.split(";")[index]
    for line in (SMALL_CAMPAIGN / "petugas.csv").read_text(encoding="utf-8-sig").splitlines()[1:]
    for index in (0, 1)
]
FAMILY_ID = re.compile(r"\bK[0-9]{2}\b")
EVERY_PAGE = [
    "Ringkasan", "Jadwal & proyeksi", "Wilayah", "Petugas", "Desk kolektif", "Alur dokumen", "Presentasi",
    "Data",
]  # fmt: skip
PRESENTATION = "Presentasi"  # its heading is the slide's message, not the page's title
PAGES = {
    ADMIN.name: EVERY_PAGE,
    BPS.name: EVERY_PAGE,
    BPS_SAMARINDA.name: [page for page in EVERY_PAGE if page != "Data"],  # rejects cannot be cut to a regency
    PIMPINAN.name: [page for page in EVERY_PAGE if page not in ("Petugas", "Data")],
}


def everything_received(page) -> str:
    """All the text of the page and every chart's data (hover texts included), as the browser holds them."""
    charts = page.evaluate(
        "() => Array.from(document.querySelectorAll('.js-plotly-plot')).map(c => JSON.stringify(c.data))"
    )
    return page.evaluate("() => document.body.textContent") + "\n" + json.dumps(charts)


@pytest.mark.parametrize("account", list(PAGES))
def test_each_role_signs_in_and_out_through_the_form(watched_page, app_url, account):
    page = watched_page
    goto(page, f"{app_url}/?tanggal=2022-10-24", account=None)
    expect(page.get_by_role("heading", name=FORM_TITLE)).to_be_visible()
    expect(page.locator(NAVIGATION)).to_have_count(0)
    sign_in(page, account)
    expect(page.get_by_text(f"Masuk sebagai {account}")).to_be_visible()
    # Each link's text is its icon's name, then its title.
    expect(page.locator(NAVIGATION)).to_have_text(
        [re.compile(re.escape(title) + "$") for title in PAGES[account]]
    )
    page.get_by_role("button", name="Keluar", exact=True).click()
    expect(page.get_by_role("heading", name=FORM_TITLE)).to_be_visible(timeout=30_000)
    expect(page.locator(NAVIGATION)).to_have_count(0)


def test_a_wrong_password_is_refused(watched_page, app_url):
    page = watched_page
    goto(page, app_url, account=None)
    page.locator("[data-testid='stTextInput'] input").first.fill(ADMIN.name)
    page.locator("input[type='password']").fill("bukan-sandinya")
    page.locator("input[type='password']").press("Enter")
    expect(page.get_by_text("Nama akun atau kata sandi salah.")).to_be_visible(timeout=30_000)
    expect(page.locator(NAVIGATION)).to_have_count(0)


def test_no_page_a_pimpinan_opens_receives_an_officer_or_a_family(watched_page, app_url):
    page = watched_page
    goto(page, f"{app_url}/?tanggal=2022-11-02", account=PIMPINAN.name)
    for title in PAGES[PIMPINAN.name]:
        page.locator(NAVIGATION, has_text=title).click()
        if title == PRESENTATION:
            expect(page).to_have_url(re.compile("/presentasi"), timeout=30_000)
        else:
            expect(page.locator("[data-testid='stMain'] h1").first).to_have_text(title, timeout=30_000)
        wait_for_script(page)
        received = everything_received(page)
        assert [person for person in PEOPLE if person in received] == [], title
        assert not FAMILY_ID.search(received), title


@pytest.mark.parametrize("address", ["petugas", "data"])
def test_a_pimpinan_following_a_link_to_a_people_page_gets_none(watched_page, app_url, address):
    page = watched_page
    goto(page, f"{app_url}/{address}?tanggal=2022-11-02", account=PIMPINAN.name)
    expect(page.locator("[data-testid='stMain'] h1").first).not_to_have_text(re.compile("Petugas|Data"))
    received = everything_received(page)
    assert [person for person in PEOPLE if person in received] == []


def test_a_reload_keeps_the_sign_in_until_signing_out(watched_page, app_url):
    page = watched_page
    goto(page, f"{app_url}/?tanggal=2022-10-24", account=BPS.name)
    [cookie] = [cookie for cookie in page.context.cookies() if cookie["name"] == "pantau_sesi"]
    assert cookie["sameSite"] == "Strict" and cookie["expires"] == -1  # for the browser's session only
    page.reload()
    wait_for_script(page)
    expect(page.get_by_text(f"Masuk sebagai {BPS.name}")).to_be_visible()
    page.get_by_role("button", name="Keluar", exact=True).click()
    expect(page.get_by_role("heading", name=FORM_TITLE)).to_be_visible(timeout=30_000)
    page.reload()
    wait_for_script(page)
    expect(page.get_by_role("heading", name=FORM_TITLE)).to_be_visible()
    assert [cookie for cookie in page.context.cookies() if cookie["name"] == "pantau_sesi"] == []
