-- Families registered outside their place, up to $as_of, one row per officer, regency and reason:
-- 'sls_petugas': the family's SLS lies in another regency than the officer's (a wrong SLS code, or an
--   officer lent to another regency without a new assignment);
-- 'desk': the family was served at a desk of another regency than its SLS.
-- Narrowed by the regency of the family's SLS ($kab). Found at load time (registrasi_luar_wilayah).
WITH
registrasi_luar_wilayah AS (SELECT * FROM registrasi_luar_wilayah),
petugas AS (SELECT * FROM petugas),
desk AS (SELECT * FROM desk),
-- Read three times (the family's, the officer's and the desk's regency). DuckDB copies a CTE read more
-- than once into memory before reading it; NOT MATERIALIZED keeps each read a scan of the table.
kabupaten AS NOT MATERIALIZED (SELECT * FROM kabupaten),
luar AS (
    SELECT *,
           CASE WHEN kode_kab_petugas <> kode_kab THEN 'sls_petugas' ELSE 'desk' END AS alasan
    FROM registrasi_luar_wilayah
    WHERE tanggal_didata <= $as_of AND ($kab IS NULL OR kode_kab = $kab)
),
per_petugas AS (
    SELECT alasan, id_petugas, kode_kab, kode_kab_petugas, id_desk, kode_kab_desk,
           count(*) AS keluarga,
           list(id_keluarga ORDER BY id_keluarga)[1:5] AS contoh_keluarga,
           min(tanggal_didata) AS tanggal_awal, max(tanggal_didata) AS tanggal_akhir
    FROM luar
    GROUP BY ALL
)
SELECT l.alasan, l.id_petugas, p.nama, k.nama_pendek, kp.nama_pendek AS nama_pendek_petugas,
       l.id_desk, d.nama_lokasi, kd.nama_pendek AS nama_pendek_desk,
       l.keluarga, l.contoh_keluarga, l.tanggal_awal, l.tanggal_akhir
FROM per_petugas l
JOIN petugas p USING (id_petugas)
JOIN kabupaten k ON k.kode_kab = l.kode_kab
JOIN kabupaten kp ON kp.kode_kab = l.kode_kab_petugas
LEFT JOIN desk d ON d.id_desk = l.id_desk
LEFT JOIN kabupaten kd ON kd.kode_kab = l.kode_kab_desk
ORDER BY l.alasan DESC, l.keluarga DESC, l.id_petugas
