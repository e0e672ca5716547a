"""The warehouse exported as Parquet snapshots (data/export.py) answers every question as the DuckDB file
does, and a new export is picked up by readers as a load is."""

import pandas as pd
import pytest

from data import export
from data.loader import load_files
from queries import QUERY_DIR, Warehouse, WarehouseMissing
from tests.helpers import QUESTIONS, REGISTRASI_HEADER, write


def test_every_question_file_is_asked_of_a_snapshot():
    files = sorted(path.stem for path in QUERY_DIR.glob("*.sql") if path.name != "macros.sql")
    assert files == sorted(QUESTIONS), "each queries/*.sql needs an entry in QUESTIONS"


@pytest.mark.parametrize("name", sorted(QUESTIONS))
def test_a_snapshot_answers_as_the_file_does(request, tmp_path, name):
    fixture, params = QUESTIONS[name]
    warehouse = request.getfixturevalue(fixture)
    export.export(warehouse, tmp_path / "snapshots")
    from_file = Warehouse(warehouse).run(name, **params)
    from_parquet = Warehouse(tmp_path / "snapshots").run(name, **params)
    assert len(from_file) > 0
    pd.testing.assert_frame_equal(from_parquet, from_file)


def test_readers_move_to_a_new_export_and_old_snapshots_go(small_warehouse, tmp_path):
    folder = tmp_path / "snapshots"
    export.export(small_warehouse, folder)
    reader = Warehouse(folder)
    before = reader.snapshot()
    assert before.run("info_data").jumlah_keluarga.iloc[0] == 26
    load_files(
        [
            write(
                tmp_path, "baru.csv", REGISTRASI_HEADER + "K27,6411010001000100,PPL-3,PINTU,,2022-11-03,,2\n"
            )
        ],
        warehouse_path=small_warehouse,
    )
    for _ in range(export.KEEP):
        export.export(small_warehouse, folder)
    after = reader.snapshot()
    assert after.version != before.version
    assert after.run("info_data").jumlah_keluarga.iloc[0] == 27
    assert len([path for path in folder.iterdir() if path.is_dir()]) == export.KEEP


def test_no_export_yet_is_a_missing_warehouse(tmp_path):
    (tmp_path / "kosong").mkdir()
    with pytest.raises(WarehouseMissing):
        Warehouse(tmp_path / "kosong").run("info_data")


def test_a_failed_export_leaves_the_current_snapshot(small_warehouse_template, tmp_path, monkeypatch):
    folder = tmp_path / "snapshots"
    first = export.export(small_warehouse_template, folder)

    def broken(con, table, partial):
        raise OSError("disk penuh")

    monkeypatch.setattr(export, "_write", broken)
    with pytest.raises(OSError):
        export.export(small_warehouse_template, folder)
    assert export.current_snapshot(folder) == first
    assert [path.name for path in folder.iterdir() if path.is_dir()] == [first.name]  # no half snapshot


def test_file_names_in_a_snapshot_never_become_sql(small_warehouse_template, tmp_path):
    """A shared folder may be written by others: a file named as a statement is not read, and a CURRENT
    that points outside the snapshots is refused."""
    folder = tmp_path / "snapshots"
    snapshot = export.export(small_warehouse_template, folder)
    hostile = snapshot / "x AS SELECT 1; COPY (SELECT 1) TO 'bocor.txt'; --.parquet"
    hostile.write_bytes((snapshot / "muat.parquet").read_bytes())
    answers = Warehouse(folder).run("data_riwayat")
    assert len(answers) == 6 and not (tmp_path / "bocor.txt").exists() and not list(folder.rglob("bocor.txt"))
    (folder / export.CURRENT).write_text("../../elsewhere\n")
    with pytest.raises(WarehouseMissing):
        Warehouse(folder).run("data_riwayat")
