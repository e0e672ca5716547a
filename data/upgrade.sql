-- Brings a warehouse built by an earlier version up to schema.sql, before each load.
ALTER TABLE tolak ADD COLUMN IF NOT EXISTS isi VARCHAR;
ALTER TABLE tolak ADD COLUMN IF NOT EXISTS diselesaikan INTEGER;
CREATE TABLE IF NOT EXISTS pembatalan (
    id_keluarga VARCHAR NOT NULL,
    alasan VARCHAR NOT NULL,
    idsubsls VARCHAR NOT NULL,
    kode_kab VARCHAR NOT NULL,
    tanggal_didata DATE NOT NULL,
    isi VARCHAR NOT NULL,
    id_muat INTEGER NOT NULL,
    dipulihkan INTEGER
);
