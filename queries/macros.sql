-- Definitions every query may use, created on each cursor (temporary objects live per connection).

-- The rules (kode_provinsi, nama_provinsi, batas_sesuai, batas_waspada, hari_aktif) are
-- macros made from queries/rules.py, created just before this file.

-- Traffic light against the plan: green on or ahead, amber a few points behind, red beyond.
CREATE OR REPLACE TEMP MACRO status_rencana(selisih) AS
    CASE WHEN selisih IS NULL THEN NULL
         WHEN selisih >= batas_sesuai() THEN 'hijau'
         WHEN selisih >= batas_waspada() THEN 'kuning'
         ELSE 'merah' END;

-- Completion of an area: its families that count toward its target (registrasi_harian.keluarga_terhitung:
-- each SLS counts at most its target) as a share of that target. 100 % only when no SLS is short.
CREATE OR REPLACE TEMP MACRO persen_capaian(bagian, jumlah) AS
    CASE WHEN jumlah > 0 THEN 100.0 * bagian / jumlah END;

-- Which schedule an area follows: its own rows, else the province's.
CREATE OR REPLACE TEMP VIEW jadwal_area AS
SELECT kode_kab AS kode_wilayah,
       CASE WHEN kode_kab IN (SELECT kode_wilayah FROM jadwal) THEN kode_kab
            ELSE kode_provinsi() END AS sumber
FROM kabupaten
UNION ALL SELECT kode_provinsi(), kode_provinsi();

-- The planned curve's points: 0 % at the end of the day before the first phase starts, then each
-- phase's cumulative target at the end of its last day; straight lines in between.
CREATE OR REPLACE TEMP VIEW titik_rencana AS
SELECT kode_wilayah AS sumber, min(tanggal_mulai) - 1 AS tanggal, 0.0 AS persen FROM jadwal GROUP BY ALL
UNION ALL
SELECT kode_wilayah, tanggal_selesai, max(target_persen) FROM jadwal GROUP BY ALL;

-- The day each schedule first reaches its final target (its highest cumulative %).
CREATE OR REPLACE TEMP VIEW target_akhir AS
WITH titik_puncak AS (
    SELECT *, max(persen) OVER (PARTITION BY sumber) AS puncak FROM titik_rencana
)
SELECT sumber, min(tanggal) FILTER (persen = puncak) AS tanggal_target
FROM titik_puncak
GROUP BY sumber;

-- The end of fieldwork: the day the last area's plan reaches its final target (families are expected
-- up to then).
CREATE OR REPLACE TEMP MACRO akhir_pendataan() AS
    (SELECT max(tanggal_target) FROM jadwal_area JOIN target_akhir USING (sumber));

-- Planned cumulative completion of every area at the end of day d, and the day its plan reaches
-- its final target.
CREATE OR REPLACE TEMP MACRO rencana_pada(d) AS TABLE
WITH sebelum AS (
    SELECT sumber, max(tanggal) AS t0, arg_max(persen, tanggal) AS p0
    FROM titik_rencana WHERE tanggal <= d GROUP BY sumber
),
sesudah AS (
    SELECT sumber, min(tanggal) AS t1, arg_min(persen, tanggal) AS p1
    FROM titik_rencana WHERE tanggal > d GROUP BY sumber
),
akhir AS (SELECT * FROM target_akhir)
SELECT a.kode_wilayah,
       CASE WHEN akhir.sumber IS NULL THEN NULL
            WHEN sebelum.t0 IS NULL THEN 0.0
            WHEN sesudah.t1 IS NULL THEN sebelum.p0
            ELSE sebelum.p0 + (sesudah.p1 - sebelum.p0) * (d - sebelum.t0) / (sesudah.t1 - sebelum.t0)
       END AS harapan_persen,
       akhir.tanggal_target
FROM jadwal_area a
LEFT JOIN sebelum USING (sumber)
LEFT JOIN sesudah USING (sumber)
LEFT JOIN akhir USING (sumber);

-- The days the pace (families a day) is taken over on day d: the last 7, or the campaign's days so far
-- in its first week, which 7 would understate. The campaign starts with the schedule's first phase, or
-- an earlier first family. Every pace and projection divides by this (one definition of the pace).
CREATE OR REPLACE TEMP MACRO awal_kampanye() AS
    least((SELECT min(tanggal_mulai) FROM jadwal), (SELECT tanggal_awal FROM registrasi_rentang));
CREATE OR REPLACE TEMP MACRO hari_laju(d) AS greatest(least(7, d::DATE - awal_kampanye() + 1), 1);

-- A loaded file's name as it was sent: the Data page saves an upload as <UTC time>[-n]_<name>.
CREATE OR REPLACE TEMP MACRO nama_kiriman(berkas) AS
    regexp_replace(parse_filename(berkas), '^[0-9]{8}T[0-9]{6}Z(-[0-9]+)?_', '');
