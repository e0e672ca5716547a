-- Officers who recorded more than 40 families on one day (up to $as_of): four times the expected
-- daily pace, usually a backlog entered in one go or forms dated on the wrong day. The officer counts
-- in their own regency ($kab). Days are counted first; names are joined to the few flagged.
WITH sibuk AS (
    SELECT id_petugas, tanggal_didata AS tanggal, sum(keluarga)::BIGINT AS keluarga
    FROM registrasi_harian
    WHERE tanggal_didata <= $as_of
    GROUP BY ALL
    HAVING sum(keluarga) > 40
)
SELECT s.id_petugas, p.nama, p.peran, p.kode_kab, k.nama_pendek, s.tanggal, s.keluarga
FROM sibuk s
JOIN petugas p USING (id_petugas)
JOIN kabupaten k ON k.kode_kab = p.kode_kab
WHERE $kab IS NULL OR p.kode_kab = $kab
ORDER BY s.keluarga DESC, s.tanggal, s.id_petugas
