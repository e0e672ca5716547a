-- Families recorded by an officer in an SLS assigned to another PPL (penugasan), up to $as_of, one
-- row per officer and SLS: a wrong SLS code on the form, or a hand-over nobody recorded. An SLS with
-- no assignment cannot be checked and is left out. Narrowed by the regency of the SLS ($kab).
WITH
registrasi_harian AS (SELECT * FROM registrasi_harian),
penugasan AS (SELECT * FROM penugasan),
wilayah AS (SELECT * FROM wilayah),
kabupaten AS (SELECT * FROM kabupaten),
-- Read twice (the officer, the SLS's PPL). DuckDB copies a CTE read more than once into memory before
-- reading it; NOT MATERIALIZED keeps each read a scan of the table, as a view would be.
petugas AS NOT MATERIALIZED (SELECT * FROM petugas),
luar AS (
    SELECT r.id_petugas, r.idsubsls, a.id_petugas AS id_ppl_sls,
           sum(r.keluarga)::BIGINT AS keluarga,
           min(r.tanggal_didata) AS tanggal_awal, max(r.tanggal_didata) AS tanggal_akhir
    FROM registrasi_harian r JOIN penugasan a USING (idsubsls)
    WHERE r.id_petugas <> a.id_petugas AND r.tanggal_didata <= $as_of AND ($kab IS NULL OR r.kode_kab = $kab)
    GROUP BY ALL
)
SELECT l.id_petugas, p.nama, l.idsubsls, w.nama_kec, w.nama_desa, w.nama_sls, w.kode_kab, k.nama_pendek,
       l.id_ppl_sls, pa.nama AS nama_ppl_sls, l.keluarga, l.tanggal_awal, l.tanggal_akhir
FROM luar l
JOIN wilayah w USING (idsubsls)
JOIN kabupaten k ON k.kode_kab = w.kode_kab
JOIN petugas p ON p.id_petugas = l.id_petugas
JOIN petugas pa ON pa.id_petugas = l.id_ppl_sls
ORDER BY l.keluarga DESC, l.id_petugas, l.idsubsls
