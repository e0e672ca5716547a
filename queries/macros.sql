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

-- Each PPL of the province (kab NULL) or of regency kab, with their PML and Koseka: an officer counts in
-- petugas.kode_kab, whatever SLS the families came from. The teams are the PML and Koseka named here.
CREATE OR REPLACE TEMP MACRO ppl_tim(kab) AS TABLE
SELECT p.id_petugas, p.nama, p.kode_kab,
       pml.id_petugas AS id_pml, pml.nama AS nama_pml,
       ksk.id_petugas AS id_koseka, ksk.nama AS nama_koseka
FROM petugas p
LEFT JOIN petugas pml ON pml.id_petugas = p.id_pengawas
LEFT JOIN petugas ksk ON ksk.id_petugas = pml.id_pengawas
WHERE p.peran = 'PPL' AND (kab IS NULL OR p.kode_kab = kab);

-- Officers against plan at the end of day d: every PPL of ppl_tim(kab), rolled up to PML, Koseka,
-- regency and province in one grouping, so that the teams and areas always sum from their PPL. The one
-- definition of an officer's figures: petugas_kinerja lists it whole, the other petugas_* questions
-- select from it (a query calling it names the tables it reads as its first steps: the macro reads them).
-- An officer's completion and families left are those of the SLS assigned to them, each SLS counted up
-- to its target as everywhere (registrasi_harian.keluarga_terhitung), whoever registered the families;
-- their pace and last day are the families they registered themselves.
-- A fair plan: an officer follows their regency's planned curve from the day they started (their first
-- family; the campaign's first day for one who has not started), stretched so that they reach the
-- regency's final target on its target day. A team's plan is the sum of its officers'. Behind
-- (tertinggal, the officers to call): red against that plan and, at their own pace, not done by the end of
-- fieldwork (akhir_pendataan); one who is red but catching up is not. The regency and
-- province rows carry counts only (no plan, gap or status): an area's verdict is capaian_wilayah's.
-- Active: a family registered in the last hari_aktif() days (ppl_aktif, as capaian_wilayah counts them);
-- idle (menganggur): not active although families are left. The rest are not active with nothing left.
-- tingkat: PPL | PML | KOSEKA | KAB | PROV (PROV only for the whole province).
CREATE OR REPLACE TEMP MACRO petugas_dinilai(d, kab) AS TABLE
WITH
rencana AS (SELECT * FROM rencana_pada(d)),  -- the plan for the day
ppl AS (SELECT * FROM ppl_tim(kab)),
tugas AS (
    SELECT t.id_petugas, t.idsubsls, w.kode_kab, w.target_keluarga
    FROM penugasan t JOIN wilayah w USING (idsubsls)
    WHERE t.id_petugas IN (SELECT id_petugas FROM ppl)
),
-- The families counted in every SLS of the regencies holding their SLS, rather than SLS by SLS:
-- registrasi_harian keeps a regency's rows together (its kode_kab is the SLS's), so a regency's question
-- reads its own rows only, and the province's needs no look-up per row.
terhitung_sls AS (
    SELECT idsubsls, sum(keluarga_terhitung) AS terhitung
    FROM registrasi_harian
    WHERE tanggal_didata <= d AND kode_kab IN (SELECT kode_kab FROM tugas)
    GROUP BY idsubsls
),
beban AS (
    SELECT t.id_petugas, sum(t.target_keluarga) AS ditugaskan, count(*) AS jumlah_sls,
           sum(t.target_keluarga - coalesce(s.terhitung, 0)) AS sisa_keluarga
    FROM tugas t LEFT JOIN terhitung_sls s USING (idsubsls)
    GROUP BY t.id_petugas
),
-- Every officer's families, kept for the PPL below: a filter on the PPL first would cost one more look-up
-- per row than it saves in summing.
kerja AS (
    SELECT id_petugas,
           sum(keluarga)::BIGINT AS terdata,
           coalesce((sum(keluarga) FILTER (tanggal_didata > d - 7))::BIGINT, 0) AS terdata_7hari,
           min(tanggal_didata) AS mulai_didata,
           max(tanggal_didata) AS terakhir_didata
    FROM registrasi_harian
    WHERE tanggal_didata <= d
    GROUP BY id_petugas
),
-- Officers without SLS (reserves) would drag the regency's median workload down.
median_beban AS (
    SELECT ppl.kode_kab, median(beban.ditugaskan) AS median_kab
    FROM ppl JOIN beban USING (id_petugas)
    WHERE beban.ditugaskan > 0
    GROUP BY ppl.kode_kab
),
per_ppl AS (
    SELECT ppl.*,
           coalesce(beban.ditugaskan, 0) AS ditugaskan,
           coalesce(beban.jumlah_sls, 0) AS jumlah_sls,
           coalesce(beban.sisa_keluarga, 0) AS sisa_keluarga,
           coalesce(kerja.terdata, 0) AS terdata,
           coalesce(kerja.terdata_7hari, 0) AS terdata_7hari,
           kerja.terakhir_didata,
           coalesce(kerja.mulai_didata, awal_kampanye()) AS mulai,
           -- Days since the last family; one who never started counts from the campaign's start.
           CASE WHEN kerja.terakhir_didata IS NOT NULL THEN d::DATE - kerja.terakhir_didata
                WHEN d::DATE >= awal_kampanye() THEN d::DATE - awal_kampanye() + 1 END
               AS hari_menganggur,
           coalesce(kerja.terakhir_didata > d::DATE - hari_aktif(), false) AS aktif,
           median_beban.median_kab
    FROM ppl
    LEFT JOIN beban USING (id_petugas)
    LEFT JOIN kerja USING (id_petugas)
    LEFT JOIN median_beban USING (kode_kab)
),
hari_mulai AS (SELECT DISTINCT mulai FROM per_ppl),
-- Each regency's plan at the end of the day before each first day, and its final target.
rencana_mulai AS (
    SELECT m.mulai, r.kode_wilayah AS kode_kab, r.harapan_persen AS persen_awal
    FROM hari_mulai m JOIN LATERAL rencana_pada(m.mulai - 1) r ON true
),
puncak AS (
    SELECT a.kode_wilayah AS kode_kab, max(t.persen) AS persen
    FROM jadwal_area a JOIN titik_rencana t USING (sumber)
    GROUP BY ALL
),
dinilai AS (
    SELECT p.*,
           CASE WHEN r.harapan_persen IS NULL THEN NULL
                WHEN m.persen_awal >= puncak.persen THEN r.harapan_persen  -- started after the plan's end
                ELSE (r.harapan_persen - m.persen_awal) * puncak.persen / (puncak.persen - m.persen_awal)
           END AS harapan_persen_ppl
    FROM per_ppl p
    LEFT JOIN rencana r ON r.kode_wilayah = p.kode_kab
    LEFT JOIN rencana_mulai m ON m.mulai = p.mulai AND m.kode_kab = p.kode_kab
    LEFT JOIN puncak ON puncak.kode_kab = p.kode_kab
),
ditandai AS (
    SELECT *,
           ditugaskan * greatest(harapan_persen_ppl, 0) / 100 AS harapan_keluarga,
           status_rencana(
               persen_capaian(ditugaskan - sisa_keluarga, ditugaskan) - greatest(harapan_persen_ppl, 0)
           ) = 'merah'
           -- Not catching up: the last 7 days' pace, kept up to the end of fieldwork, leaves families.
           AND terdata_7hari * greatest(akhir_pendataan() - d::DATE, 0)
               < sisa_keluarga * hari_laju(d) AS tertinggal,
           -- Idle: not active although families are left, once the campaign has started.
           NOT aktif AND sisa_keluarga > 0 AND d::DATE >= awal_kampanye() AS menganggur,
           -- Overloaded: assigned more than 1.5 × the regency's median.
           1.5 * median_kab AS batas_beban,
           coalesce(ditugaskan > batas_beban, false) AS beban_berlebih
    FROM dinilai
),
-- The PPL rows as they are, and the teams and areas summed from them in one grouping (PML, Koseka, regency
-- and province): grouping each PPL alone would be the costliest part of it.
per_tim AS (
    SELECT CASE grouping(kode_kab, id_koseka, id_pml)
                WHEN 0 THEN 'PML' WHEN 1 THEN 'KOSEKA' WHEN 3 THEN 'KAB' ELSE 'PROV'
           END AS tingkat,
           kode_kab, id_koseka, id_pml,
           any_value(nama_pml) AS nama_pml, any_value(nama_koseka) AS nama_koseka,
           sum(ditugaskan)::BIGINT AS ditugaskan,
           sum(jumlah_sls)::BIGINT AS jumlah_sls,
           sum(terdata)::BIGINT AS terdata,
           sum(terdata_7hari)::BIGINT AS terdata_7hari,
           sum(harapan_keluarga) AS harapan_keluarga,
           sum(sisa_keluarga)::BIGINT AS sisa_keluarga,
           min(mulai) AS mulai,
           max(terakhir_didata) AS terakhir_didata,
           count(*) AS jumlah_ppl,
           count(*) FILTER (aktif) AS ppl_aktif,
           count(*) FILTER (menganggur) AS ppl_menganggur,
           count(*) FILTER (menganggur AND terakhir_didata IS NULL) AS ppl_belum_mulai,
           count(*) FILTER (tertinggal) AS ppl_tertinggal,
           count(*) FILTER (beban_berlebih) AS ppl_beban_berlebih
    FROM ditandai
    GROUP BY ROLLUP (kode_kab, id_koseka, id_pml)
),
digabung AS (
    SELECT 'PPL' AS tingkat, kode_kab, id_koseka, id_pml, id_petugas,
           nama AS nama_ppl, nama_pml, nama_koseka,
           ditugaskan::BIGINT AS ditugaskan, jumlah_sls::BIGINT AS jumlah_sls, terdata, terdata_7hari,
           harapan_keluarga, sisa_keluarga::BIGINT AS sisa_keluarga, mulai, terakhir_didata,
           hari_menganggur, median_kab, batas_beban,  -- per officer only
           1::BIGINT AS jumlah_ppl,
           aktif::BIGINT AS ppl_aktif,
           coalesce(menganggur, false)::BIGINT AS ppl_menganggur,
           coalesce(menganggur AND terakhir_didata IS NULL, false)::BIGINT AS ppl_belum_mulai,
           coalesce(tertinggal, false)::BIGINT AS ppl_tertinggal,
           beban_berlebih::BIGINT AS ppl_beban_berlebih
    FROM ditandai
    UNION ALL
    SELECT tingkat, kode_kab, id_koseka, id_pml, NULL, NULL, nama_pml, nama_koseka,
           ditugaskan, jumlah_sls, terdata, terdata_7hari, harapan_keluarga, sisa_keluarga,
           mulai, terakhir_didata, NULL, NULL, NULL,
           jumlah_ppl, ppl_aktif, ppl_menganggur, ppl_belum_mulai, ppl_tertinggal, ppl_beban_berlebih
    FROM per_tim
),
hitung AS (
    SELECT g.*,
           k.nama_pendek,
           CASE g.tingkat WHEN 'PPL' THEN g.nama_ppl WHEN 'PML' THEN g.nama_pml
                WHEN 'KOSEKA' THEN g.nama_koseka WHEN 'KAB' THEN k.nama_kab ELSE nama_provinsi()
           END AS nama,
           persen_capaian(g.ditugaskan - g.sisa_keluarga, g.ditugaskan) AS persen,
           CASE WHEN g.tingkat IN ('PPL', 'PML', 'KOSEKA')
                THEN 100.0 * g.harapan_keluarga / nullif(g.ditugaskan, 0) END AS harapan_persen
    FROM digabung g LEFT JOIN kabupaten k USING (kode_kab)
    WHERE g.tingkat <> 'PROV' OR kab IS NULL
)
SELECT tingkat, kode_kab, nama_pendek, id_koseka, id_pml, id_petugas, nama,
       CASE WHEN tingkat = 'PPL' THEN nama_pml END AS nama_pml,
       CASE WHEN tingkat IN ('PPL', 'PML') THEN nama_koseka END AS nama_koseka,
       jumlah_sls, ditugaskan, terdata, persen,
       terdata_7hari, terdata_7hari / hari_laju(d) AS laju_7hari,
       CASE WHEN harapan_persen IS NOT NULL THEN harapan_keluarga END AS harapan_keluarga, harapan_persen,
       ditugaskan - sisa_keluarga - harapan_keluarga AS selisih_keluarga,
       persen - harapan_persen AS selisih,
       status_rencana(persen - harapan_persen) AS status,
       sisa_keluarga, terakhir_didata,
       CASE WHEN tingkat = 'PPL' THEN hari_menganggur END AS hari_menganggur,
       CASE WHEN tingkat = 'PPL' THEN median_kab END AS median_kab,
       CASE WHEN tingkat = 'PPL' THEN batas_beban END AS batas_beban,
       CASE WHEN tingkat = 'PPL' THEN ditugaskan / median_kab END AS kali_median,
       CASE WHEN tingkat = 'PPL' THEN mulai END AS mulai,
       jumlah_ppl, ppl_aktif, ppl_menganggur, ppl_belum_mulai, ppl_tertinggal, ppl_beban_berlebih
FROM hitung;

-- A box as plotly draws one from its points (quartilemethod 'linear', its default), from the values
-- sorted in a list: quartile `bagian` is the value at position n × bagian − ½ counted from 0, on a
-- straight line between the two values around it (numpy's method 'hazen'). Plotly's whiskers end at the
-- values furthest out within 1.5 × the box's length of it, found with a tolerance of toleransi_kotak (a
-- billionth of the mean step between values): petugas_wilayah draws them the same way.
CREATE OR REPLACE TEMP MACRO kuartil_pada(nilai, posisi) AS
    CASE WHEN len(nilai) = 0 THEN NULL
         WHEN posisi <= 0 THEN nilai[1]
         WHEN posisi >= len(nilai) - 1 THEN nilai[-1]
         ELSE (posisi - floor(posisi)) * nilai[ceil(posisi)::INTEGER + 1]
              + (1 - (posisi - floor(posisi))) * nilai[floor(posisi)::INTEGER + 1] END;
CREATE OR REPLACE TEMP MACRO kuartil(nilai, bagian) AS kuartil_pada(nilai, len(nilai) * bagian - 0.5);
CREATE OR REPLACE TEMP MACRO toleransi_kotak(nilai) AS
    CASE WHEN len(nilai) > 1 THEN (nilai[-1] - nilai[1]) / (len(nilai) - 1) ELSE 1 END * 1e-9;
