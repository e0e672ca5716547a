"""Pictures of the dashboard's figures, for a PNG button under a chart or a slide of a deck: a figure
stamped with what it shows (`stamped`), and PNG images drawn by kaleido in a headless chromium (`png`,
`pngs`). No Streamlit.

One browser serves the whole process: started by the first picture (about 2 s), then kept open on an
event loop of its own thread, so that a later picture costs only its drawing, and pictures asked for
together are drawn side by side in its tabs. kaleido's own `start_sync_server` is not used: when its
browser cannot start it waits forever, where every call here has a time limit.

Nothing leaves the machine: the page kaleido draws in loads plotly.js from the installed plotly and no
MathJax (kaleido's default fetches MathJax from a CDN), and the browser's only proxy is a closed port
on this machine, so that neither chromium's own calls home (its update and sign-in services, tried at
every start) nor a web address in a figure reach anything.
"""

import asyncio
import atexit
import html
import os
import threading
from collections.abc import Iterable

import kaleido
import plotly.graph_objects as go

CHROMIUM = "/usr/bin/chromium"  # Debian's, unless BROWSER_PATH names another
PROXY = "http://127.0.0.1:9"
PAGE = kaleido.PageGenerator(mathjax=False)
TABS = 2  # pictures drawn at once
START_S = DRAW_S = 60  # time limits: the browser's start, one call's drawing

# The stamp: a band above the chart for the title and the subtitle, one below for the source line and
# the simulated mark; plotly's own margins when a figure names none.
TITLE_PX, SUBTITLE_PX, FOOTER_PX = 22, 16, 14
TOP_BAND_PX = 84
LINE_PX = 20
PAD_PX = 14
DEFAULT_MARGIN = {"t": 100, "b": 80}
DEFAULT_HEIGHT = 450
INK, MUTED = "#1f2933", "#52606d"
MARK = "#b45309"  # the amber of the pages' simulated-data badge


def stamped(
    figure: go.Figure, *, title: str, subtitle: str, source: str, simulated_mark: str | None = None
) -> go.Figure:
    """A copy of `figure` that says what it shows when seen on its own: `title` and `subtitle` (the area
    and the day) above the chart, `source` and `simulated_mark` below it, in bands added to its height
    and margins, so that the chart keeps its own size and nothing overlaps (for a figure whose margins
    hold what it draws outside its plot, as every chart here does). The texts are plain text; the title
    takes the place of the chart's own. Drawn on plotly's white template: Streamlit's chart theme is not
    there outside the page, and the template it leaves on figures (`streamlit`) only holds placeholders."""
    picture = go.Figure(figure)
    margin = picture.layout.margin
    top = DEFAULT_MARGIN["t"] if margin.t is None else margin.t
    bottom = DEFAULT_MARGIN["b"] if margin.b is None else margin.b
    footer = [f'<span style="color:{MUTED}">{_plain(source)}</span>']
    if simulated_mark:
        footer.append(f'<span style="color:{MARK}"><b>{_plain(simulated_mark)}</b></span>')
    bottom_band = len(footer) * LINE_PX + 2 * PAD_PX
    picture.update_layout(
        template="plotly_white",
        height=(picture.layout.height or DEFAULT_HEIGHT) + TOP_BAND_PX + bottom_band,
        margin={"t": top + TOP_BAND_PX, "b": bottom + bottom_band},
        title=_heading(title, subtitle),
    )
    picture.add_annotation(_footer(footer, below=bottom))
    return picture


def _heading(title: str, subtitle: str) -> dict:
    """The title and the subtitle, in the band at the top of the picture (container coordinates)."""
    return {
        "text": f"<b>{_plain(title)}</b>",
        "font": {"size": TITLE_PX, "color": INK},
        "subtitle": {"text": _plain(subtitle), "font": {"size": SUBTITLE_PX, "color": MUTED}},
        "xref": "paper",
        "x": 0,
        "xanchor": "left",
        "yref": "container",
        "y": 1,
        "yanchor": "top",
        "pad": {"t": PAD_PX, "l": PAD_PX},
        "automargin": False,
    }


def _footer(lines: list[str], below: int) -> dict:
    """The footer's lines, in the band `below` px under the plot (an annotation knows no container)."""
    return {
        "text": "<br>".join(lines),
        "xref": "paper",
        "yref": "paper",
        "x": 0,
        "y": 0,
        "xanchor": "left",
        "yanchor": "top",
        "xshift": PAD_PX,
        "yshift": -(below + PAD_PX),
        "align": "left",
        "showarrow": False,
        "font": {"size": FOOTER_PX},
    }


def png(figure: go.Figure, width: int, height: int, scale: float = 1) -> bytes:
    """`figure` as a PNG of `width` × `height` px, times `scale`."""
    return pngs([(figure, width, height)], scale)[0]


def pngs(jobs: Iterable[tuple[go.Figure, int, int]], scale: float = 1) -> list[bytes]:
    """Each (figure, width, height) as a PNG, in order, drawn together in the one browser."""
    return _BROWSER.draw(list(jobs), scale)


def close() -> None:
    """Close the browser (the next picture starts another); done anyway when the process ends."""
    _BROWSER.close()


def _plain(text: str) -> str:
    """`text` as written inside plotly's texts, which read <b>, <br> and entities."""
    return html.escape(str(text), quote=False)


class _Browser:
    """kaleido's headless chromium, kept open on an event loop of its own thread."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._loop: asyncio.AbstractEventLoop | None = None
        self._kaleido: kaleido.Kaleido | None = None

    def draw(self, jobs: list[tuple[go.Figure, int, int]], scale: float) -> list[bytes]:
        browser = self._open()
        try:
            return self._run(_draw(browser, jobs, scale), DRAW_S)
        except Exception:
            self.close()  # a browser that failed once is started afresh for the next picture
            raise

    def close(self) -> None:
        with self._lock:
            browser, self._kaleido = self._kaleido, None
        if browser is not None:
            self._run(browser.close(), START_S)

    def _open(self) -> kaleido.Kaleido:
        with self._lock:
            if self._loop is None:
                self._loop = asyncio.new_event_loop()
                threading.Thread(target=self._loop.run_forever, name="pictures", daemon=True).start()
            if self._kaleido is None:
                os.environ.setdefault("BROWSER_PATH", CHROMIUM)
                self._kaleido = self._run(_start(), START_S)
            return self._kaleido

    def _run(self, coroutine, seconds: float):
        future = asyncio.run_coroutine_threadsafe(coroutine, self._loop)
        try:
            return future.result(seconds)
        finally:
            future.cancel()


async def _start() -> kaleido.Kaleido:
    browser = kaleido.Kaleido(n=TABS, timeout=DRAW_S, page_generator=PAGE, proxy_server=PROXY)
    await browser.open()
    return browser


async def _draw(
    browser: kaleido.Kaleido, jobs: list[tuple[go.Figure, int, int]], scale: float
) -> list[bytes]:
    drawn = (
        browser.calc_fig(figure, {"format": "png", "width": width, "height": height, "scale": scale})
        for figure, width, height in jobs
    )
    return list(await asyncio.gather(*drawn))


_BROWSER = _Browser()
atexit.register(close)
