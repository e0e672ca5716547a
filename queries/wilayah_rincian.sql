-- One regency drilled down as of $as_of: its kecamatan; with $kec, that kecamatan's desa; with $kec and
-- $desa, that desa's SLS. Per unit: target, families registered by the day and in its last 7 days,
-- completion against the regency's planned % for the day (every unit inside a regency follows the
-- regency's schedule), the gap and its status, families left (each SLS counted up to its target, as
-- capaian_wilayah). Furthest behind plan first.
-- $kab is required here: the regencies of the province come from capaian_wilayah.
WITH
wilayah AS (SELECT * FROM wilayah),
registrasi_harian AS (SELECT * FROM registrasi_harian),
rencana AS (SELECT * FROM rencana_pada($as_of)),  -- the plan for the day (queries/macros.sql)
sls AS (
    SELECT idsubsls, kode_kab, target_keluarga,
           CASE WHEN $kec IS NULL THEN kode_kec WHEN $desa IS NULL THEN kode_desa ELSE idsubsls END AS kode,
           CASE WHEN $kec IS NULL THEN nama_kec WHEN $desa IS NULL THEN nama_desa ELSE nama_sls END AS nama
    FROM wilayah
    WHERE kode_kab = $kab
      AND ($kec IS NULL OR kode_kec = $kec)
      AND ($desa IS NULL OR kode_desa = $desa)
),
keluarga AS (
    -- SLS codes start with their kecamatan's and desa's codes, so the prefix narrows the scan.
    SELECT idsubsls,
           sum(keluarga)::BIGINT AS terdata,
           sum(keluarga_terhitung)::BIGINT AS terhitung,
           coalesce((sum(keluarga) FILTER (tanggal_didata > $as_of - 7))::BIGINT, 0) AS terdata_7hari
    FROM registrasi_harian
    WHERE kode_kab = $kab
      AND starts_with(idsubsls, coalesce($desa, $kec, $kab))
      AND tanggal_didata <= $as_of
    GROUP BY idsubsls
),
satuan AS (
    SELECT s.kode,
           any_value(s.nama) AS nama,
           any_value(s.kode_kab) AS kode_kab,
           sum(s.target_keluarga)::BIGINT AS target_keluarga,
           coalesce(sum(k.terdata), 0)::BIGINT AS terdata,
           coalesce(sum(k.terhitung), 0)::BIGINT AS terhitung,
           coalesce(sum(k.terdata_7hari), 0)::BIGINT AS terdata_7hari
    FROM sls s LEFT JOIN keluarga k USING (idsubsls)
    GROUP BY s.kode
),
hitung AS (
    SELECT s.*,
           persen_capaian(s.terhitung, s.target_keluarga) AS persen,
           s.target_keluarga - s.terhitung AS sisa_keluarga,
           r.harapan_persen
    FROM satuan s LEFT JOIN rencana r ON r.kode_wilayah = s.kode_kab
)
SELECT kode, nama, target_keluarga, terdata, persen, harapan_persen,
       persen - harapan_persen AS selisih, sisa_keluarga,
       status_rencana(persen - harapan_persen) AS status,
       terdata_7hari
FROM hitung
ORDER BY selisih NULLS LAST, nama, kode
