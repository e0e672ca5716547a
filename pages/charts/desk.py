"""Figures for the collective-desk page: pure plotly builders, words and hover text passed in."""

from collections.abc import Callable

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from pages.charts.fonts import readable

# Light to dark blue: arrivals are a count, not a status, so no traffic-light colours.
ARRIVAL_SCALE = [[0.0, "#eef4fb"], [0.5, "#6baed6"], [1.0, "#08306b"]]
AREA_COLOURS = {"provinsi": "#08519c", "kabupaten": "#e6550d"}


def _layout(fig: go.Figure, height: int, top: int, bottom: int) -> go.Figure:
    """The look both desk charts share; `top` and `bottom` hold what each draws above and below its plot
    (a picture of it adds its title and source beyond them)."""
    fig.update_layout(
        height=height,
        separators=",.",
        margin={"l": 10, "r": 10, "t": top, "b": bottom},
        plot_bgcolor="#ffffff",
    )
    return readable(fig)


def arrivals_heatmap(
    arrivals: pd.DataFrame,
    *,
    day_label: Callable[[pd.Timestamp], str],
    hour_label: Callable[[int], str],
    words: dict[str, str],
) -> go.Figure:
    """Arrivals by hour of day (rows) and day (columns), from `arrivals` (tanggal, jam, kedatangan,
    hover). Every day from the first to the last is a column, so closed days show as gaps; an hour
    without arrivals on a day with some reads 0."""
    days = pd.date_range(arrivals.tanggal.min(), arrivals.tanggal.max(), freq="D")
    hours = range(int(arrivals.jam.min()), int(arrivals.jam.max()) + 1)
    counts = arrivals.pivot(index="jam", columns="tanggal", values="kedatangan").reindex(
        index=hours, columns=days
    )
    open_days = counts.notna().any()
    counts.loc[:, open_days] = counts.loc[:, open_days].fillna(0)
    top = max(float(arrivals.kedatangan.max()), 1.0)
    hover = arrivals.pivot(index="jam", columns="tanggal", values="hover").reindex(index=hours, columns=days)
    fig = go.Figure(
        go.Heatmap(
            z=counts.to_numpy(dtype=float),
            x=[day_label(day) for day in days],
            y=[hour_label(hour) for hour in hours],
            text=hover.astype(object).fillna("").to_numpy(),
            hovertemplate="%{text}<extra></extra>",
            texttemplate="%{z:.0f}" if len(days) <= 31 else None,
            textfont={"size": 14},
            colorscale=ARRIVAL_SCALE,
            zmin=0,
            zmax=top,
            hoverongaps=False,
            xgap=2,
            ygap=2,
            # Whole families on the scale: a step of 1 while the counts are small.
            colorbar={"title": {"text": words["skala"], "side": "right"}, "dtick": 1 if top <= 5 else None},
        )
    )
    slanted = len(days) > 10
    fig.update_xaxes(title_text=words["sumbu_x"], type="category", tickangle=-45 if slanted else 0)
    fig.update_yaxes(title_text=words["sumbu_y"], type="category", autorange="reversed")
    return _layout(fig, height=max(360, 48 * len(hours) + 160), top=40, bottom=115 if slanted else 70)


def share_lines(
    shares: pd.DataFrame,
    *,
    names: dict[str, str],
    day_label: Callable[[pd.Timestamp], str],
    words: dict[str, str],
) -> go.Figure:
    """Cumulative share of families registered at a desk, one line per area, from `shares`
    (kode_wilayah, tanggal, porsi_persen, hover); `names` maps kode_wilayah to the legend's name,
    province first. Days are labelled by the page (Indonesian month names)."""
    fig = go.Figure()
    for (code, name), colour in zip(names.items(), AREA_COLOURS.values(), strict=False):
        area = shares[shares.kode_wilayah == code]
        fig.add_trace(
            go.Scatter(
                x=[day_label(day) for day in area.tanggal],
                y=area.porsi_persen,
                name=name,
                mode="lines+markers",
                line={"color": colour, "width": 3},
                marker={"size": 6},
                text=area.hover,
                hovertemplate="%{text}<extra></extra>",
            )
        )
    top = np.nanmax(shares.porsi_persen.to_numpy(dtype=float), initial=0.0)
    fig.update_yaxes(
        title_text=words["sumbu_y"], ticksuffix="%", rangemode="tozero", range=[0, max(top * 1.15, 1)]
    )
    fig.update_xaxes(title_text=words["sumbu_x"], type="category", nticks=12)
    fig.update_layout(legend={"orientation": "h", "y": 1.02, "yanchor": "bottom", "x": 0})
    return _layout(fig, height=420, top=55, bottom=80)
