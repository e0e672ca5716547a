-- Parsing helpers shared by the checks: a value that does not parse becomes NULL, and the check
-- that sees NULL where text was given names the problem.
CREATE OR REPLACE TEMP MACRO teks(s) AS nullif(trim(s), '');
CREATE OR REPLACE TEMP MACRO ada(s) AS teks(s) IS NOT NULL;
CREATE OR REPLACE TEMP MACRO tgl(s) AS try_strptime(teks(s), ['%Y-%m-%d', '%d/%m/%Y'])::DATE;
CREATE OR REPLACE TEMP MACRO waktu(s) AS try_strptime(
    teks(s), ['%Y-%m-%d %H:%M:%S', '%Y-%m-%d %H:%M', '%Y-%m-%dT%H:%M:%S', '%d/%m/%Y %H:%M:%S', '%d/%m/%Y %H:%M']);
CREATE OR REPLACE TEMP MACRO bulat(s) AS
    CASE WHEN regexp_full_match(teks(s), '-?[0-9]{1,9}') THEN CAST(teks(s) AS INTEGER) END;
CREATE OR REPLACE TEMP MACRO desimal(s) AS
    CASE WHEN regexp_full_match(teks(s), '-?[0-9]+([.,][0-9]+)?') THEN CAST(replace(teks(s), ',', '.') AS DOUBLE) END;
-- One problem found in one cell.
CREATE OR REPLACE TEMP MACRO masalah(kolom, nilai, alasan) AS {'kolom': kolom, 'nilai': nilai, 'alasan': alasan};
CREATE OR REPLACE TEMP MACRO wajib(kolom, nilai) AS
    CASE WHEN NOT ada(nilai) THEN masalah(kolom, nilai, 'wajib diisi') END;
CREATE OR REPLACE TEMP MACRO cek_tgl(kolom, nilai) AS
    CASE WHEN ada(nilai) AND tgl(nilai) IS NULL
        THEN masalah(kolom, nilai, 'tanggal tidak valid (format YYYY-MM-DD atau DD/MM/YYYY)') END;
CREATE OR REPLACE TEMP MACRO cek_waktu(kolom, nilai) AS
    CASE WHEN ada(nilai) AND waktu(nilai) IS NULL
        THEN masalah(kolom, nilai, 'waktu tidak valid (format YYYY-MM-DD HH:MM[:SS] atau DD/MM/YYYY HH:MM)') END;
CREATE OR REPLACE TEMP MACRO cek_kab(kolom, nilai) AS
    CASE WHEN ada(nilai) AND teks(nilai) NOT IN (SELECT kode_kab FROM kabupaten)
        THEN masalah(kolom, nilai, 'kode kabupaten/kota tidak dikenal (kode BPS 4 digit)') END;
-- The first row of the file with the same key, when it is not this row.
CREATE OR REPLACE TEMP MACRO duplikat(kolom, nilai, baris_pertama, baris) AS
    CASE WHEN baris_pertama < baris
        THEN masalah(kolom, nilai, 'duplikat dalam berkas (sama dengan baris ' || baris_pertama || ')') END;
