-- House checks still pending for desk families as of $as_of (tanggal_cek_rumah empty or later than
-- $as_of), by age: days from the desk interview to $as_of, in the buckets 0–3, 4–7, 8–14 and more
-- than 14 days. Per desk site ('lokasi'), per regency of the family's home ('kabupaten': its PPL
-- makes the check) and in all ('semua'); $kab narrows to families whose home is in that regency.
WITH
registrasi AS (SELECT * FROM registrasi),
desk AS (SELECT * FROM desk),
kabupaten AS (SELECT * FROM kabupaten),
keluarga AS (
    SELECT r.id_desk, r.kode_kab,
           r.tanggal_cek_rumah IS NULL OR r.tanggal_cek_rumah > $as_of AS menunggu,
           $as_of::DATE - r.tanggal_didata AS umur
    FROM registrasi r
    WHERE r.kanal = 'DESK' AND r.tanggal_didata <= $as_of AND ($kab IS NULL OR r.kode_kab = $kab)
),
grup AS (
    SELECT grouping(id_desk, kode_kab) AS g, id_desk, kode_kab,
           count(*) AS keluarga_desk,
           count(*) FILTER (menunggu) AS menunggu,
           count(*) FILTER (menunggu AND umur <= 3) AS menunggu_0_3,
           count(*) FILTER (menunggu AND umur BETWEEN 4 AND 7) AS menunggu_4_7,
           count(*) FILTER (menunggu AND umur BETWEEN 8 AND 14) AS menunggu_8_14,
           count(*) FILTER (menunggu AND umur > 14) AS menunggu_lebih_14,
           max(umur) FILTER (menunggu) AS umur_tertua
    FROM keluarga
    GROUP BY GROUPING SETS ((id_desk), (kode_kab), ())
)
SELECT CASE g WHEN 1 THEN 'lokasi' WHEN 2 THEN 'kabupaten' ELSE 'semua' END AS tingkat,
       coalesce(grup.id_desk, grup.kode_kab) AS kode,
       coalesce(d.nama_lokasi, k.nama_pendek) AS nama,
       keluarga_desk, menunggu,
       CASE WHEN keluarga_desk > 0 THEN 100.0 * menunggu / keluarga_desk END AS menunggu_persen,
       menunggu_0_3, menunggu_4_7, menunggu_8_14, menunggu_lebih_14, umur_tertua
FROM grup
LEFT JOIN desk d ON d.id_desk = grup.id_desk
LEFT JOIN kabupaten k ON k.kode_kab = grup.kode_kab
ORDER BY g, menunggu DESC, nama
