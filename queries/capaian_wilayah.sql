-- Completion against plan as of $as_of: one row per regency plus the province (kode_wilayah '64'),
-- computed in one grouping so the regencies always sum to the province.
-- Families count on the day they were enumerated, in their SLS's regency; officers count in their own.
WITH keluarga AS (
    SELECT kode_kab, id_petugas, tanggal_didata, keluarga
    FROM registrasi_harian
    WHERE tanggal_didata <= $as_of
),
per_kab AS (
    SELECT kode_kab,
           sum(keluarga)::BIGINT AS terdata,
           (sum(keluarga) FILTER (tanggal_didata > $as_of - 7))::BIGINT AS terdata_7hari
    FROM keluarga GROUP BY kode_kab
),
aktif AS (
    SELECT DISTINCT id_petugas FROM keluarga WHERE tanggal_didata > $as_of - 3
),
ppl AS (
    SELECT p.kode_kab, p.id_petugas, a.id_petugas IS NOT NULL AS aktif
    FROM petugas p LEFT JOIN aktif a USING (id_petugas)
    WHERE p.peran = 'PPL'
),
per_kab_lengkap AS (
    SELECT k.kode_kab,
           coalesce(t.target_keluarga, 0) AS target_keluarga,
           coalesce(f.terdata, 0) AS terdata,
           coalesce(f.terdata_7hari, 0) AS terdata_7hari
    FROM kabupaten k
    LEFT JOIN (SELECT kode_kab, sum(target_keluarga) AS target_keluarga FROM wilayah GROUP BY ALL) t USING (kode_kab)
    LEFT JOIN per_kab f USING (kode_kab)
),
petugas_kab AS (
    SELECT kode_kab, count(*) AS jumlah_ppl, count(*) FILTER (aktif) AS ppl_aktif_3hari
    FROM ppl GROUP BY kode_kab
),
digabung AS (
    SELECT coalesce(k.kode_kab, '64') AS kode_wilayah,
           sum(k.target_keluarga)::BIGINT AS target_keluarga,
           sum(k.terdata)::BIGINT AS terdata,
           sum(k.terdata_7hari)::BIGINT AS terdata_7hari,
           coalesce(sum(p.jumlah_ppl), 0)::BIGINT AS jumlah_ppl,
           coalesce(sum(p.ppl_aktif_3hari), 0)::BIGINT AS ppl_aktif_3hari
    FROM per_kab_lengkap k LEFT JOIN petugas_kab p USING (kode_kab)
    GROUP BY GROUPING SETS ((k.kode_kab), ())
),
hitung AS (
    SELECT d.*,
           coalesce(k.nama_kab, 'Kalimantan Timur') AS nama_wilayah,
           coalesce(k.nama_pendek, 'Kalimantan Timur') AS nama_pendek,
           CASE WHEN d.target_keluarga > 0 THEN 100.0 * d.terdata / d.target_keluarga END AS persen,
           r.harapan_persen,
           r.tanggal_target,
           d.terdata_7hari / 7.0 AS laju_7hari,
           greatest(d.target_keluarga - d.terdata, 0) AS sisa_keluarga
    FROM digabung d
    LEFT JOIN kabupaten k ON k.kode_kab = d.kode_wilayah
    LEFT JOIN rencana_pada($as_of) r USING (kode_wilayah)
)
SELECT kode_wilayah, nama_wilayah, nama_pendek, target_keluarga, terdata, persen, harapan_persen,
       persen - harapan_persen AS selisih,
       status_rencana(persen - harapan_persen) AS status,
       terdata_7hari, laju_7hari, sisa_keluarga,
       tanggal_target,
       tanggal_target - $as_of::DATE AS sisa_hari,
       target_keluarga > 0 AND sisa_keluarga = 0 AS tercapai,
       CASE WHEN sisa_keluarga > 0 AND terdata_7hari > 0
            THEN $as_of::DATE + CAST(ceil(sisa_keluarga * 7.0 / terdata_7hari) AS INTEGER) END AS proyeksi_selesai,
       jumlah_ppl, ppl_aktif_3hari
FROM hitung
ORDER BY kode_wilayah = '64', kode_wilayah
