-- Collective desks as of $as_of: families served, families per counter-hour, and the median and
-- 90th percentile of waiting time (waktu_mulai − waktu_datang) and service time (waktu_selesai −
-- waktu_mulai) in minutes; per site and day (tingkat 'hari'), per site over all its days ('lokasi')
-- and all sites together ('semua'). A site counts in its own regency ($kab).
-- Opening hours: a fixed office day of 7 hours (08.00–15.00 WITA) per counter on every day the site
-- served a family, so families per counter-hour reads as use of what was offered, and a day with one
-- visitor reads as a quiet day rather than a fast one.
-- Percentiles interpolate between neighbours (quantile_cont, as numpy and spreadsheets do).
WITH
registrasi AS (SELECT * FROM registrasi),
-- Read three times (the families' sites, the counters, the names). DuckDB copies a CTE read more than
-- once into memory before reading it; NOT MATERIALIZED keeps each read a scan of the table.
desk AS NOT MATERIALIZED (SELECT * FROM desk),
keluarga AS (
    SELECT r.id_desk, r.tanggal_didata AS tanggal,
           date_diff('second', r.waktu_datang, r.waktu_mulai) / 60.0 AS menit_tunggu,
           date_diff('second', r.waktu_mulai, r.waktu_selesai) / 60.0 AS menit_layanan
    FROM registrasi r JOIN desk d USING (id_desk)
    WHERE r.kanal = 'DESK' AND r.tanggal_didata <= $as_of AND ($kab IS NULL OR d.kode_kab = $kab)
),
hari_buka AS (
    SELECT DISTINCT id_desk, tanggal FROM keluarga
),
jam_buka AS (
    SELECT k.id_desk, k.tanggal, d.jumlah_meja * 7.0 AS jam_meja
    FROM hari_buka k JOIN desk d USING (id_desk)
),
layanan AS (
    SELECT grouping(id_desk, tanggal) AS g, id_desk, tanggal,
           count(*) AS dilayani,
           quantile_cont(menit_tunggu, 0.5) AS tunggu_median,
           quantile_cont(menit_tunggu, 0.9) AS tunggu_p90,
           quantile_cont(menit_layanan, 0.5) AS layanan_median,
           quantile_cont(menit_layanan, 0.9) AS layanan_p90
    FROM keluarga
    GROUP BY GROUPING SETS ((id_desk, tanggal), (id_desk), ())
),
kapasitas AS (
    SELECT grouping(id_desk, tanggal) AS g, id_desk, tanggal, sum(jam_meja) AS jam_meja
    FROM jam_buka
    GROUP BY GROUPING SETS ((id_desk, tanggal), (id_desk), ())
)
SELECT CASE l.g WHEN 0 THEN 'hari' WHEN 1 THEN 'lokasi' ELSE 'semua' END AS tingkat,
       l.id_desk, d.nama_lokasi, d.jumlah_meja, l.tanggal,
       l.dilayani, k.jam_meja, l.dilayani / k.jam_meja AS per_jam_meja,
       l.tunggu_median, l.tunggu_p90, l.layanan_median, l.layanan_p90
FROM layanan l
JOIN kapasitas k ON k.g = l.g AND k.id_desk IS NOT DISTINCT FROM l.id_desk
                AND k.tanggal IS NOT DISTINCT FROM l.tanggal
LEFT JOIN desk d ON d.id_desk = l.id_desk
WHERE l.dilayani > 0
ORDER BY l.g DESC, d.nama_lokasi, l.id_desk, l.tanggal DESC
