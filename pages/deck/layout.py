"""Where everything stands on the meeting deck's slides and on the daily report, written once for every
renderer: pptx_deck.py places PowerPoint shapes, pdf_deck.py draws PDF pages, report.py draws the
report's PDF page and its phone picture, all from the same boxes. A box is in millimetres, its type in
points.

Text is measured with the DejaVu fonts the PDF and the phone picture embed; PowerPoint shows Arial,
which is narrower, so what fits here fits there too (a PowerPoint box still wraps by itself, and its
text stays editable). Text from the data is only ever measured and written as text: each renderer
writes characters, none reads markup.
"""

import functools
import itertools
import re
from dataclasses import dataclass, field, replace
from pathlib import Path

import plotly.graph_objects as go
from PIL import ImageFont

from pages.charts import pictures
from pages.deck.story import BigFigure, Deck, Slide, SlideTable
from queries.rules import STATUS_COLOURS, STATUS_TINTS

FONT_FOLDER = Path("/usr/share/fonts/truetype/dejavu")
FONT_FILES = {False: FONT_FOLDER / "DejaVuSans.ttf", True: FONT_FOLDER / "DejaVuSans-Bold.ttf"}
OFFICE_FONT = "Arial"  # what PowerPoint shows: on every Windows and Mac, narrower than DejaVu
MM_PER_PT = 25.4 / 72
MM_PER_INCH = 25.4
LEADING = 1.2  # a line's height over its type size
FONT_UNITS = 1000  # the size fonts are measured at, for exact widths

# Colours (#rrggbb).
INK = "#1f2933"
MUTED = "#52606d"
WHITE = "#ffffff"
HEADER_FILL = "#243b53"
BAND = "#f0f4f8"  # every other row, and the figures' cards
TOTAL_FILL = "#d9e2ec"
RULE = "#9fb3c8"
SIMULATED = "#d9620b"  # the simulated-data mark: orange, apart from the status colours

# Pages (width, height), in millimetres: a 16:9 slide (PowerPoint's 13.333 × 7.5 in), A4 portrait, and a
# phone picture as wide as PHONE_PIXELS, as tall as its content.
SLIDE_SIZE = (12192000 / 36000, 6858000 / 36000)
A4_SIZE = (210.0, 297.0)
PHONE_WIDTH = 120.0
PHONE_PIXELS = 1080

# Pictures: drawn at their figure's own height in layout pixels (else PICTURE_DPI per inch of their box),
# rasterised PICTURE_SCALE times finer (a 560 px map on a slide: 250 dots per inch).
PICTURE_DPI = 80
PICTURE_SCALE = 2.5
COVER_SIZES = (44.0, 28.0)  # the title slide's title and subtitle


@dataclass(frozen=True)
class Style:
    """The type sizes (largest first: the first that fits is taken) and spacing of one kind of page."""

    margin: float
    gap: float
    pad: float  # inside the cards and the table cells
    title: tuple[float, ...]
    title_lines: int
    subtitle: tuple[float, ...]
    value: tuple[float, ...]
    label: float
    note: float
    table: tuple[float, ...]
    footer: tuple[float, ...]
    footer_lines: int
    mark: float
    status_bar: float  # the width of the status colour's bar beside a verdict
    heading: tuple[float, ...] = ()  # a section's heading on the report


SLIDE = Style(
    margin=15, gap=5, pad=2.5, title=(36, 34, 32, 30, 28), title_lines=2, subtitle=(20, 18),
    value=(60, 54, 48, 44, 40, 36), label=18, note=14, table=(18, 16, 14), footer=(11, 10, 9), footer_lines=1,
    mark=16, status_bar=3,
)  # fmt: skip
A4 = Style(
    margin=12, gap=3.5, pad=1.6, title=(20, 18, 16), title_lines=2, subtitle=(10,), heading=(12, 11),
    value=(18, 16, 14), label=10, note=8.5, table=(9.5, 9, 8.5, 8), footer=(8, 7.5), footer_lines=2,
    mark=10, status_bar=2,
)  # fmt: skip
PHONE = Style(
    margin=5, gap=5, pad=1.6, title=(20, 18), title_lines=3, subtitle=(12,), heading=(15, 14),
    value=(26, 24, 22, 20), label=13, note=11, table=(12.5, 12, 11.5, 11), footer=(11,), footer_lines=5,
    mark=12, status_bar=2,
)  # fmt: skip


# --- Boxes ---------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Text:
    """Lines of text as measured; `fill` paints the box behind them."""

    x: float
    y: float
    w: float
    lines: tuple[str, ...]
    size: float
    bold: bool = False
    colour: str = INK
    align: str = "L"  # L, C or R
    fill: str | None = None
    pad: float = 0.0
    title: bool = False  # the page's title (PowerPoint puts it in the slide's title placeholder)

    @property
    def h(self) -> float:
        return len(self.lines) * line_height(self.size) + 2 * self.pad

    @property
    def text(self) -> str:
        return " ".join(self.lines)


@dataclass(frozen=True)
class Rect:
    x: float
    y: float
    w: float
    h: float
    fill: str


@dataclass(frozen=True)
class Cell:
    lines: tuple[str, ...]  # one, or two in a header
    fill: str
    bold: bool = False
    colour: str = INK


@dataclass(frozen=True)
class Table:
    """A table's cells, header first, with its columns' widths, the header's height (one or two lines)
    and one height for every other row."""

    x: float
    y: float
    widths: tuple[float, ...]
    header_height: float
    row_height: float
    size: float
    pad: float
    rows: tuple[tuple[Cell, ...], ...]
    aligns: tuple[str, ...]

    @property
    def w(self) -> float:
        return sum(self.widths)

    @property
    def heights(self) -> tuple[float, ...]:
        return (self.header_height, *([self.row_height] * (len(self.rows) - 1)))

    @property
    def h(self) -> float:
        return sum(self.heights)


@dataclass(frozen=True)
class Picture:
    """A chart or map drawn to fill the box; `png` once rendered (`with_pictures`)."""

    x: float
    y: float
    w: float
    h: float
    figure: go.Figure = field(compare=False, repr=False)
    png: bytes | None = field(default=None, compare=False, repr=False)


Box = Text | Rect | Table | Picture


# --- Measuring text ------------------------------------------------------------------------------------


@functools.cache
def _font(bold: bool) -> ImageFont.FreeTypeFont:
    return ImageFont.truetype(str(FONT_FILES[bold]), FONT_UNITS)


def font_file(bold: bool) -> Path:
    return FONT_FILES[bold]


def width(text: str, size: float, bold: bool = False) -> float:
    """The text's width in millimetres at `size` points."""
    return _font(bold).getlength(text) / FONT_UNITS * size * MM_PER_PT


def line_height(size: float) -> float:
    return size * MM_PER_PT * LEADING


CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def clean(text) -> str:
    """One line of plain characters: a break or a control character from the data would start a new
    line, or make PowerPoint's XML invalid."""
    return " ".join(CONTROL.sub(" ", str(text)).split())


def clip(text: str, size: float, bold: bool, w: float) -> str:
    """The text, cut with "…" when it is wider than `w` (the longest start that fits, found by halving)."""
    if width(text, size, bold) <= w:
        return text
    low, high = 0, len(text)
    while low < high:
        middle = (low + high + 1) // 2
        low, high = (middle, high) if width(text[:middle] + "…", size, bold) <= w else (low, middle - 1)
    return text[:low].rstrip() + "…"


def wrap(text: str, size: float, bold: bool, w: float) -> list[str]:
    """The words in lines no wider than `w` (a single longer word keeps a line of its own)."""
    lines: list[str] = []
    for word in text.split():
        if lines and width(f"{lines[-1]} {word}", size, bold) <= w:
            lines[-1] = f"{lines[-1]} {word}"
        else:
            lines.append(word)
    return lines or [""]


def fit(text, w: float, sizes: tuple[float, ...], max_lines: int, bold: bool = False) -> tuple[float, tuple]:
    """The text in as few lines of width `w` as any of the sizes allows (at most `max_lines`), at the
    largest such size, and its lines; at the smallest size what does not fit is cut with "…"."""
    text = clean(text)
    for count in range(1, max_lines + 1):
        for size in sizes:
            lines = wrap(text, size, bold, w)
            if len(lines) <= count and all(width(line, size, bold) <= w for line in lines):
                return size, tuple(lines)
    size = sizes[-1]
    lines = wrap(text, size, bold, w)
    kept = [*lines[: max_lines - 1], " ".join(lines[max_lines - 1 :])]
    return size, tuple(clip(line, size, bold, w) for line in kept)


def text_box(text, x: float, y: float, w: float, sizes, max_lines: int = 1, **options) -> Text:
    size, lines = fit(text, w, tuple(sizes), max_lines, options.get("bold", False))
    return Text(x, y, w, lines, size, **options)


def bottom(boxes: list[Box]) -> float:
    return max((box.y + box.h for box in boxes), default=0.0)


# --- Blocks: each lays out one part at (x, y) within width w ------------------------------------------


def heading(title, subtitle, status, x, y, w, style: Style, sizes, max_lines: int) -> list[Box]:
    """A message (a slide's title, a report section's heading), the status colour's bar beside it when it
    is a verdict, and the line under it."""
    indent = 2 * style.status_bar if status else 0.0
    boxes: list[Box] = [text_box(title, x + indent, y, w - indent, sizes, max_lines, bold=True)]
    if status:
        boxes.append(Rect(x, y, style.status_bar, boxes[0].h, STATUS_COLOURS[status]))
    if subtitle:
        boxes.append(text_box(subtitle, x, bottom(boxes), w, style.subtitle, 2, colour=MUTED))
    return boxes


def figure_cards(
    figures: tuple[BigFigure, ...], x, y, w, max_h: float, columns: tuple, style: Style
) -> list[Box]:
    """The big figures as cards in rows of one of the `columns` counts: the label small, the value large
    (one size for all: the largest at which every value fits its card and the cards fit `max_h`), the
    note small. When nothing fits, the smallest size, values cut with "…"."""
    arrangements = [(size, count) for size in style.value for count in columns]
    for size, count in arrangements:
        inner = _card_width(w, count, style) - 2 * style.pad
        if all(width(clean(figure.value), size, True) <= inner for figure in figures):
            boxes = _card_rows(figures, x, y, w, count, size, style)
            if bottom(boxes) <= y + max_h:
                return boxes
    return _card_rows(figures, x, y, w, arrangements[-1][1], arrangements[-1][0], style)


def _card_width(w: float, columns: int, style: Style) -> float:
    return (w - (columns - 1) * style.gap) / columns


def _card_rows(figures, x, y, w, columns: int, size: float, style: Style) -> list[Box]:
    """The cards row by row, each row's cards as tall as its tallest."""
    card_w = _card_width(w, columns, style)
    boxes: list[Box] = []
    for start in range(0, len(figures), columns):
        row = figures[start : start + columns]
        lefts = [x + i * (card_w + style.gap) for i in range(len(row))]
        cards = [_card(figure, left, y, card_w, size, style) for figure, left in zip(row, lefts, strict=True)]
        height = max(map(bottom, cards)) - y + style.pad
        boxes += [Rect(left, y, card_w, height, BAND) for left in lefts]
        boxes += [box for card in cards for box in card]
        y += height + style.gap
    return boxes


def _card(figure: BigFigure, x, y, w, value_size: float, style: Style) -> list[Box]:
    """A card's texts: the label, the value, the note."""
    inner = w - 2 * style.pad
    label = text_box(figure.label, x + style.pad, y + style.pad, inner, (style.label,), 2, colour=MUTED)
    value = text_box(figure.value, x + style.pad, label.y + label.h, inner, (value_size,), bold=True)
    if not figure.note:
        return [label, value]
    return [
        label,
        value,
        text_box(figure.note, x + style.pad, value.y + value.h, inner, (style.note,), 2, colour=MUTED),
    ]


def figure_list(figures: tuple[BigFigure, ...], x, y, w, style: Style, height: float = 0.0) -> list[Box]:
    """The big figures as a list, for a page read up close: each label at the left with its note under
    it, the value large at the right (one size for all, the largest that leaves the label half the
    width), a thin rule under each; spaced out to `height` when given."""
    values = [clean(figure.value) for figure in figures]
    size = next((s for s in style.value if max(width(v, s, True) for v in values) <= w / 2), style.value[-1])
    value_w = min(max(width(v, size, True) for v in values), w / 2) + style.pad
    rows = [_list_row(figure, x, w, value_w, size, style) for figure in figures]
    heights = [bottom(row) + style.pad / 2 for row in rows]
    spacing = max(height - sum(heights), 0) / len(rows) if rows else 0.0
    boxes: list[Box] = []
    for row, row_height in zip(rows, heights, strict=True):
        y += row_height + spacing
        boxes += [*shifted(row, y - row_height - spacing / 2), Rect(x, y, w, 0.2, RULE)]
    return boxes


def _list_row(figure: BigFigure, x, w, value_w: float, size: float, style: Style) -> list[Box]:
    """One figure of the list, from y = 0."""
    label = text_box(figure.label, x, style.pad / 2, w - value_w, (style.label,), 2, colour=MUTED)
    value = text_box(figure.value, x + w - value_w, style.pad / 2, value_w, (size,), bold=True, align="R")
    if not figure.note:
        return [label, value]
    return [
        label,
        value,
        text_box(figure.note, x, label.y + label.h, w - value_w, (style.note,), 2, colour=MUTED),
    ]


def table_block(table: SlideTable, x, y, w, max_h: float, style: Style) -> Table:
    """The table at the largest size whose columns fit `w` and rows `max_h`, its header on one line if
    it can, else on two; the columns share what width is left, and at the smallest size the widest
    column's cells are cut with "…"."""
    header = tuple(map(clean, table.header))
    body = [tuple(map(clean, row)) for row in table.rows]
    bold = [table.total_row and index == len(body) - 1 for index in range(len(body))]
    for size, header_lines in itertools.product(style.table, (1, 2)):
        natural = _natural_widths(header, header_lines, body, bold, size, style.pad)
        row_h = line_height(size) + style.pad
        if sum(natural) <= w and header_lines * line_height(size) + style.pad + row_h * len(body) <= max_h:
            break
    widths = _spread(natural, w)
    inner = [column - 2 * style.pad for column in widths]
    heads = [_header_lines(text, size, room) for text, room in zip(header, inner, strict=True)]
    header_h = max(map(len, heads)) * line_height(size) + style.pad
    rows = [tuple((clip(text, size, b, room),) for text, room in zip(row, inner, strict=True))
            for row, b in zip(body, bold, strict=True)]  # fmt: skip
    row_height = min(row_h * 1.4, (max_h - header_h) / max(len(body), 1))  # roomier where there is room
    cells = _cells(table, heads, rows, bold)
    return Table(x, y, tuple(widths), header_h, row_height, size, style.pad, cells, _aligns(table, body))


def table_parts(table: Table) -> list[Box]:
    """The table as fills and lines of text, for renderers without tables of their own (PDF, picture):
    each cell's lines centred in its row."""
    parts: list[Box] = []
    y = table.y
    for cells, height in zip(table.rows, table.heights, strict=True):
        x = table.x
        for cell, w, align in zip(cells, table.widths, table.aligns, strict=True):
            top = y + (height - len(cell.lines) * line_height(table.size)) / 2
            inner = w - 2 * table.pad
            parts += [
                Rect(x, y, w, height, cell.fill),
                Text(x + table.pad, top, inner, cell.lines, table.size, cell.bold, cell.colour, align),
            ]
            x += w
        y += height
    return parts


def _natural_widths(header, header_lines: int, body, bold, size: float, pad: float) -> list[float]:
    """Each column's width for its widest cell, the header's on `header_lines` lines."""
    heads = [_header_width(text, size, header_lines) for text in header]
    cells = [[width(text, size, b) for text in row] for row, b in zip(body, bold, strict=True)]
    return [max(column) + 2 * pad for column in zip(heads, *cells, strict=True)]


def _splits(text: str) -> list[tuple[str, str]]:
    """The ways to break a header in two lines at a space, each line holding a word ("+ Poin" stays
    whole)."""
    words = text.split()
    pairs = [(" ".join(words[:i]), " ".join(words[i:])) for i in range(1, len(words))]
    return [pair for pair in pairs if all(any(ch.isalnum() for ch in part) for part in pair)]


def _two_lines(text: str, size: float) -> tuple[float, tuple[str, ...]]:
    """The header's narrowest form: one line, or two broken at its most even space."""
    forms = [(text,), *_splits(text)]
    widths = [max(width(line, size, True) for line in form) for form in forms]
    best = min(range(len(forms)), key=widths.__getitem__)
    return widths[best], forms[best]


def _header_width(text: str, size: float, lines: int) -> float:
    return width(text, size, True) if lines == 1 else _two_lines(text, size)[0]


def _header_lines(text: str, size: float, room: float) -> tuple[str, ...]:
    """The header on one line when it fits, else on two at its most even break, else cut."""
    if width(text, size, True) <= room:
        return (text,)
    narrowest, lines = _two_lines(text, size)
    return lines if narrowest <= room else fit(text, room, (size,), 2, bold=True)[1]


def _spread(natural: list[float], w: float) -> list[float]:
    """The columns' widths filling `w`: the room left shared evenly, or the widest column narrowed."""
    spare = w - sum(natural)
    if spare >= 0:
        return [c + spare / len(natural) for c in natural]
    widest = natural.index(max(natural))
    return [c + spare if i == widest else c for i, c in enumerate(natural)]


def _cells(table: SlideTable, heads, rows, bold) -> tuple[tuple[Cell, ...], ...]:
    """Header dark, rows banded, the total row set apart, and the status cells tinted."""
    cells = [tuple(Cell(lines, HEADER_FILL, True, WHITE) for lines in heads)]
    for index, row in enumerate(rows):
        fill = TOTAL_FILL if bold[index] else (BAND if index % 2 else WHITE)
        status = table.statuses[index] if index < len(table.statuses) else None
        tint = STATUS_TINTS[status] if status else fill
        cells.append(
            tuple(Cell(lines, tint if column == table.status_column else fill, bold[index])
                  for column, lines in enumerate(row))
        )  # fmt: skip
    return tuple(cells)


def _aligns(table: SlideTable, body) -> tuple[str, ...]:
    """Names to the left, statuses centred, figures to the right."""
    return tuple(
        "C" if column == table.status_column else
        "L" if column == 0 or any(any(ch.isalpha() for ch in row[column]) for row in body) else "R"
        for column in range(len(table.header))
    )  # fmt: skip


def mark(text: str, right: float, y: float, style: Style) -> Text:
    """The simulated-data mark: white on orange, its right edge at `right`."""
    size = style.mark
    w = width(text, size, True) + 2 * style.pad
    return Text(
        right - w, y, w, (text,), size, bold=True, colour=WHITE, align="C", fill=SIMULATED, pad=style.pad / 2
    )


def footer(text: str, number: str, x: float, w: float, style: Style) -> list[Box]:
    """The source line (the data's day, the load, the source) under a thin rule, with the page's number
    at the right, its rule at y = 0 (`shifted` puts it in place)."""
    number_w = width(number, style.footer[0]) + style.gap if number else 0.0
    size, lines = fit(text, w - number_w, style.footer, style.footer_lines)
    boxes: list[Box] = [Rect(x, 0, w, 0.3, RULE), Text(x, 1.5, w - number_w, lines, size, colour=MUTED)]
    if number:
        boxes.append(Text(x + w - number_w, 1.5, number_w, (number,), size, colour=MUTED, align="R"))
    return boxes


def shifted(boxes: list[Box], dy: float) -> list[Box]:
    return [replace(box, y=box.y + dy) for box in boxes]


# --- The deck's slides ---------------------------------------------------------------------------------


def slide_boxes(deck: Deck, number: int) -> list[Box]:
    """Slide `number` of the deck: the title (the message), its figures, table or chart, the simulated
    mark and the footer."""
    slide, style = deck.slides[number], SLIDE
    page_w, page_h = SLIDE_SIZE
    inner = page_w - 2 * style.margin
    foot = footer(deck.footer, f"{number + 1} / {len(deck.slides)}", style.margin, inner, style)
    boxes = shifted(foot, page_h - style.margin / 2 - bottom(foot))
    body_bottom = boxes[0].y - style.gap
    if deck.simulated:
        boxes.append(mark(deck.simulated, page_w - style.margin, style.margin / 3, style))
    if slide.key == "judul":
        return boxes + _cover(slide, style.margin, inner, page_h)
    top = style.margin + line_height(style.mark)
    head = heading(
        slide.title,
        slide.subtitle,
        slide.status,
        style.margin,
        top,
        inner,
        style,
        style.title,
        style.title_lines,
    )
    head[0] = replace(head[0], title=True)
    y = bottom(head) + style.gap
    return boxes + head + _body(slide, style.margin, y, inner, body_bottom - y, style)


def _cover(slide: Slide, x: float, w: float, page_h: float) -> list[Box]:
    """The title slide: the deck's title and, under a short rule, the area and the day, centred."""
    title = text_box(slide.title, x, page_h / 3, w, COVER_SIZES[:1], 2, bold=True, align="C", title=True)
    rule = Rect(x + w * 0.3, bottom([title]) + SLIDE.gap, w * 0.4, 0.8, HEADER_FILL)
    subtitle = text_box(
        slide.subtitle, x, rule.y + 2 * SLIDE.gap, w, COVER_SIZES[1:], 2, colour=MUTED, align="C"
    )
    return [title, rule, subtitle]


def _body(slide: Slide, x, y, w, h, style: Style) -> list[Box]:
    """Figures beside a chart; otherwise figures in one row above the table or chart, or alone in rows
    of two or three (as wide as their values allow)."""
    if slide.figures and slide.chart is not None:
        side = w * 0.27
        cards = figure_cards(slide.figures, x, y, side, h, (1,), style)
        return [*cards, Picture(x + side + style.gap, y, w - side - style.gap, h, slide.chart)]
    boxes: list[Box] = []
    if slide.figures:
        alone = slide.table is None and slide.chart is None
        columns = (2, 3) if alone else (len(slide.figures),)
        boxes = figure_cards(slide.figures, x, y, w, h if alone else h / 2, columns, style)
        h -= bottom(boxes) + style.gap - y
        y = bottom(boxes) + style.gap
    if slide.table is not None:
        boxes.append(table_block(slide.table, x, y, w, h, style))
    elif slide.chart is not None:
        boxes.append(Picture(x, y, w, h, slide.chart))
    return boxes


def deck_pages(deck: Deck) -> list[list[Box]]:
    """Every slide's boxes, with all the deck's pictures rendered in one batch."""
    return with_pictures([slide_boxes(deck, number) for number in range(len(deck.slides))])


# --- Pictures -------------------------------------------------------------------------------------------


def pixels(figure: go.Figure, w: float, h: float) -> tuple[int, int]:
    """The layout pixels to draw a figure in a w × h box at: its own height (a map's zoom is fitted to
    it), else PICTURE_DPI per inch of the box; as wide as the box's shape."""
    height = figure.layout.height or round(h / MM_PER_INCH * PICTURE_DPI)
    return round(height * w / h), height


def with_pictures(pages: list[list[Box]]) -> list[list[Box]]:
    """The pages with every picture's PNG, all drawn in one batch (one browser)."""
    wanted = [box for page in pages for box in page if isinstance(box, Picture)]
    drawn = iter(render_pngs([(box.figure, *pixels(box.figure, box.w, box.h)) for box in wanted]))
    return [
        [replace(box, png=next(drawn)) if isinstance(box, Picture) else box for box in page] for page in pages
    ]


def render_pngs(requests: list[tuple[go.Figure, int, int]]) -> list[bytes]:
    """Figures as PNGs at (width, height) layout pixels, PICTURE_SCALE times finer, drawn together in the
    process's one browser (pages/charts/pictures.py); no browser for a deck without pictures."""
    return pictures.pngs(requests, scale=PICTURE_SCALE) if requests else []
