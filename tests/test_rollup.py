"""The summary tables the pages read (data/rollup.sql) always equal what the family rows say."""

import duckdb
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from data import warehouse
from data.loader import load_files
from tests.helpers import REGISTRASI_HEADER, query, throwaway_warehouse, write

PER_DAY_FROM_FAMILIES = """
    SELECT kode_kab, idsubsls, id_petugas, tanggal_didata, count(*) AS keluarga
    FROM registrasi GROUP BY ALL ORDER BY ALL
"""
PER_DAY_FROM_ROLLUP = """
    SELECT kode_kab, idsubsls, id_petugas, tanggal_didata, keluarga FROM registrasi_harian ORDER BY ALL
"""
STEPS_FROM_FAMILIES = """
    SELECT kode_kab, kanal, tanggal_didata, tanggal_diperiksa, tanggal_diterima, count(*) AS keluarga
    FROM registrasi GROUP BY ALL ORDER BY ALL
"""
STEPS_FROM_ROLLUP = "SELECT * FROM registrasi_alur ORDER BY ALL"
# Each summary table against the same figures counted from the family rows.
SMALL_ROLLUPS = {
    "SELECT * FROM sls_mulai ORDER BY ALL": (
        "SELECT idsubsls, min(tanggal_didata) FROM registrasi GROUP BY ALL ORDER BY ALL"
    ),
    "SELECT * FROM petugas_hari_sibuk ORDER BY ALL": (
        "SELECT id_petugas, tanggal_didata, count(*) FROM registrasi GROUP BY ALL HAVING count(*) > 40 "
        "ORDER BY ALL"
    ),
}


def tables(warehouse) -> tuple[list, list, list]:
    """Families per day from the family rows and from the rollup, and the data's span; the rollup of
    the form's steps is checked against the family rows on the way."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        assert con.execute(STEPS_FROM_ROLLUP).fetchall() == con.execute(STEPS_FROM_FAMILIES).fetchall()
        for rollup, families in SMALL_ROLLUPS.items():
            assert con.execute(rollup).fetchall() == con.execute(families).fetchall()
        return (
            con.execute(PER_DAY_FROM_FAMILIES).fetchall(),
            con.execute(PER_DAY_FROM_ROLLUP).fetchall(),
            con.execute("SELECT * FROM registrasi_rentang").fetchall(),
        )
    finally:
        con.close()


def days(rows: list) -> list[tuple]:
    return [(*row[:3], str(row[3]), row[4]) for row in rows]


def test_rollup_of_the_small_campaign(small_warehouse_template):
    from_families, from_rollup, [span] = tables(small_warehouse_template)
    assert from_rollup == from_families
    # fixtures/kecil/registrasi.csv, 26 families: SLS 6472010001000100 on 5 days (15, 17, 20, 24 Oct,
    # 2 Nov), ...0200 on 2 (18, 22 Oct), 6472020002000100 on 2 (16 Oct: 5 families; 19 Oct: 5),
    # 6411010001000100 on 3 (21, 23, 25 Oct). First family 15 Oct; the latest step of any form is the
    # family enumerated on 2 Nov (no check, receipt or house check comes later).
    assert len(from_rollup) == 12 and sum(row[-1] for row in from_rollup) == 26
    assert ("6472", "6472020002000100", "PPL-2", "2022-10-16", 5) in days(from_rollup)
    assert (str(span[0]), str(span[1]), span[2]) == ("2022-10-15", "2022-11-02", 26)


def test_rollup_follows_a_later_export_that_moves_a_family(small_warehouse, tmp_path):
    later = write(
        tmp_path,
        "registrasi_pindah.csv",
        REGISTRASI_HEADER
        + "K24,6411010001000100,PPL-3,PINTU,,2022-11-05,,5\n"  # re-dated: leaves its old day
        + "K27,6411010001000100,PPL-3,PINTU,,2022-11-05,,2\n",  # a new family, same day
    )
    load_files([later], warehouse_path=small_warehouse)
    from_families, from_rollup, [span] = tables(small_warehouse)
    assert from_rollup == from_families
    assert [day for day in days(from_rollup) if day[0] == "6411"] == [
        ("6411", "6411010001000100", "PPL-3", "2022-10-23", 1),
        ("6411", "6411010001000100", "PPL-3", "2022-10-25", 1),
        ("6411", "6411010001000100", "PPL-3", "2022-11-05", 2),
    ]
    assert (str(span[1]), span[2]) == ("2022-11-05", 27)


# --- A load changes the summary tables by what it brings ----------------------------------------------

SUMMARY_ORDERED = {table: f"SELECT * FROM {table} ORDER BY ALL" for table in sorted(warehouse.SUMMARY_TABLES)}


def summaries(con: duckdb.DuckDBPyConnection) -> dict[str, list]:
    return {table: con.execute(sql).fetchall() for table, sql in SUMMARY_ORDERED.items()}


def updated_and_rebuilt(path) -> tuple[dict, dict]:
    """The summary tables as the loads left them, and as a rebuild from the family rows makes them."""
    with duckdb.connect(str(path), read_only=True) as con:
        updated = summaries(con)
    with duckdb.connect() as con:  # a rebuild in memory: the file stays as the loads left it
        con.execute("ATTACH ? AS gudang (READ_ONLY)", [str(path)])
        con.execute("ATTACH ':memory:' AS ulang")
        con.execute("USE ulang")
        for table in ("registrasi", "wilayah", "petugas", "desk", "jadwal", "muat"):
            con.execute(f"CREATE TABLE {table} AS SELECT * FROM gudang.{table}")
        warehouse.rebuild_summaries(con)
        rebuilt = summaries(con)
    return updated, rebuilt


def test_a_registrations_load_updates_without_a_rebuild(small_warehouse, tmp_path, monkeypatch):
    def refuse(con):
        raise AssertionError("a load of registrations rebuilt the summary tables whole")

    monkeypatch.setattr(warehouse, "rebuild_summaries", refuse)
    later = write(
        tmp_path,
        "registrasi_hari_ini.csv",
        REGISTRASI_HEADER
        + "K24,6411010001000100,PPL-3,PINTU,,2022-11-05,,5\n"  # moved to a later day
        + "K01,6472010001000200,PPL-1,PINTU,,2022-10-18,,4\n"  # moved to another SLS
        + "K30,6472020002000100,PPL-2,DESK,D1,2022-11-01,2022-11-02,3\n",  # new, at a desk
    )
    load_files([later], warehouse_path=small_warehouse)
    withdrawn = write(tmp_path, "pembatalan.csv", "id_keluarga,alasan\nK02,ganda\nK30,salah input\n")
    load_files([withdrawn], warehouse_path=small_warehouse)
    monkeypatch.undo()
    updated, rebuilt = updated_and_rebuilt(small_warehouse)
    assert updated == rebuilt
    from_families, from_rollup, [span] = tables(small_warehouse)
    assert from_rollup == from_families and span[2] == 25  # 26 + K30 - K02 - K30


def test_a_load_of_targets_rebuilds_them_whole(small_warehouse, tmp_path, monkeypatch):
    """A new target changes which families count in every SLS it names: the load rebuilds."""
    rebuilt_by_load = []
    rebuild = warehouse.rebuild_summaries
    monkeypatch.setattr(warehouse, "rebuild_summaries", lambda con: rebuilt_by_load.append(rebuild(con)))
    targets = write(
        tmp_path,
        "wilayah.csv",
        "idsubsls,nama_kab,nama_kec,nama_desa,nama_sls,target_keluarga\n"
        "6472010001000100,Kota Samarinda,Palaran,Rawa Makmur,RT 001,3\n",
    )
    load_files([targets], warehouse_path=small_warehouse)
    assert len(rebuilt_by_load) == 1
    updated, rebuilt = updated_and_rebuilt(small_warehouse)
    assert updated == rebuilt
    counted = query(
        small_warehouse,
        "SELECT sum(keluarga_terhitung) FROM registrasi_harian WHERE idsubsls = '6472010001000100'",
    )
    assert counted == [(3,)]


def test_a_count_gone_below_zero_fails_the_load_and_changes_nothing(small_warehouse, tmp_path):
    """A summary row missing (as if a change had gone unrecorded) is found, not carried forward."""
    with duckdb.connect(str(small_warehouse)) as con:
        con.execute("DELETE FROM registrasi_harian WHERE idsubsls = '6411010001000100'")
    before = small_warehouse.read_bytes()
    withdrawn = write(tmp_path, "pembatalan.csv", "id_keluarga,alasan\nK24,ganda\n")
    with pytest.raises(duckdb.Error, match="ringkasan tidak cocok: keluarga SLS 6411010001000100"):
        load_files([withdrawn], warehouse_path=small_warehouse)
    assert small_warehouse.read_bytes() == before


# Loads a day of an office may bring: new families, families moved (day, SLS, officer, channel),
# withdrawals, families withdrawn and registered again, two files of one load naming the same family.
FAMILIES = [f"K{number:02d}" for number in range(1, 27)] + ["N1", "N2", "N3"]
PLACES = [
    ("6472010001000100", "PPL-1"),
    ("6472010001000200", "PPL-1"),
    ("6472020002000100", "PPL-2"),
    ("6411010001000100", "PPL-3"),
]
registration = st.tuples(
    st.sampled_from(FAMILIES),
    st.sampled_from(PLACES),
    st.sampled_from([("PINTU", ""), ("DESK", "D1")]),
    st.sampled_from(["2022-10-14", "2022-10-16", "2022-10-21", "2022-11-05", "2030-01-01"]),
    st.sampled_from(["", "2022-11-06"]),
)
a_file = st.one_of(
    st.tuples(st.just("registrasi"), st.lists(registration, max_size=8)),
    st.tuples(st.just("pembatalan"), st.lists(st.sampled_from(FAMILIES), max_size=4)),
)
loads = st.lists(st.lists(a_file, min_size=1, max_size=2), min_size=1, max_size=3)


def file_text(kind: str, rows: list) -> str:
    if kind == "pembatalan":
        return "id_keluarga,alasan\n" + "".join(f"{family},ganda\n" for family in rows)
    return REGISTRASI_HEADER + "".join(
        f"{family},{sls},{officer},{channel},{desk},{day},{checked},2\n"
        for family, (sls, officer), (channel, desk), day, checked in rows
    )


@settings(max_examples=20, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(batches=loads)
def test_summary_tables_after_any_loads_equal_a_rebuild(small_warehouse_template, tmp_path_factory, batches):
    folder = tmp_path_factory.mktemp("muat")
    path = throwaway_warehouse(small_warehouse_template, folder)
    for number, batch in enumerate(batches):
        files = [
            write(folder, f"{number}_{index}_{kind}.csv", file_text(kind, rows))
            for index, (kind, rows) in enumerate(batch)
        ]
        load_files(files, warehouse_path=path)
        updated, rebuilt = updated_and_rebuilt(path)
        assert updated == rebuilt
    from_families, from_rollup, _ = tables(path)
    assert from_rollup == from_families
