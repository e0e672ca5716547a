"""The meeting deck as files (pages/deck/pptx_deck.py, pdf_deck.py) on the demo campaign: the PowerPoint
file read back with python-pptx, the PDF with pypdf. The slides are the story's (pages/deck/story.py),
the ranking's cells the overview's question formatted, every shape inside its slide with large type,
and no officer named to the governor's office.

Each file is built once for the module: the pictures cost a browser (pages/charts/pictures.py).
"""

import datetime as dt
import io

import pytest
from PIL import Image
from pptx import Presentation
from pptx.util import Emu, Pt
from pypdf import PdfReader

from pages.deck import layout, pdf_deck, pptx_deck, story
from pages.deck.story import BigFigure, Deck, Slide, SlideTable
from pages.ui import formats
from pages.ui.state import Frame
from pages.ui.widgets import status
from queries import Warehouse
from queries.rules import PROVINCE, STATUS_TINTS
from tests.helpers import ADMIN, GEO_DIR, PIMPINAN

AS_OF = dt.date(2022, 11, 8)  # mid-campaign: two regencies behind, one at risk
SINCE = dt.date(2022, 11, 1)
KUTAI_BARAT = "6402"
MM_PER_PT = 25.4 / 72


def frame_of(warehouse: Warehouse, kode_kab: str | None = None, as_of: dt.date = AS_OF) -> Frame:
    info = warehouse.run("info_data").iloc[0]
    return Frame(
        as_of, kode_kab, "id", bool(info.simulasi), info.tanggal_akhir.date(), info.waktu_muat_terakhir
    )


def asker(warehouse: Warehouse, viewer):
    return lambda name, **params: warehouse.ask(name, viewer=viewer, **params)


def build(warehouse: Warehouse, viewer, kode_kab: str | None = None) -> Deck:
    names = viewer is ADMIN
    frame = frame_of(warehouse, kode_kab)
    return story.build(asker(warehouse, viewer), frame, since=SINCE, names=names, folder=GEO_DIR)


@pytest.fixture(scope="module")
def warehouse(full) -> Warehouse:
    return Warehouse(full.warehouse)


@pytest.fixture(scope="module")
def deck(warehouse) -> Deck:
    return build(warehouse, ADMIN)


@pytest.fixture(scope="module")
def files(deck) -> tuple[bytes, bytes]:
    """The admin's PowerPoint and PDF files, their pictures drawn once for both."""
    pages = layout.deck_pages(deck)
    return pptx_deck.write(deck, pages), pdf_deck.write(deck, pages)


@pytest.fixture(scope="module")
def pptx(files):
    return Presentation(io.BytesIO(files[0]))


@pytest.fixture(scope="module")
def pdf(files) -> PdfReader:
    return PdfReader(io.BytesIO(files[1]))


@pytest.fixture(scope="module")
def pimpinan_deck(warehouse) -> Deck:
    return build(warehouse, PIMPINAN)


def texts(slide) -> list[str]:
    """Every text of a PowerPoint slide: its text boxes and table cells."""
    found = []
    for shape in slide.shapes:
        if shape.has_text_frame and shape.text_frame.text:
            found.append(shape.text_frame.text)
        if shape.has_table:
            found += [cell.text for row in shape.table.rows for cell in row.cells]
    return found


def plain(text: str) -> str:
    return " ".join(text.split())


def ranking_rows(warehouse: Warehouse, frame: Frame) -> list[tuple[str, ...]]:
    """The overview's question asked directly, formatted as the pages format it: each regency and the
    province, in the order of the ranking (furthest behind first, the province last)."""
    areas = warehouse.ask("capaian_wilayah", viewer=ADMIN, as_of=AS_OF)
    regencies = areas[areas.kode_wilayah != PROVINCE].sort_values("selisih", kind="stable")
    ordered = [*regencies.itertuples(), *areas[areas.kode_wilayah == PROVINCE].itertuples()]
    return [
        (
            area.nama_pendek,
            formats.percent(area.persen),
            formats.percent(area.harapan_persen),
            formats.points(area.selisih),
            status(area.status, frame),
            formats.number(area.sisa_keluarga),
        )
        for area in ordered
    ]


# --- The PowerPoint file ----------------------------------------------------------------------------


def test_one_slide_per_story_slide_with_its_title_footer_mark_and_notes(deck, pptx):
    assert deck.simulated == "Data simulasi"
    assert pptx.slide_width == Emu(12192000) and pptx.slide_height == Emu(6858000)  # 16:9
    assert len(pptx.slides) == len(deck.slides)
    for number, (slide, page) in enumerate(zip(deck.slides, pptx.slides, strict=True)):
        found = texts(page)
        assert page.shapes.title.text_frame.text == slide.title, slide.key  # the outline's title
        assert deck.footer in found and "Keadaan per 8 Nov 2022" in deck.footer
        assert f"{number + 1} / {len(deck.slides)}" in found
        [mark] = [
            shape for shape in page.shapes if shape.has_text_frame and shape.text_frame.text == deck.simulated
        ]
        assert str(mark.fill.fore_color.rgb) == layout.SIMULATED.lstrip("#").upper()
        assert mark.top < Emu(20 * 36000)  # at the top, right of the middle
        assert mark.left > pptx.slide_width / 2
        assert page.notes_slide.notes_text_frame.text == slide.notes and slide.notes
    assert "1 Nov 2022" in pptx.slides[0].notes_slide.notes_text_frame.text  # the day compared with
    assert "Kalimantan Timur · keadaan per 8 Nov 2022" in texts(pptx.slides[0])


def test_the_ranking_is_a_native_table_of_the_overviews_figures(deck, pptx, warehouse):
    number = [slide.key for slide in deck.slides].index("peringkat")
    [frame] = [shape for shape in pptx.slides[number].shapes if shape.has_table]
    rows = [[cell.text for cell in row.cells] for row in frame.table.rows]
    assert rows[0] == ["Kabupaten/kota", "Capaian", "Rencana", "Selisih", "Status", "Sisa"]
    expected = ranking_rows(warehouse, frame_of(warehouse))
    assert [tuple(row) for row in rows[1:]] == expected
    assert len(expected) == 11 and expected[-1][0] == "Kalimantan Timur"
    # The status cells tinted with the status colours, the total row bold.
    statuses = {"Sesuai": "hijau", "Waspada": "kuning", "Tertinggal": "merah"}
    for row in list(frame.table.rows)[1:]:
        cell = row.cells[4]
        assert str(cell.fill.fore_color.rgb) == STATUS_TINTS[statuses[cell.text]].lstrip("#").upper()
    total = list(frame.table.rows)[-1].cells[0].text_frame.paragraphs[0].runs[0]
    assert total.font.bold


def test_every_shape_stays_on_its_slide_with_type_large_enough(deck, pptx):
    width, height = pptx.slide_width, pptx.slide_height
    for slide, page in zip(deck.slides, pptx.slides, strict=True):
        footer_top = min(
            shape.top
            for shape in page.shapes
            if shape.has_text_frame and shape.text_frame.text == deck.footer
        )
        values = {figure.value for figure in slide.figures}
        for shape in page.shapes:
            assert shape.left >= 0 and shape.top >= 0, (slide.key, shape.name)
            assert shape.left + shape.width <= width and shape.top + shape.height <= height, (
                slide.key,
                shape.name,
            )
            if shape.has_table or shape.shape_type == 13:  # a table, a picture: above the footer
                assert shape.top + shape.height <= footer_top, slide.key
            sizes = _sizes(shape)
            if shape.has_text_frame and shape.text_frame.text == slide.title:
                assert min(sizes) >= Pt(28)
            if shape.has_text_frame and shape.text_frame.text in values:
                assert min(sizes) >= Pt(36)
            if shape.has_table:
                assert min(sizes) >= Pt(14)


def _sizes(shape) -> list[int]:
    frames = [cell.text_frame for row in shape.table.rows for cell in row.cells] if shape.has_table else []
    frames += [shape.text_frame] if shape.has_text_frame else []
    return [run.font.size for frame in frames for paragraph in frame.paragraphs for run in paragraph.runs]


def test_a_table_row_never_wraps_so_the_rows_fit(deck, warehouse):
    """PowerPoint grows a row whose text wraps: every cell's text is measured (in the PDF's wider font)
    within its column, and the rows' heights add up within the slide's body, for the province's deck
    and a regency's (15 kecamatan)."""
    regency = build(warehouse, ADMIN, KUTAI_BARAT)
    assert len(next(s for s in regency.slides if s.key == "peringkat").table.rows) == story.RANKING_ROWS
    for shown in (deck, regency):
        for number in range(len(shown.slides)):
            boxes = layout.slide_boxes(shown, number)
            footer_top = boxes[0].y
            for box in boxes:
                assert box.x >= 0 and box.x + box.w <= layout.SLIDE_SIZE[0] + 1e-6
                assert box.y >= 0 and box.y + box.h <= layout.SLIDE_SIZE[1] + 1e-6
                if isinstance(box, layout.Table | layout.Picture):
                    assert box.y + box.h <= footer_top + 1e-6
                if isinstance(box, layout.Table):
                    assert box.row_height >= layout.line_height(box.size)
                    assert all(
                        _fits(cell, column, box)
                        for row in box.rows
                        for cell, column in zip(row, box.widths, strict=True)
                    )


def _fits(cell: layout.Cell, column: float, table: layout.Table) -> bool:
    return all(
        layout.width(line, table.size, cell.bold) <= column - 2 * table.pad + 1e-6 for line in cell.lines
    )


def blank_pngs(requests) -> list[bytes]:
    """White pictures of the asked sizes, where a test reads only the words (no browser)."""
    out = []
    for _, width, height in requests:
        buffer = io.BytesIO()
        Image.new("RGB", (width, height), "white").save(buffer, format="PNG")
        out.append(buffer.getvalue())
    return out


def test_the_governors_office_sees_no_team_slide_and_no_officer(deck, pimpinan_deck, full, monkeypatch):
    officers = [name for (name,) in full.rows("SELECT DISTINCT nama FROM petugas")]
    assert "tim" in [slide.key for slide in deck.slides]  # the admin's deck names the teams
    assert "tim" not in [slide.key for slide in pimpinan_deck.slides]
    monkeypatch.setattr(layout, "render_pngs", blank_pngs)  # the words are what matters here
    presentation = Presentation(io.BytesIO(pptx_deck.write(pimpinan_deck)))
    assert len(presentation.slides) == len(pimpinan_deck.slides)
    written = " ".join(
        " ".join(texts(page)) + " " + page.notes_slide.notes_text_frame.text for page in presentation.slides
    )
    assert [name for name in officers if name in written] == []


# --- The PDF ----------------------------------------------------------------------------------------


def test_the_pdf_has_a_16_9_page_per_slide_with_its_title_and_day(deck, pdf):
    assert len(pdf.pages) == len(deck.slides)
    assert [entry.title for entry in pdf.outline] == [plain(slide.title) for slide in deck.slides]
    for slide, page in zip(deck.slides, pdf.pages, strict=True):
        width, height = float(page.mediabox.width) * MM_PER_PT, float(page.mediabox.height) * MM_PER_PT
        assert (width, height) == pytest.approx(layout.SLIDE_SIZE, abs=0.1)
        text = plain(page.extract_text())
        assert plain(slide.title) in text, slide.key
        assert "Keadaan per 8 Nov 2022" in text and "data sampai 17 Des 2022" in text
        assert deck.simulated in text


def test_the_pdfs_ranking_says_the_overviews_figures(deck, pdf, warehouse):
    number = [slide.key for slide in deck.slides].index("peringkat")
    lines = pdf.pages[number].extract_text().splitlines()
    for row in ranking_rows(warehouse, frame_of(warehouse)):
        assert " ".join(row) in lines


def test_names_from_the_data_are_written_as_they_are():
    """Markup, the PDF's page-count alias and breaks in a name reach neither file as anything but text."""
    name = "<b>Desa</b> {nb} **tebal** &amp; $x$"
    table = SlideTable(("Nama", "Status"), ((name + "\nbaris", "Sesuai"),), ("hijau",), status_column=1)
    deck = Deck(
        "Wilayah",
        AS_OF,
        SINCE,
        "kaki",
        "",
        (Slide("judul", name, subtitle="sub"), Slide("tindakan", "Judul", table=table, notes=name)),
    )
    presentation = Presentation(io.BytesIO(pptx_deck.write(deck)))
    assert name in texts(presentation.slides[0])
    assert name + " baris" in texts(presentation.slides[1])
    assert presentation.slides[1].notes_slide.notes_text_frame.text == name
    text = plain(PdfReader(io.BytesIO(pdf_deck.write(deck))).pages[1].extract_text())
    assert name + " baris" in text


def test_long_text_is_cut_not_spilled():
    table = SlideTable(("Nama",), (("Kecamatan " * 60,),))
    figure = BigFigure("Label", "1" * 80)
    deck = Deck("W", AS_OF, SINCE, "kaki " * 200, "Data simulasi", (
        Slide("status", "Judul yang sangat panjang " * 20, figures=(figure,)),
        Slide("tindakan", "T", table=table),
    ))  # fmt: skip
    for number in range(2):
        for box in layout.slide_boxes(deck, number):
            assert box.x + box.w <= layout.SLIDE_SIZE[0] and box.y + box.h <= layout.SLIDE_SIZE[1]
            if isinstance(box, layout.Text):
                assert all(layout.width(line, box.size, box.bold) <= box.w + 1e-6 for line in box.lines)


def test_file_names():
    deck = Deck("Kalimantan Timur", AS_OF, SINCE, "", "", ())
    assert deck.file_name("64", "pptx") == "pantau_rapat_64_2022-11-08.pptx"
