-- What the warehouse holds: the days its data span (any step of a form: enumerated, checked,
-- received, house checked), when it was last loaded, and whether it is simulated.
SELECT (SELECT min(tanggal_didata) FROM registrasi) AS tanggal_awal,
       (SELECT greatest(max(tanggal_didata), max(tanggal_diperiksa), max(tanggal_diterima), max(tanggal_cek_rumah))
        FROM registrasi) AS tanggal_akhir,
       (SELECT max(waktu_muat) FROM muat) AS waktu_muat_terakhir,
       (SELECT coalesce(bool_or(simulasi), false) FROM muat) AS simulasi,
       (SELECT count(*) FROM registrasi) AS jumlah_keluarga
