"""Validate exported files and load them into the warehouse, all or nothing per invocation.

Each file is staged as text, checked row by row in SQL (data/checks/<kind>.sql), and its good rows
replace the warehouse rows with the same key. Bad rows go to the `tolak` table with file, row,
column and reason. Counts always add up: read = loaded + replaced + rejected. A bad file (unreadable,
unknown kind, a required column missing) aborts the whole invocation and the warehouse stays as it was;
so does a load that cannot finish (data/failures.py). Every file is bounded (data/limits.py).
"""

import datetime as dt
import hashlib
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from data import warehouse
from data.contract import KINDS, LOAD_ORDER, WITA, Kind, UnknownKind, detect_kind
from data.failures import BadFile, LoadIncomplete, StorageFailure, TimeLimit, is_storage_failure
from data.limits import Deadline, Limits
from data.readers import Header, check_size, shown_names, stage

CHECKS_DIR = Path(__file__).resolve().parent / "checks"
REJECT_EXAMPLES = 5

# Told how far a load has come: (steps done, steps in all, what is being done now).
Progress = Callable[[int, int, str], None]


# What a load says of a file beyond its counts, by key: the command line prints these, the Data page
# says each in the viewer's language (pages/data.py, NOTE_WORDS).
NOTES = {
    "sama_persis": "isi berkas sama persis dengan berkas yang sudah dimuat: dilewati",
    "kolom_diabaikan": "kolom diabaikan: {kolom}",
    "hanya_judul": "berkas hanya berisi baris judul, tanpa baris data",
    "terdaftar_lagi": "{n} keluarga yang pernah dibatalkan terdaftar lagi (lihat halaman Data)",
    "kembar": "{n} baris mengulang baris sebelumnya dengan isi sama persis: dimuat sekali (baris {baris})",
}


@dataclass
class FileResult:
    file: str
    kind: str
    read: int = 0
    loaded: int = 0
    replaced: int = 0
    rejected: int = 0
    already_loaded: bool = False
    notes: list[tuple[str, dict]] = field(default_factory=list)  # (key of NOTES, its values)
    sample_rejects: list[tuple] = field(default_factory=list)  # (baris, kolom, nilai, alasan)

    def note_texts(self) -> list[str]:
        return [NOTES[key].format(**values) for key, values in self.notes]

    def lines(self) -> list[str]:
        """The result as told to the person loading: counts, notes, the first rejects."""
        counts = ", ".join(
            f"{label} {value:,}".replace(",", ".")
            for label, value in [
                ("dibaca", self.read),
                ("dimuat", self.loaded),
                ("diganti", self.replaced),
                ("ditolak", self.rejected),
            ]
        )
        told = [f"{self.file} [{self.kind}]: {counts}"]
        told += [f"  catatan: {note}" for note in self.note_texts()]
        told += [
            f"  baris {row}, kolom {column} ({value!r}): {reason}"
            for row, column, value, reason in self.sample_rejects
        ]
        if self.rejected > len({example[0] for example in self.sample_rejects}):
            told.append("  ... dan baris lain; semua baris ditolak ada di tabel 'tolak' (halaman Data)")
        return told


@dataclass
class _Staged:
    path: Path
    table: str
    kind: Kind
    checksum: str
    header: Header

    @property
    def columns(self) -> list[str]:
        """The contract's columns the file has (the only ones staged)."""
        return self.header.columns


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
    limits: Limits | None = None,
) -> list[FileResult]:
    """Load the files in one transaction. Raises BadFile or LoadIncomplete, with nothing changed, when a
    file is bad or the load cannot finish (data/failures.py)."""
    target = warehouse_path or warehouse.default_path()
    limits = limits or Limits.from_environment()
    forced = KINDS[kind] if kind else None
    steps = _steps(paths)
    report = progress or (lambda done, total, what: None)
    deadline = Deadline(limits.load_seconds)
    purpose = ", ".join(Path(path).name for path in paths)
    try:
        with warehouse.writing(
            target, deadline=deadline, lock_wait=limits.lock_wait_seconds, purpose=purpose
        ) as con:
            results = _load_into(
                con, [Path(path) for path in paths], forced, simulated, limits, deadline, report
            )
            report(steps - 1, steps, "menyimpan gudang data")
    except duckdb.OutOfMemoryException as error:
        raise LoadIncomplete(
            f"memori muat tidak cukup (PANTAU_LOAD_MEMORY={warehouse.LOAD_MEMORY}) dan disk tidak dapat "
            f"menampung sisanya: {error}"
        ) from error
    except (OSError, duckdb.Error) as error:
        if is_storage_failure(error):
            raise StorageFailure(
                f"ruang disk habis atau gagal membaca/menulis gudang data: {error}"
            ) from error
        raise
    report(steps, steps, "selesai")
    return results


def _load_into(
    con: duckdb.DuckDBPyConnection,
    paths: list[Path],
    forced: Kind | None,
    simulated: bool,
    limits: Limits,
    deadline: Deadline,
    report: Progress,
) -> list[FileResult]:
    """Stage every file, then check and load each in dependency order, in the warehouse's copy."""
    steps = _steps(paths)
    con.execute((CHECKS_DIR / "macros.sql").read_text())
    staged = []
    for index, path in enumerate(paths):
        report(index, steps, f"membaca {path.name}")
        with _working_on(path, deadline):
            staged.append(_stage_file(con, path, index, forced, limits, deadline))
    staged.sort(key=lambda item: LOAD_ORDER.index(item.kind.name))
    loaded_at = dt.datetime.now(dt.UTC).replace(tzinfo=None, microsecond=0)
    con.execute("SET VARIABLE hari_muat = ?", [(loaded_at + WITA).date()])
    chains_before = _broken_chains(con)
    seen: set[str] = set()
    results = []
    for index, item in enumerate(staged, start=len(paths)):
        report(index, steps, f"memeriksa dan memuat {item.path.name}")
        with _working_on(item.path, deadline):
            if item.checksum in seen or _already_loaded(con, item.checksum):
                results.append(_skipped(item))
            else:
                results.append(_load_one(con, item, loaded_at, simulated))
        seen.add(item.checksum)
    _refuse_broken_chains(con, chains_before, staged)
    return results


def _steps(paths: list) -> int:
    """The steps a load reports: reading each file, checking and loading each, then saving."""
    return 2 * len(paths) + 1


@contextmanager
def _working_on(path: Path, deadline: Deadline) -> Iterator[None]:
    """Names the file when the time runs out while it is read or checked (the inbox sets it aside)."""
    try:
        yield
    except duckdb.InterruptException as error:
        if not deadline.passed():
            raise  # interrupted by someone, not by the time limit
        raise deadline.exceeded(path) from error
    except TimeLimit as error:
        error.path = error.path or path
        raise


def _stage_file(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    index: int,
    forced: Kind | None,
    limits: Limits,
    deadline: Deadline,
) -> _Staged:
    table = f"stg_{index}"
    check_size(path, limits)  # before hashing: a file too large is refused without reading it
    with ThreadPoolExecutor(max_workers=1) as hasher:
        digest = hasher.submit(checksum, path)  # hashing releases the GIL: it runs beside DuckDB's reading
        header = stage(con, path, table, limits, deadline)
    columns = header.columns
    try:
        kind = forced or detect_kind(columns)
    except UnknownKind as error:
        raise BadFile(path, str(error)) from error
    missing = [column for column in kind.required if column not in columns]
    if missing:
        reason = f"kolom wajib untuk jenis '{kind.name}' tidak ada: {', '.join(missing)}"
        raise BadFile(path, reason + _looks_like(columns, kind))
    return _Staged(path, table, kind, digest.result(), header)


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
    result = FileResult(str(item.path), item.kind.name, already_loaded=True)
    result.notes.append(("sama_persis", {}))
    return result


def _load_one(
    con: duckdb.DuckDBPyConnection, item: _Staged, loaded_at: dt.datetime, simulated: bool
) -> FileResult:
    kind = item.kind
    result = FileResult(str(item.path), kind.name)
    ignored = item.header.others(kind.columns)
    if ignored:
        result.notes.append(("kolom_diabaikan", {"kolom": shown_names(ignored)}))
    if con.execute(f"SELECT count(*) FROM {item.table}").fetchone()[0] == 0:
        result.notes.append(("hanya_judul", {}))
    load_id = con.execute("SELECT coalesce(max(id_muat), 0) + 1 FROM muat").fetchone()[0]

    present = ", ".join(
        f'"{column}"' if column in item.columns else f'NULL::VARCHAR AS "{column}"' for column in kind.columns
    )
    con.execute(f"CREATE OR REPLACE TEMP VIEW stg AS SELECT _baris, {present} FROM {item.table}")
    check_sql = (CHECKS_DIR / f"{kind.name}.sql").read_text()
    con.execute(f"CREATE OR REPLACE TEMP TABLE diperiksa AS {check_sql}")
    repeats, repeat_rows = _settle_repeats(con, kind)
    if repeats:
        result.notes.append(("kembar", {"n": repeats, "baris": repeat_rows}))

    as_read = ", ".join(f"'{column}', s.\"{column}\"" for column in kind.columns)
    con.execute(
        f"""INSERT INTO tolak
            SELECT ?, ?, ?, d._baris, d._kunci, d.m.kolom, d.m.nilai, d.m.alasan,
                   json_object({as_read})::VARCHAR, NULL
            FROM (SELECT _baris, _kunci, unnest(masalah) AS m FROM diperiksa WHERE len(masalah) > 0) d
            JOIN stg s USING (_baris)
            ORDER BY d._baris""",
        [load_id, result.file, kind.name],
    )
    result.read, result.rejected = con.execute(
        "SELECT count(*), count(*) FILTER (len(masalah) > 0) FROM diperiksa"
    ).fetchone()
    # A repeat took the place of the row it repeats: it counts as replaced, and the counts add up.
    result.read += repeats
    result.replaced = repeats
    if kind.name == "pembatalan":
        _withdraw(con, load_id)
    else:
        result.replaced += _replace_by_key(con, kind, load_id)
    result.loaded = result.read - result.rejected - result.replaced
    if kind.name == "registrasi":
        _note_reinstated(con, load_id, result)
    _resolve_earlier_rejects(con, kind, load_id)
    con.execute(
        "INSERT INTO muat VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            load_id,
            result.file,
            kind.name,
            item.checksum,
            loaded_at,
            simulated,
            result.read,
            result.loaded,
            result.replaced,
            result.rejected,
        ],
    )
    result.sample_rejects = con.execute(
        "SELECT baris, kolom, nilai, alasan FROM tolak WHERE id_muat = ? ORDER BY baris LIMIT ?",
        [load_id, REJECT_EXAMPLES],
    ).fetchall()
    con.execute(f"DROP TABLE {item.table}")
    return result


def _replace_by_key(con: duckdb.DuckDBPyConnection, kind: Kind, load_id: int) -> int:
    """The valid rows in place of the warehouse's rows with the same key; returns the rows replaced."""
    key_match = " AND ".join(f"t.{column} = d.{column}" for column in kind.key)
    # A key is held once by the warehouse and once by a file's valid rows (_settle_repeats): the rows
    # deleted are the rows replaced, counted by the delete itself rather than by a second join.
    delete = f"DELETE FROM {kind.name} t USING diperiksa d WHERE {key_match} AND len(d.masalah) = 0"
    if kind.name == "registrasi":
        replaced = _note_changes(con, kind, delete, load_id)
    else:
        replaced = con.execute(delete).fetchone()[0]
        _insert_valid(con, kind, load_id)
    return replaced


def _insert_valid(con: duckdb.DuckDBPyConnection, kind: Kind, load_id: int) -> None:
    con.execute(
        f"""INSERT INTO {kind.name} BY NAME
            SELECT * EXCLUDE (_baris, _kunci, masalah), {load_id} AS id_muat
            FROM diperiksa WHERE len(masalah) = 0"""
    )


def _note_changes(con: duckdb.DuckDBPyConnection, kind: Kind, delete: str, load_id: int) -> int:
    """The families' `delete` and insert, with every row that leaves and comes in noted in
    warehouse.CHANGES for the summary tables; returns the rows deleted. The delete hands back the rows
    it removes (one pass over the registrations: a join to find them first would read every column of
    every family)."""
    con.complete()  # the statement before left a result that nobody reads
    left = con.sql(f"{delete} RETURNING *").to_arrow_table()
    con.register("keluar", left)
    try:
        con.execute(f"INSERT INTO {warehouse.CHANGES} SELECT -1, * FROM keluar")
    finally:
        con.unregister("keluar")
    _insert_valid(con, kind, load_id)
    # The rows of this load sit in the table's last row groups: the filter skips the rest.
    con.execute(f"INSERT INTO {warehouse.CHANGES} SELECT 1, * FROM registrasi WHERE id_muat = ?", [load_id])
    return left.num_rows


def _settle_repeats(con: duckdb.DuckDBPyConnection, kind: Kind) -> tuple[int, str]:
    """Rows of the file with the same key. When they agree in every column (its value as loaded and its
    problems), they are one row given more than once: the first stands for them, and the valid repeats
    leave `diperiksa`. When they disagree, nothing says which is right: each is rejected, naming the
    others and the columns that differ. Returns how many repeats left, and their rows as told."""
    # Grouping by the keys' hashes first is much cheaper than grouping by the keys: only the rows whose
    # hash repeats (few, or none) are grouped by key and compared.
    con.execute(
        """CREATE OR REPLACE TEMP TABLE hash_ganda AS
           SELECT hash(_kunci) AS _hash FROM diperiksa WHERE _kunci IS NOT NULL
           GROUP BY _hash HAVING count(*) > 1"""
    )
    if con.execute("SELECT count(*) FROM hash_ganda").fetchone()[0] == 0:
        return 0, ""
    # Rows agree when their contents hash alike: exact to one chance in 2^64, and a whole export sent twice
    # in one file is settled in a second, where comparing the contents themselves takes many.
    content = "hash({" + "".join(f"'{column}': \"{column}\", " for column in kind.columns) + "'m': masalah})"
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE berkunci_sama AS
            SELECT _kunci, list(_baris ORDER BY _baris) AS baris, bool_and(len(masalah) = 0) AS sah,
                   min({content}) <> max({content}) AS berbeda
            FROM diperiksa
            WHERE _kunci IS NOT NULL AND hash(_kunci) IN (SELECT _hash FROM hash_ganda)
            GROUP BY _kunci HAVING count(*) > 1"""
    )
    # Each column as compared: its value and its problems.
    hashed = {
        column: f"""hash("{column}", list_filter(masalah, lambda m: m.kolom = '{column}'))"""
        for column in kind.columns
    }
    differs = ", ".join(
        f"CASE WHEN min({value}) <> max({value}) THEN '{column}' END" for column, value in hashed.items()
    )
    key = kind.key[-1]
    con.execute(
        f"""CREATE OR REPLACE TEMP TABLE baris_berbeda AS
            WITH kolom_beda AS (
                SELECT _kunci, any_value(baris) AS baris,
                       list_filter([{differs}], lambda c: c IS NOT NULL) AS kolom
                FROM diperiksa JOIN berkunci_sama USING (_kunci) WHERE berbeda GROUP BY _kunci
            )
            SELECT unnest(baris) AS _baris,
                   'baris ' || daftar_baris(baris) || ' berbeda untuk ' || ? || ' yang sama'
                       || coalesce(' (' || nullif(array_to_string(kolom, ', '), '') || ')', '') AS alasan
            FROM kolom_beda""",
        [kind.noun],
    )
    con.execute(
        f"""UPDATE diperiksa d SET masalah = list_prepend(masalah('{key}', s."{key}", b.alasan), d.masalah)
            FROM baris_berbeda b JOIN stg s USING (_baris)
            WHERE d._baris = b._baris"""
    )
    con.execute(
        """CREATE OR REPLACE TEMP TABLE kembar AS
           SELECT unnest(baris[2:]) AS _baris FROM berkunci_sama WHERE NOT berbeda AND sah"""
    )
    count, told = con.execute(
        "SELECT count(*), daftar_baris(list(_baris ORDER BY _baris)) FROM kembar"
    ).fetchone()
    if count:
        con.execute("DELETE FROM diperiksa WHERE _baris IN (SELECT _baris FROM kembar)")
    return count, told


def _withdraw(con: duckdb.DuckDBPyConnection, load_id: int) -> None:
    """Each valid withdrawal moves its family out of the registrations into the history, whole (and
    into warehouse.CHANGES, for the summary tables)."""
    # One pass over the registrations finds the families; the steps below read these few rows.
    con.execute(
        """CREATE OR REPLACE TEMP TABLE dibatalkan AS
           SELECT r.* FROM registrasi r
           WHERE r.id_keluarga IN (SELECT id_keluarga FROM diperiksa WHERE len(masalah) = 0)"""
    )
    con.execute(
        """INSERT INTO pembatalan
           SELECT b.id_keluarga, d.alasan, b.idsubsls, b.kode_kab, b.tanggal_didata,
                  to_json(b)::VARCHAR, ?, NULL
           FROM dibatalkan b JOIN diperiksa d ON d.id_keluarga = b.id_keluarga AND len(d.masalah) = 0""",
        [load_id],
    )
    con.execute(f"INSERT INTO {warehouse.CHANGES} SELECT -1, * FROM dibatalkan")
    con.execute("DELETE FROM registrasi r USING dibatalkan d WHERE r.id_keluarga = d.id_keluarga")


def _note_reinstated(con: duckdb.DuckDBPyConnection, load_id: int, result: FileResult) -> None:
    """A family withdrawn earlier and registered again counts again: the later word wins, as for any
    row, and the history says which load brought it back."""
    count = con.execute(
        """UPDATE pembatalan SET dipulihkan = ?
           WHERE dipulihkan IS NULL
             AND id_keluarga IN (SELECT id_keluarga FROM diperiksa WHERE len(masalah) = 0)""",
        [load_id],
    ).fetchone()[0]
    if count:
        result.notes.append(("terdaftar_lagi", {"n": count}))


def _broken_chains(con: duckdb.DuckDBPyConnection) -> set[tuple[str, str]]:
    return set(con.execute((CHECKS_DIR / "rantai.sql").read_text()).fetchall())


def _refuse_broken_chains(
    con: duckdb.DuckDBPyConnection, before: set[tuple[str, str]], staged: list[_Staged]
) -> None:
    """The whole warehouse's supervisor chains after the load: one the load would break (the row checks
    see one file against the warehouse; this sees the end state) refuses the officers' file."""
    broken = sorted(_broken_chains(con) - before)
    blamed = [item.path for item in staged if item.kind.name in ("petugas", "penugasan")]
    if broken and blamed:
        told = "; ".join(chain for _, chain in broken[:REJECT_EXAMPLES])
        more = f" dan {len(broken) - REJECT_EXAMPLES} lainnya" if len(broken) > REJECT_EXAMPLES else ""
        raise BadFile(blamed[0], f"muat ini akan memutus rantai pengawas: {told}{more}")


def _resolve_earlier_rejects(con: duckdb.DuckDBPyConnection, kind: Kind, load_id: int) -> None:
    """A valid row for a key that an earlier load rejected closes that reject: it was fixed and resent."""
    con.execute(
        """UPDATE tolak SET diselesaikan = ?
           WHERE jenis = ? AND diselesaikan IS NULL AND id_muat < ?
             AND kunci IN (SELECT _kunci FROM diperiksa WHERE len(masalah) = 0)""",
        [load_id, kind.name, load_id],
    )
