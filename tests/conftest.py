"""Shared fixtures: throwaway warehouses built from the hand-made contract files in fixtures/kecil."""

import shutil
from pathlib import Path

import pytest

from data.loader import load_files

SMALL_CAMPAIGN = Path(__file__).parent / "fixtures" / "kecil"
SMALL_FILES = sorted(SMALL_CAMPAIGN.glob("*.csv"))


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
