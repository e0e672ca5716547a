-- SLS with no family yet as of $as_of although their PPL (from penugasan) has already registered
-- families elsewhere, in regency $kab or the whole province: the PPL has started but not here.
-- Longest-waiting first (the PPL's first day), at most 100 rows; `jumlah` counts them all.
WITH
wilayah AS (SELECT * FROM wilayah),
sls_mulai AS (SELECT * FROM sls_mulai),
registrasi_harian AS (SELECT * FROM registrasi_harian),
petugas AS (SELECT * FROM petugas),
-- Read twice (the PPL of the SLS, and the rows). DuckDB copies a CTE read more than once into memory
-- before reading it; NOT MATERIALIZED keeps each read a scan of the table.
penugasan AS NOT MATERIALIZED (SELECT * FROM penugasan),
kosong AS (
    SELECT w.*
    FROM wilayah w LEFT JOIN sls_mulai m USING (idsubsls)
    WHERE ($kab IS NULL OR w.kode_kab = $kab)
      AND (m.tanggal_pertama IS NULL OR m.tanggal_pertama > $as_of)
),
ppl_kosong AS (
    SELECT t.id_petugas FROM penugasan t JOIN kosong USING (idsubsls)
),
-- Only the PPL of those SLS: their first day and families (in $kab) up to $as_of.
mulai AS (
    SELECT id_petugas, min(tanggal_didata) AS tanggal_mulai, sum(keluarga)::BIGINT AS terdata_ppl
    FROM registrasi_harian
    WHERE ($kab IS NULL OR kode_kab = $kab) AND tanggal_didata <= $as_of
      AND id_petugas IN (SELECT id_petugas FROM ppl_kosong)
    GROUP BY id_petugas
)
SELECT s.idsubsls, s.nama_sls, s.nama_desa, s.nama_kec, s.nama_kab, s.target_keluarga,
       t.id_petugas, p.nama AS nama_petugas, m.tanggal_mulai, m.terdata_ppl,
       count(*) OVER () AS jumlah
FROM kosong s
JOIN penugasan t USING (idsubsls)
JOIN mulai m ON m.id_petugas = t.id_petugas
JOIN petugas p ON p.id_petugas = t.id_petugas
ORDER BY m.tanggal_mulai, s.idsubsls
LIMIT 100
