-- Summary tables, brought up to date at the end of every load inside the load's copy: the pages read
-- these instead of one row per family (85 million at national scale, where a day of an SLS holds ~6).
-- Each is listed with its columns in data/schema.sql (tests/test_schema_docs.py keeps the two alike).
--
-- A load changes them by what it changed: registrasi_berubah holds every family row that left
-- registrasi (tanda -1) or came in (tanda +1) in this load, with registrasi's columns. Only the SLS,
-- officer-days and families named there are recomputed, so a daily file costs what it brings. A load
-- that changes the master tables (targets, officers, desks, schedule) starts from empty summary tables
-- with every family row as +1 (data/warehouse.py, refresh_summaries): the same steps then build them
-- whole. tests/test_rollup.py holds both ways to the family rows and to each other.

-- The change in families per SLS, officer and day: a few rows for a day's file, and what the SLS and
-- officer-days to recompute are read from (never from the family rows again).
CREATE OR REPLACE TEMP TABLE selisih_harian AS
WITH
registrasi_berubah AS (SELECT * FROM registrasi_berubah)
SELECT kode_kab, idsubsls, id_petugas, tanggal_didata, sum(tanda) AS keluarga
FROM registrasi_berubah
GROUP BY ALL;

-- The SLS whose rows of registrasi_harian are recomputed.
CREATE OR REPLACE TEMP TABLE sls_berubah AS
WITH
selisih_harian AS (SELECT * FROM selisih_harian)
SELECT DISTINCT idsubsls FROM selisih_harian;

-- Families enumerated per SLS, officer and day; kode_kab is the SLS's regency. A load's rows are
-- appended sorted, so that a regency's rows sit together and its filter skips the rest.
-- keluarga_terhitung: of those families, the ones that count toward completion. An SLS counts at most
-- its target, so families above target in one SLS never hide a shortfall in another: summed up to any
-- day, an area's keluarga_terhitung is its target minus the sum of its SLS' families left. The SLS'
-- rows are taken in date order (officers of one day in id order), each counting what is still short.
CREATE OR REPLACE TEMP TABLE harian_baru AS
WITH
registrasi_harian AS (SELECT * FROM registrasi_harian),
selisih_harian AS (SELECT * FROM selisih_harian),
sls_berubah AS (SELECT * FROM sls_berubah),
wilayah AS (SELECT * FROM wilayah),
sebelum AS (
    SELECT kode_kab, idsubsls, id_petugas, tanggal_didata, keluarga
    FROM registrasi_harian
    WHERE idsubsls IN (SELECT idsubsls FROM sls_berubah)
),
-- Each SLS-officer-day as it was plus its change (a join, not a second grouping: when the tables are
-- built whole, nothing was before).
bersama AS (
    SELECT kode_kab, idsubsls, id_petugas, tanggal_didata,
           (coalesce(s.keluarga, 0) + coalesce(b.keluarga, 0))::INTEGER AS keluarga
    FROM sebelum s FULL JOIN selisih_harian b USING (kode_kab, idsubsls, id_petugas, tanggal_didata)
),
per_hari AS (SELECT * FROM bersama WHERE keluarga <> 0),
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
FROM berjalan;

-- A count below zero means a change went unrecorded: the load fails and the warehouse stays as it was.
SELECT error('ringkasan tidak cocok: keluarga SLS ' || any_value(idsubsls) || ' menjadi negatif')
FROM harian_baru
WHERE keluarga < 0
HAVING count(*) > 0;

DELETE FROM registrasi_harian WHERE idsubsls IN (SELECT idsubsls FROM sls_berubah);

INSERT INTO registrasi_harian
SELECT kode_kab, idsubsls, id_petugas, tanggal_didata, keluarga, keluarga_terhitung
FROM harian_baru
ORDER BY kode_kab, idsubsls, tanggal_didata;

-- Families per regency, channel and the dates of the form's steps (enumerated, checked, received):
-- a few thousand rows whatever the number of families, for the pipeline and the desks' share.
CREATE OR REPLACE TEMP TABLE alur_baru AS
WITH
registrasi_alur AS (SELECT * FROM registrasi_alur),
registrasi_berubah AS (SELECT * FROM registrasi_berubah),
selisih AS (
    SELECT kode_kab, kanal, tanggal_didata, tanggal_diperiksa, tanggal_diterima, sum(tanda) AS keluarga
    FROM registrasi_berubah
    GROUP BY ALL
),
bersama AS (
    SELECT kode_kab, kanal, tanggal_didata, tanggal_diperiksa, tanggal_diterima, keluarga FROM registrasi_alur
    UNION ALL
    SELECT kode_kab, kanal, tanggal_didata, tanggal_diperiksa, tanggal_diterima, keluarga FROM selisih
)
SELECT kode_kab, kanal, tanggal_didata, tanggal_diperiksa, tanggal_diterima,
       sum(keluarga)::INTEGER AS keluarga
FROM bersama
GROUP BY ALL
HAVING sum(keluarga) <> 0;

DELETE FROM registrasi_alur;

INSERT INTO registrasi_alur
SELECT kode_kab, kanal, tanggal_didata, tanggal_diperiksa, tanggal_diterima, keluarga
FROM alur_baru
ORDER BY kode_kab, tanggal_didata;

-- The span of the data (any step of a form) and the families held, in one row. The latest house check
-- is not in the summaries: one pass over that column.
CREATE OR REPLACE TEMP TABLE rentang_baru AS
WITH
registrasi AS (SELECT * FROM registrasi),
registrasi_alur AS (SELECT * FROM registrasi_alur),
langkah AS (
    SELECT min(tanggal_didata) AS tanggal_awal,
           greatest(max(tanggal_didata), max(tanggal_diperiksa), max(tanggal_diterima)) AS tanggal_akhir,
           sum(keluarga) AS jumlah_keluarga
    FROM registrasi_alur
),
cek_rumah AS (SELECT max(tanggal_cek_rumah) AS tanggal_akhir FROM registrasi)
SELECT l.tanggal_awal, greatest(l.tanggal_akhir, c.tanggal_akhir) AS tanggal_akhir,
       coalesce(l.jumlah_keluarga, 0)::BIGINT AS jumlah_keluarga
FROM langkah l CROSS JOIN cek_rumah c;

DELETE FROM registrasi_rentang;

INSERT INTO registrasi_rentang
SELECT tanggal_awal, tanggal_akhir, jumlah_keluarga FROM rentang_baru;

-- Officer-days with more than 40 families (four times the expected daily pace): the pipeline page's
-- busy-day anomaly. Few rows; counting them at query time meant grouping every officer's every day.
CREATE OR REPLACE TEMP TABLE hari_berubah AS
WITH
selisih_harian AS (SELECT * FROM selisih_harian)
SELECT DISTINCT id_petugas, tanggal_didata AS tanggal FROM selisih_harian;

DELETE FROM petugas_hari_sibuk
WHERE (id_petugas, tanggal) IN (SELECT (id_petugas, tanggal) FROM hari_berubah);

INSERT INTO petugas_hari_sibuk
WITH
registrasi_harian AS (SELECT * FROM registrasi_harian),
hari_berubah AS (SELECT * FROM hari_berubah)
SELECT h.id_petugas, h.tanggal_didata AS tanggal, sum(h.keluarga)::BIGINT AS keluarga
FROM registrasi_harian h
JOIN hari_berubah b ON b.id_petugas = h.id_petugas AND b.tanggal = h.tanggal_didata
GROUP BY ALL
HAVING sum(h.keluarga) > 40;

-- Each SLS's first family: the SLS not started by a day are those without one by then.
DELETE FROM sls_mulai WHERE idsubsls IN (SELECT idsubsls FROM sls_berubah);

INSERT INTO sls_mulai
WITH
registrasi_harian AS (SELECT * FROM registrasi_harian),
sls_berubah AS (SELECT * FROM sls_berubah)
SELECT idsubsls, min(tanggal_didata) AS tanggal_pertama
FROM registrasi_harian
WHERE idsubsls IN (SELECT idsubsls FROM sls_berubah)
GROUP BY idsubsls;

-- The family rows this load brought that are still held (a row that came in and was replaced by a
-- later file of the same load came and went). The two tables below hold such rows, one per family:
-- the families whose row left lose theirs, the rows that came in are judged.
CREATE OR REPLACE TEMP VIEW keluarga_masuk AS
WITH
registrasi_berubah AS (SELECT * FROM registrasi_berubah),
keluar AS (SELECT id_keluarga, id_muat FROM registrasi_berubah WHERE tanda < 0)
SELECT r.id_keluarga, r.idsubsls, r.kode_kab, r.id_petugas, r.id_desk, r.tanggal_didata, r.id_muat
FROM registrasi_berubah r
WHERE r.tanda > 0
  AND NOT EXISTS (SELECT 1 FROM keluar k WHERE k.id_keluarga = r.id_keluarga AND k.id_muat = r.id_muat);

CREATE OR REPLACE TEMP VIEW keluarga_keluar AS
WITH
registrasi_berubah AS (SELECT * FROM registrasi_berubah)
SELECT DISTINCT id_keluarga FROM registrasi_berubah WHERE tanda < 0;

-- Families whose enumeration date cannot be right: before the province's first phase starts, or
-- after the day (WITA) the warehouse received the row. Few rows; finding them meant a pass over
-- every family. queries/alur_tanggal_janggal.sql applies the as-of day and names the reason.
DELETE FROM registrasi_janggal WHERE id_keluarga IN (SELECT id_keluarga FROM keluarga_keluar);

INSERT INTO registrasi_janggal
WITH
keluarga_masuk AS (SELECT * FROM keluarga_masuk),
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
    FROM keluarga_masuk r JOIN muat m USING (id_muat) CROSS JOIN mulai_provinsi p
)
SELECT * FROM dimuat WHERE tanggal_didata < tanggal_mulai OR tanggal_didata > tanggal_muat;

-- Families whose place does not fit who registered them: an SLS outside the officer's regency, or a
-- family served at a desk of another regency. Few rows; finding them meant joining every family.
-- queries/alur_luar_wilayah.sql applies the as-of day and the regency.
DELETE FROM registrasi_luar_wilayah WHERE id_keluarga IN (SELECT id_keluarga FROM keluarga_keluar);

INSERT INTO registrasi_luar_wilayah
WITH
keluarga_masuk AS (SELECT * FROM keluarga_masuk),
petugas AS (SELECT * FROM petugas),
desk AS (SELECT * FROM desk)
SELECT r.id_keluarga, r.id_petugas, r.kode_kab, r.idsubsls, r.tanggal_didata, r.id_desk,
       p.kode_kab AS kode_kab_petugas, d.kode_kab AS kode_kab_desk
FROM keluarga_masuk r
JOIN petugas p USING (id_petugas)
LEFT JOIN desk d ON d.id_desk = r.id_desk
WHERE p.kode_kab <> r.kode_kab OR d.kode_kab <> r.kode_kab;
