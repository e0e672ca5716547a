"""Boundary loading and map figures: known answers from ../shared/geo and from files written here."""

import zipfile
from pathlib import Path

import geopandas
import numpy as np
import pandas as pd
import plotly.graph_objects as go
import pytest

from geo import DEFAULT_DIR, boundaries, boundaries_dir, maps
from geo.boundaries import load_boundaries, match_codes
from geo.maps import AMBER, GREEN, RED, area_map, colour_at
from tests.helpers import ROOT

SHARED_GEO = DEFAULT_DIR
REFERENCE = pd.read_csv(ROOT / "data" / "reference" / "kabupaten.csv", dtype={"kode_kab": str})
NO_BOUNDARIES = "Berkas batas wilayah tidak ditemukan"  # the page's words, written on the circles' map
BPS_CODES = set(REFERENCE["kode_kab"])


@pytest.fixture(scope="module")
def regencies() -> geopandas.GeoDataFrame:
    return load_boundaries("kabupaten", SHARED_GEO)


@pytest.fixture(scope="module")
def districts() -> geopandas.GeoDataFrame:
    return load_boundaries("kecamatan", SHARED_GEO)


def regency_frame() -> pd.DataFrame:
    """The regencies as a page gives them to the map, the capitals from the warehouse's reference."""
    frame = REFERENCE[["kode_kab", "nama_kab", "ibukota_lat", "ibukota_lon"]].rename(
        columns={"kode_kab": "kode", "nama_kab": "nama"}
    )
    frame["target_keluarga"] = REFERENCE["penduduk_2020"] // 3
    frame["selisih"] = [-8.0, -3.0, 1.0, -7.5, 0.0, -20.0, 20.0, 4.0, -1.0, 7.0]
    frame["hover"] = frame["nama"] + "<br>Selisih " + frame["selisih"].astype(str)
    return frame


def write_regencies(regencies: geopandas.GeoDataFrame, path: Path, **columns) -> None:
    """The regencies with the given attribute columns, written in the format `path` names."""
    geopandas.GeoDataFrame(columns, geometry=regencies.geometry.to_numpy(), crs="EPSG:4326").to_file(path)


# --- load_boundaries on the real folder ------------------------------------------------------------------


def test_regencies_are_keyed_on_bps_codes(regencies):
    assert len(regencies) == 10
    assert set(regencies["kode"]) == BPS_CODES
    assert regencies.attrs["key"] == "kode_bps"
    names = dict(zip(regencies["nama"], regencies["kode"], strict=True))
    # Kemendagri 6402 is Kutai Kartanegara; BPS 6402 is Kutai Barat.
    assert names["Kabupaten Kutai Kartanegara"] == "6403"
    assert names["Kabupaten Kutai Barat"] == "6402"
    assert list(regencies.columns) == ["kode", "nama", "geometry"]
    assert regencies.crs.to_epsg() == 4326


def test_kecamatan_are_the_103_with_bps_codes(districts):
    assert len(districts) == 103
    assert districts["kode"].str.fullmatch(r"64\d{5}").all()
    assert districts["kode"].is_unique
    assert set(districts["kode"].str[:4]) == BPS_CODES
    assert (districts["kode"].str[:4] == "6403").sum() == 18  # 20 Kemendagri kecamatan, 2 without BPS code


def test_load_is_cached_and_hands_out_copies(regencies):
    hits = boundaries._load.cache_info().hits
    first = load_boundaries("kabupaten", SHARED_GEO)
    first["extra"] = 1
    assert "extra" not in load_boundaries("kabupaten", SHARED_GEO).columns
    assert boundaries._load.cache_info().hits == hits + 2


def test_match_codes_names_the_key_and_the_missing(regencies):
    found = match_codes(["6401", "6472", "6499"], regencies)
    assert found.key == "kode_bps"
    assert found.source.startswith("kaltim_regencies.geojson")
    assert found.missing == ("6499",)
    assert match_codes(["6401"], None).missing == ("6401",)


# --- load_boundaries on files written by the tests ---------------------------------------------------------


def test_shapefile_with_integer_codes(tmp_path, regencies):
    write_regencies(
        regencies, tmp_path / "batas.shp", KODE_BPS=regencies["kode"].astype(int), nama=regencies["nama"]
    )
    loaded = load_boundaries("kabupaten", tmp_path)
    assert loaded["kode"].tolist() == regencies["kode"].tolist()
    assert all(isinstance(code, str) for code in loaded["kode"])


def test_float_codes_with_a_gap_become_strings(tmp_path, districts):
    # A DBF numeric column with a missing value comes back as float: 6472010.0 must read "6472010".
    codes = districts["kode"].astype(float)
    codes.iloc[0] = None
    path = tmp_path / "kec.shp"
    geopandas.GeoDataFrame({"kode_bps": codes}, geometry=districts.geometry, crs="EPSG:4326").to_file(path)
    loaded = load_boundaries("kecamatan", tmp_path)
    assert loaded["kode"].tolist() == districts["kode"].iloc[1:].tolist()


def test_geopackage_in_another_crs_is_reprojected(tmp_path, regencies):
    frame = geopandas.GeoDataFrame(
        {"kode_bps": regencies["kode"]}, geometry=regencies.geometry, crs="EPSG:4326"
    )
    frame.to_crs("EPSG:32750").to_file(tmp_path / "batas.gpkg", layer="kabupaten")
    loaded = load_boundaries("kabupaten", tmp_path)
    assert set(loaded["kode"]) == BPS_CODES
    assert loaded.crs.to_epsg() == 4326
    west, south, east, north = loaded.total_bounds
    assert 113.5 < west < east < 119.5 and -3 < south < north < 3


def test_zipped_shapefile(tmp_path, regencies):
    write_regencies(regencies, tmp_path / "batas.shp", kode_bps=regencies["kode"])
    with zipfile.ZipFile(tmp_path / "batas.zip", "w") as archive:
        for part in tmp_path.glob("batas.*"):
            if part.suffix != ".zip":
                archive.write(part, part.name)
                part.unlink()
    assert set(load_boundaries("kabupaten", tmp_path)["kode"]) == BPS_CODES


def test_parent_codes_and_kemendagri_codes_are_not_taken_for_a_layer(tmp_path, regencies, districts):
    # The kecamatan layer's kode_kab_bps repeats 4-digit codes; Kemendagri codes look the same but differ.
    kecamatan = districts.assign(kode_kab_bps=districts["kode"].str[:4]).rename(columns={"kode": "kode_bps"})
    kecamatan.to_file(tmp_path / "kec.geojson")
    write_regencies(regencies, tmp_path / "kab.geojson", kode_kemendagri=regencies["kode"])
    assert load_boundaries("kabupaten", tmp_path) is None
    assert len(load_boundaries("kecamatan", tmp_path)) == 103


def test_unreadable_file_is_named(tmp_path):
    (tmp_path / "rusak.geojson").write_text("bukan geojson")
    with pytest.raises(ValueError, match=r"rusak\.geojson"):
        load_boundaries("kabupaten", tmp_path)


def test_no_folder_or_no_layer_gives_none(tmp_path):
    assert load_boundaries("kabupaten", None) is None
    assert load_boundaries("kabupaten", tmp_path / "tidak-ada") is None
    assert load_boundaries("kabupaten", tmp_path) is None
    (tmp_path / "catatan.txt").write_text("bukan peta")
    assert load_boundaries("kecamatan", tmp_path) is None


def test_unknown_level_is_refused():
    with pytest.raises(ValueError, match="desa"):
        load_boundaries("desa", SHARED_GEO)


def test_boundaries_dir_follows_the_environment(monkeypatch, tmp_path):
    monkeypatch.setenv("PANTAU_GEO_DIR", "")
    assert boundaries_dir() is None
    monkeypatch.setenv("PANTAU_GEO_DIR", str(tmp_path))
    assert boundaries_dir() == tmp_path
    monkeypatch.delenv("PANTAU_GEO_DIR")
    assert boundaries_dir() == SHARED_GEO


# --- figures -----------------------------------------------------------------------------------------------


def test_regency_choropleth(regencies):
    frame = regency_frame()
    fig = area_map(
        frame,
        level="kabupaten",
        no_boundaries_note=NO_BOUNDARIES,
        value_column="selisih",
        hover_column="hover",
        scale="selisih",
        colorbar_title="Selisih",
        boundaries=regencies,
    )
    choropleth = fig.data[0]
    assert isinstance(choropleth, go.Choroplethmap)
    assert list(choropleth.locations) == frame["kode"].tolist()
    assert list(choropleth.z) == frame["selisih"].tolist()
    assert choropleth.featureidkey == "properties.kode"
    assert {feature["properties"]["kode"] for feature in choropleth.geojson["features"]} == BPS_CODES
    assert choropleth.hovertemplate == "%{customdata[0]}<extra></extra>"
    assert fig.layout.map.style == maps.WHITE_STYLE
    assert 5.5 < fig.layout.map.zoom < 7
    assert (fig.layout.coloraxis.cmin, fig.layout.coloraxis.cmax) == (-15, 15)
    # At this zoom every regency gets its name, the cities' beside them.
    labels = fig.data[1]
    assert sorted(text.replace("<br>", " ") for text in labels.text) == sorted(
        name.removeprefix("Kabupaten ").removeprefix("Kota ") for name in frame["nama"]
    )


def test_a_unit_without_value_is_drawn_grey(regencies):
    frame = regency_frame()
    frame.loc[frame["kode"] == "6411", "selisih"] = None
    fig = area_map(
        frame,
        level="kabupaten",
        no_boundaries_note=NO_BOUNDARIES,
        value_column="selisih",
        hover_column="hover",
        scale="selisih",
        colorbar_title="S",
        boundaries=regencies,
    )
    coloured, grey = fig.data[0], fig.data[1]
    assert "6411" not in coloured.locations and len(coloured.locations) == 9
    assert list(grey.locations) == ["6411"] and grey.colorscale[0][1] == maps.NO_DATA
    circles = area_map(
        frame,
        level="kabupaten",
        no_boundaries_note=NO_BOUNDARIES,
        value_column="selisih",
        hover_column="hover",
        scale="selisih",
        colorbar_title="S",
        boundaries=None,
    )
    assert next(trace for trace in circles.data if trace.name == "6411").marker.color == maps.NO_DATA


def test_figures_need_no_network(regencies):
    fig = area_map(
        regency_frame(),
        level="kabupaten",
        no_boundaries_note=NO_BOUNDARIES,
        value_column="selisih",
        hover_column="hover",
        scale="selisih",
        colorbar_title="S",
        boundaries=regencies,
    )
    assert "http" not in fig.to_json()
    # No glyph, sprite or tile URL: MapLibre would fetch it (plotly's "white-bg" names a font server).
    # Sources must not be empty: Plotly.react drops an empty {} and MapLibre then rejects the style.
    style = fig.layout.map.style
    assert isinstance(style, dict) and not {"glyphs", "sprite"} & set(style)
    assert [source["data"]["features"] for source in style["sources"].values()] == [[]]
    assert style["layers"] == [
        {"id": "white-bg", "type": "background", "paint": {"background-color": "#ffffff"}}
    ]


def test_fallback_circles_at_the_capitals():
    frame = regency_frame()
    fig = area_map(
        frame,
        level="kabupaten",
        no_boundaries_note=NO_BOUNDARIES,
        value_column="selisih",
        hover_column="hover",
        scale="selisih",
        colorbar_title="Selisih",
        boundaries=None,
    )
    circles = [trace for trace in fig.data if trace.hovertemplate]
    assert all(isinstance(trace, go.Scattermap) for trace in fig.data)
    assert sorted(trace.name for trace in circles) == sorted(BPS_CODES)
    capitals = REFERENCE.set_index("kode_kab")
    for trace in circles:
        assert (trace.lat[0], trace.lon[0]) == (
            capitals.at[trace.name, "ibukota_lat"],
            capitals.at[trace.name, "ibukota_lon"],
        )
    target = frame.set_index("kode")["target_keluarga"]
    by_target = sorted(circles, key=lambda trace: target[trace.name])
    sizes = [trace.marker.size for trace in by_target]
    assert sizes == sorted(sizes) and sizes[0] < sizes[-1]
    # Area-proportional above the visibility floor: Samarinda has the largest target.
    assert sizes[-1] == maps.MAX_CIRCLE_PX
    balikpapan = next(trace for trace in circles if trace.name == "6471")
    assert balikpapan.marker.size == pytest.approx(
        maps.MAX_CIRCLE_PX * (target["6471"] / target["6472"]) ** 0.5
    )
    assert "tidak ditemukan" in fig.layout.annotations[0].text
    assert fig.layout.map.style == maps.WHITE_STYLE


def test_kecamatan_map_is_framed_to_its_regency(districts):
    samarinda = districts[districts["kode"].str.startswith("6472")]
    frame = pd.DataFrame({"kode": samarinda["kode"], "nama": samarinda["nama"], "target_keluarga": 100})
    frame["capaian"], frame["hover"] = 50.0, "x"
    fig = area_map(
        frame,
        level="kecamatan",
        value_column="capaian",
        hover_column="hover",
        scale="capaian",
        colorbar_title="C",
        boundaries=districts,
    )
    assert list(fig.data[0].locations) == samarinda["kode"].tolist()
    assert len(fig.data[0].geojson["features"]) == 10
    west, south, east, north = samarinda.total_bounds
    assert west < fig.layout.map.center.lon < east and south < fig.layout.map.center.lat < north
    assert fig.layout.map.zoom > 8
    no_map = area_map(
        frame,
        level="kecamatan",
        value_column="capaian",
        hover_column="hover",
        scale="capaian",
        colorbar_title="C",
        boundaries=None,
    )
    assert no_map is None


def test_kecamatan_names_keep_their_kota(districts):
    # Only regency names lose "Kabupaten"/"Kota": the kecamatan Kota Bangun keeps its name.
    kukar = districts[districts["kode"].str.startswith("6403")]
    frame = pd.DataFrame({"kode": kukar["kode"], "nama": kukar["nama"], "nilai": 1.0, "hover": "x"})
    fig = area_map(
        frame,
        level="kecamatan",
        value_column="nilai",
        hover_column="hover",
        scale="capaian",
        colorbar_title="C",
        boundaries=districts,
    )
    assert "Kota Bangun" in fig.data[1].text


@pytest.mark.parametrize(
    ("value", "colour"),
    [
        (-8, RED),
        (-40, RED),
        (-7.51, RED),
        (-7.5, AMBER),
        (-3, AMBER),
        (-0.01, AMBER),
        (0, GREEN),
        (1, GREEN),
        (40, GREEN),
    ],
)
def test_selisih_colours_follow_the_status_rule(value, colour):
    assert colour_at("selisih", value) == colour


def test_status_colours_look_like_their_names():
    def rgb(colour):
        return [int(colour[i : i + 2], 16) for i in (1, 3, 5)]

    red, amber, green = (
        rgb(colour_at("selisih", -8)),
        rgb(colour_at("selisih", -3)),
        rgb(colour_at("selisih", 1)),
    )
    assert red[0] > 2 * red[1] and red[0] > 2 * red[2]
    assert amber[0] > amber[1] > 2 * amber[2]
    assert green[1] > green[0] and green[1] > green[2]


def test_capaian_scale_runs_light_to_dark():
    stops = maps.SCALES["capaian"].stops
    assert colour_at("capaian", 0) == stops[0][1]
    assert colour_at("capaian", 100) == colour_at("capaian", 130) == stops[-1][1]
    assert colour_at("capaian", 50) == stops[2][1]


def test_unknown_scale_is_refused(regencies):
    with pytest.raises(ValueError, match="warna"):
        area_map(
            regency_frame(),
            level="kabupaten",
            no_boundaries_note=NO_BOUNDARIES,
            value_column="selisih",
            hover_column="hover",
            scale="warna",
            colorbar_title="",
            boundaries=None,
        )


# --- labels, sizes and the phone's width ---------------------------------------------------------------


def gap_map(boundaries, **options):
    """The regencies coloured by gap, each labelled with its gap as a page writes it."""
    frame = regency_frame().assign(angka=lambda rows: rows.selisih.map("{:+.1f}".format))
    return area_map(
        frame,
        level="kabupaten",
        value_column="selisih",
        hover_column="hover",
        scale="selisih",
        colorbar_title="Selisih",
        boundaries=boundaries,
        no_boundaries_note=NO_BOUNDARIES,
        label_column="angka",
        **options,
    )


def test_labels_carry_the_figure_under_the_name(regencies):
    labels = gap_map(regencies).data[-1]
    # Every regency keeps its label with the figure, at the zoom the page shows (no hover needed).
    assert "Mahakam Ulu<br>+20.0" in labels.text and "Paser<br>-8.0" in labels.text
    assert "Kutai<br>Kartanegara<br>+1.0" in labels.text
    assert len(labels.text) == 10


def test_labels_stay_inside_the_map(districts):
    """A label beyond the map's area would be cut at the chart's edge: in Kutai Kartanegara's crowded
    coast the spots left are inside it, or the label is left out."""
    kukar = districts[districts["kode"].str.startswith("6403")]
    frame = pd.DataFrame({"kode": kukar["kode"], "nama": kukar["nama"], "persen": 48.25, "hover": "x"})
    fig = area_map(
        frame.assign(angka="48,2%"),
        level="kecamatan",
        value_column="persen",
        hover_column="hover",
        scale="capaian",
        colorbar_title="C",
        boundaries=districts,
        label_column="angka",
    )
    view, labels = fig.layout.map, fig.data[-1]
    world = maps._world_px(view.zoom)
    centre = maps._to_px(np.array([[view.center.lon, view.center.lat]]), world)[0]
    spots = maps._to_px(np.column_stack([labels.lon, labels.lat]), world)
    assert (abs(spots - centre) <= np.array(maps.MAP_AREA_PX) / 2).all()
    assert 10 <= len(labels.text) < len(frame)


def test_map_text_is_at_least_14_px(regencies):
    fig = gap_map(regencies)
    colourbar = fig.layout.coloraxis.colorbar
    sizes = [
        fig.layout.font.size,
        colourbar.tickfont.size,
        colourbar.title.font.size,
        fig.data[-1].textfont.size,
    ]
    assert min(sizes) >= 14


@pytest.mark.parametrize("with_boundaries", [True, False])
def test_a_phone_narrows_the_map_whole(regencies, with_boundaries):
    """`fit_width`: bounds as wide as the map's area and far taller, from a zoom below the fitted one, so
    that MapLibre zooms in until the area's width fills the chart's (a phone's narrower one too)."""
    boundaries = regencies if with_boundaries else None
    fixed, fitted = gap_map(boundaries), gap_map(boundaries, fit_width=True)
    view, bounds = fitted.layout.map, fitted.layout.map.bounds
    assert view.zoom == fixed.layout.map.zoom - maps.FIT_SLACK
    width_px = (bounds.east - bounds.west) / 360 * maps._world_px(fixed.layout.map.zoom)
    assert width_px == pytest.approx(maps.MAP_AREA_PX[0])
    assert (bounds.west + bounds.east) / 2 == pytest.approx(view.center.lon)
    assert bounds.south < -60 and bounds.north > 60
    # A picture of any width keeps the fitted zoom, and the map on the page keeps its own.
    still = maps.at_fixed_zoom(fitted)
    assert still.layout.map.zoom == fixed.layout.map.zoom and still.layout.map.bounds.west is None
    assert fitted.layout.map.bounds.west == bounds.west
