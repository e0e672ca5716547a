-- What the warehouse holds: the days its data span (any step of a form: enumerated, checked,
-- received, house checked), when it was last loaded, and whether it is simulated.
SELECT r.tanggal_awal, r.tanggal_akhir,
       (SELECT max(waktu_muat) FROM muat) AS waktu_muat_terakhir,
       (SELECT coalesce(bool_or(simulasi), false) FROM muat) AS simulasi,
       r.jumlah_keluarga
FROM registrasi_rentang r
