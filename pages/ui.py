"""What every page shares: the frame (as-of date, language), cached questions, words and formats.

app.py builds the frame once per run; pages read it with `frame()` and ask questions with `ask()`.
Numbers and dates follow Indonesian conventions (1.234.567; 12,5%; 15 Okt 2022) in both languages,
so figures read the same on every screen; only the words change.
"""

import datetime as dt
from dataclasses import dataclass

import pandas as pd
import streamlit as st
from babel.dates import format_date, format_datetime
from babel.numbers import format_decimal

from data.warehouse import default_path
from queries import Warehouse

LANGUAGES = {"id": "Bahasa Indonesia", "en": "English"}
# Light tints of the map's status colours, for table cells that carry the status in words too.
STATUS_TINTS = {"hijau": "#d4edda", "kuning": "#fdecc0", "merah": "#f9d3cc"}
WITA = dt.timedelta(hours=8)  # loads are recorded in UTC; Kaltim reads WITA (UTC+8)

TEXT: dict[str, dict[str, str]] = {
    "frame.bahasa": {"id": "Bahasa", "en": "Language"},
    "frame.tanggal": {"id": "Keadaan per tanggal", "en": "As of"},
    "frame.tanggal_bantuan": {
        "id": "Semua angka dihitung seperti yang diketahui pada akhir hari ini.",
        "en": "Every figure is computed as known at the end of this day.",
    },
    "frame.simulasi": {
        "id": "Data simulasi: kampanye buatan untuk demonstrasi, bukan hasil lapangan.",
        "en": "Simulated data: a made-up campaign for demonstration, not field results.",
    },
    "frame.simulasi_singkat": {"id": "Data simulasi", "en": "Simulated data"},
    "frame.keadaan": {
        "id": "Kalimantan Timur, keadaan per {tanggal}",
        "en": "East Kalimantan, as of {tanggal}",
    },
    "frame.data_sampai": {"id": "Data sampai {tanggal}", "en": "Data up to {tanggal}"},
    "frame.dimuat": {"id": "dimuat {waktu}", "en": "loaded {waktu}"},
    "frame.gudang_kosong": {
        "id": "Gudang data belum ada ({path}). Bangun data simulasi dengan `python -m data demo` "
        "atau muat berkas ekspor dengan `python -m data load BERKAS...`.",
        "en": "No warehouse yet ({path}). Build the simulated campaign with `python -m data demo` "
        "or load export files with `python -m data load FILE...`.",
    },
    "frame.belum_ada_keluarga": {
        "id": "Belum ada keluarga terdata di gudang data.",
        "en": "No family has been registered in the warehouse yet.",
    },
    "ringkasan.judul": {"id": "Ringkasan", "en": "Overview"},
    "ringkasan.terdata": {"id": "Keluarga terdata", "en": "Families registered"},
    "ringkasan.target": {"id": "Target keluarga", "en": "Target families"},
    "ringkasan.capaian": {"id": "Capaian", "en": "Completion"},
    "ringkasan.selisih_delta": {"id": "{poin} poin dari rencana", "en": "{poin} pts against plan"},
    "ringkasan.rencana": {"id": "Rencana hari ini", "en": "Planned for today"},
    "ringkasan.rencana_bantuan": {
        "id": "Capaian kumulatif yang dijadwalkan pada akhir hari ini (jadwal yang dimuat).",
        "en": "Cumulative completion scheduled for the end of this day (the loaded schedule).",
    },
    "ringkasan.status_bantuan": {
        "id": "Hijau: sesuai atau di depan rencana; kuning: 0–7,5 poin di belakang; merah: lebih dari 7,5.",
        "en": "Green: on or ahead of plan; amber: 0–7.5 points behind; red: more than 7.5 behind.",
    },
    "ringkasan.status_depan": {
        "id": "{status}: {poin} poin di depan rencana ({capaian} terdata, rencana {rencana}).",
        "en": "{status}: {poin} points ahead of plan ({capaian} registered, {rencana} planned).",
    },
    "ringkasan.status_belakang": {
        "id": "{status}: {poin} poin di belakang rencana ({capaian} terdata, rencana {rencana}).",
        "en": "{status}: {poin} points behind plan ({capaian} registered, {rencana} planned).",
    },
    "ringkasan.tanpa_jadwal": {
        "id": "Jadwal belum dimuat: capaian tidak dapat dibandingkan dengan rencana.",
        "en": "No schedule loaded: completion cannot be compared with a plan.",
    },
    "ringkasan.sisa_hari": {"id": "Sisa hari ke {tanggal}", "en": "Days left to {tanggal}"},
    "ringkasan.sisa_hari_nilai": {"id": "{hari} hari", "en": "{hari} days"},
    "ringkasan.lewat_hari": {"id": "lewat {hari} hari", "en": "{hari} days past"},
    "ringkasan.proyeksi": {"id": "Proyeksi selesai", "en": "Projected finish"},
    "ringkasan.sisa_hari_bantuan": {
        "id": "Hari sampai jadwal mencapai target akhirnya.",
        "en": "Days until the schedule reaches its final target.",
    },
    "ringkasan.laju_bantuan": {
        "id": "Rata-rata keluarga terdata per hari selama 7 hari terakhir.",
        "en": "Average families registered a day over the last 7 days.",
    },
    "ringkasan.aktif_bantuan": {
        "id": "PPL yang mendata sedikitnya satu keluarga dalam 3 hari terakhir.",
        "en": "PPL who registered at least one family in the last 3 days.",
    },
    "ringkasan.proyeksi_bantuan": {
        "id": "Hari ini ditambah sisa keluarga dibagi laju 7 hari terakhir.",
        "en": "Today plus the families left divided by the last 7 days' pace.",
    },
    "ringkasan.laju": {"id": "Keluarga per hari (7 hari)", "en": "Families a day (7 days)"},
    "ringkasan.tercapai": {"id": "Tercapai", "en": "Reached"},
    "ringkasan.tak_terproyeksi": {"id": "Tanpa kemajuan 7 hari", "en": "No progress in 7 days"},
    "ringkasan.aktif": {"id": "PPL aktif 3 hari (dari {total})", "en": "PPL active, 3 days (of {total})"},
    "ringkasan.peta": {"id": "Peta kabupaten/kota", "en": "Map of regencies"},
    "ringkasan.warnai": {"id": "Warnai menurut", "en": "Colour by"},
    "ringkasan.warna_capaian": {"id": "Capaian (%)", "en": "Completion (%)"},
    "ringkasan.warna_selisih": {"id": "Selisih dari rencana (poin)", "en": "Gap to plan (points)"},
    "ringkasan.peringkat": {"id": "Peringkat kabupaten/kota", "en": "Regency ranking"},
    "ringkasan.peringkat_catatan": {
        "id": "Diurutkan dari yang paling tertinggal dari rencana; baris terakhir: provinsi.",
        "en": "Sorted from furthest behind plan; last row: the province.",
    },
    "kolom.wilayah": {"id": "Kabupaten/kota", "en": "Regency/city"},
    "kolom.target": {"id": "Target", "en": "Target"},
    "kolom.terdata": {"id": "Terdata", "en": "Registered"},
    "kolom.capaian": {"id": "Capaian", "en": "Done"},
    "kolom.rencana": {"id": "Rencana", "en": "Planned"},
    "kolom.selisih": {"id": "Selisih", "en": "Gap"},
    "kolom.status": {"id": "Status", "en": "Status"},
    "kolom.proyeksi": {"id": "Proyeksi selesai", "en": "Projected finish"},
    "hover.terdata": {"id": "Terdata {terdata} dari {target}", "en": "Registered {terdata} of {target}"},
    "hover.rencana": {"id": "Rencana {rencana}", "en": "Planned {rencana}"},
    "hover.selisih": {"id": "Selisih {selisih} poin", "en": "Gap {selisih} pts"},
    "status.hijau": {"id": "Sesuai", "en": "On track"},
    "status.kuning": {"id": "Waspada", "en": "At risk"},
    "status.merah": {"id": "Tertinggal", "en": "Behind"},
    "status.tanpa": {"id": "Tanpa jadwal", "en": "No schedule"},
    "satuan.poin": {"id": "poin", "en": "pts"},
    "satuan.hari": {"id": "hari", "en": "days"},
    "umum.kosong": {"id": "—", "en": "—"},
}


@dataclass(frozen=True)
class Frame:
    """The view every page honours."""

    as_of: dt.date
    lang: str
    simulated: bool
    data_until: dt.date
    loaded_at: dt.datetime

    def t(self, key: str, **values) -> str:
        """The words for `key` in the frame's language."""
        return TEXT[key][self.lang].format(**values)


def warehouse() -> Warehouse:
    return _warehouse_at(str(default_path()))


@st.cache_resource
def _warehouse_at(path: str) -> Warehouse:
    return Warehouse(path)


@st.cache_data(ttl=3600, max_entries=512, show_spinner=False)
def _answer(path: str, version: tuple[int, int], name: str, params: tuple) -> pd.DataFrame:
    return _warehouse_at(path).run(name, **dict(params))


def ask(name: str, **params) -> pd.DataFrame:
    """A question's answer, cached until a load swaps in a new warehouse."""
    store = warehouse()
    return _answer(str(store.path), store.version(), name, tuple(sorted(params.items())))


def set_frame(frame: Frame) -> None:
    st.session_state["_frame"] = frame


def frame() -> Frame:
    return st.session_state["_frame"]


# Formats. Missing values show as a dash rather than "nan".
def _missing(value) -> bool:
    return value is None or pd.isna(value)


def number(value) -> str:
    return "—" if _missing(value) else format_decimal(round(float(value)), locale="id")


def percent(value, digits: int = 1) -> str:
    if _missing(value):
        return "—"
    return format_decimal(value, format="#,##0." + "0" * digits, locale="id") + "%"


def points(value) -> str:
    """A gap in percentage points, always signed (- behind, + ahead); a plain hyphen so that
    st.metric reads the sign and spreadsheets read the number."""
    if _missing(value):
        return "—"
    return format_decimal(value, format="+#,##0.0;-#,##0.0", locale="id")


def date(value, lang: str) -> str:
    if _missing(value):
        return "—"
    return format_date(pd.Timestamp(value).date(), "d MMM y", locale=lang)


def utc_as_wita(value, lang: str) -> str:
    if _missing(value):
        return "—"
    local = pd.Timestamp(value).to_pydatetime() + WITA
    return format_datetime(local, "d MMM y HH.mm", locale=lang) + " WITA"


def header(frame: Frame, title: str) -> None:
    """A page's title, the day it shows, and a plain mark when the data are simulated."""
    st.title(title)
    line = frame.t("frame.keadaan", tanggal=date(frame.as_of, frame.lang))
    line += " · " + frame.t("frame.data_sampai", tanggal=date(frame.data_until, frame.lang))
    line += ", " + frame.t("frame.dimuat", waktu=utc_as_wita(frame.loaded_at, frame.lang))
    if frame.simulated:
        st.badge(frame.t("frame.simulasi_singkat"), icon=":material/science:", color="orange")
    st.caption(line)


def status(value, frame: Frame) -> str:
    """A status in words: wherever it is coloured, the words say it too."""
    if _missing(value):
        return frame.t("status.tanpa")
    return frame.t("status." + value)


def status_tint(label: str, frame: Frame) -> str:
    """CSS for a table cell holding a status label (for pandas Styler.map)."""
    for value, tint in STATUS_TINTS.items():
        if label == frame.t("status." + value):
            return f"background-color: {tint}"
    return ""
