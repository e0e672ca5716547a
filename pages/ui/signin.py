"""Who the session is: signing in (a password checked by data/accounts.py, or single sign-on through
Streamlit's st.login where `[auth]` is configured in .streamlit/secrets.toml), coming back after a reload,
signing out, and the end of a session left idle for PANTAU_SESI_MENIT minutes. Each of these goes into
the audit log.

The viewer lives in the session, on the server. A browser that signed in keeps a random session token in
a cookie (pantau_sesi, for the browser's session, SameSite=Strict) so that a reload or a link opened in
another tab needs no new sign-in; the access file keeps only the token's digest, and the token ends with
sign-out, a new password, the account's removal, or PANTAU_SESI_MENIT minutes without activity.
"""

import datetime as dt
import json

import streamlit as st

from data.accounts import (
    SESSION_COOKIE,
    TOKEN,
    AccessStore,
    SessionEnded,
    SignInRefused,
    idle_limit,
    lock_minutes,
    store_path,
)
from data.warehouse import default_path
from pages.ui.formats import plain
from pages.ui.words import say
from queries.access import Refused, Viewer

VIEWER, SEEN, TOKEN_KEY = "_viewer", "_dilihat", "_token"
ENDED = "_sesi_habis"  # the session ended for idleness: the sign-in form says so
COOKIE_TO_WRITE = "_kuki"  # what the next run writes into the browser's cookie ("" clears it)
ROLE_WORDS = {"pimpinan": "peran.pimpinan", "bps": "peran.bps", "admin": "peran.admin"}
LOCAL_ADDRESS = "lokal"  # Streamlit gives no address for a browser on this machine


def store() -> AccessStore:
    return AccessStore(store_path(default_path()))


def address() -> str:
    return st.context.ip_address or LOCAL_ADDRESS


def viewer() -> Viewer:
    """The signed-in viewer; Refused for a session that has not signed in."""
    signed_in = st.session_state.get(VIEWER)
    if signed_in is None:
        raise Refused("belum masuk")
    return signed_in


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC)


def idle_too_long() -> bool:
    seen = st.session_state.get(SEEN)
    return VIEWER in st.session_state and seen is not None and _now() - seen > idle_limit()


def still_here() -> None:
    """The viewer did something: the idle time starts again, here and for the browser's token."""
    st.session_state[SEEN] = _now()
    if token := st.session_state.get(TOKEN_KEY):
        store().touch(token)


def sign_out(event: str = "keluar", why: str = "") -> None:
    signed_in = st.session_state.pop(VIEWER, None)
    st.session_state.pop(SEEN, None)
    if token := st.session_state.pop(TOKEN_KEY, None):
        store().close_session(token)
        st.session_state[COOKIE_TO_WRITE] = ""
    if signed_in is not None:
        store().record(event, signed_in.name, why, address())
    if _single_sign_on() and st.user.is_logged_in:
        st.logout()


def _signed_in_as(name: str, role: str, kode_kab: str | None, token: str | None = None) -> None:
    st.session_state[VIEWER] = Viewer(name, role, kode_kab)
    if token:
        st.session_state[TOKEN_KEY] = token
    still_here()


def _single_sign_on() -> bool:
    """Whether an OpenID Connect provider is configured (`[auth]` in .streamlit/secrets.toml)."""
    try:
        return "auth" in st.secrets
    except FileNotFoundError:
        return False


def current(lang: str) -> Viewer | None:
    """The session's viewer, or the one whose token the browser brought back; None when there is none
    (the caller then shows the sign-in form)."""
    if idle_too_long():
        sign_out("sesi_habis")
        st.session_state[ENDED] = True
    if VIEWER in st.session_state:
        if _still_holds(st.session_state[VIEWER]):
            return st.session_state[VIEWER]
        sign_out(why="akun diubah, dihapus, atau sesinya diakhiri di tempat lain")
    if _single_sign_on() and st.user.is_logged_in:
        _from_single_sign_on(lang)
    elif token := st.context.cookies.get(SESSION_COOKIE):
        _from_token(token)
    return st.session_state.get(VIEWER)


def _still_holds(signed_in: Viewer) -> bool:
    """Whether the session's viewer is still what the access file says: its token not ended (signed out
    in another tab, a new password) and its account neither removed nor changed in role or regency."""
    token = st.session_state.get(TOKEN_KEY)
    account = store().session_owner(token) if token else store().account(signed_in.name)
    return account is not None and Viewer(account.name, account.role, account.kode_kab) == signed_in


def _from_token(token: str) -> None:
    try:
        account = store().resume(token, where=address())
    except SessionEnded:
        st.session_state[ENDED] = True
        st.session_state[COOKIE_TO_WRITE] = ""
        return
    if account is not None:
        _signed_in_as(account.name, account.role, account.kode_kab, token)


def _from_single_sign_on(lang: str) -> None:
    try:
        account = store().single_sign_on(str(st.user.get("email", "")), where=address())
    except SignInRefused:
        st.error(say("masuk.sso_tanpa_akun", lang), icon=":material/block:")
        st.button(say("masuk.keluar", lang), on_click=st.logout)
        return
    _signed_in_as(account.name, account.role, account.kode_kab)


def write_cookie() -> None:
    """Give the browser its session token, or take it back, as the last run decided. Only a token of
    our own making (TOKEN's letters) is ever written into the script."""
    value = st.session_state.pop(COOKIE_TO_WRITE, None)
    if value is None or (value and not TOKEN.fullmatch(value)):
        return
    secure = "; Secure" if str(st.context.url or "").startswith("https://") else ""
    cookie = f"{SESSION_COOKIE}={value}; path=/; SameSite=Strict{secure}" + ("" if value else "; max-age=0")
    st.html(f"<script>document.cookie = {json.dumps(cookie)};</script>", unsafe_allow_javascript=True)


def form(lang: str) -> None:
    """The sign-in form (and the SSO button where configured)."""
    st.title(say("masuk.judul", lang))
    if st.session_state.pop(ENDED, False):
        st.info(say("masuk.sesi_habis", lang, menit=f"{idle_limit().total_seconds() / 60:g}"))
    if store().is_empty():
        st.info(say("masuk.belum_ada_akun", lang), icon=":material/person_add:")
    if _single_sign_on():
        st.button(say("masuk.sso", lang), on_click=st.login, type="primary", icon=":material/login:")
    with st.form("masuk", enter_to_submit=True, border=True, width=420):
        name = st.text_input(say("masuk.nama", lang), max_chars=100, autocomplete="username")
        password = st.text_input(
            say("masuk.sandi", lang), type="password", max_chars=200, autocomplete="current-password"
        )
        submitted = st.form_submit_button(say("masuk.tombol", lang), type="primary")
    if submitted:
        _check(name, password, lang)


def _check(name: str, password: str, lang: str) -> None:
    try:
        account = store().sign_in(name, password, where=address())
    except SignInRefused:
        st.error(say("masuk.salah", lang, menit=f"{lock_minutes():g}"), icon=":material/block:")
        return
    token = store().open_session(account.name)
    _signed_in_as(account.name, account.role, account.kode_kab, token)
    st.session_state[COOKIE_TO_WRITE] = token
    st.rerun()


def sidebar(viewer: Viewer, lang: str) -> None:
    """Who is signed in, and the way out."""
    role = say(ROLE_WORDS[viewer.role], lang)
    if viewer.kode_kab:
        role += " · " + viewer.kode_kab
    st.sidebar.caption(say("masuk.sebagai", lang, nama=plain(viewer.name), peran=role))
    st.sidebar.button(say("masuk.keluar", lang), icon=":material/logout:", key="keluar", on_click=sign_out)
