-- Officers who recorded more than 40 families on one day (up to $as_of): four times the expected
-- daily pace, usually a backlog entered in one go or forms dated on the wrong day. The officer counts
-- in their own regency ($kab). Busy days are counted at load time; names are joined to the few.
WITH
petugas_hari_sibuk AS (SELECT * FROM petugas_hari_sibuk),  -- counted at load time (data/rollup.sql)
petugas AS (SELECT * FROM petugas),
kabupaten AS (SELECT * FROM kabupaten),
sibuk AS (
    SELECT * FROM petugas_hari_sibuk WHERE tanggal <= $as_of
)
SELECT s.id_petugas, p.nama, p.peran, p.kode_kab, k.nama_pendek, s.tanggal, s.keluarga
FROM sibuk s
JOIN petugas p USING (id_petugas)
JOIN kabupaten k ON k.kode_kab = p.kode_kab
WHERE $kab IS NULL OR p.kode_kab = $kab
ORDER BY s.keluarga DESC, s.tanggal, s.id_petugas
