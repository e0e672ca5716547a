"""Boundary polygons for the maps, read from a folder outside the repository.

The boundary files are data for this machine and CI (their licences travel with them), so the repo never
holds a copy: `PANTAU_GEO_DIR` names the folder, by default `../shared/geo` next to the repo. Any vector
format GDAL reads will do (BPS hands out Shapefiles); a layer is recognised by its BPS code column, never
by a Kemendagri code, which looks the same (4-digit 64xx) but differs for 4 regencies.
"""

import functools
from dataclasses import dataclass
from pathlib import Path

import geopandas
import pandas as pd
import pyogrio

VECTOR_SUFFIXES = (".geojson", ".json", ".gpkg", ".shp", ".zip")
CODE_DIGITS = {"kabupaten": 4, "kecamatan": 7}


@dataclass(frozen=True)
class _Candidate:
    path: Path
    layer: str
    column: str


@dataclass(frozen=True)
class CodeMatch:
    """How a page's codes met the polygons, so it can say why a unit is not drawn."""

    source: str | None  # file (and layer) the polygons came from; None without boundaries
    key: str | None  # the BPS code column that was matched, e.g. "kode_bps"
    missing: tuple[str, ...]  # codes in the data with no polygon, sorted


def load_boundaries(level: str, folder: Path | None) -> geopandas.GeoDataFrame | None:
    """Polygons of one level with columns `kode` (BPS code, str), `nama`, `geometry` in EPSG:4326.

    None when there is no folder or no layer of that level in it; ValueError when a file cannot be read.
    Cached per level and folder for the life of the process, as pages ask on every run.
    """
    if level not in CODE_DIGITS:
        raise ValueError(f"unknown boundary level {level!r}; expected one of {sorted(CODE_DIGITS)}")
    if folder is None or not Path(folder).is_dir():
        return None
    shapes = _load(level, Path(folder).resolve())
    # A copy, so that a caller that adds columns does not change what the next page run gets.
    return None if shapes is None else shapes.copy()


def match_codes(codes, boundaries: geopandas.GeoDataFrame | None) -> CodeMatch:
    """Which layer and key the map joined on, and which of `codes` found no polygon."""
    wanted = {str(code) for code in codes}
    if boundaries is None:
        return CodeMatch(source=None, key=None, missing=tuple(sorted(wanted)))
    missing = tuple(sorted(wanted - set(boundaries["kode"])))
    return CodeMatch(boundaries.attrs.get("source"), boundaries.attrs.get("key"), missing)


@functools.lru_cache(maxsize=8)
def _load(level: str, folder: Path) -> geopandas.GeoDataFrame | None:
    digits = CODE_DIGITS[level]
    found = [
        candidate
        for path in sorted(folder.iterdir())
        if path.suffix.lower() in VECTOR_SUFFIXES
        for candidate in _candidates(path, digits)
    ]
    if not found:
        return None
    # Files are scanned in name order and min() keeps the first of equals, so the choice is stable.
    best = min(found, key=lambda candidate: candidate.column.lower() != "kode_bps")
    shapes = _to_wgs84(_read(best.path, best.layer, ignore_geometry=False), best.path)
    codes = _as_codes(shapes[best.column], digits)
    result = geopandas.GeoDataFrame(
        {"kode": codes, "nama": _names(shapes), "geometry": shapes.geometry}, crs="EPSG:4326"
    )
    # Rows without a BPS code cannot carry data. In ../shared/geo these are Kota Bangun Darat and Samboja
    # Barat (Kutai Kartanegara), absent from the 103-kecamatan BPS master: they stay blank on the map.
    result = result[result["kode"].notna()].reset_index(drop=True)
    result.attrs.update(source=f"{best.path.name}:{best.layer}", key=best.column)
    return result


def _candidates(path: Path, digits: int) -> list[_Candidate]:
    """The (layer, column) pairs of a file that hold unique BPS codes of the wanted length."""
    found = []
    for layer in _layers(path):
        attributes = _read(path, layer, ignore_geometry=True)
        found += [
            _Candidate(path, layer, column)
            for column in attributes.columns
            if "bps" in column.lower() and _as_codes(attributes[column], digits) is not None
        ]
    return found


def _layers(path: Path) -> list[str]:
    try:
        return [str(name) for name, _ in pyogrio.list_layers(path)]
    except Exception as error:
        raise ValueError(f"cannot read boundary file {path}: {error}") from error


def _read(path: Path, layer: str, *, ignore_geometry: bool) -> pd.DataFrame:
    try:
        return geopandas.read_file(path, layer=layer, ignore_geometry=ignore_geometry)
    except Exception as error:
        raise ValueError(f"cannot read boundary file {path} (layer {layer}): {error}") from error


def _as_codes(column: pd.Series, digits: int) -> pd.Series | None:
    """The column as BPS code strings (nulls kept), or None unless every value is a unique 64… code.

    Uniqueness tells a layer's own code from a parent code repeated on every child (`kode_kab_bps` in
    the kecamatan file also holds 4-digit 64xx codes).
    """
    values = column.dropna()
    if values.empty or pd.api.types.is_bool_dtype(values):
        return None
    if pd.api.types.is_numeric_dtype(values):
        # A DBF gives codes as int, or float when a value is missing: 6472010.0 must become "6472010".
        # No zero-padding is lost: every Kaltim code starts with 64.
        if not (values % 1 == 0).all():
            return None
        values = values.astype("int64")
    codes = values.astype(str).str.strip()
    if not codes.str.fullmatch(rf"64\d{{{digits - 2}}}").all() or codes.duplicated().any():
        return None
    return codes.reindex(column.index)


def _names(frame: pd.DataFrame) -> pd.Series:
    by_lower = {str(column).lower(): column for column in frame.columns}
    for wanted in ("nama", "nama_bps", "name"):
        if wanted in by_lower:
            return frame[by_lower[wanted]].astype("str")
    return pd.Series(pd.NA, index=frame.index, dtype="str")


def _to_wgs84(shapes: geopandas.GeoDataFrame, path: Path) -> geopandas.GeoDataFrame:
    if shapes.crs is not None:
        return shapes.to_crs("EPSG:4326")
    # A Shapefile without .prj: accept it as longitude/latitude only if its coordinates can be that.
    west, south, east, north = shapes.total_bounds
    if not (-180 <= west <= east <= 180 and -90 <= south <= north <= 90):
        raise ValueError(f"boundary file {path} has no CRS and its coordinates are not longitude/latitude")
    return shapes.set_crs("EPSG:4326")
