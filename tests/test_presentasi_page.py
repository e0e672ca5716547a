"""AppTest of the presentation page: the story's slides one at a time, moved by the buttons and kept in
the URL; what a slide says is the story's (pages/deck/story.py, built here straight from the warehouse
for the same frame); officers only for those who may see them; names from the data escaped.

The small campaign (tests/fixtures/kecil) on 2 Nov 2022, compared with 26 Oct (the default, a week
before): nine slides for an admin, eight without the officer teams for a pimpinan.
"""

import datetime as dt
import html
import re

import pytest

from geo import boundaries_dir
from pages.deck import story
from queries import Warehouse
from tests.helpers import ADMIN, NAMES, PIMPINAN, PLOTLY_MARKUP, SMALL_CAMPAIGN
from tests.test_nama_teks import plotly_texts

DAY = "2022-11-02"
# Every officer's id and name in the small campaign.
PEOPLE = [
    field
    for line in (SMALL_CAMPAIGN / "petugas.csv").read_text(encoding="utf-8-sig").splitlines()[1:]
    for field in line.split(";")[:2]
]
HEADING = re.compile(r"<h1 class='[^']*'>(.*?)</h1>")
# Tags the names full of markup would bring (tests.helpers.HOSTILE); the page's own HTML uses none of them.
TAGS = ["<u>", "<b>", "<i>", "<img", "<a "]


def shown(at) -> list[str]:
    """The HTML the page drew (the slide's heading, figures and table, the footer), style left out."""
    return [element.proto.body for element in at.get("html") if not element.proto.body.startswith("\n<style")]


def title(at) -> str:
    [heading] = [match.group(1) for body in shown(at) for match in HEADING.finditer(body)]
    return heading


def footer(at) -> str:
    [text] = [body for body in shown(at) if "class='kaki'" in body]
    return text


def expected_deck(at, warehouse, viewer) -> story.Deck:
    """The deck the story builds for the frame and comparison day the page ran with."""
    ask = Warehouse(warehouse)

    def asked(name, **params):
        return ask.ask(name, viewer=viewer, **params)

    since = dt.date.fromisoformat(at.query_params["banding"])
    names = viewer.role != "pimpinan"
    return story.build(asked, at.session_state["_frame"], since=since, names=names, folder=boundaries_dir())


def every_slide(at) -> list[tuple[str, list[str], list[str]]]:
    """Each slide's title, HTML and chart texts (those plotly reads markup in), from the first to the
    last, moving on with the Next button until the page stays put."""
    seen = []
    while True:
        seen.append((title(at), shown(at), plotly_texts(at)))
        at.button(key="presentasi_maju").click().run()
        assert not at.exception
        if at.query_params["slide"] == str(len(seen)):
            return seen


@pytest.fixture
def open_slides(open_page, small_warehouse_template):
    return lambda viewer=ADMIN, **query: open_page(
        "presentasi", small_warehouse_template, viewer=viewer, tanggal=DAY, **query
    )


def test_opens_on_the_first_slide_and_walks_the_storys_slides_in_order(open_slides, small_warehouse_template):
    at = open_slides()
    deck = expected_deck(at, small_warehouse_template, ADMIN)
    assert at.query_params["slide"] == "1" and at.query_params["banding"] == "2022-10-26"
    assert len(deck.slides) == 9
    assert [seen[0] for seen in every_slide(at)] == [slide.title for slide in deck.slides]
    # Past the last slide the page stays on it.
    assert at.query_params["slide"] == "9"
    assert "9 / 9" in footer(at)


def test_previous_moves_back_and_stops_at_the_first(open_slides):
    at = open_slides(slide="2")
    assert title(at) == "Kalimantan Timur: Waspada, 3,2 poin di belakang rencana"
    at.button(key="presentasi_mundur").click().run()
    assert at.query_params["slide"] == "1" and title(at) == "Pemantauan Regsosek 2022"
    at.button(key="presentasi_pageup").click().run()  # the clicker's key has its own button
    assert at.query_params["slide"] == "1"
    at.button(key="presentasi_pagedown").click().run()
    assert at.query_params["slide"] == "2"


@pytest.mark.parametrize(("asked", "opened"), [("3", 3), ("99", 9), ("0", 1), ("tiga", 1)])
def test_the_slide_named_in_the_url_opens_within_the_deck(
    open_slides, small_warehouse_template, asked, opened
):
    at = open_slides(slide=asked)
    deck = expected_deck(at, small_warehouse_template, ADMIN)
    assert at.query_params["slide"] == str(opened)
    assert title(at) == deck.slides[opened - 1].title


def test_every_slide_says_the_day_the_data_and_the_load(open_slides, small_warehouse_template):
    at = open_slides(slide="4")
    deck = expected_deck(at, small_warehouse_template, ADMIN)
    text = footer(at)
    assert "4 / 9" in text and deck.footer in text
    assert "Keadaan per 2 Nov 2022 · data sampai 2 Nov 2022 · dimuat " in text
    assert "Data simulasi" not in text  # the small campaign is not simulated


def test_the_comparison_day_comes_from_the_url(open_slides, small_warehouse_template):
    at = open_slides(slide="9", banding="2022-10-20")
    assert title(at) == expected_deck(at, small_warehouse_template, ADMIN).slides[-1].title
    assert title(at).startswith("Sejak 20 Okt 2022:")


def test_a_regency_head_presents_their_regency(open_slides, small_warehouse_template):
    at = open_slides(slide="2", kab="6472")
    assert title(at) == "Kota Samarinda: Sesuai, 2,3 poin di depan rencana"


def test_a_pimpinan_sees_no_team_slide_and_no_officer(open_slides, small_warehouse_template):
    at = open_slides(viewer=PIMPINAN)
    deck = expected_deck(at, small_warehouse_template, PIMPINAN)
    assert [slide.key for slide in deck.slides] == [
        "judul", "status", "peta", "peringkat", "jadwal", "desk", "tindakan", "perubahan",
    ]  # fmt: skip
    slides = every_slide(at)
    assert [seen[0] for seen in slides] == [slide.title for slide in deck.slides]
    assert "8 / 8" in footer(at)
    drawn = [text for _, texts, charts in slides for text in texts + charts]
    assert [person for person in PEOPLE if any(person in text for text in drawn)] == []


def test_an_admin_sees_the_teams_by_name(open_slides):
    at = open_slides(slide="8")
    assert title(at) == "Tim petugas paling tertinggal: 1 PPL perlu dihubungi"
    [table] = [body for body in shown(at) if "<table" in body]
    assert "<td class=''>Maria Hang</td>" in table


def test_names_full_of_markup_show_as_written(open_page, hostile_warehouse):
    at = open_page("presentasi", hostile_warehouse, tanggal="2022-10-24", kab="6411", slide="4")
    [table] = [body for body in shown(at) if "<table" in body]
    assert f"<td class=''>{html.escape(NAMES['Long Apari'])}</td>" in table  # a kecamatan's, as one cell
    at = open_page("presentasi", hostile_warehouse, tanggal="2022-10-24", kab="6411")
    for number, (_, texts, _) in enumerate(every_slide(at), start=1):
        assert not [tag for text in texts for tag in TAGS if tag in text], number


def test_the_charts_hold_no_markup_from_names(open_page, hostile_warehouse):
    at = open_page("presentasi", hostile_warehouse, tanggal="2022-10-24", kab="6411", slide="3")
    assert not [piece for text in plotly_texts(at) for piece in PLOTLY_MARKUP if piece in text]
