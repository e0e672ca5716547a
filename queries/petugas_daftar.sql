-- What the officers page shows first as of $as_of, for the province or regency $kab: rows of
-- petugas_dinilai (queries/macros.sql, the columns of petugas_kinerja), each in a list (daftar), cut to
-- what is shown, so that the page asks the officers' figures once and receives no more than it draws:
--   wilayah: the area's own row (PROV, or KAB for a regency), its counts of PPL; none without PPL;
--   tertinggal: the PPL behind, furthest behind their own plan first (selisih);
--   menganggur: the idle PPL, longest idle first, then most families left;
--   beban: the overloaded PPL, the most times their regency's median first;
--   semua: every PPL, furthest behind their own plan first (no plan last), as petugas_cari lists them;
--   ditugaskan, laju_7hari: the spread charts of families assigned and families a day over 7 days, per
--     regency the PPL drawn as points: all of a regency of at most $titik PPL, else $titik spread evenly
--     over its PPL in the value's order, lowest and highest included (the k-th of $titik at position
--     k × (n − 1) ÷ ($titik − 1) from 0, rounded half to even); each with its value (nilai) and the box
--     of every PPL of its regency as plotly draws it (queries/macros.sql, kuartil): q1, median, q3, and
--     the whiskers' ends bawah and atas (the values furthest out within 1.5 × the box's length of it).
-- The lists of PPL are cut to their first $batas rows; equal rows keep the order of the teams (that of
-- petugas_kinerja), so that each list is petugas_kinerja's PPL rows picked and sorted, then cut.
-- Columns: daftar; urutan (1, 2, ... in the list; the spread's by regency, then value); for the spread
-- jumlah (the regency's PPL), nilai, q1, median, q3, bawah, atas; then the columns of petugas_kinerja.
-- A list's length is the area row's count of it (ppl_tertinggal, ppl_menganggur, ppl_beban_berlebih,
-- jumlah_ppl).
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
-- Read by every list: worked out once. The lists are ranked on their keys alone, and only the rows
-- kept are joined back: sorting every column of every PPL would cost seconds at national scale.
kinerja AS MATERIALIZED (SELECT * FROM petugas_dinilai($as_of, $kab)),
ppl AS (SELECT * FROM kinerja WHERE tingkat = 'PPL'),
urutan_ppl AS (
    SELECT 'tertinggal' AS daftar, id_petugas,
           row_number() OVER (
               ORDER BY selisih NULLS LAST, kode_kab, id_koseka NULLS LAST, id_pml NULLS LAST, id_petugas
           ) AS urutan
    FROM ppl WHERE ppl_tertinggal > 0
    UNION ALL
    SELECT 'menganggur', id_petugas,
           row_number() OVER (
               ORDER BY hari_menganggur DESC NULLS LAST, sisa_keluarga DESC NULLS LAST,
                        kode_kab, id_koseka NULLS LAST, id_pml NULLS LAST, id_petugas
           )
    FROM ppl WHERE ppl_menganggur > 0
    UNION ALL
    SELECT 'beban', id_petugas,
           row_number() OVER (
               ORDER BY kali_median DESC NULLS LAST,
                        kode_kab, id_koseka NULLS LAST, id_pml NULLS LAST, id_petugas
           )
    FROM ppl WHERE ppl_beban_berlebih > 0
    UNION ALL
    SELECT 'semua', id_petugas,
           row_number() OVER (
               ORDER BY selisih NULLS LAST, kode_kab, id_koseka NULLS LAST, id_pml NULLS LAST, id_petugas
           )
    FROM ppl
),
nilai AS (
    SELECT 'ditugaskan' AS daftar, kode_kab, id_petugas, ditugaskan::DOUBLE AS nilai FROM ppl
    UNION ALL
    SELECT 'laju_7hari', kode_kab, id_petugas, laju_7hari FROM ppl
),
urut AS (SELECT daftar, kode_kab, list(nilai ORDER BY nilai) AS nilai FROM nilai GROUP BY ALL),
kotak AS (
    SELECT daftar, kode_kab, len(nilai) AS jumlah,
           kuartil(nilai, 0.25) AS q1, kuartil(nilai, 0.5) AS median, kuartil(nilai, 0.75) AS q3,
           toleransi_kotak(nilai) AS toleransi, nilai
    FROM urut
),
-- Plotly's whiskers: the lowest value not below q1 − 1.5 × (q3 − q1), the highest not above
-- q3 + 1.5 × (q3 − q1), each within the tolerance, and never inside the box.
pagar AS (
    SELECT daftar, kode_kab, jumlah, q1, median, q3,
           least(q1, list_min(list_filter(nilai, lambda x: x >= 2.5 * q1 - 1.5 * q3 - toleransi))) AS bawah,
           greatest(q3, list_max(list_filter(nilai, lambda x: x <= 2.5 * q3 - 1.5 * q1 + toleransi))) AS atas
    FROM kotak
),
berurut AS (
    SELECT daftar, kode_kab, id_petugas, nilai,
           row_number() OVER (PARTITION BY daftar, kode_kab ORDER BY nilai, id_petugas) - 1 AS posisi
    FROM nilai
),
terpilih AS (
    SELECT p.daftar, p.kode_kab, round_even(k.k * ((p.jumlah - 1) / ($titik - 1)), 0)::BIGINT AS posisi
    FROM pagar p CROSS JOIN range($titik) k (k)
    WHERE p.jumlah > $titik
),
digambar AS (
    SELECT b.daftar, b.id_petugas, b.nilai, p.jumlah, p.q1, p.median, p.q3, p.bawah, p.atas,
           row_number() OVER (PARTITION BY b.daftar ORDER BY b.kode_kab, b.posisi) AS urutan
    FROM berurut b
    JOIN pagar p USING (daftar, kode_kab)
    LEFT JOIN terpilih t USING (daftar, kode_kab, posisi)
    WHERE p.jumlah <= $titik OR t.posisi IS NOT NULL
),
-- The area's own row first (PROV is there only for the whole province), then the lists and the points.
semua_daftar AS (
    SELECT 'wilayah' AS daftar, 1 AS urutan, *
    FROM kinerja
    WHERE (tingkat = 'PROV' OR tingkat = 'KAB' AND $kab IS NOT NULL) AND jumlah_ppl > 0
    UNION ALL BY NAME
    SELECT u.daftar, u.urutan, p.* FROM urutan_ppl u JOIN ppl p USING (id_petugas) WHERE u.urutan <= $batas
    UNION ALL BY NAME
    SELECT d.* EXCLUDE (id_petugas), p.* FROM digambar d JOIN ppl p USING (id_petugas)
)
SELECT daftar, urutan, jumlah, nilai, q1, median, q3, bawah, atas,
       tingkat, kode_kab, nama_pendek, id_koseka, id_pml, id_petugas, nama, nama_pml, nama_koseka,
       jumlah_sls, ditugaskan, terdata, persen, terdata_7hari, laju_7hari, harapan_keluarga, harapan_persen,
       selisih_keluarga, selisih, status, sisa_keluarga, terakhir_didata, hari_menganggur, median_kab,
       batas_beban, kali_median, mulai, jumlah_ppl, ppl_aktif, ppl_menganggur, ppl_belum_mulai,
       ppl_tertinggal, ppl_beban_berlebih
FROM semua_daftar
ORDER BY daftar, urutan
