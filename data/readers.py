"""Read an exported file (CSV, XLSX or Parquet) into a staging table of text columns.

Every value is kept as text so that validation, not the reader, decides what a value means and can
say why it is wrong. `_baris` is the row as a spreadsheet shows it: the header is row 1, the first
record row 2 (for Excel, the sheet's own row number, title rows included).

A file's header is read here, in Python, and never becomes SQL: its names are matched against the
contract, and the staging table holds only the contract's columns, under the contract's own names,
taken from the file by position (`#3`). Whatever a header holds (quotes, semicolons, a statement) is
at most a column that is ignored with a notice. Each file is bounded by data/limits.py; a workbook
is checked before it is read, since a few megabytes of zip can hold gigabytes of XML.
"""

import codecs
import csv
import dataclasses
import datetime as dt
import re
import tempfile
import zipfile
from dataclasses import dataclass
from pathlib import Path

import duckdb
import openpyxl
import pyarrow as pa
import pyarrow.parquet as pq
from openpyxl.utils import column_index_from_string
from openpyxl.utils.exceptions import InvalidFileException

from data.contract import KINDS
from data.failures import BadFile, StorageFailure, is_storage_failure
from data.limits import MB, Deadline, Limits

CSV_SUFFIXES = {".csv", ".txt", ".tsv"}
EXCEL_SUFFIXES = {".xlsx", ".xlsm"}
PARQUET_SUFFIXES = {".parquet", ".pq"}
DELIMITERS = (";", ",", "\t")
KNOWN_COLUMNS = frozenset(column for kind in KINDS.values() for column in kind.columns)
HEADER_SEARCH_ROWS = 20
HEADER_MAX_BYTES = 1 << 16  # a header line longer than this is no export's
EXCEL_BATCH_ROWS = 50_000  # rows of a workbook held in memory at once
CHUNK_BYTES = 1 << 20
# Excel keeps 15 significant digits: a number this large held a code whose last digits are lost.
EXCEL_EXACT_LIMIT = 10**15
WORKBOOK_MAX_PARTS = 10_000
EXCEL_MAX_ROWS = 1_048_576
RATIO_CHECKED_FROM = MB  # small parts (styles, a tiny sheet) may compress very well
UTF8_MAX_BYTES = 6  # bytes one character of a cell can take in the XML (an entity such as &#x1F600;)
ROW_NUMBER = re.compile(rb'<row r="([0-9]{1,12})"')
DIMENSION = re.compile(rb'<dimension ref="([A-Z]{1,3})([0-9]{1,9})(?::([A-Z]{1,3})([0-9]{1,9}))?"')
NAMES_SHOWN = 10  # names of ignored columns told, at most
NAME_SHOWN_CHARS = 40


@dataclass(frozen=True)
class Header:
    """A file's column names, normalised, in the file's order; the staging table holds the contract's
    ones, each taken from its position."""

    names: tuple[str, ...]

    @property
    def contract(self) -> dict[str, int]:
        """Each contract column present and its position (0-based)."""
        return {name: index for index, name in enumerate(self.names) if name in KNOWN_COLUMNS}

    @property
    def columns(self) -> list[str]:
        return list(self.contract)

    def others(self, kept: tuple[str, ...]) -> list[str]:
        """The names of the columns a load of one kind ignores (`kept`: that kind's columns)."""
        return [name for name in self.names if name not in kept]


def normalise(name: object, position: int) -> str:
    """A header cell as a column name: trimmed, lower case, inner spaces as `_` (`ID Petugas` is
    `id_petugas`); an empty cell is `kolom_<n>`."""
    words = str(name if name is not None else "").replace("\ufeff", "").split()
    return "_".join(words).lower() or f"kolom_{position + 1}"


def read_header(path: Path, raw: list, limits: Limits) -> Header:
    """The header, refused when it has too many columns or names a contract column twice (in any case
    or spacing), before any engine renames a repeat and lets the first win silently."""
    if len(raw) > limits.columns:
        raise BadFile(
            path,
            _beyond(f"{_n(len(raw))} kolom di baris judul", f"{limits.columns} kolom", "PANTAU_MAX_COLUMNS"),
        )
    names = tuple(normalise(name, index) for index, name in enumerate(raw))
    positions: dict[str, list[int]] = {}
    for index, name in enumerate(names):
        if name in KNOWN_COLUMNS:
            positions.setdefault(name, []).append(index + 1)
    repeated = [
        f"{name} (kolom {' dan '.join(map(str, where))})"
        for name, where in positions.items()
        if len(where) > 1
    ]
    if repeated:
        raise BadFile(path, "kolom ganda di baris judul: " + ", ".join(repeated))
    return Header(names)


def _n(value: float) -> str:
    """A count or size as Indonesian writes it: 1.048.576."""
    return f"{value:,.0f}".replace(",", ".")


def _beyond(what: str, limit: str, setting: str) -> str:
    """Why a file is refused: what it holds, the bound it passes, and the setting that sets that bound."""
    return f"{what}, lebih dari batas {limit} ({setting})"


def _too_many_rows(what: str, limits: Limits) -> str:
    return _beyond(what, f"{_n(limits.rows)} baris", "PANTAU_MAX_ROWS") + ": pecah menjadi beberapa berkas"


def shown_names(names: list[str]) -> str:
    """Names from a file, for a notice: each cut short, and only the first few."""
    cut = [name if len(name) <= NAME_SHOWN_CHARS else name[: NAME_SHOWN_CHARS - 1] + "…" for name in names]
    told = ", ".join(cut[:NAMES_SHOWN])
    return told + (f" dan {len(cut) - NAMES_SHOWN} lainnya" if len(cut) > NAMES_SHOWN else "")


def _projection(header: Header) -> str:
    """The contract's columns, each from its position in the file: only our own names are SQL."""
    return "".join(f", CAST(#{index + 1} AS VARCHAR) AS {name}" for name, index in header.contract.items())


def check_size(path: Path, limits: Limits) -> None:
    """Refuse a file that is missing, empty or larger than the limit, before anything reads it."""
    if not path.is_file():
        raise BadFile(path, "berkas tidak ditemukan")
    size = path.stat().st_size
    if size == 0:
        raise BadFile(path, "berkas kosong")
    if size > limits.file_mb * MB:
        raise BadFile(
            path, _beyond(f"berkas {_n(size / MB)} MB", f"{_n(limits.file_mb)} MB", "PANTAU_MAX_FILE_MB")
        )


def stage(
    con: duckdb.DuckDBPyConnection, path: Path, table: str, limits: Limits, deadline: Deadline
) -> Header:
    """Create `table` (our own name) from the file; return the file's header."""
    check_size(path, limits)
    suffix = path.suffix.lower()
    readers = {**dict.fromkeys(CSV_SUFFIXES, _stage_csv), **dict.fromkeys(EXCEL_SUFFIXES, _stage_excel)}
    readers.update(dict.fromkeys(PARQUET_SUFFIXES, _stage_parquet))
    if suffix not in readers:
        raise BadFile(path, f"format '{suffix[:12]}' tidak dikenal (yang diterima: CSV, XLSX, Parquet)")
    try:
        header = readers[suffix](con, path, table, limits, deadline)
    except (
        duckdb.Error,
        pa.ArrowException,
        OSError,
        ValueError,
        KeyError,
        zipfile.BadZipFile,
        InvalidFileException,
    ) as error:
        if isinstance(error, duckdb.InterruptException):
            raise
        if is_storage_failure(error):
            raise StorageFailure(
                f"ruang disk habis atau gagal menulis saat membaca berkas: {error}", path
            ) from error
        raise BadFile(path, f"tidak dapat dibaca: {error}") from error
    rows = con.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
    if rows > limits.rows:
        raise BadFile(path, _too_many_rows(f"{_n(rows)} baris data", limits))
    return header


# --- CSV -------------------------------------------------------------------------------------------


def _stage_csv(con, path: Path, table: str, limits: Limits, deadline: Deadline) -> Header:
    with _as_utf8(path) as readable:
        delimiter = _sniff_delimiter(readable)
        header = read_header(path, _csv_header(path, readable, delimiter), limits)
        source = "read_csv(?, delim = ?, quote = '\"', escape = '\"', header = true, all_varchar = true)"
        described = con.execute(f"DESCRIBE SELECT * FROM {source}", [str(readable), delimiter]).fetchall()
        if len(described) != len(header.names):
            raise BadFile(
                path, f"baris judul berisi {len(header.names)} kolom, tetapi isinya {len(described)}"
            )
        deadline.check()
        con.execute(
            # An empty OVER () numbers the rows in file order, as they are read: no second copy.
            f"CREATE TEMP TABLE {table} AS SELECT row_number() OVER () + 1 AS _baris{_projection(header)} "
            f"FROM {source}",
            [str(readable), delimiter],
        )
    return header


def _csv_header(path: Path, readable: Path, delimiter: str) -> list[str]:
    """The first record, as a spreadsheet reads it (quoted names may hold the delimiter)."""
    with open(readable, encoding="utf-8-sig", newline="") as file:
        head = file.read(HEADER_MAX_BYTES)
    lines = head.splitlines(keepends=True)
    reader = csv.reader(lines, delimiter=delimiter, quotechar='"', doublequote=True, strict=True)
    try:
        names = next(reader)
    except (csv.Error, StopIteration) as error:
        raise BadFile(path, f"baris judul tidak terbaca: {error}") from error
    if reader.line_num >= len(lines) and len(head) == HEADER_MAX_BYTES:
        raise BadFile(path, f"baris judul lebih panjang dari {HEADER_MAX_BYTES // 1024} KB")
    return names


def _sniff_delimiter(path: Path) -> str:
    """The delimiter used most in the header line (Indonesian Excel saves with ';')."""
    with open(path, "rb") as file:
        header = file.readline(HEADER_MAX_BYTES).decode("utf-8", errors="replace")
    counts = {delimiter: header.count(delimiter) for delimiter in DELIMITERS}
    return max(counts, key=counts.get)


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


# --- Parquet ---------------------------------------------------------------------------------------


def _stage_parquet(con, path: Path, table: str, limits: Limits, deadline: Deadline) -> Header:
    """The names from the file's own schema (DuckDB would rename a repeated name before we saw it)."""
    declared = pq.read_metadata(path).num_rows
    if declared > limits.rows:
        raise BadFile(path, _too_many_rows(f"{_n(declared)} baris data", limits))
    header = read_header(path, pq.read_schema(path).names, limits)
    deadline.check()
    con.execute(
        f"CREATE TEMP TABLE {table} AS SELECT file_row_number + 2 AS _baris{_projection(header)} "
        "FROM read_parquet(?, file_row_number = true)",
        [str(path)],
    )
    return header


# --- Excel -----------------------------------------------------------------------------------------


def inspect_workbook(path: Path, limits: Limits) -> None:
    """Refuse a workbook whose parts would cost more than the limits allow, before reading it: the
    sizes declared in the zip bound what Python's zipfile will inflate (it stops at the declared size
    and checks the CRC), so the declared sizes and shapes can be trusted to refuse early."""
    with zipfile.ZipFile(path) as archive:
        parts = archive.infolist()
        if len(parts) > WORKBOOK_MAX_PARTS:
            raise BadFile(path, f"buku kerja berisi {len(parts)} bagian: bukan ekspor biasa")
        total = sum(part.file_size for part in parts)
        if total > limits.workbook_mb * MB:
            raise BadFile(
                path,
                _beyond(
                    f"isi buku kerja {_n(total / MB)} MB setelah diekstrak",
                    f"{_n(limits.workbook_mb)} MB",
                    "PANTAU_XLSX_MAX_MB",
                ),
            )
        for part in parts:
            _inspect_part(path, archive, part, limits)


def _inspect_part(path: Path, archive: zipfile.ZipFile, part: zipfile.ZipInfo, limits: Limits) -> None:
    name = part.filename.lower()
    growth = part.file_size / max(part.compress_size, 1)
    if part.file_size > RATIO_CHECKED_FROM and growth > limits.inflate_ratio:
        raise BadFile(
            path,
            _beyond(
                f"bagian buku kerja mengembang {_n(growth)} kali saat diekstrak",
                _n(limits.inflate_ratio),
                "PANTAU_XLSX_MAX_RATIO",
            ),
        )
    if name == "xl/sharedstrings.xml" and part.file_size > limits.workbook_strings_mb * MB:
        raise BadFile(
            path,
            _beyond(
                f"teks buku kerja {_n(part.file_size / MB)} MB",
                f"{_n(limits.workbook_strings_mb)} MB",
                "PANTAU_XLSX_STRINGS_MB",
            ),
        )
    if name.startswith("xl/worksheets/") and name.endswith(".xml"):
        _inspect_sheet(path, archive, part, limits)
    if name == "xl/sharedstrings.xml" or name.startswith("xl/worksheets/"):
        _inspect_text_runs(path, archive, part, limits)


def _inspect_sheet(path: Path, archive: zipfile.ZipFile, part: zipfile.ZipInfo, limits: Limits) -> None:
    """The sheet's declared range (`<dimension ref="A1:N5000">`), near its start."""
    with archive.open(part) as sheet:
        found = DIMENSION.search(sheet.read(HEADER_MAX_BYTES))
    if not found:
        return
    last_column, last_row = found.group(3) or found.group(1), int(found.group(4) or found.group(2))
    if column_index_from_string(last_column.decode()) > limits.columns:
        raise BadFile(
            path,
            _beyond(
                f"lembar kerja sampai kolom {last_column.decode()}",
                f"{limits.columns} kolom",
                "PANTAU_MAX_COLUMNS",
            ),
        )
    if last_row > limits.rows + HEADER_SEARCH_ROWS:
        raise BadFile(path, _too_many_rows(f"lembar kerja sampai baris {_n(last_row)}", limits))


def _inspect_text_runs(path: Path, archive: zipfile.ZipFile, part: zipfile.ZipInfo, limits: Limits) -> None:
    """One pass over the part's bytes, without parsing: no text longer than a cell may be (in XML a
    cell's text runs between two '<', so the longest such run bounds the longest cell), and in a sheet
    no row numbered beyond the limit (rows come in order: each chunk's last `<row r=` is its highest)."""
    longest, run, last_row = limits.cell_chars * UTF8_MAX_BYTES, 0, 0
    too_long = re.compile(rb"[^<]{%d}" % (longest + 1))
    with archive.open(part) as stream:
        while chunk := stream.read(CHUNK_BYTES):
            first = chunk.find(b"<")
            if first < 0:
                run += len(chunk)
            elif run + first > longest or too_long.search(chunk):
                run = longest + 1
            else:
                run = len(chunk) - chunk.rfind(b"<") - 1
            if run > longest:
                cells = f"{_n(limits.cell_chars)} karakter"
                raise BadFile(
                    path, _beyond("buku kerja berisi sel yang panjang", cells, "PANTAU_MAX_CELL_CHARS")
                )
            last_row = max(last_row, _last_row_number(chunk))
            if last_row > limits.rows + HEADER_SEARCH_ROWS:
                raise BadFile(path, _too_many_rows(f"lembar kerja sampai baris {_n(last_row)}", limits))


def _last_row_number(chunk: bytes) -> int:
    found = ROW_NUMBER.match(chunk, chunk.rfind(b"<row "))
    return int(found.group(1)) if found else 0


def _stage_excel(con, path: Path, table: str, limits: Limits, deadline: Deadline) -> Header:
    """The first sheet, from its header row on, in batches so that a large workbook fits in memory.
    No sheet Excel writes holds more than its 1,048,576 rows, whatever PANTAU_MAX_ROWS allows."""
    limits = dataclasses.replace(limits, rows=min(limits.rows, EXCEL_MAX_ROWS))
    inspect_workbook(path, limits)
    workbook = openpyxl.load_workbook(path, read_only=True, data_only=True)
    try:
        sheet = workbook.worksheets[0]
        header_row, raw = _find_header(path, sheet.iter_rows(max_col=limits.columns + 1, values_only=True))
        header = read_header(path, raw, limits)
        wanted = header.contract
        columns = "".join(f", {name} VARCHAR" for name in wanted)
        con.execute(f"CREATE TEMP TABLE {table} (_baris BIGINT{columns})")
        rows = sheet.iter_rows(min_row=header_row + 1, max_col=len(raw), values_only=True)
        batch: list[tuple] = []
        for number, values in enumerate(rows, start=header_row + 1):
            if number - header_row > limits.rows:
                raise BadFile(path, _too_many_rows(f"baris {_n(number)}", limits))
            if number % 10_000 == 0:
                deadline.check()
            if all(value is None or str(value).strip() == "" for value in values):
                continue
            batch.append((number, *(_cell(path, values, index, number, limits) for index in wanted.values())))
            if len(batch) == EXCEL_BATCH_ROWS:
                _append(con, table, list(wanted), batch)
                batch = []
        _append(con, table, list(wanted), batch)
    finally:
        workbook.close()
    return header


def _cell(path: Path, values: tuple, index: int, row: int, limits: Limits) -> str | None:
    text = _cell_text(values[index]) if index < len(values) else None
    if text is not None and len(text) > limits.cell_chars:
        raise BadFile(
            path,
            _beyond(
                f"baris {row}, kolom {index + 1}: sel {_n(len(text))} karakter",
                _n(limits.cell_chars),
                "PANTAU_MAX_CELL_CHARS",
            ),
        )
    return text


def _append(con: duckdb.DuckDBPyConnection, table: str, names: list[str], batch: list[tuple]) -> None:
    """Rows into the staging table by position; the batch's own column names are never SQL."""
    if not batch:
        return
    columns = list(zip(*batch, strict=True))
    arrays = [
        pa.array(values, pa.int64() if index == 0 else pa.string()) for index, values in enumerate(columns)
    ]
    arrow = pa.table(arrays, names=[f"c{index}" for index in range(len(arrays))])
    con.register(f"{table}_batch", arrow)
    con.execute(f"INSERT INTO {table} SELECT * FROM {table}_batch")
    con.unregister(f"{table}_batch")


def _find_header(path: Path, rows) -> tuple[int, list]:
    """The first row naming at least two contract columns (title rows may sit above it), without
    the empty cells that trail it."""
    for number, values in enumerate(rows, start=1):
        names = [str(value).strip() if value is not None else "" for value in values]
        if sum(normalise(name, 0) in KNOWN_COLUMNS for name in names) >= 2:
            while names and not names[-1]:
                names.pop()
            return number, names
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
