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

HEADING = "-- Summary tables:"
TABLE_LINE = re.compile(r"-- (\w+): (\S.*)")
COLUMNS_LINE = re.compile(r"-- {5}(\S.*)")


def documented_summary_tables() -> dict[str, list[tuple[str, str]]]:
    """The summary tables of schema.sql's comment section: table -> [(column, type), ...]."""
    lines = warehouse.SCHEMA_FILE.read_text().splitlines()
    starts = [number for number, line in enumerate(lines) if line.startswith(HEADING)]
    assert len(starts) == 1, f"schema.sql needs one line starting {HEADING!r}"
    paragraph_end = lines.index("--", starts[0])
    tables: dict[str, list[tuple[str, str]]] = {}
    table = None
    for line in lines[paragraph_end + 1 :]:
        if not line.startswith("--"):
            break  # the section is one comment block
        if columns := COLUMNS_LINE.fullmatch(line):
            assert table is not None, f"columns before any table: {line!r}"
            for column in filter(None, (part.strip() for part in columns[1].split(","))):
                name, _, type_ = column.partition(" ")
                assert name and type_, f"{table}: {column!r} is not '<column> <TYPE>'"
                tables[table].append((name, type_))
        elif described := TABLE_LINE.fullmatch(line):
            table = described[1]
            assert table not in tables, f"{table} is listed twice"
            tables[table] = []
        else:
            raise AssertionError(f"not part of the list's form: {line!r}")
    return tables


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
    documented = documented_summary_tables()
    assert all(documented.values()), "a table listed without columns"
    assert set(documented) == warehouse.SUMMARY_TABLES
    assert not set(documented) & schema_tables(), "a contract table listed as a summary table"


def test_the_listed_columns_are_the_summary_tables_columns(built):
    documented = documented_summary_tables()
    assert {table: built.get(table) for table in documented} == documented


def test_every_table_of_the_warehouse_is_in_schema_sql(built):
    assert set(built) == schema_tables() | set(documented_summary_tables())
