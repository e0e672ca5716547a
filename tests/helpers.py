"""Plain helpers the test modules share; the fixtures are in conftest.py.

Every warehouse a test uses is a throwaway one, built by `throwaway_warehouse`: a copy of the small
campaign's (fixtures/kecil) with the files of another folder of fixtures/ loaded on top. The known
answers each folder gives are worked out in the test module of its page's queries.
"""

import csv
import datetime as dt
import hashlib
import shutil
import sys
from collections.abc import Iterable
from pathlib import Path

import duckdb
import openpyxl
import pandas as pd
import pyarrow as pa
import pyarrow.parquet as pq
from streamlit.testing.v1 import AppTest

from data.accounts import AccessStore
from data.demo import generate
from data.loader import load_files
from geo import boundaries_dir
from queries import Warehouse
from queries.access import Viewer

ROOT = Path(__file__).resolve().parent.parent
APP = str(ROOT / "app.py")
FIXTURES = Path(__file__).resolve().parent / "fixtures"
SMALL_CAMPAIGN = FIXTURES / "kecil"
SMALL_FILES = sorted(SMALL_CAMPAIGN.glob("*.csv"))


# --- Throwaway warehouses ---------------------------------------------------------------------------


def fixture_files(folder: str) -> list[Path]:
    """The CSV files of tests/fixtures/<folder>."""
    return sorted((FIXTURES / folder).glob("*.csv"))


def throwaway_warehouse(template: Path, folder: Path, files: Iterable[Path] = ()) -> Path:
    """A copy of the warehouse `template` as folder/warehouse.duckdb, with `files` loaded on it in one
    load (none: the copy alone, for a test that changes it)."""
    path = folder / "warehouse.duckdb"
    shutil.copyfile(template, path)
    if files := list(files):
        load_files(files, warehouse_path=path)
    return path


# The Data page's files (tests/test_data_queries.py): two bad files in one load, then the correction.
BAD_FILES = [FIXTURES / "data" / "registrasi_buruk.csv", FIXTURES / "data" / "desk_buruk.csv"]
FIX_FILE = FIXTURES / "data" / "registrasi_perbaikan.csv"


def load_rejects(path: Path) -> Path:
    """The small campaign's warehouse at `path` with the bad files and then the corrected file."""
    load_files(BAD_FILES, warehouse_path=path)
    load_files([FIX_FILE], warehouse_path=path)
    return path


def without_schedule(warehouse: Path) -> Path:
    """The warehouse with its schedule deleted, as before any jadwal file is loaded."""
    with duckdb.connect(str(warehouse)) as connection:
        connection.execute("DELETE FROM jadwal")
    return warehouse


GEO_DIR = boundaries_dir()  # holds the kecamatan crosswalk; CI always has ../shared/geo
ADMIN = Viewer("uji-admin", "admin")  # the viewer AppTest runs are signed in as, unless a test says
PIMPINAN = Viewer("uji-pimpinan", "pimpinan")
BPS = Viewer("uji-bps", "bps")
BPS_SAMARINDA = Viewer("uji-samarinda", "bps", "6472")
# The accounts of the browser tests' servers and of the sign-in tests: name -> (role, regency, password).
ACCOUNTS = {
    viewer.name: (viewer.role, viewer.kode_kab, f"sandi-{viewer.name}-2022")
    for viewer in (ADMIN, PIMPINAN, BPS, BPS_SAMARINDA)
}


def make_accounts(path: Path) -> Path:
    """An access file at `path` holding ACCOUNTS."""
    store = AccessStore(path)
    for name, (role, kode_kab, password) in ACCOUNTS.items():
        store.add(name, role, password=password, kode_kab=kode_kab)
    return path


class Demo:
    """One generated campaign, loaded by the real loader into its own warehouse."""

    def __init__(self, folder: Path, **options):
        self.paths = generate(folder, **options)
        self.warehouse = folder / "warehouse.duckdb"
        self.results = load_files(self.paths, warehouse_path=self.warehouse, simulated=True)
        self.con = duckdb.connect(str(self.warehouse), read_only=True)

    def rows(self, sql: str, *params) -> list[tuple]:
        return self.con.execute(sql, params).fetchall()

    def row(self, sql: str, *params) -> tuple:
        return self.rows(sql, *params)[0]

    def one(self, sql: str, *params):
        return self.row(sql, *params)[0]

    def capaian(self, as_of: dt.date) -> pd.DataFrame:
        return Warehouse(self.warehouse).run("capaian_wilayah", as_of=as_of).set_index("kode_wilayah")


# --- Files to load ----------------------------------------------------------------------------------

REGISTRASI_HEADER = (
    "id_keluarga,idsubsls,id_petugas,kanal,id_desk,tanggal_didata,tanggal_diperiksa,jumlah_art\n"
)


def write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def load_content(warehouse: Path, path: Path, content: str | bytes, **options):
    """Write `content` (text in UTF-8, or bytes as they are) to `path` and load it alone; the counts
    of its one result add up."""
    if isinstance(content, str):
        path.write_text(content, encoding="utf-8")
    else:
        path.write_bytes(content)
    [result] = load_files([path], warehouse_path=warehouse, **options)
    assert result.read == result.loaded + result.replaced + result.rejected
    return result


def loader_command(warehouse: Path, *files: Path) -> list[str]:
    """The command line that loads `files` into `warehouse` in a process of its own."""
    return [sys.executable, "-m", "data", "--warehouse", str(warehouse), "load", *map(str, files)]


# --- Reading a warehouse back -----------------------------------------------------------------------

TABLES = ["wilayah", "petugas", "desk", "jadwal", "penugasan", "registrasi", "muat", "tolak"]


def query(warehouse: Path, sql: str, params: list | None = None) -> list[tuple]:
    """The rows of one statement, the warehouse opened read-only."""
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return con.execute(sql, params or []).fetchall()
    finally:
        con.close()


def snapshot(warehouse: Path) -> dict[str, list]:
    con = duckdb.connect(str(warehouse), read_only=True)
    try:
        return {table: sorted(con.execute(f"SELECT * FROM {table}").fetchall(), key=repr) for table in TABLES}
    finally:
        con.close()


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def rejects(warehouse: Path, file_name: str) -> list[tuple]:
    return query(
        warehouse,
        "SELECT baris, kolom, nilai, alasan FROM tolak WHERE berkas LIKE ? ORDER BY baris, kolom",
        [f"%{file_name}"],
    )


# --- Pages in AppTest -------------------------------------------------------------------------------


def metrics(at: AppTest) -> dict[str, str]:
    """The metrics a page shows, label to value."""
    return {metric.label: metric.value for metric in at.metric}


# --- Headers written as SQL (tests/test_hostile_files.py) -------------------------------------------

PETUGAS_COLUMNS = ["id_petugas", "nama", "peran", "id_pengawas", "kode_kab"]
NEW_OFFICER = ["KSK-7", "Koseka Tujuh", "KOSEKA", "", "6472"]
# Each would run a statement if pasted into SQL text as an identifier.
HOSTILE_HEADERS = [
    """zz" TO "zz2"; COPY (SELECT 1 AS x) TO 'x.txt'; --""",
    """nama"; DELETE FROM registrasi; --""",
    """a" VARCHAR); UPDATE petugas SET nama = (SELECT content FROM read_text('/etc/hostname')); --""",
    "/* */ id_petugas",
    "'; DROP TABLE muat; --",
]
SIDE_EFFECT_FILES = ["x.txt", "zz2"]


def write_csv(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    def quoted(value: str) -> str:
        return '"' + value.replace('"', '""') + '"'

    lines = [",".join(quoted(name) for name in header)] + [",".join(map(quoted, row)) for row in rows]
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def write_xlsx(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    workbook = openpyxl.Workbook()
    for row in [header, *rows]:
        workbook.active.append(row)
    workbook.save(path)
    return path


def write_parquet(path: Path, header: list[str], rows: list[list[str]]) -> Path:
    columns = [pa.array([row[index] for row in rows], pa.string()) for index in range(len(header))]
    pq.write_table(pa.Table.from_arrays(columns, names=header), path)
    return path


WRITERS = {"csv": write_csv, "xlsx": write_xlsx, "parquet": write_parquet}


def hostile_officers(folder: Path, suffix: str) -> Path:
    """One new Koseka in a file of kind `suffix` whose header adds HOSTILE_HEADERS."""
    header = PETUGAS_COLUMNS + HOSTILE_HEADERS
    row = NEW_OFFICER + [f"nilai {index}" for index in range(len(HOSTILE_HEADERS))]
    return WRITERS[suffix](folder / f"petugas_jahat.{suffix}", header, [row])


def assert_no_side_effects(*folders: Path) -> None:
    for folder in folders:
        for name in SIDE_EFFECT_FILES:
            assert not (folder / name).exists(), f"{folder / name} was written"


# --- Names written as Markdown and HTML (tests/test_nama_teks.py) -----------------------------------

# Per file and column, each name of the small campaign and the hostile name it becomes.
HOSTILE = {
    "wilayah.csv": {
        "nama_kab": {
            "Kota Samarinda": "Kota <u>Samarinda</u> **kab**",
            "Kabupaten Mahakam Ulu": "Kabupaten ![k](http://evil.example/k.png)",
        },
        "nama_kec": {
            "Palaran": "Palaran ![i](http://evil.example/x.png)",
            "Samarinda Ilir": "**tebal** _miring_ [tautan](http://evil.example)",
            "Long Apari": "<img src=http://evil.example/y.png> :material/home: :smile:",
        },
        "nama_desa": {
            "Rawa Makmur": "Rawa `kode` <b>Makmur</b> $x$ :streamlit:",
            "Sidodamai": "Sido &amp; damai www.evil.example a@evil.example -> <= --",
            "Long Penaneh": "# Long <a href=http://evil.example>Penaneh</a>",
        },
        "nama_sls": {
            "RT 001": "RT 001 ![s](http://evil.example/s.png)",
            "RT 002": "RT *002* <i>miring</i> ~~coret~~",
        },
    },
    "petugas.csv": {
        "nama": {
            "Siti Rahmah": "<b>Koseka</b> :red[merah] $x$",
            "Budi Santoso": "Budi ![p](http://evil.example/p.png) **PML**",
            "Andi Saputra": "Andi <a href=http://evil.example>klik</a> [t](http://evil.example)",
            "Dewi Lestari": "Dewi _miring_ <b>tebal</b> :smile:",
            "Yohanes Lejau": "Yohanes `kode` \\*bintang\\* http://evil.example/k",
            "Maria Hang": "Maria <img src=http://evil.example/m.png> &lt;b&gt;",
            "Petrus Ding": "Petrus :material/home: <span style=color:red>merah</span>",
        }
    },
    "desk.csv": {
        "nama_lokasi": {"Kantor Diskominfo Kaltim": "Desk ![d](http://evil.example/d.png) <b>meja</b>"}
    },
    "jadwal.csv": {
        "tahap": {
            "Pendataan lapangan": "Pendataan <b>lapangan</b> ![j](http://evil.example/j.png)",
            "Target Kaltim": "Target <a href=http://evil.example>Kaltim</a>",
            "Perpanjangan nasional": "Perpanjangan **nasional** <i>x</i>",
        }
    },
}
NAMES = {old: new for columns in HOSTILE.values() for names in columns.values() for old, new in names.items()}
# Pieces of the hostile names that plotly would turn into elements: never in a text given to it unescaped.
PLOTLY_MARKUP = [
    "<u>", "<b>Makmur", "<b>Koseka", "<b>tebal", "<b>lapangan", "<b>meja", "<img", "<a ", "<i>", "<span",
]  # fmt: skip


def write_hostile_campaign(folder: Path) -> list[Path]:
    """The small campaign's files with HOSTILE's names, in `folder`."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for source in SMALL_FILES:
        text = source.read_text(encoding="utf-8-sig")
        delimiter = ";" if ";" in text.splitlines()[0] else ","
        rows = list(csv.DictReader(text.splitlines(), delimiter=delimiter))
        for column, names in HOSTILE.get(source.name, {}).items():
            for row in rows:
                row[column] = names.get(row[column], row[column])
        with open(folder / source.name, "w", encoding="utf-8", newline="") as target:
            writer = csv.DictWriter(target, fieldnames=list(rows[0]), delimiter=delimiter)
            writer.writeheader()
            writer.writerows(rows)
        paths.append(folder / source.name)
    return paths


# --- Every question as the pages ask it -------------------------------------------------------------

AS_OF = dt.date(2022, 10, 24)
ALUR_DAY = dt.date(2022, 11, 2)  # the alur fixture's anomalies are all there by then
DESK_DAY = dt.date(2022, 11, 10)  # every desk family of the desk fixture served
JADWAL_DAY = dt.date(2022, 10, 31)  # the jadwal fixture's families of 28 Oct in
REJECT_FILTERS = {"jenis": None, "muat": None, "cari": None}
# Every question of queries/ (macros.sql is none), with parameters as the pages ask it (ui.ask in
# pages/*.py), and the fixture (tests/conftest.py) whose warehouse gives it rows.
QUESTIONS = {
    "alur_antrean": ("small_warehouse_template", {"as_of": AS_OF, "kab": "6472"}),
    "alur_luar_penugasan": ("alur_warehouse", {"as_of": ALUR_DAY, "kab": None}),
    "alur_luar_wilayah": ("odd_warehouse", {"as_of": ALUR_DAY, "kab": None}),
    "alur_petugas_harian": ("alur_warehouse", {"as_of": ALUR_DAY, "kab": None}),
    "alur_tahap": ("small_warehouse_template", {"as_of": AS_OF, "kab": None}),
    "alur_tanggal_janggal": ("alur_warehouse", {"as_of": ALUR_DAY, "kab": None}),
    "capaian_wilayah": ("small_warehouse_template", {"as_of": AS_OF}),
    "daftar_kabupaten": ("small_warehouse_template", {}),
    "data_kesegaran": ("data_warehouse", {}),
    "data_pembatalan": ("odd_warehouse", {"batas": 1_000}),  # the page's SHOWN_REJECTS
    "data_riwayat": ("small_warehouse_template", {}),
    "data_tolak": ("data_warehouse", {**REJECT_FILTERS, "status": "semua", "batas": 1_000}),
    "data_tolak_jumlah": ("data_warehouse", REJECT_FILTERS),
    "desk_cek_rumah": ("desk_warehouse", {"as_of": DESK_DAY, "kab": None}),
    "desk_kedatangan": ("desk_warehouse", {"as_of": DESK_DAY, "kab": None, "desk": "D1"}),
    "desk_layanan": ("small_warehouse_template", {"as_of": AS_OF, "kab": None}),
    "desk_porsi": ("small_warehouse_template", {"as_of": AS_OF, "kab": "6472"}),
    "info_data": ("small_warehouse_template", {}),
    "jadwal_harian": ("jadwal_warehouse", {"as_of": JADWAL_DAY, "kab": None}),
    "jadwal_kurva": ("small_warehouse_template", {"as_of": AS_OF}),
    "jadwal_laju_perlu": ("small_warehouse_template", {"as_of": AS_OF, "kab": None}),
    "jadwal_tonggak": ("small_warehouse_template", {"kab": None}),
    "petugas_cari": ("small_warehouse_template", {"as_of": AS_OF, "kab": None, "cari": "ppl", "batas": 500}),
    "petugas_daftar": ("petugas_warehouse", {"as_of": AS_OF, "kab": None, "batas": 500, "titik": 500}),
    "petugas_kinerja": ("small_warehouse_template", {"as_of": AS_OF, "kab": None}),
    "petugas_tim": ("small_warehouse_template", {"kab": None, "cari": None, "batas": 2_000}),
    "petugas_tim_anggota": (
        "small_warehouse_template",
        {"as_of": AS_OF, "kab": None, "tingkat": "PML", "tim": "PML-1"},
    ),
    "petugas_tim_tertinggal": ("small_warehouse_template", {"as_of": AS_OF, "kab": None, "batas": 8}),
    "wilayah_rincian": (
        "small_warehouse_template",
        {"as_of": AS_OF, "kab": "6472", "kec": None, "desa": None},
    ),
    "wilayah_sls_belum_mulai": ("wilayah_warehouse", {"as_of": AS_OF, "kab": None}),
    "wilayah_sls_petugas": (
        "small_warehouse_template",
        {"kab": "6472", "kec": "6472010", "desa": "6472010001"},
    ),
    "wilayah_tertinggal": ("small_warehouse_template", {"as_of": AS_OF, "kab": None}),
}
