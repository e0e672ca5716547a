"""Figures of the officers page: pure plotly builders (no Streamlit), words and hover text passed in."""

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from pages.charts.fonts import readable
from queries.rules import STATUS_COLOURS

OVERLOAD_COLOUR = STATUS_COLOURS["merah"]  # the overload limit marks officers in trouble

FONT_PX = 16
INK = "#222222"
POINT = "#2c5f8a"
ROW_PX = 64  # height per regency row


def even_sample(rows: pd.DataFrame, group_column: str, value_column: str, limit: int) -> pd.DataFrame:
    """Per group, every row when it has at most `limit`, else `limit` rows spread evenly over its rows
    ordered by `value_column` (every k-th, lowest and highest included): the sample's quartiles are the
    group's, to within one step. Groups in order of `group_column`."""
    parts = []
    for _, group in rows.groupby(group_column, sort=True):
        if len(group) > limit:
            ordered = group.sort_values(value_column, na_position="first")
            group = ordered.iloc[np.unique(np.linspace(0, len(ordered) - 1, limit).round().astype(int))]
        parts.append(group)
    return pd.concat(parts) if parts else rows


def spread_figure(
    officers: pd.DataFrame,
    value_column: str,
    hover_column: str,
    title: str,
    axis_title: str,
    limits: pd.DataFrame | None = None,
    limit_name: str = "",
) -> go.Figure:
    """One horizontal box per regency (`nama_pendek`, in the order given, first on top) with every
    officer drawn as a point beside it. `limits` (columns nama_pendek, batas, hover) marks a per-regency
    threshold, such as the workload above which an officer counts as overloaded."""
    regencies = list(dict.fromkeys(officers.nama_pendek))
    figure = go.Figure(
        go.Box(
            x=officers[value_column],
            y=officers.nama_pendek,
            orientation="h",
            boxpoints="all",
            jitter=0.5,
            pointpos=-1.7,  # the points beside their box, so they hide neither median nor quartiles
            hoveron="points",
            hovertext=officers[hover_column],
            hovertemplate="%{hovertext}<extra></extra>",
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
        height=150 + ROW_PX * max(len(regencies), 2),
        margin={"l": 10, "r": 20, "t": 110, "b": 80},  # room for the legend, so both charts align
        plot_bgcolor="white",
        legend={"orientation": "h", "x": 0, "y": 1.01, "yanchor": "bottom"},
    )
    ink = {"color": INK}
    figure.update_xaxes(
        title={"text": axis_title, "font": ink}, tickfont=ink, rangemode="tozero", gridcolor="#e5e5e5"
    )
    figure.update_yaxes(
        categoryorder="array", categoryarray=regencies, autorange="reversed", automargin=True, tickfont=ink
    )
    return readable(figure, FONT_PX)
