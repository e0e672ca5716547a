-- Families withdrawn: a registration that should not count (a duplicate, a family that moved away).
-- The family must be in the warehouse; the loader moves it from registrasi to the history
-- `pembatalan`, with the reason. A later registration of the same family brings it back.
WITH s AS (
    SELECT *, kunci_keluarga(id_keluarga) AS _id, teks(alasan) AS _alasan FROM stg
),
dibatalkan AS (
    SELECT id_keluarga, max(id_muat) AS id_muat FROM pembatalan WHERE dipulihkan IS NULL GROUP BY id_keluarga
),
r AS (
    SELECT s.*, g.id_keluarga AS _terdaftar, b.id_muat AS _muat_batal
    FROM s
    LEFT JOIN registrasi g ON g.id_keluarga = s._id
    LEFT JOIN dibatalkan b ON b.id_keluarga = s._id
)
SELECT
    _baris,
    _id AS _kunci,
    _id AS id_keluarga,
    _alasan AS alasan,
    list_filter([
        wajib('id_keluarga', id_keluarga),
        cek_kode('id_keluarga', id_keluarga),
        CASE WHEN _id IS NOT NULL AND _terdaftar IS NULL AND _muat_batal IS NOT NULL
            THEN masalah('id_keluarga', id_keluarga, 'keluarga sudah dibatalkan (muat ' || _muat_batal || ')')
        WHEN _id IS NOT NULL AND _terdaftar IS NULL
            THEN masalah('id_keluarga', id_keluarga, 'keluarga tidak ada di gudang data') END,
        wajib('alasan', alasan),
        CASE WHEN length(_alasan) > 500 THEN masalah('alasan', alasan, 'paling banyak 500 karakter') END
    ], lambda m: m IS NOT NULL) AS masalah
FROM r
