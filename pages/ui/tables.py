"""A page's table built once, with typed values, and both the grid and the files made from it.

A `Table` holds numbers as numbers, dates as dates and words as words (a status, "Tercapai", "Belum
mulai" where a column has no figure), under headers in the frame's language, and the kind of each
column (KINDS). The grid shows every cell through the formatters of pages/ui/formats.py; the files carry
each figure as the grid shows it, read back as a number (the same rounding, never another), so that no
figure can differ between the screen and a file. Nothing here draws: pages/ui/widgets.py does.
"""

import functools
import re
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

import pandas as pd

from data.contract import WITA
from pages.ui import downloads
from pages.ui.formats import date, missing, number, percent, points, rate, signed_number, utc_as_wita
from pages.ui.state import Frame
from queries.rules import PROVINCE

# Each kind's figure: the number as the grid writes it (Indonesian separators), which a file reads back.
FIGURES = {
    "integer": number,
    "flagged": number,  # an integer the grid tints when it is not 0 (rows waiting for someone)
    "signed": signed_number,
    "decimal": rate,
    "minutes": rate,
    "ratio": rate,
    "percent": percent,
    "whole_percent": lambda value: percent(value, digits=0),
    "points": points,
    "days": signed_number,  # a gap in days, negative when behind
    "days_left": number,  # days to a date, negative once it has passed
}
DATES = {"date", "wita"}  # a day; a moment kept in UTC, shown and written in WITA
KINDS = {"text", "status", *FIGURES, *DATES}
# A kind written "+kind" is shown beside the column before it, as the form says; the files keep it apart.
BESIDE = {"percent": " ({})", "whole_percent": " ({})", "date": " – {}"}
# The unit a file's header adds to a column of that kind, unless the header names it already.
UNITS = {
    "percent": "%",
    "whole_percent": "%",
    "points": "satuan.poin",
    "days": "satuan.hari",
    "days_left": "satuan.hari",
    "minutes": "satuan.menit",
    "wita": "WITA",
}
# How a workbook shows each kind: Excel's codes, read in the reader's own separators; {p}: the decimals
# of the figure on the screen.
CELL_FORMATS = {
    **dict.fromkeys(FIGURES, "#,##0{p}"),
    "signed": "+#,##0{p};-#,##0{p};0",
    "days": "+#,##0{p};-#,##0{p};0",
    "points": "+#,##0{p};-#,##0{p};+0{p}",
    "date": "dd/mm/yyyy",
    "wita": "dd/mm/yyyy hh:mm",
}
PAGE_TITLES = {
    "ringkasan": "halaman.ringkasan",
    "jadwal": "halaman.jadwal",
    "wilayah": "halaman.wilayah",
    "petugas": "halaman.petugas",
    "desk": "halaman.desk",
    "alur": "halaman.alur",
    "data": "halaman.data",
}
NOT_IN_A_NAME = re.compile(r"[^a-z0-9_-]+")
CSV_MIME, XLSX_MIME = "text/csv", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


@dataclass(frozen=True)
class Table:
    """A table as a page builds it: `data` typed, one kind per column; `page` and `name` (its short
    Indonesian name, when a page has several) name its files, `title` heads its workbook. `shown_as`
    renames a column on the grid, where a "+kind" column joins it (the files keep both apart)."""

    data: pd.DataFrame
    kinds: tuple[str, ...]
    page: str
    name: str = ""
    title: str = ""
    shown_as: tuple[tuple[str, str], ...] = ()

    @classmethod
    def of(cls, columns: dict[str, tuple[str, object]], *, page: str, name: str = "", **options) -> "Table":
        """A table from its columns: header -> (kind, values: a Series, a list, or one value for all)."""
        unknown = {kind for kind, _ in columns.values()} - KINDS - {f"+{kind}" for kind in BESIDE}
        if unknown or page not in PAGE_TITLES:
            raise ValueError(f"unknown kinds {sorted(unknown)} or page {page!r}")
        data = pd.DataFrame({header: values for header, (_, values) in columns.items()})
        kinds = tuple(kind for kind, _ in columns.values())
        return cls(data.reset_index(drop=True), kinds, page, name, **options)

    def __len__(self) -> int:
        return len(self.data)

    def head(self, rows: int | None) -> "Table":
        """The first `rows` rows (all of them for None): what a grid shows of a long list."""
        if rows is None or rows >= len(self):
            return self
        return Table(self.data.head(rows), self.kinds, self.page, self.name, self.title, self.shown_as)

    def columns_of(self, *kinds: str) -> list[str]:
        """The grid's headers of the columns of these kinds."""
        names = dict(self.shown_as)
        return [
            names.get(header, header)
            for header, kind in zip(self.data, self.kinds, strict=True)
            if kind in kinds
        ]


def _is_words(value, kind: str) -> bool:
    """A word where a column has no figure ("Tercapai", "Belum mulai"): shown and written as it is."""
    return isinstance(value, str) and kind not in ("text", "status")


def shown_cell(value, kind: str, frame: Frame):
    """One cell as the grid shows it."""
    if kind in ("text", "status") or _is_words(value, kind):
        return value
    if kind in DATES:
        return (date if kind == "date" else utc_as_wita)(value, frame.lang)
    figure = FIGURES[kind](value)
    if missing(value):
        return figure
    if kind == "ratio":
        return figure + "×"
    if kind == "days":
        return frame.t("tabel.hari", hari=figure)
    if kind == "days_left":
        days = frame.t("tabel.hari", hari=number(abs(value)))
        return days if value >= 0 else frame.t("tabel.lewat_hari", hari=days)
    return figure


def _beside(text: str, value, first, kind: str, frame: Frame) -> str:
    """A grid cell with the value of a "+kind" column beside it; a span of one day shows its day once."""
    if kind == "date" and value == first:
        return text
    return text + BESIDE[kind].format(shown_cell(value, kind, frame))


def shown(table: Table, frame: Frame) -> pd.DataFrame:
    """The table as the grid shows it: every cell formatted, a "+kind" column beside the one before."""
    columns: dict[str, list] = {}
    before = ""  # the last column shown on its own
    for header, kind in zip(table.data, table.kinds, strict=True):
        values = table.data[header].tolist()
        if kind.startswith("+"):
            pairs = zip(columns[before], values, table.data[before].tolist(), strict=True)
            columns[before] = [_beside(text, value, first, kind[1:], frame) for text, value, first in pairs]
        else:
            columns[header] = [shown_cell(value, kind, frame) for value in values]
            before = header
    return pd.DataFrame(columns).rename(columns=dict(table.shown_as))


def file_value(value, kind: str):
    """One cell as a file holds it: the screen's figure as a number (its decimals kept), a date, a
    moment in WITA, or text."""
    kind = kind.lstrip("+")
    if missing(value):
        return None
    if kind in ("text", "status") or _is_words(value, kind):
        return value
    if kind == "date":
        return pd.Timestamp(value).date()
    if kind == "wita":
        return (pd.Timestamp(value) + WITA).to_pydatetime().replace(second=0, microsecond=0)
    figure = FIGURES[kind](value).rstrip("%").replace(".", "").replace(",", ".")
    return Decimal(figure)


def file_header(header: str, kind: str, frame: Frame) -> str:
    """A file's header: the grid's, with the unit its numbers are in (Capaian (%), Selisih (poin))."""
    unit = UNITS.get(kind.lstrip("+"))
    if unit is None:
        return header
    words = frame.t(unit) if unit.startswith("satuan.") else unit
    return header if words.lower() in header.lower() else f"{header} ({words})"


def file_rows(table: Table) -> list[list]:
    return [
        [file_value(value, kind) for value, kind in zip(row, table.kinds, strict=True)]
        for row in table.data.itertuples(index=False)
    ]


def _safe(part: str) -> str:
    """`part` of a file's or a sheet's name in [a-z0-9_-] only."""
    return NOT_IN_A_NAME.sub("-", part.lower())


def file_name(table: Table, frame: Frame, ending: str) -> str:
    """pantau_<page>[_<table>]_<area>_<as-of day><ending>: 64 is the province, else the regency's code."""
    parts = [table.page, table.name, frame.kode_kab or PROVINCE]
    return f"pantau_{'_'.join(_safe(part) for part in parts if part)}_{frame.as_of.isoformat()}{ending}"


def heading(table: Table, frame: Frame, area: str) -> tuple[str, ...]:
    """What a workbook says above its header: the page and the table, the area and its day, the data's
    last day and load, the source, and whether the data are simulated."""
    title = frame.t(PAGE_TITLES[table.page])
    lines = [
        f"{title} — {table.title}" if table.title else title,
        frame.t("frame.keadaan", wilayah=area, tanggal=date(frame.as_of, frame.lang)),
        frame.t("frame.data_sampai", tanggal=date(frame.data_until, frame.lang))
        + ", "
        + frame.t("frame.dimuat", waktu=utc_as_wita(frame.loaded_at, frame.lang)),
        frame.t("tabel.sumber"),
    ]
    return (*lines, frame.t("frame.simulasi")) if frame.simulated else tuple(lines)


def to_csv(table: Table, frame: Frame, *, semicolons: bool = False) -> bytes:
    """Every row, numbers as numbers: `,` between cells and a decimal point, or (`semicolons`, for a
    spreadsheet in Indonesian) `;` and a decimal comma."""
    headers = [file_header(header, kind, frame) for header, kind in zip(table.data, table.kinds, strict=True)]
    return downloads.rows_to_csv(headers, file_rows(table), decimal_comma=semicolons)


def to_xlsx(table: Table, frame: Frame, lines: tuple[str, ...]) -> bytes:
    """Every row in a workbook headed by `lines`, each figure in a cell formatted as the screen shows it."""
    headers = [file_header(header, kind, frame) for header, kind in zip(table.data, table.kinds, strict=True)]
    formats = [CELL_FORMATS.get(kind.lstrip("+")) for kind in table.kinds]
    return downloads.rows_to_xlsx(
        headers, file_rows(table), formats, lines, sheet=_safe(table.name or table.page)
    )


def files(table: Table, frame: Frame, area: str) -> list[tuple[str, str, str, str, Callable[[], bytes]]]:
    """The table's files as (name, words of its button and of its help, type, a writer that makes it
    only when asked)."""
    lines = heading(table, frame, area)
    return [
        (
            file_name(table, frame, ".csv"),
            "tabel.unduh_csv",
            "tabel.unduh_csv_bantuan",
            CSV_MIME,
            functools.partial(to_csv, table, frame),
        ),
        (
            file_name(table, frame, "_titikkoma.csv"),
            "tabel.unduh_titik_koma",
            "tabel.unduh_titik_koma_bantuan",
            CSV_MIME,
            functools.partial(to_csv, table, frame, semicolons=True),
        ),
        (
            file_name(table, frame, ".xlsx"),
            "tabel.unduh_xlsx",
            "tabel.unduh_xlsx_bantuan",
            XLSX_MIME,
            functools.partial(to_xlsx, table, frame, lines),
        ),
    ]
