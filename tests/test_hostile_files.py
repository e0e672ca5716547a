"""Files sent to do harm, or broken past what an office would send: a file can do nothing but load.

Headers that are SQL, through every reader (CSV, XLSX, Parquet) and every entry point (the loader, its
command line, the inbox, the Data page's upload): only the contract's own column names ever reach SQL
text, and nothing but the rows loads. Refused files leave the warehouse byte for byte as it was.
"""

import dataclasses
import os
import subprocess
from pathlib import Path

import duckdb
import pytest

from data import inbox, uploads, warehouse
from data.__main__ import main
from data.failures import (
    EXIT_BAD_FILE,
    EXIT_INCOMPLETE,
    EXIT_LOADED,
    BadFile,
    LockTimeout,
    StorageFailure,
    TimeLimit,
)
from data.limits import Limits
from data.loader import load_files
from tests.helpers import (
    HOSTILE_HEADERS,
    NEW_OFFICER,
    PETUGAS_COLUMNS,
    ROOT,
    TABLES,
    WRITERS,
    assert_no_side_effects,
    digest,
    hostile_officers,
    loader_command,
    query,
    snapshot,
    write_csv,
    write_xlsx,
)


class RecordingConnection:
    """A DuckDB connection that keeps the text of every statement it is given."""

    def __init__(self, connection: duckdb.DuckDBPyConnection, statements: list[str]):
        self._connection = connection
        self._statements = statements

    def execute(self, query: str, *args):
        self._statements.append(query)
        return self._connection.execute(query, *args)

    def __getattr__(self, name: str):
        return getattr(self._connection, name)


@pytest.fixture
def statements(monkeypatch) -> list[str]:
    """Every SQL statement the loader runs, as text."""
    recorded: list[str] = []
    connect = duckdb.connect
    monkeypatch.setattr(
        warehouse.duckdb,
        "connect",
        lambda *args, **kwargs: RecordingConnection(connect(*args, **kwargs), recorded),
    )
    return recorded


def assert_only_the_officer_loaded(before: dict, after: dict) -> None:
    """The new Koseka is the one change, besides the load's own record."""
    assert sorted(set(after["petugas"]) - set(before["petugas"]))[0][:3] == (
        "KSK-7",
        "Koseka Tujuh",
        "KOSEKA",
    )
    assert len(after["petugas"]) == len(before["petugas"]) + 1
    assert {table: after[table] for table in TABLES if table not in ("petugas", "muat")} == {
        table: before[table] for table in TABLES if table not in ("petugas", "muat")
    }


@pytest.mark.parametrize("suffix", list(WRITERS))
def test_a_header_of_sql_loads_the_rows_and_never_reaches_sql(small_warehouse, tmp_path, statements, suffix):
    before = snapshot(small_warehouse)
    [result] = load_files([hostile_officers(tmp_path, suffix)], warehouse_path=small_warehouse)
    assert (result.kind, result.read, result.loaded, result.rejected) == ("petugas", 1, 1, 0)
    [notice] = [note for note in result.note_texts() if note.startswith("kolom diabaikan")]
    assert "zz" in notice and "delete" in notice  # named (lower-cased, cut short), as text only
    assert statements, "the recording connection saw no statement"
    for statement in statements:
        for header in HOSTILE_HEADERS:
            assert header not in statement and header.lower() not in statement
        assert "x.txt" not in statement and "zz2" not in statement
    assert_only_the_officer_loaded(before, snapshot(small_warehouse))
    assert_no_side_effects(tmp_path, ROOT, Path.cwd())


@pytest.mark.parametrize("suffix", list(WRITERS))
def test_the_command_line_loads_a_hostile_header_and_nothing_else(small_warehouse, tmp_path, suffix):
    before = snapshot(small_warehouse)
    path = hostile_officers(tmp_path, suffix)
    # Run from tmp_path, where a COPY ... TO 'x.txt' would write.
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        loader_command(small_warehouse, path), cwd=tmp_path, env=env, capture_output=True, text=True
    )
    assert done.returncode == EXIT_LOADED, done.stderr
    assert "dimuat 1" in done.stdout
    assert "Traceback" not in done.stderr
    assert_only_the_officer_loaded(before, snapshot(small_warehouse))
    assert_no_side_effects(tmp_path, ROOT)


def test_the_inbox_loads_a_hostile_header_and_nothing_else(small_warehouse, tmp_path):
    before = snapshot(small_warehouse)
    drop = tmp_path / "masuk"
    drop.mkdir()
    hostile_officers(drop, "xlsx")
    [handled] = inbox.process(drop, small_warehouse, settle_seconds=0)
    assert handled.result is not None and handled.result.loaded == 1
    assert_only_the_officer_loaded(before, snapshot(small_warehouse))
    assert_no_side_effects(drop, ROOT)


def test_an_upload_loads_a_hostile_header_and_nothing_else(small_warehouse, tmp_path):
    """The Data page's path: saved to the upload folder, loaded in a process of its own."""
    before = snapshot(small_warehouse)
    content = hostile_officers(tmp_path, "csv").read_bytes()
    saved = uploads.save([("../../petugas jahat.csv", content)], uploads.folder(small_warehouse))
    [path] = saved
    assert path.parent == uploads.folder(small_warehouse)  # the browser's folder part is dropped
    steps = []
    [result] = uploads.load(
        list(saved),
        small_warehouse,
        None,
        lambda *step: steps.append(step),
        role="admin",
        who="uji",
        where="uji",
    )
    assert (result.loaded, result.rejected) == (1, 0)
    assert steps and steps[-1][0] == steps[-1][1]  # progress reached the end
    assert_only_the_officer_loaded(before, snapshot(small_warehouse))
    assert_no_side_effects(tmp_path, ROOT, uploads.folder(small_warehouse))


@pytest.mark.parametrize("suffix", list(WRITERS))
@pytest.mark.parametrize(
    "repeat", ["nama", "Nama", " NAMA ", "nama\u00a0"], ids=["same", "case", "spaces", "no-break-space"]
)
def test_a_column_named_twice_is_refused_before_the_engine_renames_it(
    small_warehouse, tmp_path, suffix, repeat
):
    header = [*PETUGAS_COLUMNS, repeat, HOSTILE_HEADERS[0]]
    path = WRITERS[suffix](tmp_path / f"petugas.{suffix}", header, [[*NEW_OFFICER, "Orang Lain", "x"]])
    before = digest(small_warehouse)
    with pytest.raises(BadFile, match=r"kolom ganda di baris judul: nama \(kolom 2 dan 6\)"):
        load_files([path], warehouse_path=small_warehouse)
    assert digest(small_warehouse) == before


def test_a_duplicate_header_refused_on_the_command_line_says_so_in_one_line(small_warehouse, tmp_path):
    path = write_csv(tmp_path / "petugas.csv", [*PETUGAS_COLUMNS, "NAMA"], [[*NEW_OFFICER, "Lain"]])
    before = digest(small_warehouse)
    done = subprocess.run(loader_command(small_warehouse, path), cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == EXIT_BAD_FILE
    assert done.stderr.strip().splitlines() == [
        "GAGAL, tidak ada yang dimuat: berkas petugas.csv: kolom ganda di baris judul: nama (kolom 2 dan 6)"
    ]
    assert digest(small_warehouse) == before


def test_a_header_too_wide_is_refused(small_warehouse, tmp_path):
    header = PETUGAS_COLUMNS + [f"c{index}" for index in range(300)]
    path = write_csv(tmp_path / "petugas.csv", header, [NEW_OFFICER + [""] * 300])
    with pytest.raises(BadFile, match=r"305 kolom di baris judul, lebih dari batas 200 kolom"):
        load_files([path], warehouse_path=small_warehouse)


def test_a_header_line_without_end_is_refused(small_warehouse, tmp_path):
    path = tmp_path / "petugas.csv"
    path.write_text(",".join(PETUGAS_COLUMNS) + "," + "x" * 200_000 + "\n")
    with pytest.raises(BadFile, match="baris judul lebih panjang dari 64 KB"):
        load_files([path], warehouse_path=small_warehouse)


def test_a_file_beyond_the_size_limit_is_refused_unread(small_warehouse, tmp_path, monkeypatch):
    monkeypatch.setenv("PANTAU_MAX_FILE_MB", "0.001")
    path = write_csv(tmp_path / "petugas.csv", PETUGAS_COLUMNS, [NEW_OFFICER] * 100)
    with pytest.raises(BadFile, match=r"berkas 0 MB, lebih dari batas 0 MB \(PANTAU_MAX_FILE_MB\)"):
        load_files([path], warehouse_path=small_warehouse)


@pytest.mark.parametrize("suffix", list(WRITERS))
def test_more_rows_than_the_limit_are_refused(small_warehouse, tmp_path, monkeypatch, suffix):
    monkeypatch.setenv("PANTAU_MAX_ROWS", "3")
    rows = [[f"KSK-{number}", "Nama", "KOSEKA", "", "6472"] for number in range(10, 14)]
    path = WRITERS[suffix](tmp_path / f"petugas.{suffix}", PETUGAS_COLUMNS, rows)
    before = digest(small_warehouse)
    with pytest.raises(BadFile, match=r"lebih dari batas 3 baris \(PANTAU_MAX_ROWS\)"):
        load_files([path], warehouse_path=small_warehouse)
    assert digest(small_warehouse) == before


# --- Values --------------------------------------------------------------------------------------


def load_text(warehouse_path: Path, path: Path, text: str):
    path.write_text(text, encoding="utf-8")
    [result] = load_files([path], warehouse_path=warehouse_path)
    return result


def reasons(warehouse_path: Path, load_id: int | None = None) -> list[tuple]:
    con = duckdb.connect(str(warehouse_path), read_only=True)
    try:
        return con.execute(
            "SELECT baris, kolom, nilai, alasan FROM tolak WHERE id_muat = (SELECT max(id_muat) FROM muat) "
            "ORDER BY baris, kolom"
        ).fetchall()
    finally:
        con.close()


@pytest.mark.parametrize("control", ["\x00", "\t", "\x1b"], ids=["nul", "tab", "escape"])
def test_a_control_character_in_a_code_is_refused_not_made_a_new_officer(small_warehouse, tmp_path, control):
    text = ",".join(PETUGAS_COLUMNS) + f'\n"PPL-1{control}",Andi Kembar,PPL,PML-1,6472\n'
    result = load_text(small_warehouse, tmp_path / "petugas.csv", text)
    assert (result.loaded, result.rejected) == (0, 1)
    [(row, column, value, reason)] = reasons(small_warehouse)
    assert (row, column, value) == (2, "id_petugas", f"PPL-1{control}")
    assert reason.startswith("kode berisi karakter kendali")
    assert query(small_warehouse, "SELECT count(*) FROM petugas WHERE id_petugas LIKE 'PPL-1%'") == [(1,)]


def test_dates_after_the_day_of_the_load_are_refused(small_warehouse, tmp_path):
    header = "id_keluarga,idsubsls,id_petugas,kanal,id_desk,tanggal_didata,tanggal_diperiksa,jumlah_art"
    text = (
        f"{header}\n"
        "K90,6472010001000100,PPL-1,PINTU,,2030-01-01,,3\n"  # a typo for 2022
        "K91,6472010001000100,PPL-1,PINTU,,2022-10-25,2099-10-27,3\n"
        "K92,6472010001000100,PPL-1,PINTU,,2022-10-25,2022-10-27,3\n"
    )
    result = load_text(small_warehouse, tmp_path / "registrasi.csv", text)
    assert (result.loaded, result.rejected) == (1, 2)
    found = reasons(small_warehouse)
    assert [(row, column, value) for row, column, value, _ in found] == [
        (2, "tanggal_didata", "2030-01-01"),
        (3, "tanggal_diperiksa", "2099-10-27"),
    ]
    assert all(reason.startswith("tanggal setelah hari pemuatan (") for *_, reason in found)
    # The dashboard's clock stays where the data are.
    before_2023 = "SELECT max(tanggal_didata) < DATE '2023-01-01' FROM registrasi"
    assert query(small_warehouse, before_2023) == [(True,)]


def test_a_desk_time_after_the_day_of_the_load_is_refused(small_warehouse, tmp_path):
    header = "id_keluarga,idsubsls,id_petugas,kanal,id_desk,tanggal_didata,waktu_datang,jumlah_art"
    text = f"{header}\nK93,6472010001000100,PPL-1,DESK,D1,2022-10-25,2031-10-25 09:00,3\n"
    result = load_text(small_warehouse, tmp_path / "registrasi.csv", text)
    assert result.rejected == 1
    [(_, column, _, reason)] = reasons(small_warehouse)
    assert column == "waktu_datang" and reason.startswith("tanggal setelah hari pemuatan")


OFFICERS_HEADER = ",".join(PETUGAS_COLUMNS)


def test_a_koseka_resent_as_a_ppl_under_his_own_pml_is_refused(small_warehouse, tmp_path):
    # KSK-1 supervises PML-1 (tests/fixtures/kecil/petugas.csv): a PML under a PPL would be no chain.
    text = f"{OFFICERS_HEADER}\nKSK-1,Siti Rahmah,PPL,PML-1,6472\n"
    result = load_text(small_warehouse, tmp_path / "petugas.csv", text)
    assert (result.loaded, result.rejected) == (0, 1)
    [(row, column, value, reason)] = reasons(small_warehouse)
    assert (row, column, value) == (2, "peran", "PPL")
    assert reason == "masih menjadi pengawas 1 PML di gudang data: kirim ulang mereka dengan Koseka lain dulu"
    assert query(small_warehouse, "SELECT peran FROM petugas WHERE id_petugas = 'KSK-1'") == [("KOSEKA",)]


def test_a_ppl_with_assigned_sls_cannot_become_a_pml(small_warehouse, tmp_path):
    text = f"{OFFICERS_HEADER}\nPPL-2,Dewi Lestari,PML,KSK-1,6472\n"  # PPL-2 holds SLS 6472020002000100
    result = load_text(small_warehouse, tmp_path / "petugas.csv", text)
    assert result.rejected == 1
    assert reasons(small_warehouse)[0][3] == "masih ditugaskan 1 SLS: pindahkan penugasannya dulu"


def test_a_chain_that_only_the_whole_warehouse_shows_broken_refuses_the_file(small_warehouse, tmp_path):
    # PML-1 becomes a PPL; its PPLs are re-sent: PPL-2 validly under PML-2, PPL-1 under an unknown PML,
    # so PPL-1's row is rejected and PPL-1 would stay in the warehouse under PML-1, now a PPL.
    text = (
        f"{OFFICERS_HEADER}\n"
        "PML-1,Budi Santoso,PPL,PML-2,6472\n"
        "PPL-1,Andi Saputra,PPL,PML-9,6472\n"
        "PPL-2,Dewi Lestari,PPL,PML-2,6472\n"
    )
    (tmp_path / "petugas.csv").write_text(text)
    before = digest(small_warehouse)
    with pytest.raises(BadFile) as refused:
        load_files([tmp_path / "petugas.csv"], warehouse_path=small_warehouse)
    assert refused.value.reason == (
        "muat ini akan memutus rantai pengawas: PPL PPL-1 di bawah PML-1 (berperan PPL, harus PML)"
    )
    assert digest(small_warehouse) == before


# --- Loads that cannot finish --------------------------------------------------------------------


def large_registrations(path: Path, rows: int) -> Path:
    duckdb.connect().execute(
        f"""COPY (SELECT 'T' || i AS id_keluarga, '6472010001000100' AS idsubsls, 'PPL-1' AS id_petugas,
                   'PINTU' AS kanal, '2022-10-25' AS tanggal_didata, 3 AS jumlah_art
            FROM range({rows}) t(i)) TO '{path}' (HEADER)"""
    )
    return path


def test_a_load_past_its_time_limit_stops_and_changes_nothing(small_warehouse, tmp_path, monkeypatch):
    monkeypatch.setenv("PANTAU_LOAD_SECONDS", "0.3")
    path = large_registrations(tmp_path / "registrasi.csv", 2_000_000)
    before = digest(small_warehouse)
    done = subprocess.run(loader_command(small_warehouse, path), cwd=ROOT, capture_output=True, text=True)
    assert done.returncode == EXIT_INCOMPLETE
    assert done.stderr.strip().splitlines() == [
        "TIDAK SELESAI, tidak ada yang dimuat (saat memproses registrasi.csv): batas waktu muat terlampaui "
        "(0.3 detik, PANTAU_LOAD_SECONDS): pecah berkas menjadi beberapa bagian"
    ]
    assert digest(small_warehouse) == before
    assert [p.name for p in small_warehouse.parent.iterdir() if ".tmp" in p.name] == []


def test_a_workbook_read_past_the_time_limit_stops(small_warehouse, tmp_path):
    rows = [[f"KSK-{number}", "Nama", "KOSEKA", "", "6472"] for number in range(60_000)]
    path = write_xlsx(tmp_path / "petugas.xlsx", PETUGAS_COLUMNS, rows)
    limits = dataclasses.replace(Limits.from_environment(), load_seconds=0.3)
    before = digest(small_warehouse)
    with pytest.raises(TimeLimit) as stopped:
        load_files([path], warehouse_path=small_warehouse, limits=limits)
    assert stopped.value.path == path
    assert digest(small_warehouse) == before


def test_a_load_waits_for_the_lock_only_so_long_and_names_who_holds_it(
    small_warehouse, tmp_path, monkeypatch
):
    monkeypatch.setenv("PANTAU_LOCK_WAIT_SECONDS", "0.5")
    path = write_csv(tmp_path / "petugas.csv", PETUGAS_COLUMNS, [NEW_OFFICER])
    with warehouse._locked(small_warehouse, 1, "ekspor_harian.csv"):
        done = subprocess.run(loader_command(small_warehouse, path), cwd=ROOT, capture_output=True, text=True)
        with pytest.raises(
            LockTimeout, match=r"sedang dimuat oleh proses \d+ sejak .* WITA: ekspor_harian.csv"
        ):
            load_files([path], warehouse_path=small_warehouse)
    assert done.returncode == EXIT_INCOMPLETE
    [line] = done.stderr.strip().splitlines()
    assert line.startswith("TIDAK SELESAI, tidak ada yang dimuat: gudang data sedang dimuat oleh proses ")
    assert line.endswith("ditunggu 0.5 detik (PANTAU_LOCK_WAIT_SECONDS): coba lagi nanti")
    assert "ekspor_harian.csv" in line


def test_a_full_disk_is_a_load_that_could_not_finish(small_warehouse, tmp_path, monkeypatch, capsys):
    def no_space(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(warehouse.shutil, "copyfile", no_space)
    path = write_csv(tmp_path / "petugas.csv", PETUGAS_COLUMNS, [NEW_OFFICER])
    before = digest(small_warehouse)
    with pytest.raises(StorageFailure, match="ruang disk habis"):
        load_files([path], warehouse_path=small_warehouse)
    assert main(["--warehouse", str(small_warehouse), "load", str(path)]) == EXIT_INCOMPLETE
    [line] = capsys.readouterr().err.strip().splitlines()
    assert line.startswith("TIDAK SELESAI, tidak ada yang dimuat: ruang disk habis")
    assert digest(small_warehouse) == before


def test_the_inbox_keeps_its_files_when_the_warehouse_is_held(small_warehouse, tmp_path, monkeypatch):
    monkeypatch.setenv("PANTAU_LOCK_WAIT_SECONDS", "0.2")
    drop = tmp_path / "masuk"
    drop.mkdir()
    write_csv(drop / "petugas.csv", PETUGAS_COLUMNS, [NEW_OFFICER])
    with warehouse._locked(small_warehouse, 1, "muat lain"), pytest.raises(LockTimeout):
        inbox.process(drop, small_warehouse, settle_seconds=0)
    assert [path.name for path in drop.iterdir()] == ["petugas.csv"]  # waits for the next round
    [handled] = inbox.process(drop, small_warehouse, settle_seconds=0)
    assert handled.result.loaded == 1


def test_the_inbox_sets_aside_a_file_that_takes_too_long(small_warehouse, tmp_path, monkeypatch):
    monkeypatch.setenv("PANTAU_LOAD_SECONDS", "0.3")
    drop = tmp_path / "masuk"
    drop.mkdir()
    large_registrations(drop / "registrasi.csv", 2_000_000)
    [handled] = inbox.process(drop, small_warehouse, settle_seconds=0)
    assert handled.result is None and handled.reason.startswith("batas waktu muat terlampaui")
    assert handled.moved_to.parent == drop / "failed"
