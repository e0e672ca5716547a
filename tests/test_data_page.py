"""The Data page in AppTest, and its download files (pages/downloads.py).

Known answers come from tests/test_data_queries.py: the small campaign plus a bad desk file (load 7),
a registrasi file with three bad rows (load 8) and its correction for K41 (load 9). AppTest cannot
upload files: the upload is tested in tests/browser/test_data.py.
"""

import csv
import functools
import hashlib
import io

import openpyxl
import pandas as pd
import pytest

from data import export
from data.loader import load_files
from data.readers import KNOWN_COLUMNS
from pages import ui
from pages.ui import downloads
from queries import Warehouse
from tests.helpers import BAD_FILES, SMALL_CAMPAIGN, metrics, throwaway_warehouse

OPEN_REGISTRASI = {"status": "terbuka", "jenis": "registrasi", "muat": None, "cari": None, "batas": None}


@pytest.fixture
def open_data(open_page):
    return functools.partial(open_page, "data")


def data_tables(at) -> list:
    """The page's tables about the data: all but the admins' audit log and accounts (the test access
    file's, shared by the tests)."""
    admins = {"Akun", "Account", "Peristiwa", "Event"}
    return [frame for frame in at.dataframe if not admins & set(frame.value.columns)]


def load_time(path, load_id: int, lang: str) -> str:
    history = Warehouse(path).run("data_riwayat").set_index("id_muat")
    return ui.utc_as_wita(history.loc[load_id, "waktu_muat"], lang)


def rows_of(table: pd.DataFrame, column: str) -> dict[str, list[str]]:
    return {row[column]: row.drop(column).tolist() for _, row in table.iterrows()}


def test_every_section_with_known_figures(open_data, data_warehouse, monkeypatch):
    monkeypatch.setenv("PANTAU_UNGGAH", "1")
    at = open_data(data_warehouse, bahasa="en")
    assert at.title[0].value == "Data"
    assert [header.value for header in at.subheader] == [
        "Freshness per kind of file",
        "Load history",
        "Rejected rows",
        "Families withdrawn",
        "Upload files",
        "Audit log",
        "Accounts",
    ]
    assert "do not apply here" in at.caption[0].value
    freshness, history, rejected = (frame.value for frame in data_tables(at))

    kinds = rows_of(freshness, "Kind of file")
    assert list(kinds) == ["wilayah", "petugas", "desk", "jadwal", "penugasan", "registrasi", "pembatalan"]
    assert kinds["registrasi"] == ["3", load_time(data_warehouse, 9, "en"), "28", "4 Nov 2022", "2"]
    assert kinds["desk"] == ["2", load_time(data_warehouse, 7, "en"), "1", "24 Oct 2022", "1"]
    assert kinds["wilayah"] == ["1", load_time(data_warehouse, 1, "en"), "4", "—", "0"]

    assert history.File.tolist()[:3] == ["registrasi_perbaikan.csv", "registrasi_buruk.csv", "desk_buruk.csv"]
    checksum = hashlib.sha256(BAD_FILES[0].read_bytes()).hexdigest()[:12]
    assert history.iloc[1].tolist() == [
        "registrasi_buruk.csv",
        "registrasi",
        load_time(data_warehouse, 8, "en"),
        "5",
        "1",
        "1",
        "3",
        checksum,
        "",
    ]

    assert metrics(at) == {"Open rows": "3", "Resolved rows": "1"}
    assert [metric.delta for metric in at.metric] == ["problems: 4", "problems: 1"]
    assert list(rejected.columns) == ["File", "Row", "Key", "Column", "Value", "Reason", "Status"]
    assert rejected[["Row", "Key", "Column", "Value"]].values.tolist() == [
        ["4", "K42", "id_petugas", "PPL-9"],
        ["4", "K42", "jumlah_art", "=1+2"],
        ["6", "K43", "jumlah_art", "-1"],
        ["2", "D2", "kode_kab", "9999"],
    ]
    assert set(rejected.Status) == {"Open"}
    rejects_files = [button.label for button in at.get("download_button") if button.key]  # tables' have none
    assert rejects_files == ["Download CSV", "Download XLSX"]
    assert [uploader.label for uploader in at.get("file_uploader")] == [
        "Export files (CSV, TXT, TSV, XLSX, XLSM, Parquet)"
    ]


def test_filters_narrow_the_rejects(open_data, data_warehouse):
    at = open_data(data_warehouse, bahasa="en")
    at.radio(key="data_status_en").set_value("selesai").run()
    resolved = at.dataframe[2].value
    assert resolved.Key.tolist() == ["K41"]
    assert resolved.Status.tolist() == [
        f"Resolved: registrasi_perbaikan.csv, {load_time(data_warehouse, 9, 'en')}"
    ]

    at.radio(key="data_status_en").set_value("semua").run()
    at.selectbox(key="data_jenis_en").set_value("registrasi").run()
    at.text_input(key="data_cari_en").set_value("BULAT").run()
    assert not at.exception
    assert at.dataframe[2].value.Key.tolist() == ["K42", "K43"]
    assert metrics(at) == {"Open rows": "2", "Resolved rows": "0"}  # the counts follow kind and reason
    assert any("fix the values and load the file again" in caption.value for caption in at.caption)

    at.text_input(key="data_cari_en").set_value("").run()
    at.selectbox(key="data_jenis_en").select_index(0).run()  # all kinds
    at.selectbox(key="data_berkas_en").set_value(7).run()  # load 7: desk_buruk.csv
    assert at.dataframe[2].value.Key.tolist() == ["D2"]

    at.text_input(key="data_cari_en").set_value("no such reason").run()
    assert at.info[0].value == "No rejected row matches these filters."
    assert len(data_tables(at)) == 2


def test_only_the_first_lines_are_drawn(open_data, small_warehouse, tmp_path):
    # 1,100 families with 0 members: one problem each.
    header = "id_keluarga,idsubsls,id_petugas,kanal,tanggal_didata,jumlah_art"
    lines = [f"X{number},6472010001000100,PPL-1,PINTU,2022-11-01,0" for number in range(1_100)]
    bad = tmp_path / "registrasi_nol.csv"
    bad.write_text("\n".join([header, *lines]) + "\n")
    load_files([bad], warehouse_path=small_warehouse)
    at = open_data(small_warehouse, bahasa="en")
    assert metrics(at)["Open rows"] == "1.100"
    assert len(at.dataframe[2].value) == 1_000
    assert "Showing the first 1.000 of 1.100 problems; the downloads hold them all." in [
        caption.value for caption in at.caption
    ]


def test_a_warehouse_without_rejects(open_data, small_warehouse_template):
    at = open_data(small_warehouse_template)
    assert at.success[0].value == "Belum ada baris yang ditolak: setiap baris yang dibaca sudah dimuat."
    assert not at.metric
    assert not [button for button in at.get("download_button") if button.key]  # only the tables' files
    assert len(data_tables(at)) == 2  # freshness and history


def test_before_the_first_families_kinds_never_loaded(open_data, tmp_path):
    path = tmp_path / "warehouse.duckdb"
    load_files([SMALL_CAMPAIGN / "wilayah.csv"], warehouse_path=path)
    at = open_data(path)
    freshness = rows_of(at.dataframe[0].value, "Jenis berkas")
    assert freshness["wilayah"][0] == "1"
    assert freshness["registrasi"] == ["0", "belum pernah dimuat", "0", "—", "0"]
    assert freshness["petugas"][1] == "belum pernah dimuat"


@pytest.fixture
def run_app(open_page, monkeypatch):
    """Open the app on a warehouse with these environment variables set."""

    def run(warehouse, **environment):
        for name, value in environment.items():
            monkeypatch.setenv(name, value)
        return open_page(None, warehouse)

    return run


def test_no_warehouse_yet_only_the_upload(run_app, tmp_path):
    missing = tmp_path / "belum_ada.duckdb"
    at = run_app(missing, PANTAU_UNGGAH="1")
    assert at.info[0].value.startswith("Gudang data belum ada")
    assert at.title[0].value == "Data"
    assert [header.value for header in at.subheader] == ["Unggah berkas", "Jejak akses", "Akun"]
    assert not data_tables(at)
    assert len(at.get("file_uploader")) == 1
    assert at.button[0].label == "Muat ke gudang data"
    assert at.button[0].disabled  # nothing chosen yet
    assert not missing.exists()  # looking creates nothing


@pytest.mark.parametrize("setting", [None, "0", "yes"], ids=["unset", "off", "anything-but-1"])
def test_uploads_are_off_unless_switched_on(run_app, monkeypatch, tmp_path, setting):
    monkeypatch.delenv("PANTAU_UNGGAH", raising=False)
    at = run_app(tmp_path / "belum_ada.duckdb", **({"PANTAU_UNGGAH": setting} if setting else {}))
    assert not at.get("file_uploader")
    assert not at.main.button  # the sidebar keeps its sign-out button
    [note] = [caption.value for caption in at.main.caption if "PANTAU_UNGGAH=1" in caption.value]
    assert "PANTAU_UNGGAH=1" in note
    assert "python -m data load" in note and "python -m data inbox" in note


def test_no_server_path_is_shown(run_app, tmp_path):
    missing = tmp_path / "rahasia" / "warehouse.duckdb"
    at = run_app(missing, PANTAU_UNGGAH="1")
    shown = [element.value for kind in ("info", "caption", "markdown") for element in getattr(at, kind)]
    assert shown and not [text for text in shown if "rahasia" in text or str(tmp_path) in text]


def test_withdrawn_families_with_their_reason_and_status(open_data, small_warehouse, tmp_path):
    (tmp_path / "pembatalan.csv").write_text("id_keluarga,alasan\nK01,terdaftar ganda\nK02,pindah\n")
    load_files([tmp_path / "pembatalan.csv"], warehouse_path=small_warehouse)
    header = "id_keluarga,idsubsls,id_petugas,kanal,tanggal_didata,jumlah_art\n"
    (tmp_path / "registrasi_ulang.csv").write_text(header + "K02,6472010001000100,PPL-1,PINTU,2022-10-16,3\n")
    load_files([tmp_path / "registrasi_ulang.csv"], warehouse_path=small_warehouse)
    at = open_data(small_warehouse)
    assert "Keluarga dibatalkan" in [header.value for header in at.subheader]
    table = next(frame.value for frame in at.dataframe if "Keluarga" in frame.value.columns)
    rows = table.set_index("Keluarga")
    assert rows.loc["K01", "Alasan"] == "terdaftar ganda" and rows.loc["K01", "Status"] == "Dibatalkan"
    assert rows.loc["K02", "Status"].startswith("Terdaftar lagi: registrasi_ulang.csv, ")
    assert (rows.loc["K01", "Kabupaten/kota"], rows.loc["K01", "SLS"]) == ("Samarinda", "6472010001000100")
    freshness = rows_of(at.dataframe[0].value, "Jenis berkas")
    assert freshness["pembatalan"][:1] == ["1"] and freshness["pembatalan"][2] == "1"  # K01 stays withdrawn


def test_a_replica_reading_exported_snapshots_offers_no_upload(open_page, small_warehouse_template, tmp_path):
    folder = tmp_path / "snapshots"
    export.export(small_warehouse_template, folder)
    at = open_page("data", folder)
    assert not at.get("file_uploader") and not at.main.button
    assert any("python -m data load" in caption.value for caption in at.main.caption)
    assert len(data_tables(at)) >= 2  # freshness and history, read from the snapshot


# The download files.

FORMULAS = ["=1+2", "+1", "-1", "@SUM(A1)", "\tx", "\rx"]


@pytest.mark.parametrize("value", FORMULAS)
def test_a_formula_becomes_text(value):
    assert downloads.neutralise(value) == "'" + value


@pytest.mark.parametrize("value", ["ok", "K-1", "", 5, None, 2.5])
def test_anything_else_is_unchanged(value):
    assert downloads.neutralise(value) == value


def cells_frame() -> pd.DataFrame:
    return pd.DataFrame({"nilai": [*FORMULAS, "biasa", None], "baris": range(2, 10)})


def test_csv_keeps_formulas_as_text():
    data = downloads.to_csv(cells_frame())
    assert data.startswith(b"\xef\xbb\xbf")  # Excel reads UTF-8 with a byte order mark
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    assert rows[0] == ["nilai", "baris"]
    assert [row[0] for row in rows[1:]] == ["'" + value for value in FORMULAS] + ["biasa", ""]
    assert [row[1] for row in rows[1:]] == [str(number) for number in range(2, 10)]


def read_xlsx(data: bytes) -> list[list]:
    sheet = openpyxl.load_workbook(io.BytesIO(data)).active
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row), "a formula cell"
    return [[cell.value for cell in row] for row in sheet.iter_rows()]


def test_xlsx_has_no_formula_cells():
    frame = cells_frame()
    frame.loc[8] = ["\x01=A1", 10]  # a control character cannot be stored; what is left is still text
    rows = read_xlsx(downloads.to_xlsx(frame))
    assert rows[0] == ["nilai", "baris"]
    # openpyxl writes through lxml (pinned, for python-pptx), which keeps a carriage return as written.
    expected = ["'" + value for value in FORMULAS] + ["biasa", None, "'=A1"]
    assert [row[0] for row in rows[1:]] == expected
    assert [row[1] for row in rows[1:]] == list(range(2, 11))  # numbers stay numbers


def test_one_line_per_problem(data_warehouse):
    rows = Warehouse(data_warehouse).run(
        "data_tolak", **(OPEN_REGISTRASI | {"status": "semua", "jenis": None})
    )
    table = downloads.problems(rows)
    assert list(table.columns) == [
        "berkas",
        "jenis",
        "baris",
        "kunci",
        "kolom",
        "nilai",
        "alasan",
        "status",
        "diselesaikan_oleh",
    ]
    assert len(table) == 5
    fixed = table[table.kunci == "K41"].iloc[0]
    assert (fixed.status, fixed.diselesaikan_oleh) == ("selesai", "registrasi_perbaikan.csv")
    assert table[table.kunci == "D2"].status.tolist() == ["terbuka"]


def test_resend_columns_are_ignored_by_the_loader():
    assert not set(downloads.RESEND_COLUMNS) & KNOWN_COLUMNS


def test_resend_file_holds_the_rows_as_read(data_warehouse):
    rows = Warehouse(data_warehouse).run("data_tolak", **OPEN_REGISTRASI)
    table = downloads.for_resend(rows, "registrasi")
    assert table.id_keluarga.tolist() == ["K42", "K43"]  # K42's two problems make one line
    k42 = table.iloc[0]
    assert (k42.id_petugas, k42.jumlah_art, k42.tanggal_didata) == ("PPL-9", "=1+2", "2022-11-03")
    assert k42.masalah == (
        'id_petugas "PPL-9": petugas tidak terdaftar; jumlah_art "=1+2": harus bilangan bulat ≥ 1'
    )
    assert (k42.berkas_asal, k42.baris_asal, k42.status) == ("registrasi_buruk.csv", 4, "terbuka")
    assert k42.tanggal_diperiksa is None  # empty in the file


def test_resend_keeps_the_newest_row_of_a_key():
    line = {"nilai": "x", "alasan": "salah", "isi": '{"id_desk": "D9"}', "diselesaikan": None}
    rows = pd.DataFrame(
        [
            {**line, "id_muat": 3, "nama_berkas": "a.csv", "baris": 2, "kunci": "D9", "kolom": "kode_kab"},
            {**line, "id_muat": 5, "nama_berkas": "b.csv", "baris": 7, "kunci": "D9", "kolom": "kode_kab"},
            {**line, "id_muat": 5, "nama_berkas": "b.csv", "baris": 7, "kunci": "D9", "kolom": "jumlah_meja"},
            {**line, "id_muat": 5, "nama_berkas": "b.csv", "baris": 9, "kunci": "D9", "kolom": "id_desk"},
            {**line, "id_muat": 5, "nama_berkas": "b.csv", "baris": 4, "kunci": None, "kolom": "id_desk"},
            {**line, "id_muat": 3, "nama_berkas": "a.csv", "baris": 6, "kunci": None, "kolom": "id_desk"},
        ]
    )
    rows["nama_berkas_penyelesai"] = None
    table = downloads.for_resend(rows, "desk")
    # D9: only load 5's first row with it (row 7, both problems); rows without a key all stay.
    assert list(zip(table.berkas_asal, table.baris_asal, strict=True)) == [
        ("a.csv", 6),
        ("b.csv", 4),
        ("b.csv", 7),
    ]
    assert table.masalah.iloc[2] == 'kode_kab "x": salah; jumlah_meja "x": salah'
    assert table.id_desk.tolist() == ["D9"] * 3


def fix_and_save(data: bytes, suffix: str, folder) -> "pd.DataFrame":
    """Read a resend download as the office would, correct its cells, and save it to resend."""
    if suffix == ".csv":
        table = pd.read_csv(io.BytesIO(data), dtype=str, keep_default_na=False, encoding="utf-8-sig")
    else:
        rows = read_xlsx(data)
        table = pd.DataFrame(rows[1:], columns=rows[0])
    assert table.jumlah_art.tolist() == ["'=1+2", "'-1"]  # neutralised on the way out
    table["id_petugas"] = "PPL-1"
    table["jumlah_art"] = ["3", "2"]
    path = folder / f"registrasi_kirim_ulang{suffix}"
    path.write_bytes(downloads.to_csv(table) if suffix == ".csv" else downloads.to_xlsx(table))
    return path


@pytest.mark.parametrize(("writer", "suffix"), [(downloads.to_csv, ".csv"), (downloads.to_xlsx, ".xlsx")])
def test_resend_round_trip(data_warehouse, tmp_path, writer, suffix):
    """Download the open registrasi rejects, fix them, load the file: they load and are resolved."""
    warehouse = throwaway_warehouse(data_warehouse, tmp_path)
    rows = Warehouse(warehouse).run("data_tolak", **OPEN_REGISTRASI)
    resent = fix_and_save(writer(downloads.for_resend(rows, "registrasi")), suffix, tmp_path)

    [result] = load_files([resent], warehouse_path=warehouse)
    assert (result.kind, result.read, result.loaded, result.rejected) == ("registrasi", 2, 2, 0)
    assert result.note_texts() == ["kolom diabaikan: " + ", ".join(downloads.RESEND_COLUMNS)]
    assert Warehouse(warehouse).run("data_tolak", **OPEN_REGISTRASI).empty
