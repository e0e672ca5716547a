-- The supervisor chains of the whole warehouse: every PPL under a PML, every PML under a Koseka,
-- every SLS assigned to a PPL. The loader reads this before and after a load of officers or
-- assignments: a row that only the after has is a chain the load would break, and it loads nothing.
WITH pengawas AS (
    SELECT b.id_petugas, b.peran, b.id_pengawas, a.peran AS peran_pengawas,
           CASE b.peran WHEN 'PPL' THEN 'PML' WHEN 'PML' THEN 'KOSEKA' END AS peran_perlu
    FROM petugas b
    LEFT JOIN petugas a ON a.id_petugas = b.id_pengawas
    WHERE b.peran IN ('PPL', 'PML')
),
pengawas_salah AS (
    SELECT id_petugas,
           peran || ' ' || id_petugas || ' di bawah ' || id_pengawas || ' ('
               || coalesce('berperan ' || peran_pengawas, 'tidak terdaftar')
               || ', harus ' || peran_perlu || ')' AS rantai
    FROM pengawas
    WHERE peran_pengawas IS DISTINCT FROM peran_perlu
),
penugasan_salah AS (
    SELECT t.id_petugas, 'SLS ' || t.idsubsls || ' ditugaskan ke ' || p.peran || ' ' || t.id_petugas AS rantai
    FROM penugasan t
    JOIN petugas p USING (id_petugas)
    WHERE p.peran <> 'PPL'
)
SELECT id_petugas, rantai FROM pengawas_salah
UNION ALL
SELECT id_petugas, rantai FROM penugasan_salah
