"""The one-page daily report for the governor's office: the verdict, the key figures, the map, the
regencies' ranking with the change since yesterday and the kecamatan furthest behind, signed with the
data's day. The same pieces as the meeting's story (pages/deck/story.py, compared with the day before),
laid out twice from the same blocks (pages/deck/layout.py): an A4 page (PDF) and a picture for a phone
(PNG, one column, 1080 px wide).

The phone picture is drawn with Pillow, already installed for fpdf2: boxes of text, fills and the map's
PNG need nothing more, where turning the PDF into pixels would need a PDF renderer. The map is drawn
once, by `build`, and both layouts place that one PNG (same shape on both).

No officer is named: the report is built for every role (the story's team slide is left out).
"""

import datetime as dt
import functools
import io
import math
from dataclasses import dataclass, replace
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont

from pages.deck import layout, pdf_deck, story
from pages.deck.layout import Box, Style
from pages.deck.story import Ask, Slide, SlideTable
from pages.ui import formats
from pages.ui.state import Frame
from pages.ui.words import add_words

WORDS = {
    "deck.laporan.judul": {
        "id": "Laporan harian Regsosek 2022: {wilayah}",
        "en": "Daily report, Regsosek 2022: {wilayah}",
    },
    "deck.laporan.per": {
        "id": "Keadaan per {tanggal}; perubahan sejak {kemarin}",
        "en": "As of {tanggal}; changes since {kemarin}",
    },
}
add_words(WORDS)

MAP_SHAPE = 1.0  # the map's width over its height, on the page and on the phone
A4_MAP_WIDTH = 0.52  # of the page's width inside the margins; the figures take the rest
# The columns the phone keeps (of story.change_slide's and story.action_slide's tables): 1080 px hold four.
PHONE_COLUMNS = {"perubahan": (0, 2, 3, 6), "tindakan": (0, 1, 4, 5)}


@dataclass(frozen=True)
class Report:
    area: str
    as_of: dt.date
    title: str
    subtitle: str
    verdict: Slide  # the area's status and key figures
    map: Slide
    changes: Slide  # the regencies, furthest behind first, against yesterday
    laggards: Slide
    footer: str
    simulated: str
    map_png: bytes | None = None

    def file_name(self, code: str, ext: str) -> str:
        return f"pantau_laporan_{code}_{self.as_of.isoformat()}.{ext}"


def build(ask: Ask, frame: Frame, folder: Path | None) -> Report:
    """The report for the frame's area and day, compared with the day before, its map drawn."""
    yesterday = frame.as_of - dt.timedelta(days=1)
    deck = story.build(ask, frame, since=yesterday, names=False, folder=folder)
    slides = {slide.key: slide for slide in deck.slides}
    figure = slides["peta"].chart
    pictures = [] if figure is None else layout.render_pngs([(figure, *layout.pixels(figure, MAP_SHAPE, 1))])
    return Report(
        area=deck.area,
        as_of=frame.as_of,
        title=frame.t("deck.laporan.judul", wilayah=deck.area),
        subtitle=frame.t(
            "deck.laporan.per",
            tanggal=formats.date(frame.as_of, frame.lang),
            kemarin=formats.date(yesterday, frame.lang),
        ),
        verdict=slides["status"],
        map=slides["peta"],
        changes=slides["perubahan"],
        laggards=slides["tindakan"],
        footer=deck.footer,
        simulated=deck.simulated,
        map_png=next(iter(pictures), None),
    )


def pdf(report: Report) -> bytes:
    """The report as one A4 page."""
    document = pdf_deck.document(report.title)
    document.add_page(format=layout.A4_SIZE)
    pdf_deck.draw(document, a4_boxes(report))
    return bytes(document.output())


def png(report: Report) -> bytes:
    """The report as a picture for a phone: PHONE_PIXELS wide, as tall as it needs."""
    boxes = phone_boxes(report)
    scale = layout.PHONE_PIXELS / layout.PHONE_WIDTH
    height = round((layout.bottom(boxes) + layout.PHONE.margin) * scale)
    picture = Image.new("RGB", (layout.PHONE_PIXELS, height), layout.WHITE)
    draw = ImageDraw.Draw(picture)
    for box in boxes:
        PAINT[type(box)](picture, draw, box, scale)
    out = io.BytesIO()
    picture.save(out, format="PNG", optimize=True)
    return out.getvalue()


# --- Layouts --------------------------------------------------------------------------------------------


def a4_boxes(report: Report) -> list[Box]:
    """The A4 page: heading and verdict, the map beside the key figures, the two tables sharing the room
    left, the footer at the foot."""
    style = layout.A4
    page_w, page_h = layout.A4_SIZE
    x, w = style.margin, page_w - 2 * style.margin
    foot = layout.footer(report.footer, "", x, w, style)
    foot = layout.shifted(foot, page_h - style.margin / 2 - layout.bottom(foot))
    boxes = _top(report, x, w, style)
    y = layout.bottom(boxes) + style.gap
    map_w = w * A4_MAP_WIDTH if report.map_png else 0.0
    beside = _map(report, x, y, map_w, style)
    figures_x = x + map_w + (2 * style.gap if map_w else 0)
    height = layout.bottom(beside) - y
    boxes += beside + layout.figure_list(
        report.verdict.figures, figures_x, y, x + w - figures_x, style, height
    )
    sections = (report.changes, report.laggards)
    rows = [len(slide.table.rows) + 1 if slide.table else 0 for slide in sections]
    y = layout.bottom(boxes) + 2 * style.gap
    room = foot[0].y - y - 2 * style.gap * len(sections)
    for slide, count in zip(sections, rows, strict=True):
        boxes += _section(slide, slide.table, x, y, w, room * count / max(sum(rows), 1), style)
        y = layout.bottom(boxes) + 2 * style.gap
    return boxes + foot


def phone_boxes(report: Report) -> list[Box]:
    """The phone picture: everything in one column, the tables narrowed to their main columns."""
    style = layout.PHONE
    x, w = style.margin, layout.PHONE_WIDTH - 2 * style.margin
    boxes = _top(report, x, w, style)
    boxes += layout.figure_list(report.verdict.figures, x, layout.bottom(boxes) + style.gap, w, style)
    boxes += _map(report, x, layout.bottom(boxes) + 2 * style.gap, w if report.map_png else 0.0, style)
    for slide in (report.changes, report.laggards):
        table = slide.table and narrowed(slide.table, PHONE_COLUMNS[slide.key])
        boxes += _section(slide, table, x, layout.bottom(boxes) + 2 * style.gap, w, math.inf, style)
    foot = layout.footer(report.footer, "", x, w, style)
    return boxes + layout.shifted(foot, layout.bottom(boxes) + 2 * style.gap)


def _top(report: Report, x: float, w: float, style: Style) -> list[Box]:
    """The title beside the simulated mark, the day, and the verdict with its status colour."""
    boxes: list[Box] = []
    title_w = w
    if report.simulated:
        boxes.append(layout.mark(report.simulated, x + w, style.margin / 2, style))
        title_w -= boxes[0].w + style.gap
    y = style.margin / 2
    boxes.append(layout.text_box(report.title, x, y, title_w, style.title, style.title_lines, bold=True))
    boxes.append(
        layout.text_box(report.subtitle, x, layout.bottom(boxes), w, style.subtitle, 2, colour=layout.MUTED)
    )
    verdict = report.verdict
    y = layout.bottom(boxes) + style.gap
    return boxes + layout.heading(verdict.title, "", verdict.status, x, y, w, style, style.heading, 2)


def _map(report: Report, x: float, y: float, w: float, style: Style) -> list[Box]:
    """The map under its message (nothing without one: kecamatan without boundaries)."""
    if not w:
        return []
    head = layout.heading(report.map.title, "", None, x, y, w, style, style.heading, 2)
    top = layout.bottom(head) + style.gap / 2
    return [*head, layout.Picture(x, top, w, w / MAP_SHAPE, report.map.chart, report.map_png)]


def _section(slide: Slide, table: SlideTable | None, x, y, w, max_h: float, style: Style) -> list[Box]:
    """A slide's message and its table, the table in what height is left."""
    head = layout.heading(slide.title, slide.subtitle, None, x, y, w, style, style.heading, 2)
    if table is None:
        return head
    top = layout.bottom(head) + style.gap / 2
    return [*head, layout.table_block(table, x, top, w, max_h - (top - y), style)]


def narrowed(table: SlideTable, columns: tuple[int, ...]) -> SlideTable:
    """The table with only `columns` (the status column kept for its tints when among them)."""
    keep = [index for index in columns if index < len(table.header)]
    status = keep.index(table.status_column) if table.status_column in keep else None
    return replace(
        table,
        header=tuple(table.header[i] for i in keep),
        rows=tuple(tuple(row[i] for i in keep) for row in table.rows),
        status_column=status,
    )


# --- The phone picture, drawn with Pillow ---------------------------------------------------------------


@functools.cache
def _font(size: float, bold: bool, scale: float) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(layout.font_file(bold)), round(size * layout.MM_PER_PT * scale))


def _paint_rect(picture, draw, box: layout.Rect, scale: float) -> None:
    corners = [box.x * scale, box.y * scale, (box.x + box.w) * scale, (box.y + box.h) * scale]
    draw.rectangle(corners, fill=box.fill)


def _paint_text(picture, draw, box: layout.Text, scale: float) -> None:
    """Each line as characters, centred on its line's height as the PDF writes it."""
    if box.fill:
        _paint_rect(picture, draw, layout.Rect(box.x, box.y, box.w, box.h, box.fill), scale)
    font = _font(box.size, box.bold, scale)
    height = layout.line_height(box.size)
    anchor, x = {"L": ("lm", box.x), "C": ("mm", box.x + box.w / 2), "R": ("rm", box.x + box.w)}[box.align]
    for number, line in enumerate(box.lines):
        y = box.y + box.pad + (number + 0.5) * height
        draw.text((x * scale, y * scale), line, fill=box.colour, font=font, anchor=anchor)


def _paint_table(picture, draw, box: layout.Table, scale: float) -> None:
    for part in layout.table_parts(box):
        PAINT[type(part)](picture, draw, part, scale)


def _paint_picture(picture, draw, box: layout.Picture, scale: float) -> None:
    size = (round(box.w * scale), round(box.h * scale))
    image = Image.open(io.BytesIO(box.png)).convert("RGB").resize(size, Image.Resampling.LANCZOS)
    picture.paste(image, (round(box.x * scale), round(box.y * scale)))


PAINT = {
    layout.Text: _paint_text,
    layout.Rect: _paint_rect,
    layout.Table: _paint_table,
    layout.Picture: _paint_picture,
}
