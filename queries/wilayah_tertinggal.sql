-- The laggards as of $as_of, in regency $kab or the whole province: the 20 kecamatan and the 20 desa
-- furthest behind their regency's plan for the day (only those behind it), one grouping for both so
-- that a kecamatan is the sum of its desa.
WITH
wilayah AS (SELECT * FROM wilayah),
registrasi_harian AS (SELECT * FROM registrasi_harian),
rencana AS (SELECT * FROM rencana_pada($as_of)),  -- the plan for the day (queries/macros.sql)
keluarga AS (
    SELECT idsubsls, sum(keluarga)::BIGINT AS terdata,
           sum(keluarga_terhitung)::BIGINT AS terhitung,
           coalesce((sum(keluarga) FILTER (tanggal_didata > $as_of - 7))::BIGINT, 0) AS terdata_7hari
    FROM registrasi_harian
    WHERE ($kab IS NULL OR kode_kab = $kab) AND tanggal_didata <= $as_of
    GROUP BY idsubsls
),
satuan AS (
    SELECT CASE WHEN grouping(w.kode_desa) = 1 THEN 'kecamatan' ELSE 'desa' END AS tingkat,
           coalesce(w.kode_desa, w.kode_kec) AS kode,
           CASE WHEN grouping(w.kode_desa) = 1 THEN any_value(w.nama_kec) ELSE any_value(w.nama_desa) END
               AS nama,
           any_value(w.nama_kec) AS nama_kec,
           w.kode_kab,
           any_value(w.nama_kab) AS nama_kab,
           sum(w.target_keluarga)::BIGINT AS target_keluarga,
           coalesce(sum(k.terdata), 0)::BIGINT AS terdata,
           coalesce(sum(k.terhitung), 0)::BIGINT AS terhitung,
           coalesce(sum(k.terdata_7hari), 0)::BIGINT AS terdata_7hari
    FROM wilayah w LEFT JOIN keluarga k USING (idsubsls)
    WHERE $kab IS NULL OR w.kode_kab = $kab
    GROUP BY GROUPING SETS ((w.kode_kab, w.kode_kec), (w.kode_kab, w.kode_kec, w.kode_desa))
),
hitung AS (
    SELECT s.*,
           persen_capaian(s.terhitung, s.target_keluarga) AS persen,
           s.target_keluarga - s.terhitung AS sisa_keluarga,
           r.harapan_persen
    FROM satuan s LEFT JOIN rencana r ON r.kode_wilayah = s.kode_kab
)
SELECT tingkat, kode, nama, nama_kec, nama_kab, target_keluarga, terdata, persen, harapan_persen,
       persen - harapan_persen AS selisih, sisa_keluarga,
       status_rencana(persen - harapan_persen) AS status,
       terdata_7hari
FROM hitung
WHERE persen < harapan_persen
QUALIFY row_number() OVER (PARTITION BY tingkat ORDER BY selisih, kode) <= 20
ORDER BY tingkat = 'desa', selisih, kode
