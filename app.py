"""Pantau Regsosek Kaltim: routes the pages and holds the frame they share.

The frame (as-of date, language, regency) lives in the URL's query parameters, so a link reopens the
same view, and in session state for the pages to read. The URL is the source of truth: each widget
starts from it, and a widget's key names its language, because a label in another language makes
another widget. Moving to another page drops the query parameters, so the session remembers them
and puts them back.
"""

import datetime as dt
from pathlib import Path

import streamlit as st

from pages import ui
from queries import WarehouseMissing, WarehouseOutdated

ICON = Path(__file__).resolve().parent / "pages" / "ikon.png"

# A local favicon: without one the browser would fetch the page's Material icon from a font server.
st.set_page_config(page_title="Pantau Regsosek Kaltim", page_icon=ICON, layout="wide")
# Less white space around the pages: projectors are often 1280 px wide.
st.html(
    "<style>[data-testid='stMainBlockContainer'] {padding: 2.5rem 2rem 3rem 2rem;}</style>",
)


# Page files (pages/<name>.py, also their URL path), the words of their titles and their icons.
PAGES = {
    "ringkasan": ("halaman.ringkasan", ":material/map:"),
    "jadwal": ("halaman.jadwal", ":material/event_upcoming:"),
    "wilayah": ("halaman.wilayah", ":material/account_tree:"),
    "petugas": ("halaman.petugas", ":material/badge:"),
    "desk": ("halaman.desk", ":material/storefront:"),
    "alur": ("halaman.alur", ":material/conveyor_belt:"),
}
# For the people who load data; the one page there is before the first families are loaded.
DATA_PAGE = "data"
DATA_TITLE, DATA_ICON = "halaman.data", ":material/database:"
# How often an open page looks for a newer warehouse (a load finishing shows within this time).
LOAD_WATCH_INTERVAL = dt.timedelta(seconds=30)


def _language() -> str:
    chosen = ui.recall("bahasa")
    lang = st.sidebar.radio(
        "Bahasa / Language",
        options=list(ui.LANGUAGES),
        index=list(ui.LANGUAGES).index(chosen) if chosen in ui.LANGUAGES else 0,
        format_func=ui.LANGUAGES.get,
        horizontal=True,
        key="pilih_bahasa",
    )
    ui.keep("bahasa", lang)
    return lang


def _as_of(lang: str, info) -> dt.date:
    first, last = info["tanggal_awal"].date(), info["tanggal_akhir"].date()
    try:
        chosen = dt.date.fromisoformat(ui.recall("tanggal") or "")
    except ValueError:
        chosen = last
    as_of = st.sidebar.date_input(
        ui.say("frame.tanggal", lang),
        value=min(max(chosen, first), last),
        min_value=first,
        max_value=last,
        format="DD/MM/YYYY",
        help=ui.say("frame.tanggal_bantuan", lang),
        key=f"pilih_tanggal_{lang}",
    )
    ui.keep("tanggal", as_of.isoformat())
    return as_of


def _regency(lang: str) -> str | None:
    regencies = ui.ask("daftar_kabupaten")
    names = dict(zip(regencies.kode_kab, regencies.nama_kab, strict=True))
    # The province is an option of its own ("64"): a None value would show as the empty placeholder.
    options = [ui.PROVINCE, *names]
    chosen = ui.recall("kab")
    kode_kab = st.sidebar.selectbox(
        ui.say("frame.wilayah", lang),
        options,
        index=options.index(chosen) if chosen in names else 0,
        format_func=lambda code: names.get(code, ui.say("frame.semua_wilayah", lang)),
        key=ui.regency_key(lang),
    )
    chosen_regency = None if kode_kab == ui.PROVINCE else kode_kab
    ui.keep("kab", chosen_regency)
    return chosen_regency


def _frame(lang: str, info) -> ui.Frame:
    return ui.Frame(
        as_of=_as_of(lang, info),
        kode_kab=_regency(lang),
        lang=lang,
        simulated=bool(info["simulasi"]),
        data_until=info["tanggal_akhir"].date(),
        loaded_at=info["waktu_muat_terakhir"].to_pydatetime(),
    )


@st.fragment(run_every=LOAD_WATCH_INTERVAL)
def _watch_for_loads() -> None:
    """Rerun the page when a load has swapped in a new warehouse, so that open pages catch up."""
    if ui.newer_load_waiting():
        st.rerun(scope="app")


def _page(name: str, title: str, icon: str) -> st.Page:
    return st.Page(f"pages/{name}.py", title=title, icon=icon, default=name == "ringkasan")


def _data_only(message: str) -> None:
    """No families yet: say so, and offer the Data page to load the first files."""
    st.info(message, icon=":material/info:")
    st.navigation([st.Page(f"pages/{DATA_PAGE}.py", title=ui.t(DATA_TITLE), icon=DATA_ICON)]).run()


def main() -> None:
    st.sidebar.title("Pantau Regsosek Kaltim")
    lang = _language()
    ui.set_language(lang)
    try:
        ui.pin_snapshot(lang)
        info = ui.ask("info_data").iloc[0]
    except WarehouseOutdated:
        _data_only(ui.say("frame.gudang_lama", lang))
        return
    except WarehouseMissing:
        _data_only(ui.say("frame.gudang_kosong", lang))
        return
    _watch_for_loads()
    if info["jumlah_keluarga"] == 0:
        _data_only(ui.say("frame.belum_ada_keluarga", lang))
        return
    frame = _frame(lang, info)
    ui.set_frame(frame)
    if frame.simulated:
        st.sidebar.warning(frame.t("frame.simulasi"), icon=":material/science:")
    pages = [_page(name, frame.t(title), icon) for name, (title, icon) in PAGES.items()]
    pages.append(_page(DATA_PAGE, frame.t(DATA_TITLE), DATA_ICON))
    st.navigation(pages).run()


main()
