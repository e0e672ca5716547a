-- Officers against plan as of $as_of: every PPL of the province or of regency $kab, and their PML,
-- Koseka, regency and (for the whole province) province rows, as petugas_dinilai (queries/macros.sql)
-- defines them: one row per officer, team and area, in the order of the teams. The whole table, for the
-- officers' files and the known-answer tests; the page asks the other petugas_* questions, which select
-- from the same macro only the rows it shows.
-- tingkat: PPL | PML | KOSEKA | KAB | PROV. Columns: tingkat, kode_kab, nama_pendek, id_koseka, id_pml,
-- id_petugas, nama (the row's officer, team leader or area), nama_pml, nama_koseka (a PPL's, a PML's),
-- jumlah_sls, ditugaskan, terdata, persen, terdata_7hari, laju_7hari, harapan_keluarga, harapan_persen,
-- selisih_keluarga, selisih, status (officers and teams only), sisa_keluarga, terakhir_didata,
-- hari_menganggur, median_kab, batas_beban, kali_median, mulai (PPL only), and the counts of PPL:
-- jumlah_ppl, ppl_aktif, ppl_menganggur, ppl_belum_mulai, ppl_tertinggal, ppl_beban_berlebih.
WITH
-- Read three times (the PPL, their PML, their Koseka). DuckDB copies a CTE read more than once into
-- memory before reading it; NOT MATERIALIZED keeps each read a scan of the table.
petugas AS NOT MATERIALIZED (SELECT * FROM petugas),
penugasan AS (SELECT * FROM penugasan),
wilayah AS (SELECT * FROM wilayah),
registrasi_harian AS NOT MATERIALIZED (SELECT * FROM registrasi_harian),
-- jadwal_area and titik_rencana are read here and by rencana_pada (a table macro reads the calling
-- query's CTEs of the names it uses): NOT MATERIALIZED, so that each read scans the view, as before.
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
ORDER BY kode_kab NULLS LAST, id_koseka NULLS LAST, id_pml NULLS LAST, id_petugas NULLS LAST
