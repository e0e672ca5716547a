"""The words of the dashboard, in Indonesian and English: the shared ones here, each page's own beside
its code (`add_words`). Every key has both languages (checked when the words are added, and by
tests/test_words.py, which also finds every key the code uses). Numbers the rules fix (the status
thresholds, the officers' windows) are filled in from queries/rules.py, so the words cannot drift
from the figures.
"""

from queries import rules

LANGUAGES = {"id": "Bahasa Indonesia", "en": "English"}

TEXT: dict[str, dict[str, str]] = {
    "frame.bahasa": {"id": "Bahasa", "en": "Language"},
    "frame.tanggal": {"id": "Keadaan per tanggal", "en": "As of"},
    "frame.wilayah": {"id": "Kabupaten/kota", "en": "Regency/city"},
    "frame.semua_wilayah": {"id": "Semua (Kalimantan Timur)", "en": "All (East Kalimantan)"},
    "frame.tanggal_bantuan": {
        "id": "Semua angka dihitung seperti yang diketahui pada akhir hari ini.",
        "en": "Every figure is computed as known at the end of this day.",
    },
    "frame.banding": {"id": "Dibandingkan dengan", "en": "Compared with"},
    "frame.banding_bantuan": {
        "id": "Hari sebelumnya untuk perbandingan, misalnya tanggal rapat koordinasi terakhir.",
        "en": "An earlier day to compare with, such as the date of the last coordination meeting.",
    },
    "frame.simulasi": {
        "id": "Data simulasi: kampanye buatan untuk demonstrasi, bukan hasil lapangan.",
        "en": "Simulated data: a made-up campaign for demonstration, not field results.",
    },
    "frame.simulasi_singkat": {"id": "Data simulasi", "en": "Simulated data"},
    "frame.keadaan": {"id": "{wilayah}, keadaan per {tanggal}", "en": "{wilayah}, as of {tanggal}"},
    "frame.provinsi": {"id": "Kalimantan Timur", "en": "East Kalimantan"},
    "frame.data_sampai": {"id": "Data sampai {tanggal}", "en": "Data up to {tanggal}"},
    "frame.dimuat": {"id": "dimuat {waktu}", "en": "loaded {waktu}"},
    "frame.data_basi": {
        "id": "Data terakhir {tanggal}, {hari} hari tanpa kiriman. Keluarga, laju, proyeksi dan status "
        "di halaman ini berdasarkan data sampai {tanggal}; rencana adalah rencana {hari_ini}.",
        "en": "Last data {tanggal}, {hari} days without an export. Families, pace, projection and status "
        "on this page rest on the data up to {tanggal}; the plan is the plan of {hari_ini}.",
    },
    "frame.gudang_kosong": {
        "id": "Gudang data belum ada. Muat berkas ekspor di halaman Data, dengan "
        "`python -m data load BERKAS...`, atau bangun data simulasi dengan `python -m data demo`.",
        "en": "No warehouse yet. Load export files on the Data page, with "
        "`python -m data load FILE...`, or build the simulated campaign with `python -m data demo`.",
    },
    "frame.gudang_lama": {
        "id": "Gudang data dibuat oleh versi sebelumnya dan belum punya semua tabelnya. Muat berkas apa "
        "pun sekali lagi (halaman Data atau `python -m data load BERKAS`) untuk melengkapinya.",
        "en": "The warehouse was built by an earlier version and lacks some of its tables. Load any file "
        "once more (Data page or `python -m data load FILE`) to complete it.",
    },
    "frame.data_baru": {
        "id": "Data baru sudah dimuat: angka diperbarui.",
        "en": "New data has been loaded: figures updated.",
    },
    "frame.belum_ada_keluarga": {
        "id": "Belum ada keluarga terdata di gudang data: halaman pemantauan muncul setelah "
        "registrasi pertama dimuat (halaman Data).",
        "en": "No family has been registered in the warehouse yet: the monitoring pages appear once "
        "the first registrations are loaded (Data page).",
    },
    # Signing in and out (pages/ui/signin.py) and the roles.
    "masuk.judul": {"id": "Masuk ke Pantau Regsosek Kaltim", "en": "Sign in to Pantau Regsosek Kaltim"},
    "masuk.nama": {"id": "Nama akun", "en": "Account name"},
    "masuk.sandi": {"id": "Kata sandi", "en": "Password"},
    "masuk.tombol": {"id": "Masuk", "en": "Sign in"},
    "masuk.sso": {"id": "Masuk dengan akun kantor (SSO)", "en": "Sign in with the office account (SSO)"},
    # One answer for every refusal: it tells no one whether a name has an account, or is locked.
    "masuk.salah": {
        "id": "Nama akun atau kata sandi salah. Setelah beberapa kali gagal, akun dikunci {menit} menit "
        "(admin dapat membukanya lebih cepat).",
        "en": "Wrong account name or password. After repeated failures the account is locked for {menit} "
        "minutes (an admin can unlock it sooner).",
    },
    "masuk.sesi_habis": {
        "id": "Sesi berakhir karena tidak ada kegiatan selama {menit} menit: silakan masuk lagi.",
        "en": "The session ended after {menit} minutes without activity: please sign in again.",
    },
    "masuk.sso_tanpa_akun": {
        "id": "Identitas SSO ini belum punya akun di Pantau Regsosek: minta admin menambahkannya.",
        "en": "This SSO identity has no account in Pantau Regsosek yet: ask an admin to add it.",
    },
    "masuk.belum_ada_akun": {
        "id": "Belum ada akun. Buat akun admin pertama di server: "
        "`python -m data akun tambah NAMA --peran admin`.",
        "en": "There is no account yet. Create the first admin account on the server: "
        "`python -m data akun tambah NAME --peran admin`.",
    },
    "masuk.sebagai": {"id": "Masuk sebagai {nama} ({peran})", "en": "Signed in as {nama} ({peran})"},
    "masuk.keluar": {"id": "Keluar", "en": "Sign out"},
    "masuk.ditolak": {
        "id": "Halaman atau bagian ini tidak tersedia untuk peran akun Anda.",
        "en": "This page or section is not available to your account's role.",
    },
    "peran.pimpinan": {"id": "pimpinan", "en": "leadership"},
    "peran.bps": {"id": "BPS", "en": "BPS"},
    "peran.admin": {"id": "admin", "en": "admin"},
    # Page names, for the navigation and the pages' titles.
    "halaman.ringkasan": {"id": "Ringkasan", "en": "Overview"},
    "halaman.jadwal": {"id": "Jadwal & proyeksi", "en": "Schedule & projection"},
    "halaman.wilayah": {"id": "Wilayah", "en": "Regions"},
    "halaman.petugas": {"id": "Petugas", "en": "Officers"},
    "halaman.desk": {"id": "Desk kolektif", "en": "Collective desks"},
    "halaman.alur": {"id": "Alur dokumen", "en": "Form pipeline"},
    "halaman.presentasi": {"id": "Presentasi", "en": "Presentation"},
    "halaman.data": {"id": "Data", "en": "Data"},
    "kolom.wilayah": {"id": "Kabupaten/kota", "en": "Regency/city"},
    "kolom.target": {"id": "Target", "en": "Target"},
    "kolom.terdata": {"id": "Terdata", "en": "Registered"},
    "kolom.capaian": {"id": "Capaian", "en": "Done"},
    "kolom.rencana": {"id": "Rencana", "en": "Planned"},
    "kolom.selisih": {"id": "Selisih", "en": "Gap"},
    "kolom.status": {"id": "Status", "en": "Status"},
    "kolom.proyeksi": {"id": "Proyeksi selesai", "en": "Projected finish"},
    # A table's cells and its files (pages/ui/tables.py, pages/ui/widgets.py).
    "tabel.hari": {"id": "{hari} hari", "en": "{hari} days"},
    "tabel.lewat_hari": {"id": "lewat {hari}", "en": "{hari} past"},
    "tabel.unduh": {"id": "Unduh ({baris} baris)", "en": "Download ({baris} rows)"},
    "tabel.unduh_catatan": {
        "id": "Semua {baris} baris tabel ini, juga yang tidak ditampilkan; angka sebagai angka, dibulatkan "
        "seperti di layar.",
        "en": "All {baris} rows of this table, also those not shown; numbers as numbers, rounded as on the "
        "screen.",
    },
    "tabel.unduh_csv": {"id": "CSV", "en": "CSV"},
    "tabel.unduh_csv_bantuan": {
        "id": "Koma di antara kolom, titik desimal (1234.5), tanggal 2022-11-05: untuk R, Python, Stata "
        "atau Excel berbahasa Inggris.",
        "en": "Commas between columns, a decimal point (1234.5), dates 2022-11-05: for R, Python, Stata or "
        "Excel in English.",
    },
    "tabel.unduh_titik_koma": {"id": "CSV titik koma", "en": "CSV semicolon"},
    "tabel.unduh_titik_koma_bantuan": {
        "id": "Titik koma di antara kolom dan koma desimal (1234,5), seperti Excel berbahasa Indonesia "
        "membacanya.",
        "en": "Semicolons between columns and a decimal comma (1234,5), as Excel set to Indonesian reads "
        "them.",
    },
    "tabel.unduh_xlsx": {"id": "Excel (XLSX)", "en": "Excel (XLSX)"},
    "tabel.unduh_xlsx_bantuan": {
        "id": "Buku kerja: angka dan tanggal siap dihitung, dengan judul, wilayah, tanggal dan sumber di "
        "atas tabel.",
        "en": "A workbook: numbers and dates ready to compute, with the title, area, date and source above "
        "the table.",
    },
    "tabel.sumber": {
        "id": "Sumber: BPS Provinsi Kalimantan Timur, Regsosek 2022 — Pantau Regsosek",
        "en": "Source: BPS-Statistics of Kalimantan Timur Province, Regsosek 2022 — Pantau Regsosek",
    },
    "satuan.menit": {"id": "menit", "en": "min"},
    "status.hijau": {"id": "Sesuai", "en": "On track"},
    "status.kuning": {"id": "Waspada", "en": "At risk"},
    "status.merah": {"id": "Tertinggal", "en": "Behind"},
    "status.bantuan": {
        "id": "Hijau: sesuai atau di depan rencana; kuning: 0–{poin_waspada} poin di belakang; merah: lebih "
        "dari {poin_waspada}.",
        "en": "Green: on or ahead of plan; amber: 0–{poin_waspada} points behind; red: more than "
        "{poin_waspada} behind.",
    },
    "status.depan": {
        "id": "{status}: {poin} poin di depan rencana (capaian {capaian}, rencana {rencana}); sisa {sisa} "
        "keluarga.",
        "en": "{status}: {poin} points ahead of plan ({capaian} complete, {rencana} planned); {sisa} "
        "families left.",
    },
    "status.belakang": {
        "id": "{status}: {poin} poin di belakang rencana (capaian {capaian}, rencana {rencana}); sisa {sisa} "
        "keluarga.",
        "en": "{status}: {poin} points behind plan ({capaian} complete, {rencana} planned); {sisa} "
        "families left.",
    },
    "status.basi": {
        "id": " Dinilai dari data sampai {tanggal}.",
        "en": " Judged on the data up to {tanggal}.",
    },
    "status.tanpa_jadwal": {
        "id": "Jadwal belum dimuat: capaian tidak dapat dibandingkan dengan rencana.",
        "en": "No schedule loaded: completion cannot be compared with a plan.",
    },
    "proyeksi.tercapai": {"id": "Tercapai", "en": "Reached"},
    "proyeksi.tanpa_kemajuan": {"id": "Macet", "en": "Stalled"},
    "proyeksi.tanpa_target": {"id": "Tanpa target", "en": "No target"},
    "proyeksi.bantuan": {
        "id": "Proyeksi selesai: hari ini ditambah sisa keluarga dibagi laju per hari (7 hari terakhir; pada "
        "minggu pertama: hari pendataan sejauh ini). Macet: tidak ada keluarga terdata dalam 7 hari "
        "terakhir.",
        "en": "Projected finish: today plus the families left divided by the pace a day (the last 7 days; in "
        "the first week: the campaign's days so far). Stalled: no family registered in the last 7 days.",
    },
    # No target (no SLS loaded) or no schedule: nothing to judge against.
    "status.tanpa": {"id": "Belum dinilai", "en": "Not assessed"},
    # The maps (pages/ui/maps.py).
    "peta.warnai": {"id": "Warnai menurut", "en": "Colour by"},
    "peta.warna_selisih": {"id": "Selisih dari rencana (poin)", "en": "Gap to plan (points)"},
    "peta.warna_capaian": {"id": "Capaian (%)", "en": "Completion (%)"},
    "peta.hover_terdata": {"id": "Terdata {terdata} dari {target}", "en": "Registered {terdata} of {target}"},
    "peta.hover_rencana": {"id": "Rencana {rencana}", "en": "Planned {rencana}"},
    "peta.hover_selisih": {"id": "Selisih {selisih} poin", "en": "Gap {selisih} pts"},
    "peta.batas": {"id": "Batas wilayah: {sumber}.", "en": "Boundaries: {sumber}."},
    "peta.tanpa_batas": {"id": "Tanpa poligon untuk: {kode}.", "en": "No polygon for: {kode}."},
    "peta.tanpa_berkas_batas": {
        "id": "Berkas batas wilayah tidak ditemukan: lingkaran di ibu kota, luasnya sebanding dengan target "
        "keluarga.",
        "en": "No boundary files found: circles at the capitals, their areas in proportion to the target "
        "families.",
    },
    "satuan.poin": {"id": "poin", "en": "pts"},
    "satuan.hari": {"id": "hari", "en": "days"},
    "umum.kosong": {"id": "—", "en": "—"},
    # A chart's picture to download (pages/ui/charts.py).
    "grafik.png": {"id": "PNG", "en": "PNG"},
    "grafik.png_bantuan": {
        "id": "Unduh grafik ini sebagai gambar PNG, lengkap dengan judul, wilayah, tanggal dan sumbernya.",
        "en": "Download this chart as a PNG picture, with its title, area, date and source.",
    },
}


def _decimal(value: float, lang: str) -> str:
    """A rule's number as the words write it: 7,5 in Indonesian, 7.5 in English."""
    written = f"{abs(value):g}"
    return written.replace(".", ",") if lang == "id" else written


# Filled into any word that names them ("kuning 0–{poin_waspada} poin di belakang").
RULE_VALUES = {
    lang: {
        "poin_waspada": _decimal(rules.AT_RISK_FROM, lang),
        "hari_aktif": str(rules.ACTIVE_DAYS),
    }
    for lang in LANGUAGES
}


def add_words(words: dict[str, dict[str, str]]) -> None:
    """A page's own words, kept beside its code; keys are prefixed with the page's name."""
    incomplete = sorted(key for key, by_lang in words.items() if set(by_lang) != set(LANGUAGES))
    if incomplete:
        raise KeyError(f"words not in every language ({', '.join(LANGUAGES)}): {incomplete}")
    clashes = {key for key in words if key in TEXT and TEXT[key] != words[key]}
    if clashes:
        raise KeyError(f"words defined twice: {sorted(clashes)}")
    TEXT.update(words)


def say(key: str, lang: str, **values) -> str:
    """The words for `key` in `lang`, with `values` (and the rules' numbers) filled in."""
    return TEXT[key][lang].format(**RULE_VALUES[lang], **values)
