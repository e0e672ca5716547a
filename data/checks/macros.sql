-- Parsing helpers shared by the checks: a value that does not parse becomes NULL, and the check
-- that sees NULL where text was given names the problem.
-- trim() decodes every character of every value; plain ASCII without an edge space needs no trimming.
CREATE OR REPLACE TEMP MACRO teks(s) AS
    CASE WHEN strlen(s) = length(s) AND NOT starts_with(s, ' ') AND NOT ends_with(s, ' ') THEN nullif(s, '')
         ELSE nullif(trim(s), '') END;
CREATE OR REPLACE TEMP MACRO ada(s) AS teks(s) IS NOT NULL;
-- A code as text. A code that went through a number column gained '.0' (6472.0): the digits are
-- all there, so it is taken without it.
CREATE OR REPLACE TEMP MACRO kode(s) AS
    CASE WHEN ends_with(teks(s), '.0') AND regexp_full_match(teks(s), '[0-9]+\.0') THEN left(teks(s), -2)
         ELSE teks(s) END;
-- A date or time that Excel wrote as its serial number (days since 30 Dec 1899, the fraction being
-- the time of day, kept to the second as Excel shows it): 5 digits cover 1927 to 2173.
CREATE OR REPLACE TEMP MACRO serial_excel(s) AS
    CASE WHEN regexp_full_match(teks(s), '[1-9][0-9]{4}([.,][0-9]+)?')
        THEN TIMESTAMP '1899-12-30' + to_seconds(round(replace(teks(s), ',', '.')::DOUBLE * 86400)) END;
CREATE OR REPLACE TEMP MACRO tgl(s) AS
    coalesce(try_strptime(teks(s), ['%Y-%m-%d', '%d/%m/%Y', '%d-%m-%Y']), serial_excel(s))::DATE;
CREATE OR REPLACE TEMP MACRO waktu(s) AS coalesce(try_strptime(
    teks(s),
    ['%Y-%m-%d %H:%M:%S', '%Y-%m-%d %H:%M', '%Y-%m-%dT%H:%M:%S', '%d/%m/%Y %H:%M:%S', '%d/%m/%Y %H:%M']),
    serial_excel(s));
CREATE OR REPLACE TEMP MACRO bulat(s) AS
    CASE WHEN regexp_full_match(teks(s), '-?[0-9]{1,9}') THEN teks(s)::INTEGER END;
CREATE OR REPLACE TEMP MACRO desimal(s) AS
    CASE WHEN regexp_full_match(teks(s), '-?[0-9]+([.,][0-9]+)?') THEN replace(teks(s), ',', '.')::DOUBLE END;
-- One problem found in one cell.
CREATE OR REPLACE TEMP MACRO masalah(kolom, nilai, alasan) AS
    {'kolom': kolom, 'nilai': nilai, 'alasan': alasan};
CREATE OR REPLACE TEMP MACRO wajib(kolom, nilai) AS
    CASE WHEN NOT ada(nilai) THEN masalah(kolom, nilai, 'wajib diisi') END;
CREATE OR REPLACE TEMP MACRO cek_tgl(kolom, nilai) AS
    CASE WHEN ada(nilai) AND tgl(nilai) IS NULL
        THEN masalah(kolom, nilai, 'tanggal tidak valid (format YYYY-MM-DD atau DD/MM/YYYY)') END;
CREATE OR REPLACE TEMP MACRO cek_waktu(kolom, nilai) AS
    CASE WHEN ada(nilai) AND waktu(nilai) IS NULL
        THEN masalah(kolom, nilai,
            'waktu tidak valid (format YYYY-MM-DD HH:MM[:SS] atau DD/MM/YYYY HH:MM)') END;
-- A step dated before the one it follows (a form checked before it was enumerated): `saat` and `saat_awal`
-- are the two values as read, `kolom_awal` names the earlier one.
CREATE OR REPLACE TEMP MACRO cek_urutan(kolom, nilai, saat, kolom_awal, saat_awal) AS
    CASE WHEN saat < saat_awal THEN masalah(kolom, nilai, 'sebelum ' || kolom_awal) END;
CREATE OR REPLACE TEMP MACRO cek_kab(kolom, nilai) AS
    CASE WHEN ada(nilai) AND kode(nilai) NOT IN (SELECT kode_kab FROM kabupaten)
        THEN masalah(kolom, nilai, 'kode kabupaten/kota tidak dikenal (kode BPS 4 digit)') END;
-- A code that Excel turned into a number shows in scientific notation (6,47201E+15): its last
-- digits are gone, and only a new export with the column formatted as text brings them back.
-- A code holding a control character (NUL, tab, a line break) would be another code that looks the same.
CREATE OR REPLACE TEMP MACRO cek_kode(kolom, nilai) AS
    CASE WHEN regexp_matches(nilai, '[[:cntrl:]]')
        THEN masalah(kolom, nilai,
            'kode berisi karakter kendali (NUL, tab atau ganti baris): hapus lalu kirim ulang')
    WHEN (contains(nilai, 'E') OR contains(nilai, 'e'))  -- cheap, spares most values the regex
            AND regexp_full_match(teks(nilai), '[0-9]([.,][0-9]+)?[eE][+]?[0-9]+')
        THEN masalah(kolom, nilai, 'kode menjadi angka di Excel (notasi ilmiah): digit terakhirnya hilang; '
            || 'format kolom sebagai Teks lalu ekspor ulang') END;
-- Why an SLS code given is not in the master. A 16-digit code whose last digit is 0, while a code that
-- differs only in that digit is known: Excel keeps 15 significant digits and wrote the 16th as 0.
-- `kode_sls` is kode(nilai), passed in because the check has it already and the lookup runs on every row.
CREATE OR REPLACE TEMP MACRO sls_tak_dikenal(kolom, nilai, kode_sls) AS coalesce(
    cek_kode(kolom, nilai),
    CASE WHEN regexp_full_match(kode_sls, '[0-9]{15}0')
            AND left(kode_sls, 15) IN (SELECT left(idsubsls, 15) FROM wilayah)
        THEN masalah(kolom, nilai, 'SLS tidak ada di master, tetapi ada SLS yang hanya beda digit terakhir: '
            || 'kode dibulatkan Excel ke 15 digit (digit ke-16 menjadi 0); '
            || 'format kolom sebagai Teks lalu ekspor ulang') END,
    masalah(kolom, nilai, 'SLS tidak ada di master wilayah'));
-- The first row of the file with the same key, when it is not this row.
CREATE OR REPLACE TEMP MACRO duplikat(kolom, nilai, baris_pertama, baris) AS
    CASE WHEN baris_pertama < baris
        THEN masalah(kolom, nilai, 'duplikat dalam berkas (sama dengan baris ' || baris_pertama || ')') END;
-- The day (WITA) of this load, set by the loader: no step of a form can have happened after it, and a
-- typo such as 2030 would otherwise move every page's default day years ahead.
CREATE OR REPLACE TEMP MACRO hari_muat() AS getvariable('hari_muat')::DATE;
CREATE OR REPLACE TEMP MACRO cek_setelah_muat(kolom, nilai, waktu) AS
    CASE WHEN waktu::DATE > hari_muat()
        THEN masalah(kolom, nilai,
            'tanggal setelah hari pemuatan (' || strftime(hari_muat(), '%d/%m/%Y') || ')') END;
