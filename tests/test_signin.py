"""Signing in and out: every page needs it; passwords kept only as Argon2id hashes; repeated failures
lock an account for a while; an idle session ends; single sign-on maps a confirmed e-mail address to its
account; and each of these, with loads and account changes, is in the audit log."""

import contextlib
import datetime as dt
import subprocess
import sys
import threading
import time

import pytest
from streamlit.testing.v1 import AppTest

from data import accounts
from data.accounts import AccessStore, AccountError, SignInRefused
from data.demo import ACCOUNTS as DEMO
from pages.ui import signin
from tests.helpers import (
    ACCOUNTS,
    ADMIN,
    APP,
    BPS_SAMARINDA,
    ROOT,
    SMALL_CAMPAIGN,
    loader_command,
    make_accounts,
)

PASSWORD = ACCOUNTS[ADMIN.name][2]


@pytest.fixture
def store(tmp_path, monkeypatch) -> AccessStore:
    """The test accounts in an access file the app reads (PANTAU_AKSES)."""
    path = make_accounts(tmp_path / "akses.sqlite")
    monkeypatch.setenv("PANTAU_AKSES", str(path))
    return AccessStore(path)


def events(store: AccessStore) -> list[tuple[str, str | None, str]]:
    """The log's entries, oldest first: (event, who, details)."""
    return [(event, who, what) for _, event, who, what, _ in reversed(store.events(asked_by="admin"))]


def sign_in_form(at, name: str, password: str):
    at.text_input[0].input(name)
    at.text_input[1].input(password)
    return at.button[0].click().run()


# --- The store ------------------------------------------------------------------------------------------


def test_passwords_are_kept_only_as_argon2id_hashes(store):
    held = store.path.read_bytes() + b"".join(path.read_bytes() for path in store.path.parent.glob("*-wal"))
    assert PASSWORD.encode() not in held
    assert b"$argon2id$" in held


def test_a_wrong_password_and_an_unknown_name_get_the_same_answer(store):
    with pytest.raises(SignInRefused) as wrong:
        store.sign_in(ADMIN.name, "bukan-sandinya", where="uji")
    with pytest.raises(SignInRefused) as unknown:
        store.sign_in("tidak-ada", "bukan-sandinya", where="uji")
    assert str(wrong.value) == str(unknown.value) == accounts.REFUSED
    assert (
        store.sign_in(" UJI-ADMIN ", PASSWORD, where="uji").role == "admin"
    )  # names in any case and spacing


def test_repeated_failures_lock_the_account_until_the_time_passes(store, monkeypatch):
    monkeypatch.setenv("PANTAU_GAGAL_MAKS", "3")
    monkeypatch.setenv("PANTAU_KUNCI_MENIT", "15")
    for _ in range(3):
        with pytest.raises(SignInRefused):
            store.sign_in(ADMIN.name, "bukan-sandinya", where="uji")
    with pytest.raises(SignInRefused) as locked:
        store.sign_in(ADMIN.name, PASSWORD, where="uji")  # the right password, too soon
    assert str(locked.value) == accounts.REFUSED  # the same words: nobody learns the name is locked
    locked_until = store.account(ADMIN.name).locked_until
    assert locked_until is not None
    later = locked_until + dt.timedelta(seconds=1)
    monkeypatch.setattr(accounts, "_now", lambda: later)
    assert store.sign_in(ADMIN.name, PASSWORD, where="uji").name == ADMIN.name
    assert [event for event, _, _ in events(store)] == [
        "gagal_masuk",
        "gagal_masuk",
        "terkunci",
        "gagal_masuk",
        "masuk",
    ]


def test_an_admin_unlocks_an_account(store, monkeypatch):
    monkeypatch.setenv("PANTAU_GAGAL_MAKS", "1")
    with pytest.raises(SignInRefused):
        store.sign_in(ADMIN.name, "bukan-sandinya", where="uji")
    store.unlock(ADMIN.name)
    assert store.sign_in(ADMIN.name, PASSWORD, where="uji").role == "admin"


@pytest.mark.parametrize(
    ("name", "role", "kode_kab", "password"),
    [
        ("Nama Dengan Spasi", "bps", None, "sandi-yang-panjang"),
        ("x'; DROP TABLE akun; --", "bps", None, "sandi-yang-panjang"),
        ("kepala", "raja", None, "sandi-yang-panjang"),
        ("kepala", "pimpinan", "6472", "sandi-yang-panjang"),  # only bps accounts are limited
        ("kepala", "bps", "9999", "sandi-yang-panjang"),
        ("kepala", "bps", None, "pendek"),
    ],
)
def test_a_bad_account_is_refused_with_its_reason(store, name, role, kode_kab, password):
    with pytest.raises(AccountError):
        store.add(name, role, password=password, kode_kab=kode_kab)


def test_a_session_token_brings_its_account_back_until_it_idles_or_ends(store, monkeypatch):
    token = store.open_session(ADMIN.name)
    assert token not in store.path.read_bytes().decode(errors="ignore")  # only its digest is kept
    assert store.resume(token, where="uji") == accounts.Account(ADMIN.name, "admin", None)
    assert store.resume("x" * 43, where="uji") is None and store.resume("<script>", where="uji") is None
    later = dt.datetime.now(dt.UTC).replace(tzinfo=None) + accounts.idle_limit() + dt.timedelta(minutes=1)
    monkeypatch.setattr(accounts, "_now", lambda: later)
    with pytest.raises(accounts.SessionEnded):
        store.resume(token, where="uji")
    assert store.resume(token, where="uji") is None  # ended for good
    assert events(store)[-1][:2] == ("sesi_habis", ADMIN.name)


@pytest.mark.parametrize("ending", ["close", "new password", "removal"])
def test_a_session_ends_with_sign_out_a_new_password_or_the_accounts_removal(store, ending):
    token = store.open_session(ADMIN.name)
    if ending == "close":
        store.close_session(token)
    elif ending == "new password":
        store.set_password(ADMIN.name, "sandi-baru-yang-panjang")
    else:
        store.remove(ADMIN.name)
    assert store.resume(token, where="uji") is None


def test_the_log_keeps_no_name_without_an_account_and_nothing_unprintable(store):
    with pytest.raises(SignInRefused):
        store.sign_in("sandi-rahasia-salah-tempat", "x", where="uji")  # a password typed as the name
    store.record("unggah", "admin", "a\tb\nmasuk\tadmin\x1b[2J", "1.2.3.4\n")
    unknown, forged = events(store)[-2:]
    assert unknown == ("gagal_masuk", None, "nama tidak dikenal")
    assert forged == ("unggah", "admin", "abmasukadmin[2J")
    assert store.events(asked_by="admin")[0][4] == "1.2.3.4"


def test_a_flood_of_failed_sign_ins_holds_no_lock_while_passwords_are_checked(store):
    """The password check (about 0.1 s) runs outside SQLite's write lock: a session's write goes through
    while other threads keep failing to sign in."""
    failing = threading.Event()

    def fail_repeatedly():
        while not failing.is_set():
            with contextlib.suppress(SignInRefused):
                store.sign_in(BPS_SAMARINDA.name, "bukan-sandinya", where="uji")
            store.unlock(BPS_SAMARINDA.name)

    threads = [threading.Thread(target=fail_repeatedly) for _ in range(4)]
    for thread in threads:
        thread.start()
    try:
        token = store.open_session(ADMIN.name)
        started = time.perf_counter()
        for _ in range(20):
            store.touch(token)
        waited = time.perf_counter() - started
    finally:
        failing.set()
        for thread in threads:
            thread.join()
    assert waited < 2.0  # 20 writes; with the lock held through each check they wait seconds


def test_a_session_whose_account_changed_or_ended_is_signed_out(small_warehouse_template, store, monkeypatch):
    monkeypatch.setenv("PANTAU_WAREHOUSE", str(small_warehouse_template))
    token = store.open_session(BPS_SAMARINDA.name)

    def opened(viewer, session_token=None) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=30)
        at.session_state[signin.VIEWER] = viewer
        if session_token:
            at.session_state[signin.TOKEN_KEY] = session_token
        return at.run()

    assert opened(BPS_SAMARINDA, token).metric  # as the access file says
    wider = signin.Viewer(BPS_SAMARINDA.name, "bps", None)  # a regency limit the session no longer matches
    assert opened(wider).title[0].value == "Masuk ke Pantau Regsosek Kaltim"
    store.close_session(token)  # signed out in another tab
    assert opened(BPS_SAMARINDA, token).title[0].value == "Masuk ke Pantau Regsosek Kaltim"
    store.remove(ADMIN.name)
    assert opened(ADMIN).title[0].value == "Masuk ke Pantau Regsosek Kaltim"


def test_only_an_admin_reads_the_log(store):
    with pytest.raises(PermissionError):
        store.events(asked_by="bps")


# --- The command line -----------------------------------------------------------------------------------


def test_accounts_are_managed_on_the_command_line_and_loads_are_logged(
    small_warehouse, tmp_path, monkeypatch
):
    monkeypatch.setenv("PANTAU_AKSES", str(tmp_path / "akses.sqlite"))
    command = [sys.executable, "-m", "data", "--warehouse", str(small_warehouse), "akun"]
    added = subprocess.run(
        [*command, "tambah", "Kepala-Samarinda", "--peran", "bps", "--kab", "6472", "--sandi-stdin"],
        input="sandi-kepala-2022\n", capture_output=True, text=True, cwd=ROOT, check=True,
    )  # fmt: skip
    assert "sandi-kepala-2022" not in added.stdout + added.stderr
    listed = subprocess.run([*command, "daftar"], capture_output=True, text=True, cwd=ROOT, check=True)
    assert listed.stdout == "kepala-samarinda\tbps\t6472\tkata sandi\n"
    subprocess.run(loader_command(small_warehouse, SMALL_CAMPAIGN / "jadwal.csv"), cwd=ROOT, check=True)
    log = events(AccessStore(tmp_path / "akses.sqlite"))
    assert log[0] == ("akun", log[0][1], "tambah kepala-samarinda (bps)")
    assert log[1][0] == "muat" and log[1][2].startswith("jadwal.csv: ")
    assert all("sandi-kepala-2022" not in str(entry) for entry in log)


# --- The app --------------------------------------------------------------------------------------------


def test_every_page_asks_to_sign_in_first(open_page, small_warehouse_template, store):
    at = open_page(None, small_warehouse_template, viewer=None, tanggal="2022-10-24")
    assert at.title[0].value == "Masuk ke Pantau Regsosek Kaltim" and not at.metric
    at = sign_in_form(at, ADMIN.name, "bukan-sandinya")
    assert at.error[0].value.startswith("Nama akun atau kata sandi salah.") and not at.metric
    at = sign_in_form(at, ADMIN.name, PASSWORD)
    assert at.title[0].value == "Ringkasan" and at.metric
    assert at.session_state[signin.VIEWER] == ADMIN
    at.button(key="keluar").click().run()
    assert at.title[0].value == "Masuk ke Pantau Regsosek Kaltim"
    assert [event for event, _, _ in events(store)] == ["gagal_masuk", "masuk", "keluar"]


def test_a_locked_account_gets_the_words_of_a_wrong_password(
    open_page, small_warehouse_template, store, monkeypatch
):
    monkeypatch.setenv("PANTAU_GAGAL_MAKS", "2")
    at = open_page(None, small_warehouse_template, viewer=None)
    at = sign_in_form(sign_in_form(at, ADMIN.name, "salah-satu"), ADMIN.name, "salah-dua")
    at = sign_in_form(at, ADMIN.name, PASSWORD)
    assert at.error[0].value.startswith("Nama akun atau kata sandi salah.") and not at.metric
    assert [event for event, _, _ in events(store)][-2:] == ["terkunci", "gagal_masuk"]  # the log knows


def open_seen(warehouse, monkeypatch, minutes_ago: float) -> AppTest:
    """The app opened by a session signed in as the admin, whose last activity was `minutes_ago`."""
    monkeypatch.setenv("PANTAU_WAREHOUSE", str(warehouse))
    at = AppTest.from_file(APP, default_timeout=30)
    at.session_state[signin.VIEWER] = ADMIN
    at.session_state[signin.SEEN] = dt.datetime.now(dt.UTC) - dt.timedelta(minutes=minutes_ago)
    return at.run()


def test_an_idle_session_ends(small_warehouse_template, store, monkeypatch):
    monkeypatch.setenv("PANTAU_SESI_MENIT", "30")
    at = open_seen(small_warehouse_template, monkeypatch, minutes_ago=31)
    assert "Sesi berakhir karena tidak ada kegiatan selama 30 menit" in at.info[0].value
    assert at.title[0].value == "Masuk ke Pantau Regsosek Kaltim" and signin.VIEWER not in at.session_state
    assert events(store)[-1][:2] == ("sesi_habis", ADMIN.name)


def test_an_active_session_stays_and_its_idle_time_starts_again(small_warehouse_template, store, monkeypatch):
    monkeypatch.setenv("PANTAU_SESI_MENIT", "30")
    at = open_seen(small_warehouse_template, monkeypatch, minutes_ago=29)
    assert at.metric and at.session_state[signin.VIEWER] == ADMIN
    assert dt.datetime.now(dt.UTC) - at.session_state[signin.SEEN] < dt.timedelta(minutes=1)


@pytest.fixture
def single_sign_on(small_warehouse_template, store, monkeypatch):
    """Opens the app with an OpenID Connect provider configured, as a viewer it confirmed as `email`;
    an account without a password exists for kepala@bps.go.id."""
    store.add("kepala@bps.go.id", "bps", password=None, kode_kab="6472")
    monkeypatch.setenv("PANTAU_WAREHOUSE", str(small_warehouse_template))

    def open_as(email: str) -> AppTest:
        at = AppTest.from_file(APP, default_timeout=30)
        at.secrets["auth"] = {"redirect_uri": "http://localhost:8501/oauth2callback", "cookie_secret": "x"}
        at.user = {"is_logged_in": True, "email": email}
        return at.run()

    return open_as


def test_single_sign_on_takes_the_role_from_the_account(single_sign_on, store):
    at = single_sign_on("Kepala@BPS.go.id")
    assert at.session_state[signin.VIEWER] == signin.Viewer("kepala@bps.go.id", "bps", "6472")
    assert at.title[0].value == "Ringkasan"
    assert events(store)[-1] == ("masuk", "kepala@bps.go.id", "SSO")


def test_single_sign_on_without_an_account_is_refused(single_sign_on, store):
    at = single_sign_on("orang.lain@example.com")
    assert "belum punya akun" in at.error[0].value and signin.VIEWER not in at.session_state
    assert events(store)[-1][:2] == ("gagal_masuk", "orang.lain@example.com")


def test_the_password_of_a_single_sign_on_account_never_works(store):
    store.add("kepala@bps.go.id", "bps", password=None)
    with pytest.raises(SignInRefused):
        store.sign_in("kepala@bps.go.id", "", where="uji")


def test_the_demo_accounts_work_with_their_documented_passwords(tmp_path):
    store = AccessStore(tmp_path / "akses.sqlite")
    for name, role, kode_kab, password in DEMO:
        store.add(name, role, password=password, kode_kab=kode_kab)
    readme = (ROOT / "README.md").read_text()
    for name, role, kode_kab, password in DEMO:
        assert store.sign_in(name, password, where="uji") == accounts.Account(name, role, kode_kab)
        assert f"`{name}`" in readme and f"`{password}`" in readme
    assert {role for _, role, _, _ in DEMO} == set(accounts.ROLES)
    assert any(kode_kab == BPS_SAMARINDA.kode_kab for _, _, kode_kab, _ in DEMO)
