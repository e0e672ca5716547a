-- Schedule phases by area: the province (kode_provinsi(), data/contract.py) or a regency.
WITH s AS (
    SELECT *, kode(kode_wilayah) AS _wilayah, kode(kode_wilayah) || ' / ' || teks(tahap) AS _id FROM stg
)
SELECT
    _baris,
    _id AS _kunci,
    _wilayah AS kode_wilayah,
    teks(tahap) AS tahap,
    tgl(tanggal_mulai) AS tanggal_mulai,
    tgl(tanggal_selesai) AS tanggal_selesai,
    desimal(target_persen) AS target_persen,
    list_filter([
        wajib('kode_wilayah', kode_wilayah),
        CASE WHEN ada(kode_wilayah) AND _wilayah <> kode_provinsi()
                AND _wilayah NOT IN (SELECT kode_kab FROM kabupaten)
            THEN masalah('kode_wilayah', kode_wilayah,
                'harus ' || kode_provinsi() || ' (provinsi) atau kode BPS kabupaten/kota') END,
        wajib('tahap', tahap),
        cek_kode('tahap', tahap),
        wajib('tanggal_mulai', tanggal_mulai),
        cek_tgl('tanggal_mulai', tanggal_mulai),
        wajib('tanggal_selesai', tanggal_selesai),
        cek_tgl('tanggal_selesai', tanggal_selesai),
        CASE WHEN tgl(tanggal_selesai) < tgl(tanggal_mulai)
            THEN masalah('tanggal_selesai', tanggal_selesai, 'sebelum tanggal_mulai') END,
        wajib('target_persen', target_persen),
        CASE WHEN ada(target_persen) AND NOT coalesce(desimal(target_persen) BETWEEN 0 AND 100, false)
            THEN masalah('target_persen', target_persen, 'harus angka 0 sampai 100') END
    ], lambda m: m IS NOT NULL) AS masalah
FROM s
