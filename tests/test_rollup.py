"""The summary tables the pages read (data/rollup.sql) always equal what the family rows say."""

import duckdb

from data.loader import load_files
from tests.helpers import REGISTRASI_HEADER, write

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
