"""Charts as every page shows them: the figure across its column, and under it a small button for a PNG
of it that says what it shows (title, area, day, source, the simulated mark; pages/charts/pictures.py),
drawn only when the button is clicked. Plotly's own camera button is left out: one way to a picture.
"""

import functools
from collections.abc import Callable

import plotly.graph_objects as go
import streamlit as st

from pages.charts import pictures
from pages.ui.formats import utc_as_wita
from pages.ui.state import Frame
from pages.ui.widgets import area_name, as_of_line
from queries.rules import PROVINCE

CONFIG = {"displaylogo": False, "modeBarButtonsToRemove": ["toImage"]}
PICTURE_WIDTH = 1280  # px of a picture, as wide as a projector's screen
PICTURE_SCALE = 2  # sharp on a slide and in print


def chart(
    figure: go.Figure,
    frame: Frame,
    *,
    title: str,
    name: str,
    width: int | str = "stretch",
    still: Callable[[go.Figure], go.Figure] | None = None,
    **options,
) -> None:
    """`figure` with its PNG button. `title` (plain text) heads the picture, `name` ("<page>_<chart>")
    names its file with the area and the day: pantau_ringkasan_peta_64_2022-11-05.png. `width`: the
    chart's (a narrower column narrows it); `still`: the figure a picture is drawn from, when not the
    one shown as it is; `options` go to st.plotly_chart (a key, a selection). Never inside a cached
    section: the button is a widget."""
    st.plotly_chart(figure, width=width, config=CONFIG, **options)
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


def _picture(figure: go.Figure, texts: dict, still: Callable[[go.Figure], go.Figure] | None) -> bytes:
    picture = pictures.stamped(still(figure) if still else figure, **texts)
    return pictures.png(picture, PICTURE_WIDTH, picture.layout.height, PICTURE_SCALE)
