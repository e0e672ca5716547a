-- The milestones of the area's schedule ($kab, or the province when NULL; a regency without rows of
-- its own follows the province, named in sumber): the first phase's start, then each phase's end
-- with its target.
WITH
jadwal AS (SELECT * FROM jadwal),
jadwal_area AS (SELECT * FROM jadwal_area),
tahap AS (
    SELECT j.*, a.sumber
    FROM jadwal j JOIN jadwal_area a ON a.sumber = j.kode_wilayah
    WHERE a.kode_wilayah = coalesce($kab, kode_provinsi())
),
mulai AS (
    SELECT tanggal_mulai AS tanggal, tahap, 'mulai' AS jenis, NULL::DOUBLE AS target_persen, sumber
    FROM tahap ORDER BY tanggal_mulai LIMIT 1
)
SELECT * FROM mulai
UNION ALL
SELECT tanggal_selesai, tahap, 'selesai', target_persen, sumber FROM tahap
ORDER BY tanggal, jenis
