"""Pantau Regsosek Kaltim: routes the pages and holds the frame they share.

The frame (as-of date, language, regency) lives in the URL's query parameters, so a link reopens the
same view, and in session state for the pages to read. The URL is the source of truth: each widget
starts from it, and a widget's key names its language, because a label in another language makes
another widget.
"""

import datetime as dt

import streamlit as st

from pages import ui
from queries import WarehouseMissing

st.set_page_config(page_title="Pantau Regsosek Kaltim", layout="wide")  # a page_icon would be fetched
# Less white space around the pages: projectors are often 1280 px wide.
st.html(
    "<style>[data-testid='stMainBlockContainer'] {padding: 2.5rem 2rem 3rem 2rem;}</style>",
)


# Page files (pages/<name>.py, also their URL path) and their icons.
PAGES = {
    "ringkasan": ":material/map:",
}


def _language() -> str:
    chosen = st.query_params.get("bahasa", "id")
    lang = st.sidebar.radio(
        "Bahasa / Language",
        options=list(ui.LANGUAGES),
        index=list(ui.LANGUAGES).index(chosen) if chosen in ui.LANGUAGES else 0,
        format_func=ui.LANGUAGES.get,
        horizontal=True,
        key="pilih_bahasa",
    )
    st.query_params["bahasa"] = lang
    return lang


def _as_of(lang: str, info) -> dt.date:
    first, last = info["tanggal_awal"].date(), info["tanggal_akhir"].date()
    try:
        chosen = dt.date.fromisoformat(st.query_params.get("tanggal", ""))
    except ValueError:
        chosen = last
    as_of = st.sidebar.date_input(
        ui.TEXT["frame.tanggal"][lang],
        value=min(max(chosen, first), last),
        min_value=first,
        max_value=last,
        format="DD/MM/YYYY",
        help=ui.TEXT["frame.tanggal_bantuan"][lang],
        key=f"pilih_tanggal_{lang}",
    )
    st.query_params["tanggal"] = as_of.isoformat()
    return as_of


def _regency(lang: str) -> str | None:
    regencies = ui.ask("daftar_kabupaten")
    names = dict(zip(regencies.kode_kab, regencies.nama_kab, strict=True))
    options = [None, *names]
    chosen = st.query_params.get("kab")
    kode_kab = st.sidebar.selectbox(
        ui.TEXT["frame.wilayah"][lang],
        options,
        index=options.index(chosen) if chosen in names else 0,
        format_func=lambda code: names[code] if code else ui.TEXT["frame.semua_wilayah"][lang],
        key=f"pilih_kab_{lang}",
    )
    if kode_kab:
        st.query_params["kab"] = kode_kab
    else:
        st.query_params.pop("kab", None)
    return kode_kab


def _frame(lang: str, info) -> ui.Frame:
    return ui.Frame(
        as_of=_as_of(lang, info),
        kode_kab=_regency(lang),
        lang=lang,
        simulated=bool(info["simulasi"]),
        data_until=info["tanggal_akhir"].date(),
        loaded_at=info["waktu_muat_terakhir"].to_pydatetime(),
    )


def main() -> None:
    st.sidebar.title("Pantau Regsosek Kaltim")
    lang = _language()
    try:
        info = ui.ask("info_data").iloc[0]
    except WarehouseMissing:
        st.error(ui.TEXT["frame.gudang_kosong"][lang].format(path=ui.warehouse().path))
        st.stop()
    if info["jumlah_keluarga"] == 0:
        st.info(ui.TEXT["frame.belum_ada_keluarga"][lang])
        st.stop()
    frame = _frame(lang, info)
    ui.set_frame(frame)
    if frame.simulated:
        st.sidebar.warning(frame.t("frame.simulasi"), icon=":material/science:")
    pages = [
        st.Page(f"pages/{name}.py", title=frame.t(f"halaman.{name}"), icon=icon, default=name == "ringkasan")
        for name, icon in PAGES.items()
    ]
    st.navigation(pages).run()


main()
