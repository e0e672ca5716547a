-- Officers. A supervisor must be registered with the right role: a PPL's in a PML, a PML's in a
-- Koseka, found among this file's valid rows or else in the warehouse. Checked top-down so that a
-- PML rejected here cannot vouch for its PPLs; and bottom-up against the warehouse, so that a new
-- role still fits the officers someone supervises and the SLS assigned to them. The loader checks
-- the whole warehouse's chains once more after the load (data/checks/rantai.sql).
WITH s AS (
    SELECT *, kode(id_petugas) AS _id, upper(teks(peran)) AS _peran, kode(id_pengawas) AS _pengawas,
        kode(kode_kab) AS _kab
    FROM stg
),
sendiri AS (
    SELECT *, list_filter([
        wajib('id_petugas', id_petugas),
        cek_kode('id_petugas', id_petugas),
        wajib('nama', nama),
        wajib('peran', peran),
        CASE WHEN ada(peran) AND _peran NOT IN ('PPL', 'PML', 'KOSEKA')
            THEN masalah('peran', peran, 'harus PPL, PML atau KOSEKA') END,
        CASE WHEN _peran IN ('PPL', 'PML') AND _pengawas IS NULL
            THEN masalah('id_pengawas', id_pengawas, 'wajib diisi untuk ' || _peran) END,
        CASE WHEN _peran = 'KOSEKA' AND _pengawas IS NOT NULL
            THEN masalah('id_pengawas', id_pengawas, 'Koseka tidak punya pengawas: kosongkan') END,
        wajib('kode_kab', kode_kab),
        cek_kab('kode_kab', kode_kab)
    ], lambda m: m IS NOT NULL) AS _masalah_sendiri
    FROM s
),
-- An officer given twice with different details: the loader rejects every such row (data/loader.py), so
-- none of them may vouch for the officers under it. Rows that agree (their hashes, as the loader compares
-- them) are one officer given twice.
berbeda AS (
    SELECT _id FROM sendiri WHERE _id IS NOT NULL GROUP BY _id
    HAVING min(hash(teks(nama), _peran, _pengawas, _kab, _masalah_sendiri))
        <> max(hash(teks(nama), _peran, _pengawas, _kab, _masalah_sendiri))
),
sah_di_berkas AS (
    SELECT _id, _peran, _pengawas FROM sendiri
    WHERE len(_masalah_sendiri) = 0 AND _id NOT IN (SELECT _id FROM berbeda)
),
di_gudang AS (
    SELECT id_petugas AS _id, peran AS _peran FROM petugas
    WHERE id_petugas NOT IN (SELECT _id FROM sah_di_berkas)
),
koseka AS (
    SELECT _id FROM sah_di_berkas WHERE _peran = 'KOSEKA'
    UNION SELECT _id FROM di_gudang WHERE _peran = 'KOSEKA'
),
pml AS (
    SELECT _id FROM sah_di_berkas WHERE _peran = 'PML' AND _pengawas IN (SELECT _id FROM koseka)
    UNION SELECT _id FROM di_gudang WHERE _peran = 'PML'
),
-- Whom each officer supervises among those the warehouse keeps as they are, and the SLS assigned to
-- each: a new role must still fit them (a Koseka re-sent as a PPL would leave his PMLs under a PPL).
bawahan AS (
    SELECT id_pengawas AS _id,
        count(*) FILTER (peran = 'PPL') AS _ppl, count(*) FILTER (peran = 'PML') AS _pml
    FROM petugas
    WHERE id_pengawas IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM sah_di_berkas b WHERE b._id = petugas.id_petugas)
    GROUP BY id_pengawas
),
ditugaskan AS (
    SELECT id_petugas AS _id, count(*) AS _sls FROM penugasan GROUP BY id_petugas
)
SELECT
    _baris,
    _id AS _kunci,
    _id AS id_petugas,
    teks(nama) AS nama,
    _peran AS peran,
    _pengawas AS id_pengawas,
    _kab AS kode_kab,
    list_concat(_masalah_sendiri, list_filter([
        CASE WHEN _peran = 'PPL' AND _pengawas NOT IN (SELECT _id FROM pml)
            THEN masalah('id_pengawas', id_pengawas, 'pengawas tidak terdaftar sebagai PML') END,
        CASE WHEN _peran = 'PML' AND _pengawas NOT IN (SELECT _id FROM koseka)
            THEN masalah('id_pengawas', id_pengawas, 'pengawas tidak terdaftar sebagai Koseka') END,
        CASE WHEN _ppl > 0 AND _peran <> 'PML'
            THEN masalah('peran', peran, 'masih menjadi pengawas ' || _ppl || ' PPL di gudang data: '
                || 'kirim ulang mereka dengan PML lain dulu') END,
        CASE WHEN _pml > 0 AND _peran <> 'KOSEKA'
            THEN masalah('peran', peran, 'masih menjadi pengawas ' || _pml || ' PML di gudang data: '
                || 'kirim ulang mereka dengan Koseka lain dulu') END,
        CASE WHEN _sls > 0 AND _peran <> 'PPL'
            THEN masalah('peran', peran,
                'masih ditugaskan ' || _sls || ' SLS: pindahkan penugasannya dulu') END
    ], lambda m: m IS NOT NULL)) AS masalah
FROM sendiri
LEFT JOIN bawahan USING (_id)
LEFT JOIN ditugaskan USING (_id)
