"""Figures of the schedule page: pure plotly builders, tested directly.

The page passes every word, label and hover text in the frame's language; dates on the axes come as
explicit ticks (`date_ticks`), because plotly would name the months in English.
"""

import datetime as dt
from dataclasses import dataclass

import pandas as pd
import plotly.graph_objects as go
from babel.dates import format_date
from plotly.subplots import make_subplots

from pages.charts.fonts import FONT_PX, readable

PLANNED = "#6c757d"  # grey, dashed: the plan
ACTUAL = "#1f5fa8"  # blue, solid: what happened
DAILY = "#9ecae1"
AS_OF = "#212529"
NEEDED = "#6f42c1"  # the pace a target needs: purple, apart from the status colours
MILESTONE = "#8a8f94"
HIGHLIGHT = "#eef4fb"
LABEL_ROW_HEIGHT = 22  # px
# Milestone labels are stacked so that none overlaps another; their widths are estimated for the
# narrowest plot the page is read on (a 1280 px projector, sidebar open).
NARROWEST_PLOT_PX = 850
LABEL_CHAR_PX = 7.5


@dataclass(frozen=True)
class Milestone:
    tanggal: dt.date
    label: str


@dataclass(frozen=True)
class Ticks:
    values: list[dt.date]
    texts: list[str]


@dataclass(frozen=True)
class CurveWords:
    planned: str
    actual: str
    y_title: str
    as_of: str  # the label of the as-of line, e.g. "Per 24 Okt 2022"


@dataclass(frozen=True)
class DailyWords:
    families: str
    average: str
    y_title: str
    needed: str | None = None  # the needed pace's name, e.g. "Perlu 1,0 per hari untuk 90% pada 14 Nov 2022"


def short_date(day: dt.date, lang: str) -> str:
    """A day without its year, as axes and milestone labels show it: "15 Okt"."""
    return format_date(day, "d MMM", locale=lang)


def date_ticks(first: dt.date, last: dt.date, days_of_month: tuple[int, ...], lang: str) -> Ticks:
    """Ticks on the given days of each month between first and last."""
    days = [day.date() for day in pd.date_range(first, last) if day.day in days_of_month]
    return Ticks(days, [short_date(day, lang) for day in days])


def _layout(figure: go.Figure, height: int, top: int = 30, bottom: int = 45) -> go.Figure:
    """The look every schedule chart shares; `top` and `bottom` hold what it draws above and below its
    plot (a picture of it adds its title and source beyond them)."""
    figure.update_layout(
        height=height,
        template="plotly_white",
        separators=",.",
        margin={"l": 10, "r": 20, "t": top, "b": bottom},
        hovermode="closest",
        legend={"x": 0.01, "y": 0.99, "bgcolor": "rgba(255,255,255,0.85)"},
    )
    return readable(figure)


def _line(data: pd.DataFrame, column: str, hover: str, name: str, color: str, dash: str, **extra):
    return go.Scatter(
        x=data.tanggal,
        y=data[column],
        name=name,
        mode="lines",
        line={"color": color, "dash": dash, "width": 3 if dash == "solid" else 2.5},
        text=data[hover],
        hovertemplate="%{text}<extra></extra>",
        **extra,
    )


def _as_of_line(figure: go.Figure, as_of: dt.date, label: str | None = None, axis: str = "") -> None:
    figure.add_shape(
        type="line",
        x0=as_of,
        x1=as_of,
        y0=0,
        y1=1,
        xref=f"x{axis}",
        yref=f"y{axis} domain",
        line={"color": AS_OF, "width": 2},
    )
    if label:
        figure.add_annotation(
            x=as_of, y=0, xref="x", yref="paper", text=label, showarrow=False,
            xanchor="left", yanchor="bottom", xshift=4, font={"color": AS_OF, "size": FONT_PX},
        )  # fmt: skip


def _label_extent(milestone: Milestone, first: dt.date, span: int) -> tuple[float, float, bool]:
    """Where a label reaches, in days from `first`, and whether it reads leftwards from its line
    (near the right edge, so that it stays inside the figure)."""
    day = (milestone.tanggal - first).days
    width = len(milestone.label) * LABEL_CHAR_PX * span / NARROWEST_PLOT_PX
    leftwards = day / span > 0.7
    return (day - width, day, True) if leftwards else (day, day + width, False)


def label_rows(milestones: list[Milestone], first: dt.date, last: dt.date) -> list[int]:
    """For each milestone in date order, the lowest row of labels where it overlaps no other."""
    span = (last - first).days or 1
    taken: list[list[tuple[float, float]]] = []
    rows = []
    for milestone in milestones:
        start, end, _ = _label_extent(milestone, first, span)
        free = (row for row, spans in enumerate(taken) if all(end < s or start > e for s, e in spans))
        row = next(free, len(taken))
        if row == len(taken):
            taken.append([])
        taken[row].append((start, end))
        rows.append(row)
    return rows


def _milestones(figure: go.Figure, milestones: list[Milestone], first: dt.date, last: dt.date) -> int:
    """Dotted lines at the schedule's dates, labelled above the plot; returns the rows of labels."""
    span = (last - first).days or 1
    milestones = sorted(milestones, key=lambda m: m.tanggal)
    rows = label_rows(milestones, first, last)
    for milestone, row in zip(milestones, rows, strict=True):
        figure.add_shape(
            type="line", x0=milestone.tanggal, x1=milestone.tanggal, y0=0, y1=1, xref="x", yref="paper",
            line={"color": MILESTONE, "width": 1.5, "dash": "dot"},
        )  # fmt: skip
        leftwards = _label_extent(milestone, first, span)[2]
        figure.add_annotation(
            x=milestone.tanggal,
            y=1,
            xref="x",
            yref="paper",
            text=milestone.label,
            showarrow=False,
            xanchor="right" if leftwards else "left",
            yanchor="bottom",
            yshift=4 + LABEL_ROW_HEIGHT * row,
            font={"color": "#495057", "size": FONT_PX - 1},
        )
    return max(rows, default=-1) + 1


def _date_axis(figure: go.Figure, ticks: Ticks, first: dt.date, last: dt.date) -> None:
    figure.update_xaxes(
        tickvals=ticks.values,
        ticktext=ticks.texts,
        range=[first - dt.timedelta(days=1), last + dt.timedelta(days=1)],
        showgrid=True,
    )


def progress_curve(
    curve: pd.DataFrame,
    milestones: list[Milestone],
    as_of: dt.date,
    ticks: Ticks,
    words: CurveWords,
) -> go.Figure:
    """Planned against actual cumulative completion of one area (columns tanggal, harapan_persen,
    persen, hover_rencana, hover_realisasi), with the schedule's milestones and the as-of day."""
    first, last = curve.tanggal.min().date(), curve.tanggal.max().date()
    actual = curve[curve.persen.notna()]
    figure = go.Figure(
        [
            _line(curve, "harapan_persen", "hover_rencana", words.planned, PLANNED, "dash"),
            _line(actual, "persen", "hover_realisasi", words.actual, ACTUAL, "solid"),
        ]
    )
    label_rows_used = _milestones(figure, milestones, first, last)
    _as_of_line(figure, as_of, words.as_of)
    _date_axis(figure, ticks, first, last)
    figure.update_yaxes(title=words.y_title, ticksuffix="%", rangemode="tozero")
    top = 30 + LABEL_ROW_HEIGHT * label_rows_used
    return _layout(figure, height=460 + top, top=top)


def regency_panels(
    curves: pd.DataFrame,
    as_of: dt.date,
    ticks: Ticks,
    words: CurveWords,
    highlight: str | None = None,
) -> go.Figure:
    """Small multiples, 2 rows of 5 with shared axes: one panel per regency (columns nama_pendek,
    tanggal, harapan_persen, persen, hover_rencana, hover_realisasi), in the order given; the
    highlighted regency's panel is shaded and its name set in bold."""
    names = list(dict.fromkeys(curves.nama_pendek))
    titles = [f"<b>{name}</b>" if name == highlight else name for name in names]
    figure = make_subplots(
        rows=2, cols=5, shared_xaxes=True, shared_yaxes=True, subplot_titles=titles,
        horizontal_spacing=0.015, vertical_spacing=0.14,
    )  # fmt: skip
    # Each line is named once in the legend, from a panel where it is drawn.
    with_plan = curves.loc[curves.harapan_persen.notna(), "nama_pendek"]
    with_actual = curves.loc[curves.persen.notna(), "nama_pendek"]
    for index, name in enumerate(names):
        row, col = index // 5 + 1, index % 5 + 1
        curve = curves[curves.nama_pendek == name]
        figure.add_trace(
            _line(curve, "harapan_persen", "hover_rencana", words.planned, PLANNED, "dash",
                  showlegend=not with_plan.empty and name == with_plan.iloc[0]),
            row=row, col=col,
        )  # fmt: skip
        actual = curve[curve.persen.notna()]
        figure.add_trace(
            _line(actual, "persen", "hover_realisasi", words.actual, ACTUAL, "solid",
                  showlegend=not with_actual.empty and name == with_actual.iloc[0]),
            row=row, col=col,
        )  # fmt: skip
        axis = "" if index == 0 else str(index + 1)
        if name == highlight:
            figure.add_shape(
                type="rect", x0=0, x1=1, y0=0, y1=1, xref=f"x{axis} domain", yref=f"y{axis} domain",
                fillcolor=HIGHLIGHT, line={"width": 0}, layer="below",
            )  # fmt: skip
        _as_of_line(figure, as_of, axis=axis)
    first, last = curves.tanggal.min().date(), curves.tanggal.max().date()
    _date_axis(figure, ticks, first, last)
    figure.update_yaxes(range=[0, 105], tickvals=[0, 50, 100], ticktext=["0%", "50%", "100%"])
    figure.update_yaxes(title=words.y_title, row=1, col=1)
    figure.update_yaxes(title=words.y_title, row=2, col=1)
    figure.update_annotations(font_size=FONT_PX)  # the panel titles
    _layout(figure, height=560, top=40, bottom=90)
    figure.update_layout(legend={"orientation": "h", "x": 0, "y": -0.08, "yanchor": "top"})
    return figure


def daily_families(
    daily: pd.DataFrame, ticks: Ticks, words: DailyWords, needed_rate: float | None = None
) -> go.Figure:
    """Families registered each day (bars) and the trailing 7-day average (line); columns tanggal,
    terdata, rata_7hari, hover. A needed daily pace, when given, is a dashed level named
    `words.needed` in the legend."""
    first, last = daily.tanggal.min().date(), daily.tanggal.max().date()
    figure = go.Figure(
        [
            go.Bar(
                x=daily.tanggal, y=daily.terdata, name=words.families, marker_color=DAILY,
                text=daily.hover, hovertemplate="%{text}<extra></extra>", textposition="none",
            ),
            _line(daily, "rata_7hari", "hover", words.average, ACTUAL, "solid"),
        ]
    )  # fmt: skip
    if needed_rate is not None:
        figure.add_trace(
            go.Scatter(
                x=[first, last], y=[needed_rate, needed_rate], name=words.needed, mode="lines",
                line={"color": NEEDED, "dash": "dash", "width": 2.5}, hoverinfo="skip",
            )
        )  # fmt: skip
    _date_axis(figure, ticks, first, last)
    figure.update_yaxes(title=words.y_title, rangemode="tozero", tickformat=",~f")  # 40.000 and 0,2
    _layout(figure, height=440, top=60)
    # Above the plot: inside, the legend would hide the first days' bars.
    figure.update_layout(legend={"orientation": "h", "x": 0, "y": 1.02, "yanchor": "bottom"})
    return figure
