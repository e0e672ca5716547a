"""Boundaries and map figures. Where the boundary folder is can be asked without geopandas (the loader's
command line only needs the folder for the demo's kecamatan crosswalk)."""

import os
from pathlib import Path

DEFAULT_DIR = Path(__file__).resolve().parent.parent.parent / "shared" / "geo"


def boundaries_dir() -> Path | None:
    """The boundary folder: `PANTAU_GEO_DIR` if set ("" turns maps' boundaries off), else the default."""
    configured = os.environ.get("PANTAU_GEO_DIR")
    if configured is not None:
        return Path(configured) if configured else None
    return DEFAULT_DIR if DEFAULT_DIR.is_dir() else None
