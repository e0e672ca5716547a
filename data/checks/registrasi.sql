-- Families registered. Dates must follow the form's path: enumerated, then checked, then received;
-- a desk family's house check comes after its desk interview; none comes after the day of the load.
-- Every value is parsed once (s). Almost every row is valid, so a row's list of problems is built only
-- when it fails the quick test below, which passes exactly the rows that no check in the list flags.
-- A family given twice in the file is the loader's to settle (data/loader.py, after these checks).
WITH s AS (
    SELECT *, kunci_keluarga(id_keluarga) AS _id, kode(idsubsls) AS _sls, kode(id_petugas) AS _petugas,
        kode(id_desk) AS _desk, upper(teks(kanal)) AS _kanal,
        tgl(tanggal_didata) AS _didata, tgl(tanggal_diperiksa) AS _diperiksa,
        tgl(tanggal_diterima) AS _diterima, tgl(tanggal_cek_rumah) AS _cek_rumah,
        waktu(waktu_datang) AS _datang, waktu(waktu_mulai) AS _mulai, waktu(waktu_selesai) AS _selesai,
        bulat(jumlah_art) AS _art
    FROM stg
),
r AS (
    SELECT s.*, w.idsubsls AS _sls_master, w.kode_kab AS _kab, p.id_petugas AS _petugas_terdaftar,
        d.id_desk AS _desk_terdaftar
    FROM s
    LEFT JOIN wilayah w ON w.idsubsls = s._sls
    LEFT JOIN petugas p ON p.id_petugas = s._petugas
    LEFT JOIN desk d ON d.id_desk = s._desk
)
SELECT
    _baris,
    _id AS _kunci,
    _id AS id_keluarga,
    _sls_master AS idsubsls,
    _kab AS kode_kab,
    _petugas_terdaftar AS id_petugas,
    _kanal AS kanal,
    _desk AS id_desk,
    _didata AS tanggal_didata,
    _diperiksa AS tanggal_diperiksa,
    _diterima AS tanggal_diterima,
    _cek_rumah AS tanggal_cek_rumah,
    _datang AS waktu_datang,
    _mulai AS waktu_mulai,
    _selesai AS waktu_selesai,
    _art AS jumlah_art,
    CASE WHEN _id IS NOT NULL AND cek_kode('id_keluarga', id_keluarga) IS NULL
        AND _sls_master IS NOT NULL AND _petugas_terdaftar IS NOT NULL
        AND CASE _kanal WHEN 'PINTU' THEN _desk IS NULL WHEN 'DESK' THEN _desk_terdaftar IS NOT NULL
            ELSE false END
        AND _didata IS NOT NULL
        AND (_diperiksa >= _didata OR (_diperiksa IS NULL AND NOT ada(tanggal_diperiksa)))
        AND (_diterima >= _diperiksa OR (_diterima IS NULL AND NOT ada(tanggal_diterima)))
        AND (_cek_rumah >= _didata OR (_cek_rumah IS NULL AND NOT ada(tanggal_cek_rumah)))
        AND (_datang IS NOT NULL OR NOT ada(waktu_datang))
        AND (_mulai IS NOT NULL OR NOT ada(waktu_mulai))
        AND (_selesai IS NOT NULL OR NOT ada(waktu_selesai))
        AND (_mulai < _datang) IS NOT TRUE AND (_selesai < _mulai) IS NOT TRUE
        AND _art >= 1
        AND greatest(_didata, _diperiksa, _diterima, _cek_rumah, _datang::DATE, _mulai::DATE, _selesai::DATE)
            <= hari_muat()
    THEN []
    ELSE list_filter([
        wajib('id_keluarga', id_keluarga),
        cek_kode('id_keluarga', id_keluarga),
        wajib('idsubsls', idsubsls),
        CASE WHEN ada(idsubsls) AND _sls_master IS NULL THEN sls_tak_dikenal('idsubsls', idsubsls, _sls) END,
        wajib('id_petugas', id_petugas),
        CASE WHEN ada(id_petugas) AND _petugas_terdaftar IS NULL
            THEN coalesce(cek_kode('id_petugas', id_petugas),
                masalah('id_petugas', id_petugas, 'petugas tidak terdaftar')) END,
        wajib('kanal', kanal),
        CASE WHEN ada(kanal) AND _kanal NOT IN ('PINTU', 'DESK')
            THEN masalah('kanal', kanal, 'harus PINTU atau DESK') END,
        CASE WHEN _kanal = 'DESK' AND NOT ada(id_desk)
            THEN masalah('id_desk', id_desk, 'wajib diisi untuk kanal DESK') END,
        CASE WHEN _kanal = 'DESK' AND ada(id_desk) AND _desk_terdaftar IS NULL
            THEN masalah('id_desk', id_desk, 'desk tidak terdaftar') END,
        CASE WHEN _kanal = 'PINTU' AND ada(id_desk)
            THEN masalah('id_desk', id_desk, 'hanya untuk kanal DESK') END,
        wajib('tanggal_didata', tanggal_didata),
        cek_tgl('tanggal_didata', tanggal_didata),
        cek_setelah_muat('tanggal_didata', tanggal_didata, _didata),
        cek_tgl('tanggal_diperiksa', tanggal_diperiksa),
        cek_setelah_muat('tanggal_diperiksa', tanggal_diperiksa, _diperiksa),
        cek_urutan('tanggal_diperiksa', tanggal_diperiksa, _diperiksa, 'tanggal_didata', _didata),
        cek_tgl('tanggal_diterima', tanggal_diterima),
        cek_setelah_muat('tanggal_diterima', tanggal_diterima, _diterima),
        CASE WHEN _diterima IS NOT NULL AND NOT ada(tanggal_diperiksa)
            THEN masalah('tanggal_diterima', tanggal_diterima, 'diterima tanpa tanggal_diperiksa') END,
        cek_urutan('tanggal_diterima', tanggal_diterima, _diterima, 'tanggal_diperiksa', _diperiksa),
        cek_tgl('tanggal_cek_rumah', tanggal_cek_rumah),
        cek_setelah_muat('tanggal_cek_rumah', tanggal_cek_rumah, _cek_rumah),
        cek_urutan('tanggal_cek_rumah', tanggal_cek_rumah, _cek_rumah, 'tanggal_didata', _didata),
        cek_waktu('waktu_datang', waktu_datang),
        cek_setelah_muat('waktu_datang', waktu_datang, _datang),
        cek_waktu('waktu_mulai', waktu_mulai),
        cek_setelah_muat('waktu_mulai', waktu_mulai, _mulai),
        cek_waktu('waktu_selesai', waktu_selesai),
        cek_setelah_muat('waktu_selesai', waktu_selesai, _selesai),
        cek_urutan('waktu_mulai', waktu_mulai, _mulai, 'waktu_datang', _datang),
        cek_urutan('waktu_selesai', waktu_selesai, _selesai, 'waktu_mulai', _mulai),
        wajib('jumlah_art', jumlah_art),
        CASE WHEN ada(jumlah_art) AND coalesce(_art < 1, true)
            THEN masalah('jumlah_art', jumlah_art, 'harus bilangan bulat ≥ 1') END
    ], lambda m: m IS NOT NULL) END AS masalah
FROM r
