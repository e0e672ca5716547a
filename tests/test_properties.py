"""Properties of the loader over generated export files, good and broken (hypothesis).

- Counts add up: rows read = loaded + replaced + rejected, and rows read = the records written.
- A load that fails (a bad file among good ones) leaves every table of the warehouse as it was.
- Loading the same rows twice (even re-saved with another delimiter or encoding) changes no data.
"""

import csv
import io
import shutil
import tempfile
from pathlib import Path

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from data import warehouse
from data.loader import load_files
from data.readers import BadFile
from tests.helpers import TABLES, snapshot, throwaway_warehouse

CONTRACT_TABLES = [table for table in TABLES if table not in ("muat", "tolak")]
COLUMNS = [
    "id_keluarga",
    "idsubsls",
    "id_petugas",
    "kanal",
    "id_desk",
    "tanggal_didata",
    "tanggal_diperiksa",
    "jumlah_art",
]
EXAMPLES = settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)

# Values a field export may hold: mostly good, with the mistakes offices make.
families = st.sampled_from(["K01", "K02", "K24", "N1", "N2", "N3", "N4", "", " N5 ", "=1+1"])
sls = st.sampled_from(
    [
        "6472010001000100",
        "6472010001000200",
        "6411010001000100",
        "6472010001000100.0",
        "6,47201E+15",
        "999",
        "",
    ]
)
officers = st.sampled_from(["PPL-1", "PPL-2", "PPL-3", "ppl-9", "", "@x"])
channels = st.sampled_from(["PINTU", " pintu ", "DESK", "Desk", "PORTAL", ""])
desks = st.sampled_from(["", "D1", "D9"])
dates = st.sampled_from(["2022-10-20", "25/10/2022", "44860", "2022-13-01", "kemarin", "", "1/11/2022"])
sizes = st.sampled_from(["1", "4", "12", "0", "-2", "3.5", "x", "", "+3"])
free_text = st.text(alphabet=st.sampled_from(list('ab ,;"\n\t=é')), max_size=6)

rows = st.lists(
    st.tuples(families, sls, officers, channels, desks, dates, dates | free_text, sizes),
    min_size=0,
    max_size=30,
)
formats = st.sampled_from([(",", "utf-8"), (";", "utf-8-sig"), ("\t", "utf-8"), (";", "cp1252")])


def csv_bytes(records: list[tuple], delimiter: str, encoding: str) -> bytes:
    out = io.StringIO()
    writer = csv.writer(out, delimiter=delimiter, lineterminator="\n")
    writer.writerow(COLUMNS)
    writer.writerows(records)
    return out.getvalue().encode(encoding, errors="replace")


@pytest.fixture
def fresh_copy(small_warehouse_template):
    """A function making a fresh copy of the small campaign's warehouse, for each generated example."""
    folders = []

    def make() -> Path:
        folder = Path(tempfile.mkdtemp(prefix="sifat-"))
        folders.append(folder)
        return throwaway_warehouse(small_warehouse_template, folder)

    yield make
    for folder in folders:
        shutil.rmtree(folder, ignore_errors=True)


def data_tables(warehouse: Path) -> dict[str, list]:
    """The contract tables without id_muat (which load wrote a row is not the row's data)."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return {
            table: sorted(con.execute(f"SELECT * EXCLUDE (id_muat) FROM {table}").fetchall(), key=repr)
            for table in CONTRACT_TABLES
        }
    finally:
        con.close()


def count(warehouse: Path, sql: str, params: list | None = None) -> int:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute(sql, params or []).fetchone()[0]
    finally:
        con.close()


@EXAMPLES
@given(records=rows, form=formats)
def test_counts_add_up(fresh_copy, records, form):
    warehouse = fresh_copy()
    path = warehouse.parent / "registrasi.csv"
    path.write_bytes(csv_bytes(records, *form))
    before = count(warehouse, "SELECT count(*) FROM registrasi")
    [result] = load_files([path], warehouse_path=warehouse)
    assert result.read == len(records)
    assert result.read == result.loaded + result.replaced + result.rejected
    assert count(warehouse, "SELECT count(*) FROM registrasi") == before + result.loaded
    rejected_rows = "SELECT count(DISTINCT baris) FROM tolak WHERE berkas = ?"
    assert count(warehouse, rejected_rows, [str(path)]) == result.rejected


@EXAMPLES
@given(records=rows, form=formats, broken=st.sampled_from(["", "a,b\n1,2\n", "id_keluarga,idsubsls\nK1,1\n"]))
def test_a_failed_load_leaves_every_table_as_it_was(fresh_copy, records, form, broken):
    warehouse = fresh_copy()
    good = warehouse.parent / "registrasi.csv"
    good.write_bytes(csv_bytes(records, *form))
    bad = warehouse.parent / "rusak.csv"
    bad.write_text(broken)
    before, before_bytes = snapshot(warehouse), warehouse.read_bytes()
    with pytest.raises(BadFile) as raised:
        load_files([good, bad], warehouse_path=warehouse)
    assert raised.value.path == bad
    assert snapshot(warehouse) == before
    assert warehouse.read_bytes() == before_bytes


@EXAMPLES
@given(records=rows, first=formats, second=formats)
def test_loading_the_same_rows_twice_changes_no_data(fresh_copy, records, first, second):
    warehouse = fresh_copy()
    path = warehouse.parent / "registrasi_1.csv"
    path.write_bytes(csv_bytes(records, *first))
    load_files([path], warehouse_path=warehouse)
    once, once_full = data_tables(warehouse), snapshot(warehouse)
    load_files([path], warehouse_path=warehouse)  # the very same file: skipped, nothing at all changes
    assert snapshot(warehouse) == once_full
    again = warehouse.parent / "registrasi_2.csv"
    again.write_bytes(csv_bytes(records, *second))
    [result] = load_files([again], warehouse_path=warehouse)
    assert data_tables(warehouse) == once
    assert result.loaded == 0


# Header names an export may hold beyond the contract: anything at all, SQL among it.
SQL_CHARACTERS = st.sampled_from(list("a\" ;-/*'()zZ_\x00"))
extra_names = st.lists(
    st.text(alphabet=SQL_CHARACTERS, min_size=1, max_size=30) | st.text(max_size=8), min_size=1, max_size=4
)


@EXAMPLES
@given(records=rows, names=extra_names)
def test_any_extra_header_is_only_ignored(fresh_copy, records, names):
    """Whatever the extra columns are called, the load is the same as without them: the rows load or are
    rejected exactly alike, and no table but the contract's, muat and tolak changes."""
    with_extras, without = fresh_copy(), fresh_copy()
    folder = with_extras.parent
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(COLUMNS + names)
    writer.writerows(record + tuple("x" for _ in names) for record in records)
    (folder / "registrasi.csv").write_text(out.getvalue(), encoding="utf-8")
    (without.parent / "registrasi.csv").write_bytes(csv_bytes(records, ",", "utf-8"))
    try:
        [result] = load_files([folder / "registrasi.csv"], warehouse_path=with_extras)
    except BadFile:
        # Two names that normalise to one contract column, or a bare carriage return in a name that
        # breaks the header line: refused, and nothing changed.
        assert data_tables(with_extras) == data_tables(without)
        return
    [plain] = load_files([without.parent / "registrasi.csv"], warehouse_path=without)
    assert (result.read, result.loaded, result.replaced, result.rejected) == (
        plain.read,
        plain.loaded,
        plain.replaced,
        plain.rejected,
    )
    assert data_tables(with_extras) == data_tables(without)
    tables = "SELECT count(*) FROM information_schema.tables WHERE table_name <> ALL (?)"
    assert count(with_extras, tables, [sorted(warehouse.TABLES)]) == 0  # nothing was created
