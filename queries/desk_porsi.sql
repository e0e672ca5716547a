-- The desks' share of all families registered, cumulative by day from the first registration to
-- $as_of, for the province (kode_wilayah = kode_provinsi()) and one regency ($kab, the families' own
-- regency).
WITH
registrasi_alur AS (SELECT * FROM registrasi_alur),
harian AS (
    SELECT tanggal_didata AS tanggal,
           sum(keluarga) AS keluarga,
           coalesce(sum(keluarga) FILTER (kanal = 'DESK'), 0) AS keluarga_desk,
           coalesce(sum(keluarga) FILTER (kode_kab = $kab), 0) AS keluarga_kab,
           coalesce(sum(keluarga) FILTER (kode_kab = $kab AND kanal = 'DESK'), 0) AS keluarga_desk_kab
    FROM registrasi_alur
    WHERE tanggal_didata <= $as_of
    GROUP BY tanggal_didata
),
hari AS (
    SELECT unnest(generate_series(min(tanggal), $as_of::DATE, INTERVAL 1 DAY))::DATE AS tanggal FROM harian
),
kumulatif AS (
    SELECT h.tanggal,
           sum(coalesce(d.keluarga, 0)) OVER w AS keluarga,
           sum(coalesce(d.keluarga_desk, 0)) OVER w AS keluarga_desk,
           sum(coalesce(d.keluarga_kab, 0)) OVER w AS keluarga_kab,
           sum(coalesce(d.keluarga_desk_kab, 0)) OVER w AS keluarga_desk_kab
    FROM hari h LEFT JOIN harian d USING (tanggal)
    WINDOW w AS (ORDER BY h.tanggal)
)
SELECT kode_provinsi() AS kode_wilayah, tanggal, keluarga::BIGINT AS keluarga,
       keluarga_desk::BIGINT AS keluarga_desk,
       CASE WHEN keluarga > 0 THEN 100.0 * keluarga_desk / keluarga END AS porsi_persen
FROM kumulatif
UNION ALL
SELECT $kab, tanggal, keluarga_kab::BIGINT, keluarga_desk_kab::BIGINT,
       CASE WHEN keluarga_kab > 0 THEN 100.0 * keluarga_desk_kab / keluarga_kab END
FROM kumulatif
ORDER BY kode_wilayah, tanggal
