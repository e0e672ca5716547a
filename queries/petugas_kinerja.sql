-- Officers against plan as of $as_of: every PPL of the province or of regency $kab (an officer counts
-- in petugas.kode_kab, whatever SLS the families came from), rolled up to PML, Koseka, regency and
-- province in one grouping, so that the teams and areas always sum from their PPL.
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
rencana AS (SELECT * FROM rencana_pada($as_of)),  -- the plan for the day (queries/macros.sql)
kabupaten AS (SELECT * FROM kabupaten),
ppl AS (
    SELECT p.id_petugas, p.nama, p.kode_kab,
           pml.id_petugas AS id_pml, pml.nama AS nama_pml,
           ksk.id_petugas AS id_koseka, ksk.nama AS nama_koseka
    FROM petugas p
    LEFT JOIN petugas pml ON pml.id_petugas = p.id_pengawas
    LEFT JOIN petugas ksk ON ksk.id_petugas = pml.id_pengawas
    WHERE p.peran = 'PPL' AND ($kab IS NULL OR p.kode_kab = $kab)
),
tugas AS (
    SELECT t.id_petugas, t.idsubsls, w.target_keluarga
    FROM penugasan t JOIN wilayah w USING (idsubsls)
    WHERE t.id_petugas IN (SELECT id_petugas FROM ppl)
),
terhitung_sls AS (
    SELECT idsubsls, sum(keluarga_terhitung) AS terhitung
    FROM registrasi_harian
    WHERE tanggal_didata <= $as_of AND idsubsls IN (SELECT idsubsls FROM tugas)
    GROUP BY idsubsls
),
beban AS (
    SELECT t.id_petugas, sum(t.target_keluarga) AS ditugaskan, count(*) AS jumlah_sls,
           sum(t.target_keluarga - coalesce(s.terhitung, 0)) AS sisa_keluarga
    FROM tugas t LEFT JOIN terhitung_sls s USING (idsubsls)
    GROUP BY t.id_petugas
),
kerja AS (
    SELECT id_petugas,
           sum(keluarga)::BIGINT AS terdata,
           coalesce((sum(keluarga) FILTER (tanggal_didata > $as_of - 7))::BIGINT, 0) AS terdata_7hari,
           min(tanggal_didata) AS mulai_didata,
           max(tanggal_didata) AS terakhir_didata
    FROM registrasi_harian
    WHERE tanggal_didata <= $as_of AND id_petugas IN (SELECT id_petugas FROM ppl)
    GROUP BY id_petugas
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
           CASE WHEN kerja.terakhir_didata IS NOT NULL THEN $as_of::DATE - kerja.terakhir_didata
                WHEN $as_of::DATE >= awal_kampanye() THEN $as_of::DATE - awal_kampanye() + 1 END
               AS hari_menganggur,
           coalesce(kerja.terakhir_didata > $as_of::DATE - hari_aktif(), false) AS aktif,
           -- Officers without SLS (reserves) would drag the regency's median workload down.
           median(beban.ditugaskan) FILTER (beban.ditugaskan > 0)
               OVER (PARTITION BY ppl.kode_kab) AS median_kab
    FROM ppl
    LEFT JOIN beban USING (id_petugas)
    LEFT JOIN kerja USING (id_petugas)
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
           AND terdata_7hari * greatest(akhir_pendataan() - $as_of::DATE, 0)
               < sisa_keluarga * hari_laju($as_of) AS tertinggal,
           -- Idle: not active although families are left, once the campaign has started.
           NOT aktif AND sisa_keluarga > 0 AND $as_of::DATE >= awal_kampanye() AS menganggur,
           -- Overloaded: assigned more than 1.5 × the regency's median.
           1.5 * median_kab AS batas_beban,
           coalesce(ditugaskan > batas_beban, false) AS beban_berlebih
    FROM dinilai
),
digabung AS (
    SELECT CASE grouping(kode_kab, id_koseka, id_pml, id_petugas)
                WHEN 0 THEN 'PPL' WHEN 1 THEN 'PML' WHEN 3 THEN 'KOSEKA' WHEN 7 THEN 'KAB' ELSE 'PROV'
           END AS tingkat,
           kode_kab, id_koseka, id_pml, id_petugas,
           any_value(nama) AS nama_ppl, any_value(nama_pml) AS nama_pml,
           any_value(nama_koseka) AS nama_koseka,
           sum(ditugaskan)::BIGINT AS ditugaskan,
           sum(jumlah_sls)::BIGINT AS jumlah_sls,
           sum(terdata)::BIGINT AS terdata,
           sum(terdata_7hari)::BIGINT AS terdata_7hari,
           sum(harapan_keluarga) AS harapan_keluarga,
           sum(sisa_keluarga)::BIGINT AS sisa_keluarga,
           min(mulai) AS mulai,
           max(terakhir_didata) AS terakhir_didata,
           -- Per officer only: blanked on the team rows below.
           any_value(hari_menganggur) AS hari_menganggur,
           any_value(median_kab) AS median_kab,
           any_value(batas_beban) AS batas_beban,
           count(*) AS jumlah_ppl,
           count(*) FILTER (aktif) AS ppl_aktif,
           count(*) FILTER (menganggur) AS ppl_menganggur,
           count(*) FILTER (menganggur AND terakhir_didata IS NULL) AS ppl_belum_mulai,
           count(*) FILTER (tertinggal) AS ppl_tertinggal,
           count(*) FILTER (beban_berlebih) AS ppl_beban_berlebih
    FROM ditandai
    GROUP BY ROLLUP (kode_kab, id_koseka, id_pml, id_petugas)
),
hitung AS (
    SELECT d.*,
           k.nama_pendek,
           CASE d.tingkat WHEN 'PPL' THEN d.nama_ppl WHEN 'PML' THEN d.nama_pml
                WHEN 'KOSEKA' THEN d.nama_koseka WHEN 'KAB' THEN k.nama_kab ELSE nama_provinsi()
           END AS nama,
           persen_capaian(d.ditugaskan - d.sisa_keluarga, d.ditugaskan) AS persen,
           CASE WHEN d.tingkat IN ('PPL', 'PML', 'KOSEKA')
                THEN 100.0 * d.harapan_keluarga / nullif(d.ditugaskan, 0) END AS harapan_persen
    FROM digabung d LEFT JOIN kabupaten k USING (kode_kab)
    WHERE d.tingkat <> 'PROV' OR $kab IS NULL
)
SELECT tingkat, kode_kab, nama_pendek, id_koseka, id_pml, id_petugas, nama,
       CASE WHEN tingkat = 'PPL' THEN nama_pml END AS nama_pml,
       CASE WHEN tingkat IN ('PPL', 'PML') THEN nama_koseka END AS nama_koseka,
       jumlah_sls, ditugaskan, terdata, persen,
       terdata_7hari, terdata_7hari / hari_laju($as_of) AS laju_7hari,
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
FROM hitung
ORDER BY kode_kab NULLS LAST, id_koseka NULLS LAST, id_pml NULLS LAST, id_petugas NULLS LAST
