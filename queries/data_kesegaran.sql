-- How fresh each kind of file is: files of the kind loaded and the last load (UTC), rows the
-- warehouse holds now, the newest date inside those rows (NULL for kinds without dates) and the
-- rejected rows still open (a file row counts once, however many problems it had). One row per
-- kind, also for a kind never loaded (then no files, no last load). For pembatalan the rows are the
-- families withdrawn and not registered again since.
WITH
wilayah AS (SELECT * FROM wilayah),
petugas AS (SELECT * FROM petugas),
desk AS (SELECT * FROM desk),
jadwal AS (SELECT * FROM jadwal),
penugasan AS (SELECT * FROM penugasan),
registrasi AS (SELECT * FROM registrasi),
pembatalan AS (SELECT * FROM pembatalan),
muat AS (SELECT * FROM muat),
tolak AS (SELECT * FROM tolak),
gudang AS (
    SELECT 'wilayah' AS jenis, count(*) AS baris_gudang, NULL::DATE AS tanggal_terbaru FROM wilayah
    UNION ALL SELECT 'petugas', count(*), NULL FROM petugas
    UNION ALL SELECT 'desk', count(*), max(tanggal_buka) FROM desk
    UNION ALL SELECT 'jadwal', count(*), max(tanggal_selesai) FROM jadwal
    UNION ALL SELECT 'penugasan', count(*), NULL FROM penugasan
    UNION ALL
    SELECT 'registrasi', count(*),
           greatest(max(tanggal_didata), max(tanggal_diperiksa), max(tanggal_diterima),
                    max(tanggal_cek_rumah))
    FROM registrasi
    UNION ALL SELECT 'pembatalan', count(*) FILTER (dipulihkan IS NULL), NULL FROM pembatalan
),
dimuat AS (
    SELECT jenis, count(*) AS berkas_dimuat, max(waktu_muat) AS muat_terakhir FROM muat GROUP BY jenis
),
terbuka AS (
    -- (id_muat, baris) is one value, a row: the linter reads DISTINCT (...) as a function call.
    SELECT jenis, count(DISTINCT (id_muat, baris)) AS tolak_terbuka  -- noqa: CP03, LT01, LT06, ST08
    FROM tolak WHERE diselesaikan IS NULL GROUP BY jenis
)
SELECT g.jenis,
       coalesce(d.berkas_dimuat, 0) AS berkas_dimuat,
       d.muat_terakhir,
       g.baris_gudang,
       g.tanggal_terbaru,
       coalesce(t.tolak_terbuka, 0) AS tolak_terbuka
FROM gudang g
LEFT JOIN dimuat d USING (jenis)
LEFT JOIN terbuka t USING (jenis)
