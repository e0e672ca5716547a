"""The maps as every page draws them, one path to geo.maps: the colour choice, each area's hover, the
figure with the regencies' capitals from the warehouse and each area's figure on its label, the map
shown with its picture (`show`), and the note on the boundaries used.
"""

from collections.abc import Callable
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from geo import boundaries_dir
from geo.boundaries import CodeMatch, load_boundaries, match_codes
from geo.maps import MAP_AREA_PX, area_map, at_fixed_zoom
from pages.ui.asking import ask
from pages.ui.charts import chart
from pages.ui.formats import number, percent, plain, plain_plotly, points
from pages.ui.state import Frame

# The measures a map can be coloured by, their words, and how each area's label writes its value.
COLOURS = {"selisih": "peta.warna_selisih", "capaian": "peta.warna_capaian"}
VALUE_COLUMNS = {"selisih": "selisih", "capaian": "persen"}
LABEL_FORMATS = {"selisih": points, "capaian": percent}


def colour_choice(name: str, frame: Frame) -> str:
    """The measure to colour a map by. One widget per language (its label changes the widget), the
    choice carried across in the session under `name`."""
    options = list(COLOURS)
    colour = st.radio(
        frame.t("peta.warnai"),
        options,
        index=options.index(st.session_state.get(name, "selisih")),
        horizontal=True,
        key=f"{name}_{frame.lang}",
        format_func=lambda option: frame.t(COLOURS[option]),
    )
    st.session_state[name] = colour
    return colour


def area_hover(name: str, row, status_words: str, frame: Frame, *more: str) -> str:
    """An area's hover: its name, families registered of target, plan, gap and status, then `more`
    lines of the page's own. `row` has terdata, target_keluarga, persen, harapan_persen and selisih."""
    t = frame.t
    lines = [
        f"<b>{plain_plotly(name)}</b>",
        t("peta.hover_terdata", terdata=number(row.terdata), target=number(row.target_keluarga))
        + f" ({percent(row.persen)})",
        t("peta.hover_rencana", rencana=percent(row.harapan_persen)),
        t("peta.hover_selisih", selisih=points(row.selisih)) + f" · {status_words}",
        *more,
    ]
    return "<br>".join(lines)


def boundaries_folder() -> Path | None:
    """Where the boundary files are (geo.boundaries_dir): a page passes it to `figure` as an argument, so
    that a figure kept per version is kept per folder too."""
    return boundaries_dir()


def figure(
    areas: pd.DataFrame,
    *,
    level: str,
    colour: str,
    folder: Path | None,
    frame: Frame,
    highlight: str | None = None,
) -> tuple[go.Figure | None, CodeMatch]:
    """The map of `areas` (kode, nama, target_keluarga, persen, selisih, hover) at `level`, coloured by
    `colour`, each area labelled with its name and that value, over the boundaries in `folder`, and how
    the areas' codes matched them. Without boundaries the regencies are circles at their capitals, which
    come from the warehouse. `highlight`: the code of an area to outline."""
    boundaries = load_boundaries(level, folder)
    value = VALUE_COLUMNS[colour]
    areas = areas.assign(angka=areas[value].map(LABEL_FORMATS[colour]))
    if level == "kabupaten":
        capitals = ask("daftar_kabupaten")[["kode_kab", "ibukota_lat", "ibukota_lon"]]
        areas = areas.merge(capitals, left_on="kode", right_on="kode_kab", how="left")
    drawn = area_map(
        areas,
        level=level,
        value_column=value,
        hover_column="hover",
        label_column="angka",
        fit_width=True,
        scale=colour,
        colorbar_title=frame.t(COLOURS[colour]),
        boundaries=boundaries,
        no_boundaries_note=frame.t("peta.tanpa_berkas_batas"),
        highlight=highlight,
    )
    return drawn, match_codes(areas.kode, boundaries)


def show(make: Callable[..., go.Figure], frame: Frame, *args, title: str, name: str, **options) -> None:
    """The map make(frame, *args) with its PNG button (ui.chart), as wide as the area it is fitted to: a
    phone's narrower screen shows it whole, zoomed out; its picture keeps the zoom fitted for it."""
    chart(make, frame, *args, title=title, name=name, width=MAP_AREA_PX[0], still=at_fixed_zoom, **options)


def boundaries_note(match: CodeMatch, frame: Frame) -> None:
    """Which boundary file the map used, and the codes it found no polygon for."""
    if not match.source:
        return
    note = frame.t("peta.batas", sumber=match.source)
    if match.missing:
        note += " " + frame.t("peta.tanpa_batas", kode=plain(", ".join(match.missing)))
    st.caption(note)
