"""Shared fixtures: throwaway warehouses built from the hand-made contract files in fixtures/kecil."""

import shutil
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from data.loader import load_files

SMALL_CAMPAIGN = Path(__file__).parent / "fixtures" / "kecil"
SMALL_FILES = sorted(SMALL_CAMPAIGN.glob("*.csv"))
APP = str(Path(__file__).resolve().parent.parent / "app.py")


@pytest.fixture(scope="session")
def small_warehouse_template(tmp_path_factory) -> Path:
    path = tmp_path_factory.mktemp("kecil") / "warehouse.duckdb"
    load_files(SMALL_FILES, warehouse_path=path)
    return path


@pytest.fixture
def small_warehouse(small_warehouse_template, tmp_path) -> Path:
    """A fresh copy of the small campaign's warehouse, for tests that change it."""
    path = tmp_path / "warehouse.duckdb"
    shutil.copyfile(small_warehouse_template, path)
    return path


@pytest.fixture
def open_page(monkeypatch):
    """Open a page as a link with these query parameters would, on the given warehouse: the app runs
    once to build the frame, then switches to the page (AppTest opens each view fresh)."""

    def run(page: str, warehouse: Path, **query) -> AppTest:
        monkeypatch.setenv("PANTAU_WAREHOUSE", str(warehouse))
        at = AppTest.from_file(APP, default_timeout=30)
        at.query_params.update(query)
        at.run()
        at.switch_page(f"pages/{page}.py")
        at.run()
        assert not at.exception
        return at

    return run


def metrics(at: AppTest) -> dict[str, str]:
    """The metrics a page shows, label to value."""
    return {metric.label: metric.value for metric in at.metric}
