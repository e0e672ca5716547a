-- Completion against plan as of $as_of: one row per regency plus the province
-- (kode_wilayah = kode_provinsi()), computed in one grouping so the regencies always sum to the province.
-- Families count on the day they were enumerated, in their SLS's regency; officers count in their own.
-- Completion and families left count each SLS up to its target (persen_capaian, queries/macros.sql), so
-- the regencies' families left sum to the province's and no SLS above target hides one below it.
WITH
registrasi_harian AS (SELECT * FROM registrasi_harian),
petugas AS (SELECT * FROM petugas),
wilayah AS (SELECT * FROM wilayah),
-- Read twice (the regencies' rows, their names). DuckDB copies a CTE read more than once into memory
-- before reading it; NOT MATERIALIZED keeps each read a scan of the table.
kabupaten AS NOT MATERIALIZED (SELECT * FROM kabupaten),
rencana AS (SELECT * FROM rencana_pada($as_of)),  -- the plan for the day (queries/macros.sql)
-- Read twice (per_kab, aktif): MATERIALIZED keeps one pass over the day's families for both, where
-- DuckDB would otherwise copy the whole import above and filter the copy for each reader.
keluarga AS MATERIALIZED (
    SELECT kode_kab, id_petugas, tanggal_didata, keluarga, keluarga_terhitung
    FROM registrasi_harian
    WHERE tanggal_didata <= $as_of
),
per_kab AS (
    SELECT kode_kab,
           sum(keluarga)::BIGINT AS terdata,
           sum(keluarga_terhitung)::BIGINT AS terhitung,
           (sum(keluarga) FILTER (tanggal_didata > $as_of - 7))::BIGINT AS terdata_7hari
    FROM keluarga GROUP BY kode_kab
),
aktif AS (
    SELECT DISTINCT id_petugas FROM keluarga WHERE tanggal_didata > $as_of - hari_aktif()
),
ppl AS (
    SELECT p.kode_kab, p.id_petugas, a.id_petugas IS NOT NULL AS aktif
    FROM petugas p LEFT JOIN aktif a USING (id_petugas)
    WHERE p.peran = 'PPL'
),
target_kab AS (
    SELECT kode_kab, sum(target_keluarga) AS target_keluarga FROM wilayah GROUP BY ALL
),
per_kab_lengkap AS (
    SELECT k.kode_kab,
           coalesce(t.target_keluarga, 0) AS target_keluarga,
           coalesce(f.terdata, 0) AS terdata,
           coalesce(f.terhitung, 0) AS terhitung,
           coalesce(f.terdata_7hari, 0) AS terdata_7hari
    FROM kabupaten k
    LEFT JOIN target_kab t USING (kode_kab)
    LEFT JOIN per_kab f USING (kode_kab)
),
petugas_kab AS (
    SELECT kode_kab, count(*) AS jumlah_ppl, count(*) FILTER (aktif) AS ppl_aktif
    FROM ppl GROUP BY kode_kab
),
digabung AS (
    SELECT coalesce(k.kode_kab, kode_provinsi()) AS kode_wilayah,
           sum(k.target_keluarga)::BIGINT AS target_keluarga,
           sum(k.terdata)::BIGINT AS terdata,
           sum(k.terhitung)::BIGINT AS terhitung,
           sum(k.terdata_7hari)::BIGINT AS terdata_7hari,
           coalesce(sum(p.jumlah_ppl), 0)::BIGINT AS jumlah_ppl,
           coalesce(sum(p.ppl_aktif), 0)::BIGINT AS ppl_aktif
    FROM per_kab_lengkap k LEFT JOIN petugas_kab p USING (kode_kab)
    GROUP BY GROUPING SETS ((k.kode_kab), ())
),
hitung AS (
    SELECT d.*,
           coalesce(k.nama_kab, nama_provinsi()) AS nama_wilayah,
           coalesce(k.nama_pendek, nama_provinsi()) AS nama_pendek,
           persen_capaian(d.terhitung, d.target_keluarga) AS persen,
           r.harapan_persen,
           r.tanggal_target,
           d.terdata_7hari / hari_laju($as_of) AS laju_7hari,  -- over the days so far in the first week
           d.target_keluarga - d.terhitung AS sisa_keluarga
    FROM digabung d
    LEFT JOIN kabupaten k ON k.kode_kab = d.kode_wilayah
    LEFT JOIN rencana r USING (kode_wilayah)
)
SELECT kode_wilayah, nama_wilayah, nama_pendek, target_keluarga, terdata, terhitung, persen, harapan_persen,
       persen - harapan_persen AS selisih,
       status_rencana(persen - harapan_persen) AS status,
       terdata_7hari, laju_7hari, sisa_keluarga,
       tanggal_target,
       tanggal_target - $as_of::DATE AS sisa_hari,
       target_keluarga > 0 AND sisa_keluarga = 0 AS tercapai,
       CASE WHEN sisa_keluarga > 0 AND terdata_7hari > 0
            THEN $as_of::DATE + ceil(sisa_keluarga / laju_7hari)::INTEGER END AS proyeksi_selesai,
       jumlah_ppl, ppl_aktif
FROM hitung
ORDER BY kode_wilayah = kode_provinsi(), kode_wilayah
