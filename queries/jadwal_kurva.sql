-- Planned against actual cumulative completion (% of target) per day, for every regency and the
-- province (kode_provinsi()): the plan over the whole schedule (rencana_pada, day by day), the actual
-- from the campaign's first day to $as_of (NULL after it). Families count on the day they were enumerated;
-- completion counts each SLS up to its target (persen_capaian, as capaian_wilayah).
WITH
-- titik_rencana and jadwal_area are read more than once, by this query and by rencana_pada (a table
-- macro reads the calling query's CTEs of the names it uses). DuckDB copies a CTE read more than once
-- into memory before reading it; NOT MATERIALIZED keeps each read a scan, as of the views themselves.
titik_rencana AS NOT MATERIALIZED (SELECT * FROM titik_rencana),
jadwal_area AS NOT MATERIALIZED (SELECT * FROM jadwal_area),
registrasi_rentang AS (SELECT * FROM registrasi_rentang),
registrasi_harian AS (SELECT * FROM registrasi_harian),
wilayah AS (SELECT * FROM wilayah),
kabupaten AS (SELECT * FROM kabupaten),
rentang AS (
    SELECT least((SELECT min(tanggal) FROM titik_rencana), (SELECT tanggal_awal FROM registrasi_rentang))
               AS awal,
           greatest((SELECT max(tanggal) FROM titik_rencana), $as_of::DATE) AS akhir
),
hari AS (
    SELECT unnest(generate_series(awal, akhir, INTERVAL 1 DAY))::DATE AS tanggal FROM rentang
),
target AS (
    SELECT coalesce(kode_kab, kode_provinsi()) AS kode_wilayah,
           sum(target_keluarga)::BIGINT AS target_keluarga
    FROM wilayah GROUP BY GROUPING SETS ((kode_kab), ())
),
per_hari AS (
    -- kode_kab is the SLS's regency, set by the loader from the master wilayah.
    SELECT coalesce(kode_kab, kode_provinsi()) AS kode_wilayah, tanggal_didata AS tanggal,
           sum(keluarga)::BIGINT AS terdata, sum(keluarga_terhitung)::BIGINT AS terhitung
    FROM registrasi_harian WHERE tanggal_didata <= $as_of
    GROUP BY GROUPING SETS ((kode_kab, tanggal_didata), (tanggal_didata))
),
kumulatif AS (
    SELECT a.kode_wilayah, h.tanggal,
           sum(coalesce(p.terdata, 0)) OVER hari_ini AS terdata,
           sum(coalesce(p.terhitung, 0)) OVER hari_ini AS terhitung
    FROM jadwal_area a CROSS JOIN hari h
    LEFT JOIN per_hari p ON p.kode_wilayah = a.kode_wilayah AND p.tanggal = h.tanggal
    WINDOW hari_ini AS (PARTITION BY a.kode_wilayah ORDER BY h.tanggal)
)
SELECT k.kode_wilayah,
       coalesce(kab.nama_pendek, nama_provinsi()) AS nama_pendek,
       k.tanggal,
       r.harapan_persen,
       CASE WHEN k.tanggal <= $as_of THEN k.terdata::BIGINT END AS terdata,
       CASE WHEN k.tanggal <= $as_of THEN persen_capaian(k.terhitung, t.target_keluarga) END AS persen
FROM kumulatif k
-- The plan of each day (queries/macros.sql), called per row.
JOIN LATERAL rencana_pada(k.tanggal) r ON r.kode_wilayah = k.kode_wilayah
LEFT JOIN target t ON t.kode_wilayah = k.kode_wilayah
LEFT JOIN kabupaten kab ON kab.kode_kab = k.kode_wilayah
ORDER BY k.kode_wilayah = kode_provinsi(), k.kode_wilayah, k.tanggal
