"""Workbooks built to cost far more to read than they weigh, and how the loader meets each one.

    .venv/bin/python -m bench.bombs [--mb 2048] [--out DIR]

Each bomb is a real workbook (openpyxl writes it) whose one part is replaced by XML that grows when
unzipped: shared strings that expand to `--mb` megabytes; one cell of that size, of letters that do
not compress (so that the zip is large too, but the cell is a single run of text); rows upon rows of
nothing. The loader's command line loads each into a copy of the small campaign, in a process of its
own, and the figures are its wall time, peak memory (ru_maxrss) and exit status: a bomb is refused
(status 2) before it is read. tests/test_workbook_bombs.py runs small ones of each kind.
"""

import argparse
import random
import resource
import shutil
import string
import subprocess
import sys
import tempfile
import time
import zipfile
from pathlib import Path

import openpyxl

from bench.load import machine
from data.loader import load_files

ROOT = Path(__file__).resolve().parents[1]
SMALL_CAMPAIGN = ROOT / "tests" / "fixtures" / "kecil"
HEADER = ["id_petugas", "nama", "peran", "id_pengawas", "kode_kab"]
CHUNK = 1 << 20


def _base(path: Path) -> Path:
    """A small, valid officers' workbook: the frame every bomb is built in."""
    workbook = openpyxl.Workbook()
    workbook.active.append(HEADER)
    workbook.active.append(["KSK-9", "Nama", "KOSEKA", None, "6472"])
    workbook.save(path)
    return path


def _replace_part(path: Path, part: str, chunks) -> Path:
    """The workbook with `part` written anew from `chunks` (bytes), streamed into the zip."""
    bomb = path.with_name(f"{path.stem}_bom.xlsx")
    with zipfile.ZipFile(path) as source, zipfile.ZipFile(bomb, "w", zipfile.ZIP_DEFLATED) as target:
        for item in source.infolist():
            if item.filename != part:
                target.writestr(item, source.read(item))
        with target.open(part, "w", force_zip64=True) as written:
            for chunk in chunks:
                written.write(chunk)
    return bomb


def shared_strings(folder: Path, megabytes: float) -> Path:
    """Shared strings that expand to `megabytes` of one repeated text."""
    entry = b"<si><t>" + b"A" * 1000 + b"</t></si>"
    count = int(megabytes * CHUNK) // len(entry)

    def chunks():
        yield b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        block = entry * 1000
        for _ in range(count // 1000):
            yield block
        yield b"</sst>"

    return _replace_part(_base(folder / "teks.xlsx"), "xl/sharedStrings.xml", chunks())


def one_huge_cell(folder: Path, megabytes: float) -> Path:
    """One shared string of `megabytes` of random letters: it hardly compresses, so the part's growth
    looks ordinary; only its one long run of text gives it away."""
    letters = random.Random(2022)
    block = "".join(letters.choices(string.ascii_letters, k=CHUNK)).encode()

    def chunks():
        yield b'<?xml version="1.0"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
        yield b"<si><t>"
        for _ in range(int(megabytes)):
            yield block
        yield b"</t></si></sst>"

    return _replace_part(_base(folder / "sel.xlsx"), "xl/sharedStrings.xml", chunks())


def empty_rows(folder: Path, megabytes: float) -> Path:
    """A sheet of nothing but empty rows, `megabytes` of them, under a small declared range."""
    rows_per_block = 20_000

    def chunks():
        yield (
            b'<?xml version="1.0"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">'
            b'<dimension ref="A1:E2"/><sheetData>'
            b'<row r="1"><c r="A1" t="inlineStr"><is><t>id_petugas</t></is></c>'
            b'<c r="B1" t="inlineStr"><is><t>nama</t></is></c></row>'
        )
        written, number = 0, 2
        while written < megabytes * CHUNK:
            block = b"".join(b'<row r="%d"/>' % row for row in range(number, number + rows_per_block))
            number += rows_per_block
            written += len(block)
            yield block
        yield b"</sheetData></worksheet>"

    return _replace_part(_base(folder / "baris.xlsx"), "xl/worksheets/sheet1.xml", chunks())


BOMBS = {"teks_bersama": shared_strings, "satu_sel": one_huge_cell, "baris_kosong": empty_rows}


def load_in_process(warehouse: Path, bomb: Path) -> tuple[int, float, float, str]:
    """Exit status, wall seconds, peak MB and last line of the loader's command line on `bomb`."""
    command = [sys.executable, "-m", "data", "--warehouse", str(warehouse), "load", str(bomb)]
    started = time.perf_counter()
    done = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, timeout=900)
    seconds = time.perf_counter() - started
    peak_mb = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
    told = (done.stderr or done.stdout).strip().splitlines()
    return done.returncode, seconds, peak_mb, told[-1] if told else ""


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--mb", type=float, default=2048, help="what each bomb grows to, unzipped")
    parser.add_argument("--out", type=Path, help="folder for the bombs (default: a temporary one)")
    args = parser.parse_args()
    folder = args.out or Path(tempfile.mkdtemp(prefix="pantau-bom-"))
    folder.mkdir(parents=True, exist_ok=True)
    warehouse = folder / "warehouse.duckdb"
    load_files(sorted(SMALL_CAMPAIGN.glob("*.csv")), warehouse_path=warehouse)
    print(f"machine: {machine()}; each bomb grows to {args.mb:g} MB unzipped")
    for name, build in BOMBS.items():
        # One fresh interpreter per bomb (ru_maxrss of children is the largest child's so far).
        bomb = build(folder, args.mb)
        measure = (
            "import sys; from pathlib import Path; from bench.bombs import load_in_process\n"
            f"print(*load_in_process(Path({str(warehouse)!r}), Path({str(bomb)!r})), sep='\\t')"
        )
        done = subprocess.run([sys.executable, "-c", measure], cwd=ROOT, capture_output=True, text=True)
        status, seconds, peak_mb, told = done.stdout.strip().split("\t", 3)
        size_mb = bomb.stat().st_size / CHUNK
        figures = f"status {status}, {float(seconds):5.1f} s, peak {float(peak_mb):5.0f} MB"
        print(f"{name:13} {size_mb:8.1f} MB zip: {figures}: {told[:140]}")
        bomb.unlink()
    if not args.out:
        shutil.rmtree(folder)


if __name__ == "__main__":
    main()
