"""Pictures of the charts (pages/charts/pictures.py) and the size of their text (pages/charts/fonts.py).

The real PNGs come from one batch in one browser for the whole module (a module fixture): a small chart,
the regency map and a chart naming a web image, drawn side by side in kaleido's tabs, offline; the
browser's proxy is a socket of the test, which sees what it would have fetched."""

import io
import socket
import threading

import numpy as np
import plotly.graph_objects as go
import pytest
from choreographer.errors import ChromeNotFoundError
from PIL import Image

from geo import DEFAULT_DIR
from geo.boundaries import load_boundaries
from geo.maps import GREEN, RED, at_fixed_zoom
from pages.charts import pictures
from pages.charts.fonts import FONT_PX, MIN_PX, readable
from tests.test_geo import gap_map
from tests.test_layers import imported_by

TEXTS = {
    "title": "Peta <b>kabupaten</b>/kota",
    "subtitle": "Kalimantan Timur, keadaan per 5 Nov 2022 · Data sampai 5 Nov 2022",
    "source": "Sumber: BPS Provinsi Kalimantan Timur, Regsosek 2022",
    "simulated_mark": "Data simulasi",
}
WEB_IMAGE = "http://gambar.invalid/logo.png"


def small_chart() -> go.Figure:
    figure = go.Figure(go.Bar(x=["Paser", "Berau"], y=[3, 5]))
    figure.update_layout(height=300, margin={"t": 30, "b": 40})
    return figure


def regency_map() -> go.Figure:
    return gap_map(load_boundaries("kabupaten", DEFAULT_DIR), fit_width=True)


class Proxy:
    """A socket standing in for the browser's proxy: it records the first bytes of each request."""

    def __init__(self) -> None:
        self.server = socket.create_server(("127.0.0.1", 0))
        self.requests: list[bytes] = []
        threading.Thread(target=self._serve, daemon=True).start()

    @property
    def address(self) -> str:
        return f"http://127.0.0.1:{self.server.getsockname()[1]}"

    def _serve(self) -> None:
        while True:
            connection, _ = self.server.accept()
            with connection:
                connection.settimeout(5)
                self.requests.append(connection.recv(1024))


@pytest.fixture(scope="module")
def drawn():
    """Three pictures in one call of one browser, started for this module behind the test's proxy."""
    proxy = Proxy()
    with pytest.MonkeyPatch.context() as patch:
        pictures.close()
        patch.setattr(pictures, "PROXY", proxy.address)
        leaky = small_chart().add_layout_image(source=WEB_IMAGE, x=0, y=1, sizex=0.2, sizey=0.2)
        stamped_map = pictures.stamped(at_fixed_zoom(regency_map()), **TEXTS)
        jobs = [(small_chart(), 400, 300), (stamped_map, 900, stamped_map.layout.height), (leaky, 400, 300)]
        yield jobs, pictures.pngs(jobs, scale=2), proxy
        pictures.close()


def test_stamped_says_what_the_chart_shows():
    chart = small_chart()
    picture = pictures.stamped(chart, **TEXTS)
    assert picture.layout.title.text == "<b>Peta &lt;b&gt;kabupaten&lt;/b&gt;/kota</b>"  # plain text
    assert picture.layout.title.subtitle.text == TEXTS["subtitle"]
    [footer] = picture.layout.annotations
    assert TEXTS["source"] in footer.text and "<b>Data simulasi</b>" in footer.text
    # Bands above and below: the chart keeps its own plot, and the footer sits below its bottom margin.
    added = picture.layout.height - chart.layout.height
    assert (
        picture.layout.margin.t - chart.layout.margin.t + picture.layout.margin.b - chart.layout.margin.b
        == added
    )
    assert picture.layout.margin.t == chart.layout.margin.t + pictures.TOP_BAND_PX
    assert -footer.yshift > chart.layout.margin.b and footer.yref == "paper" and footer.yanchor == "top"
    assert chart.layout.title.text is None and not chart.layout.annotations  # the chart itself is untouched


def test_stamped_without_a_mark_has_a_shorter_footer():
    chart = small_chart()
    marked = pictures.stamped(chart, **TEXTS)
    plain = pictures.stamped(chart, **{**TEXTS, "simulated_mark": None})
    assert "simulasi" not in plain.layout.annotations[0].text
    assert plain.layout.height == marked.layout.height - pictures.LINE_PX


def test_the_drawing_page_fetches_nothing():
    page = pictures.PAGE.generate_index()
    assert "http" not in page and "mathjax" not in page.lower()  # kaleido's default fetches MathJax
    assert "plotly" in page and "file://" in page  # plotly.js from the installed package


def test_pictures_never_import_streamlit():
    assert "streamlit" not in imported_by("pages.charts.pictures")


def test_pictures_are_pngs_of_the_asked_size(drawn):
    jobs, images, _ = drawn
    assert len(images) == len(jobs)
    for (_, width, height), image in zip(jobs, images, strict=True):
        assert image.startswith(b"\x89PNG\r\n\x1a\n")
        assert Image.open(io.BytesIO(image)).size == (2 * width, 2 * height)


def test_the_map_picture_is_drawn(drawn):
    _, images, _ = drawn
    picture = Image.open(io.BytesIO(images[1])).convert("RGB")
    # Between the title's band and the colour bar: the regencies in their status colours (red: Paser and
    # Mahakam Ulu; green: five more), not a blank map.
    top = 2 * pictures.TOP_BAND_PX
    pixels = np.asarray(picture.crop((0, top, picture.width, top + 2 * 400)))

    def count(colour: str) -> int:
        return int((pixels == [int(colour[i : i + 2], 16) for i in (1, 3, 5)]).all(axis=2).sum())

    assert count(RED) > 5_000 and count(GREEN) > 20_000


def test_a_web_address_in_a_figure_reaches_only_the_proxy(drawn):
    _, _, proxy = drawn
    asked = [request for request in proxy.requests if b"gambar.invalid" in request]
    assert asked, proxy.requests
    assert not [request for request in proxy.requests if b"mathjax" in request.lower() or b"cdn" in request]


def test_a_browser_that_cannot_start_fails_at_once(monkeypatch):
    pictures.close()
    monkeypatch.setenv("BROWSER_PATH", "/nowhere/chromium")
    with pytest.raises(ChromeNotFoundError):
        pictures.png(small_chart(), 200, 100)
    pictures.close()


def test_readable_names_every_text_size():
    figure = go.Figure(go.Heatmap(z=[[1, 2], [3, 4]], textfont={"size": 10}))
    figure.add_annotation(text="catatan", font={"size": 11})
    figure.add_annotation(text="judul", font={"size": 20})
    readable(figure)
    layout = figure.layout
    named = [layout.xaxis.tickfont, layout.yaxis.title.font, layout.legend.font, layout.hoverlabel.font]
    assert {font.size for font in [*named, figure.data[0].colorbar.tickfont]} == {FONT_PX}
    # Texts placed by their width keep their own size, 14 px at least; a larger one is kept.
    placed = [figure.data[0].textfont, *(note.font for note in layout.annotations)]
    assert [font.size for font in placed] == [MIN_PX, MIN_PX, 20]
