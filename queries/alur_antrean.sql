-- Forms waiting as of $as_of, by step and age: waiting for the PML's check (age: days since
-- enumeration) or for receipt at the BPS regency office (age: days since the check), in the buckets
-- 0–3, 4–7, 8–14 and more than 14 days; per regency of the family's SLS, narrowed by $kab.
WITH
registrasi_alur AS (SELECT * FROM registrasi_alur),
kabupaten AS (SELECT * FROM kabupaten),
menunggu AS (
    SELECT kode_kab, keluarga,
           CASE WHEN tanggal_diperiksa IS NULL OR tanggal_diperiksa > $as_of THEN 'periksa' ELSE 'terima' END
               AS tahap,
           $as_of::DATE - CASE WHEN tanggal_diperiksa IS NULL OR tanggal_diperiksa > $as_of
                               THEN tanggal_didata ELSE tanggal_diperiksa END AS umur
    FROM registrasi_alur
    WHERE tanggal_didata <= $as_of
      AND (tanggal_diterima IS NULL OR tanggal_diterima > $as_of)
      AND ($kab IS NULL OR kode_kab = $kab)
)
SELECT m.kode_kab, k.nama_pendek, m.tahap,
       CASE WHEN umur <= 3 THEN '0-3' WHEN umur <= 7 THEN '4-7' WHEN umur <= 14 THEN '8-14' ELSE '>14' END
           AS kelompok,
       sum(m.keluarga)::BIGINT AS keluarga
FROM menunggu m JOIN kabupaten k USING (kode_kab)
GROUP BY ALL
ORDER BY m.kode_kab, m.tahap, min(umur)
