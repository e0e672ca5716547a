"""Reject reasons a person can act on, by known answers on small hand-built files over the small campaign
(tests/fixtures/kecil: families K01–K26, SLS 6472010001000100 assigned to PPL-1, desk D1).

- an SLS code of the wrong form says its length ("15 digit, harus 16"), before any master lookup;
- a date that does not exist (31/02/2022) says so, apart from a date in no known format;
- a family id differing only in case or spaces is the same family, in the file and in the warehouse;
- rows of one file with the same key: all rejected, naming each other, when they disagree; loaded once,
  with a note, when they are the same row given again.
"""

from pathlib import Path

import openpyxl
import pytest

from data.loader import load_files
from data.readers import BadFile
from tests.helpers import REGISTRASI_HEADER, digest, load_content, query, rejects, snapshot

SLS_FORM = "(provinsi 2, kab 2, kec 3, desa 3, SLS 4, sub-SLS 2)"
NO_SUCH_DATE = "tanggal tidak ada: Februari 2022 hanya tanggal 1 sampai 28"
BAD_DATE = "tanggal tidak valid (format YYYY-MM-DD atau DD/MM/YYYY)"
BAD_TIME = "waktu tidak valid (format YYYY-MM-DD HH:MM[:SS] atau DD/MM/YYYY HH:MM)"

WILAYAH_HEADER = "idsubsls,nama_kab,nama_kec,nama_desa,nama_sls,target_keluarga\n"
FULL_REGISTRASI = {
    "id_keluarga": "K70",
    "idsubsls": "6472010001000100",
    "id_petugas": "PPL-1",
    "kanal": "DESK",
    "id_desk": "D1",
    "tanggal_didata": "2022-11-01",
    "tanggal_diperiksa": "2022-11-02",
    "tanggal_diterima": "2022-11-03",
    "tanggal_cek_rumah": "2022-11-04",
    "waktu_datang": "2022-11-01 09:00",
    "waktu_mulai": "2022-11-01 09:10",
    "waktu_selesai": "2022-11-01 09:30",
    "jumlah_art": "3",
}
DESK = {
    "id_desk": "D5",
    "nama_lokasi": "Balai",
    "kode_kab": "6472",
    "jumlah_meja": "1",
    "tanggal_buka": "01/11/2022",
    "tanggal_tutup": "30/11/2022",
}
JADWAL = {
    "kode_wilayah": "6472",
    "tahap": "Tahap uji",
    "tanggal_mulai": "2022-10-15",
    "tanggal_selesai": "2022-11-14",
    "target_persen": "80",
}
# Every date and time column of every kind, with a valid row of its kind.
DATE_COLUMNS = [
    ("desk", DESK, "tanggal_buka"),
    ("desk", DESK, "tanggal_tutup"),
    ("jadwal", JADWAL, "tanggal_mulai"),
    ("jadwal", JADWAL, "tanggal_selesai"),
    *(
        ("registrasi", FULL_REGISTRASI, column)
        for column in FULL_REGISTRASI
        if column.startswith(("tanggal_", "waktu_"))
    ),
]


def csv_of(row: dict[str, str], **changed: str) -> str:
    row = row | changed
    return ",".join(row) + "\n" + ",".join(row.values()) + "\n"


def reasons(warehouse: Path, name: str) -> list[tuple]:
    """(row, column, reason) of a file's rejects."""
    return [(row, column, reason) for row, column, _, reason in rejects(warehouse, name)]


def families(warehouse: Path) -> list[tuple]:
    return query(warehouse, "SELECT * EXCLUDE (id_muat) FROM registrasi ORDER BY id_keluarga")


# --- 1. An SLS code of the wrong form says what is wrong with it -------------------------------------


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        ("647201000100010", f"15 digit, harus 16 {SLS_FORM}"),
        ("64720100010001000", f"17 digit, harus 16 {SLS_FORM}"),
        ("6472-0100-0100-0100", "berisi '-', harus 16 digit angka"),
        ("6472019999000100", "SLS tidak ada di master wilayah"),  # the right form, but unknown
    ],
)
def test_an_sls_code_of_the_wrong_form_says_so_before_the_master(small_warehouse, tmp_path, code, reason):
    registrasi = REGISTRASI_HEADER + f"K80,{code},PPL-1,PINTU,,2022-10-25,,3\n"
    load_content(small_warehouse, tmp_path / "registrasi.csv", registrasi)
    penugasan = f"id_petugas,idsubsls\nPPL-1,{code}\n"
    load_content(small_warehouse, tmp_path / "penugasan.csv", penugasan)
    assert reasons(small_warehouse, "registrasi.csv") == [(2, "idsubsls", reason)]
    assert reasons(small_warehouse, "penugasan.csv") == [(2, "idsubsls", reason)]


@pytest.mark.parametrize(
    ("code", "reason"),
    [
        ("647201000100010", f"15 digit, harus 16 {SLS_FORM}"),
        ("6472 010001000100", "berisi ' ', harus 16 digit angka"),
    ],
)
def test_an_sls_code_of_the_wrong_form_in_the_master(small_warehouse, tmp_path, code, reason):
    text = WILAYAH_HEADER + f"{code},Kota Samarinda,Palaran,Rawa Makmur,RT 009,10\n"
    result = load_content(small_warehouse, tmp_path / "wilayah.csv", text)
    assert result.rejected == 1
    assert reasons(small_warehouse, "wilayah.csv") == [(2, "idsubsls", reason)]


# --- 2. A date that does not exist is not a format problem -------------------------------------------


@pytest.mark.parametrize(("kind", "row", "column"), DATE_COLUMNS)
def test_a_date_that_does_not_exist_in_any_date_column(small_warehouse, tmp_path, kind, row, column):
    time = " 09:00" if column.startswith("waktu_") else ""
    no_such_day = load_content(
        small_warehouse, tmp_path / f"{kind}_1.csv", csv_of(row, **{column: "31/02/2022" + time})
    )
    wrong_format = load_content(
        small_warehouse, tmp_path / f"{kind}_2.csv", csv_of(row, **{column: "31 Feb 2022" + time})
    )
    assert (no_such_day.rejected, wrong_format.rejected) == (1, 1)
    assert reasons(small_warehouse, f"{kind}_1.csv") == [(2, column, NO_SUCH_DATE)]
    assert reasons(small_warehouse, f"{kind}_2.csv") == [(2, column, BAD_TIME if time else BAD_DATE)]


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("2022-13-01", "tanggal tidak ada: bulan 13 (bulan 1 sampai 12; urutan YYYY-MM-DD atau DD/MM/YYYY)"),
        ("10/25/2022", "tanggal tidak ada: bulan 25 (bulan 1 sampai 12; urutan YYYY-MM-DD atau DD/MM/YYYY)"),
        ("0/11/2022", "tanggal tidak ada: November 2022 hanya tanggal 1 sampai 30"),
        ("2022-11-31", "tanggal tidak ada: November 2022 hanya tanggal 1 sampai 30"),
        ("29-02-2023", "tanggal tidak ada: Februari 2023 hanya tanggal 1 sampai 28"),
        ("kemarin", BAD_DATE),
    ],
)
def test_which_part_of_a_date_does_not_exist(small_warehouse, tmp_path, value, reason):
    load_content(small_warehouse, tmp_path / "desk.csv", csv_of(DESK, tanggal_buka=value))
    assert reasons(small_warehouse, "desk.csv") == [(2, "tanggal_buka", reason)]


def test_a_leap_day_exists(small_warehouse, tmp_path):
    result = load_content(small_warehouse, tmp_path / "desk.csv", csv_of(DESK, tanggal_buka="29/02/2020"))
    assert (result.loaded, result.rejected) == (1, 0)
    assert query(small_warehouse, "SELECT tanggal_buka::VARCHAR FROM desk WHERE id_desk = 'D5'") == [
        ("2020-02-29",)
    ]


@pytest.mark.parametrize(
    ("value", "reason"),
    [
        ("2022-11-01 24:00", "jam tidak ada: 24:00 (00:00 sampai 23:59)"),
        ("01/11/2022 09:75", "jam tidak ada: 09:75 (00:00 sampai 23:59)"),
        ("2022-11-01 09:10:60", "jam tidak ada: 09:10:60 (00:00 sampai 23:59)"),
        ("2022-11-01 jam 9", BAD_TIME),
    ],
)
def test_a_time_of_day_that_does_not_exist(small_warehouse, tmp_path, value, reason):
    load_content(small_warehouse, tmp_path / "registrasi.csv", csv_of(FULL_REGISTRASI, waktu_selesai=value))
    assert reasons(small_warehouse, "registrasi.csv") == [(2, "waktu_selesai", reason)]


# --- 3. A family id in any case or spacing is one family ----------------------------------------------


def test_a_family_id_in_another_case_or_spacing_replaces_the_warehouse_row(small_warehouse, tmp_path):
    before = len(families(small_warehouse))
    text = REGISTRASI_HEADER + '" k 0 1 ",6472010001000100,PPL-1,PINTU,,2022-10-15,2022-10-18,4\n'
    result = load_content(small_warehouse, tmp_path / "registrasi.csv", text)
    assert (result.loaded, result.replaced, result.rejected) == (0, 1, 0)
    assert len(families(small_warehouse)) == before
    assert query(
        small_warehouse, "SELECT tanggal_diperiksa::VARCHAR FROM registrasi WHERE id_keluarga = 'K01'"
    ) == [("2022-10-18",)]


def test_a_family_id_in_another_case_in_one_file_is_one_family(small_warehouse, tmp_path):
    text = REGISTRASI_HEADER + (
        "K81,6472010001000100,PPL-1,PINTU,,2022-10-25,,3\n"
        "k81 ,6472010001000100,PPL-1,PINTU,,25/10/2022,,3\n"  # the same family, its date written otherwise
    )
    result = load_content(small_warehouse, tmp_path / "registrasi.csv", text)
    assert (result.read, result.loaded, result.replaced, result.rejected) == (2, 1, 1, 0)
    assert query(small_warehouse, "SELECT id_keluarga FROM registrasi WHERE upper(id_keluarga) = 'K81'") == [
        ("K81",)
    ]


def test_a_withdrawal_names_the_family_in_any_case(small_warehouse, tmp_path):
    result = load_content(small_warehouse, tmp_path / "pembatalan.csv", "id_keluarga,alasan\n k01,pindah\n")
    assert (result.loaded, result.rejected) == (1, 0)
    assert query(small_warehouse, "SELECT id_keluarga FROM pembatalan") == [("K01",)]


# --- 4. Rows of one file with the same key -------------------------------------------------------------


def test_rows_of_one_family_that_disagree_are_all_rejected(small_warehouse, tmp_path):
    before = families(small_warehouse)
    text = REGISTRASI_HEADER + (
        "K82,6472010001000100,PPL-1,PINTU,,2022-10-25,,3\n"  # row 2: new, valid alone
        "K01,6472010001000100,PPL-1,PINTU,,2022-10-15,,4\n"  # 3: K01, in the warehouse
        "K83,6472010001000100,PPL-1,PINTU,,2022-10-25,,3\n"  # 4: good
        "K01,6472010001000100,PPL-2,PINTU,,2022-10-15,,5\n"  # 5: K01 again, another officer and size
        "K82,6472010001000100,PPL-1,PINTU,,2022-10-26,,3\n"  # 6: K82 again, another date
        "k01,6472010001000100,PPL-1,PINTU,,2022-10-15,,4\n"  # 7: as row 3, but row 5 differs
    )
    result = load_content(small_warehouse, tmp_path / "registrasi.csv", text)
    assert (result.read, result.loaded, result.replaced, result.rejected) == (6, 1, 0, 5)
    k01 = "baris 3, 5 dan 7 berbeda untuk keluarga yang sama (id_petugas, jumlah_art)"
    k82 = "baris 2 dan 6 berbeda untuk keluarga yang sama (tanggal_didata)"
    assert rejects(small_warehouse, "registrasi.csv") == [
        (2, "id_keluarga", "K82", k82),
        (3, "id_keluarga", "K01", k01),
        (5, "id_keluarga", "K01", k01),
        (6, "id_keluarga", "K82", k82),
        (7, "id_keluarga", "k01", k01),
    ]
    # Nothing says which is right: K01 stays as it was, K82 is not loaded.
    after = families(small_warehouse)
    assert [row for row in after if row[0] != "K83"] == before
    # Each rejected row is kept whole, to be fixed and sent again.
    assert query(
        small_warehouse,
        "SELECT isi->>'tanggal_didata' FROM tolak WHERE berkas LIKE '%registrasi.csv' AND baris = 6",
    ) == [("2022-10-26",)]


def test_a_row_given_again_exactly_loads_once_with_a_note(small_warehouse, tmp_path):
    row = "K84,6472010001000100,PPL-1,PINTU,,2022-10-25,,3\n"
    text = REGISTRASI_HEADER + row + "K85,6472010001000100,PPL-1,PINTU,,2022-10-25,,2\n" + row + row
    result = load_content(small_warehouse, tmp_path / "registrasi.csv", text)
    assert (result.read, result.loaded, result.replaced, result.rejected) == (4, 2, 2, 0)
    assert result.notes == [("kembar", {"n": 2, "baris": "4 dan 5"})]
    assert (
        "  catatan: 2 baris mengulang baris sebelumnya dengan isi sama persis: dimuat sekali (baris 4 dan 5)"
        in (result.lines())
    )
    assert query(small_warehouse, "SELECT count(*) FROM registrasi WHERE id_keluarga = 'K84'") == [(1,)]


def test_a_bad_row_given_again_is_rejected_each_time_for_its_own_reason(small_warehouse, tmp_path):
    row = "K86,6472010001000100,PPL-9,PINTU,,2022-10-25,,3\n"
    result = load_content(small_warehouse, tmp_path / "registrasi.csv", REGISTRASI_HEADER + row + row)
    assert (result.read, result.loaded, result.replaced, result.rejected) == (2, 0, 0, 2)
    assert result.notes == []
    assert reasons(small_warehouse, "registrasi.csv") == [
        (2, "id_petugas", "petugas tidak terdaftar"),
        (3, "id_petugas", "petugas tidak terdaftar"),
    ]


# Each kind with a key: a header, a row, the same key with another value, and the key's column and noun.
EVERY_KIND = [
    (
        "wilayah",
        WILAYAH_HEADER,
        "6472010001000300,Kota Samarinda,Palaran,Rawa Makmur,RT 003,10",
        "6472010001000300,Kota Samarinda,Palaran,Rawa Makmur,RT 003,12",
        "idsubsls",
        "SLS yang sama (target_keluarga)",
    ),
    (
        "petugas",
        "id_petugas,nama,peran,id_pengawas,kode_kab\n",
        "PPL-20,Rina,PPL,PML-1,6472",
        "PPL-20,Rina Wati,PPL,PML-1,6472",
        "id_petugas",
        "petugas yang sama (nama)",
    ),
    (
        "desk",
        ",".join(DESK) + "\n",
        "D5,Balai,6472,1,01/11/2022,30/11/2022",
        "D5,Balai,6472,2,01/11/2022,",
        "id_desk",
        "desk yang sama (jumlah_meja, tanggal_tutup)",
    ),
    (
        "jadwal",
        ",".join(JADWAL) + "\n",
        "6472,Tahap uji,2022-10-15,2022-11-14,80",
        "6472,Tahap uji,2022-10-15,2022-11-14,85",
        "tahap",
        "wilayah dan tahap yang sama (target_persen)",
    ),
    (
        "penugasan",
        "id_petugas,idsubsls\n",
        "PPL-1,6472010001000200",
        "PPL-2,6472010001000200",
        "idsubsls",
        "SLS yang sama (id_petugas)",
    ),
    (
        "pembatalan",
        "id_keluarga,alasan\n",
        "K02,pindah",
        "K02,terdaftar ganda",
        "id_keluarga",
        "keluarga yang sama (alasan)",
    ),
]


@pytest.mark.parametrize(("kind", "header", "row", "other", "column", "said"), EVERY_KIND)
def test_every_kind_rejects_rows_that_disagree(
    small_warehouse, tmp_path, kind, header, row, other, column, said
):
    before = snapshot(small_warehouse)
    result = load_content(small_warehouse, tmp_path / f"{kind}.csv", header + row + "\n" + other + "\n")
    assert (result.read, result.loaded, result.replaced, result.rejected) == (2, 0, 0, 2)
    reason = f"baris 2 dan 3 berbeda untuk {said}"
    assert reasons(small_warehouse, f"{kind}.csv") == [(2, column, reason), (3, column, reason)]
    after = snapshot(small_warehouse)
    assert all(after[table] == before[table] for table in before if table not in ("muat", "tolak"))


@pytest.mark.parametrize(("kind", "header", "row", "other", "column", "said"), EVERY_KIND)
def test_every_kind_loads_a_repeated_row_once(
    small_warehouse, tmp_path, kind, header, row, other, column, said
):
    result = load_content(small_warehouse, tmp_path / f"{kind}.csv", header + row + "\n" + row + "\n")
    assert (result.read, result.rejected, result.loaded + result.replaced) == (2, 0, 2)
    assert result.notes == [("kembar", {"n": 1, "baris": "3"})]
    key = dict(zip(header.strip().split(","), row.split(","), strict=True))[column]
    assert query(small_warehouse, f"SELECT count(*) FROM {kind} WHERE {column} = ?", [key]) == [(1,)]


def test_an_officer_given_twice_differently_vouches_for_no_one(small_warehouse, tmp_path):
    text = "id_petugas,nama,peran,id_pengawas,kode_kab\n" + (
        "PML-20,Rudi,PML,KSK-1,6472\nPPL-21,Ani,PPL,PML-20,6472\nPML-20,Rudi Hartono,PML,KSK-1,6472\n"
    )
    result = load_content(small_warehouse, tmp_path / "petugas.csv", text)
    assert (result.loaded, result.rejected) == (0, 3)
    differ = "baris 2 dan 4 berbeda untuk petugas yang sama (nama)"
    assert reasons(small_warehouse, "petugas.csv") == [
        (2, "id_petugas", differ),
        (3, "id_pengawas", "pengawas tidak terdaftar sebagai PML"),
        (4, "id_petugas", differ),
    ]


def test_rows_are_named_as_the_sheet_numbers_them(small_warehouse, tmp_path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Ekspor registrasi, 3 November 2022"])
    sheet.append([])
    sheet.append(REGISTRASI_HEADER.strip().split(","))
    sheet.append(["K87", "6472010001000100", "PPL-1", "PINTU", None, "2022-10-25", None, 3])
    sheet.append(["K87", "6472010001000100", "PPL-1", "PINTU", None, "2022-10-25", None, 4])
    workbook.save(tmp_path / "registrasi.xlsx")
    [result] = load_files([tmp_path / "registrasi.xlsx"], warehouse_path=small_warehouse)
    assert result.rejected == 2
    reason = "baris 4 dan 5 berbeda untuk keluarga yang sama (jumlah_art)"
    assert reasons(small_warehouse, "registrasi.xlsx") == [
        (4, "id_keluarga", reason),
        (5, "id_keluarga", reason),
    ]


def test_many_rows_of_one_key_are_named_in_short(small_warehouse, tmp_path):
    rows = "".join(f"K88,6472010001000100,PPL-1,PINTU,,2022-10-25,,{size}\n" for size in range(1, 9))
    load_content(small_warehouse, tmp_path / "registrasi.csv", REGISTRASI_HEADER + rows)
    reason = "baris 2, 3, 4, 5, 6 dan 3 baris lain berbeda untuk keluarga yang sama (jumlah_art)"
    assert {reason for _, _, reason in reasons(small_warehouse, "registrasi.csv")} == {reason}


def test_a_bad_file_beside_rows_that_disagree_loads_nothing(small_warehouse, tmp_path):
    before = digest(small_warehouse)
    text = REGISTRASI_HEADER + "K01,6472010001000100,PPL-1,PINTU,,2022-10-15,,4\n"
    text += "K01,6472010001000100,PPL-1,PINTU,,2022-10-15,,5\n"
    disagreeing = tmp_path / "registrasi.csv"
    disagreeing.write_text(text)
    bad = tmp_path / "kosong.csv"
    bad.write_text("")
    with pytest.raises(BadFile, match="berkas kosong"):
        load_files([disagreeing, bad], warehouse_path=small_warehouse)
    assert digest(small_warehouse) == before
