"""Figures for the form-pipeline page: pure plotly builders, words and hover text passed in."""

import pandas as pd
import plotly.graph_objects as go
from plotly.subplots import make_subplots

from pages.charts.fonts import FONT_PX, readable

# Age of the wait, light to dark: older backlogs stand out; the legend names every bucket.
BUCKET_COLOURS = {"0-3": "#fdd49e", "4-7": "#fc8d59", "8-14": "#d7301f", ">14": "#7f0000"}
STEPS = ("periksa", "terima")
# Above the plot: the legend, then the panels' titles; below it the ticks and the axes' titles.
MARGIN = {"l": 10, "r": 10, "t": 100, "b": 70}
PANEL_TITLE_PX = 30


def backlog_bars(
    backlog: pd.DataFrame,
    *,
    step_titles: dict[str, str],
    bucket_labels: dict[str, str],
    words: dict[str, str],
) -> go.Figure:
    """Forms waiting per regency, stacked by age bucket, one panel per step, from `backlog`
    (nama_pendek, tahap, kelompok, keluarga, hover)."""
    regencies = sorted(backlog.nama_pendek.unique(), reverse=True)  # alphabetical from the top
    fig = make_subplots(
        rows=1,
        cols=len(STEPS),
        shared_yaxes=True,
        horizontal_spacing=0.04,
        subplot_titles=[step_titles[step] for step in STEPS],
    )
    for column, step in enumerate(STEPS, start=1):
        for bucket, colour in BUCKET_COLOURS.items():
            cells = backlog[(backlog.tahap == step) & (backlog.kelompok == bucket)].set_index("nama_pendek")
            cells = cells.reindex(regencies)
            fig.add_trace(
                go.Bar(
                    x=cells.keluarga.fillna(0),
                    y=regencies,
                    orientation="h",
                    name=bucket_labels[bucket],
                    legendgroup=bucket,
                    showlegend=column == 1,
                    marker={"color": colour},
                    text=cells.hover.fillna(""),
                    textposition="none",
                    hovertemplate="%{text}<extra></extra>",
                ),
                row=1,
                col=column,
            )
        fig.update_xaxes(title_text=words["sumbu_x"], rangemode="tozero", row=1, col=column)
    fig.update_annotations(font_size=FONT_PX + 1)
    height = max(320, 46 * len(regencies) + 190)
    fig.update_layout(
        barmode="stack",
        height=height,
        separators=",.",
        # Above the panels' titles: a legend's place is a share of the plot's height, fixed here.
        legend={
            "orientation": "h",
            "y": 1 + PANEL_TITLE_PX / (height - MARGIN["t"] - MARGIN["b"]),
            "yanchor": "bottom",
            "x": 0,
            "title": {"text": words["legenda"]},
        },
        margin=MARGIN,
        plot_bgcolor="#ffffff",
    )
    # Whole forms with Indonesian separators (5.000, not plotly's "5k"); a step of 1 on short bars.
    longest = backlog.groupby(["tahap", "nama_pendek"]).keluarga.sum().max()
    fig.update_xaxes(showgrid=True, gridcolor="#e5e5e5", tickformat=",", dtick=1 if longest <= 10 else None)
    return readable(fig)
