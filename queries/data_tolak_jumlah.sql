-- How many rejected file rows (a row counts once, however many problems it had) and problems are
-- still open and how many were resolved by a later load, for the same filters as data_tolak.sql
-- except the status: $jenis a kind, $muat one load, $cari text the reason contains (NULL: any).
WITH
tolak AS (SELECT * FROM tolak),
dipilih AS (
    SELECT * FROM tolak
    WHERE ($jenis IS NULL OR jenis = $jenis)
      AND ($muat IS NULL OR id_muat = $muat)
      AND ($cari IS NULL OR contains(lower(alasan), lower($cari)))
)
-- (id_muat, baris) is one value, a row: the linter reads DISTINCT (...) as a function call.
-- noqa: disable=CP03, LT01, LT06, ST08
SELECT count(DISTINCT (id_muat, baris)) FILTER (diselesaikan IS NULL) AS baris_terbuka,
       count(DISTINCT (id_muat, baris)) FILTER (diselesaikan IS NOT NULL) AS baris_selesai,
       -- noqa: enable=CP03, LT01, LT06, ST08
       count(*) FILTER (diselesaikan IS NULL) AS masalah_terbuka,
       count(*) FILTER (diselesaikan IS NOT NULL) AS masalah_selesai
FROM dipilih
