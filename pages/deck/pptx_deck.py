"""The meeting deck as a PowerPoint file: the same slides as presentation mode (pages/deck/story.py),
placed where pages/deck/layout.py says. Tables are native PowerPoint tables and every text a text box,
so an official can edit the deck before the meeting; charts and maps are pictures. The speaker notes
hold each slide's definitions.
"""

import io

from pptx import Presentation
from pptx.dml.color import RGBColor
from pptx.enum.shapes import MSO_SHAPE
from pptx.enum.text import MSO_ANCHOR, MSO_AUTO_SIZE, PP_ALIGN
from pptx.util import Emu, Pt

from pages.deck import layout
from pages.deck.story import Deck

TITLE_ONLY_LAYOUT = 5  # the default template's slide with only a title: the outline lists the titles
ALIGNS = {"L": PP_ALIGN.LEFT, "C": PP_ALIGN.CENTER, "R": PP_ALIGN.RIGHT}
EMU_PER_MM = 36000


def write(deck: Deck, pages: list[list[layout.Box]] | None = None) -> bytes:
    """The deck as a .pptx file; `pages`: layout.deck_pages(deck) when the PDF is written too, so that
    the pictures are drawn once for both."""
    presentation = Presentation()
    presentation.slide_width, presentation.slide_height = (_emu(side) for side in layout.SLIDE_SIZE)
    for slide, boxes in zip(deck.slides, pages or layout.deck_pages(deck), strict=True):
        page = presentation.slides.add_slide(presentation.slide_layouts[TITLE_ONLY_LAYOUT])
        for box in boxes:
            DRAW[type(box)](page.shapes, box)
        page.notes_slide.notes_text_frame.text = layout.clean(slide.notes)
    out = io.BytesIO()
    presentation.save(out)
    return out.getvalue()


def _emu(mm: float) -> Emu:
    return Emu(round(mm * EMU_PER_MM))


def _rgb(colour: str) -> RGBColor:
    return RGBColor.from_string(colour.lstrip("#"))


def _write_text(frame, lines: tuple[str, ...], size: float, bold: bool, colour: str, align: str) -> None:
    """Plain text in one paragraph, its measured lines (a header's two) apart by line breaks; PowerPoint
    wraps a longer line within the box by itself."""
    frame.word_wrap = True
    paragraph = frame.paragraphs[0]
    paragraph.alignment = ALIGNS[align]
    for number, line in enumerate(lines):
        if number:
            paragraph.add_line_break()
        run = paragraph.add_run()
        run.text = line
        run.font.name = layout.OFFICE_FONT
        run.font.size = Pt(size)
        run.font.bold = bold
        run.font.color.rgb = _rgb(colour)


def _text(shapes, box: layout.Text) -> None:
    """A text box; the slide's title in the title placeholder, where PowerPoint's outline, navigation
    and screen readers find it."""
    if box.title:
        shape = shapes.title
        shape.left, shape.top, shape.width, shape.height = (
            _emu(side) for side in (box.x, box.y, box.w, box.h)
        )
    else:
        shape = shapes.add_textbox(_emu(box.x), _emu(box.y), _emu(box.w), _emu(box.h))
    frame = shape.text_frame
    frame.auto_size = MSO_AUTO_SIZE.NONE
    frame.vertical_anchor = MSO_ANCHOR.TOP
    frame.margin_left = frame.margin_right = frame.margin_top = frame.margin_bottom = _emu(box.pad)
    if box.fill:
        shape.fill.solid()
        shape.fill.fore_color.rgb = _rgb(box.fill)
    _write_text(frame, (box.text,), box.size, box.bold, box.colour, box.align)


def _rect(shapes, box: layout.Rect) -> None:
    shape = shapes.add_shape(MSO_SHAPE.RECTANGLE, _emu(box.x), _emu(box.y), _emu(box.w), _emu(box.h))
    shape.fill.solid()
    shape.fill.fore_color.rgb = _rgb(box.fill)
    shape.line.fill.background()
    shape.shadow.inherit = False


def _table(shapes, box: layout.Table) -> None:
    """A native table: its own fills (not the theme's banding), the cells' text as text."""
    frame = shapes.add_table(
        len(box.rows), len(box.widths), _emu(box.x), _emu(box.y), _emu(box.w), _emu(box.h)
    )
    table = frame.table
    table.first_row = table.horz_banding = False
    for column, w in zip(table.columns, box.widths, strict=True):
        column.width = _emu(w)
    for row, cells, height in zip(table.rows, box.rows, box.heights, strict=True):
        row.height = _emu(height)
        for cell, content, align in zip(row.cells, cells, box.aligns, strict=True):
            cell.fill.solid()
            cell.fill.fore_color.rgb = _rgb(content.fill)
            cell.margin_left = cell.margin_right = _emu(box.pad)
            cell.margin_top = cell.margin_bottom = _emu(box.pad / 2)
            cell.vertical_anchor = MSO_ANCHOR.MIDDLE
            _write_text(cell.text_frame, content.lines, box.size, content.bold, content.colour, align)


def _picture(shapes, box: layout.Picture) -> None:
    shapes.add_picture(io.BytesIO(box.png), _emu(box.x), _emu(box.y), _emu(box.w), _emu(box.h))


DRAW = {layout.Text: _text, layout.Rect: _rect, layout.Table: _table, layout.Picture: _picture}
