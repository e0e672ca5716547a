-- The regencies a viewer can narrow the dashboard to, and where their capitals are (the maps draw
-- circles there when there are no boundaries).
WITH
kabupaten AS (SELECT * FROM kabupaten)
SELECT kode_kab, nama_kab, nama_pendek, ibukota_lat, ibukota_lon FROM kabupaten ORDER BY kode_kab
