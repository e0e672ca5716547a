"""Command line: `python -m data load FILE...`, `python -m data inbox FOLDER`, `python -m data demo` and
`python -m data export FOLDER`.

Exit status of `load` (data/failures.py): 0 every row loaded; 1 loaded, some rows rejected; 2 a file
is bad, nothing loaded; 3 the load could not finish (another load held the warehouse too long, the
time limit, a full disk or another read/write error), nothing loaded. Each ends with one line saying
what happened, never a traceback. `inbox` runs until stopped (or once, with --once).
"""

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

from data import demo, export, inbox, uploads, warehouse
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


def _load(
    paths: list[Path], target: Path, kind: str | None, simulated: bool = False, as_json: bool = False
) -> int:
    """Load and tell the outcome: as lines for a person, or as JSON lines for the Data page."""
    progress = uploads.json_progress if as_json else None
    try:
        results = load_files(paths, warehouse_path=target, kind=kind, simulated=simulated, progress=progress)
    except (BadFile, LoadIncomplete) as error:
        return _failed(error, as_json)
    except Exception as error:  # a fault of ours: still one line, and nothing was loaded
        return _failed(LoadIncomplete(f"kesalahan tak terduga ({error!r})"), as_json)
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


def _tell(handled: inbox.Handled) -> None:
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
            _tell(item)
        return EXIT_BAD_FILE if any(item.result is None for item in handled) else EXIT_LOADED
    print(f"mengawasi {args.folder} (setiap {args.interval:g} detik; hentikan dengan Ctrl+C)", flush=True)
    try:
        inbox.watch(
            args.folder,
            args.warehouse,
            interval=args.interval,
            settle_seconds=args.settle,
            tell=_tell,
            warn=lambda line: print(line, file=sys.stderr, flush=True),
        )
    except KeyboardInterrupt:
        print("berhenti")
    return 0


def _demo(args: argparse.Namespace) -> int:
    """Generate the simulated campaign as contract files and load them into a fresh warehouse."""
    target = args.warehouse
    if target.exists() and args.if_missing:
        print(f"gudang data sudah ada: {target}")
        return 0
    if target.exists() and not args.replace:
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
    return status


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
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "load":
        return _load(args.files, args.warehouse, args.jenis, as_json=args.json)
    if args.command == "inbox":
        return _inbox(args)
    if args.command == "export":
        print(f"snapshot ditulis: {export.export(args.warehouse, args.folder)}")
        return 0
    return _demo(args)


if __name__ == "__main__":
    sys.exit(main())
