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
-- A family's id in its one form: letters upper-cased and spaces dropped wherever they are, so that
-- ' k 01' given beside 'K01' (in the file or in the warehouse, which holds only this form) is the same
-- family and not a second one. Plain ASCII without a space needs no regex.
CREATE OR REPLACE TEMP MACRO kunci_keluarga(s) AS upper(kode(
    CASE WHEN strlen(s) = length(s) AND NOT contains(s, ' ') THEN s
         ELSE regexp_replace(s, '[\s\pZ]+', '', 'g') END));
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
-- A value that did not parse but is written as a date whose day or month does not exist (31/02/2022,
-- 2022-13-01) is no format problem: say which part does not exist. The parts are read year first
-- (DD/MM/YYYY rewritten as YYYY-MM-DD); `s` of the helper is them as text, {y, m, d}.
CREATE OR REPLACE TEMP MACRO tanggal_tak_ada_bagian(s) AS CASE
    WHEN s.y = '' THEN NULL  -- not written as a date
    WHEN s.m::INTEGER NOT BETWEEN 1 AND 12
        THEN 'tanggal tidak ada: bulan ' || s.m::INTEGER
            || ' (bulan 1 sampai 12; urutan YYYY-MM-DD atau DD/MM/YYYY)'
    WHEN s.d::INTEGER NOT BETWEEN 1 AND day(last_day(make_date(s.y::INTEGER, s.m::INTEGER, 1)))
        THEN 'tanggal tidak ada: '
            || ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September',
                'Oktober', 'November', 'Desember'][s.m::INTEGER]
            || ' ' || s.y || ' hanya tanggal 1 sampai '
            || day(last_day(make_date(s.y::INTEGER, s.m::INTEGER, 1)))
    END;
CREATE OR REPLACE TEMP MACRO tanggal_tak_ada(s) AS tanggal_tak_ada_bagian(regexp_extract(
    regexp_replace(teks(s), '^([0-9]{1,2})[/-]([0-9]{1,2})[/-]([0-9]{4})([ T]|$)', '\3-\2-\1\4'),
    '^([0-9]{4})-([0-9]{1,2})-([0-9]{1,2})([ T]|$)', ['y', 'm', 'd']));
-- The same for the time of day after a date (24:00, 10:75): `s` of the helper is {h, m, d}, d the seconds.
CREATE OR REPLACE TEMP MACRO jam_tak_ada_bagian(s) AS
    CASE WHEN s.h <> '' AND (s.h::INTEGER > 23 OR s.m::INTEGER > 59 OR nullif(s.d, '')::INTEGER > 59)
        THEN 'jam tidak ada: ' || concat_ws(':', s.h, s.m, nullif(s.d, '')) || ' (00:00 sampai 23:59)' END;
CREATE OR REPLACE TEMP MACRO jam_tak_ada(s) AS jam_tak_ada_bagian(
    regexp_extract(teks(s), '[ T]([0-9]{1,2}):([0-9]{2})(?::([0-9]{2}))?$', ['h', 'm', 'd']));
CREATE OR REPLACE TEMP MACRO cek_tgl(kolom, nilai) AS
    CASE WHEN ada(nilai) AND tgl(nilai) IS NULL
        THEN masalah(kolom, nilai, coalesce(tanggal_tak_ada(nilai),
            'tanggal tidak valid (format YYYY-MM-DD atau DD/MM/YYYY)')) END;
CREATE OR REPLACE TEMP MACRO cek_waktu(kolom, nilai) AS
    CASE WHEN ada(nilai) AND waktu(nilai) IS NULL
        THEN masalah(kolom, nilai, coalesce(tanggal_tak_ada(nilai), jam_tak_ada(nilai),
            'waktu tidak valid (format YYYY-MM-DD HH:MM[:SS] atau DD/MM/YYYY HH:MM)')) END;
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
-- Why a value is no SLS code (16 digits): a code Excel mangled, or how many digits it has, or what else
-- it holds. NULL for 16 digits. `kode_sls` is kode(nilai), which the callers have already.
CREATE OR REPLACE TEMP MACRO sls_salah_bentuk(kolom, nilai, kode_sls) AS coalesce(
    cek_kode(kolom, nilai),
    CASE WHEN regexp_full_match(kode_sls, '[0-9]+') AND length(kode_sls) <> 16
        THEN masalah(kolom, nilai, length(kode_sls) || ' digit, harus 16 '
            || '(provinsi 2, kab 2, kec 3, desa 3, SLS 4, sub-SLS 2)')
    WHEN NOT regexp_full_match(kode_sls, '[0-9]{16}')
        THEN masalah(kolom, nilai,
            'berisi ''' || regexp_extract(kode_sls, '[^0-9]') || ''', harus 16 digit angka')
    END);
-- Why an SLS code given is not in the master: first its form (the master holds only 16-digit codes, and
-- the form says what to fix). Then a 16-digit code whose last digit is 0, while a code that differs only
-- in that digit is known: Excel keeps 15 significant digits and wrote the 16th as 0.
CREATE OR REPLACE TEMP MACRO sls_tak_dikenal(kolom, nilai, kode_sls) AS coalesce(
    sls_salah_bentuk(kolom, nilai, kode_sls),
    CASE WHEN regexp_full_match(kode_sls, '[0-9]{15}0')
            AND left(kode_sls, 15) IN (SELECT left(idsubsls, 15) FROM wilayah)
        THEN masalah(kolom, nilai, 'SLS tidak ada di master, tetapi ada SLS yang hanya beda digit terakhir: '
            || 'kode dibulatkan Excel ke 15 digit (digit ke-16 menjadi 0); '
            || 'format kolom sebagai Teks lalu ekspor ulang') END,
    masalah(kolom, nilai, 'SLS tidak ada di master wilayah'));
-- Rows of one file, as a reason names them: '9 dan 10', '9, 10 dan 12', at most five and how many more.
CREATE OR REPLACE TEMP MACRO daftar_baris(baris) AS CASE
    WHEN len(baris) = 1 THEN baris[1]::VARCHAR
    WHEN len(baris) <= 5 THEN array_to_string(baris[1:len(baris) - 1], ', ') || ' dan ' || baris[len(baris)]
    ELSE array_to_string(baris[1:5], ', ') || ' dan ' || (len(baris) - 5) || ' baris lain' END;
-- The day (WITA) of this load, set by the loader: no step of a form can have happened after it, and a
-- typo such as 2030 would otherwise move every page's default day years ahead.
CREATE OR REPLACE TEMP MACRO hari_muat() AS getvariable('hari_muat')::DATE;
CREATE OR REPLACE TEMP MACRO cek_setelah_muat(kolom, nilai, waktu) AS
    CASE WHEN waktu::DATE > hari_muat()
        THEN masalah(kolom, nilai,
            'tanggal setelah hari pemuatan (' || strftime(hari_muat(), '%d/%m/%Y') || ')') END;
