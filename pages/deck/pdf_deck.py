"""The meeting deck as a PDF, one 16:9 page a slide, drawn from the same boxes as the PowerPoint deck
(pages/deck/layout.py). The text is real text in embedded DejaVu fonts (every character of both
languages, "−" and "·" included), so the PDF can be searched, copied and tested. `document` and `draw`
also draw the daily report (pages/deck/report.py).
"""

import io

from fpdf import FPDF

from pages.deck import layout
from pages.deck.story import Deck

FAMILY = "DejaVu"


def write(deck: Deck, pages: list[list[layout.Box]] | None = None) -> bytes:
    """The deck as a PDF; `pages`: layout.deck_pages(deck) when the PowerPoint file is written too, so
    that the pictures are drawn once for both."""
    pdf = document(deck.slides[0].title)
    for slide, boxes in zip(deck.slides, pages or layout.deck_pages(deck), strict=True):
        pdf.add_page(format=layout.SLIDE_SIZE)
        pdf.start_section(layout.clean(slide.title))  # the PDF's outline: one entry a slide
        draw(pdf, boxes)
    return bytes(pdf.output())


def document(title: str) -> FPDF:
    """An empty PDF in millimetres with the fonts embedded and no automatic page breaks: the layout places
    everything."""
    pdf = FPDF(unit="mm")
    for style, bold in (("", False), ("B", True)):
        pdf.add_font(FAMILY, style, layout.font_file(bold))
    pdf.set_auto_page_break(False)
    pdf.alias_nb_pages(None)  # a name holding "{nb}" stays as written
    pdf.set_margin(0)
    pdf.set_title(layout.clean(title))
    pdf.set_creator("Pantau Regsosek Kaltim")
    return pdf


def draw(pdf: FPDF, boxes: list[layout.Box]) -> None:
    for box in boxes:
        DRAW[type(box)](pdf, box)


def _colour(colour: str) -> tuple[int, ...]:
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))


def _text(pdf: FPDF, box: layout.Text) -> None:
    """The box's lines, written as characters: fpdf2 reads no markup unless told to, and the page-count
    alias is off (`document`)."""
    if box.fill:
        _rect(pdf, layout.Rect(box.x, box.y, box.w, box.h, box.fill))
    pdf.set_font(FAMILY, "B" if box.bold else "", box.size)
    pdf.set_text_color(*_colour(box.colour))
    height = layout.line_height(box.size)
    for number, line in enumerate(box.lines):
        pdf.set_xy(box.x, box.y + box.pad + number * height)
        pdf.cell(box.w, height, line, align=box.align)


def _rect(pdf: FPDF, box: layout.Rect) -> None:
    pdf.set_fill_color(*_colour(box.fill))
    pdf.rect(box.x, box.y, box.w, box.h, style="F")


def _table(pdf: FPDF, box: layout.Table) -> None:
    draw(pdf, layout.table_parts(box))


def _picture(pdf: FPDF, box: layout.Picture) -> None:
    pdf.image(io.BytesIO(box.png), box.x, box.y, box.w, box.h)


DRAW = {layout.Text: _text, layout.Rect: _rect, layout.Table: _table, layout.Picture: _picture}
