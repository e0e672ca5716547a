"""Command line: `python -m data load FILE...`, `python -m data inbox FOLDER`, `python -m data demo` and
`python -m data export FOLDER`.

Exit status of `load` (data/failures.py): 0 every row loaded; 1 loaded, some rows rejected; 2 a file
is bad, nothing loaded; 3 the load could not finish (another load held the warehouse too long, the
time limit, a full disk or another read/write error), nothing loaded. Each ends with one line saying
what happened, never a traceback. `inbox` runs until stopped (or once, with --once).
"""

import argparse
import datetime as dt
import functools
import getpass
import os
import socket
import sqlite3
import sys
import tempfile
from pathlib import Path

from data import accounts, demo, export, inbox, uploads, warehouse
from data.contract import KINDS
from data.failures import (
    EXIT_BAD_FILE,
    EXIT_INCOMPLETE,
    EXIT_LOADED,
    EXIT_REJECTED,
    BadFile,
    LoadIncomplete,
    failure_line,
)
from data.loader import load_files
from geo import boundaries_dir


# Who loads from the command line, and from where, as the audit log names them by default.
def _os_user() -> str:
    return getpass.getuser()


def _this_machine() -> str:
    return f"baris perintah {socket.gethostname()}"


def _load(
    paths: list[Path],
    target: Path,
    kind: str | None,
    simulated: bool = False,
    as_json: bool = False,
    who: str | None = None,
    where: str | None = None,
) -> int:
    """Load, tell the outcome (as lines for a person, or as JSON lines for the Data page) and record it
    in the audit log."""
    progress = uploads.json_progress if as_json else None
    names = ", ".join(path.name for path in paths)
    try:
        results = load_files(paths, warehouse_path=target, kind=kind, simulated=simulated, progress=progress)
    except (BadFile, LoadIncomplete) as error:
        _audit(target, "muat", who, f"{names}: {failure_line(error)}", where)
        return _failed(error, as_json)
    except Exception as error:  # a fault of ours: still one line, and nothing was loaded
        return _failed(LoadIncomplete(f"kesalahan tak terduga ({error!r})"), as_json)
    loaded, rejected = (
        sum(result.loaded + result.replaced for result in results),
        sum(r.rejected for r in results),
    )
    _audit(target, "muat", who, f"{names}: dimuat {loaded}, ditolak {rejected}", where)
    if as_json:
        uploads.json_results(results)
    else:
        print("\n".join(line for result in results for line in result.lines()))
    return EXIT_REJECTED if any(result.rejected for result in results) else EXIT_LOADED


def _failed(error: BadFile | LoadIncomplete, as_json: bool) -> int:
    if as_json:
        uploads.json_failure(error)
    else:
        print(failure_line(error), file=sys.stderr)
    return error.exit_status


def _audit(target: Path, event: str, who: str | None, what: str, where: str | None) -> None:
    """An entry in the audit log beside the warehouse; a log that cannot be written is said, and the load
    it records stands."""
    try:
        accounts.AccessStore(accounts.store_path(target)).record(
            event, who or _os_user(), what, where or _this_machine()
        )
    except (OSError, sqlite3.Error) as error:
        print(f"PERINGATAN: jejak akses tidak tertulis: {error}", file=sys.stderr)


def _tell(target: Path, handled: inbox.Handled) -> None:
    outcome = (
        handled.reason
        if handled.result is None
        else f"dimuat {handled.result.loaded}, ditolak {handled.result.rejected}"
    )
    _audit(target, "muat", "inbox", f"{handled.name}: {outcome}", None)
    if handled.result is None:
        print(f"GAGAL {handled.name} -> {handled.moved_to}: {handled.reason}", file=sys.stderr, flush=True)
    else:
        print("\n".join(handled.result.lines()) + f"\n  -> {handled.moved_to}", flush=True)


def _inbox(args: argparse.Namespace) -> int:
    if not args.folder.is_dir():
        print(f"folder tidak ada: {args.folder}", file=sys.stderr)
        return EXIT_BAD_FILE
    if args.once:
        try:
            handled = inbox.process(args.folder, args.warehouse, settle_seconds=args.settle)
        except LoadIncomplete as error:
            print(failure_line(error), file=sys.stderr)
            return error.exit_status
        for item in handled:
            _tell(args.warehouse, item)
        return EXIT_BAD_FILE if any(item.result is None for item in handled) else EXIT_LOADED
    print(f"mengawasi {args.folder} (setiap {args.interval:g} detik; hentikan dengan Ctrl+C)", flush=True)
    try:
        inbox.watch(
            args.folder,
            args.warehouse,
            interval=args.interval,
            settle_seconds=args.settle,
            tell=functools.partial(_tell, args.warehouse),
            warn=lambda line: print(line, file=sys.stderr, flush=True),
        )
    except KeyboardInterrupt:
        print("berhenti")
    return 0


def _demo(args: argparse.Namespace) -> int:
    """Generate the simulated campaign as contract files and load them into a fresh warehouse."""
    target = args.warehouse
    rebuild = args.replace
    if target.exists() and args.if_missing:
        if not warehouse.is_simulated(target):
            print(f"gudang data sudah ada: {target}")
            return 0
        if not warehouse.missing_parts(target):
            print(f"gudang data sudah ada: {target}")
            _demo_accounts(target)  # built before the demo had accounts
            return 0
        print(f"gudang data simulasi dari versi lama, dibangun ulang: {target}")
        rebuild = True
    if target.exists() and not rebuild:
        print(f"{target} sudah ada; pakai --replace untuk membangunnya ulang", file=sys.stderr)
        return EXIT_BAD_FILE
    out_dir = args.out or Path(tempfile.mkdtemp(prefix="pantau-demo-"))
    paths = demo.generate(out_dir, seed=args.seed, as_of=args.as_of, scale=args.scale, geo_dir=args.geo_dir)
    print(f"berkas kampanye simulasi ditulis ke {out_dir}")
    fresh = target.with_name(f"{target.name}.demo")
    fresh.unlink(missing_ok=True)
    status = _load(paths, fresh, kind=None, simulated=True)
    if status in (EXIT_BAD_FILE, EXIT_INCOMPLETE):
        return status
    os.replace(fresh, target)
    print(f"gudang data simulasi siap: {target}")
    _demo_accounts(target)
    return status


def _demo_accounts(target: Path) -> None:
    """The demo's documented accounts, one per role and a regency-limited one, where there are none."""
    store = accounts.AccessStore(accounts.store_path(target))
    if not store.is_empty():
        return
    for name, role, kode_kab, password in demo.ACCOUNTS:
        store.add(name, role, password=password, kode_kab=kode_kab)
        print(f"akun demo: {name} ({role}{', ' + kode_kab if kode_kab else ''}), kata sandi {password}")


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="python -m data", description="Gudang data Pantau Regsosek")
    parser.add_argument("--warehouse", type=Path, default=warehouse.default_path(), help="berkas DuckDB")
    commands = parser.add_subparsers(dest="command", required=True)

    load = commands.add_parser("load", help="validasi dan muat berkas ekspor (CSV, XLSX, Parquet)")
    load.add_argument("files", nargs="+", type=Path)
    load.add_argument(
        "--jenis", choices=sorted(KINDS), help="jenis berkas, bila tidak dikenali dari kolomnya"
    )
    load.add_argument(
        "--json", action="store_true", help="kemajuan dan hasil sebagai baris JSON (halaman Data)"
    )
    load.add_argument("--oleh", help="siapa yang memuat, untuk jejak akses (bawaan: pengguna sistem)")
    load.add_argument("--asal", help="dari mana, untuk jejak akses (bawaan: baris perintah dan nama mesin)")

    watched = commands.add_parser(
        "inbox", help="muat setiap berkas baru di folder, lalu pindahkan ke done/ atau failed/"
    )
    watched.add_argument("folder", type=Path)
    watched.add_argument("--once", action="store_true", help="proses isi folder sekali, lalu berhenti")
    watched.add_argument("--interval", type=float, default=10, help="detik antara dua pemeriksaan folder")
    watched.add_argument(
        "--settle", type=float, default=5, help="berkas diambil setelah tidak berubah selama sekian detik"
    )

    generate = commands.add_parser("demo", help="bangun gudang data kampanye simulasi")
    generate.add_argument("--as-of", type=dt.date.fromisoformat, help="potong kampanye pada tanggal ini")
    generate.add_argument("--scale", type=int, default=1, help="kalikan ukuran kampanye (untuk benchmark)")
    generate.add_argument("--seed", type=int, default=2022)
    generate.add_argument("--out", type=Path, help="folder berkas yang dihasilkan (bawaan: folder sementara)")
    generate.add_argument(
        "--geo-dir", type=Path, default=boundaries_dir(), help="folder batas wilayah (kode kecamatan BPS)"
    )
    existing = generate.add_mutually_exclusive_group()
    existing.add_argument("--replace", action="store_true", help="ganti gudang data yang sudah ada")
    existing.add_argument("--if-missing", action="store_true", help="hanya bila gudang data belum ada")

    exported = commands.add_parser(
        "export", help="tulis gudang data sebagai snapshot Parquet untuk replika di mesin lain"
    )
    exported.add_argument("folder", type=Path)
    _account_commands(commands)
    return parser


def _account_commands(commands) -> None:
    account = commands.add_parser("akun", help="kelola akun dasbor (di berkas akses di samping gudang data)")
    actions = account.add_subparsers(dest="aksi", required=True)
    added = actions.add_parser("tambah", help="tambah akun; kata sandi ditanyakan (atau dari stdin)")
    added.add_argument("nama", help="nama akun, atau alamat surel untuk masuk lewat SSO")
    added.add_argument("--peran", choices=accounts.ROLES, required=True)
    added.add_argument("--kab", help="batasi akun bps ke satu kabupaten/kota (kode BPS, mis. 6472)")
    added.add_argument("--sso", action="store_true", help="tanpa kata sandi: masuk hanya lewat SSO (OIDC)")
    added.add_argument("--sandi-stdin", action="store_true", help="baca kata sandi dari stdin (untuk skrip)")
    password = actions.add_parser("sandi", help="ganti kata sandi akun (juga membuka kuncinya)")
    password.add_argument("nama")
    password.add_argument("--sandi-stdin", action="store_true", help="baca kata sandi dari stdin")
    for name, text in (("buka", "buka kunci akun setelah gagal masuk berulang"), ("hapus", "hapus akun")):
        actions.add_parser(name, help=text).add_argument("nama")
    actions.add_parser("daftar", help="daftar akun")
    shown = actions.add_parser("jejak", help="entri terbaru jejak akses")
    shown.add_argument("--batas", type=int, default=50)


def _password(from_stdin: bool) -> str:
    """A new password, never echoed nor passed as an argument (which other users could see)."""
    if from_stdin:
        return sys.stdin.readline().rstrip("\n")
    first = getpass.getpass("kata sandi baru: ")
    if getpass.getpass("ulangi kata sandi: ") != first:
        raise accounts.AccountError("kedua kata sandi tidak sama")
    return first


def _accounts(args: argparse.Namespace) -> int:
    store = accounts.AccessStore(accounts.store_path(args.warehouse))
    try:
        if args.aksi == "tambah":
            secret = None if args.sso else _password(args.sandi_stdin)
            added = store.add(args.nama, args.peran, password=secret, kode_kab=args.kab)
            _audit(args.warehouse, "akun", None, f"tambah {added.name} ({added.role})", None)
        elif args.aksi == "sandi":
            store.set_password(args.nama, _password(args.sandi_stdin))
            _audit(args.warehouse, "akun", None, f"sandi {args.nama}", None)
        elif args.aksi in ("buka", "hapus"):
            (store.unlock if args.aksi == "buka" else store.remove)(args.nama)
            _audit(args.warehouse, "akun", None, f"{args.aksi} {args.nama}", None)
        elif args.aksi == "daftar":
            for item in store.accounts():
                locked = (
                    f", terkunci sampai {item.locked_until:%Y-%m-%d %H:%M} UTC" if item.locked_until else ""
                )
                sign_in = "kata sandi" if item.has_password else "SSO"
                print(f"{item.name}\t{item.role}\t{item.kode_kab or '-'}\t{sign_in}{locked}")
        else:
            for entry in store.events(asked_by="admin", limit=args.batas):
                print("\t".join(str(value or "-") for value in entry))
    except accounts.AccountError as error:
        print(f"GAGAL: {error}", file=sys.stderr)
        return EXIT_BAD_FILE
    return 0


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "load":
        return _load(
            args.files, args.warehouse, args.jenis, as_json=args.json, who=args.oleh, where=args.asal
        )
    if args.command == "akun":
        return _accounts(args)
    if args.command == "inbox":
        return _inbox(args)
    if args.command == "export":
        print(f"snapshot ditulis: {export.export(args.warehouse, args.folder)}")
        return 0
    return _demo(args)


if __name__ == "__main__":
    sys.exit(main())
