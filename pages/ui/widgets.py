"""What several pages draw alike: the page header, statuses in words and tints, tables and their files."""

import functools
from collections.abc import Callable

import pandas as pd
import streamlit as st
from pandas.io.formats.style import Styler

from pages.ui import tables
from pages.ui.asking import ask, kept_per_version, qualified_name
from pages.ui.formats import date, missing, number, percent, plain, points, utc_as_wita
from pages.ui.state import Frame, area_named
from pages.ui.tables import Table
from queries.rules import STATUS_TINTS

ROW_PX, HEADER_PX, BORDER_PX = 35, 35, 3  # st.dataframe's row and header heights
STATUS_WORDS = {"hijau": "status.hijau", "kuning": "status.kuning", "merah": "status.merah"}
# How a status shows beside its words: an icon, and a colour for badges and alerts.
STATUS_ICONS = {
    "hijau": ":material/check_circle:",
    "kuning": ":material/warning:",
    "merah": ":material/error:",
}
STATUS_BADGES = {"hijau": "green", "kuning": "orange", "merah": "red"}
STATUS_ALERTS = {"hijau": st.success, "kuning": st.warning, "merah": st.error}
WAITING_TINT = f"background-color: {STATUS_TINTS['kuning']}"  # rows waiting for someone


def area_name(frame: Frame) -> str:
    """The name of the area the frame narrows to: a regency, or the province."""
    return area_named(ask, frame)


def as_of_line(frame: Frame, area: str) -> str:
    """What a page or a picture of it shows: "<area>, keadaan per <day> · Data sampai <day>"."""
    line = frame.t("frame.keadaan", wilayah=area, tanggal=date(frame.as_of, frame.lang))
    return line + " · " + frame.t("frame.data_sampai", tanggal=date(frame.data_until, frame.lang))


def header(frame: Frame, title: str) -> None:
    """A page's title, the day it shows, and a plain mark when the data are simulated."""
    st.title(title)
    line = as_of_line(frame, plain(area_name(frame)))
    line += ", " + frame.t("frame.dimuat", waktu=utc_as_wita(frame.loaded_at, frame.lang))
    if frame.simulated:
        st.badge(frame.t("frame.simulasi_singkat"), icon=":material/science:", color="orange")
    st.caption(line)
    if frame.days_without_data:
        st.warning(
            frame.t(
                "frame.data_basi",
                tanggal=date(frame.data_until, frame.lang),
                hari=number(frame.days_without_data),
                hari_ini=date(frame.as_of, frame.lang),
            ),
            icon=":material/history:",
        )


def status(value, frame: Frame) -> str:
    """A status in words: wherever it is coloured, the words say it too."""
    return frame.t("status.tanpa" if missing(value) else STATUS_WORDS[value])


def status_tint(label: str, frame: Frame) -> str:
    """CSS for a table cell holding a status label (for pandas Styler.map)."""
    for value, tint in STATUS_TINTS.items():
        if label == frame.t(STATUS_WORDS[value]):
            return f"background-color: {tint}"
    return ""


def table(
    data: Callable[..., Table] | pd.DataFrame | Styler,
    frame: Frame | None = None,
    *args,
    max_rows: int | None = 12,
    wide: tuple[str, ...] = (),
    shown_rows: int | None = None,
    whole: Callable[[], Table] | None = None,
    total: int | None = None,
) -> None:
    """A table showing every row up to `max_rows` (None: all) without inner scrolling, scrolling beyond;
    the `wide` columns (file names, say) never cut short on a projector's 1280 pixels.
    `data` is either a function make(frame, *args) giving a `Table`, or a frame of cells shown as they
    are. A Table is made once per warehouse version, viewer's scope, frame and `args` (small values:
    each view hashes them), its grid drawn once and replayed on later views; the grid shows its first
    `shown_rows` rows (None: all) and every row is offered as files below it. A list cut to the rows it
    shows gives `whole`, the table of all its `total` rows, made only when a file is asked for. Never
    inside a section kept by per_version: the download buttons are widgets, which a replayed section
    cannot hold."""
    if isinstance(data, pd.DataFrame | Styler):
        _dataframe(data, max_rows, wide)
        return
    grid = functools.partial(_grid, data)
    kept_per_version(f"{qualified_name(data)}:grid", grid, frame, max_rows, wide, shown_rows, *args)
    table_files(table_of(data, frame, *args), frame, whole=whole, total=total)


def table_of(make: Callable[..., Table], frame: Frame, *args) -> Table:
    """make(frame, *args), kept per warehouse version and shared by every run: nobody may change it."""
    return kept_per_version(qualified_name(make), make, frame, *args, shared=True)


def _dataframe(data: pd.DataFrame | Styler, max_rows: int | None, wide: tuple[str, ...]) -> None:
    rows = len(data.data if isinstance(data, Styler) else data)
    st.dataframe(
        data,
        hide_index=True,
        width="stretch",
        height=ROW_PX * min(rows, max_rows or rows) + HEADER_PX + BORDER_PX,
        column_config={column: st.column_config.TextColumn(width="medium") for column in wide},
    )


def _grid(
    make: Callable[..., Table],
    frame: Frame,
    max_rows: int | None,
    wide: tuple[str, ...],
    shown_rows: int | None,
    *args,
) -> None:
    _draw_grid(table_of(make, frame, *args).head(shown_rows), frame, max_rows, wide)


def _draw_grid(data: Table, frame: Frame, max_rows: int | None, wide: tuple[str, ...]) -> None:
    """The table formatted as every page formats figures, statuses tinted, counts waiting in amber."""
    cells = tables.shown(data, frame)
    styled = cells.style
    if statuses := data.columns_of("status"):
        styled = styled.map(lambda label: status_tint(label, frame), subset=statuses)
    if flagged := data.columns_of("flagged"):
        styled = styled.map(lambda count: "" if count == "0" else WAITING_TINT, subset=flagged)
    _dataframe(styled if statuses or flagged else cells, max_rows, wide)


def table_files(
    data: Table, frame: Frame, *, whole: Callable[[], Table] | None = None, total: int | None = None
) -> None:
    """Every row of the table as files: CSV for tools, CSV with `;` for Excel in Indonesian, and a
    workbook; each made only when its button is clicked, and a download does not rerun the page. With
    `whole`, the files hold its `total` rows, the table shown being their first."""
    rows, area = number(len(data) if total is None else total), area_name(frame)
    words = frame.t("tabel.unduh", baris=rows)
    with st.popover(words, help=frame.t("tabel.unduh_catatan", baris=rows), icon=":material/download:"):
        for index, (name, label, hint, mime, write) in enumerate(tables.files(data, frame, area)):
            st.download_button(
                frame.t(label),
                write if whole is None else functools.partial(_whole_file, whole, frame, area, index),
                file_name=name,
                mime=mime,
                help=frame.t(hint),
                icon=":material/download:",
                on_click="ignore",
                width="stretch",
            )


def _whole_file(whole: Callable[[], Table], frame: Frame, area: str, index: int) -> bytes:
    *_, write = tables.files(whole(), frame, area)[index]
    return write()


def status_alert(value: str, text: str) -> None:
    """`text` in an alert of the status's colour and icon."""
    STATUS_ALERTS[value](text, icon=STATUS_ICONS[value])


def status_badge(value: str, text: str) -> None:
    """`text` in a badge of the status's colour and icon."""
    st.badge(text, icon=STATUS_ICONS[value], color=STATUS_BADGES[value])


def area_status(area, frame: Frame, extra: str = "") -> None:
    """An area's one verdict (capaian_wilayah's status against the plan of the day) in colour, icon and
    words, with its families left; every page that judges an area shows it through here. `extra` is
    said after it."""
    if missing(area.status):
        st.info(frame.t("status.tanpa_jadwal"), icon=":material/event_busy:")
        return
    key = "status.depan" if area.selisih >= 0 else "status.belakang"
    text = frame.t(
        key,
        status=status(area.status, frame),
        poin=points(abs(area.selisih)).lstrip("+"),
        capaian=percent(area.persen),
        rencana=percent(area.harapan_persen),
        sisa=number(area.sisa_keluarga),
    )
    if frame.days_without_data:
        text += frame.t("status.basi", tanggal=date(frame.data_until, frame.lang))
    status_alert(area.status, text + extra)


def projected(area, frame: Frame):
    """When an area finishes at its last 7 days' pace: the day, or words when there is none to give
    (reached, no progress in 7 days, nothing to project without a target)."""
    if area.target_keluarga == 0:
        return frame.t("proyeksi.tanpa_target")
    if area.tercapai:
        return frame.t("proyeksi.tercapai")
    if missing(area.proyeksi_selesai):
        return frame.t("proyeksi.tanpa_kemajuan")
    return area.proyeksi_selesai


def projection(area, frame: Frame) -> str:
    """`projected` in words."""
    finish = projected(area, frame)
    return finish if isinstance(finish, str) else date(finish, frame.lang)
