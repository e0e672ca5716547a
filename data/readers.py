"""Read an exported file (CSV, XLSX or Parquet) into a staging table of text columns.

Every value is kept as text so that validation, not the reader, decides what a value means and can
say why it is wrong. `_baris` is the row as a spreadsheet shows it: the header is row 1, the first
record row 2 (for Excel, the sheet's own row number, title rows included).
"""

import codecs
import datetime as dt
import tempfile
import zipfile
from pathlib import Path

import duckdb
import openpyxl
import pyarrow as pa
from openpyxl.utils.exceptions import InvalidFileException

from data.contract import KINDS

CSV_SUFFIXES = {".csv", ".txt", ".tsv"}
EXCEL_SUFFIXES = {".xlsx", ".xlsm"}
PARQUET_SUFFIXES = {".parquet", ".pq"}
DELIMITERS = (";", ",", "\t")
KNOWN_COLUMNS = {column for kind in KINDS.values() for column in kind.columns}
HEADER_SEARCH_ROWS = 20
EXCEL_BATCH_ROWS = 50_000  # rows of a workbook held in memory at once
CHUNK_BYTES = 1 << 20
# Excel keeps 15 significant digits: a number this large held a code whose last digits are lost.
EXCEL_EXACT_LIMIT = 10**15


class BadFile(Exception):
    """A file that cannot be loaded at all; nothing of the invocation loads."""

    def __init__(self, path: Path, reason: str):
        super().__init__(f"{path}: {reason}")
        self.path = path
        self.reason = reason


def stage(con: duckdb.DuckDBPyConnection, path: Path, table: str) -> list[str]:
    """Create `table` from the file; return its (normalised) column names, `_baris` excluded."""
    if not path.is_file():
        raise BadFile(path, "berkas tidak ditemukan")
    if path.stat().st_size == 0:
        raise BadFile(path, "berkas kosong")
    suffix = path.suffix.lower()
    try:
        if suffix in CSV_SUFFIXES:
            _stage_csv(con, path, table)
        elif suffix in EXCEL_SUFFIXES:
            _stage_excel(con, path, table)
        elif suffix in PARQUET_SUFFIXES:
            _stage_parquet(con, path, table)
        else:
            raise BadFile(path, f"format '{suffix}' tidak dikenal (yang diterima: CSV, XLSX, Parquet)")
    except (duckdb.Error, OSError, ValueError, KeyError, zipfile.BadZipFile, InvalidFileException) as error:
        if isinstance(error, BadFile):
            raise
        raise BadFile(path, f"tidak dapat dibaca: {error}") from error
    return _normalise_columns(con, path, table)


def _normalise_columns(con: duckdb.DuckDBPyConnection, path: Path, table: str) -> list[str]:
    names = [row[0] for row in con.execute(f"DESCRIBE {table}").fetchall() if row[0] != "_baris"]
    normalised = [name.strip().lstrip("\ufeff").lower() for name in names]
    repeated = sorted({name for name in normalised if normalised.count(name) > 1})
    if repeated:
        raise BadFile(path, f"kolom ganda di baris judul: {', '.join(repeated)}")
    for old, new in zip(names, normalised, strict=True):
        if old != new:
            con.execute(f'ALTER TABLE {table} RENAME COLUMN "{old}" TO "{new}"')
    return normalised


def _sniff_delimiter(path: Path) -> str:
    """The delimiter used most in the header line (Indonesian Excel saves with ';')."""
    with open(path, "rb") as file:
        header = file.readline().decode("utf-8", errors="replace")
    counts = {delimiter: header.count(delimiter) for delimiter in DELIMITERS}
    return max(counts, key=counts.get)


def _stage_csv(con: duckdb.DuckDBPyConnection, path: Path, table: str) -> None:
    with _as_utf8(path) as readable:
        con.execute(
            # An empty OVER () numbers the rows in file order, as they are read: no second copy.
            f"""CREATE TEMP TABLE {table} AS SELECT row_number() OVER () + 1 AS _baris, * FROM read_csv(
                    ?, delim = ?, quote = '"', escape = '"', header = true,
                    all_varchar = true, normalize_names = false)""",
            [str(readable), _sniff_delimiter(readable)],
        )


class _as_utf8:
    """The file itself when it is UTF-8; otherwise a UTF-8 copy of it, removed afterwards.

    Offices save text as UTF-8 (with or without BOM), as Windows-1252 (Excel's "CSV" on Windows) or
    as UTF-16 (Excel's "Unicode text"). Copying streams in chunks, so any size fits in memory."""

    def __init__(self, path: Path):
        self.path = path
        self.copy: Path | None = None

    def __enter__(self) -> Path:
        encoding = _encoding(self.path)
        if encoding == "utf-8":
            return self.path
        with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".csv", delete=False) as out:
            self.copy = Path(out.name)
            with open(self.path, encoding=encoding, newline="") as source:
                while chunk := source.read(CHUNK_BYTES):
                    out.write(chunk)
        return self.copy

    def __exit__(self, *exc) -> None:
        if self.copy:
            self.copy.unlink(missing_ok=True)


def _encoding(path: Path) -> str:
    """utf-8, utf-16 (by its byte-order mark) or cp1252; BadFile when it is none of them."""
    with open(path, "rb") as file:
        if file.read(2) in (codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE):
            return "utf-16"
    if _first_undecodable(path, "utf-8") is None:
        return "utf-8"
    bad = _first_undecodable(path, "cp1252")
    if bad is not None:
        offset, byte = bad
        raise BadFile(
            path,
            f"bukan teks UTF-8 maupun Windows-1252 (byte 0x{byte:02X} pada posisi {offset}); "
            "simpan ulang sebagai CSV UTF-8",
        )
    return "cp1252"


def _first_undecodable(path: Path, encoding: str) -> tuple[int, int] | None:
    """The offset and value of the first byte that `encoding` cannot read, streaming the file."""
    decoder = codecs.getincrementaldecoder(encoding)()
    offset = 0
    with open(path, "rb") as file:
        while block := file.read(CHUNK_BYTES):
            if block.isascii() and not decoder.getstate()[0]:  # ASCII is valid in both: no need to decode
                offset += len(block)
                continue
            try:
                decoder.decode(block)
            except UnicodeDecodeError as error:
                return offset + error.start, block[error.start]
            offset += len(block)
    try:
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return offset, 0
    return None


def _stage_parquet(con: duckdb.DuckDBPyConnection, path: Path, table: str) -> None:
    columns = con.execute("SELECT name FROM parquet_schema(?) WHERE num_children IS NULL", [str(path)])
    as_text = ", ".join(f'CAST("{name}" AS VARCHAR) AS "{name}"' for (name,) in columns.fetchall())
    con.execute(
        f"CREATE TEMP TABLE {table} AS SELECT file_row_number + 2 AS _baris, {as_text} "
        "FROM read_parquet(?, file_row_number = true)",
        [str(path)],
    )


def _stage_excel(con: duckdb.DuckDBPyConnection, path: Path, table: str) -> None:
    """The first sheet, from its header row on, in batches so that a large workbook fits in memory."""
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        rows = workbook.worksheets[0].iter_rows(values_only=True)
        header_row, header = _find_header(path, rows)
        columns = ", ".join(f'"{name}" VARCHAR' for name in header)
        con.execute(f"CREATE TEMP TABLE {table} (_baris BIGINT, {columns})")
        batch: list[tuple] = []
        for number, values in enumerate(rows, start=header_row + 1):
            if all(value is None or str(value).strip() == "" for value in values):
                continue
            cells = [
                _cell_text(values[index]) if index < len(values) else None for index in range(len(header))
            ]
            batch.append((number, *cells))
            if len(batch) == EXCEL_BATCH_ROWS:
                _append(con, table, header, batch)
                batch = []
        _append(con, table, header, batch)
    finally:
        workbook.close()


def _append(con: duckdb.DuckDBPyConnection, table: str, header: list[str], batch: list[tuple]) -> None:
    if not batch:
        return
    names = ["_baris", *header]
    arrow = pa.table(
        {name: list(column) for name, column in zip(names, zip(*batch, strict=True), strict=True)}
    )
    con.register(f"{table}_batch", arrow)
    con.execute(f"INSERT INTO {table} SELECT * FROM {table}_batch")
    con.unregister(f"{table}_batch")


def _find_header(path: Path, rows) -> tuple[int, list[str]]:
    """The first row naming at least two contract columns (title rows may sit above it)."""
    for number, values in enumerate(rows, start=1):
        names = [str(value).strip() if value is not None else "" for value in values]
        if sum(name.lower() in KNOWN_COLUMNS for name in names) >= 2:
            while names and not names[-1]:
                names.pop()
            return number, [name or f"kolom_{index + 1}" for index, name in enumerate(names)]
        if number >= HEADER_SEARCH_ROWS:
            break
    raise BadFile(path, f"baris judul kolom tidak ditemukan di {HEADER_SEARCH_ROWS} baris pertama")


def _cell_text(value: object) -> str | None:
    """A cell as the text a CSV export would have held."""
    if value is None:
        return None
    if isinstance(value, dt.datetime):
        return value.date().isoformat() if value.time() == dt.time() else value.isoformat(sep=" ")
    if isinstance(value, dt.date | dt.time):
        return value.isoformat()
    if isinstance(value, int | float) and abs(value) >= EXCEL_EXACT_LIMIT:
        return f"{value:.14E}"  # as Excel shows it: the checks reject it as a code that lost digits
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)
