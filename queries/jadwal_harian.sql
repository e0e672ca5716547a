-- Families enumerated per day in the area ($kab, or the province when NULL), from the campaign's
-- first day (the schedule's first phase, or an earlier first family) to $as_of, with the trailing
-- 7-day average: that day and the 6 before, days without families counting as 0; in the campaign's
-- first week, the average of its days so far (days before the campaign would pull it down).
WITH
jadwal AS (SELECT * FROM jadwal),
registrasi_rentang AS (SELECT * FROM registrasi_rentang),
registrasi_harian AS (SELECT * FROM registrasi_harian),
awal AS (
    SELECT least((SELECT min(tanggal_mulai) FROM jadwal), (SELECT tanggal_awal FROM registrasi_rentang))
               AS tanggal
),
hari AS (
    SELECT unnest(generate_series(tanggal, $as_of::DATE, INTERVAL 1 DAY))::DATE AS tanggal FROM awal
),
per_hari AS (
    SELECT tanggal_didata AS tanggal, sum(keluarga)::BIGINT AS terdata
    FROM registrasi_harian
    WHERE tanggal_didata <= $as_of AND ($kab IS NULL OR kode_kab = $kab)
    GROUP BY ALL
),
harian AS (
    SELECT h.tanggal, coalesce(p.terdata, 0)::BIGINT AS terdata
    FROM hari h LEFT JOIN per_hari p USING (tanggal)
)
SELECT tanggal, terdata,
       avg(terdata) OVER (ORDER BY tanggal ROWS BETWEEN 6 PRECEDING AND CURRENT ROW) AS rata_7hari
FROM harian
ORDER BY tanggal
