-- The daily pace the area ($kab, or the province when NULL) needs from the end of $as_of to reach
-- each target still ahead, against its pace over the last 7 days (over the days so far in the
-- campaign's first week, which 7 would understate). One row per point where the plan reaches a new,
-- higher target after $as_of, and always the final target date (even when passed).
-- Families needed: ceil(target_persen % of the target families) minus those counted by $as_of (each SLS
-- up to its target, as capaian_wilayah counts completion).
WITH
-- Read twice (the first phase, the phases' ends). DuckDB copies a CTE read more than once into memory
-- before reading it; NOT MATERIALIZED keeps each read a scan of the table.
jadwal AS NOT MATERIALIZED (SELECT * FROM jadwal),
registrasi_rentang AS (SELECT * FROM registrasi_rentang),
jadwal_area AS (SELECT * FROM jadwal_area),
titik_rencana AS (SELECT * FROM titik_rencana),
registrasi_harian AS (SELECT * FROM registrasi_harian),
wilayah AS (SELECT * FROM wilayah),
-- Read twice (titik, tahap): MATERIALIZED keeps the one area's row for both, where DuckDB would
-- otherwise copy the whole import jadwal_area and filter the copy for each reader.
area AS MATERIALIZED (
    SELECT sumber FROM jadwal_area WHERE kode_wilayah = coalesce($kab, kode_provinsi())
),
titik AS (
    SELECT t.tanggal, t.persen,
           t.persen > coalesce(
               max(t.persen) OVER (ORDER BY t.tanggal ROWS UNBOUNDED PRECEDING EXCLUDE CURRENT ROW), 0
           ) AS naik,
           t.persen = max(t.persen) OVER () AS puncak
    FROM titik_rencana t JOIN area USING (sumber)
),
sasaran AS (
    -- The first point at the final target is the target date (rencana_pada's tanggal_target).
    SELECT tanggal, persen FROM titik
    WHERE naik AND (tanggal > $as_of OR puncak)
),
tahap AS (
    SELECT j.tanggal_selesai AS tanggal, arg_max(j.tahap, j.target_persen) AS tahap
    FROM jadwal j JOIN area ON area.sumber = j.kode_wilayah GROUP BY ALL
),
keluarga AS (
    SELECT coalesce(sum(keluarga)::BIGINT, 0) AS terdata,
           coalesce(sum(keluarga_terhitung)::BIGINT, 0) AS terhitung,
           coalesce((sum(keluarga) FILTER (tanggal_didata > $as_of - 7))::BIGINT, 0) AS terdata_7hari,
           hari_laju($as_of) AS hari_laju  -- queries/macros.sql
    FROM registrasi_harian
    WHERE tanggal_didata <= $as_of AND ($kab IS NULL OR kode_kab = $kab)
),
target AS (
    SELECT coalesce(sum(target_keluarga), 0)::BIGINT AS target_keluarga
    FROM wilayah WHERE ($kab IS NULL OR kode_kab = $kab)
),
hitung AS (
    SELECT s.tanggal, tahap.tahap, s.persen AS target_persen, target.target_keluarga, k.terdata,
           k.terdata_7hari, k.hari_laju,
           -- round() first: 90 × 50 / 100 may come out a hair above 45 in floating point.
           greatest(ceil(round(s.persen * target.target_keluarga / 100.0, 6))::BIGINT - k.terhitung, 0)
               AS sisa_keluarga,
           s.tanggal - $as_of::DATE AS sisa_hari
    FROM sasaran s JOIN tahap USING (tanggal) CROSS JOIN keluarga k CROSS JOIN target
)
SELECT tanggal, tahap, target_persen, target_keluarga, terdata, sisa_keluarga, sisa_hari,
       CASE WHEN sisa_hari > 0 THEN sisa_keluarga / sisa_hari END AS laju_perlu,
       terdata_7hari / hari_laju AS laju_7hari,
       CASE WHEN sisa_keluarga > 0 AND sisa_hari > 0 AND terdata_7hari > 0
            THEN (sisa_keluarga / sisa_hari) / (terdata_7hari / hari_laju) END AS rasio,
       -- On track when the current pace, kept up, gets there: compared in whole numbers.
       CASE WHEN sisa_keluarga = 0 THEN 'tercapai'
            WHEN sisa_hari <= 0 THEN 'lewat'
            WHEN terdata_7hari * sisa_hari >= hari_laju * sisa_keluarga THEN 'sesuai'
            ELSE 'kurang' END AS penilaian
FROM hitung
ORDER BY tanggal
