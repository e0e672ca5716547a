"""Figures of the officers page: pure plotly builders (no Streamlit), words and hover text passed in."""

import pandas as pd
import plotly.graph_objects as go

from pages.charts.fonts import readable
from queries.rules import STATUS_COLOURS

OVERLOAD_COLOUR = STATUS_COLOURS["merah"]  # the overload limit marks officers in trouble

FONT_PX = 16
INK = "#222222"
POINT = "#2c5f8a"
ROW_PX = 64  # height per regency row


def spread_figure(
    points: pd.DataFrame,
    title: str,
    axis_title: str,
    limits: pd.DataFrame | None = None,
    limit_name: str = "",
) -> go.Figure:
    """One horizontal box per regency (`nama_pendek`, in the order given, first on top) with its officers
    drawn as points beside it. `points` holds one row per point (its value `nilai` and `hover` text) and,
    on each, its regency's box as plotly would draw it from every officer (q1, median, q3, and the
    whiskers' ends bawah and atas): the points may be a sample, the box is the whole regency's.
    `limits` (columns nama_pendek, batas, hover) marks a per-regency threshold, such as the workload
    above which an officer counts as overloaded."""
    regencies = points.groupby("nama_pendek", sort=False)
    boxes = regencies.first()
    figure = go.Figure(
        go.Box(
            # Given its statistics, a box takes its points as one list per box.
            x=[group.nilai.tolist() for _, group in regencies],
            y=boxes.index.tolist(),
            q1=boxes.q1.tolist(),
            median=boxes["median"].tolist(),
            q3=boxes.q3.tolist(),
            lowerfence=boxes.bawah.tolist(),
            upperfence=boxes.atas.tolist(),
            orientation="h",
            boxpoints="all",
            jitter=0.5,
            pointpos=-1.7,  # the points beside their box, so they hide neither median nor quartiles
            hoveron="points",
            # As its points, one list per box: plotly.py would turn a list of lists of text into text.
            customdata=[group.hover.tolist() for _, group in regencies],
            hovertemplate="%{customdata}<extra></extra>",
            marker={"color": POINT, "size": 6, "opacity": 0.5},
            line={"color": INK, "width": 2},
            fillcolor="rgba(44, 95, 138, 0.15)",
            showlegend=False,
        )
    )
    if limits is not None and len(limits):
        figure.add_trace(
            go.Scatter(
                x=limits.batas,
                y=limits.nama_pendek,
                mode="markers",
                name=limit_name,
                marker={"symbol": "line-ns-open", "size": 34, "color": OVERLOAD_COLOUR, "line": {"width": 3}},
                hovertext=limits.hover,
                hovertemplate="%{hovertext}<extra></extra>",
            )
        )
    figure.update_layout(
        title={"text": title, "font": {"size": FONT_PX + 3}},
        font={"size": FONT_PX, "color": INK},
        separators=",.",
        height=150 + ROW_PX * max(len(boxes), 2),
        margin={"l": 10, "r": 20, "t": 110, "b": 80},  # room for the legend, so both charts align
        plot_bgcolor="white",
        legend={"orientation": "h", "x": 0, "y": 1.01, "yanchor": "bottom"},
    )
    ink = {"color": INK}
    figure.update_xaxes(
        title={"text": axis_title, "font": ink}, tickfont=ink, rangemode="tozero", gridcolor="#e5e5e5"
    )
    figure.update_yaxes(
        categoryorder="array",
        categoryarray=boxes.index.tolist(),
        autorange="reversed",
        automargin=True,
        tickfont=ink,
    )
    return readable(figure, FONT_PX)
