"""Workbooks that grow when unzipped (bench/bombs.py builds them): each is refused before it is read,
by the loader's command line in a process of its own, within a few hundred MB, and the warehouse is
unchanged byte for byte. Small bombs here; bench/README.md has the figures for 2 GB ones."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

from bench import bombs
from data.failures import EXIT_BAD_FILE
from tests.helpers import ROOT, digest

PEAK_LIMIT_MB = 400  # the loader with its libraries imported: 220-300 MB; reading a bomb would take GBs

CASES = {
    # bomb, megabytes, settings, what the refusal says
    "shared strings": (bombs.shared_strings, 40, {}, "kali saat diekstrak, lebih dari batas 100"),
    "one huge cell": (
        bombs.one_huge_cell,
        2,
        {},
        "buku kerja berisi sel yang panjang, lebih dari batas 32.767",
    ),
    "empty rows": (bombs.empty_rows, 40, {}, "lebih dari batas 1.048.576 baris"),
    "shared strings past their own limit": (
        bombs.one_huge_cell,
        3,
        {"PANTAU_XLSX_STRINGS_MB": "1"},
        "teks buku kerja 3 MB, lebih dari batas 1 MB",
    ),
    "rows past the limit, ratio allowed": (
        bombs.empty_rows,
        10,
        {"PANTAU_XLSX_MAX_RATIO": "100000", "PANTAU_MAX_ROWS": "100000"},
        "lembar kerja sampai baris",
    ),
    "all parts past their limit": (
        bombs.shared_strings,
        40,
        {"PANTAU_XLSX_MAX_MB": "20"},
        "PANTAU_XLSX_MAX_MB",
    ),
}


def peak_of_load(warehouse: Path, bomb: Path, settings: dict) -> tuple[int, float, str]:
    """The loader's exit status, peak memory (MB) and what it said, in a fresh interpreter."""
    measure = (
        "import sys; from pathlib import Path; from bench.bombs import load_in_process\n"
        f"status, _, peak, told = load_in_process(Path({str(warehouse)!r}), Path({str(bomb)!r}))\n"
        "print(status, peak, told, sep='\\t')"
    )
    env = {**os.environ, **settings}
    done = subprocess.run([sys.executable, "-c", measure], cwd=ROOT, env=env, capture_output=True, text=True)
    status, peak, told = done.stdout.strip().split("\t", 2)
    return int(status), float(peak), told


@pytest.mark.parametrize("case", CASES)
def test_a_workbook_bomb_is_refused_before_it_is_read(small_warehouse, tmp_path, case):
    build, megabytes, settings, said = CASES[case]
    bomb = build(tmp_path, megabytes)
    before = digest(small_warehouse)
    status, peak_mb, told = peak_of_load(small_warehouse, bomb, settings)
    assert status == EXIT_BAD_FILE, told
    assert told.startswith("GAGAL, tidak ada yang dimuat: berkas ") and said in told, told
    assert peak_mb < PEAK_LIMIT_MB
    assert digest(small_warehouse) == before


def test_workbooks_are_parsed_without_entities(small_warehouse, tmp_path):
    """openpyxl reads through defusedxml (a pinned requirement): an entity bomb ("billion laughs")
    in a part is refused, not expanded."""
    entities = "".join(f'<!ENTITY e{n} "{f"&e{n - 1};" * 10}">' for n in range(1, 10))
    cell = '<c r="{}" t="inlineStr"><is><t>{}</t></is></c>'
    header = "".join(
        cell.format(f"{column}1", name) for column, name in zip("ABCDE", bombs.HEADER, strict=True)
    )
    laughs = (
        f'<?xml version="1.0"?><!DOCTYPE worksheet [<!ENTITY e0 "ha">{entities}]>'
        '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>'
        f'<row r="1">{header}</row><row r="2">{cell.format("A2", "KSK-9")}{cell.format("B2", "&e9;")}</row>'
        "</sheetData></worksheet>"
    )
    bomb = bombs._replace_part(
        bombs._base(tmp_path / "tawa.xlsx"), "xl/worksheets/sheet1.xml", [laughs.encode()]
    )
    before = digest(small_warehouse)
    status, peak_mb, told = peak_of_load(small_warehouse, bomb, {})
    assert status == EXIT_BAD_FILE and "tidak dapat dibaca" in told, told
    assert peak_mb < PEAK_LIMIT_MB
    assert digest(small_warehouse) == before
