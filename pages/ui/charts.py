"""Charts as every page shows them: the figure across its column, and under it a small button for a PNG
of it that says what it shows (title, area, day, source, the simulated mark; pages/charts/pictures.py),
drawn only when the button is clicked. Plotly's own camera button is left out: one way to a picture.
"""

import functools
from collections.abc import Callable

import plotly.graph_objects as go
import streamlit as st

from pages.charts import pictures
from pages.ui.asking import kept_per_version, qualified_name
from pages.ui.formats import utc_as_wita
from pages.ui.state import Frame
from pages.ui.widgets import area_name, as_of_line
from queries.rules import PROVINCE

CONFIG = {"displaylogo": False, "modeBarButtonsToRemove": ["toImage"]}
PICTURE_WIDTH = 1280  # px of a picture, as wide as a projector's screen
PICTURE_SCALE = 2  # sharp on a slide and in print


def chart(
    make: Callable[..., go.Figure],
    frame: Frame,
    *args,
    title: str,
    name: str,
    width: int | str = "stretch",
    still: Callable[[go.Figure], go.Figure] | None = None,
    **options,
) -> None:
    """The figure make(frame, *args) with its PNG button. The figure is made once per warehouse
    version, viewer's scope, frame and `args` (small values), and the chart drawn from it is replayed
    on later runs, so a view neither builds nor serialises it again; a selectable chart (`options`
    with on_select: a widget) is drawn from the kept figure on every run. `title` (plain text) heads
    the picture, `name` ("<page>_<chart>") names its file with the area and the day:
    pantau_ringkasan_peta_64_2022-11-05.png. `width`: the chart's (a narrower column narrows it);
    `still`: the figure a picture is drawn from, when not the one shown as it is. Never inside a
    cached section: the button is a widget."""
    figure = figure_of(make, frame, *args)
    if options:
        st.plotly_chart(figure, width=width, config=CONFIG, **options)
    else:
        drawn = functools.partial(_plot, make)
        kept_per_version(f"{qualified_name(make)}:drawn", drawn, width, frame, *args)
    texts = {
        "title": title,
        "subtitle": as_of_line(frame, area_name(frame)),
        "source": frame.t("tabel.sumber")
        + " · "
        + frame.t("frame.dimuat", waktu=utc_as_wita(frame.loaded_at, frame.lang)),
        "simulated_mark": frame.t("frame.simulasi_singkat") if frame.simulated else None,
    }
    st.download_button(
        frame.t("grafik.png"),
        data=functools.partial(_picture, figure, texts, still),
        file_name=f"pantau_{name}_{frame.kode_kab or PROVINCE}_{frame.as_of.isoformat()}.png",
        mime="image/png",
        on_click="ignore",
        type="tertiary",
        icon=":material/download:",
        help=frame.t("grafik.png_bantuan"),
    )


def figure_of(make: Callable[..., go.Figure], frame: Frame, *args) -> go.Figure:
    """make(frame, *args), kept per warehouse version and shared by every run: nobody may change it."""
    return kept_per_version(qualified_name(make), functools.partial(_kept, make), frame, *args, shared=True)


def _kept(make: Callable[..., go.Figure], *args) -> go.Figure:
    return KeptFigure(make(*args))


class KeptFigure(go.Figure):
    """A figure that nobody changes once made: its dict (what st.plotly_chart sends) is made once, where
    plotly copies the whole figure on every to_dict. A selectable map is drawn on every run (a widget
    cannot be replayed), and that copy was a third of the Wilayah page's run."""

    def to_dict(self) -> dict:
        if getattr(self, "_kept_dict", None) is None:
            self._kept_dict = super().to_dict()
        return self._kept_dict


def _plot(make: Callable[..., go.Figure], width: int | str, frame: Frame, *args) -> None:
    st.plotly_chart(figure_of(make, frame, *args), width=width, config=CONFIG)


def _picture(figure: go.Figure, texts: dict, still: Callable[[go.Figure], go.Figure] | None) -> bytes:
    picture = pictures.stamped(still(figure) if still else figure, **texts)
    return pictures.png(picture, PICTURE_WIDTH, picture.layout.height, PICTURE_SCALE)
