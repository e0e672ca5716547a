-- What the warehouse holds: the days its data span (any step of a form: enumerated, checked,
-- received, house checked), when it was last loaded, whether it is simulated, and the campaign's
-- days: its first (awal_kampanye), the day the last area's plan reaches its final target (the end of
-- fieldwork), and the schedule's last day. The frame offers every day from the day before the
-- campaign to the later of the schedule's end and the data's.
WITH
registrasi_rentang AS (SELECT * FROM registrasi_rentang),
muat AS (SELECT * FROM muat),
jadwal AS (SELECT * FROM jadwal),
-- One row, whatever the loads: the last load and whether any load was simulated.
pemuatan AS (
    SELECT max(waktu_muat) AS waktu_muat_terakhir, coalesce(bool_or(simulasi), false) AS simulasi FROM muat
),
kampanye AS (
    SELECT awal_kampanye() AS awal_kampanye,
           akhir_pendataan() AS akhir_pendataan,
           (SELECT max(tanggal_selesai) FROM jadwal) AS akhir_jadwal
)
SELECT r.tanggal_awal, r.tanggal_akhir, m.waktu_muat_terakhir, m.simulasi, r.jumlah_keluarga,
       k.awal_kampanye, k.akhir_pendataan, k.akhir_jadwal,
       least(r.tanggal_awal, k.awal_kampanye - 1) AS pilihan_awal,
       greatest(r.tanggal_akhir, k.akhir_jadwal) AS pilihan_akhir
FROM registrasi_rentang r CROSS JOIN pemuatan m CROSS JOIN kampanye k
