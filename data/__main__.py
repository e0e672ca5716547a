"""Command line: `python -m data load FILE...` and `python -m data demo`.

Exit status of `load`: 0 when every row loaded, 1 when some rows were rejected, 2 when a file was
bad (then nothing was loaded).
"""

import argparse
import datetime as dt
import os
import sys
import tempfile
from pathlib import Path

from data import demo, warehouse
from data.contract import KINDS
from data.loader import FileResult, load_files
from data.readers import BadFile
from geo.boundaries import boundaries_dir

EXIT_REJECTED = 1
EXIT_BAD_FILE = 2


def _number(value: int) -> str:
    return f"{value:,}".replace(",", ".")


def _print_result(result: FileResult) -> None:
    counts = ", ".join(
        f"{label} {_number(value)}"
        for label, value in [
            ("dibaca", result.dibaca),
            ("dimuat", result.dimuat),
            ("diganti", result.diganti),
            ("ditolak", result.ditolak),
        ]
    )
    print(f"{result.berkas} [{result.jenis}]: {counts}")
    for note in result.catatan:
        print(f"  catatan: {note}")
    for row, column, value, reason in result.contoh_tolak:
        print(f"  baris {row}, kolom {column} ({value!r}): {reason}")
    shown_rows = {example[0] for example in result.contoh_tolak}
    if result.ditolak > len(shown_rows):
        print("  ... dan baris lain; semua baris ditolak ada di tabel 'tolak' (halaman Data)")


def _load(paths: list[Path], target: Path, kind: str | None, simulated: bool = False) -> int:
    try:
        results = load_files(paths, warehouse_path=target, kind=kind, simulated=simulated)
    except BadFile as error:
        print(f"GAGAL, tidak ada yang dimuat: berkas {error.path}: {error.reason}", file=sys.stderr)
        return EXIT_BAD_FILE
    for result in results:
        _print_result(result)
    return EXIT_REJECTED if any(result.ditolak for result in results) else 0


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
    if status == EXIT_BAD_FILE:
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
    return parser


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.command == "load":
        return _load(args.files, args.warehouse, args.jenis)
    return _demo(args)


if __name__ == "__main__":
    sys.exit(main())
