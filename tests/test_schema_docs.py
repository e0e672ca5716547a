"""data/schema.sql tells every table of the warehouse: the contract tables as CREATE TABLE, and in a
comment section at its end the summary tables that data/rollup.sql builds, each with what it holds
and its columns. These tests keep that section true to a warehouse that a load built (the idea of
datasette's test_docs.py: the documentation is read by a test, so it cannot drift from the code).

The section's form: a paragraph starting `-- Summary tables:`, a line `--`, then the list:

    -- <table>: <what it holds, one line>
    --     <column> <TYPE>, <column> <TYPE>, ...     (more such lines when the list is long)
"""

import re
from pathlib import Path

import duckdb
import pytest

from data import warehouse
from data.__main__ import main as data_command
from queries import Warehouse, WarehouseOutdated


def schema_tables() -> set[str]:
    return set(re.findall(r"^CREATE TABLE (\w+)", warehouse.SCHEMA_FILE.read_text(), flags=re.MULTILINE))


def columns_of(path: Path) -> dict[str, list[tuple[str, str]]]:
    """Every table of the warehouse file with its columns and types, in order."""
    connection = duckdb.connect()
    try:
        connection.execute("ATTACH ? AS gudang (READ_ONLY)", [str(path)])
        rows = connection.execute(
            "SELECT table_name, column_name, data_type FROM information_schema.columns"
            " WHERE table_catalog = 'gudang' ORDER BY table_name, ordinal_position"
        ).fetchall()
    finally:
        connection.close()
    tables: dict[str, list[tuple[str, str]]] = {}
    for table, column, type_ in rows:
        tables.setdefault(table, []).append((column, type_))
    return tables


@pytest.fixture(scope="module")
def built(small_warehouse_template) -> dict[str, list[tuple[str, str]]]:
    return columns_of(small_warehouse_template)


def test_the_list_names_every_summary_table_of_rollup_sql():
    documented = warehouse.summary_tables()
    assert all(documented.values()), "a table listed without columns"
    assert set(documented) == warehouse.SUMMARY_TABLES
    assert not set(documented) & schema_tables(), "a contract table listed as a summary table"


def test_the_listed_columns_are_the_summary_tables_columns(built):
    documented = warehouse.summary_tables()
    assert {table: built.get(table) for table in documented} == documented


def test_every_table_of_the_warehouse_is_in_schema_sql(built):
    assert set(built) == schema_tables() | set(warehouse.summary_tables())


def test_a_warehouse_without_a_listed_summary_column_is_outdated(small_warehouse):
    """A warehouse built before a summary table gained a column is refused as outdated (the next load
    rebuilds the summary tables), not read until a question fails on the missing column."""
    with duckdb.connect(str(small_warehouse)) as connection:
        connection.execute("ALTER TABLE registrasi_harian DROP COLUMN keluarga_terhitung")
    with pytest.raises(WarehouseOutdated, match=r"registrasi_harian\.keluarga_terhitung"):
        Warehouse(small_warehouse).run("info_data")


def test_the_demo_command_rebuilds_a_demo_warehouse_from_an_earlier_version(tmp_path):
    target = tmp_path / "warehouse.duckdb"
    command = ["--warehouse", str(target), "demo", "--as-of", "2022-10-16", "--if-missing"]
    assert data_command(command) == 0
    with duckdb.connect(str(target)) as connection:
        connection.execute("ALTER TABLE registrasi_harian DROP COLUMN keluarga_terhitung")
    assert warehouse.missing_parts(target) == ["registrasi_harian.keluarga_terhitung"]
    assert data_command(command) == 0
    assert warehouse.missing_parts(target) == []
