-- Families with an impossible enumeration date, grouped per officer, date and reason:
-- 'sebelum_mulai': before the campaign started (the first phase's tanggal_mulai in the province
--   schedule), counted as of $as_of like every family;
-- 'setelah_muat': after the day (WITA) the warehouse received the row (its load, muat): a date in
--   the future when it was exported. Those families are past any as-of day the data offer, so they
--   are shown whatever $as_of is, until the export is corrected.
-- Narrowed by the regency of the family's SLS ($kab). The candidates are found at load time
-- (registrasi_janggal, data/rollup.sql).
WITH
registrasi_janggal AS (SELECT * FROM registrasi_janggal),
petugas AS (SELECT * FROM petugas),
kabupaten AS (SELECT * FROM kabupaten),
janggal AS (
    SELECT id_petugas, kode_kab, tanggal_didata, id_keluarga, tanggal_mulai, tanggal_muat,
           CASE WHEN tanggal_didata < tanggal_mulai AND tanggal_didata <= $as_of THEN 'sebelum_mulai'
                WHEN tanggal_didata > tanggal_muat THEN 'setelah_muat' END AS alasan
    FROM registrasi_janggal
    WHERE $kab IS NULL OR kode_kab = $kab
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
