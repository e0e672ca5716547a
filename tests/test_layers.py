"""The rooms keep to their jobs: data/, queries/ and geo/ never import Streamlit; pages never open the
database (no duckdb, no Warehouse of their own); and the loader's command line runs without the map
libraries, so a loading machine needs no geopandas. Checked in a fresh interpreter, by what is imported."""

import subprocess
import sys

import pytest

from tests.helpers import ROOT


def imported_by(module: str) -> set[str]:
    """The top-level packages a fresh interpreter holds after importing `module`."""
    script = f"import sys, {module}; print(' '.join(sorted({{name.split('.')[0] for name in sys.modules}})))"
    done = subprocess.run(
        [sys.executable, "-c", script], cwd=ROOT, capture_output=True, text=True, check=True, timeout=120
    )
    return set(done.stdout.split())


@pytest.mark.parametrize(
    "module", ["data.loader", "data.demo", "data.export", "data.accounts", "queries", "geo.maps"]
)
def test_data_queries_and_geo_never_import_streamlit(module):
    assert "streamlit" not in imported_by(module)


def test_the_loaders_command_line_needs_no_map_libraries():
    assert not {"geopandas", "shapely", "pyogrio", "plotly"} & imported_by("data.__main__")


def test_pages_never_open_the_database():
    """No page script or ui module names duckdb or opens a Warehouse: they ask through pages/ui/asking.py,
    the one place that holds the warehouse for them."""
    sources = [*(ROOT / "pages").rglob("*.py"), ROOT / "app.py"]
    opening = [
        path.relative_to(ROOT)
        for path in sources
        if path.name != "asking.py" and ("duckdb" in path.read_text() or "Warehouse(" in path.read_text())
    ]
    assert opening == []
