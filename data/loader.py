"""Validate exported files and load them into the warehouse, all or nothing per invocation.

Each file is staged as text, checked row by row in SQL (data/checks/<kind>.sql), and its good rows
replace the warehouse rows with the same key. Bad rows go to the `tolak` table with file, row,
column and reason. Counts always add up: read = loaded + replaced + rejected. A bad file (unreadable,
unknown kind, a required column missing) aborts the whole invocation and the warehouse stays as it was.
"""

import datetime as dt
import hashlib
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from data import warehouse
from data.contract import KINDS, LOAD_ORDER, Kind, UnknownKind, detect_kind
from data.readers import BadFile, stage

CHECKS_DIR = Path(__file__).resolve().parent / "checks"
REJECT_EXAMPLES = 5

# Told how far a load has come: (steps done, steps in all, what is being done now).
Progress = Callable[[int, int, str], None]


@dataclass
class FileResult:
    berkas: str
    jenis: str
    dibaca: int = 0
    dimuat: int = 0
    diganti: int = 0
    ditolak: int = 0
    sudah_dimuat: bool = False
    catatan: list[str] = field(default_factory=list)
    contoh_tolak: list[tuple] = field(default_factory=list)  # (baris, kolom, nilai, alasan)

    def lines(self) -> list[str]:
        """The result as told to the person loading: counts, notes, the first rejects."""
        counts = ", ".join(
            f"{label} {value:,}".replace(",", ".")
            for label, value in [
                ("dibaca", self.dibaca),
                ("dimuat", self.dimuat),
                ("diganti", self.diganti),
                ("ditolak", self.ditolak),
            ]
        )
        told = [f"{self.berkas} [{self.jenis}]: {counts}"]
        told += [f"  catatan: {note}" for note in self.catatan]
        told += [
            f"  baris {row}, kolom {column} ({value!r}): {reason}"
            for row, column, value, reason in self.contoh_tolak
        ]
        if self.ditolak > len({example[0] for example in self.contoh_tolak}):
            told.append("  ... dan baris lain; semua baris ditolak ada di tabel 'tolak' (halaman Data)")
        return told


@dataclass
class _Staged:
    path: Path
    table: str
    kind: Kind
    checksum: str
    columns: list[str]


def checksum(path: Path) -> str:
    digest = hashlib.sha256()
    with open(path, "rb") as file:
        for block in iter(lambda: file.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def load_files(
    paths: list[Path],
    *,
    warehouse_path: Path | None = None,
    kind: str | None = None,
    simulated: bool = False,
    progress: Progress | None = None,
) -> list[FileResult]:
    """Load the files in one transaction; raise BadFile, with nothing changed, if any file is bad."""
    target = warehouse_path or warehouse.default_path()
    forced = KINDS[kind] if kind else None
    steps = 2 * len(paths) + 1
    report = progress or (lambda done, total, what: None)
    with warehouse.writing(target) as con:
        con.execute((CHECKS_DIR / "macros.sql").read_text())
        staged = []
        for index, path in enumerate(paths):
            report(index, steps, f"membaca {Path(path).name}")
            staged.append(_stage_file(con, Path(path), index, forced))
        staged.sort(key=lambda item: LOAD_ORDER.index(item.kind.name))
        loaded_at = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
        seen: set[str] = set()
        results = []
        for index, item in enumerate(staged, start=len(paths)):
            report(index, steps, f"memeriksa dan memuat {item.path.name}")
            if item.checksum in seen or _already_loaded(con, item.checksum):
                results.append(_skipped(item))
            else:
                results.append(_load_one(con, item, loaded_at, simulated))
            seen.add(item.checksum)
        report(steps - 1, steps, "menyimpan gudang data")
    report(steps, steps, "selesai")
    return results


def _stage_file(con: duckdb.DuckDBPyConnection, path: Path, index: int, forced: Kind | None) -> _Staged:
    table = f"stg_{index}"
    with ThreadPoolExecutor(max_workers=1) as hasher:
        digest = hasher.submit(checksum, path)  # hashing releases the GIL: it runs beside DuckDB's reading
        columns = stage(con, path, table)
    try:
        kind = forced or detect_kind(columns)
    except UnknownKind as error:
        raise BadFile(path, str(error)) from error
    missing = [column for column in kind.required if column not in columns]
    if missing:
        reason = f"kolom wajib untuk jenis '{kind.name}' tidak ada: {', '.join(missing)}"
        raise BadFile(path, reason + _looks_like(columns, kind))
    return _Staged(path, table, kind, digest.result(), columns)


def _looks_like(columns: list[str], named: Kind) -> str:
    """When the file was named as one kind but holds another's columns: say which."""
    try:
        other = detect_kind(columns)
    except UnknownKind:
        return ""
    if other == named or any(column not in columns for column in other.required):
        return ""
    return f" (berkas ini berisi kolom jenis '{other.name}': salah pilih jenis atau salah berkas?)"


def _already_loaded(con: duckdb.DuckDBPyConnection, digest: str) -> bool:
    return con.execute("SELECT count(*) FROM muat WHERE checksum = ?", [digest]).fetchone()[0] > 0


def _skipped(item: _Staged) -> FileResult:
    result = FileResult(str(item.path), item.kind.name, sudah_dimuat=True)
    result.catatan.append("isi berkas sama persis dengan berkas yang sudah dimuat: dilewati")
    return result


def _load_one(
    con: duckdb.DuckDBPyConnection, item: _Staged, loaded_at: dt.datetime, simulated: bool
) -> FileResult:
    kind = item.kind
    result = FileResult(str(item.path), kind.name)
    extra = [column for column in item.columns if column not in kind.columns]
    if extra:
        result.catatan.append(f"kolom diabaikan: {', '.join(extra)}")
    if con.execute(f"SELECT count(*) FROM {item.table}").fetchone()[0] == 0:
        result.catatan.append("berkas hanya berisi baris judul, tanpa baris data")
    load_id = con.execute("SELECT coalesce(max(id_muat), 0) + 1 FROM muat").fetchone()[0]

    present = ", ".join(
        f'"{column}"' if column in item.columns else f'NULL::VARCHAR AS "{column}"' for column in kind.columns
    )
    con.execute(f"CREATE OR REPLACE TEMP VIEW stg AS SELECT _baris, {present} FROM {item.table}")
    check_sql = (CHECKS_DIR / f"{kind.name}.sql").read_text()
    con.execute(f"CREATE OR REPLACE TEMP TABLE diperiksa AS {check_sql}")

    as_read = ", ".join(f"'{column}', s.\"{column}\"" for column in kind.columns)
    con.execute(
        f"""INSERT INTO tolak
            SELECT ?, ?, ?, d._baris, d._kunci, d.m.kolom, d.m.nilai, d.m.alasan,
                   json_object({as_read})::VARCHAR, NULL
            FROM (SELECT _baris, _kunci, unnest(masalah) AS m FROM diperiksa WHERE len(masalah) > 0) d
            JOIN stg s USING (_baris)
            ORDER BY d._baris""",
        [load_id, result.berkas, kind.name],
    )
    key_match = " AND ".join(f"t.{column} = d.{column}" for column in kind.key)
    result.dibaca, result.ditolak = con.execute(
        "SELECT count(*), count(*) FILTER (len(masalah) > 0) FROM diperiksa"
    ).fetchone()
    # A key is held once by the warehouse and once by a file's valid rows (repeats are rejected): the rows
    # deleted are the rows replaced, counted by the delete itself rather than by a second join.
    result.diganti = con.execute(
        f"DELETE FROM {kind.name} t USING diperiksa d WHERE {key_match} AND len(d.masalah) = 0"
    ).fetchone()[0]
    result.dimuat = result.dibaca - result.ditolak - result.diganti
    con.execute(
        f"""INSERT INTO {kind.name} BY NAME
            SELECT * EXCLUDE (_baris, _kunci, masalah), {load_id} AS id_muat
            FROM diperiksa WHERE len(masalah) = 0"""
    )
    _resolve_earlier_rejects(con, kind, load_id)
    con.execute(
        "INSERT INTO muat VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            load_id,
            result.berkas,
            kind.name,
            item.checksum,
            loaded_at,
            simulated,
            result.dibaca,
            result.dimuat,
            result.diganti,
            result.ditolak,
        ],
    )
    result.contoh_tolak = con.execute(
        "SELECT baris, kolom, nilai, alasan FROM tolak WHERE id_muat = ? ORDER BY baris LIMIT ?",
        [load_id, REJECT_EXAMPLES],
    ).fetchall()
    con.execute(f"DROP TABLE {item.table}")
    return result


def _resolve_earlier_rejects(con: duckdb.DuckDBPyConnection, kind: Kind, load_id: int) -> None:
    """A valid row for a key that an earlier load rejected closes that reject: it was fixed and resent."""
    con.execute(
        """UPDATE tolak SET diselesaikan = ?
           WHERE jenis = ? AND diselesaikan IS NULL AND id_muat < ?
             AND kunci IN (SELECT _kunci FROM diperiksa WHERE len(masalah) = 0)""",
        [load_id, kind.name, load_id],
    )
