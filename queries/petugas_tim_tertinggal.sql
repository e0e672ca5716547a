-- The PML teams furthest behind their officers' plan as of $as_of, in the province or regency $kab, for
-- the meeting's slide: the area's own row (PROV, or KAB for a regency: its PPL behind), then the first
-- $batas PML rows by their gap (selisih; teams without a plan left out; equal gaps in petugas_kinerja's
-- order), from petugas_dinilai (queries/macros.sql). Columns: tingkat, kode_kab, nama_pendek, id_koseka,
-- id_pml, nama, jumlah_ppl, ppl_tertinggal, ditugaskan, persen, harapan_persen, selisih, status.
WITH
-- The tables petugas_dinilai reads; NOT MATERIALIZED where it reads one more than once, so that each
-- read scans the table (see petugas_kinerja.sql).
petugas AS NOT MATERIALIZED (SELECT * FROM petugas),
penugasan AS (SELECT * FROM penugasan),
wilayah AS (SELECT * FROM wilayah),
registrasi_harian AS NOT MATERIALIZED (SELECT * FROM registrasi_harian),
jadwal_area AS NOT MATERIALIZED (SELECT * FROM jadwal_area),
titik_rencana AS NOT MATERIALIZED (SELECT * FROM titik_rencana),
kabupaten AS (SELECT * FROM kabupaten),
-- Read for the area and for its teams: worked out once.
kinerja AS MATERIALIZED (SELECT * FROM petugas_dinilai($as_of, $kab)),
tim AS (
    SELECT *
    FROM kinerja
    WHERE tingkat = 'PML' AND selisih IS NOT NULL
    ORDER BY selisih, kode_kab, id_koseka NULLS LAST, id_pml
    LIMIT $batas
),
-- PROV is there only for the whole province.
baris AS (
    SELECT * FROM kinerja WHERE tingkat = 'PROV' OR tingkat = 'KAB' AND $kab IS NOT NULL
    UNION ALL
    SELECT * FROM tim
)
SELECT tingkat, kode_kab, nama_pendek, id_koseka, id_pml, nama, jumlah_ppl, ppl_tertinggal,
       ditugaskan, persen, harapan_persen, selisih, status
FROM baris
ORDER BY tingkat = 'PML', selisih, kode_kab, id_koseka NULLS LAST, id_pml
