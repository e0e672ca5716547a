-- The regencies a viewer can narrow the dashboard to.
SELECT kode_kab, nama_kab, nama_pendek FROM kabupaten ORDER BY kode_kab
