"""The frame every page honours (as-of date, regency, language) and where it lives: the URL's query
parameters, so that a link reopens the same view, and the session, which remembers them from page to
page (moving to another page drops the query parameters). app.py builds the frame once per run.
"""

import datetime as dt
import runpy
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import streamlit as st

from data import demo
from data.contract import WITA
from pages.ui.signin import VIEWER
from pages.ui.words import say
from queries.rules import PROVINCE

APP = Path(__file__).resolve().parents[2] / "app.py"


def language() -> str:
    """The session's language, also on pages that can show before there is a frame (Data)."""
    return st.session_state.get("_lang", "id")


def set_language(lang: str) -> None:
    st.session_state["_lang"] = lang


def t(key: str, **values) -> str:
    """The words for `key` in the session's language, for what shows before there is a frame (the Data
    page, app.py's sidebar)."""
    return say(key, language(), **values)


def default_day(info, today: dt.date) -> dt.date:
    """The day a page opens on: `today` while the campaign's fieldwork runs, else the earlier of the
    fieldwork's end and the last day of data (the picker reaches every other day)."""
    start, end = info["awal_kampanye"], info["akhir_pendataan"]
    last_data = info["tanggal_akhir"].date()
    if pd.isna(end):  # no schedule: the data's last day
        return last_data
    end = end.date()
    if start.date() <= today <= end:
        return today
    return min(end, last_data)


def today_wita(simulated: bool) -> dt.date:
    """Today in Kaltim's time; the demo campaign's own day when the data are simulated."""
    if simulated:
        return demo.TODAY
    return (dt.datetime.now(dt.UTC) + WITA).date()


@dataclass(frozen=True)
class Frame:
    """The view every page honours."""

    as_of: dt.date
    kode_kab: str | None  # None: the whole province
    lang: str
    simulated: bool
    data_until: dt.date
    loaded_at: dt.datetime
    fieldwork_end: dt.date | None = None  # the day the last area's plan reaches its final target
    first_day: dt.date | None = None  # the first day the frame offers (the day before the campaign)

    @property
    def days_without_data(self) -> int:
        """Days between the last day of data and the as-of day (0 when the data reach it)."""
        return max((self.as_of - self.data_until).days, 0)

    def t(self, key: str, **values) -> str:
        """The words for `key` in the frame's language: a page's own (see `add_words`) or shared."""
        return say(key, self.lang, **values)


def area_named(ask, frame: Frame) -> str:
    """The name of the area the frame narrows to, a regency or the province, with `ask` running the
    questions (a page's ui.ask, or the deck's)."""
    if frame.kode_kab is None:
        return frame.t("frame.provinsi")
    regencies = ask("daftar_kabupaten")
    return regencies.loc[regencies.kode_kab == frame.kode_kab, "nama_kab"].iloc[0]


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


def compare_day(frame: Frame) -> dt.date:
    """The earlier day the overview and the meeting compare with (the last meeting), kept in the URL as
    `banding`: by default a week before the as-of day, always before it when the frame offers one."""
    latest = frame.as_of - dt.timedelta(days=1)
    earliest = min(frame.first_day or latest, latest)
    try:
        chosen = dt.date.fromisoformat(recall("banding") or "")
    except ValueError:
        chosen = frame.as_of - dt.timedelta(days=7)
    day = st.date_input(
        say("frame.banding", frame.lang),
        value=min(max(chosen, earliest), latest),
        min_value=earliest,
        max_value=latest,
        format="DD/MM/YYYY",
        help=say("frame.banding_bantuan", frame.lang),
        key=f"pilih_banding_{frame.lang}",
    )
    keep("banding", day.isoformat())
    return day


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
    page through st.navigation, and stop this run. app.py sets the language before routing, and
    before a viewer has signed in it draws the sign-in form instead."""
    if "_lang" not in st.session_state or VIEWER not in st.session_state:
        runpy.run_path(str(APP), run_name="__main__")
        st.stop()


def frame() -> Frame:
    through_the_app()
    return st.session_state["_frame"]
