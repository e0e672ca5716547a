-- The form pipeline as of $as_of, per regency (of the family's SLS) and the province (kode_provinsi()):
-- enumerated (tanggal_didata), checked by the PML (tanggal_diperiksa), received at the BPS regency
-- office (tanggal_diterima), each counted only from its own date <= $as_of; forms waiting at each
-- step; median days between steps over the forms that made the step by $as_of.
-- One pass turns the families into a small histogram of (regency, days to check, days to receipt);
-- the medians are read off its cumulative counts (the mean of the two middle values when the count
-- is even, as median() gives), so no per-family list is sorted.
WITH
registrasi_alur AS (SELECT * FROM registrasi_alur),
kabupaten AS (SELECT * FROM kabupaten),
histogram AS (
    SELECT kode_kab,
           CASE WHEN tanggal_diperiksa <= $as_of THEN tanggal_diperiksa - tanggal_didata END AS hari_periksa,
           CASE WHEN tanggal_diterima <= $as_of THEN tanggal_diterima - tanggal_diperiksa END AS hari_terima,
           sum(keluarga)::BIGINT AS n
    FROM registrasi_alur
    WHERE tanggal_didata <= $as_of
    GROUP BY ALL
),
per_area AS (
    SELECT coalesce(kode_kab, kode_provinsi()) AS kode_wilayah,
           sum(n) AS terdata,
           coalesce(sum(n) FILTER (hari_periksa IS NOT NULL), 0) AS diperiksa,
           coalesce(sum(n) FILTER (hari_terima IS NOT NULL), 0) AS diterima
    FROM histogram
    GROUP BY GROUPING SETS ((kode_kab), ())
),
-- The histogram's days per step: one row per regency, step and number of days.
hari_tahap AS (
    SELECT kode_kab, 'periksa' AS tahap, hari_periksa AS hari, n FROM histogram WHERE hari_periksa IS NOT NULL
    UNION ALL
    SELECT kode_kab, 'terima', hari_terima, n FROM histogram WHERE hari_terima IS NOT NULL
),
jarak AS (
    SELECT coalesce(kode_kab, kode_provinsi()) AS kode_wilayah, tahap, hari, sum(n) AS n
    FROM hari_tahap
    GROUP BY GROUPING SETS ((kode_kab, tahap, hari), (tahap, hari))
),
kumulatif AS (
    SELECT *,
           sum(n) OVER (PARTITION BY kode_wilayah, tahap ORDER BY hari) AS sampai,
           sum(n) OVER (PARTITION BY kode_wilayah, tahap) AS total
    FROM jarak
),
median_tahap AS (
    SELECT kode_wilayah, tahap,
           (min(hari) FILTER (sampai >= (total + 1) // 2) + min(hari) FILTER (sampai >= total // 2 + 1)) / 2.0
               AS median
    FROM kumulatif GROUP BY ALL
),
median_area AS (
    SELECT kode_wilayah,
           max(median) FILTER (tahap = 'periksa') AS median_hari_periksa,
           max(median) FILTER (tahap = 'terima') AS median_hari_terima
    FROM median_tahap
    GROUP BY kode_wilayah
),
wilayah_lengkap AS (
    SELECT kode_kab AS kode_wilayah, nama_pendek FROM kabupaten
    UNION ALL SELECT kode_provinsi(), nama_provinsi()
)
SELECT w.kode_wilayah, w.nama_pendek,
       coalesce(p.terdata, 0)::BIGINT AS terdata,
       coalesce(p.diperiksa, 0)::BIGINT AS diperiksa,
       coalesce(p.diterima, 0)::BIGINT AS diterima,
       coalesce(p.terdata - p.diperiksa, 0)::BIGINT AS menunggu_periksa,
       coalesce(p.diperiksa - p.diterima, 0)::BIGINT AS menunggu_terima,
       m.median_hari_periksa, m.median_hari_terima
FROM wilayah_lengkap w
LEFT JOIN per_area p USING (kode_wilayah)
LEFT JOIN median_area m USING (kode_wilayah)
WHERE $kab IS NULL OR w.kode_wilayah IN ($kab, kode_provinsi())
ORDER BY w.kode_wilayah = kode_provinsi(), w.kode_wilayah
