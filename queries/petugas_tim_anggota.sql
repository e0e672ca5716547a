-- One team as of $as_of in the province or regency $kab: the PML (a $tingkat 'PML') or Koseka
-- ($tingkat 'KOSEKA') whose id is $tim, and its members: a PML's PPL, a Koseka's PML; from
-- petugas_dinilai (queries/macros.sql). The team's own row first (tingkat = $tingkat), then the members,
-- furthest behind their plan first (selisih, no plan last; equal rows in petugas_kinerja's order).
-- Columns: those of petugas_kinerja.
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
kinerja AS (SELECT * FROM petugas_dinilai($as_of, $kab))
SELECT tingkat, kode_kab, nama_pendek, id_koseka, id_pml, id_petugas, nama, nama_pml, nama_koseka,
       jumlah_sls, ditugaskan, terdata, persen, terdata_7hari, laju_7hari, harapan_keluarga, harapan_persen,
       selisih_keluarga, selisih, status, sisa_keluarga, terakhir_didata, hari_menganggur, median_kab,
       batas_beban, kali_median, mulai, jumlah_ppl, ppl_aktif, ppl_menganggur, ppl_belum_mulai,
       ppl_tertinggal, ppl_beban_berlebih
FROM kinerja
WHERE ($tingkat = 'PML' AND id_pml = $tim AND tingkat IN ('PML', 'PPL'))
   OR ($tingkat = 'KOSEKA' AND id_koseka = $tim AND tingkat IN ('KOSEKA', 'PML'))
ORDER BY tingkat <> $tingkat, selisih NULLS LAST, kode_kab, id_koseka NULLS LAST, id_pml NULLS LAST,
         id_petugas NULLS LAST
