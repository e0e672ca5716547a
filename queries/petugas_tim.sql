-- The PML and Koseka teams of the province or of regency $kab (the teams of its PPL, ppl_tim in
-- queries/macros.sql) whose leader's id or name holds $cari, in any case (NULL: every team): the first
-- $batas in the order of the teams, each Koseka before its PML (as petugas_kinerja lists them).
-- Columns: jumlah (how many teams match), tingkat (PML | KOSEKA), kode_kab, nama_pendek, id_koseka,
-- id_pml (NULL for a Koseka), nama (the leader's).
WITH
-- Read three times (the PPL, their PML, their Koseka): NOT MATERIALIZED keeps each read a scan.
petugas AS NOT MATERIALIZED (SELECT * FROM petugas),
kabupaten AS (SELECT * FROM kabupaten),
ppl AS (SELECT * FROM ppl_tim($kab)),
tim AS (
    SELECT DISTINCT 'KOSEKA' AS tingkat, kode_kab, id_koseka, NULL AS id_pml, nama_koseka AS nama
    FROM ppl WHERE nama_koseka IS NOT NULL
    UNION ALL
    SELECT DISTINCT 'PML', kode_kab, id_koseka, id_pml, nama_pml FROM ppl WHERE nama_pml IS NOT NULL
),
ditemukan AS (
    SELECT *
    FROM tim
    WHERE $cari IS NULL
       OR contains(lower(coalesce(id_pml, id_koseka)), lower($cari)) OR contains(lower(nama), lower($cari))
)
SELECT count(*) OVER () AS jumlah, t.tingkat, t.kode_kab, k.nama_pendek, t.id_koseka, t.id_pml, t.nama
FROM ditemukan t LEFT JOIN kabupaten k USING (kode_kab)
ORDER BY t.kode_kab, t.id_koseka NULLS LAST, t.tingkat = 'PML', t.id_pml NULLS LAST
LIMIT $batas
