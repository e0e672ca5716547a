"""Presentasi: the meeting's story (pages/deck/story.py) one slide at a time, for a projector.

The slide fills the window: one message as a large title, a few big figures, one table or one chart in
the room left, and the footer every slide carries (the day shown, the data's last day, the load, the
simulated mark, the slide's number). Forward and back by the buttons and by the keys a presentation
clicker sends (arrows, PageUp/PageDown); the slide's number is kept in the URL, so a reload keeps the
place. The frame's pickers and the comparison day stay in the sidebar, which this page opens collapsed;
the speaker notes and the downloads wait in popovers beside the footer.
"""

import datetime as dt
import functools
import html
import math
from pathlib import Path

import plotly.graph_objects as go
import streamlit as st

from pages import ui
from pages.charts.fonts import readable
from pages.deck import pdf_deck, pptx_deck, report, story
from queries.rules import STATUS_COLOURS, STATUS_TINTS

SLIDE = "slide"  # the URL parameter holding the slide's number, 1 for the first
MIN_FONT_PX = 24  # the least type a chart shows, read from the back of a meeting room
INK = "#111827"
COLOUR_BAR_PX = 330  # right of a map, for its colour bar and the bar's title above it
WIDE_BOUNDS = 5  # a map's bounds are this many times as wide as tall: the height fits first
MAP_MARGIN = 0.06  # above and below what a map draws, of its height (room for circles)
STATUS_CLASSES = {name: f"status-{name}" for name in STATUS_TINTS}
CHART_CONFIG = {"displaylogo": False, "displayModeBar": False}
MIMES = {
    "pptx": "application/vnd.openxmlformats-officedocument.presentationml.presentation",
    "pdf": "application/pdf",
    "png": "image/png",
}

WORDS = {
    "presentasi.mundur": {
        "id": "Slide sebelumnya (← atau PageUp, seperti tombol klik presentasi)",
        "en": "Previous slide (← or PageUp, as a presentation clicker sends)",
    },
    "presentasi.maju": {
        "id": "Slide berikutnya (→ atau PageDown, seperti tombol klik presentasi)",
        "en": "Next slide (→ or PageDown, as a presentation clicker sends)",
    },
    "presentasi.nomor": {"id": "Slide {nomor} dari {jumlah}", "en": "Slide {nomor} of {jumlah}"},
    "presentasi.catatan": {"id": "Catatan", "en": "Notes"},
    "presentasi.unduh": {"id": "Unduh", "en": "Download"},
    "presentasi.bahan_pptx": {"id": "Bahan rapat (PowerPoint)", "en": "Meeting deck (PowerPoint)"},
    "presentasi.bahan_pdf": {"id": "Bahan rapat (PDF)", "en": "Meeting deck (PDF)"},
    "presentasi.laporan_pdf": {"id": "Laporan harian (PDF, A4)", "en": "Daily report (PDF, A4)"},
    "presentasi.laporan_png": {"id": "Laporan harian (gambar ponsel)", "en": "Daily report (phone picture)"},
    "presentasi.menyiapkan": {"id": "Menyiapkan laporan harian…", "en": "Preparing the daily report…"},
}

# The page's own look, scoped to its keyed containers, with no value from the data in it. The page is
# as tall as the window and the slide's box takes what the footer row (and anything drawn above, such
# as the sign-in's cookie) leaves; type follows the window's height, never below 24 px, so that
# 1280×720 and 1920×1080 both fill without scrolling. The slide's box has a fixed height in Streamlit's
# eyes (a chart then stretches to the room left); its real height is set here.
STYLE = """
<style>
[data-testid='stMain'] [data-testid='stMainBlockContainer'] {padding: 3.25rem 1.5rem 0.75rem 1.5rem;
  height: 100dvh;}
[data-testid='stMain'] [data-testid='stMainBlockContainer'] > .stVerticalBlock {height: 100%;}
[data-testid='stMain'] div:has(> .st-key-presentasi_slide) {flex: 1 1 0; min-height: 0; height: auto;}
[data-testid='stMain'] .stVerticalBlock.st-key-presentasi_slide {height: 100%; overflow: hidden;
  gap: 1vh;}
.st-key-presentasi_slide h1.judul {font-size: clamp(34px, 5.2vh, 64px); line-height: 1.15;
  font-weight: 700; margin: 0; padding: 0.1em 0; color: #111827;}
.st-key-presentasi_slide h1.judul.pembuka {font-size: clamp(48px, 9vh, 110px); text-align: center;
  margin-top: 20vh;}
.st-key-presentasi_slide h1.judul.status-hijau, .st-key-presentasi_slide h1.judul.status-kuning,
.st-key-presentasi_slide h1.judul.status-merah {padding: 0.15em 0.4em;}
.st-key-presentasi_slide p.subjudul {font-size: clamp(24px, 3.2vh, 40px); margin: 0; color: #374151;}
.st-key-presentasi_slide p.subjudul.pembuka {text-align: center;}
.st-key-presentasi_slide .angka {display: grid; grid-template-columns: repeat(var(--kolom), 1fr);
  gap: 2vh 1.5rem;}
.st-key-presentasi_slide .angka > div {border-left: 6px solid #9ca3af; padding: 0.1em 0.6em;}
.st-key-presentasi_slide .angka .nama {font-size: clamp(24px, 3vh, 36px); color: #374151;}
.st-key-presentasi_slide .angka .nilai {font-size: clamp(44px, 9vh, 110px); font-weight: 700;
  line-height: 1.1; color: #111827;}
.st-key-presentasi_slide .angka.kecil .nilai {font-size: clamp(36px, 6vh, 76px);}
.st-key-presentasi_slide .angka .catatan {font-size: clamp(24px, 2.8vh, 34px); color: #4b5563;}
.st-key-presentasi_slide table.slide {border-collapse: collapse; width: 100%; color: #111827;
  font-size: clamp(24px, 2.7vh, 32px); line-height: 1.15;}
.st-key-presentasi_slide table.slide th {text-align: left; border-bottom: 3px solid #374151;
  padding: 0.1em 0.4em; font-weight: 700;}
.st-key-presentasi_slide table.slide td {padding: 0.04em 0.4em; border-bottom: 1px solid #d1d5db;}
.st-key-presentasi_slide table.slide .angka-sel {text-align: right; font-variant-numeric: tabular-nums;}
.st-key-presentasi_slide table.slide tr.total td {font-weight: 700; border-top: 3px solid #374151;}
[data-testid='stMain'] div:has(> .st-key-presentasi_peta) {flex: 1 1 0; min-height: 0; height: auto;}
.st-key-presentasi_slide ul.kunci-peta {list-style: none; margin: 0; padding: 0; color: #111827;
  font-size: clamp(24px, 2.7vh, 32px); line-height: 1.25;}
.st-key-presentasi_slide ul.kunci-peta li {display: flex; justify-content: space-between; gap: 1em;
  padding: 0 0.4em; margin: 0 0 2px 0;}
[data-testid='stMain'] .st-key-presentasi_kaki {height: 3rem; gap: 0.5rem;}
.st-key-presentasi_kaki .kaki {font-size: clamp(14px, 1.6vh, 20px); color: #4b5563; line-height: 1.3;}
.st-key-presentasi_kaki .kaki .nomor {font-weight: 700; color: #111827; margin-right: 0.6em;}
.st-key-presentasi_kaki .kaki .simulasi {background: #fdecc0; color: #7a4d00; font-weight: 700;
  padding: 0 0.4em; border-radius: 4px; margin-left: 0.4em;}
.st-key-presentasi_pageup, .st-key-presentasi_pagedown {display: none;}
</style>
"""
# A status tints the verdict's title and the status cells, with its colour as a bar at the left.
STATUS_STYLE = (
    "<style>"
    + "".join(
        f".st-key-presentasi_slide .{STATUS_CLASSES[name]} {{background: {STATUS_TINTS[name]};"
        f" border-left: 10px solid {STATUS_COLOURS[name]};}}"
        for name in STATUS_TINTS
    )
    + "</style>"
)


# --- The deck, built once per version --------------------------------------------------------------------


@ui.shared_per_version
def meeting(frame: ui.Frame, since: dt.date, names: bool, folder: Path | None) -> story.Deck:
    """The meeting's deck for the frame compared with `since`, built once per warehouse version and kept
    for every session of the viewer's scope: nobody changes it (a slide draws a copy of its chart)."""
    return story.build(ui.ask, frame, since=since, names=names, folder=folder)


@ui.shared_per_version
def projected_chart(frame: ui.Frame, since: dt.date, names: bool, folder: Path | None, index: int):
    """Slide `index`'s chart as the slide draws it (for_projector), kept like the deck."""
    chart = meeting(frame, since, names, folder).slides[index].chart
    return None if chart is None else for_projector(chart)


@ui.shared_per_version
def daily_report(frame: ui.Frame, folder: Path | None) -> report.Report:
    """The one-page daily report (its map drawn once), kept like the deck."""
    return report.build(ui.ask, frame, folder)


# --- Charts for the back of the room -----------------------------------------------------------------


def for_projector(figure: go.Figure) -> go.Figure:
    """A copy of `figure` with every text at least MIN_FONT_PX in a dark ink, and no fixed height (the
    slide gives it the room left); a map fills that height."""
    big = readable(go.Figure(figure), MIN_FONT_PX, placed=MIN_FONT_PX, ink=INK)
    big.update_layout(height=None)
    if big.layout.map.zoom is not None:
        fill_height(big)
    return big


def fill_height(figure: go.Figure) -> None:
    """Let a map fill the slide's height, whatever the window. Plotly fits no choropleth to its room, but
    MapLibre zooms a map in until the view lies within the map's bounds: bounds as tall as what the map
    draws (with a margin) and far wider make it fill the height. The colour bar moves to the side, where
    a slide has room to spare."""
    west, south, east, north = _extent(figure)
    margin = (north - south) * MAP_MARGIN
    south, north = south - margin, north + margin
    half_width = math.degrees(_mercator(north) - _mercator(south)) * WIDE_BOUNDS / 2  # in longitude
    centre = (west + east) / 2
    figure.update_layout(
        map_center={"lon": centre, "lat": (south + north) / 2},
        map_zoom=0,  # below what the bounds allow: MapLibre raises it to them
        map_bounds={"west": centre - half_width, "east": centre + half_width, "south": south, "north": north},
        margin={"l": 0, "r": COLOUR_BAR_PX, "t": 0, "b": 2 * MIN_FONT_PX if figure.layout.annotations else 0},
        coloraxis_colorbar={
            "orientation": "v",
            "x": 1.0,
            "xanchor": "left",
            "y": 0.5,
            "yanchor": "middle",
            "len": 0.9,
            "thickness": MIN_FONT_PX,
        },
    )
    figure.update_annotations(yanchor="top")  # a note (no boundaries) goes under the map, not over it


def _extent(figure: go.Figure) -> tuple[float, float, float, float]:
    """West, south, east and north of everything the map's traces draw: shapes, points and labels."""
    points = []
    for trace in figure.data:
        if getattr(trace, "geojson", None):
            points += _positions(trace.geojson)
        if getattr(trace, "lat", None) is not None:
            points += [(lon, lat) for lon, lat in zip(trace.lon, trace.lat, strict=True) if lat is not None]
    lons, lats = zip(*points, strict=True)
    return min(lons), min(lats), max(lons), max(lats)


def _positions(geojson) -> list[tuple[float, float]]:
    """Every (longitude, latitude) in a GeoJSON object or its coordinates, however deeply nested."""
    if isinstance(geojson, dict):
        return [point for value in geojson.values() for point in _positions(value)]
    if (
        isinstance(geojson, list | tuple)
        and len(geojson) >= 2
        and all(isinstance(v, float | int) for v in geojson[:2])
    ):
        return [(float(geojson[0]), float(geojson[1]))]
    if isinstance(geojson, list | tuple):
        return [point for item in geojson for point in _positions(item)]
    return []


def _mercator(lat: float) -> float:
    """The Web Mercator height of latitude `lat`, in radians of longitude."""
    return math.log(math.tan(math.pi / 4 + math.radians(lat) / 2))


# --- Which slide -----------------------------------------------------------------------------------------


def slide_number(count: int) -> int:
    """The slide the URL names, brought within 1..count (anything unreadable is the first)."""
    try:
        number = int(st.query_params.get(SLIDE, "1"))
    except ValueError:
        number = 1
    return min(max(number, 1), count)


def step(by: int, count: int) -> None:
    """Move `by` slides from the one the URL names when the key is pressed (a second press before the
    page has redrawn moves on from the first's slide), never past the first or the last."""
    st.query_params[SLIDE] = str(min(max(slide_number(count) + by, 1), count))


# --- The slide as HTML: every text escaped --------------------------------------------------------------


def _text(value) -> str:
    return html.escape(str(value))


def heading(slide: story.Slide) -> str:
    """The slide's message, tinted by its status when it is the area's verdict; the opening slide's
    centred and larger."""
    classes = ["judul"]
    if slide.key == "judul":
        classes.append("pembuka")
    if slide.status in STATUS_CLASSES:
        classes.append(STATUS_CLASSES[slide.status])
    text = f"<h1 class='{' '.join(classes)}'>{_text(slide.title)}</h1>"
    if slide.subtitle:
        opening = " pembuka" if slide.key == "judul" else ""
        text += f"<p class='subjudul{opening}'>{_text(slide.subtitle)}</p>"
    return text


def figures(slide: story.Slide) -> str:
    """The big numbers, three to a row (four when there are four); smaller beside a table or a chart."""
    cards = "".join(
        f"<div><div class='nama'>{_text(figure.label)}</div><div class='nilai'>{_text(figure.value)}</div>"
        + (f"<div class='catatan'>{_text(figure.note)}</div>" if figure.note else "")
        + "</div>"
        for figure in slide.figures
    )
    columns = 4 if len(slide.figures) == 4 else min(len(slide.figures), 3)
    size = " kecil" if slide.table is not None or slide.chart is not None else ""
    return f"<div class='angka{size}' style='--kolom: {columns}'>{cards}</div>"


def table(data: story.SlideTable) -> str:
    """The slide's table: figures right-aligned, the status cells tinted, a total row set apart."""
    figures_only = [not any(_wordy(row[i]) for row in data.rows) for i in range(len(data.header))]
    head = "".join(
        f"<th class='{'angka-sel' if figure else ''}'>{_text(name)}</th>"
        for name, figure in zip(data.header, figures_only, strict=True)
    )
    rows = []
    for n, (cells, status) in enumerate(zip(data.rows, _statuses(data), strict=True)):
        kinds = ["angka-sel" if figure else "" for figure in figures_only]
        if data.status_column is not None and status in STATUS_CLASSES:
            kinds[data.status_column] = STATUS_CLASSES[status]
        tds = "".join(
            f"<td class='{kind}'>{_text(cell)}</td>" for kind, cell in zip(kinds, cells, strict=True)
        )
        total = data.total_row and n == len(data.rows) - 1
        rows.append(f"<tr class='{'total' if total else ''}'>{tds}</tr>")
    return f"<table class='slide'><thead><tr>{head}</tr></thead><tbody>{''.join(rows)}</tbody></table>"


def _wordy(cell: str) -> bool:
    return any(character.isalpha() for character in cell)


def _statuses(data: story.SlideTable) -> tuple[str | None, ...]:
    """Each row's status (None for all when the table has no status column)."""
    return data.statuses or (None,) * len(data.rows)


def footer(deck: story.Deck, number: int, frame: ui.Frame) -> str:
    """The slide's number, the day shown, the data's last day, the load, the source, the simulated mark."""
    count = len(deck.slides)
    spoken = _text(frame.t("presentasi.nomor", nomor=number, jumlah=count))
    mark = f"<span class='simulasi'>{_text(deck.simulated)}</span>" if deck.simulated else ""
    return (
        f"<div class='kaki'><span class='nomor' aria-label='{spoken}'>{number} / {count}</span>"
        f"{_text(deck.footer)}{mark}</div>"
    )


# --- The page --------------------------------------------------------------------------------------------


def draw_slide(deck: story.Deck, index: int, chart: go.Figure | None, frame: ui.Frame) -> None:
    slide = deck.slides[index]
    with st.container(key="presentasi_slide", height=600, border=False):
        st.html(heading(slide))
        if slide.figures:
            st.html(figures(slide))
        if slide.table is not None:
            st.html(table(slide.table))
        if slide.key == "peta":  # the areas listed beside the map, or alone when there is none
            with st.container(horizontal=True, key="presentasi_peta", height=400, border=False, gap="medium"):
                st.html(map_key(deck, frame), width="content")
                if chart is not None:
                    st.plotly_chart(chart, height="stretch", config=CHART_CONFIG)
        elif chart is not None:
            st.plotly_chart(chart, height="stretch", config=CHART_CONFIG)


def map_key(deck: story.Deck, frame: ui.Frame) -> str:
    """The map's areas with their gaps, furthest behind first, beside the map: at a projector's type
    size the labels of small areas collide on the map, and MapLibre leaves those out. The ranking
    slide's table holds the same areas in that order (the province's total row left out)."""
    ranking = next(slide.table for slide in deck.slides if slide.key == "peringkat")
    gap = ranking.header.index(frame.t("kolom.selisih"))
    rows = ranking.rows[:-1] if ranking.total_row else ranking.rows
    lines = "".join(
        f"<li class='{STATUS_CLASSES.get(status, '')}'><span>{_text(row[0])}</span>"
        f"<span class='angka-sel'>{_text(row[gap])}</span></li>"
        for row, status in zip(rows, _statuses(ranking), strict=False)  # the total row has a status too
    )
    return f"<ul class='kunci-peta'>{lines}</ul>"


def controls(deck: story.Deck, number: int, frame: ui.Frame, folder: Path | None) -> None:
    """The footer, the buttons and the popovers in one row under the slide. A button takes one key, so
    PageUp and PageDown have buttons of their own, not shown."""
    count, t = len(deck.slides), frame.t
    with st.container(horizontal=True, key="presentasi_kaki", vertical_alignment="center", wrap=False):
        st.html(footer(deck, number, frame), width="stretch")
        for key, by, shortcut, icon, words in (
            ("presentasi_mundur", -1, "left", ":material/arrow_back:", "presentasi.mundur"),
            ("presentasi_maju", 1, "right", ":material/arrow_forward:", "presentasi.maju"),
            ("presentasi_pageup", -1, "pageup", ":material/arrow_back:", "presentasi.mundur"),
            ("presentasi_pagedown", 1, "pagedown", ":material/arrow_forward:", "presentasi.maju"),
        ):
            st.button(icon, key=key, on_click=step, args=(by, count), shortcut=shortcut, help=t(words))
        with st.popover(t("presentasi.catatan"), icon=":material/speaker_notes:"):
            st.text(deck.slides[number - 1].notes)
        downloads(deck, frame, folder)


def downloads(deck: story.Deck, frame: ui.Frame, folder: Path | None) -> None:
    """The meeting deck (PowerPoint, PDF) and the daily report (PDF, phone picture), once the popover is
    opened (the report draws its map). Each file is made when its button is clicked, on a thread of its
    own that can ask the warehouse nothing: the deck and the report are built before."""
    t = frame.t
    files = st.popover(
        t("presentasi.unduh"), icon=":material/download:", on_change="rerun", key="presentasi_unduh"
    )
    if not files.open:
        return
    with files:
        with st.spinner(t("presentasi.menyiapkan")):
            daily = daily_report(frame, folder)
        for words, write, source, ext in (
            ("presentasi.bahan_pptx", pptx_deck.write, deck, "pptx"),
            ("presentasi.bahan_pdf", pdf_deck.write, deck, "pdf"),
            ("presentasi.laporan_pdf", report.pdf, daily, "pdf"),
            ("presentasi.laporan_png", report.png, daily, "png"),
        ):
            name = source.file_name(story.area_code(frame), ext)
            st.download_button(
                t(words),
                functools.partial(write, source),
                name,
                MIMES[ext],
                on_click="ignore",
                width="stretch",
            )


ui.add_words(WORDS)
st.set_page_config(initial_sidebar_state="collapsed")
st.html(STYLE + STATUS_STYLE)
frame = ui.frame()
with st.sidebar:
    since = ui.compare_day(frame)
folder = ui.maps.boundaries_folder()
args = (frame, since, ui.may_ask("petugas_kinerja"), folder)
deck = meeting(*args)
number = slide_number(len(deck.slides))
st.query_params[SLIDE] = str(number)
draw_slide(deck, number - 1, projected_chart(*args, number - 1), frame)
controls(deck, number, frame, folder)
