"""Plotly figures for the regency and kecamatan maps: pure functions, no Streamlit.

Every map draws offline and asks no other host for anything: MapLibre traces on a white style of our own
(WHITE_STYLE) need no tile or glyph server, and the centre and zoom are computed here because
`map_fitbounds` has no effect.
"""

import bisect
import copy
import functools
import math
from dataclasses import dataclass

import geopandas
import numpy as np
import pandas as pd
import plotly.graph_objects as go
import shapely
from shapely.ops import polylabel

from queries import rules

KALTIM_BOUNDS = (113.8, -2.6, 119.1, 2.6)  # west, south, east, north

HEIGHT = 570
# The plot area the zoom is fitted to: HEIGHT less the colourbar below it, square, so that a map
# as wide as its height or wider shows all of it (pages give maps at least that). Wider charts get
# more margin.
MAP_AREA_PX = (470, 470)
COLOURBAR_PX = 100  # holds the colourbar, its title and ticks: plotly never has to push the margin
FIT_PADDING = 0.92
MAX_ZOOM = 11.0  # keeps a tiny kecamatan from filling the chart with one colour
FIT_SLACK = 3.0  # zoom levels below the fitted zoom a `fit_width` map starts from (MapLibre raises it)
MAX_CIRCLE_PX = 60
MIN_CIRCLE_PX = 8
BORDER = "#ffffff"
# Plotly's "white-bg" without its `glyphs` URL (fonts.openmaptiles.org). With no glyph server MapLibre
# draws every label with the browser's own fonts and requests nothing (checked in headless Chromium:
# the same pixels as when the font request fails, and no request beyond the page's own host).
# `sources` holds an unused empty source because Plotly.react (each Streamlit redraw) drops an empty
# {}, and MapLibre then rejects the style ("missing required property sources", logged as "Map error.").
WHITE_STYLE = {
    "version": 8,
    "id": "white-bg-no-glyphs",
    "sources": {"none": {"type": "geojson", "data": {"type": "FeatureCollection", "features": []}}},
    "layers": [{"id": "white-bg", "type": "background", "paint": {"background-color": "#ffffff"}}],
}
NO_DATA = "#d9d9d9"
# One dark ink for every label: plotly gives a text trace one colour and no halo, and the names of small
# cities spill onto neighbours and the white sea, so every fill below keeps a contrast of 4.5 with it.
INK = "#111111"
LABEL_PX = 14
FONT_PX = 15  # every other text; each element names its size, as Streamlit's chart theme sets smaller ones
# Where a label may go from its anchor, in label widths and heights, nearest first.
LABEL_SHIFTS = ((0, 0), (0.6, 0), (-0.6, 0), (0, -1), (0, 1), (0.6, -1), (0.6, 1), (-0.6, -1), (-0.6, 1))


@dataclass(frozen=True)
class Scale:
    stops: tuple[tuple[float, str], ...]
    zmin: float
    zmax: float
    tickvals: tuple[float, ...]
    ticktext: tuple[str, ...]


RED, AMBER, GREEN = (rules.STATUS_COLOURS[status] for status in ("merah", "kuning", "hijau"))
GAP_RANGE = 15  # the gap scale is fixed at ±15 points so that a colour means the same every day


def _gap_scale() -> Scale:
    """The status rule (queries/rules.py) as steps: red below AT_RISK_FROM, amber up to ON_TRACK_FROM,
    green from there."""

    def at(value: float) -> float:
        return (value + GAP_RANGE) / (2 * GAP_RANGE)

    red_to, amber_to = at(rules.AT_RISK_FROM), at(rules.ON_TRACK_FROM)
    ticks = (-GAP_RANGE, rules.AT_RISK_FROM, rules.ON_TRACK_FROM, -rules.AT_RISK_FROM, GAP_RANGE)
    return Scale(
        stops=((0, RED), (red_to, RED), (red_to, AMBER), (amber_to, AMBER), (amber_to, GREEN), (1, GREEN)),
        zmin=-GAP_RANGE,
        zmax=GAP_RANGE,
        tickvals=ticks,
        ticktext=(f"≤ −{GAP_RANGE}", *(_signed(tick) for tick in ticks[1:-1]), f"≥ +{GAP_RANGE}"),
    )


def _signed(value: float) -> str:
    """A tick as the pages write a gap: −7,5, 0, +7,5."""
    written = f"{abs(value):g}".replace(".", ",")
    return "0" if value == 0 else ("+" if value > 0 else "−") + written


SCALES = {
    # Sequential blues, from one that still shows on white to the darkest that keeps labels readable.
    "capaian": Scale(
        stops=((0, "#c6dbef"), (0.25, "#9ecae1"), (0.5, "#6baed6"), (0.75, "#4292c6"), (1, "#3182bd")),
        zmin=0,
        zmax=100,
        tickvals=(0, 25, 50, 75, 100),
        ticktext=("0%", "25%", "50%", "75%", "100%"),
    ),
    "selisih": _gap_scale(),
}
LEVELS = ("kabupaten", "kecamatan")


def area_map(
    areas: pd.DataFrame,
    *,
    level: str,
    value_column: str,
    hover_column: str,
    scale: str,
    colorbar_title: str,
    boundaries: geopandas.GeoDataFrame | None,
    no_boundaries_note: str = "",
    highlight: str | None = None,
    label_column: str | None = None,
    fit_width: bool = False,
) -> go.Figure | None:
    """The regencies of the province, or the kecamatan of one regency, coloured by `value_column`.

    `areas` has one row per unit: `kode` (BPS code), `nama`, `target_keluarga`, the value and
    `hover_column`, hover text already formatted (it may hold <br>); for the regencies also
    `ibukota_lat` and `ibukota_lon`, where circles stand when there are no boundaries (with
    `no_boundaries_note` written on the map). `label_column`, when given, holds the value as the page
    writes it ("48,2%", "+1,9"), shown under each unit's name: no hover needed on a projector.
    `boundaries` comes from `load_boundaries(level, ...)`;
    `scale` is "capaian" (0-100 %) or "selisih" (points vs plan). The regencies are framed to the
    province, the kecamatan to their own extent; kecamatan without polygons give None (the page shows
    a table instead). `highlight`: the code of a unit to outline (the kecamatan a view below it is in).
    `fit_width`: for a chart MAP_AREA_PX wide, which a phone may narrow (`_fit_width`; a picture of it:
    `at_fixed_zoom`).
    """
    if level not in LEVELS:
        raise ValueError(f"unknown map level {level!r}; expected one of {LEVELS}")
    data = _prepare(areas, value_column, hover_column)
    if level == "kabupaten":
        data["label"] = data["label"].str.replace(r"^(Kabupaten|Kota)\s+", "", regex=True)
    data["label"] = data["label"].map(_wrap)
    if label_column:
        data["label"] += "<br>" + areas[label_column].astype(str)
    spec = _scale(scale)
    shapes = _shapes_for(boundaries, data["kode"])
    if shapes is not None:
        bounds = KALTIM_BOUNDS if level == "kabupaten" else tuple(shapes.total_bounds)
        fig = _choropleth(data, shapes, spec, colorbar_title, bounds)
        if highlight is not None and (shapes["kode"] == highlight).any():
            fig.add_trace(_outline(shapes[shapes["kode"] == highlight].geometry.iloc[0]))
    elif level == "kabupaten":
        fig = _capital_circles(data, spec, colorbar_title, no_boundaries_note)
    else:
        return None
    if fit_width:
        _fit_width(fig)
    return fig


def _fit_width(fig: go.Figure) -> None:
    """Let MapLibre fit the map's area into a chart narrower than MAP_AREA_PX, such as a phone's, where
    plotly would crop it (plotly fits no choropleth to its chart). MapLibre raises the zoom until the
    view lies within the map's bounds: bounds as wide as the area and far taller, from a zoom below
    the one computed here, make the area's width fill the chart's, whatever that is; a chart
    MAP_AREA_PX wide gets that zoom back."""
    view = fig.layout.map
    half_width = MAP_AREA_PX[0] / 2 / _world_px(view.zoom) * 360
    bounds = {
        "west": view.center.lon - half_width,
        "east": view.center.lon + half_width,
        "south": -80,
        "north": 80,
    }
    fig.update_layout(map_bounds=bounds, map_zoom=view.zoom - FIT_SLACK)


def at_fixed_zoom(fig: go.Figure) -> go.Figure:
    """A copy of a map drawn with `fit_width` at the zoom computed for it, for a picture of any width (in
    a wider chart its bounds would raise the zoom and crop the map)."""
    still = go.Figure(fig)
    still.update_layout(map_bounds=None, map_zoom=fig.layout.map.zoom + FIT_SLACK)
    return still


def colour_at(scale: str, value: float) -> str:
    """The colour the maps draw for `value` on `scale`, as #rrggbb (e.g. to colour a table alike)."""
    spec = _scale(scale)
    position = (min(max(value, spec.zmin), spec.zmax) - spec.zmin) / (spec.zmax - spec.zmin)
    positions = [stop for stop, _ in spec.stops]
    # As in plotly.js (a d3 polylinear scale): at a repeated stop the upper colour wins, so -7.5 is amber
    # and 0 is green, as the status rule says.
    i = bisect.bisect_right(positions, position, 1, len(positions) - 1) - 1
    (low, low_colour), (high, high_colour) = spec.stops[i], spec.stops[i + 1]
    fraction = 0.0 if high == low else (position - low) / (high - low)
    mixed = (a + (b - a) * fraction for a, b in zip(_rgb(low_colour), _rgb(high_colour), strict=True))
    return "#" + "".join(f"{round(channel):02x}" for channel in mixed)


def _scale(name: str) -> Scale:
    if name not in SCALES:
        raise ValueError(f"unknown map scale {name!r}; expected one of {sorted(SCALES)}")
    return SCALES[name]


def _prepare(areas: pd.DataFrame, value_column: str, hover_column: str) -> pd.DataFrame:
    data = pd.DataFrame(
        {
            "kode": areas["kode"].astype(str),
            "label": areas["nama"].astype(str),
            "value": pd.to_numeric(areas[value_column]).astype(float),
            "hover": areas[hover_column].astype(str),
            "target": areas.get("target_keluarga"),
        }
    )
    for column in ("ibukota_lat", "ibukota_lon"):
        if column in areas:
            data[column] = areas[column].to_numpy()
    return data


def _shapes_for(boundaries, codes: pd.Series) -> geopandas.GeoDataFrame | None:
    """The polygons of `codes`, or None when there are none to draw."""
    if boundaries is None:
        return None
    shapes = boundaries[boundaries["kode"].isin(codes)]
    return None if shapes.empty else shapes


def _choropleth(data, shapes, spec: Scale, colorbar_title: str, bounds) -> go.Figure:
    known = data[data["value"].notna()]
    fig = go.Figure(_fill(known, shapes, z=known["value"], coloraxis="coloraxis"))
    if len(known) < len(data):
        # A unit with no value yet is drawn grey rather than left out, so the map keeps its shape.
        unknown = data[data["value"].isna()]
        grey = {"colorscale": [[0, NO_DATA], [1, NO_DATA]], "showscale": False}
        fig.add_trace(_fill(unknown, shapes, z=[0] * len(unknown), **grey))
    view = _view(bounds)
    fig.add_trace(_polygon_labels(data, shapes, view))
    return _layout(fig, spec, colorbar_title, view)


def _fill(data, shapes, **colour) -> go.Choroplethmap:
    return go.Choroplethmap(
        geojson=shapes[shapes["kode"].isin(data["kode"])][["kode", "geometry"]].__geo_interface__,
        featureidkey="properties.kode",
        locations=data["kode"],
        customdata=data[["hover"]],
        hovertemplate="%{customdata[0]}<extra></extra>",
        marker_line={"color": BORDER, "width": 0.6},
        **colour,
    )


def _outline(shape) -> go.Scattermap:
    """A thick line around `shape` (its outer rings, each closed, separated by gaps)."""
    lons, lats = [], []
    for part in getattr(shape, "geoms", [shape]):
        x, y = part.exterior.coords.xy
        lons += [*x, None]
        lats += [*y, None]
    return go.Scattermap(
        lon=lons, lat=lats, mode="lines", line={"width": 4, "color": "#111827"}, hoverinfo="skip"
    )


def _polygon_labels(data, shapes, view: dict) -> go.Scattermap:
    world = _world_px(view["zoom"])
    polygons = shapely.transform(shapes.geometry.to_numpy(), functools.partial(_to_px, world=world))
    names = shapes["kode"].map(dict(zip(data["kode"], data["label"], strict=True))).to_numpy()
    order = np.argsort(shapely.area(polygons), kind="stable")  # smallest first: it has the least room
    anchors = [polylabel(_largest_part(polygon), 1) for polygon in polygons[order]]
    return _labels(names[order], polygons[order], anchors, [0] * len(order), view, LABEL_SHIFTS)


def _capital_circles(data, spec: Scale, colorbar_title: str, note: str) -> go.Figure:
    points = data.dropna(subset=["ibukota_lat", "ibukota_lon"])
    # Largest first so that small circles stay on top (Penajam lies 7 km from Balikpapan).
    points = points.assign(size=_area_sizes(points["target"])).sort_values("size", ascending=False)
    view = _view(KALTIM_BOUNDS)
    fig = go.Figure([trace for row in points.itertuples() for trace in _circle(row)])
    fig.add_trace(_circle_labels(points, view))
    fig.add_annotation(
        text=note,
        xref="paper",
        yref="paper",
        x=0,
        y=0,
        xanchor="left",
        yanchor="bottom",
        showarrow=False,
        font={"size": FONT_PX, "color": "#52606d"},
        bgcolor="rgba(255,255,255,0.85)",
    )
    return _layout(fig, spec, colorbar_title, view)


def _circle(row) -> list[go.Scattermap]:
    """A capital's circle right above its own white ring, so that overlapping circles stay apart."""
    where = {"lat": [row.ibukota_lat], "lon": [row.ibukota_lon], "mode": "markers"}
    colour = {"color": NO_DATA} if pd.isna(row.value) else {"color": [row.value], "coloraxis": "coloraxis"}
    return [
        go.Scattermap(**where, marker={"size": row.size + 4, "color": BORDER}, hoverinfo="skip"),
        go.Scattermap(
            **where,
            marker={"size": row.size, "opacity": 1, **colour},
            customdata=[[row.hover]],
            hovertemplate="%{customdata[0]}<extra></extra>",
            name=row.kode,
        ),
    ]


def _circle_labels(points, view: dict) -> go.Scattermap:
    """Names beside the circles, never on them (a name would hide a small circle), largest circle first."""
    centres = _to_px(points[["ibukota_lon", "ibukota_lat"]].to_numpy(), _world_px(view["zoom"]))
    anchors = [shapely.Point(x, y) for x, y in centres]
    radii = list(points["size"] / 2 + 2)
    circles = [anchor.buffer(radius) for anchor, radius in zip(anchors, radii, strict=True)]
    return _labels(list(points["label"]), circles, anchors, radii, view, LABEL_SHIFTS[1:])


def _labels(names, polygons, anchors, gaps, view: dict, shifts) -> go.Scattermap:
    """Unit labels at the spots `_place_labels` picks inside the map's area (beyond it a label would be
    cut), drawn in the browser's fonts (see WHITE_STYLE)."""
    world = _world_px(view["zoom"])
    x, y = _to_px(np.array([[view["center"]["lon"], view["center"]["lat"]]]), world)[0]
    width, height = MAP_AREA_PX
    visible = shapely.box(x - width / 2, y - height / 2, x + width / 2, y + height / 2)
    placed = _place_labels(list(names), polygons, anchors, gaps, shifts, visible)
    lonlat = [_from_px(x, y, world) for _, x, y in placed]
    return go.Scattermap(
        lon=[lon for lon, _ in lonlat],
        lat=[lat for _, lat in lonlat],
        text=[text for text, _, _ in placed],
        mode="text",
        textfont={"size": LABEL_PX, "color": INK},
        hoverinfo="skip",
    )


def _place_labels(texts, polygons, anchors, gaps, shifts, visible) -> list[tuple[str, float, float]]:
    """(text, x, y) for each unit that gets a label: near its anchor, over the least foreign land.

    MapLibre silently drops a label that collides with another, and the cities' names are wider than
    the cities, so the spots are chosen here, in screen pixels (fixed by the zoom, not by the chart's
    size), unit by unit in the order given, each wholly inside `visible`. A label with no free spot is
    left out. A shifted label moves `gaps[i]` px further out (a circle's radius, 0 for a polygon).
    """
    land = shapely.union_all(polygons)
    taken, placed = shapely.Polygon(), []
    for i in range(len(texts)):
        lines = texts[i].split("<br>")
        width, height = max(map(len, lines)) * LABEL_PX * 0.55 + 6, len(lines) * LABEL_PX * 1.2 + 6
        x0, y0, gap = anchors[i].x, anchors[i].y, gaps[i]
        spots = [
            (x0 + dx * width + np.sign(dx) * gap, y0 + dy * height + np.sign(dy) * gap) for dx, dy in shifts
        ]
        boxes = [shapely.box(x - width / 2, y - height / 2, x + width / 2, y + height / 2) for x, y in spots]
        free = [n for n, box in enumerate(boxes) if box.within(visible) and not box.intersects(taken)]
        if not free:
            continue
        # Share of the box over other units, to the nearest 10%; ties go to the earlier (nearer) spot.
        foreign = [((boxes[n] & land).area - (boxes[n] & polygons[i]).area) / boxes[n].area for n in free]
        _, n = min((round(share, 1), n) for share, n in zip(foreign, free, strict=True))
        taken = taken | boxes[n]
        placed.append((texts[i], *spots[n]))
    return placed


def _largest_part(geometry):
    return max(getattr(geometry, "geoms", [geometry]), key=lambda part: part.area)


def _wrap(name: str) -> str:
    """Break a long name at the space nearest its middle (plotly turns <br> into a line break)."""
    if len(name) <= 12 or " " not in name:
        return name
    spaces = [i for i, char in enumerate(name) if char == " "]
    cut = min(spaces, key=lambda i: abs(i - len(name) / 2))
    return name[:cut] + "<br>" + name[cut + 1 :]


def _area_sizes(target: pd.Series) -> pd.Series:
    """Marker diameters in px whose areas are proportional to `target` (with a floor to stay visible)."""
    share = target.astype(float) / max(float(target.max()), 1.0)
    return (MAX_CIRCLE_PX * share.clip(lower=0) ** 0.5).clip(lower=MIN_CIRCLE_PX)


def _layout(fig: go.Figure, spec: Scale, colorbar_title: str, view: dict) -> go.Figure:
    fig.update_layout(
        height=HEIGHT,
        margin={"l": 0, "r": 0, "t": 0, "b": COLOURBAR_PX},
        font={"size": FONT_PX},
        hoverlabel={"font_size": FONT_PX},
        separators=",.",
        showlegend=False,
        map={"style": copy.deepcopy(WHITE_STYLE), **view},
        coloraxis={
            "colorscale": [list(stop) for stop in spec.stops],
            "cmin": spec.zmin,
            "cmax": spec.zmax,
            # Below the map, so that the map gets the column's whole width.
            "colorbar": {
                "title": {"text": colorbar_title, "side": "top", "font": {"size": FONT_PX}},
                "tickfont": {"size": FONT_PX},
                "tickvals": list(spec.tickvals),
                "ticktext": list(spec.ticktext),
                "orientation": "h",
                "x": 0.5,
                "xanchor": "center",
                "y": -0.02,
                "yanchor": "top",
                "thickness": 16,
                "len": 0.9,
            },
        },
    )
    return fig


def _view(bounds) -> dict:
    """Centre and zoom that fit `bounds` (west, south, east, north) into MAP_AREA_PX."""
    west, south, east, north = bounds
    (left, top), (right, bottom) = _to_px(np.array([[west, north], [east, south]]), world=1.0)
    fit_width, fit_height = (px * FIT_PADDING for px in MAP_AREA_PX)
    zoom = math.log2(min(fit_width / max(right - left, 1e-9), fit_height / max(bottom - top, 1e-9)) / 512)
    lon, lat = _from_px(float(left + right) / 2, float(top + bottom) / 2, world=1.0)
    return {"center": {"lon": lon, "lat": lat}, "zoom": round(min(zoom, MAX_ZOOM), 2)}


def _world_px(zoom: float) -> float:
    """Width of MapLibre's Web Mercator world at `zoom`, in px (512 at zoom 0)."""
    return 512 * 2**zoom


def _to_px(lonlat: np.ndarray, world: float) -> np.ndarray:
    """Longitude/latitude pairs to Web Mercator pixels, y down, in a world `world` px wide."""
    lon, lat = lonlat[:, 0], np.radians(lonlat[:, 1])
    return np.column_stack([lon / 360 * world, -np.log(np.tan(np.pi / 4 + lat / 2)) / (2 * np.pi) * world])


def _from_px(x: float, y: float, world: float) -> tuple[float, float]:
    lat = math.degrees(2 * math.atan(math.exp(-y / world * 2 * math.pi)) - math.pi / 2)
    return x / world * 360, lat


def _rgb(colour: str) -> tuple[int, int, int]:
    return tuple(int(colour[i : i + 2], 16) for i in (1, 3, 5))
