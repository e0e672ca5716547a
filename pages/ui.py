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
STATUS_SYMBOLS = {"hijau": "🟢", "kuning": "🟡", "merah": "🔴"}

TEXT: dict[str, dict[str, str]] = {
    "app.judul": {"id": "Pantau Regsosek Kaltim", "en": "Regsosek Monitor, East Kalimantan"},
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
    "ringkasan.dari_target": {
        "id": "dari target {target} keluarga",
        "en": "of a target of {target} families",
    },
    "ringkasan.capaian": {"id": "Capaian", "en": "Completion"},
    "ringkasan.selisih_delta": {"id": "{poin} poin dari rencana", "en": "{poin} pts against plan"},
    "ringkasan.rencana": {"id": "Rencana hari ini", "en": "Planned for today"},
    "ringkasan.rencana_bantuan": {
        "id": "Capaian kumulatif yang dijadwalkan pada akhir hari ini (jadwal yang dimuat).",
        "en": "Cumulative completion scheduled for the end of this day (the loaded schedule).",
    },
    "ringkasan.status": {"id": "Status", "en": "Status"},
    "ringkasan.status_bantuan": {
        "id": "Hijau: sesuai atau di depan rencana; kuning: 0–7,5 poin di belakang; merah: lebih dari 7,5.",
        "en": "Green: on or ahead of plan; amber: 0–7.5 points behind; red: more than 7.5 behind.",
    },
    "ringkasan.sisa_hari": {"id": "Sisa hari ke target", "en": "Days left to target"},
    "ringkasan.sisa_hari_nilai": {"id": "{hari} hari", "en": "{hari} days"},
    "ringkasan.lewat_hari": {"id": "lewat {hari} hari", "en": "{hari} days past"},
    "ringkasan.tanggal_target": {"id": "Target selesai {tanggal}", "en": "Target date {tanggal}"},
    "ringkasan.proyeksi": {"id": "Proyeksi selesai", "en": "Projected finish"},
    "ringkasan.proyeksi_bantuan": {
        "id": "Dengan laju 7 hari terakhir: {laju} keluarga per hari.",
        "en": "At the last 7 days' pace: {laju} families a day.",
    },
    "ringkasan.tercapai": {"id": "Tercapai", "en": "Reached"},
    "ringkasan.tak_terproyeksi": {"id": "Tidak ada kemajuan 7 hari", "en": "No progress in 7 days"},
    "ringkasan.aktif": {"id": "PPL aktif 3 hari terakhir", "en": "PPL active in the last 3 days"},
    "ringkasan.aktif_nilai": {"id": "{aktif} dari {total}", "en": "{aktif} of {total}"},
    "ringkasan.peta": {"id": "Peta kabupaten/kota", "en": "Map of regencies"},
    "ringkasan.warnai": {"id": "Warnai menurut", "en": "Colour by"},
    "ringkasan.warna_capaian": {"id": "Capaian (%)", "en": "Completion (%)"},
    "ringkasan.warna_selisih": {"id": "Selisih dari rencana (poin)", "en": "Gap to plan (points)"},
    "ringkasan.peringkat": {"id": "Peringkat kabupaten/kota", "en": "Regency ranking"},
    "ringkasan.peringkat_catatan": {
        "id": "Diurutkan dari yang paling tertinggal dari rencana.",
        "en": "Sorted from furthest behind plan.",
    },
    "kolom.wilayah": {"id": "Kabupaten/kota", "en": "Regency/city"},
    "kolom.target": {"id": "Target keluarga", "en": "Target families"},
    "kolom.terdata": {"id": "Terdata", "en": "Registered"},
    "kolom.capaian": {"id": "Capaian", "en": "Completion"},
    "kolom.rencana": {"id": "Rencana", "en": "Planned"},
    "kolom.selisih": {"id": "Selisih (poin)", "en": "Gap (points)"},
    "kolom.status": {"id": "Status", "en": "Status"},
    "kolom.proyeksi": {"id": "Proyeksi selesai", "en": "Projected finish"},
    "hover.terdata": {"id": "Terdata {terdata} dari {target}", "en": "Registered {terdata} of {target}"},
    "hover.rencana": {"id": "Rencana {rencana}", "en": "Planned {rencana}"},
    "hover.selisih": {"id": "Selisih {selisih} poin", "en": "Gap {selisih} pts"},
    "status.hijau": {"id": "Sesuai rencana", "en": "On track"},
    "status.kuning": {"id": "Sedikit tertinggal", "en": "Slightly behind"},
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


def timestamp(value, lang: str) -> str:
    if _missing(value):
        return "—"
    return format_datetime(pd.Timestamp(value).to_pydatetime(), "d MMM y HH.mm", locale=lang)


def header(frame: Frame, title: str) -> None:
    """A page's title, the day it shows, and a plain mark when the data are simulated."""
    st.title(title)
    line = frame.t("frame.keadaan", tanggal=date(frame.as_of, frame.lang))
    line += " · " + frame.t("frame.data_sampai", tanggal=date(frame.data_until, frame.lang))
    line += ", " + frame.t("frame.dimuat", waktu=timestamp(frame.loaded_at, frame.lang))
    if frame.simulated:
        st.badge(frame.t("frame.simulasi_singkat"), icon="🧪", color="orange")
    st.caption(line)


def status(value, frame: Frame) -> str:
    """A status as symbol and words: colour is never the only signal."""
    if _missing(value):
        return frame.t("status.tanpa")
    return f"{STATUS_SYMBOLS[value]} {frame.t('status.' + value)}"
