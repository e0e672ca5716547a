-- Who acts on each SLS of desa $desa (kecamatan $kec, regency $kab): its PPL (penugasan) and the PPL's
-- PML, by id and name. Names of officers: only for the roles that may see them (queries/access.py).
WITH
wilayah AS (SELECT * FROM wilayah),
penugasan AS (SELECT * FROM penugasan),
-- Read twice (the PPL, their PML). DuckDB copies a CTE read more than once into memory before reading
-- it; NOT MATERIALIZED keeps each read a scan of the table.
petugas AS NOT MATERIALIZED (SELECT * FROM petugas),
sls AS (
    SELECT idsubsls FROM wilayah WHERE kode_kab = $kab AND kode_kec = $kec AND kode_desa = $desa
)
SELECT s.idsubsls, t.id_petugas AS id_ppl, ppl.nama AS nama_ppl,
       pml.id_petugas AS id_pml, pml.nama AS nama_pml
FROM sls s
LEFT JOIN penugasan t USING (idsubsls)
LEFT JOIN petugas ppl ON ppl.id_petugas = t.id_petugas
LEFT JOIN petugas pml ON pml.id_petugas = ppl.id_pengawas
ORDER BY s.idsubsls
