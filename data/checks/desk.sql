-- Collective-desk sites.
WITH s AS (
    SELECT *, kode(id_desk) AS _id, kode(kode_kab) AS _kab FROM stg
)
SELECT
    _baris,
    _id AS _kunci,
    _id AS id_desk,
    teks(nama_lokasi) AS nama_lokasi,
    _kab AS kode_kab,
    bulat(jumlah_meja) AS jumlah_meja,
    tgl(tanggal_buka) AS tanggal_buka,
    tgl(tanggal_tutup) AS tanggal_tutup,
    list_filter([
        wajib('id_desk', id_desk),
        cek_kode('id_desk', id_desk),
        wajib('nama_lokasi', nama_lokasi),
        wajib('kode_kab', kode_kab),
        cek_kab('kode_kab', kode_kab),
        wajib('jumlah_meja', jumlah_meja),
        CASE WHEN ada(jumlah_meja) AND coalesce(bulat(jumlah_meja) < 1, true)
            THEN masalah('jumlah_meja', jumlah_meja, 'harus bilangan bulat ≥ 1') END,
        wajib('tanggal_buka', tanggal_buka),
        cek_tgl('tanggal_buka', tanggal_buka),
        cek_tgl('tanggal_tutup', tanggal_tutup),
        CASE WHEN tgl(tanggal_tutup) < tgl(tanggal_buka)
            THEN masalah('tanggal_tutup', tanggal_tutup, 'sebelum tanggal_buka') END
    ], lambda m: m IS NOT NULL) AS masalah
FROM s
