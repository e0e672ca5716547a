-- Rejected rows, one line per problem found, newest load first, filtered by:
--   $status 'terbuka' (no later load has brought a valid row for the key yet), 'selesai' (one has:
--   the line names that load) or 'semua'; $jenis a kind; $muat one load (a file); $cari text the
--   reason contains, any case. NULL leaves a filter out. At most $batas lines (NULL: all of them).
WITH
tolak AS (SELECT * FROM tolak),
muat AS (SELECT * FROM muat)
SELECT t.id_muat, t.berkas,
       nama_kiriman(t.berkas) AS nama_berkas,
       t.jenis, t.baris, t.kunci, t.kolom, t.nilai, t.alasan, t.isi, t.diselesaikan,
       nama_kiriman(f.berkas) AS nama_berkas_penyelesai,
       f.waktu_muat AS waktu_penyelesaian
FROM tolak t
LEFT JOIN muat f ON f.id_muat = t.diselesaikan
WHERE ($status = 'semua' OR ($status = 'terbuka') = (t.diselesaikan IS NULL))
  AND ($jenis IS NULL OR t.jenis = $jenis)
  AND ($muat IS NULL OR t.id_muat = $muat)
  AND ($cari IS NULL OR contains(lower(t.alasan), lower($cari)))
ORDER BY t.id_muat DESC, t.baris, t.kolom
LIMIT $batas
