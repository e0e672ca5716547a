"""Rejected rows as files to download, CSV or XLSX, that a spreadsheet opens without running anything.

A rejected value is whatever the field system exported, so a cell such as `=HYPERLINK(...)` must reach
the office as text, never as a formula: every text cell that a spreadsheet would read as a formula
(starting with = + - @, a tab or a carriage return) gets a leading apostrophe, as OWASP advises
against CSV injection. Headers are plain Indonesian column names in both languages, like the
contract's, so a file reads the same whoever downloaded it.
"""

import io
import json

import openpyxl
import pandas as pd
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

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


def _cells(frame: pd.DataFrame) -> pd.DataFrame:
    """Missing values as empty cells, text neutralised."""
    return frame.astype(object).where(frame.notna(), None).map(neutralise)


def to_csv(frame: pd.DataFrame) -> bytes:
    """UTF-8 with a byte order mark, so that Excel reads the accents; every cell quoted."""
    text = _cells(frame).to_csv(index=False, quoting=1, lineterminator="\r\n")  # 1: csv.QUOTE_ALL
    return text.encode("utf-8-sig")


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
