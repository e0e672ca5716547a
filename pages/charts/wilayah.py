"""The Wilayah page's map: the regencies of the province or the kecamatan of one regency, and which
unit a click on it chose. Pure functions, no Streamlit."""

import geopandas
import pandas as pd
import plotly.graph_objects as go

from geo.maps import kecamatan_map, regency_map


def area_map(
    areas: pd.DataFrame,
    *,
    regencies: bool,
    colour: str,
    colorbar_title: str,
    boundaries: geopandas.GeoDataFrame | None,
) -> go.Figure | None:
    """`areas` (kode, nama, target_keluarga, persen, selisih, hover) on the regency map or, with
    `regencies` False, on the kecamatan map; `colour` is "selisih" or "capaian".

    None when kecamatan cannot be drawn (no boundaries, or none of the codes has a polygon).
    """
    level = "kab" if regencies else "kec"
    shown = areas.rename(columns={"kode": f"kode_{level}", "nama": f"nama_{level}"})
    draw = regency_map if regencies else kecamatan_map
    return draw(
        shown,
        value_column="selisih" if colour == "selisih" else "persen",
        hover_column="hover",
        scale=colour,
        colorbar_title=colorbar_title,
        boundaries=boundaries,
    )


def chosen_code(points: list[dict], figure: go.Figure) -> str | None:
    """The code of the unit a click selected: a polygon's location, or the name of the circle's trace
    (the regency map without boundaries draws one trace per capital, named by its code)."""
    for point in points:
        if point.get("location"):
            return str(point["location"])
        name = figure.data[point["curve_number"]].name
        if name:
            return name
    return None
