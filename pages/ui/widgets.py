"""What several pages draw alike: the page header, statuses in words and tints, tables."""

import pandas as pd
import streamlit as st
from pandas.io.formats.style import Styler

from pages.ui.asking import ask
from pages.ui.formats import date, missing, number, percent, plain, points, utc_as_wita
from pages.ui.state import Frame
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


def area_name(frame: Frame) -> str:
    """The name of the area the frame narrows to: a regency, or the province."""
    if frame.kode_kab is None:
        return frame.t("frame.provinsi")
    regencies = ask("daftar_kabupaten")
    return regencies.loc[regencies.kode_kab == frame.kode_kab, "nama_kab"].iloc[0]


def header(frame: Frame, title: str) -> None:
    """A page's title, the day it shows, and a plain mark when the data are simulated."""
    st.title(title)
    line = frame.t("frame.keadaan", wilayah=plain(area_name(frame)), tanggal=date(frame.as_of, frame.lang))
    line += " · " + frame.t("frame.data_sampai", tanggal=date(frame.data_until, frame.lang))
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


def status_tinted(table: pd.DataFrame, frame: Frame, column: str | None = None) -> Styler:
    """The table with its status column (by default the shared "Status") tinted by the status it names."""
    name = column or frame.t("kolom.status")
    styled = table.style
    if name in table.columns:
        styled = styled.map(lambda label: status_tint(label, frame), subset=[name])
    return styled


def table(data: pd.DataFrame | Styler, *, max_rows: int = 12, wide: tuple[str, ...] = ()) -> None:
    """A table showing every row up to `max_rows` without inner scrolling, scrolling beyond; the `wide`
    columns (file names, say) never cut short on a projector's 1280 pixels."""
    rows = len(data.data if isinstance(data, Styler) else data)
    st.dataframe(
        data,
        hide_index=True,
        width="stretch",
        height=ROW_PX * min(rows, max_rows) + HEADER_PX + BORDER_PX,
        column_config={column: st.column_config.TextColumn(width="medium") for column in wide},
    )


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


def projection(area, frame: Frame) -> str:
    """When an area finishes at its last 7 days' pace: reached, a date, or no progress in 7 days (nothing
    to project without a target)."""
    if area.target_keluarga == 0:
        return frame.t("proyeksi.tanpa_target")
    if area.tercapai:
        return frame.t("proyeksi.tercapai")
    if missing(area.proyeksi_selesai):
        return frame.t("proyeksi.tanpa_kemajuan")
    return date(area.proyeksi_selesai, frame.lang)
