-- Summary tables, rebuilt from the contract tables at the end of every load: the pages read these
-- instead of one row per family (85 million at national scale, where a day of an SLS holds ~6).
-- They hold nothing of their own, so rebuilding them whole keeps them right by construction.
-- Each is listed with its columns in data/schema.sql (tests/test_schema_docs.py keeps the two alike).

-- Families enumerated per SLS, officer and day; kode_kab is the SLS's regency. Sorted so that a
-- regency's rows sit together and its filter skips the rest.
-- keluarga_terhitung: of those families, the ones that count toward completion. An SLS counts at most
-- its target, so families above target in one SLS never hide a shortfall in another: summed up to any
-- day, an area's keluarga_terhitung is its target minus the sum of its SLS' families left. The SLS'
-- rows are taken in date order (officers of one day in id order), each counting what is still short.
CREATE OR REPLACE TABLE registrasi_harian AS
WITH
registrasi AS (SELECT * FROM registrasi),
wilayah AS (SELECT * FROM wilayah),
per_hari AS (
    SELECT kode_kab, idsubsls, id_petugas, tanggal_didata, count(*)::INTEGER AS keluarga
    FROM registrasi
    GROUP BY ALL
),
berjalan AS (
    SELECT p.*,
           sum(p.keluarga) OVER (
               PARTITION BY p.idsubsls ORDER BY p.tanggal_didata, p.id_petugas ROWS UNBOUNDED PRECEDING
           ) AS kumulatif,
           coalesce(w.target_keluarga, 0) AS target_keluarga
    FROM per_hari p LEFT JOIN wilayah w USING (idsubsls)
)
SELECT kode_kab, idsubsls, id_petugas, tanggal_didata, keluarga,
       (least(kumulatif, target_keluarga) - least(kumulatif - keluarga, target_keluarga))::INTEGER
           AS keluarga_terhitung
FROM berjalan
ORDER BY kode_kab, idsubsls, tanggal_didata;

-- The span of the data (any step of a form) and the families held, in one row.
CREATE OR REPLACE TABLE registrasi_rentang AS
WITH
registrasi AS (SELECT * FROM registrasi)
SELECT min(tanggal_didata) AS tanggal_awal,
       greatest(max(tanggal_didata), max(tanggal_diperiksa), max(tanggal_diterima), max(tanggal_cek_rumah))
           AS tanggal_akhir,
       count(*) AS jumlah_keluarga
FROM registrasi;

-- Families per regency, channel and the dates of the form's steps (enumerated, checked, received):
-- a few thousand rows whatever the number of families, for the pipeline and the desks' share.
CREATE OR REPLACE TABLE registrasi_alur AS
WITH
registrasi AS (SELECT * FROM registrasi)
SELECT kode_kab, kanal, tanggal_didata, tanggal_diperiksa, tanggal_diterima, count(*)::INTEGER AS keluarga
FROM registrasi
GROUP BY ALL
ORDER BY kode_kab, tanggal_didata;

-- Officer-days with more than 40 families (four times the expected daily pace): the pipeline page's
-- busy-day anomaly. Few rows; counting them at query time meant grouping every officer's every day.
CREATE OR REPLACE TABLE petugas_hari_sibuk AS
WITH
registrasi_harian AS (SELECT * FROM registrasi_harian)
SELECT id_petugas, tanggal_didata AS tanggal, sum(keluarga)::BIGINT AS keluarga
FROM registrasi_harian
GROUP BY ALL
HAVING sum(keluarga) > 40;

-- Families whose enumeration date cannot be right: before the province's first phase starts, or
-- after the day (WITA) the warehouse received the row. Few rows; finding them meant a pass over
-- every family. queries/alur_tanggal_janggal.sql applies the as-of day and names the reason.
CREATE OR REPLACE TABLE registrasi_janggal AS
WITH
registrasi AS (SELECT * FROM registrasi),
muat AS (SELECT * FROM muat),
jadwal AS (SELECT * FROM jadwal),
-- The province's first day: one row (NULL without a province schedule, and then no family is early).
mulai_provinsi AS (
    SELECT min(tanggal_mulai) AS tanggal_mulai FROM jadwal WHERE kode_wilayah = kode_provinsi()
),
dimuat AS (
    SELECT r.id_keluarga, r.id_petugas, r.kode_kab, r.tanggal_didata,
           p.tanggal_mulai,
           (m.waktu_muat + INTERVAL 8 HOUR)::DATE AS tanggal_muat
    FROM registrasi r JOIN muat m USING (id_muat) CROSS JOIN mulai_provinsi p
)
SELECT * FROM dimuat WHERE tanggal_didata < tanggal_mulai OR tanggal_didata > tanggal_muat;

-- Each SLS's first family: the SLS not started by a day are those without one by then.
CREATE OR REPLACE TABLE sls_mulai AS
WITH
registrasi_harian AS (SELECT * FROM registrasi_harian)
SELECT idsubsls, min(tanggal_didata) AS tanggal_pertama
FROM registrasi_harian
GROUP BY idsubsls;

-- Families whose place does not fit who registered them: an SLS outside the officer's regency, or a
-- family served at a desk of another regency. Few rows; finding them meant joining every family.
-- queries/alur_luar_wilayah.sql applies the as-of day and the regency.
CREATE OR REPLACE TABLE registrasi_luar_wilayah AS
WITH
registrasi AS (SELECT * FROM registrasi),
petugas AS (SELECT * FROM petugas),
desk AS (SELECT * FROM desk)
SELECT r.id_keluarga, r.id_petugas, r.kode_kab, r.idsubsls, r.tanggal_didata, r.id_desk,
       p.kode_kab AS kode_kab_petugas, d.kode_kab AS kode_kab_desk
FROM registrasi r
JOIN petugas p USING (id_petugas)
LEFT JOIN desk d ON d.id_desk = r.id_desk
WHERE p.kode_kab <> r.kode_kab OR d.kode_kab <> r.kode_kab;
