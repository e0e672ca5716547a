-- The warehouse. Contract tables hold the latest row per key (the loader replaces by key and
-- guarantees uniqueness, so no key constraints slow the bulk loads); id_muat names the load
-- that wrote the row. The summary tables that data/rollup.sql builds are listed at the end.

CREATE TABLE kabupaten (          -- reference: the 10 regencies of Kaltim, BPS codes
    kode_kab VARCHAR PRIMARY KEY,
    nama_kab VARCHAR NOT NULL,
    nama_pendek VARCHAR NOT NULL,
    jenis VARCHAR NOT NULL,
    ibukota VARCHAR NOT NULL,
    ibukota_lat DOUBLE NOT NULL,
    ibukota_lon DOUBLE NOT NULL,
    penduduk_2020 INTEGER NOT NULL
);

CREATE TABLE wilayah (            -- SLS master, one row per sub-SLS
    idsubsls VARCHAR NOT NULL,
    kode_kab VARCHAR NOT NULL,
    kode_kec VARCHAR NOT NULL,
    kode_desa VARCHAR NOT NULL,
    nama_kab VARCHAR NOT NULL,
    nama_kec VARCHAR NOT NULL,
    nama_desa VARCHAR NOT NULL,
    nama_sls VARCHAR NOT NULL,
    target_keluarga INTEGER NOT NULL,
    id_muat INTEGER NOT NULL
);

CREATE TABLE petugas (
    id_petugas VARCHAR NOT NULL,
    nama VARCHAR NOT NULL,
    peran VARCHAR NOT NULL,       -- PPL | PML | KOSEKA
    id_pengawas VARCHAR,
    kode_kab VARCHAR NOT NULL,
    id_muat INTEGER NOT NULL
);

CREATE TABLE desk (
    id_desk VARCHAR NOT NULL,
    nama_lokasi VARCHAR NOT NULL,
    kode_kab VARCHAR NOT NULL,
    jumlah_meja INTEGER NOT NULL,
    tanggal_buka DATE NOT NULL,
    tanggal_tutup DATE,
    id_muat INTEGER NOT NULL
);

CREATE TABLE jadwal (
    kode_wilayah VARCHAR NOT NULL, -- the province's code (data/contract.py) or a regency's
    tahap VARCHAR NOT NULL,
    tanggal_mulai DATE NOT NULL,
    tanggal_selesai DATE NOT NULL,
    target_persen DOUBLE NOT NULL,
    id_muat INTEGER NOT NULL
);

CREATE TABLE penugasan (          -- an SLS has one PPL
    idsubsls VARCHAR NOT NULL,
    id_petugas VARCHAR NOT NULL,
    id_muat INTEGER NOT NULL
);

CREATE TABLE registrasi (         -- one row per family, the latest export wins
    id_keluarga VARCHAR NOT NULL,
    idsubsls VARCHAR NOT NULL,
    kode_kab VARCHAR NOT NULL,
    id_petugas VARCHAR NOT NULL,
    kanal VARCHAR NOT NULL,       -- PINTU | DESK
    id_desk VARCHAR,
    tanggal_didata DATE NOT NULL,
    tanggal_diperiksa DATE,
    tanggal_diterima DATE,
    tanggal_cek_rumah DATE,
    waktu_datang TIMESTAMP,       -- WITA
    waktu_mulai TIMESTAMP,
    waktu_selesai TIMESTAMP,
    jumlah_art INTEGER NOT NULL,
    id_muat INTEGER NOT NULL
);

CREATE TABLE pembatalan (         -- families withdrawn: out of registrasi, kept here with the reason
    id_keluarga VARCHAR NOT NULL,
    alasan VARCHAR NOT NULL,
    idsubsls VARCHAR NOT NULL,    -- where the family was counted, for the Data page
    kode_kab VARCHAR NOT NULL,
    tanggal_didata DATE NOT NULL,
    isi VARCHAR NOT NULL,         -- the registrasi row withdrawn, as JSON
    id_muat INTEGER NOT NULL,     -- the load that withdrew it
    dipulihkan INTEGER            -- a later load that registered the family again
);

CREATE TABLE muat (               -- every load: one row per file
    id_muat INTEGER PRIMARY KEY,
    berkas VARCHAR NOT NULL,
    jenis VARCHAR NOT NULL,
    checksum VARCHAR NOT NULL,
    waktu_muat TIMESTAMP NOT NULL,   -- UTC
    simulasi BOOLEAN NOT NULL,
    baris_dibaca INTEGER NOT NULL,
    baris_dimuat INTEGER NOT NULL,
    baris_diganti INTEGER NOT NULL,
    baris_ditolak INTEGER NOT NULL
);

CREATE TABLE tolak (              -- rejected rows, one row per problem found
    id_muat INTEGER NOT NULL,
    berkas VARCHAR NOT NULL,
    jenis VARCHAR NOT NULL,
    baris INTEGER NOT NULL,       -- row in the file, the header being row 1
    kunci VARCHAR,                -- the row's key as given, to find it again when resent
    kolom VARCHAR NOT NULL,
    nilai VARCHAR,
    alasan VARCHAR NOT NULL,
    isi VARCHAR,                  -- the whole row as read (JSON of its contract columns), to fix and resend
    diselesaikan INTEGER          -- the later load (id_muat) that brought a valid row with this key
);

-- Summary tables: built by data/rollup.sql (not here) at the end of every load, rebuilt whole from the
-- tables above; the pages read them instead of one row per family. Each with what it holds and its
-- columns; tests/test_schema_docs.py checks this list against a warehouse that a load built.
--
-- registrasi_harian: families enumerated per SLS, officer and day, and those of them that count (to target)
--     kode_kab VARCHAR, idsubsls VARCHAR, id_petugas VARCHAR, tanggal_didata DATE, keluarga INTEGER,
--     keluarga_terhitung INTEGER
-- registrasi_rentang: one row, the span of the data (any step of a form) and the families held
--     tanggal_awal DATE, tanggal_akhir DATE, jumlah_keluarga BIGINT
-- registrasi_alur: families per regency, channel and the dates of the form's steps
--     kode_kab VARCHAR, kanal VARCHAR, tanggal_didata DATE, tanggal_diperiksa DATE, tanggal_diterima DATE,
--     keluarga INTEGER
-- petugas_hari_sibuk: officer-days with more than 40 families
--     id_petugas VARCHAR, tanggal DATE, keluarga BIGINT
-- registrasi_janggal: families dated before the province's first phase or after the day (WITA) of their load
--     id_keluarga VARCHAR, id_petugas VARCHAR, kode_kab VARCHAR, tanggal_didata DATE, tanggal_mulai DATE,
--     tanggal_muat DATE
-- sls_mulai: each SLS's first day with a family
--     idsubsls VARCHAR, tanggal_pertama DATE
-- registrasi_luar_wilayah: families whose SLS is in another regency than their officer's or their desk's
--     id_keluarga VARCHAR, id_petugas VARCHAR, kode_kab VARCHAR, idsubsls VARCHAR, tanggal_didata DATE,
--     id_desk VARCHAR, kode_kab_petugas VARCHAR, kode_kab_desk VARCHAR
