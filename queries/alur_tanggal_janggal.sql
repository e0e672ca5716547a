-- Families with an impossible enumeration date, grouped per officer, date and reason:
-- 'sebelum_mulai': before the campaign started (the first phase's tanggal_mulai in the province
--   schedule), counted as of $as_of like every family;
-- 'setelah_muat': after the day (WITA) the warehouse received the row (its load, muat): a date in
--   the future when it was exported. Those families are past any as-of day the data offer, so they
--   are shown whatever $as_of is, until the export is corrected.
-- Narrowed by the regency of the family's SLS ($kab).
WITH batas AS (
    SELECT (SELECT min(tanggal_mulai) FROM jadwal WHERE kode_wilayah = '64') AS tanggal_mulai,
           (SELECT min((waktu_muat + INTERVAL 8 HOUR)::DATE) FROM muat WHERE jenis = 'registrasi') AS muat_pertama
),
-- A cheap first cut on the date alone; the row's own load day is looked up for these few.
calon AS (
    SELECT r.*, b.tanggal_mulai
    FROM registrasi r CROSS JOIN batas b
    WHERE (r.tanggal_didata < b.tanggal_mulai OR r.tanggal_didata > b.muat_pertama)
      AND ($kab IS NULL OR r.kode_kab = $kab)
),
janggal AS (
    SELECT c.id_petugas, c.kode_kab, c.tanggal_didata, c.id_keluarga, c.tanggal_mulai,
           (m.waktu_muat + INTERVAL 8 HOUR)::DATE AS tanggal_muat,
           CASE WHEN c.tanggal_didata < c.tanggal_mulai AND c.tanggal_didata <= $as_of THEN 'sebelum_mulai'
                WHEN c.tanggal_didata > (m.waktu_muat + INTERVAL 8 HOUR)::DATE THEN 'setelah_muat' END AS alasan
    FROM calon c JOIN muat m USING (id_muat)
)
SELECT j.alasan, j.id_petugas, p.nama, k.nama_pendek, j.tanggal_didata AS tanggal,
       count(*) AS keluarga,
       list(j.id_keluarga ORDER BY j.id_keluarga)[1:5] AS contoh_keluarga,
       max(j.tanggal_muat) AS tanggal_muat,
       any_value(j.tanggal_mulai) AS tanggal_mulai
FROM janggal j
JOIN petugas p USING (id_petugas)
JOIN kabupaten k ON k.kode_kab = j.kode_kab
WHERE j.alasan IS NOT NULL
GROUP BY ALL
ORDER BY j.alasan, tanggal, j.id_petugas
