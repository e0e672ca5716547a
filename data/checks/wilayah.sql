-- SLS master rows: typed columns, and the problems of each row.
WITH s AS (
    SELECT *, kode(idsubsls) AS _id FROM stg
)
SELECT
    _baris,
    _id AS _kunci,
    _id AS idsubsls,
    left(_id, 4) AS kode_kab,
    left(_id, 7) AS kode_kec,
    left(_id, 10) AS kode_desa,
    teks(nama_kab) AS nama_kab,
    teks(nama_kec) AS nama_kec,
    teks(nama_desa) AS nama_desa,
    teks(nama_sls) AS nama_sls,
    bulat(target_keluarga) AS target_keluarga,
    list_filter([
        wajib('idsubsls', idsubsls),
        CASE WHEN ada(idsubsls) AND NOT regexp_full_match(_id, '[0-9]{16}')
            THEN sls_salah_bentuk('idsubsls', idsubsls, _id) END,
        CASE WHEN regexp_full_match(_id, '[0-9]{16}') AND left(_id, 4) NOT IN (SELECT kode_kab FROM kabupaten)
            THEN masalah('idsubsls', idsubsls, 'kode kabupaten/kota (4 digit pertama) tidak dikenal') END,
        wajib('nama_kab', nama_kab),
        wajib('nama_kec', nama_kec),
        wajib('nama_desa', nama_desa),
        wajib('nama_sls', nama_sls),
        wajib('target_keluarga', target_keluarga),
        CASE WHEN ada(target_keluarga) AND coalesce(bulat(target_keluarga) < 0, true)
            THEN masalah('target_keluarga', target_keluarga, 'harus bilangan bulat ≥ 0') END
    ], lambda m: m IS NOT NULL) AS masalah
FROM s
