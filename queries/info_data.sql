-- What the warehouse holds: the days its data span (any step of a form: enumerated, checked,
-- received, house checked), when it was last loaded, and whether it is simulated.
WITH
registrasi_rentang AS (SELECT * FROM registrasi_rentang),
muat AS (SELECT * FROM muat),
-- One row, whatever the loads: the last load and whether any load was simulated.
pemuatan AS (
    SELECT max(waktu_muat) AS waktu_muat_terakhir, coalesce(bool_or(simulasi), false) AS simulasi FROM muat
)
SELECT r.tanggal_awal, r.tanggal_akhir, m.waktu_muat_terakhir, m.simulasi, r.jumlah_keluarga
FROM registrasi_rentang r CROSS JOIN pemuatan m
