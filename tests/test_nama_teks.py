"""Names from loaded files show as written: Markdown and HTML in them make no element on any page.

HOSTILE (tests/helpers.py; the fixture hostile_warehouse loads it) replaces the small campaign's
(tests/fixtures/kecil) area, officer, desk and phase names with names full of Markdown and HTML. In
AppTest no page may hand one to a markdown element or a plotly text unescaped, and the breadcrumb,
subheaders and team title must give each back literally; for any text, what ui.plain and
ui.plain_plotly write shows that text. What the browser then draws (no image, link or request at all,
literal hovers) is tests/browser/test_nama_teks.py.
"""

import html
import json
import re

import pytest
from hypothesis import assume, given
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from pages import ui
from tests.helpers import NAMES, PLOTLY_MARKUP

# Pieces of the hostile names (tests.helpers.HOSTILE) that markdown would turn into elements: never in a
# text given to it unescaped (PLOTLY_MARKUP: the same for plotly).
MARKUP = [
    "evil.example", "<b>", "<a ", "<img", "<i>", "<u>", "**tebal", "**PML**", "](", ":red[", "$x$", "`kode`",
]  # fmt: skip
# The AppTest elements whose text Streamlit renders as markdown.
MARKDOWN_ELEMENTS = [
    "title", "header", "subheader", "markdown", "caption", "info", "success", "warning", "error",
]  # fmt: skip
MARKDOWN_PUNCTUATION = r"[!-/:-@\[-`{-~]"
# Text as plain() writes it: every punctuation character escaped, no line break, a leading space as &#32;.
ESCAPED = re.compile(rf"(&#32;)?(\\{MARKDOWN_PUNCTUATION}|[^!-/:-@\[-`{{-~\n\r\t])*")
# What Streamlit's front end (1.67, StreamlitMarkdown) rewrites in text after parsing: emoji, Material and
# Streamlit shortcodes, web and mail addresses, arrows.
REWRITTEN = [
    r":[\w+-]+:",
    r":material_\w+:",
    r"(https?://|www(?=\.))",
    r"([-.\w+]+)@([-\w]+(?:\.[-\w]+)+)",
    r"(^|\s)(<->|->|<-|--|>=|<=|~=)(\s|$)",
]
# The named entities plotly.js decodes (svg_text_utils); any other stays as written.
PLOTLY_ENTITIES = {
    "mu": "μ", "amp": "&", "lt": "<", "gt": ">", "nbsp": "\xa0", "times": "×", "plusmn": "±", "deg": "°",
}  # fmt: skip


def shown(markdown: str) -> str:
    """The text CommonMark shows for a line whose punctuation plain() escaped: escapes undone, the
    invisible word joiners left out."""
    text = re.sub(r"\\(" + MARKDOWN_PUNCTUATION + ")", r"\1", markdown.replace("&#32;", " ", 1))
    return text.replace(ui.WORD_JOINER, "")


def as_written(markdown: str) -> str:
    """What a markdown text holding only escaped text shows; one unescaped character fails."""
    assert ESCAPED.fullmatch(markdown), markdown
    return shown(markdown)


def bold(markdown: str) -> str:
    assert markdown.startswith("**") and markdown.endswith("**"), markdown
    return as_written(markdown[2:-2])


def breadcrumb_end(at: AppTest) -> str:
    """The breadcrumb's last step, the chosen area: the page's first bold line."""
    return bold(next(markdown.value for markdown in at.markdown if markdown.value.startswith("**")))


def plotly_shows(text: str) -> str:
    """What plotly shows for a text without tags: its entities decoded once, as plotly.js does."""

    def entity(match: re.Match) -> str:
        name = match.group(1)
        if name.startswith("#"):
            return chr(int(name[2:], 16) if name[1] == "x" else int(name[1:]))
        return PLOTLY_ENTITIES.get(name, match.group(0))

    return re.sub(r"&(#\d+|#x[\da-fA-F]+|[a-z]+);", entity, text)


# --- The helpers ------------------------------------------------------------------------------------

TRICKY = st.text(alphabet=st.sampled_from(list("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~ \t\nawwpthsm0123é")))


@given(st.one_of(st.text(), TRICKY))
def test_plain_escapes_every_markdown_character_and_shows_the_text(text):
    assume("\x00" not in text and ui.WORD_JOINER not in text)
    escaped = ui.plain(text)
    # Every punctuation character escaped: no emphasis, link, image, code, HTML, formula or directive.
    assert ESCAPED.fullmatch(escaped)
    assert not re.match(" ", escaped)  # no leading space: four would start a code block
    # What remains for Streamlit's rewriting after parsing matches none of its patterns.
    parsed = re.sub(r"\\(" + MARKDOWN_PUNCTUATION + ")", r"\1", escaped.replace("&#32;", " ", 1))
    assert not [pattern for pattern in REWRITTEN if re.search(pattern, parsed, re.IGNORECASE)]
    assert shown(escaped) == re.sub(r"[\t\n\r\v\f]", " ", text)


def test_plain_examples():
    assert ui.plain("Palaran") == "Palaran"
    assert ui.plain("Kota Samarinda") == "Kota Samarinda"
    assert ui.plain("RT 001") == "RT 001"
    assert ui.plain("![i](http://x.id/a.png)") == "\\!\\[i\\]\\(http\\:\u2060\\/\\/x\\.id\\/a\\.png\\)"
    assert ui.plain("**a** :red[b] $c$") == "\\*\\*a\\*\\* \\:\u2060red\\[b\\] \\$c\\$"
    assert ui.plain("a\n# b") == "a \\# b"


@given(st.one_of(st.text(), TRICKY))
def test_plain_plotly_opens_no_tag_and_shows_the_text(text):
    escaped = ui.plain_plotly(text)
    assert "<" not in escaped and ">" not in escaped
    assert plotly_shows(escaped) == text
    assert html.unescape(escaped) == text


def test_plain_plotly_examples():
    assert ui.plain_plotly("Rawa <b>Makmur</b> & co") == "Rawa &lt;b&gt;Makmur&lt;/b&gt; &amp; co"
    assert ui.plain_plotly("&lt;b&gt; \"x\" 'y'") == "&amp;lt;b&amp;gt; \"x\" 'y'"


# --- The pages --------------------------------------------------------------------------------------


@pytest.fixture
def open_hostile(open_page, hostile_warehouse):
    """Open a page of the hostile campaign as a link with these query parameters would."""
    return lambda page, **query: open_page(page, hostile_warehouse, timeout=60, **query)


def markdown_sources(at: AppTest) -> list[str]:
    """Every text of the page that Streamlit renders as markdown."""
    texts = []
    for kind in MARKDOWN_ELEMENTS:
        texts += [element.value for element in at.get(kind)]
    texts += [button.label for button in at.button] + [tab.label for tab in at.tabs]
    for metric in at.metric:
        texts += [metric.label, metric.value, metric.delta or ""]
    for radio in at.radio:
        texts += [radio.label, *map(str, radio.options)]
    texts += [widget.label for widget in [*at.selectbox, *at.text_input, *at.date_input]]
    return texts


def plotly_texts(at: AppTest) -> list[str]:
    """Every text of the page's plotly figures that plotly reads markup in: names, texts, hovers,
    titles and annotations. The maps' name labels are left out: MapLibre draws them as plain text."""
    texts = []
    for chart in at.get("plotly_chart"):
        figure = json.loads(chart.proto.spec)
        for trace in figure["data"]:
            if trace.get("type") == "scattermap" and trace.get("mode") == "text":
                continue
            for key in ("name", "text", "hovertext", "customdata", "y"):
                texts += [str(value) for value in _flat(trace.get(key))]
        texts += [note.get("text", "") for note in figure["layout"].get("annotations", [])]
    return texts


def _flat(value) -> list:
    if isinstance(value, list):
        return [item for part in value for item in _flat(part)]
    return [] if value is None else [value]


PAGES = [
    ("ringkasan", {}),
    ("jadwal", {}),
    ("jadwal", {"kab": "6411"}),
    ("wilayah", {"kab": "6472", "kec": "6472010", "desa": "6472010001"}),
    ("wilayah", {"kab": "6411", "kec": "6411010"}),
    ("petugas", {}),
    ("desk", {}),
    ("alur", {}),
    ("data", {}),
]


@pytest.mark.parametrize(("page", "query"), PAGES)
def test_no_page_hands_markup_from_a_name_to_markdown_or_plotly(page, query, open_hostile):
    at = open_hostile(page, tanggal="2022-10-24", **query)
    for text in markdown_sources(at):
        unescaped = re.sub(r"\\" + MARKDOWN_PUNCTUATION, "", text)  # what is left for markdown to read
        assert not [piece for piece in MARKUP if piece in unescaped], text
    for text in plotly_texts(at):
        assert not [piece for piece in PLOTLY_MARKUP if piece in text], text


def test_the_wilayah_drill_down_shows_the_names_as_written(open_hostile):
    palaran, rawa = NAMES["Palaran"], NAMES["Rawa Makmur"]
    palaran_view = {"tanggal": "2022-10-24", "kab": "6472", "kec": "6472010"}
    at = open_hostile("wilayah", **palaran_view)
    assert [as_written(button.label) for button in at.button] == ["Kalimantan Timur", "Kota Samarinda"]
    assert breadcrumb_end(at) == palaran
    subheaders = [shown(subheader.value) for subheader in at.subheader]
    assert subheaders[:2] == ["Peta kecamatan di Kota Samarinda", f"Desa/kelurahan di {palaran}"]
    # The list to open a desa is plain text: Streamlit draws no markdown in a selectbox's options.
    assert at.selectbox(key="wilayah_buka_desa_id").options == [rawa]
    at = open_hostile("wilayah", **palaran_view, desa="6472010001")
    crumbs = [as_written(button.label) for button in at.button]
    assert crumbs == ["Kalimantan Timur", "Kota Samarinda", palaran]
    assert breadcrumb_end(at) == rawa
    assert f"SLS di {rawa}" in [shown(subheader.value) for subheader in at.subheader]
    # The map of the regency's kecamatan: each hover names its kecamatan escaped for plotly.
    assert any(f"<b>{ui.plain_plotly(palaran)}</b>" in text for text in plotly_texts(at))


def test_a_team_title_shows_the_name_as_written(open_hostile):
    at = open_hostile("petugas", tanggal="2022-10-24", kab="6472")
    assert bold(at.markdown[-1].value) == f"PML di bawah {NAMES['Siti Rahmah']}"  # the first team, a Koseka
    # The list of teams is plain text (Streamlit draws no markdown in a selectbox's options).
    assert at.selectbox(key="tim_petugas_id").options[0] == f"Koseka KSK-1 · {NAMES['Siti Rahmah']}"
    at.selectbox(key="tim_petugas_id").set_value("PML:PML-1").run()
    assert not at.exception
    assert bold(at.markdown[-1].value) == f"PPL dalam tim {NAMES['Budi Santoso']}"
    hovers = plotly_texts(at)
    assert any(f"PPL-1 · {ui.plain_plotly(NAMES['Andi Saputra'])}" in text for text in hovers)


def test_the_schedules_milestones_name_the_phases_escaped(open_hostile):
    at = open_hostile("jadwal", tanggal="2022-10-24")
    phase = ui.plain_plotly(NAMES["Pendataan lapangan"])
    assert any(phase in text for text in plotly_texts(at))
