"""The size of every text a chart draws: read on a projector from the back of a meeting room, and on a
phone, so never below MIN_PX."""

import plotly.graph_objects as go

MIN_PX = 14
FONT_PX = 15


def readable(
    figure: go.Figure, size: int = FONT_PX, *, placed: int = MIN_PX, ink: str | None = None
) -> go.Figure:
    """`figure` with each kind of its text named at `size` at least (ticks, axis, legend and colourbar
    titles, the legend, hover): Streamlit's chart theme draws the ones left unnamed at 12 px, whatever
    the figure's own font. Annotations and texts on the traces, which a chart places by their width,
    keep a size of their own of at least `placed`. `ink`: one dark colour for all of them (a projector
    washes out grey)."""
    layout = figure.layout
    fonts = [layout.font, layout.hoverlabel.font, layout.legend.font, layout.legend.title.font]
    for axis in [*figure.select_xaxes(), *figure.select_yaxes()]:
        fonts += [axis.tickfont, axis.title.font]
    colourbars = [colours.colorbar for colours in figure.select_coloraxes()]
    colourbars += [trace.colorbar for trace in figure.data if "colorbar" in trace]
    fonts += [font for bar in colourbars for font in (bar.tickfont, bar.title.font)]
    texts = [annotation.font for annotation in layout.annotations]
    texts += [trace.textfont for trace in figure.data if "textfont" in trace]
    for font, least in [*((font, size) for font in fonts), *((font, placed) for font in texts)]:
        font.size = max(font.size or 0, least)
        if ink and font is not layout.hoverlabel.font:
            font.color = ink
    return figure
