"""What every page shares: the frame (as-of date, language), cached questions, words and formats.

app.py builds the frame once per run; pages read it with `frame()` and ask questions with `ask()`.
Numbers and dates follow Indonesian conventions (1.234.567; 12,5%; 15 Okt 2022) in both languages,
so figures read the same on every screen; only the words change. Text from loaded files (names,
codes, file names, reasons) reaches markdown only through `plain()` and plotly only through
`plain_plotly()`, so that it shows as written.
"""

import datetime as dt
import functools
import html
import re
import runpy
from collections.abc import Callable
from dataclasses import dataclass
from decimal import ROUND_HALF_EVEN, Decimal
from pathlib import Path
from typing import TypeVar

import pandas as pd
import streamlit as st
from babel.dates import format_date, format_datetime

from data.warehouse import default_path
from queries import Snapshot, Warehouse, WarehouseMissing

T = TypeVar("T")
INDONESIAN_SEPARATORS = str.maketrans(",.", ".,")
APP = Path(__file__).resolve().parent.parent / "app.py"
LANGUAGES = {"id": "Bahasa Indonesia", "en": "English"}
# Light tints of the map's status colours, for table cells that carry the status in words too.
STATUS_TINTS = {"hijau": "#d4edda", "kuning": "#fdecc0", "merah": "#f9d3cc"}
WITA = dt.timedelta(hours=8)  # loads are recorded in UTC; Kaltim reads WITA (UTC+8)
# Streamlit renders markdown in nearly every text it draws (st.markdown, headers, captions, alerts, buttons,
# tabs, radio options, widget labels, metrics, progress texts, toasts; not table cells nor selectbox
# options): an image in a name would make every viewer's browser fetch it. CommonMark lets every ASCII
# punctuation character be escaped with a backslash.
MARKDOWN_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
# Streamlit also rewrites text after parsing, where escapes no longer count: shortcodes (:smile:,
# :material/home:, :streamlit:, which is an image), web and mail addresses (http://x, www.x, a@b.id become
# links) and arrows (->, <=, --). An invisible word joiner between their characters keeps them apart.
REWRITTEN_AFTER_PARSING = re.compile(
    r"(?<=[:@])|(?<=www)(?=\.)|(?<=-)(?=[->])|(?<=<)(?=[-=])|(?<=[>~])(?==)", re.IGNORECASE
)
WORD_JOINER = "\u2060"
LINE_BREAKS = re.compile(r"[\t\n\r\v\f]")  # in markdown a break can start a heading or a code block

TEXT: dict[str, dict[str, str]] = {
    "frame.bahasa": {"id": "Bahasa", "en": "Language"},
    "frame.tanggal": {"id": "Keadaan per tanggal", "en": "As of"},
    "frame.wilayah": {"id": "Kabupaten/kota", "en": "Regency/city"},
    "frame.semua_wilayah": {"id": "Semua (Kalimantan Timur)", "en": "All (East Kalimantan)"},
    "frame.tanggal_bantuan": {
        "id": "Semua angka dihitung seperti yang diketahui pada akhir hari ini.",
        "en": "Every figure is computed as known at the end of this day.",
    },
    "frame.simulasi": {
        "id": "Data simulasi: kampanye buatan untuk demonstrasi, bukan hasil lapangan.",
        "en": "Simulated data: a made-up campaign for demonstration, not field results.",
    },
    "frame.simulasi_singkat": {"id": "Data simulasi", "en": "Simulated data"},
    "frame.keadaan": {"id": "{wilayah}, keadaan per {tanggal}", "en": "{wilayah}, as of {tanggal}"},
    "frame.provinsi": {"id": "Kalimantan Timur", "en": "East Kalimantan"},
    "frame.data_sampai": {"id": "Data sampai {tanggal}", "en": "Data up to {tanggal}"},
    "frame.dimuat": {"id": "dimuat {waktu}", "en": "loaded {waktu}"},
    "frame.gudang_kosong": {
        "id": "Gudang data belum ada. Muat berkas ekspor di halaman Data, dengan "
        "`python -m data load BERKAS...`, atau bangun data simulasi dengan `python -m data demo`.",
        "en": "No warehouse yet. Load export files on the Data page, with "
        "`python -m data load FILE...`, or build the simulated campaign with `python -m data demo`.",
    },
    "frame.gudang_lama": {
        "id": "Gudang data dibuat oleh versi sebelumnya dan belum punya semua tabelnya. Muat berkas apa "
        "pun sekali lagi (halaman Data atau `python -m data load BERKAS`) untuk melengkapinya.",
        "en": "The warehouse was built by an earlier version and lacks some of its tables. Load any file "
        "once more (Data page or `python -m data load FILE`) to complete it.",
    },
    "frame.data_baru": {
        "id": "Data baru sudah dimuat: angka diperbarui.",
        "en": "New data has been loaded: figures updated.",
    },
    "frame.belum_ada_keluarga": {
        "id": "Belum ada keluarga terdata di gudang data: halaman pemantauan muncul setelah "
        "registrasi pertama dimuat (halaman Data).",
        "en": "No family has been registered in the warehouse yet: the monitoring pages appear once "
        "the first registrations are loaded (Data page).",
    },
    # Page names, for the navigation and the pages' titles.
    "halaman.ringkasan": {"id": "Ringkasan", "en": "Overview"},
    "halaman.jadwal": {"id": "Jadwal & proyeksi", "en": "Schedule & projection"},
    "halaman.wilayah": {"id": "Wilayah", "en": "Regions"},
    "halaman.petugas": {"id": "Petugas", "en": "Officers"},
    "halaman.desk": {"id": "Desk kolektif", "en": "Collective desks"},
    "halaman.alur": {"id": "Alur dokumen", "en": "Form pipeline"},
    "halaman.data": {"id": "Data", "en": "Data"},
    "kolom.wilayah": {"id": "Kabupaten/kota", "en": "Regency/city"},
    "kolom.target": {"id": "Target", "en": "Target"},
    "kolom.terdata": {"id": "Terdata", "en": "Registered"},
    "kolom.capaian": {"id": "Capaian", "en": "Done"},
    "kolom.rencana": {"id": "Rencana", "en": "Planned"},
    "kolom.selisih": {"id": "Selisih", "en": "Gap"},
    "kolom.status": {"id": "Status", "en": "Status"},
    "kolom.proyeksi": {"id": "Proyeksi selesai", "en": "Projected finish"},
    "status.hijau": {"id": "Sesuai", "en": "On track"},
    "status.kuning": {"id": "Waspada", "en": "At risk"},
    "status.merah": {"id": "Tertinggal", "en": "Behind"},
    # No target (no SLS loaded) or no schedule: nothing to judge against.
    "status.tanpa": {"id": "Belum dinilai", "en": "Not assessed"},
    "satuan.poin": {"id": "poin", "en": "pts"},
    "satuan.hari": {"id": "hari", "en": "days"},
    "umum.kosong": {"id": "—", "en": "—"},
}


@dataclass(frozen=True)
class Frame:
    """The view every page honours."""

    as_of: dt.date
    kode_kab: str | None  # None: the whole province
    lang: str
    simulated: bool
    data_until: dt.date
    loaded_at: dt.datetime

    def t(self, key: str, **values) -> str:
        """The words for `key` in the frame's language: a page's own (see `add_words`) or shared."""
        return TEXT[key][self.lang].format(**values)


def warehouse() -> Warehouse:
    return _warehouse_at(str(default_path()))


def add_words(words: dict[str, dict[str, str]]) -> None:
    """A page's own words, kept beside its code; keys are prefixed with the page's name."""
    clashes = {key for key in words if key in TEXT and TEXT[key] != words[key]}
    if clashes:
        raise KeyError(f"words defined twice: {sorted(clashes)}")
    TEXT.update(words)


@st.cache_resource
def _warehouse_at(path: str) -> Warehouse:
    return Warehouse(path)


@st.cache_data(ttl=3600, max_entries=512, show_spinner=False)
def _answer(
    path: str, version: tuple[int, int], name: str, params: tuple, _snapshot: Snapshot
) -> pd.DataFrame:
    return _snapshot.run(name, **dict(params))


def pin_snapshot(lang: str) -> Snapshot:
    """Take the warehouse as it is now for this whole run (raises WarehouseMissing): every question
    of the run sees the same load. Says so when a load has come in since the session's last run."""
    previous = st.session_state.get("_snapshot")
    current = warehouse().snapshot()
    st.session_state["_snapshot"] = current
    if previous is not None and previous.version != current.version:
        st.toast(TEXT["frame.data_baru"][lang], icon=":material/sync:")
    return current


def newer_load_waiting() -> bool:
    """Whether a load has swapped in a new warehouse since this run took its snapshot."""
    pinned = st.session_state.get("_snapshot")
    try:
        return pinned is not None and warehouse().version() != pinned.version
    except WarehouseMissing:
        return False


def set_language(lang: str) -> None:
    st.session_state["_lang"] = lang


def language() -> str:
    """The session's language, also on pages that can show before there is a frame (Data)."""
    return st.session_state.get("_lang", "id")


def _pinned() -> Snapshot:
    return st.session_state.get("_snapshot") or pin_snapshot(language())


def ask(name: str, **params) -> pd.DataFrame:
    """A question's answer from this run's snapshot, cached per warehouse version."""
    snapshot = _pinned()
    path = str(warehouse().path)
    return _answer(path, snapshot.version, name, tuple(sorted(params.items())), _snapshot=snapshot)


def ask_uncached(name: str, **params) -> pd.DataFrame:
    """A question's answer from this run's snapshot, not kept: for a large answer that its caller keeps
    in a shape of its own (a second, pickled copy in the data cache would double its memory)."""
    return _pinned().run(name, **params)


def per_version(make: Callable[..., T]) -> Callable[..., T]:
    """Run `make` once per warehouse version and arguments: later calls, in any session, get a copy
    of its result back and replay the elements it drew (Streamlit's data cache keeps both), so
    figures, tables and formatted rows are not built again on every rerun. For functions without
    widgets whose work depends only on their arguments and the warehouse's answers."""
    return _versioned(make, _kept_copy)


def shared_per_version(make: Callable[..., T]) -> Callable[..., T]:
    """Like per_version, for a result too costly to copy (a map figure, the officers' answer): every
    caller gets the same object, which nobody may change. Fewer are kept: at national scale one
    officers' answer holds about 300 MB."""
    return _versioned(make, _kept_shared)


def _versioned(make: Callable[..., T], store: Callable) -> Callable[..., T]:
    name = f"{make.__code__.co_filename}:{make.__qualname__}"  # page scripts all run as __main__

    @functools.wraps(make)
    def cached(*args, **kwargs) -> T:
        return store(name, str(warehouse().path), _pinned().version, args, kwargs, _make=make)

    return cached


@st.cache_data(ttl=3600, max_entries=512, show_spinner=False)
def _kept_copy(name: str, path: str, version: tuple[int, int], args: tuple, kwargs: dict, _make: Callable):
    return _make(*args, **kwargs)


@st.cache_resource(ttl=3600, max_entries=16, show_spinner=False)
def _kept_shared(name: str, path: str, version: tuple[int, int], args: tuple, kwargs: dict, _make: Callable):
    return _make(*args, **kwargs)


PROVINCE = "64"


def regency_key(lang: str) -> str:
    """The sidebar's regency box, one per language (its label makes it another widget)."""
    return f"pilih_kab_{lang}"


def recall(name: str) -> str | None:
    """A frame parameter from the URL, else as this session last had it (moving to another page
    drops the query parameters)."""
    return st.query_params.get(name, st.session_state.get(f"url_{name}"))


def keep(name: str, value: str | None) -> None:
    """Write a frame parameter to the URL and remember it for the next page."""
    st.session_state[f"url_{name}"] = value
    if value is None:
        st.query_params.pop(name, None)
    else:
        st.query_params[name] = value


def choose_regency(kode_kab: str | None, lang: str) -> None:
    """Narrow the frame to a regency (None: the province) from a page, e.g. in a drill-down callback.
    The keyed sidebar box keeps its own value whatever the URL says, so both are set."""
    st.session_state[regency_key(lang)] = kode_kab or PROVINCE
    keep("kab", kode_kab)


def set_frame(frame: Frame) -> None:
    st.session_state["_frame"] = frame


def through_the_app() -> None:
    """Make sure this run went through app.py. A link straight to a page as the first visit after the
    server started makes Streamlit run the page alone (its legacy mode for a pages/ folder), without
    the sidebar, the language or the snapshot: then run app.py, which sets them up and draws this
    page through st.navigation, and stop this run. app.py sets the language before routing."""
    if "_lang" not in st.session_state:
        runpy.run_path(str(APP), run_name="__main__")
        st.stop()


def frame() -> Frame:
    through_the_app()
    return st.session_state["_frame"]


# Formats. Missing values show as a dash rather than "nan".
def _missing(value) -> bool:
    return value is None or pd.isna(value)


def grouped(value, places: int = 0, sign: str = "") -> str:
    """`value` as Indonesian writes it (1.234.567,5), rounded half to even as babel rounds; `sign` "+"
    always shows it. Written out rather than babel's format_decimal: pages format tens of thousands of
    cells, and this is ten times faster."""
    exact = Decimal(str(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN)
    return f"{exact:{sign},.{places}f}".translate(INDONESIAN_SEPARATORS)


def number(value) -> str:
    return "—" if _missing(value) else grouped(round(float(value)))


def rate(value) -> str:
    """A rate such as families a day: one decimal below 100, so that 2 in 7 days is 0,3 and not 0."""
    if _missing(value):
        return "—"
    return grouped(value, 1 if abs(value) < 100 else 0)


def percent(value, digits: int = 1) -> str:
    if _missing(value):
        return "—"
    return grouped(value, digits) + "%"


def points(value) -> str:
    """A gap in percentage points, always signed (- behind, + ahead); a plain hyphen so that
    st.metric reads the sign and spreadsheets read the number."""
    if _missing(value):
        return "—"
    return grouped(value, 1, sign="+")


def date(value, lang: str) -> str:
    if _missing(value):
        return "—"
    return format_date(pd.Timestamp(value).date(), "d MMM y", locale=lang)


def utc_as_wita(value, lang: str) -> str:
    if _missing(value):
        return "—"
    local = pd.Timestamp(value).to_pydatetime() + WITA
    return format_datetime(local, "d MMM y HH.mm", locale=lang) + " WITA"


def plain(text) -> str:
    """`text` shown as written inside any markdown Streamlit renders: no element, link or request."""
    joined = REWRITTEN_AFTER_PARSING.sub(WORD_JOINER, LINE_BREAKS.sub(" ", str(text)))
    escaped = MARKDOWN_PUNCTUATION.sub(r"\\\1", joined)
    return "&#32;" + escaped[1:] if escaped.startswith(" ") else escaped  # 4 spaces would start code


def plain_plotly(text) -> str:
    """`text` shown as written inside plotly's hover, label and legend texts, which read <b>, <a href>,
    <br> and entities such as &amp;. Quotes stay: plotly knows no &quot;, and without < no tag can open."""
    return html.escape(str(text), quote=False)


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
