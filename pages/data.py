"""Data: when each kind of file last came in, every load, the rows set aside and why (to fix and
resend), and uploading new export files.

For the people who load data. It covers the whole warehouse whatever the frame's as-of date and
regency, and it is the one page there is before the first families are loaded, when there may be no
frame: it takes the language from ui.language(). Without a warehouse it shows only the upload.
"""

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import streamlit as st

from data import uploads
from data.contract import KINDS, LOAD_ORDER
from data.failures import BadFile, LoadIncomplete
from data.loader import FileResult
from pages import ui
from pages.ui import downloads
from queries import WarehouseMissing

SHOWN_REJECTS = 1_000  # lines drawn; the downloads carry every line the filters select
UPLOAD_TYPES = ["csv", "txt", "tsv", "xlsx", "xlsm", "parquet"]
# The rejects' status filter: each value and its words.
STATUSES = {"terbuka": "data.status.terbuka", "selesai": "data.status.selesai", "semua": "data.status.semua"}
SHOWN_EVENTS = 500  # the audit log's newest entries shown
OUTCOME = "data_hasil_unggah"  # the last upload's outcome, kept in the session across the rerun after it
UPLOADER_ROUND = "data_putaran_unggah"  # a fresh uploader after each load, so that it starts empty
t = ui.t  # the session's language: this page can show before there is a frame
XLSX_MIME = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
WORDS = {
    "data.cakupan": {
        "id": "Halaman ini mencakup seluruh gudang data: tanggal dan kabupaten/kota yang dipilih di samping "
        "tidak berlaku di sini. Waktu muat dalam WITA.",
        "en": "This page covers the whole warehouse: the as-of date and regency chosen in the sidebar do "
        "not apply here. Load times in WITA.",
    },
    "data.kesegaran": {"id": "Kesegaran per sumber", "en": "Freshness per kind of file"},
    "data.kolom.jenis": {"id": "Jenis berkas", "en": "Kind of file"},
    "data.kolom.berkas_dimuat": {"id": "Berkas dimuat", "en": "Files loaded"},
    "data.kolom.muat_terakhir": {"id": "Muat terakhir", "en": "Last load"},
    "data.kolom.baris_gudang": {"id": "Baris di gudang", "en": "Rows in the warehouse"},
    "data.kolom.tanggal_terbaru": {"id": "Tanggal terbaru dalam data", "en": "Newest date in the data"},
    "data.kolom.tolak_terbuka": {"id": "Baris ditolak terbuka", "en": "Open rejected rows"},
    "data.belum_pernah": {"id": "belum pernah dimuat", "en": "never loaded"},
    "data.catatan_kesegaran": {
        "id": "Tanggal terbaru: registrasi — yang paling akhir dari tanggal didata, diperiksa, diterima dan "
        "cek rumah; desk — tanggal buka; jadwal — tanggal selesai tahap; jenis lain tidak bertanggal. "
        "Baris ditolak terbuka: baris berkas yang ditolak dan belum dikirim ulang dengan benar.",
        "en": "Newest date: registrasi — the latest of the dates enumerated, checked, received and house "
        "checked; desk — opening date; jadwal — end of phase; other kinds carry no date. Open rejected "
        "rows: file rows rejected and not yet resent correctly.",
    },
    "data.riwayat": {"id": "Riwayat muat", "en": "Load history"},
    "data.riwayat_kosong": {"id": "Belum ada berkas yang dimuat.", "en": "No file has been loaded yet."},
    "data.kolom.berkas": {"id": "Berkas", "en": "File"},
    "data.kolom.waktu_muat": {"id": "Waktu muat", "en": "Loaded at"},
    "data.kolom.dibaca": {"id": "Dibaca", "en": "Read"},
    "data.kolom.dimuat": {"id": "Dimuat", "en": "Loaded"},
    "data.kolom.diganti": {"id": "Diganti", "en": "Replaced"},
    "data.kolom.ditolak": {"id": "Ditolak", "en": "Rejected"},
    "data.kolom.checksum": {"id": "Checksum (SHA-256)", "en": "Checksum (SHA-256)"},
    "data.kolom.simulasi": {"id": "Simulasi", "en": "Simulated"},
    "data.ya": {"id": "ya", "en": "yes"},
    "data.catatan_riwayat": {
        "id": "Terbaru di atas. Baris dibaca = dimuat (kunci baru) + diganti (menggantikan baris dengan "
        "kunci yang sama) + ditolak. Berkas yang isinya sama persis dengan berkas yang sudah dimuat "
        "dilewati dan tidak dicatat. Checksum: 12 karakter pertama.",
        "en": "Newest first. Rows read = loaded (new key) + replaced (took the place of the row with the "
        "same key) + rejected. A file identical to one already loaded is skipped and not recorded. "
        "Checksum: first 12 characters.",
    },
    "data.tolak": {"id": "Baris ditolak", "en": "Rejected rows"},
    "data.tidak_ada_tolak": {
        "id": "Belum ada baris yang ditolak: setiap baris yang dibaca sudah dimuat.",
        "en": "No row has been rejected: every row read was loaded.",
    },
    "data.filter.status": {"id": "Status", "en": "Status"},
    "data.status.terbuka": {"id": "Terbuka", "en": "Open"},
    "data.status.selesai": {"id": "Selesai", "en": "Resolved"},
    "data.status.semua": {"id": "Semua", "en": "All"},
    "data.filter.jenis": {"id": "Jenis berkas", "en": "Kind of file"},
    "data.semua_jenis": {"id": "Semua jenis", "en": "All kinds"},
    "data.filter.berkas": {"id": "Berkas", "en": "File"},
    "data.semua_berkas": {"id": "Semua berkas", "en": "All files"},
    "data.filter.cari": {"id": "Alasan memuat teks", "en": "Reason contains"},
    "data.filter.cari_contoh": {"id": "mis. tanggal", "en": "e.g. tanggal"},
    "data.baris_terbuka": {"id": "Baris terbuka", "en": "Open rows"},
    "data.baris_selesai": {"id": "Baris selesai", "en": "Resolved rows"},
    "data.masalah": {"id": "{jumlah} masalah", "en": "problems: {jumlah}"},
    "data.baris_terbuka_bantuan": {
        "id": "Baris berkas yang ditolak dan belum ada baris sah dengan kunci yang sama dari muat sesudahnya "
        "(menurut jenis, berkas dan alasan yang dipilih).",
        "en": "File rows rejected for which no later load has brought a valid row with the same key "
        "(for the kind, file and reason chosen).",
    },
    "data.baris_selesai_bantuan": {
        "id": "Baris berkas yang ditolak, lalu muat sesudahnya membawa baris sah dengan kunci yang sama.",
        "en": "File rows rejected, then a later load brought a valid row with the same key.",
    },
    "data.kolom.baris": {"id": "Baris", "en": "Row"},
    "data.kolom.kunci": {"id": "Kunci", "en": "Key"},
    "data.kolom.kolom": {"id": "Kolom", "en": "Column"},
    "data.kolom.nilai": {"id": "Nilai", "en": "Value"},
    "data.kolom.alasan": {"id": "Alasan", "en": "Reason"},
    "data.kolom.status": {"id": "Status", "en": "Status"},
    "data.terbuka": {"id": "Terbuka", "en": "Open"},
    "data.selesai_oleh": {"id": "Selesai: {berkas}, {waktu}", "en": "Resolved: {berkas}, {waktu}"},
    "data.tidak_cocok": {
        "id": "Tidak ada baris ditolak yang cocok dengan pilihan ini.",
        "en": "No rejected row matches these filters.",
    },
    "data.catatan_tolak": {
        "id": "Satu baris tabel = satu masalah; satu baris berkas bisa punya beberapa masalah. Nomor baris "
        "seperti di lembar kerja: baris judul = baris 1. Alasan ditulis oleh pemeriksa data dalam "
        "bahasa Indonesia.",
        "en": "One table line = one problem; a file row may have several. Row numbers as a spreadsheet "
        "shows them: the header is row 1. Reasons are written by the data checks, in Indonesian.",
    },
    "data.dipotong": {
        "id": "Ditampilkan {tampil} masalah pertama dari {semua}; unduhan memuat semuanya.",
        "en": "Showing the first {tampil} of {semua} problems; the downloads hold them all.",
    },
    "data.unduh_csv": {"id": "Unduh CSV", "en": "Download CSV"},
    "data.unduh_xlsx": {"id": "Unduh XLSX", "en": "Download XLSX"},
    "data.catatan_unduh_jenis": {
        "id": "Unduhan berisi satu baris per baris berkas yang ditolak, dengan kolom kontrak seperti yang "
        "dibaca: perbaiki nilainya, lalu muat berkas itu lagi. Kolom di kanan (berkas_asal, baris_asal, "
        "masalah, status, diselesaikan_oleh) diabaikan pemuat. Kirim ulang hanya baris berstatus "
        "terbuka: baris selesai sudah diganti data yang lebih baru.",
        "en": "The download holds one line per rejected file row, with the contract columns as read: fix "
        "the values and load the file again. The columns on the right (berkas_asal, baris_asal, "
        "masalah, status, diselesaikan_oleh) are ignored by the loader. Resend only open rows: resolved "
        "rows have been replaced by newer data.",
    },
    "data.catatan_unduh_semua": {
        "id": "Unduhan berisi satu baris per masalah. Pilih satu jenis berkas untuk mengunduh baris "
        "aslinya, siap diperbaiki dan dikirim ulang.",
        "en": "The download holds one line per problem. Choose one kind of file to download the original "
        "rows instead, ready to fix and resend.",
    },
    "data.batal": {"id": "Keluarga dibatalkan", "en": "Families withdrawn"},
    "data.batal_kosong": {
        "id": "Belum ada keluarga yang dibatalkan.",
        "en": "No family has been withdrawn.",
    },
    "data.kolom.keluarga": {"id": "Keluarga", "en": "Family"},
    "data.kolom.kabupaten": {"id": "Kabupaten/kota", "en": "Regency/city"},
    "data.kolom.sls": {"id": "SLS", "en": "SLS"},
    "data.kolom.didata": {"id": "Didata", "en": "Enumerated"},
    "data.dibatalkan": {"id": "Dibatalkan", "en": "Withdrawn"},
    "data.terdaftar_lagi": {
        "id": "Terdaftar lagi: {berkas}, {waktu}",
        "en": "Registered again: {berkas}, {waktu}",
    },
    "data.catatan_batal": {
        "id": "Keluarga yang dibatalkan (berkas jenis pembatalan: id_keluarga, alasan) tidak dihitung di "
        "halaman mana pun. Bila muat sesudahnya membawa registrasi keluarga itu lagi, keluarga itu "
        "dihitung lagi (data terakhir yang berlaku). Terbaru di atas; ditampilkan {tampil} pertama.",
        "en": "Withdrawn families (files of kind pembatalan: id_keluarga, alasan) count on no page. When a "
        "later load brings the family's registration again, it counts again (the latest data wins). "
        "Newest first; the first {tampil} shown.",
    },
    "data.unggah": {"id": "Unggah berkas", "en": "Upload files"},
    "data.pilih_berkas": {
        "id": "Berkas ekspor (CSV, TXT, TSV, XLSX, XLSM, Parquet)",
        "en": "Export files (CSV, TXT, TSV, XLSX, XLSM, Parquet)",
    },
    "data.jenis_unggah": {"id": "Jenis berkas", "en": "Kind of file"},
    "data.kenali": {"id": "Kenali dari kolomnya", "en": "Recognise from its columns"},
    "data.tombol_muat": {"id": "Muat ke gudang data", "en": "Load into the warehouse"},
    "data.catatan_unggah": {
        "id": "Semua berkas dimuat sekaligus: bila satu berkas tidak dapat dibaca, tidak ada yang dimuat. "
        "Baris yang salah disisihkan ke Baris ditolak, baris yang benar tetap dimuat; baris dengan kunci "
        "yang sudah ada menggantikan yang lama. Berkas yang dimuat disimpan apa adanya di server selama "
        "{hari} hari; berkas yang gagal tidak disimpan.",
        "en": "All files load together: if one cannot be read, none loads. Wrong rows are set aside under "
        "Rejected rows and the right ones load; a row whose key is already there replaces the old one. "
        "Files that load are kept as received on the server for {hari} days; files that fail are not kept.",
    },
    "data.jejak": {"id": "Jejak akses", "en": "Audit log"},
    "data.jejak_kosong": {"id": "Jejak akses masih kosong.", "en": "The audit log is still empty."},
    "data.catatan_jejak": {
        "id": "Terbaru di atas, {n} entri terakhir: masuk, gagal masuk, penguncian, keluar, sesi berakhir, "
        "muat, unggah, unduh dan perubahan akun. Semuanya ada di berkas akses di samping gudang data "
        "(`python -m data akun jejak`).",
        "en": "Newest first, the last {n} entries: sign-ins, failed sign-ins, lockouts, sign-outs, ended "
        "sessions, loads, uploads, downloads and account changes. All are in the access file beside the "
        "warehouse (`python -m data akun jejak`).",
    },
    "data.kolom.waktu": {"id": "Waktu", "en": "Time"},
    "data.kolom.peristiwa": {"id": "Peristiwa", "en": "Event"},
    "data.kolom.pengguna": {"id": "Pengguna", "en": "User"},
    "data.kolom.rincian": {"id": "Rincian", "en": "Details"},
    "data.kolom.asal": {"id": "Asal", "en": "From"},
    "data.akun": {"id": "Akun", "en": "Accounts"},
    "data.akun_kosong": {"id": "Belum ada akun.", "en": "No account yet."},
    "data.kolom.akun": {"id": "Akun", "en": "Account"},
    "data.kolom.peran": {"id": "Peran", "en": "Role"},
    "data.kolom.kab": {"id": "Dibatasi ke kab/kota", "en": "Limited to regency"},
    "data.kolom.cara_masuk": {"id": "Cara masuk", "en": "Signs in with"},
    "data.kolom.terkunci": {"id": "Terkunci sampai", "en": "Locked until"},
    "data.sandi": {"id": "kata sandi", "en": "password"},
    "data.sso": {"id": "SSO", "en": "SSO"},
    "data.catatan_akun": {
        "id": "Akun dikelola di server: `python -m data akun tambah NAMA --peran bps [--kab 6472]`, "
        "`akun sandi NAMA`, `akun buka NAMA` (membuka kunci), `akun hapus NAMA`.",
        "en": "Accounts are managed on the server: "
        "`python -m data akun tambah NAME --peran bps [--kab 6472]`, `akun sandi NAME`, "
        "`akun buka NAME` (unlocks), `akun hapus NAME`.",
    },
    "data.unggah_mati": {
        "id": "Unggah berkas tidak dinyalakan di sini (nyalakan dengan PANTAU_UNGGAH=1). Berkas dimuat di "
        "server dengan `python -m data load BERKAS...`, atau diletakkan di kotak masuk yang dibaca "
        "`python -m data inbox`.",
        "en": "Uploading is not switched on here (switch it on with PANTAU_UNGGAH=1). Files are loaded on "
        "the server with `python -m data load FILE...`, or put in the inbox that `python -m data inbox` "
        "reads.",
    },
    "data.mulai": {"id": "Menyimpan berkas…", "en": "Saving the files…"},
    "data.hasil_judul": {"id": "Unggahan terakhir, {waktu}", "en": "Last upload, {waktu}"},
    "data.hasil_angka": {
        "id": "**{berkas}** ({jenis}): dibaca {dibaca}, dimuat {dimuat}, diganti {diganti}, "
        "ditolak {ditolak}.",
        "en": "**{berkas}** ({jenis}): read {dibaca}, loaded {dimuat}, replaced {diganti}, "
        "rejected {ditolak}.",
    },
    "data.dilewati": {
        "id": "**{berkas}** ({jenis}): isinya sama persis dengan berkas yang sudah dimuat, dilewati.",
        "en": "**{berkas}** ({jenis}): identical to a file already loaded, skipped.",
    },
    "data.catatan": {"id": "Catatan: {teks}", "en": "Note: {teks}"},
    # The loader's notes (data/loader.py, NOTES).
    "data.catatan.sama_persis": {
        "id": "isi berkas sama persis dengan berkas yang sudah dimuat: dilewati",
        "en": "the file's contents are exactly those of a file already loaded: skipped",
    },
    "data.catatan.kolom_diabaikan": {"id": "kolom diabaikan: {kolom}", "en": "columns ignored: {kolom}"},
    "data.catatan.hanya_judul": {
        "id": "berkas hanya berisi baris judul, tanpa baris data",
        "en": "the file holds only its header, no data rows",
    },
    "data.catatan.terdaftar_lagi": {
        "id": "{n} keluarga yang pernah dibatalkan terdaftar lagi (lihat bagian Keluarga dibatalkan)",
        "en": "{n} families withdrawn before are registered again (see Families withdrawn)",
    },
    "data.catatan.kembar": {
        "id": "{n} baris mengulang baris sebelumnya dengan isi sama persis: dimuat sekali (baris {baris})",
        "en": "{n} rows repeat an earlier row exactly: loaded once (rows {baris})",
    },
    "data.contoh_tolak": {
        "id": "Contoh baris ditolak dari {berkas}; semuanya ada di bagian Baris ditolak.",
        "en": "Examples of rows rejected from {berkas}; all of them are under Rejected rows.",
    },
    "data.tidak_selesai": {
        "id": "Tidak selesai, tidak ada yang dimuat: {alasan}.",
        "en": "Not finished, nothing was loaded: {alasan}.",
    },
    "data.kuota": {
        "id": "{alasan}: kirim lebih sedikit berkas sekaligus, atau muat di server",
        "en": "{alasan}: send fewer files at once, or load them on the server",
    },
    "data.gagal": {
        "id": "Tidak ada yang dimuat: berkas **{berkas}** tidak dapat dimuat ({alasan}).",
        "en": "Nothing was loaded: file **{berkas}** cannot be loaded ({alasan}).",
    },
}


def files_frame(history: pd.DataFrame) -> ui.Frame:
    """What this page's table files say of where and when: the whole warehouse (the province) as it is
    today, its families' newest day and its last load."""
    simulated = bool(history.simulasi.any())
    registered = ui.ask("data_kesegaran").set_index("jenis").tanggal_terbaru.get("registrasi")
    today = ui.today_wita(simulated)
    return ui.Frame(
        as_of=today,
        kode_kab=None,
        lang=ui.language(),
        simulated=simulated,
        data_until=today if pd.isna(registered) else registered.date(),
        loaded_at=history.waktu_muat.max(),
    )


def freshness_table(frame: ui.Frame) -> ui.Table:
    rows = ui.ask("data_kesegaran").set_index("jenis").reindex(list(LOAD_ORDER)).reset_index()
    last_load = [
        when if files else t("data.belum_pernah")
        for files, when in zip(rows.berkas_dimuat, rows.muat_terakhir, strict=True)
    ]
    return ui.Table.of(
        {
            t("data.kolom.jenis"): ("text", rows.jenis),
            t("data.kolom.berkas_dimuat"): ("integer", rows.berkas_dimuat),
            t("data.kolom.muat_terakhir"): ("wita", last_load),
            t("data.kolom.baris_gudang"): ("integer", rows.baris_gudang),
            t("data.kolom.tanggal_terbaru"): ("date", rows.tanggal_terbaru),
            t("data.kolom.tolak_terbuka"): ("flagged", rows.tolak_terbuka),
        },
        page="data",
        name="kesegaran",
        title=t("data.kesegaran"),
    )


def freshness_section(frame: ui.Frame) -> None:
    st.subheader(t("data.kesegaran"))
    ui.table(freshness_table, frame)
    st.caption(t("data.catatan_kesegaran"))


def history_table(frame: ui.Frame) -> ui.Table:
    history = ui.ask("data_riwayat")
    return ui.Table.of(
        {
            t("data.kolom.berkas"): ("text", history.nama_berkas),
            t("data.kolom.jenis"): ("text", history.jenis),
            t("data.kolom.waktu_muat"): ("wita", history.waktu_muat),
            t("data.kolom.dibaca"): ("integer", history.baris_dibaca),
            t("data.kolom.dimuat"): ("integer", history.baris_dimuat),
            t("data.kolom.diganti"): ("integer", history.baris_diganti),
            t("data.kolom.ditolak"): ("integer", history.baris_ditolak),
            t("data.kolom.checksum"): ("text", history.checksum.str[:12]),
            t("data.kolom.simulasi"): ("text", history.simulasi.map({True: t("data.ya"), False: ""})),
        },
        page="data",
        name="riwayat",
        title=t("data.riwayat"),
    )


def history_section(history: pd.DataFrame, frame: ui.Frame) -> None:
    st.subheader(t("data.riwayat"))
    if history.empty:
        st.info(t("data.riwayat_kosong"))
        return
    ui.table(history_table, frame, wide=(t("data.kolom.berkas"),))
    st.caption(t("data.catatan_riwayat"))


def remembered_index(name: str, options: list):
    """The index of the option this session last chose for filter `name` (one widget per language,
    since a label in another language makes another widget: the choice is carried across)."""
    chosen = st.session_state.get(f"data_{name}")
    return options.index(chosen) if chosen in options else 0


def choose(name: str, widget, options: list, label: str, **kwargs):
    value = widget(
        label, options, index=remembered_index(name, options), key=f"data_{name}_{ui.language()}", **kwargs
    )
    st.session_state[f"data_{name}"] = value
    return value


def reject_filters(history: pd.DataFrame) -> dict:
    """The filters as the rejects queries take them (None: not filtered)."""
    lang = ui.language()
    with_rejects = history[history.baris_ditolak > 0]
    files = {
        int(row.id_muat): f"{row.nama_berkas} · {ui.utc_as_wita(row.waktu_muat, lang)}"
        for row in with_rejects.itertuples()
    }
    status_box, kind_box, file_box, reason_box = st.columns([1.7, 1, 1.5, 1.2])  # three radios in a row
    with status_box:
        status = choose(
            "status",
            st.radio,
            list(STATUSES),
            t("data.filter.status"),
            format_func={value: t(key) for value, key in STATUSES.items()}.get,
            horizontal=True,
        )
    every_kind, every_file = t("data.semua_jenis"), t("data.semua_berkas")
    with kind_box:
        kind = choose(
            "jenis",
            st.selectbox,
            [None, *LOAD_ORDER],
            t("data.filter.jenis"),
            format_func=lambda value: value or every_kind,
        )
    with file_box:
        load = choose(
            "berkas",
            st.selectbox,
            [None, *files],
            t("data.filter.berkas"),
            format_func=lambda value: files[value] if value else every_file,
        )
    with reason_box:
        text = st.text_input(
            t("data.filter.cari"),
            value=st.session_state.get("data_cari", ""),
            placeholder=t("data.filter.cari_contoh"),
            key=f"data_cari_{lang}",
        )
        st.session_state["data_cari"] = text
    return {"status": status, "jenis": kind, "muat": load, "cari": text.strip() or None}


def problems_selected(counts, status: str) -> int:
    """Problems the status filter selects, from the counts of open and resolved."""
    return {
        "terbuka": counts.masalah_terbuka,
        "selesai": counts.masalah_selesai,
        "semua": counts.masalah_terbuka + counts.masalah_selesai,
    }[status]


def count_metrics(counts) -> None:
    open_box, resolved_box, _ = st.columns([1, 1, 2])
    shown = [
        (open_box, "terbuka", "data.baris_terbuka", "data.baris_terbuka_bantuan"),
        (resolved_box, "selesai", "data.baris_selesai", "data.baris_selesai_bantuan"),
    ]
    for box, state, label, hint in shown:
        box.metric(
            t(label),
            ui.number(counts[f"baris_{state}"]),
            delta=t("data.masalah", jumlah=ui.number(counts[f"masalah_{state}"])),
            delta_color="off",
            delta_arrow="off",
            border=True,
            help=t(hint),
        )


def reject_status(row) -> str:
    if pd.isna(row.diselesaikan):
        return t("data.terbuka")
    when = ui.utc_as_wita(row.waktu_penyelesaian, ui.language())
    return t("data.selesai_oleh", berkas=row.nama_berkas_penyelesai, waktu=when)


def rejects_table(rows: pd.DataFrame) -> pd.DataFrame:
    return pd.DataFrame(
        {
            t("data.kolom.berkas"): rows.nama_berkas,
            t("data.kolom.baris"): rows.baris.map(ui.number),
            t("data.kolom.kunci"): rows.kunci,
            t("data.kolom.kolom"): rows.kolom,
            t("data.kolom.nilai"): rows.nilai,
            t("data.kolom.alasan"): rows.alasan,
            t("data.kolom.status"): [reject_status(row) for row in rows.itertuples()],
        }
    )


def file_builder(filters: dict, writer, file_name: str):
    """The download's contents, made only when it is clicked (a large set of rejects is not turned
    into a spreadsheet on every run), and an entry in the audit log. Streamlit runs this on a thread of
    its own, where the session and so ui.ask are not available: it asks the warehouse, as it is at the
    click, as the viewer of this run."""
    store, who, where = ui.warehouse(), ui.signin.viewer(), ui.signin.address()
    kind = filters["jenis"]

    def build() -> bytes:
        ui.signin.store().record("unduh", who.name, f"baris ditolak: {file_name}", where)
        rows = store.ask(
            "data_tolak",
            viewer=who,
            jenis=filters["jenis"],
            muat=filters["muat"],
            cari=filters["cari"],
            status=filters["status"],
            batas=None,
        )
        return writer(downloads.for_resend(rows, kind) if kind else downloads.problems(rows))

    return build


def download_buttons(filters: dict) -> None:
    name = f"tolak_{filters['jenis'] or 'semua'}_{filters['status']}"
    formats = [
        ("csv", "data.unduh_csv", downloads.to_csv, "text/csv"),
        ("xlsx", "data.unduh_xlsx", downloads.to_xlsx, XLSX_MIME),
    ]
    with st.container(horizontal=True, gap="small"):
        for suffix, label, writer, mime in formats:
            st.download_button(
                t(label),
                file_builder(filters, writer, f"{name}.{suffix}"),
                file_name=f"{name}.{suffix}",
                mime=mime,
                icon=":material/download:",
                on_click="ignore",
                key=f"data_unduh_{suffix}",
            )
    st.caption(t("data.catatan_unduh_jenis" if filters["jenis"] else "data.catatan_unduh_semua"))


def rejects_section(history: pd.DataFrame) -> None:
    st.subheader(t("data.tolak"))
    if history.baris_ditolak.sum() == 0:
        st.success(t("data.tidak_ada_tolak"), icon=":material/check_circle:")
        return
    filters = reject_filters(history)
    counts = ui.ask(
        "data_tolak_jumlah", jenis=filters["jenis"], muat=filters["muat"], cari=filters["cari"]
    ).iloc[0]
    count_metrics(counts)
    selected = problems_selected(counts, filters["status"])
    if selected == 0:
        st.info(t("data.tidak_cocok"))
        return
    rows = ui.ask(
        "data_tolak",
        jenis=filters["jenis"],
        muat=filters["muat"],
        cari=filters["cari"],
        status=filters["status"],
        batas=SHOWN_REJECTS,
    )
    ui.table(rejects_table(rows), max_rows=15, wide=(t("data.kolom.berkas"),))
    if selected > len(rows):
        st.caption(t("data.dipotong", tampil=ui.number(len(rows)), semua=ui.number(selected)))
    st.caption(t("data.catatan_tolak"))
    download_buttons(filters)


def withdrawal_status(row) -> str:
    if pd.isna(row.dipulihkan):
        return t("data.dibatalkan")
    when = ui.utc_as_wita(row.waktu_pemulihan, ui.language())
    return t("data.terdaftar_lagi", berkas=row.nama_berkas_pemulih, waktu=when)


def withdrawals_table(rows: pd.DataFrame) -> pd.DataFrame:
    lang = ui.language()
    return pd.DataFrame(
        {
            # What a reader needs first comes first: on a projector the last columns scroll away.
            t("data.kolom.keluarga"): rows.id_keluarga,
            t("data.kolom.kabupaten"): rows.nama_pendek,
            t("data.kolom.alasan"): rows.alasan,
            t("data.kolom.status"): [withdrawal_status(row) for row in rows.itertuples()],
            t("data.kolom.didata"): rows.tanggal_didata.map(lambda day: ui.date(day, lang)),
            t("data.kolom.berkas"): rows.nama_berkas,
            t("data.kolom.waktu_muat"): rows.waktu_muat.map(lambda when: ui.utc_as_wita(when, lang)),
            t("data.kolom.sls"): rows.idsubsls,
        }
    )


def withdrawals_section() -> None:
    st.subheader(t("data.batal"))
    rows = ui.ask("data_pembatalan", batas=SHOWN_REJECTS)
    if rows.empty:
        st.info(t("data.batal_kosong"))
        return
    ui.table(withdrawals_table(rows))
    st.caption(t("data.catatan_batal", tampil=ui.number(SHOWN_REJECTS)))


@dataclass(frozen=True)
class Outcome:
    """What the last upload did: each file's result under the name it was uploaded with, or the
    file that stopped it."""

    at: dt.datetime  # UTC
    results: tuple[tuple[str, FileResult], ...] = ()
    failure: tuple[str, str] | None = None  # (file, reason)
    incomplete: bool = False  # the load could not finish (not the file's fault): try again later


def uploads_allowed() -> bool:
    """Only where switched on, and not on a replica reading exported snapshots (the loader writes a
    file); only admins load (data/uploads.py refuses anyone else too)."""
    return uploads.enabled() and not ui.warehouse().path.is_dir()


def load_uploads(files, kind: str | None) -> Outcome:
    """Save the files, load them in a process of their own, and keep them only when they loaded."""
    now = dt.datetime.now(dt.UTC).replace(tzinfo=None)
    bar = st.progress(0.0, text=t("data.mulai"))
    try:
        saved = uploads.save(
            [(file.name, file.getvalue()) for file in files], uploads.folder(ui.warehouse().path)
        )
    except uploads.UploadRefused as error:
        bar.empty()
        return Outcome(now, failure=("", t("data.kuota", alasan=str(error))))

    def progress(done: int, total: int, what: str) -> None:
        bar.progress(done / total if total else 1.0, text=ui.plain(what))  # it names the file

    try:
        who, where = ui.signin.viewer(), ui.signin.address()
        ui.signin.store().record("unggah", who.name, ", ".join(saved.values()), where)
        results = uploads.load(
            list(saved), ui.warehouse().path, kind, progress, role=who.role, who=who.name, where=where
        )
    except (BadFile, LoadIncomplete) as error:
        uploads.discard(saved)
        name = saved.get(error.path, error.path.name) if error.path else ""
        return Outcome(now, failure=(name, error.reason), incomplete=isinstance(error, LoadIncomplete))
    finally:
        bar.empty()
    return Outcome(now, results=tuple((saved[Path(result.file)], result) for result in results))


# The loader's notes (data/loader.py, NOTES) and their words.
NOTE_WORDS = {
    "sama_persis": "data.catatan.sama_persis",
    "kolom_diabaikan": "data.catatan.kolom_diabaikan",
    "hanya_judul": "data.catatan.hanya_judul",
    "terdaftar_lagi": "data.catatan.terdaftar_lagi",
    "kembar": "data.catatan.kembar",
}


def note_words(key: str, values: dict) -> str:
    """A loader's note in the viewer's language; the ignored columns' names are the file's, so plain."""
    shown = {name: ui.number(value) if name == "n" else ui.plain(value) for name, value in values.items()}
    return t(NOTE_WORDS[key], **shown)


def show_result(name: str, result: FileResult) -> None:
    words = {"berkas": ui.plain(name), "jenis": result.kind}
    if result.already_loaded:
        st.info(t("data.dilewati", **words), icon=":material/content_copy:")
        return
    counts = {
        "dibaca": ui.number(result.read),
        "dimuat": ui.number(result.loaded),
        "diganti": ui.number(result.replaced),
        "ditolak": ui.number(result.rejected),
    }
    lines = [t("data.hasil_angka", **words, **counts)]
    lines += [t("data.catatan", teks=note_words(key, values)) for key, values in result.notes]
    if not result.rejected:
        st.success("  \n".join(lines), icon=":material/check_circle:")
        return
    st.warning("  \n".join(lines), icon=":material/warning:")
    examples = pd.DataFrame(
        [(ui.number(row), column, value, reason) for row, column, value, reason in result.sample_rejects],
        columns=[t("data.kolom.baris"), t("data.kolom.kolom"), t("data.kolom.nilai"), t("data.kolom.alasan")],
    )
    st.caption(t("data.contoh_tolak", berkas=ui.plain(name)))
    ui.table(examples)


def show_outcome(outcome: Outcome | None) -> None:
    if outcome is None:
        return
    st.markdown(f"**{t('data.hasil_judul', waktu=ui.utc_as_wita(outcome.at, ui.language()))}**")
    if outcome.failure:
        name, reason = outcome.failure
        key = "data.tidak_selesai" if outcome.incomplete or not name else "data.gagal"
        st.error(t(key, berkas=ui.plain(name), alasan=ui.plain(reason)), icon=":material/block:")
        return
    for name, result in outcome.results:
        show_result(name, result)


def upload_section() -> None:
    st.subheader(t("data.unggah"))
    if not uploads_allowed():
        st.caption(t("data.unggah_mati"))
        return
    lang = ui.language()
    recognise = t("data.kenali")
    files = st.file_uploader(
        t("data.pilih_berkas"),
        type=UPLOAD_TYPES,
        accept_multiple_files=True,
        key=f"data_berkas_{st.session_state.get(UPLOADER_ROUND, 0)}_{lang}",
    )
    kind = st.selectbox(
        t("data.jenis_unggah"),
        [None, *KINDS],
        format_func=lambda value: value or recognise,
        key=f"data_jenis_unggah_{lang}",
    )
    st.caption(t("data.catatan_unggah", hari=f"{uploads.keep_days():g}"))
    if st.button(t("data.tombol_muat"), type="primary", icon=":material/upload:", disabled=not files):
        outcome = load_uploads(files, kind)
        st.session_state[OUTCOME] = outcome
        if outcome.failure is None:
            # The warehouse changed: run again so that the app pins it and every section shows it;
            # the outcome waits in the session. A failed upload keeps its files to retry (another kind).
            st.session_state[UPLOADER_ROUND] = st.session_state.get(UPLOADER_ROUND, 0) + 1
            st.rerun()
    show_outcome(st.session_state.get(OUTCOME))


def audit_section() -> None:
    """The newest entries of the audit log: sign-ins, loads, uploads, downloads, account changes."""
    st.subheader(t("data.jejak"))
    rows = pd.DataFrame(
        ui.signin.store().events(asked_by=ui.signin.viewer().role, limit=SHOWN_EVENTS),
        columns=["waktu", "peristiwa", "pengguna", "rincian", "asal"],
    )
    if rows.empty:
        st.info(t("data.jejak_kosong"))
        return
    table = pd.DataFrame(
        {
            t("data.kolom.waktu"): [ui.utc_as_wita(moment, ui.language()) for moment in rows.waktu],
            t("data.kolom.peristiwa"): rows.peristiwa,
            t("data.kolom.pengguna"): rows.pengguna,
            t("data.kolom.rincian"): rows.rincian,
            t("data.kolom.asal"): rows.asal,
        }
    )
    ui.table(table, max_rows=15, wide=(t("data.kolom.rincian"),))
    st.caption(t("data.catatan_jejak", n=ui.number(SHOWN_EVENTS)))


def accounts_section() -> None:
    """The accounts, and how they are managed (on the server's command line)."""
    st.subheader(t("data.akun"))
    rows = ui.signin.store().accounts()
    if not rows:
        st.info(t("data.akun_kosong"))
        st.caption(t("data.catatan_akun"))
        return
    table = pd.DataFrame(
        {
            t("data.kolom.akun"): [row.name for row in rows],
            t("data.kolom.peran"): [row.role for row in rows],
            t("data.kolom.kab"): [row.kode_kab or "" for row in rows],
            t("data.kolom.cara_masuk"): [t("data.sandi" if row.has_password else "data.sso") for row in rows],
            t("data.kolom.terkunci"): [
                ui.utc_as_wita(row.locked_until, ui.language()) if row.locked_until else "" for row in rows
            ],
        }
    )
    ui.table(table)
    st.caption(t("data.catatan_akun"))


ui.through_the_app()
ui.add_words(WORDS)
st.title(t("halaman.data"))
admin = ui.signin.viewer().role == "admin"
try:
    history = ui.ask("data_riwayat")
except WarehouseMissing:
    history = None  # nothing loaded yet: the app says so above, and uploading is all there is to do
if history is not None:
    st.caption(t("data.cakupan"))
    frame = files_frame(history)
    freshness_section(frame)
    if admin:  # who loaded what, and when: for those who load
        history_section(history, frame)
    rejects_section(history)
    withdrawals_section()
if admin:
    upload_section()
    audit_section()
    accounts_section()
