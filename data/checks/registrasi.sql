-- Families registered. Dates must follow the form's path: enumerated, then checked, then received;
-- a desk family's house check comes after its desk interview.
WITH s AS (
    SELECT *, kode(id_keluarga) AS _id, kode(idsubsls) AS _sls, kode(id_petugas) AS _petugas,
        kode(id_desk) AS _desk,
        CASE WHEN ada(id_keluarga) THEN min(_baris) OVER (PARTITION BY kode(id_keluarga)) END AS _pertama,
        upper(teks(kanal)) AS _kanal,
        tgl(tanggal_didata) AS _didata, tgl(tanggal_diperiksa) AS _diperiksa,
        tgl(tanggal_diterima) AS _diterima, tgl(tanggal_cek_rumah) AS _cek_rumah,
        waktu(waktu_datang) AS _datang, waktu(waktu_mulai) AS _mulai, waktu(waktu_selesai) AS _selesai
    FROM stg
)
SELECT
    s._baris,
    s._id AS _kunci,
    s._id AS id_keluarga,
    w.idsubsls,
    w.kode_kab,
    p.id_petugas,
    s._kanal AS kanal,
    s._desk AS id_desk,
    s._didata AS tanggal_didata,
    s._diperiksa AS tanggal_diperiksa,
    s._diterima AS tanggal_diterima,
    s._cek_rumah AS tanggal_cek_rumah,
    s._datang AS waktu_datang,
    s._mulai AS waktu_mulai,
    s._selesai AS waktu_selesai,
    bulat(s.jumlah_art) AS jumlah_art,
    list_filter([
        wajib('id_keluarga', s.id_keluarga),
        cek_kode('id_keluarga', s.id_keluarga),
        duplikat('id_keluarga', s.id_keluarga, s._pertama, s._baris),
        wajib('idsubsls', s.idsubsls),
        CASE WHEN ada(s.idsubsls) AND w.idsubsls IS NULL THEN sls_tak_dikenal('idsubsls', s.idsubsls) END,
        wajib('id_petugas', s.id_petugas),
        CASE WHEN ada(s.id_petugas) AND p.id_petugas IS NULL
            THEN coalesce(cek_kode('id_petugas', s.id_petugas), masalah('id_petugas', s.id_petugas, 'petugas tidak terdaftar')) END,
        wajib('kanal', s.kanal),
        CASE WHEN ada(s.kanal) AND s._kanal NOT IN ('PINTU', 'DESK')
            THEN masalah('kanal', s.kanal, 'harus PINTU atau DESK') END,
        CASE WHEN s._kanal = 'DESK' AND NOT ada(s.id_desk)
            THEN masalah('id_desk', s.id_desk, 'wajib diisi untuk kanal DESK') END,
        CASE WHEN s._kanal = 'DESK' AND ada(s.id_desk) AND d.id_desk IS NULL
            THEN masalah('id_desk', s.id_desk, 'desk tidak terdaftar') END,
        CASE WHEN s._kanal = 'PINTU' AND ada(s.id_desk)
            THEN masalah('id_desk', s.id_desk, 'hanya untuk kanal DESK') END,
        wajib('tanggal_didata', s.tanggal_didata),
        cek_tgl('tanggal_didata', s.tanggal_didata),
        cek_tgl('tanggal_diperiksa', s.tanggal_diperiksa),
        CASE WHEN s._diperiksa < s._didata
            THEN masalah('tanggal_diperiksa', s.tanggal_diperiksa, 'sebelum tanggal_didata') END,
        cek_tgl('tanggal_diterima', s.tanggal_diterima),
        CASE WHEN s._diterima IS NOT NULL AND NOT ada(s.tanggal_diperiksa)
            THEN masalah('tanggal_diterima', s.tanggal_diterima, 'diterima tanpa tanggal_diperiksa') END,
        CASE WHEN s._diterima < s._diperiksa
            THEN masalah('tanggal_diterima', s.tanggal_diterima, 'sebelum tanggal_diperiksa') END,
        cek_tgl('tanggal_cek_rumah', s.tanggal_cek_rumah),
        CASE WHEN s._cek_rumah < s._didata
            THEN masalah('tanggal_cek_rumah', s.tanggal_cek_rumah, 'sebelum tanggal_didata') END,
        cek_waktu('waktu_datang', s.waktu_datang),
        cek_waktu('waktu_mulai', s.waktu_mulai),
        cek_waktu('waktu_selesai', s.waktu_selesai),
        CASE WHEN s._mulai < s._datang
            THEN masalah('waktu_mulai', s.waktu_mulai, 'sebelum waktu_datang') END,
        CASE WHEN s._selesai < s._mulai
            THEN masalah('waktu_selesai', s.waktu_selesai, 'sebelum waktu_mulai') END,
        wajib('jumlah_art', s.jumlah_art),
        CASE WHEN ada(s.jumlah_art) AND coalesce(bulat(s.jumlah_art) < 1, true)
            THEN masalah('jumlah_art', s.jumlah_art, 'harus bilangan bulat ≥ 1') END
    ], lambda m: m IS NOT NULL) AS masalah
FROM s
LEFT JOIN wilayah w ON w.idsubsls = s._sls
LEFT JOIN petugas p ON p.id_petugas = s._petugas
LEFT JOIN desk d ON d.id_desk = s._desk
