-- Assignments: each SLS to one PPL of the same regency.
WITH s AS (
    SELECT *, kode(idsubsls) AS _id, kode(id_petugas) AS _petugas FROM stg
)
SELECT
    s._baris,
    s._id AS _kunci,
    s._id AS idsubsls,
    s._petugas AS id_petugas,
    list_filter([
        wajib('idsubsls', s.idsubsls),
        CASE WHEN s._id IS NOT NULL AND w.idsubsls IS NULL
            THEN sls_tak_dikenal('idsubsls', s.idsubsls, s._id) END,
        wajib('id_petugas', s.id_petugas),
        CASE WHEN ada(s.id_petugas) AND p.id_petugas IS NULL
            THEN coalesce(cek_kode('id_petugas', s.id_petugas),
                masalah('id_petugas', s.id_petugas, 'petugas tidak terdaftar')) END,
        CASE WHEN p.peran <> 'PPL'
            THEN masalah('id_petugas', s.id_petugas,
                'hanya PPL yang diberi SLS (peran: ' || p.peran || ')') END,
        CASE WHEN p.kode_kab <> w.kode_kab
            THEN masalah('id_petugas', s.id_petugas,
                'petugas kabupaten ' || p.kode_kab || ' diberi SLS di kabupaten ' || w.kode_kab) END
    ], lambda m: m IS NOT NULL) AS masalah
FROM s
LEFT JOIN wilayah w ON w.idsubsls = s._id
LEFT JOIN petugas p ON p.id_petugas = s._petugas
