-- What the warehouse holds: the days its families span, when it was last loaded, whether it is simulated.
SELECT (SELECT min(tanggal_didata) FROM registrasi) AS tanggal_awal,
       (SELECT max(tanggal_didata) FROM registrasi) AS tanggal_akhir,
       (SELECT max(waktu_muat) FROM muat) AS waktu_muat_terakhir,
       (SELECT coalesce(bool_or(simulasi), false) FROM muat) AS simulasi,
       (SELECT count(*) FROM registrasi) AS jumlah_keluarga
