-- Arrivals at the collective desks as of $as_of by day and hour of day (WITA, from waktu_datang),
-- for one site ($desk) or every site (NULL) in the chosen regency ($kab, the site's regency).
WITH
registrasi AS (SELECT * FROM registrasi),
desk AS (SELECT * FROM desk)
SELECT r.tanggal_didata AS tanggal, hour(r.waktu_datang) AS jam, count(*) AS kedatangan
FROM registrasi r JOIN desk d USING (id_desk)
WHERE r.kanal = 'DESK' AND r.waktu_datang IS NOT NULL AND r.tanggal_didata <= $as_of
  AND ($kab IS NULL OR d.kode_kab = $kab)
  AND ($desk IS NULL OR r.id_desk = $desk)
GROUP BY ALL
ORDER BY tanggal, jam
