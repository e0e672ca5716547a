"""Every page's tables download as real files (pages/ui/tables.py, pages/ui/downloads.py): CSV with
numbers as numbers and ISO dates, the same with `;` and decimal commas for Excel in Indonesian, and a
workbook with its heading, real numbers and dates; every row, not the rows shown; names that say the
page, the table, the area and the day.

The pages run in AppTest; each download button's file is made as a click would make it (the writer the
button holds), read back with pandas and openpyxl, and held to the query's answer (queries.Warehouse).
"""

import datetime as dt
import io

import duckdb
import numpy as np
import openpyxl
import pandas as pd
import pytest
import streamlit as st

from pages import ui
from pages.ui import Frame, Table, tables
from queries import Warehouse
from tests.helpers import DESK_DAY, PIMPINAN

BOM = b"\xef\xbb\xbf"
DAY = dt.date(2022, 10, 24)
ENDINGS = (".csv", "_titikkoma.csv", ".xlsx")


@pytest.fixture
def files(monkeypatch) -> dict:
    """The files the pages offer: file name -> the writer its download button would run on a click."""
    offered = {}
    button = st.download_button

    def recording(label, data, *args, file_name=None, **kwargs):
        offered[file_name] = data
        return button(label, data, *args, file_name=file_name, **kwargs)

    monkeypatch.setattr(st, "download_button", recording)
    return offered


def read_csv(data: bytes, *, semicolons: bool = False) -> pd.DataFrame:
    assert data.startswith(BOM)  # Excel reads the accents
    options = {"sep": ";", "decimal": ","} if semicolons else {}
    return pd.read_csv(io.BytesIO(data), encoding="utf-8-sig", dtype={"Kode": str}, **options)


def read_xlsx(data: bytes) -> tuple[openpyxl.Workbook, list[str], list[str], list[list]]:
    """The workbook, the lines above its header, its header and its rows."""
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    sheet = workbook.active
    rows = [list(row) for row in sheet.iter_rows(values_only=True)]
    blank = next(index for index, row in enumerate(rows) if all(cell is None for cell in row))
    assert sheet.freeze_panes == f"A{blank + 3}"  # the header row stays in sight
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)
    return workbook, [row[0] for row in rows[:blank]], rows[blank + 1], rows[blank + 2 :]


def table_files(files: dict, stem: str) -> tuple[pd.DataFrame, pd.DataFrame, tuple]:
    """The three files of one table, read back: the CSV, the `;` CSV (which must say the same) and the
    workbook."""
    assert {stem + ending for ending in ENDINGS} <= set(files), sorted(files)
    plain = read_csv(files[stem + ".csv"]())
    semicolons = read_csv(files[stem + "_titikkoma.csv"](), semicolons=True)
    pd.testing.assert_frame_equal(plain, semicolons)
    workbook = read_xlsx(files[stem + ".xlsx"]())
    _, _, header, rows = workbook
    assert header == list(plain.columns)
    assert len(rows) == len(plain)
    return plain, semicolons, workbook


def close(written: pd.Series, answer: pd.Series, tolerance: float = 0.05) -> bool:
    """The file holds the figure as the screen rounds it (one decimal): within half a tenth of the
    answer, or a tenth for a share, which never rounds up to 100 while families are left."""
    return np.allclose(
        written.to_numpy(float), answer.to_numpy(float), rtol=0, atol=tolerance + 1e-9, equal_nan=True
    )


def shown(at, index: int) -> pd.DataFrame:
    value = at.dataframe[index].value
    return getattr(value, "data", value)


def finish(area) -> str:
    """An area's projected finish as a file holds it: a day, or words where there is none."""
    if area.target_keluarga == 0:
        return "Tanpa target"
    if area.tercapai:
        return "Tercapai"
    return "Macet" if pd.isna(area.proyeksi_selesai) else f"{area.proyeksi_selesai:%Y-%m-%d}"


def test_the_ranking_as_files(open_page, small_warehouse_template, files):
    at = open_page(None, small_warehouse_template, tanggal="2022-10-24")
    csv, _, (workbook, lines, header, rows) = table_files(files, "pantau_ringkasan_64_2022-10-24")
    answer = Warehouse(small_warehouse_template).run("capaian_wilayah", as_of=DAY).set_index("nama_pendek")
    answer = answer.loc[csv["Kabupaten/kota"]]
    assert csv["Kabupaten/kota"].iloc[-1] == "Kalimantan Timur"  # the province last, every row
    assert csv.Target.tolist() == answer.target_keluarga.tolist()
    assert csv.Terdata.tolist() == answer.terdata.tolist()
    assert csv.Sisa.tolist() == answer.sisa_keluarga.tolist()
    assert close(csv["Capaian (%)"], answer.persen) and close(csv["Rencana (%)"], answer.harapan_persen)
    assert close(csv["Selisih (poin)"], answer.selisih)
    assert csv["Proyeksi selesai"].tolist() == [finish(row) for row in answer.itertuples()]
    # One source: the grid shows exactly the file's figures, formatted.
    grid = shown(at, 0)
    assert grid.Target.tolist() == [ui.number(value) for value in csv.Target]
    assert grid.Capaian.tolist() == [ui.percent(value) for value in csv["Capaian (%)"]]
    assert grid.Selisih.tolist() == [ui.points(value) for value in csv["Selisih (poin)"]]
    # The workbook: its heading, numbers and dates as cells, Indonesian-looking formats.
    assert lines == [
        "Ringkasan — Peringkat kabupaten/kota",
        "Kalimantan Timur, keadaan per 24 Okt 2022",
        lines[2],
        "Sumber: BPS Provinsi Kalimantan Timur, Regsosek 2022 — Pantau Regsosek",
    ]
    assert lines[2].startswith("Data sampai ")
    assert workbook.properties.title == lines[0] and workbook.properties.subject == lines[1]
    assert "Sumber: BPS Provinsi Kalimantan Timur" in workbook.properties.description
    target = header.index("Target")
    assert [row[target] for row in rows] == csv.Target.tolist()
    projection = header.index("Proyeksi selesai")
    assert {type(row[projection]) for row in rows} <= {dt.datetime, str}
    sheet = workbook.active
    assert sheet.cell(len(lines) + 3, target + 1).number_format == "#,##0"
    assert sheet.cell(len(lines) + 3, header.index("Capaian (%)") + 1).number_format == "#,##0.0"


def test_english_headers_and_the_same_numbers(open_page, small_warehouse_template, files):
    open_page(None, small_warehouse_template, tanggal="2022-10-24", bahasa="en")
    csv, _, (_, lines, _, _) = table_files(files, "pantau_ringkasan_64_2022-10-24")
    assert list(csv.columns)[:7] == [
        "Regency/city",
        "Status",
        "Target",
        "Registered",
        "Done (%)",
        "Planned (%)",
        "Gap (pts)",
    ]
    assert csv.Target.tolist()[-1] == 50
    assert lines[-1].startswith("Source: ")


def test_simulated_data_say_so_above_the_header(open_page, small_warehouse, files):
    with duckdb.connect(str(small_warehouse)) as con:
        con.execute("UPDATE muat SET simulasi = true")
    open_page(None, small_warehouse, tanggal="2022-10-24")
    *_, (_, lines, _, _) = table_files(files, "pantau_ringkasan_64_2022-10-24")
    assert lines[-1].startswith("Data simulasi")


def test_the_needed_pace_as_files(open_page, small_warehouse_template, files):
    open_page("jadwal", small_warehouse_template, tanggal="2022-10-24")
    csv, _, (_, _, header, rows) = table_files(files, "pantau_jadwal_laju_perlu_64_2022-10-24")
    answer = Warehouse(small_warehouse_template).run("jadwal_laju_perlu", as_of=DAY, kab=None)
    assert csv["Tanggal target"].tolist() == [day.date().isoformat() for day in answer.tanggal]  # ISO dates
    assert csv.Tahap.tolist() == answer.tahap.tolist()
    assert csv["Target tahap (%)"].tolist() == answer.target_persen.tolist()
    assert csv["Keluarga diperlukan"].tolist() == answer.sisa_keluarga.tolist()
    assert csv["Sisa hari"].tolist() == answer.sisa_hari.tolist()
    assert close(csv["Perlu per hari"], answer.laju_perlu)
    # Real dates in the workbook, shown day/month/year.
    dates = [row[header.index("Tanggal target")] for row in rows]
    assert dates == [day.to_pydatetime() for day in answer.tanggal]
    assert {"pantau_jadwal_proyeksi_64_2022-10-24" + ending for ending in ENDINGS} <= set(files)


def test_a_regencys_kecamatan_as_files(open_page, small_warehouse_template, files):
    open_page("wilayah", small_warehouse_template, tanggal="2022-10-24", kab="6472")
    csv, *_ = table_files(files, "pantau_wilayah_rincian_kec_6472_2022-10-24")
    answer = Warehouse(small_warehouse_template).run(
        "wilayah_rincian", as_of=DAY, kab="6472", kec=None, desa=None
    )
    answer = answer.set_index("kode").loc[csv.Kode]
    assert csv.Kecamatan.tolist() == answer.nama.tolist()
    assert csv.Target.tolist() == answer.target_keluarga.tolist()
    assert csv["Sisa keluarga"].tolist() == answer.sisa_keluarga.tolist()
    assert close(csv["Capaian (%)"], answer.persen) and close(csv["Selisih (poin)"], answer.selisih)


def test_the_governors_office_gets_no_names_in_the_files(open_page, small_warehouse_template, files):
    view = {"tanggal": "2022-10-24", "kab": "6472", "kec": "6472010", "desa": "6472010001"}
    open_page("wilayah", small_warehouse_template, viewer=PIMPINAN, **view)
    csv, *_ = table_files(files, "pantau_wilayah_rincian_6472010001_sls_6472_2022-10-24")
    assert "PPL" not in csv.columns and "PML" not in csv.columns
    assert not any("sls_belum_mulai" in name for name in files)


def test_every_officer_in_the_files_not_only_the_rows_shown(open_page, full, files):
    at = open_page("petugas", full.warehouse, tanggal="2022-11-05", timeout=120)
    answer = Warehouse(full.warehouse).run("petugas_kinerja", as_of=dt.date(2022, 11, 5), kab=None)
    ppl = answer[answer.tingkat == "PPL"].set_index("id_petugas")
    everyone, *_ = table_files(files, "pantau_petugas_semua_64_2022-11-05")
    assert len(shown(at, -1)) == 500 < len(everyone) == len(ppl) == 6400
    assert set(everyone.ID) == set(ppl.index)
    rows = ppl.loc[everyone.ID]
    assert everyone.Ditugaskan.tolist() == rows.ditugaskan.tolist()
    assert everyone.Terdata.tolist() == rows.terdata.tolist()
    assert close(everyone["Capaian (%)"], rows.persen, 0.1)
    behind, _, (_, _, _, cells) = table_files(files, "pantau_petugas_tertinggal_64_2022-11-05")
    assert set(behind.ID) == set(ppl.index[ppl.ppl_tertinggal > 0])
    assert len(cells) == len(behind) == 441
    assert behind["Selisih (kel.)"].tolist() == [
        round(value) for value in ppl.loc[behind.ID].selisih_keluarga
    ]


def test_desk_days_as_files(open_page, desk_warehouse, files):
    open_page("desk", desk_warehouse, tanggal=DESK_DAY.isoformat())
    day = DESK_DAY.isoformat()
    csv, *_ = table_files(files, f"pantau_desk_layanan_harian_64_{day}")
    answer = Warehouse(desk_warehouse).run("desk_layanan", as_of=DESK_DAY, kab=None)
    answer = answer[answer.tingkat == "hari"].sort_values(["tanggal", "nama_lokasi"], ascending=[False, True])
    assert csv.Tanggal.tolist() == [day.date().isoformat() for day in answer.tanggal]
    assert csv.Dilayani.tolist() == answer.dilayani.tolist()
    assert close(csv["Tunggu median (menit)"], answer.tunggu_median)
    assert {
        f"pantau_desk_cek_rumah_lokasi_64_{day}.xlsx",
        f"pantau_desk_layanan_lokasi_64_{day}.xlsx",
    } <= set(files)


def frame_of(day: dt.date = DAY) -> Frame:
    return Frame(day, "6472", "id", False, day, dt.datetime(2022, 10, 24, 12))


def test_a_formula_in_a_name_arrives_as_text():
    table = Table.of(
        {"Nama": ("text", ['=HYPERLINK("http://x")', "@SUM(A1)", "Budi"]), "Selisih": ("signed", [-3, 2, 0])},
        page="petugas",
        name="uji",
    )
    frame = frame_of()
    plain = read_csv(tables.to_csv(table, frame))
    assert plain.Nama.tolist() == ['\'=HYPERLINK("http://x")', "'@SUM(A1)", "Budi"]
    assert plain.Selisih.tolist() == [-3, 2, 0]  # a negative number stays a number
    _, lines, _, rows = read_xlsx(
        tables.to_xlsx(table, frame, tables.heading(table, frame, "=cmd|' /C calc'!A0"))
    )
    assert [row[0] for row in rows] == plain.Nama.tolist()
    assert lines[1].startswith("'=cmd")  # an area named from a file is text too
    assert tables.file_name(table, frame, ".csv") == "pantau_petugas_uji_6472_2022-10-24.csv"


def test_a_name_holds_only_safe_characters():
    table = Table.of({"Kode": ("text", ["1"])}, page="wilayah", name="Rincian 64/72 ../x")
    assert (
        tables.file_name(table, frame_of(), ".xlsx") == "pantau_wilayah_rincian-64-72-x_6472_2022-10-24.xlsx"
    )
