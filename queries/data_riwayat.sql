-- Every load, one row per file, newest first: the file (its path as given, and its name as it was
-- sent: the Data page saves an upload as <UTC time>_<name>), its kind, when it was loaded (UTC),
-- rows read, loaded, replaced and rejected, its SHA-256 and whether it was simulated. Files of one
-- invocation share a load time; their load ids keep their order.
WITH
muat AS (SELECT * FROM muat)
SELECT id_muat, berkas,
       nama_kiriman(berkas) AS nama_berkas,
       jenis, waktu_muat,
       baris_dibaca, baris_dimuat, baris_diganti, baris_ditolak, checksum, simulasi
FROM muat
ORDER BY id_muat DESC
