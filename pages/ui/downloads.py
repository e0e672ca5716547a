"""Files to download, CSV or XLSX, that a spreadsheet opens without running anything: the rejected
rows (to fix and resend), and the pages' tables (pages/ui/tables.py says what goes in them).

A rejected value is whatever the field system exported, so a cell such as `=HYPERLINK(...)` must reach
the office as text, never as a formula: every text cell that a spreadsheet would read as a formula
(starting with = + - @, a tab or a carriage return) gets a leading apostrophe, as OWASP advises
against CSV injection. Headers are plain Indonesian column names in both languages, like the
contract's, so a file reads the same whoever downloaded it.
"""

import csv
import datetime as dt
import io
import json
from collections.abc import Iterable
from decimal import Decimal

import openpyxl
import pandas as pd
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

from data.contract import KINDS

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
STATUS_OPEN = "terbuka"
STATUS_RESOLVED = "selesai"
# One line per problem: the rejects query's columns under the names the file carries.
PROBLEM_COLUMNS = {
    "nama_berkas": "berkas",
    "jenis": "jenis",
    "baris": "baris",
    "kunci": "kunci",
    "kolom": "kolom",
    "nilai": "nilai",
    "alasan": "alasan",
}
WIDTHS = (8, 60)  # a workbook column's least and most characters
WIDTH_SAMPLE = 500  # rows read to size a column
CREATOR = "Pantau Regsosek Kaltim"
# After the contract columns of a file to fix and resend: names no kind has, so the loader ignores them.
RESEND_COLUMNS = ("berkas_asal", "baris_asal", "masalah", "status", "diselesaikan_oleh")


def neutralise(value):
    """A text cell that a spreadsheet would run as a formula, as text; anything else unchanged."""
    if isinstance(value, str) and value.startswith(FORMULA_STARTS):
        return "'" + value
    return value


def _status(rows: pd.DataFrame) -> pd.Series:
    return rows.diselesaikan.isna().map({True: STATUS_OPEN, False: STATUS_RESOLVED})


def problems(rows: pd.DataFrame) -> pd.DataFrame:
    """The rejects query's lines as a file: one line per problem, with its status."""
    table = rows[list(PROBLEM_COLUMNS)].rename(columns=PROBLEM_COLUMNS)
    table["status"] = _status(rows)
    table["diselesaikan_oleh"] = rows.nama_berkas_penyelesai
    return table.reset_index(drop=True)


def _latest_row_per_key(rows: pd.DataFrame) -> pd.DataFrame:
    """The lines of the rows to resend: for a key rejected in several loads (a daily export repeats a
    row until it is fixed at the source) only the newest load's first row with it, since a resent
    file holding a key twice would be rejected again as a duplicate. Rows without a key all stay."""
    newest_first = rows.sort_values(["id_muat", "baris"], ascending=[False, True])
    keyed = newest_first[newest_first.kunci.notna()].drop_duplicates("kunci")
    chosen = set(zip(keyed.id_muat, keyed.baris, strict=True))
    kept = [
        pd.isna(key) or (load, row) in chosen
        for key, load, row in zip(rows.kunci, rows.id_muat, rows.baris, strict=True)
    ]
    return rows[kept]


def _problem_text(line) -> str:
    value = "" if pd.isna(line.nilai) else f' "{line.nilai}"'
    return f"{line.kolom}{value}: {line.alasan}"


def for_resend(rows: pd.DataFrame, kind: str) -> pd.DataFrame:
    """Rejects of one kind as a file to fix and load again: one line per rejected row holding the
    row's contract columns as they were read, then what was wrong with it."""
    columns = KINDS[kind].columns
    lines = []
    for _, row in _latest_row_per_key(rows).groupby(["id_muat", "baris"], sort=True):
        first = row.iloc[0]
        as_read = json.loads(first.isi) if isinstance(first.isi, str) else {}
        lines.append(
            [as_read.get(column) for column in columns]
            + [
                first.nama_berkas,
                first.baris,
                "; ".join(_problem_text(line) for line in row.itertuples()),
                STATUS_OPEN if pd.isna(first.diselesaikan) else STATUS_RESOLVED,
                first.nama_berkas_penyelesai,
            ]
        )
    return pd.DataFrame(lines, columns=[*columns, *RESEND_COLUMNS])


def _csv_text(value, decimal_comma: bool) -> str:
    """A cell as CSV text: text neutralised, nothing as nothing, a Decimal with the decimal mark asked for,
    a moment to the minute, a date in ISO (2022-11-05)."""
    if isinstance(value, str):
        return neutralise(value)
    if value is None or pd.isna(value):
        return ""
    if isinstance(value, Decimal):
        return str(value).replace(".", ",") if decimal_comma else str(value)
    if isinstance(value, dt.datetime):
        return value.strftime("%Y-%m-%d %H:%M")
    return str(value)


def _csv(headers: list[str], rows: Iterable, delimiter: str = ",", quoting: int = csv.QUOTE_ALL) -> bytes:
    """UTF-8 with a byte order mark, so that Excel reads the accents; lines end as Windows ends them."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, quoting=quoting, lineterminator="\r\n")
    writer.writerows([_csv_text(value, delimiter == ";") for value in row] for row in [headers, *rows])
    return buffer.getvalue().encode("utf-8-sig")


def to_csv(frame: pd.DataFrame) -> bytes:
    """Every cell quoted."""
    return _csv([str(column) for column in frame.columns], frame.astype(object).itertuples(index=False))


def rows_to_csv(headers: list[str], rows: list[list], *, decimal_comma: bool = False) -> bytes:
    """A table whose numbers are Decimals, dates dates and text str: numbers plain (1234.5), dates ISO;
    with `decimal_comma`, as a spreadsheet in Indonesian reads it: `;` between cells, 1234,5."""
    return _csv(headers, rows, ";" if decimal_comma else ",", csv.QUOTE_MINIMAL)


def _xlsx_value(value):
    if isinstance(value, str):
        # Control characters cannot be stored in an XLSX cell; dropping them first keeps "\x01=A1"
        # from becoming "=A1" after the check.
        return neutralise(ILLEGAL_CHARACTERS_RE.sub("", value))
    if value is None or pd.isna(value):
        return None
    return value.item() if hasattr(value, "item") else value  # numpy scalars as plain numbers


def to_xlsx(frame: pd.DataFrame, sheet: str = "tolak") -> bytes:
    """One sheet, header in the first row (the loader's header search finds it)."""
    workbook = openpyxl.Workbook(write_only=True)
    worksheet = workbook.create_sheet(sheet)
    worksheet.append([_xlsx_value(str(column)) for column in frame.columns])
    for row in frame.astype(object).itertuples(index=False):
        worksheet.append([_xlsx_value(value) for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def _number_format(value, form: str | None) -> str | None:
    """`form` with the decimals `value` has: a Decimal read from the screen keeps the screen's."""
    if form is None or not isinstance(value, Decimal):
        return form
    places = max(-value.as_tuple().exponent, 0)
    return form.replace("{p}", "." + "0" * places if places else "")


def _width(header: str, rows: list[list], index: int) -> float:
    longest = max([len(str(row[index])) for row in rows[:WIDTH_SAMPLE] if row[index] is not None] + [0])
    least, most = WIDTHS
    return min(max(len(header), longest * 1.2, least), most) + 2


def _describe(workbook, lines: tuple[str, ...]) -> None:
    """The workbook's properties say what its first rows say."""
    clean = [ILLEGAL_CHARACTERS_RE.sub("", line) for line in lines]
    workbook.properties.creator = CREATOR
    workbook.properties.title = clean[0]
    workbook.properties.subject = clean[1] if len(clean) > 1 else None
    workbook.properties.description = "\n".join(clean[2:]) or None


def rows_to_xlsx(
    headers: list[str], rows: list[list], formats: list[str | None], lines: tuple[str, ...], sheet: str
) -> bytes:
    """One sheet: `lines` (the first in bold), an empty row, the header (frozen, filtered), the rows;
    each number in the format of its column (`{p}`: its decimals), each date a date."""
    workbook = openpyxl.Workbook(write_only=True)
    _describe(workbook, lines)
    worksheet = workbook.create_sheet(sheet[:31])
    header_row = len(lines) + 2
    worksheet.freeze_panes = f"A{header_row + 1}"
    for index, header in enumerate(headers):
        worksheet.column_dimensions[get_column_letter(index + 1)].width = _width(header, rows, index)

    def cell(value, form: str | None = None, bold: bool = False) -> WriteOnlyCell:
        written = WriteOnlyCell(worksheet, value=_xlsx_value(value))
        written.number_format = _number_format(value, form) or "General"
        if bold:
            written.font = Font(bold=True)
        return written

    for index, line in enumerate(lines):
        worksheet.append([cell(line, bold=index == 0)])
    worksheet.append([])
    worksheet.append([cell(header, bold=True) for header in headers])
    for row in rows:
        worksheet.append([cell(value, form) for value, form in zip(row, formats, strict=True)])
    worksheet.auto_filter.ref = f"A{header_row}:{get_column_letter(len(headers))}{header_row + len(rows)}"
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
