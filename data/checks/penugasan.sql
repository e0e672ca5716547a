-- Assignments: each SLS to one PPL of the same regency.
WITH s AS (
    SELECT *, teks(idsubsls) AS _id,
        CASE WHEN ada(idsubsls) THEN min(_baris) OVER (PARTITION BY teks(idsubsls)) END AS _pertama
    FROM stg
)
SELECT
    s._baris,
    s._id AS _kunci,
    s._id AS idsubsls,
    teks(s.id_petugas) AS id_petugas,
    list_filter([
        wajib('idsubsls', s.idsubsls),
        duplikat('idsubsls', s.idsubsls, s._pertama, s._baris),
        CASE WHEN s._id IS NOT NULL AND w.idsubsls IS NULL
            THEN masalah('idsubsls', s.idsubsls, 'SLS tidak ada di master wilayah') END,
        wajib('id_petugas', s.id_petugas),
        CASE WHEN ada(s.id_petugas) AND p.id_petugas IS NULL
            THEN masalah('id_petugas', s.id_petugas, 'petugas tidak terdaftar') END,
        CASE WHEN p.peran <> 'PPL'
            THEN masalah('id_petugas', s.id_petugas, 'hanya PPL yang diberi SLS (peran: ' || p.peran || ')') END,
        CASE WHEN p.kode_kab <> w.kode_kab
            THEN masalah('id_petugas', s.id_petugas,
                'petugas kabupaten ' || p.kode_kab || ' diberi SLS di kabupaten ' || w.kode_kab) END
    ], lambda m: m IS NOT NULL) AS masalah
FROM s
LEFT JOIN wilayah w ON w.idsubsls = s._id
LEFT JOIN petugas p ON p.id_petugas = teks(s.id_petugas)
