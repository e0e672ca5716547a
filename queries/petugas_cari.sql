-- The PPL whose id or name holds $cari, in any case (NULL: every PPL), as of $as_of in the province or
-- regency $kab: the first $batas, furthest behind their own plan first (selisih, no plan last; equal rows
-- in the order of the teams, petugas_kinerja's), from petugas_dinilai (queries/macros.sql).
-- Columns: jumlah (how many PPL match), then every column of petugas_kinerja's PPL rows.
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
kinerja AS (SELECT * FROM petugas_dinilai($as_of, $kab)),
ditemukan AS (
    SELECT *
    FROM kinerja
    WHERE tingkat = 'PPL'
      AND ($cari IS NULL OR contains(lower(id_petugas), lower($cari)) OR contains(lower(nama), lower($cari)))
)
SELECT count(*) OVER () AS jumlah,
       tingkat, kode_kab, nama_pendek, id_koseka, id_pml, id_petugas, nama, nama_pml, nama_koseka,
       jumlah_sls, ditugaskan, terdata, persen, terdata_7hari, laju_7hari, harapan_keluarga, harapan_persen,
       selisih_keluarga, selisih, status, sisa_keluarga, terakhir_didata, hari_menganggur, median_kab,
       batas_beban, kali_median, mulai, jumlah_ppl, ppl_aktif, ppl_menganggur, ppl_belum_mulai,
       ppl_tertinggal, ppl_beban_berlebih
FROM ditemukan
ORDER BY selisih NULLS LAST, kode_kab, id_koseka NULLS LAST, id_pml NULLS LAST, id_petugas
LIMIT $batas
