-- Families withdrawn, newest first: the family, its regency and SLS, when it was enumerated, the
-- reason, the file and load that withdrew it (UTC), and the later load that registered it again
-- (NULL while it stays withdrawn); at most $batas rows. Withdrawn families count nowhere else.
WITH
pembatalan AS (SELECT * FROM pembatalan),
kabupaten AS (SELECT * FROM kabupaten),
muat AS (SELECT * FROM muat),
dimuat AS (
    SELECT id_muat, nama_kiriman(berkas) AS nama_berkas, waktu_muat FROM muat
)
SELECT b.id_keluarga, k.nama_pendek, b.idsubsls, b.tanggal_didata, b.alasan,
       m.nama_berkas, m.waktu_muat, b.dipulihkan, p.nama_berkas AS nama_berkas_pemulih,
       p.waktu_muat AS waktu_pemulihan
FROM pembatalan b
JOIN kabupaten k USING (kode_kab)
JOIN dimuat m ON m.id_muat = b.id_muat
LEFT JOIN dimuat p ON p.id_muat = b.dipulihkan
ORDER BY b.id_muat DESC, b.id_keluarga
LIMIT $batas
