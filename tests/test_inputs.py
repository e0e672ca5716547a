"""The files offices really send: one test per kind of real-world input, on the small campaign.

Each test loads one such file and checks, by hand-known answers, what was loaded and what was set aside
with which message; a file that cannot be read at all must say why and load nothing.
"""

import datetime as dt
from pathlib import Path

import openpyxl
import pytest

from data import readers
from data.loader import load_files
from data.readers import BadFile
from tests.helpers import REGISTRASI_HEADER, TABLES, load_content, query, rejects, snapshot

DESK_HEADER = "id_desk,nama_lokasi,kode_kab,jumlah_meja,tanggal_buka,tanggal_tutup"
PETUGAS_HEADER = "id_petugas,nama,peran,id_pengawas,kode_kab"


def desk_rows(warehouse: Path, *ids: str) -> list[tuple]:
    return query(
        warehouse,
        "SELECT id_desk, nama_lokasi, kode_kab, jumlah_meja, tanggal_buka, tanggal_tutup FROM desk "
        "WHERE id_desk IN (SELECT unnest(?)) ORDER BY id_desk",
        [list(ids)],
    )


def test_utf8_with_byte_order_mark(small_warehouse, tmp_path):
    text = f"{DESK_HEADER}\nD7,Kantor Camat Palaran,6472,1,2022-11-01,\n"
    result = load_content(small_warehouse, tmp_path / "desk_bom.csv", b"\xef\xbb\xbf" + text.encode())
    assert (result.kind, result.loaded) == ("desk", 1)
    assert desk_rows(small_warehouse, "D7")[0][:2] == ("D7", "Kantor Camat Palaran")


def test_windows_1252_text_is_read_as_such(small_warehouse, tmp_path):
    # Excel on Windows saves "CSV" in Windows-1252: curly quotes are 0x93/0x94, é is 0xE9.
    text = f"{DESK_HEADER}\nD7;Aula “Pemuda” Café;6472;1;01/11/2022;\n".replace(",", ";")
    result = load_content(small_warehouse, tmp_path / "desk_1252.csv", text.encode("cp1252"))
    assert result.loaded == 1
    assert desk_rows(small_warehouse, "D7")[0][1] == "Aula “Pemuda” Café"


def test_utf16_unicode_text_from_excel(small_warehouse, tmp_path):
    text = f"{DESK_HEADER}\nD7\tBalai Kota\t6472\t1\t2022-11-01\t\n".replace(",", "\t")
    result = load_content(small_warehouse, tmp_path / "desk_utf16.txt", text.encode("utf-16"))
    assert result.loaded == 1
    assert desk_rows(small_warehouse, "D7")[0][1] == "Balai Kota"


def test_text_in_no_known_encoding_is_a_bad_file(small_warehouse, tmp_path):
    before = snapshot(small_warehouse)
    # 0x81 is undefined in Windows-1252, and 0xFF 0x81 is no UTF-8.
    content = f"{DESK_HEADER}\nD7,Balai ".encode() + b"\xff\x81" + b",6472,1,2022-11-01,\n"
    with pytest.raises(BadFile, match=r"bukan teks UTF-8 maupun Windows-1252 \(byte 0x81"):
        load_content(small_warehouse, tmp_path / "desk_rusak.csv", content)
    assert snapshot(small_warehouse) == before


@pytest.mark.parametrize("delimiter", [",", ";", "\t"])
def test_each_delimiter(small_warehouse, tmp_path, delimiter):
    rows = [DESK_HEADER.split(","), ["D7", "Kantor Lurah, Rawa Makmur", "6472", "2", "2022-11-01", ""]]
    text = "\n".join(delimiter.join(f'"{v}"' if delimiter in v else v for v in row) for row in rows) + "\n"
    result = load_content(small_warehouse, tmp_path / "desk.csv", text.encode())
    assert (result.loaded, result.rejected) == (1, 0)
    assert desk_rows(small_warehouse, "D7")[0][1] == "Kantor Lurah, Rawa Makmur"


def test_quoted_field_with_newline_keeps_the_newline(small_warehouse, tmp_path):
    text = f'{DESK_HEADER}\nD7,"Gedung Serbaguna\nLantai 2",6472,1,2022-11-01,\nD8,Balai,6472,1,2022-11-01,\n'
    result = load_content(small_warehouse, tmp_path / "desk.csv", text.encode())
    assert result.loaded == 2
    assert desk_rows(small_warehouse, "D7")[0][1] == "Gedung Serbaguna\nLantai 2"


def test_excel_serial_dates_and_day_month_year(small_warehouse, tmp_path):
    # 44866 is 1 Nov 2022 in Excel's day count (30 Dec 1899 = 0); 44926.5 is noon on 31 Dec 2022.
    text = (
        f"{DESK_HEADER}\nD7,Balai,6472,1,44866,44926\nD8,Aula,6472,1,1/11/2022,30/11/2022\n"
        "D9,Gedung,6472,1,01-11-2022,2022-11-30\n"
    )
    result = load_content(small_warehouse, tmp_path / "desk.csv", text.encode())
    assert (result.loaded, result.rejected) == (3, 0)
    dates = [row[4:] for row in desk_rows(small_warehouse, "D7", "D8", "D9")]
    assert dates == [
        (dt.date(2022, 11, 1), dt.date(2022, 12, 31)),
        (dt.date(2022, 11, 1), dt.date(2022, 11, 30)),
        (dt.date(2022, 11, 1), dt.date(2022, 11, 30)),
    ]


def test_excel_serial_times(small_warehouse, tmp_path):
    header = (
        "id_keluarga,idsubsls,id_petugas,kanal,id_desk,tanggal_didata,waktu_datang,waktu_mulai,jumlah_art\n"
    )
    # 44866.375 = 1 Nov 2022 09:00; 44866.3958333 ≈ 09:30 (to the second).
    text = header + "K90,6472010001000100,PPL-1,DESK,D1,44866,44866.375,44866.3958333,3\n"
    result = load_content(small_warehouse, tmp_path / "registrasi.csv", text.encode())
    assert result.loaded == 1
    [(came, started)] = query(
        small_warehouse, "SELECT waktu_datang, waktu_mulai FROM registrasi WHERE id_keluarga = 'K90'"
    )
    assert (came, started) == (dt.datetime(2022, 11, 1, 9, 0), dt.datetime(2022, 11, 1, 9, 30))


@pytest.mark.parametrize("shown", ["6,47201E+15", "6.47201E+15", "6,47201E15"])
def test_code_turned_into_scientific_notation_is_rejected_with_what_happened(
    small_warehouse, tmp_path, shown
):
    text = REGISTRASI_HEADER + f'K91,"{shown}",PPL-1,PINTU,,2022-10-25,,3\n'
    result = load_content(small_warehouse, tmp_path / "registrasi.csv", text.encode())
    assert result.rejected == 1
    [(row, column, value, reason)] = rejects(small_warehouse, "registrasi.csv")
    assert (row, column, value) == (2, "idsubsls", shown)
    assert "notasi ilmiah" in reason and "format kolom sebagai Teks" in reason


def test_code_whose_last_digit_excel_zeroed_is_rejected_with_what_happened(small_warehouse, tmp_path):
    wilayah = "idsubsls,nama_kab,nama_kec,nama_desa,nama_sls,target_keluarga\n"
    wilayah += "6472010001000301,Kota Samarinda,Palaran,Rawa Makmur,RT 003 bagian 1,5\n"
    load_content(small_warehouse, tmp_path / "wilayah.csv", wilayah.encode())
    # 6472010001000301 through a number column: 6.47201000100030E+15, written back as ...0300.
    text = REGISTRASI_HEADER + "K92,6472010001000300,PPL-1,PINTU,,2022-10-25,,3\n"
    text += "K93,6472019999000100,PPL-1,PINTU,,2022-10-25,,3\n"
    result = load_content(small_warehouse, tmp_path / "registrasi.csv", text.encode())
    assert result.rejected == 2
    zeroed, unknown = rejects(small_warehouse, "registrasi.csv")
    assert zeroed[:3] == (2, "idsubsls", "6472010001000300")
    assert "dibulatkan Excel ke 15 digit" in zeroed[3]
    assert unknown[1:] == ("idsubsls", "6472019999000100", "SLS tidak ada di master wilayah")


def test_sixteen_digit_number_cell_in_a_workbook_is_rejected(small_warehouse, tmp_path):
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(REGISTRASI_HEADER.strip().split(","))
    sheet.append(["K94", 6472010001000100, "PPL-1", "PINTU", None, "2022-10-25", None, 3])
    sheet.append(["K95", "6472010001000100", "PPL-1", "PINTU", None, "2022-10-25", None, 3])
    workbook.save(tmp_path / "registrasi.xlsx")
    [result] = load_files([tmp_path / "registrasi.xlsx"], warehouse_path=small_warehouse)
    assert (result.loaded, result.rejected) == (1, 1)
    [(row, column, value, reason)] = rejects(small_warehouse, "registrasi.xlsx")
    assert (row, column, value) == (2, "idsubsls", "6.47201000100010E+15")
    assert "notasi ilmiah" in reason


def test_codes_that_gained_a_decimal_zero_load_without_it(small_warehouse, tmp_path):
    text = REGISTRASI_HEADER + "K96,6472010001000100.0,PPL-1,PINTU,,2022-10-25,,3.0\n"
    desk = f"{DESK_HEADER}\nD7,Balai,6472.0,1,2022-11-01,\n"
    result = load_content(small_warehouse, tmp_path / "registrasi.csv", text.encode())
    assert (result.loaded, result.rejected) == (0, 1)  # a family size of 3.0 is no whole number as written
    assert rejects(small_warehouse, "registrasi.csv")[0][1] == "jumlah_art"
    text = text.replace(",3.0", ",3")
    result = load_content(small_warehouse, tmp_path / "registrasi2.csv", text.encode())
    assert result.loaded == 1
    assert query(small_warehouse, "SELECT idsubsls, kode_kab FROM registrasi WHERE id_keluarga = 'K96'") == [
        ("6472010001000100", "6472")
    ]
    load_content(small_warehouse, tmp_path / "desk.csv", desk.encode())
    assert desk_rows(small_warehouse, "D7")[0][2] == "6472"


def test_stray_spaces_and_mixed_case_in_enumerations(small_warehouse, tmp_path):
    text = PETUGAS_HEADER + "\n PPL-9 , Rina ,  ppl , PML-1 , 6472 \nPML-9,Yusuf, Pml,KSK-1,6472\n"
    result = load_content(small_warehouse, tmp_path / "petugas.csv", text.encode())
    assert (result.loaded, result.rejected) == (2, 0)
    rows = query(
        small_warehouse,
        "SELECT id_petugas, nama, peran, id_pengawas FROM petugas WHERE id_petugas LIKE '%-9'",
    )
    assert sorted(rows) == [("PML-9", "Yusuf", "PML", "KSK-1"), ("PPL-9", "Rina", "PPL", "PML-1")]
    text = REGISTRASI_HEADER + "K97,6472010001000100,PPL-9,  Pintu ,,2022-10-25,,3\n"
    load_content(small_warehouse, tmp_path / "registrasi.csv", text.encode())
    assert query(small_warehouse, "SELECT kanal FROM registrasi WHERE id_keluarga = 'K97'") == [("PINTU",)]


def test_empty_file_is_a_bad_file(small_warehouse, tmp_path):
    before = snapshot(small_warehouse)
    with pytest.raises(BadFile, match="berkas kosong"):
        load_content(small_warehouse, tmp_path / "registrasi.csv", b"")
    assert snapshot(small_warehouse) == before


@pytest.mark.parametrize("suffix", ["csv", "xlsx"])
def test_header_only_file_loads_nothing_and_says_so(small_warehouse, tmp_path, suffix):
    path = tmp_path / f"registrasi.{suffix}"
    if suffix == "csv":
        path.write_text(REGISTRASI_HEADER)
    else:
        workbook = openpyxl.Workbook()
        workbook.active.append(REGISTRASI_HEADER.strip().split(","))
        workbook.save(path)
    before = snapshot(small_warehouse)
    [result] = load_files([path], warehouse_path=small_warehouse)
    assert (result.kind, result.read, result.loaded, result.rejected) == ("registrasi", 0, 0, 0)
    assert "berkas hanya berisi baris judul, tanpa baris data" in result.note_texts()
    after = snapshot(small_warehouse)
    assert {table: after[table] for table in TABLES if table != "muat"} == {
        table: before[table] for table in TABLES if table != "muat"
    }


def test_officers_given_as_registrations_say_what_the_file_holds(small_warehouse, tmp_path):
    text = PETUGAS_HEADER + "\nPPL-9,Rina,PPL,PML-1,6472\n"
    with pytest.raises(BadFile) as raised:
        load_content(small_warehouse, tmp_path / "registrasi_hari_ini.csv", text.encode(), kind="registrasi")
    assert "kolom wajib untuk jenis 'registrasi' tidak ada" in raised.value.reason
    assert "berkas ini berisi kolom jenis 'petugas'" in raised.value.reason


def test_values_that_look_like_formulas_are_kept_as_text(small_warehouse, tmp_path):
    text = REGISTRASI_HEADER + 'K98,=HYPERLINK("http://x"),PPL-1,PINTU,,2022-10-25,,+3\n'
    result = load_content(small_warehouse, tmp_path / "registrasi.csv", text.encode())
    assert result.rejected == 1
    values = {row[1]: row[2] for row in rejects(small_warehouse, "registrasi.csv")}
    assert values == {"idsubsls": '=HYPERLINK("http://x")', "jumlah_art": "+3"}


def test_a_workbook_read_in_batches_keeps_its_counts_and_row_numbers(small_warehouse, tmp_path, monkeypatch):
    monkeypatch.setattr(readers, "EXCEL_BATCH_ROWS", 3)
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.append(["Ekspor harian"])
    sheet.append(REGISTRASI_HEADER.strip().split(","))
    for number in range(10):
        sheet.append(
            [f"L{number}", "6472010001000100", "PPL-1", "PINTU", None, dt.date(2022, 10, 25), None, 3]
        )
    sheet.append(["L10", "6472010001000100", "PPL-1", "PINTU", None, dt.date(2022, 10, 25), None, 0])
    workbook.save(tmp_path / "registrasi.xlsx")
    [result] = load_files([tmp_path / "registrasi.xlsx"], warehouse_path=small_warehouse)
    assert (result.read, result.loaded, result.rejected) == (11, 10, 1)
    assert rejects(small_warehouse, "registrasi.xlsx")[0][:2] == (13, "jumlah_art")  # title, header, 10 rows


def test_headers_in_any_case_and_spacing_name_the_contract_columns(small_warehouse, tmp_path):
    text = "ID Petugas;Nama; Peran ;ID  Pengawas;Kode_Kab;Keterangan\nPPL-9;Rina;PPL;PML-1;6472;baru\n"
    result = load_content(small_warehouse, tmp_path / "petugas.csv", text.encode())
    assert (result.kind, result.loaded) == ("petugas", 1)
    assert result.note_texts() == ["kolom diabaikan: keterangan"]


def test_a_header_row_with_a_bom_inside_a_workbook_cell(small_warehouse, tmp_path):
    workbook = openpyxl.Workbook()
    workbook.active.append(["\ufeffid_desk", *DESK_HEADER.split(",")[1:]])
    workbook.active.append(["D8", "Balai Desa", "6472", 1, dt.date(2022, 11, 2), None])
    workbook.save(tmp_path / "desk.xlsx")
    [result] = load_files([tmp_path / "desk.xlsx"], warehouse_path=small_warehouse)
    assert (result.kind, result.loaded) == ("desk", 1)
    assert desk_rows(small_warehouse, "D8")[0][:2] == ("D8", "Balai Desa")
