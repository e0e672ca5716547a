"""Pantau Regsosek Kaltim: routes the pages and holds the frame they share.

The frame (as-of date, language, regency) lives in the URL's query parameters, so a link reopens the
same view, and in session state for the pages to read. The URL is the source of truth: each widget
starts from it, and a widget's key names its language, because a label in another language makes
another widget. Moving to another page drops the query parameters, so the session remembers them
and puts them back.
"""

import datetime as dt
from pathlib import Path

import pandas as pd
import streamlit as st

from pages import ui
from queries import WarehouseMissing, WarehouseOutdated

ICON = Path(__file__).resolve().parent / "pages" / "ikon.png"
# The pages' look on a projector, a phone and paper (nothing from the data in it):
# - less white space around the pages: projectors are often 1280 px wide;
# - a headline figure is never cut: its value's size follows its card's width, its change line wraps;
# - on a phone (at most 640 px) two figures to a row;
# - printed (A4 landscape, as wide as a projector's page): the page alone, without the sidebar, the
#   toolbar and the buttons, no figure, chart or table split in two, headings kept with what follows.
STYLE = """<style>
[data-testid='stMainBlockContainer'] {padding: 2.5rem 2rem 3rem 2rem;}
[data-testid='stMetric'] {container-type: inline-size;}
[data-testid='stMetric'] [data-testid='stMetricValue'] {font-size: min(2.25rem, 19cqi);}
[data-testid='stMetric'] :is([data-testid='stMetricLabel'], [data-testid='stMetricDelta']) * {
  white-space: normal;}
@media (max-width: 640px) {
  [data-testid='stMainBlockContainer'] {padding: 2.5rem 1rem 2rem 1rem;}
  [data-testid='stMetric'] [data-testid='stMetricValue'] {font-size: min(2rem, 15cqi);}
  [data-testid='stHorizontalBlock']:has(> [data-testid='stColumn'] [data-testid='stMetric'])
    > [data-testid='stColumn'] {min-width: calc(50% - 0.5rem); flex-basis: calc(50% - 0.5rem);}
}
@page {size: A4 landscape; margin: 12mm;}
@media print {
  [data-testid='stSidebar'], [data-testid='stHeader'], [data-testid='stDownloadButton'],
  [data-testid='stPopover'], [data-testid='stElementToolbar'], .modebar-container {display: none !important;}
  [data-testid='stMainBlockContainer'] {padding: 0; max-width: none;}
  [data-testid='stMetric'], [data-testid='stPlotlyChart'], [data-testid='stDataFrame'] {break-inside: avoid;}
  [data-testid='stElementContainer']:has([data-testid='stHeading']) {break-after: avoid;}
}
</style>"""
# A map's WebGL canvas keeps nothing to print once shown: just before printing each map is drawn once
# more and copied onto a plain canvas above it, which is removed after printing.
PRINTED_MAPS = """<script>
if (!window.pantauPrintsMaps) {
  window.pantauPrintsMaps = true;
  addEventListener("beforeprint", () => {
    for (const plot of document.querySelectorAll(".js-plotly-plot")) {
      const map = plot._fullLayout?.map?._subplot?.map;
      if (!map) continue;
      map.redraw();
      const live = map.getCanvas(), copy = document.createElement("canvas");
      copy.width = live.width;
      copy.height = live.height;
      copy.style.cssText = live.style.cssText + ";position:absolute";
      copy.className = "pantau-dicetak";
      copy.getContext("2d").drawImage(live, 0, 0);
      live.after(copy);
    }
  });
  addEventListener("afterprint", () => {
    for (const copy of document.querySelectorAll(".pantau-dicetak")) copy.remove();
  });
}
</script>"""

# A local favicon: without one the browser would fetch the page's Material icon from a font server.
st.set_page_config(page_title="Pantau Regsosek Kaltim", page_icon=ICON, layout="wide")
st.html(STYLE)
st.sidebar.html(PRINTED_MAPS, unsafe_allow_javascript=True)


# Page files (pages/<name>.py, also their URL path), the words of their titles and their icons.
PAGES = {
    "ringkasan": ("halaman.ringkasan", ":material/map:"),
    "jadwal": ("halaman.jadwal", ":material/event_upcoming:"),
    "wilayah": ("halaman.wilayah", ":material/account_tree:"),
    "petugas": ("halaman.petugas", ":material/badge:"),
    "desk": ("halaman.desk", ":material/storefront:"),
    "alur": ("halaman.alur", ":material/conveyor_belt:"),
    "presentasi": ("halaman.presentasi", ":material/slideshow:"),
}
# For the people who load data; the one page there is before the first families are loaded.
DATA_PAGE = "data"
DATA_TITLE, DATA_ICON = "halaman.data", ":material/database:"
# How often an open page looks for a newer warehouse (a load finishing shows within this time) and for
# the end of an idle session.
LOAD_WATCH_INTERVAL = dt.timedelta(seconds=30)
WATCHED_RERUN = "_dijalankan_pengamat"  # the run the watcher asked for is not the viewer's activity


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
    first, last = info["pilihan_awal"].date(), info["pilihan_akhir"].date()
    try:
        chosen = dt.date.fromisoformat(ui.recall("tanggal") or "")
    except ValueError:
        chosen = ui.default_day(info, ui.today_wita(bool(info["simulasi"])))
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


def _regency(lang: str, viewer: ui.Viewer) -> str | None:
    regencies = ui.ask("daftar_kabupaten")  # only its own for an account limited to one regency
    names = dict(zip(regencies.kode_kab, regencies.nama_kab, strict=True))
    # The province is an option of its own ("64"): a None value would show as the empty placeholder.
    options = list(names) if viewer.kode_kab else [ui.PROVINCE, *names]
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


def _frame(lang: str, info, viewer: ui.Viewer) -> ui.Frame:
    return ui.Frame(
        as_of=_as_of(lang, info),
        kode_kab=_regency(lang, viewer),
        lang=lang,
        simulated=bool(info["simulasi"]),
        data_until=info["tanggal_akhir"].date(),
        loaded_at=info["waktu_muat_terakhir"].to_pydatetime(),
        fieldwork_end=None if pd.isna(info["akhir_pendataan"]) else info["akhir_pendataan"].date(),
        first_day=info["pilihan_awal"].date(),
    )


@st.fragment(run_every=LOAD_WATCH_INTERVAL)
def _watch_for_loads() -> None:
    """Rerun the page when a load has swapped in a new warehouse, so that open pages catch up, or when
    the session has been idle too long, so that it ends. Neither counts as the viewer's activity."""
    if ui.signin.idle_too_long() or ui.newer_load_waiting():
        st.session_state[WATCHED_RERUN] = True
        st.rerun(scope="app")


def _page(name: str, title: str, icon: str) -> st.Page:
    return st.Page(f"pages/{name}.py", title=title, icon=icon, default=name == "ringkasan")


def _data_only(message: str) -> None:
    """No families yet: say so, and offer the Data page to load the first files to those who may."""
    st.info(message, icon=":material/info:")
    if ui.may_ask("data_kesegaran"):
        st.navigation([st.Page(f"pages/{DATA_PAGE}.py", title=ui.t(DATA_TITLE), icon=DATA_ICON)]).run()


def _sign_in_only(lang: str) -> None:
    """Not signed in: every page's address shows the sign-in form, so that a link opens its page once
    signed in."""
    pages = [
        st.Page(
            lambda: ui.signin.form(lang),
            title=ui.say(title, lang),
            url_path=name,
            default=name == "ringkasan",
        )
        for name, (title, _) in {**PAGES, DATA_PAGE: (DATA_TITLE, DATA_ICON)}.items()
    ]
    st.navigation(pages, position="hidden").run()


def _pages(frame: ui.Frame) -> list[st.Page]:
    """The pages this viewer may open: the officers' page and the Data page ask what only some may."""
    shown = [name for name in PAGES if name != "petugas" or ui.may_ask("petugas_kinerja")]
    pages = [_page(name, frame.t(PAGES[name][0]), PAGES[name][1]) for name in shown]
    if ui.may_ask("data_kesegaran"):
        pages.append(_page(DATA_PAGE, frame.t(DATA_TITLE), DATA_ICON))
    return pages


def main() -> None:
    st.sidebar.title("Pantau Regsosek Kaltim")
    lang = _language()
    ui.set_language(lang)
    viewer = ui.signin.current(lang)
    ui.signin.write_cookie()
    if viewer is None:
        _sign_in_only(lang)
        return
    if not st.session_state.pop(WATCHED_RERUN, False):
        ui.signin.still_here()
    ui.signin.sidebar(viewer, lang)
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
    frame = _frame(lang, info, viewer)
    ui.set_frame(frame)
    if frame.simulated:
        st.sidebar.warning(frame.t("frame.simulasi"), icon=":material/science:")
    try:
        st.navigation(_pages(frame)).run()
    except ui.Refused:  # a page opened by its address that asks what this viewer may not
        st.error(frame.t("masuk.ditolak"), icon=":material/block:")


main()
