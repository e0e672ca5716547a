"""Who may sign in, as what, and what they did: the accounts and the audit log (jejak), kept beside the
warehouse in a SQLite file of their own.

Beside, not inside: a load replaces the warehouse file by a copy (data/warehouse.py), and the dashboard
reads it read-only; the accounts and the log are written by the dashboard and by the loader, by several
processes at once (replicas), which SQLite's locking allows. So they survive every load and swap.

Passwords are kept only as Argon2id hashes (argon2-cffi, the reference implementation's bindings, with
its current parameters; a hash made with older ones is renewed at the next sign-in). A password is never
written anywhere else, nor logged. Repeated failures lock an account for a while (PANTAU_GAGAL_MAKS
failures: PANTAU_KUNCI_MENIT minutes); a name that has no account is verified against a dummy hash, so
that the answer takes as long either way.

An account signs in with its password, or, where the office runs single sign-on, through OpenID Connect
with an account named by its e-mail address and no password (the dashboard maps the identity the provider
confirms to the role kept here).
"""

import datetime as dt
import hashlib
import os
import re
import secrets
import sqlite3
from collections.abc import Iterator
from contextlib import closing, contextmanager
from dataclasses import dataclass
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError

from data.contract import REGENCY_CODE

ROLES = ("pimpinan", "bps", "admin")
FILE_NAME = "akses.sqlite"
NAME = re.compile(r"[a-z0-9][a-z0-9._@-]{1,99}")  # a login or an e-mail address, lower case
MIN_PASSWORD = 10
SESSION_COOKIE = "pantau_sesi"  # where a signed-in browser keeps its session token
TOKEN_BYTES = 32
TOKEN = re.compile(r"[A-Za-z0-9_-]{43}")  # what secrets.token_urlsafe(32) gives
SHOWN_CHARS = 100  # what the log keeps of a name or an address
DETAIL_CHARS = 1000  # and of an entry's details
REFUSED = "nama atau kata sandi salah, atau akun terkunci"
EVENTS = ("masuk", "gagal_masuk", "terkunci", "keluar", "sesi_habis", "muat", "unggah", "unduh", "akun")
SCHEMA = """
CREATE TABLE IF NOT EXISTS akun (
    nama TEXT PRIMARY KEY,
    sandi TEXT,  -- the Argon2id hash; NULL: signs in only through single sign-on
    peran TEXT NOT NULL,
    kode_kab TEXT,  -- a bps account limited to one regency
    gagal INTEGER NOT NULL DEFAULT 0,
    terkunci_sampai TEXT,  -- UTC
    dibuat TEXT NOT NULL  -- UTC
);
CREATE TABLE IF NOT EXISTS sesi (
    kunci TEXT PRIMARY KEY,  -- the SHA-256 of the token the browser holds, never the token
    nama TEXT NOT NULL,
    dibuat TEXT NOT NULL,  -- UTC
    dilihat TEXT NOT NULL  -- UTC: the last activity
);
CREATE TABLE IF NOT EXISTS jejak (
    waktu TEXT NOT NULL,  -- UTC
    peristiwa TEXT NOT NULL,
    pengguna TEXT,
    rincian TEXT,
    asal TEXT
);
"""
HASHER = PasswordHasher()
_PREPARED: set[Path] = set()  # access files this process has set up (schema, WAL)
DUMMY_HASH = HASHER.hash("tidak ada akun dengan nama ini")


class AccountError(ValueError):
    """A request about accounts that cannot be carried out, said to the person asking."""


class SignInRefused(PermissionError):
    """A sign-in refused (the log says why; the person signing in is told no more than REFUSED)."""


@dataclass(frozen=True)
class Account:
    name: str
    role: str
    kode_kab: str | None
    has_password: bool = True
    locked_until: dt.datetime | None = None


def store_path(warehouse_path: Path) -> Path:
    """$PANTAU_AKSES, else akses.sqlite beside the warehouse file (inside a folder of snapshots)."""
    configured = os.environ.get("PANTAU_AKSES")
    if configured:
        return Path(configured)
    return (warehouse_path if warehouse_path.is_dir() else warehouse_path.parent) / FILE_NAME


def max_failures() -> int:
    return int(os.environ.get("PANTAU_GAGAL_MAKS") or 5)


def lock_minutes() -> float:
    return float(os.environ.get("PANTAU_KUNCI_MENIT") or 15)


def idle_limit() -> dt.timedelta:
    """How long a session may stay idle before it ends (PANTAU_SESI_MENIT)."""
    return dt.timedelta(minutes=float(os.environ.get("PANTAU_SESI_MENIT") or 30))


class SessionEnded(PermissionError):
    """A session token that was idle too long: it is ended."""


def _digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def _now() -> dt.datetime:
    return dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)


def _shown(text: str, limit: int = SHOWN_CHARS) -> str:
    """Text as the log keeps it: printable characters only, and not too long."""
    return "".join(char for char in str(text) if char.isprintable())[:limit]


class AccessStore:
    """The accounts and the audit log in one SQLite file; a connection per call, so any thread or
    process may use it."""

    def __init__(self, path: Path):
        self.path = Path(path)

    @contextmanager
    def _connection(self) -> Iterator[sqlite3.Connection]:
        """A connection; the file is set up once per process (every page run opens one or two)."""
        fresh = self.path not in _PREPARED or not self.path.exists()
        if fresh:
            self.path.parent.mkdir(parents=True, exist_ok=True)
        with closing(sqlite3.connect(self.path, timeout=30, isolation_level=None)) as con:
            if fresh:
                con.execute("PRAGMA journal_mode = WAL")  # kept by the file: readers never wait for a writer
                con.executescript(SCHEMA)
                _PREPARED.add(self.path)
            yield con

    # --- accounts ---------------------------------------------------------------------------------

    def add(self, name: str, role: str, *, password: str | None, kode_kab: str | None = None) -> Account:
        """A new account; without a password it signs in only through single sign-on."""
        account = _checked(name, role, kode_kab)
        if password is not None:
            _check_password(password)
        with self._connection() as con:
            try:
                con.execute(
                    "INSERT INTO akun (nama, sandi, peran, kode_kab, dibuat) VALUES (?, ?, ?, ?, ?)",
                    [account.name, _hash(password), role, kode_kab, _now().isoformat()],
                )
            except sqlite3.IntegrityError as error:
                raise AccountError(f"akun {account.name} sudah ada") from error
        return Account(account.name, role, kode_kab, has_password=password is not None)

    def set_password(self, name: str, password: str) -> None:
        _check_password(password)
        self._update(
            name,
            "UPDATE akun SET sandi = ?, gagal = 0, terkunci_sampai = NULL WHERE nama = ?",
            [_hash(password), name],
        )
        self._end_sessions(name)  # a new password signs everyone out

    def unlock(self, name: str) -> None:
        self._update(name, "UPDATE akun SET gagal = 0, terkunci_sampai = NULL WHERE nama = ?", [name])

    def remove(self, name: str) -> None:
        self._update(name, "DELETE FROM akun WHERE nama = ?", [name])
        self._end_sessions(name)

    def _end_sessions(self, name: str) -> None:
        with self._connection() as con:
            con.execute("DELETE FROM sesi WHERE nama = ?", [name])

    def _update(self, name: str, statement: str, values: list) -> None:
        with self._connection() as con:
            if con.execute(statement, values).rowcount == 0:
                raise AccountError(f"tidak ada akun {_shown(name)}")

    def accounts(self) -> list[Account]:
        with self._connection() as con:
            rows = con.execute(
                "SELECT nama, peran, kode_kab, sandi IS NOT NULL, terkunci_sampai FROM akun ORDER BY nama"
            ).fetchall()
        return [_account(row) for row in rows]

    def account(self, name: str) -> Account | None:
        with self._connection() as con:
            row = con.execute(
                "SELECT nama, peran, kode_kab, sandi IS NOT NULL, terkunci_sampai FROM akun WHERE nama = ?",
                [name.strip().lower()],
            ).fetchone()
        return _account(row) if row else None

    def is_empty(self) -> bool:
        with self._connection() as con:
            return con.execute("SELECT count(*) FROM akun").fetchone()[0] == 0

    # --- signing in -------------------------------------------------------------------------------

    def sign_in(self, name: str, password: str, *, where: str) -> Account:
        """The account whose password this is, or SignInRefused; every attempt goes into the log.

        Every refusal says the same (a wrong password, an unknown name, a locked account) and takes as
        long: one password check each time, made outside the write lock so that a flood of attempts never
        holds up the other sessions' writes. A name without an account is logged as such, not as typed
        (it may be a password typed into the wrong field)."""
        typed = str(name).strip().lower()
        with self._connection() as con:
            row = con.execute(
                "SELECT sandi, peran, kode_kab, terkunci_sampai FROM akun WHERE nama = ?", [typed]
            ).fetchone()
        if row is None or row[0] is None:
            _verified(DUMMY_HASH, password)
            self.record("gagal_masuk", None, "nama tidak dikenal", where)
            raise SignInRefused(REFUSED)
        hashed, role, kode_kab, locked = row
        right = _verified(hashed, password)
        if locked and dt.datetime.fromisoformat(locked) > _now():
            self.record("gagal_masuk", typed, "akun terkunci", where)
            raise SignInRefused(REFUSED)
        if not right:
            self._count_failure(typed, where)
            raise SignInRefused(REFUSED)
        renewed = HASHER.hash(password) if HASHER.check_needs_rehash(hashed) else hashed
        with self._connection() as con:
            con.execute(
                "UPDATE akun SET gagal = 0, terkunci_sampai = NULL, sandi = ? WHERE nama = ?",
                [renewed, typed],
            )
            _log(con, "masuk", typed, "kata sandi", where)
        return Account(typed, role, kode_kab)

    def _count_failure(self, name: str, where: str) -> None:
        """One more failure of `name`, counted in the database (concurrent attempts each count); the
        account locks at max_failures()."""
        with self._connection() as con:
            con.execute("BEGIN IMMEDIATE")
            (failures,) = con.execute(
                "UPDATE akun SET gagal = gagal + 1 WHERE nama = ? RETURNING gagal", [name]
            ).fetchone()
            if failures < max_failures():
                _log(con, "gagal_masuk", name, "kata sandi salah", where)
            else:
                until = _now() + dt.timedelta(minutes=lock_minutes())
                con.execute(
                    "UPDATE akun SET gagal = 0, terkunci_sampai = ? WHERE nama = ?", [until.isoformat(), name]
                )
                _log(
                    con,
                    "terkunci",
                    name,
                    f"{failures} kali gagal: terkunci sampai {until:%Y-%m-%d %H:%M} UTC",
                    where,
                )
            con.execute("COMMIT")

    def single_sign_on(self, email: str, *, where: str) -> Account:
        """The account of an identity the OpenID Connect provider confirmed, or SignInRefused."""
        account = self.account(str(email))
        with self._connection() as con:
            if account is None:
                _log(con, "gagal_masuk", str(email).lower(), "SSO: belum ada akun", where)
                raise SignInRefused("belum ada akun untuk alamat ini")
            _log(con, "masuk", account.name, "SSO", where)
        return account

    # --- sessions: a signed-in browser comes back after a reload ----------------------------------

    def open_session(self, name: str) -> str:
        """A new random token for a signed-in account, for the browser to keep; only its digest is kept."""
        token = secrets.token_urlsafe(TOKEN_BYTES)
        now = _now().isoformat()
        with self._connection() as con:
            con.execute("INSERT INTO sesi VALUES (?, ?, ?, ?)", [_digest(token), name, now, now])
        return token

    def resume(self, token: str, *, where: str) -> Account | None:
        """The account of a session token, its idle time starting again; None for a token that is not
        one; SessionEnded (and the session ended, in the log) when it was idle longer than idle_limit()."""
        if not TOKEN.fullmatch(str(token)):
            return None
        with self._connection() as con:
            row = con.execute(
                "SELECT s.dilihat, a.nama, a.peran, a.kode_kab FROM sesi s JOIN akun a USING (nama)"
                " WHERE s.kunci = ?",
                [_digest(token)],
            ).fetchone()
            if row is None:
                return None
            seen, name, role, kode_kab = row
            if _now() - dt.datetime.fromisoformat(seen) > idle_limit():
                con.execute("DELETE FROM sesi WHERE kunci = ?", [_digest(token)])
                _log(con, "sesi_habis", name, "", where)
                raise SessionEnded(name)
        self.touch(token)
        return Account(name, role, kode_kab)

    def session_owner(self, token: str) -> Account | None:
        """The account a session token still belongs to, as it is now (None: the session has ended)."""
        with self._connection() as con:
            row = con.execute(
                "SELECT a.nama, a.peran, a.kode_kab FROM sesi s JOIN akun a USING (nama) WHERE s.kunci = ?",
                [_digest(token)],
            ).fetchone()
        return Account(*row) if row else None

    def touch(self, token: str) -> None:
        """The session's owner did something: its idle time starts again."""
        with self._connection() as con:
            con.execute("UPDATE sesi SET dilihat = ? WHERE kunci = ?", [_now().isoformat(), _digest(token)])

    def close_session(self, token: str) -> None:
        with self._connection() as con:
            con.execute("DELETE FROM sesi WHERE kunci = ?", [_digest(token)])

    # --- the audit log ----------------------------------------------------------------------------

    def record(self, event: str, who: str | None, what: str, where: str) -> None:
        if event not in EVENTS:
            raise ValueError(f"unknown event {event!r}")
        with self._connection() as con:
            _log(con, event, who, what, where)

    def events(self, *, asked_by: str, limit: int = 500) -> list[tuple]:
        """The newest entries of the log, for an admin only: (waktu, peristiwa, pengguna, rincian, asal)."""
        if asked_by != "admin":
            raise PermissionError("jejak akses hanya untuk admin")
        with self._connection() as con:
            return con.execute(
                "SELECT waktu, peristiwa, pengguna, rincian, asal FROM jejak ORDER BY rowid DESC LIMIT ?",
                [limit],
            ).fetchall()


def _log(con: sqlite3.Connection, event: str, who: str | None, what: str, where: str) -> None:
    """An entry, every text made printable (no line break, tab or terminal escape can forge a line)."""
    shown_who = None if who is None else _shown(who)
    con.execute(
        "INSERT INTO jejak VALUES (?, ?, ?, ?, ?)",
        [_now().isoformat(sep=" "), event, shown_who, _shown(what, DETAIL_CHARS), _shown(where)],
    )


def _hash(password: str | None) -> str | None:
    return None if password is None else HASHER.hash(password)


def _verified(hashed: str, password: str) -> bool:
    try:
        return HASHER.verify(hashed, str(password))
    except (VerificationError, InvalidHashError):
        return False


def _checked(name: str, role: str, kode_kab: str | None) -> Account:
    name = str(name).strip().lower()
    if not NAME.fullmatch(name):
        raise AccountError("nama akun: 2-100 huruf kecil, angka atau . _ @ -, diawali huruf atau angka")
    if role not in ROLES:
        raise AccountError(f"peran harus salah satu dari {', '.join(ROLES)}")
    if kode_kab is not None and (role != "bps" or not REGENCY_CODE.fullmatch(kode_kab)):
        raise AccountError("hanya akun bps yang dapat dibatasi ke satu kabupaten/kota (kode BPS 4 digit)")
    return Account(name, role, kode_kab)


def _check_password(password: str) -> None:
    if len(password) < MIN_PASSWORD:
        raise AccountError(f"kata sandi sedikitnya {MIN_PASSWORD} karakter")


def _account(row: tuple) -> Account:
    name, role, kode_kab, has_password, locked = row
    until = dt.datetime.fromisoformat(locked) if locked else None
    return Account(name, role, kode_kab, bool(has_password), until if until and until > _now() else None)
