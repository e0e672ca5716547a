-- Summary tables, rebuilt from the contract tables at the end of every load: the pages read these
-- instead of one row per family (85 million at national scale, where a day of an SLS holds ~6).
-- They hold nothing of their own, so rebuilding them whole keeps them right by construction.

-- Families enumerated per SLS, officer and day; kode_kab is the SLS's regency. Sorted so that a
-- regency's rows sit together and its filter skips the rest.
CREATE OR REPLACE TABLE registrasi_harian AS
SELECT kode_kab, idsubsls, id_petugas, tanggal_didata, count(*)::INTEGER AS keluarga
FROM registrasi
GROUP BY ALL
ORDER BY kode_kab, idsubsls, tanggal_didata;

-- The span of the data (any step of a form) and the families held, in one row.
CREATE OR REPLACE TABLE registrasi_rentang AS
SELECT min(tanggal_didata) AS tanggal_awal,
       greatest(max(tanggal_didata), max(tanggal_diperiksa), max(tanggal_diterima), max(tanggal_cek_rumah))
           AS tanggal_akhir,
       count(*) AS jumlah_keluarga
FROM registrasi;

-- Families per regency, channel and the dates of the form's steps (enumerated, checked, received):
-- a few thousand rows whatever the number of families, for the pipeline and the desks' share.
CREATE OR REPLACE TABLE registrasi_alur AS
SELECT kode_kab, kanal, tanggal_didata, tanggal_diperiksa, tanggal_diterima, count(*)::INTEGER AS keluarga
FROM registrasi
GROUP BY ALL
ORDER BY kode_kab, tanggal_didata;
