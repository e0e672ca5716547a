"""The demo campaign loads through the real loader without a reject, the dashboard's numbers reconcile on
it, and it is calibrated against docs/domain.md. The loader's rules (data/checks/*.sql) are not repeated."""

from datetime import date, timedelta
from pathlib import Path

import duckdb
import pytest

from data.contract import LOAD_ORDER
from data.demo import DISTRICTS_FILE, generate
from tests.helpers import GEO_DIR, Demo, digest

CUT = date(2022, 11, 15)
CAMPAIGNS = ["full", "cut", "nogeo"]  # `full` is in conftest.py: other modules ask it too


@pytest.fixture(scope="session")
def cut(tmp_path_factory) -> Demo:
    return Demo(tmp_path_factory.mktemp("cut"), as_of=CUT, geo_dir=GEO_DIR)


@pytest.fixture(scope="session")
def nogeo(tmp_path_factory) -> Demo:
    return Demo(tmp_path_factory.mktemp("nogeo"))


def _hashes(paths: list[Path]) -> dict[str, str]:
    return {p.name: digest(p) for p in paths}


# --- the files and the load ----------------------------------------------------------------------------
@pytest.mark.parametrize("campaign", CAMPAIGNS)
def test_every_file_loads_whole(campaign, request):
    demo = request.getfixturevalue(campaign)
    sent = [kind for kind in LOAD_ORDER if kind != "pembatalan"]  # the demo withdraws no family
    assert [p.name for p in demo.paths] == [f"{kind}.csv" for kind in sent]
    assert [r.kind for r in demo.results] == sent
    for r in demo.results:  # read = loaded, nothing replaced or rejected, no column ignored
        assert r.read > 0 and (r.loaded, r.replaced, r.rejected, r.note_texts()) == (r.read, 0, 0, []), r
    assert demo.one("SELECT count(*) FROM tolak") == 0


def test_same_seed_gives_identical_files(full, tmp_path):
    assert _hashes(generate(tmp_path, geo_dir=GEO_DIR)) == _hashes(full.paths)


def test_scale_multiplies_sls_officers_and_families(tmp_path):
    wilayah, petugas, *_, registrasi = (f"read_csv('{p}')" for p in generate(tmp_path, scale=2))
    counts = f"""SELECT (FROM {wilayah} SELECT count(*)), (FROM {registrasi} SELECT count(*)),
                        (FROM {petugas} SELECT count(*) WHERE peran = 'PPL')"""
    sls, families, ppl = duckdb.connect().execute(counts).fetchone()
    assert 27_000 <= sls <= 31_000 and ppl == 12_800 and 2_200_000 <= families <= 2_520_000


# Joins the dashboard relies on, and promises the loader does not check; each counts the rows that break it.
PROMISES = {
    "family's SLS in wilayah": "registrasi ANTI JOIN wilayah USING (idsubsls)",
    "family's officer in petugas": "registrasi ANTI JOIN petugas USING (id_petugas)",
    "family's officer is its SLS's PPL": """registrasi r JOIN penugasan a USING (idsubsls)
        WHERE a.id_petugas <> r.id_petugas""",
    "every SLS has a PPL": "wilayah ANTI JOIN penugasan USING (idsubsls)",
    "every PPL has an SLS": "(FROM petugas WHERE peran = 'PPL') ANTI JOIN penugasan USING (id_petugas)",
    "supervisor in the same regency": """petugas p JOIN petugas s ON s.id_petugas = p.id_pengawas
        WHERE s.kode_kab <> p.kode_kab""",
    "desk fields only on DESK rows": """registrasi WHERE kanal = 'PINTU'
        AND coalesce(tanggal_cek_rumah::TIMESTAMP, waktu_datang, waktu_mulai, waktu_selesai) IS NOT NULL""",
    "DESK rows timed on their day": """registrasi WHERE kanal = 'DESK' AND (waktu_mulai IS NULL
        OR waktu_datang::DATE IS DISTINCT FROM tanggal_didata
        OR waktu_selesai::DATE IS DISTINCT FROM tanggal_didata)""",
}


@pytest.mark.parametrize("promise", PROMISES)
@pytest.mark.parametrize("campaign", CAMPAIGNS)
def test_what_the_loader_does_not_check(campaign, promise, request):
    assert request.getfixturevalue(campaign).one(f"SELECT count(*) FROM {PROMISES[promise]}") == 0


def test_as_of_shows_the_campaign_as_it_stood(cut, full):
    latest = """SELECT greatest(max(tanggal_didata), max(tanggal_diperiksa), max(tanggal_diterima),
                                max(tanggal_cek_rumah), max(waktu_selesai)::DATE) FROM registrasi"""
    assert cut.one(latest) == CUT < full.one(latest)
    assert cut.one("SELECT count(*) FROM registrasi WHERE tanggal_diterima IS NULL") > 0
    # The cut leaves out later families and empties later dates; nothing else differs from the full run.
    later = ", ".join(
        f"CASE WHEN {c} <= DATE '{CUT}' THEN {c} END AS {c}"
        for c in ("tanggal_diperiksa", "tanggal_diterima", "tanggal_cek_rumah")
    )
    both = duckdb.connect()
    both.execute(f"ATTACH '{full.warehouse}' AS f (READ_ONLY); ATTACH '{cut.warehouse}' AS c (READ_ONLY)")
    missing, extra = both.execute(
        f"""WITH expected AS (SELECT * REPLACE ({later}) FROM f.registrasi WHERE tanggal_didata <= '{CUT}')
            SELECT (SELECT count(*) FROM (FROM expected EXCEPT ALL FROM c.registrasi)),
                   (SELECT count(*) FROM (FROM c.registrasi EXCEPT ALL FROM expected))"""
    ).fetchone()
    assert (missing, extra) == (0, 0)
    assert _hashes(cut.paths[:-1]) == _hashes(full.paths[:-1])


# --- the dashboard's numbers reconcile ---------------------------------------------------------------------
@pytest.mark.parametrize("as_of", [date(2022, 10, 24), CUT, date(2022, 12, 31)])
def test_regencies_add_up_to_the_province(full, as_of):
    areas = full.capaian(as_of)
    regencies, province = areas.drop(index="64"), areas.loc["64"]
    assert len(regencies) == 10 and all(len(code) == 4 for code in regencies.index) and province.terdata > 0
    summed = ["target_keluarga", "terdata", "terdata_7hari", "jumlah_ppl", "ppl_aktif"]
    assert regencies[summed].sum().to_dict() == province[summed].to_dict()
    direct = """SELECT count(*), (SELECT sum(target_keluarga) FROM wilayah),
                       (SELECT count(*) FROM petugas WHERE peran = 'PPL')
                FROM registrasi WHERE tanggal_didata <= ?"""
    assert (province.terdata, province.target_keluarga, province.jumlah_ppl) == full.row(direct, as_of)


# --- calibration (docs/domain.md) --------------------------------------------------------------------------
def test_size_and_territory(full):
    assert 13_500 <= full.one("SELECT count(*) FROM wilayah") <= 15_500
    assert 1_100_000 <= full.one("SELECT sum(target_keluarga) FROM wilayah") <= 1_260_000
    roles = dict(full.rows("SELECT peran, count(*) FROM petugas GROUP BY peran"))
    assert 7_900 <= sum(roles.values()) <= 8_700
    assert roles["PPL"] == 6_400 and 3.5 <= roles["PPL"] / roles["PML"] <= 4.5 and roles["KOSEKA"] == 103
    ppl = full.capaian(CUT)["jumlah_ppl"]
    assert (ppl["6472"], ppl["6403"], ppl["6471"]) == (1316, 1190, 1104)
    kec, desa = (dict(full.rows(f"SELECT kode_kab, count(DISTINCT {unit}) FROM wilayah GROUP BY 1"))
                 for unit in ("kode_kec", "kode_desa"))  # fmt: skip
    assert kec == {"6401": 10, "6402": 16, "6403": 18, "6404": 18, "6405": 13,
                   "6409": 4, "6411": 5, "6471": 6, "6472": 10, "6474": 3}  # fmt: skip
    assert (desa["6401"], desa["6472"], sum(desa.values())) == (144, 59, 1038)
    assert full.row("SELECT min(target_keluarga), max(target_keluarga) FROM wilayah") == (30, 200)


def test_kecamatan_codes_are_bps_codes(full):
    crosswalk = GEO_DIR / DISTRICTS_FILE if GEO_DIR else None
    assert crosswalk and crosswalk.exists(), (
        f"kecamatan crosswalk {DISTRICTS_FILE} not found in {GEO_DIR or 'any boundary folder'}: "
        "put the boundary folder at ../shared/geo beside the repository or point PANTAU_GEO_DIR at it"
    )
    bps = f"SELECT kode_bps FROM read_csv('{crosswalk}', all_varchar = true) WHERE kode_bps <> '' ORDER BY 1"
    assert full.rows("SELECT DISTINCT kode_kec FROM wilayah ORDER BY 1") == full.rows(bps)


def test_without_geo_the_kecamatan_are_invented_103(nogeo):
    assert nogeo.row(
        """SELECT count(DISTINCT kode_kec), count(DISTINCT (kode_kab, nama_kec)),
                  (SELECT count(*) FROM petugas WHERE peran = 'KOSEKA') FROM wilayah"""
    ) == (103, 103, 103)


def test_officers_workload_idleness_and_anomalies(full):
    assert full.row(
        """SELECT min(sls), max(sls), max(kec) FROM (SELECT count(*) AS sls,
               count(DISTINCT left(idsubsls, 7)) AS kec FROM penugasan GROUP BY id_petugas)"""
    ) == (1, 4, 1)
    mean = full.one("SELECT avg(n) FROM (SELECT count(*) AS n FROM registrasi GROUP BY id_petugas)")
    assert 170 <= mean <= 200
    # Idle on 1 Nov: work left, but nothing recorded on 30 Oct, 31 Oct or 1 Nov.
    idle = full.one(
        """SELECT avg((last < DATE '2022-10-30' AND done < total)::INT)
           FROM (SELECT max(tanggal_didata) FILTER (tanggal_didata <= DATE '2022-11-01') AS last,
                        count(*) FILTER (tanggal_didata <= DATE '2022-11-01') AS done, count(*) AS total
                 FROM registrasi GROUP BY id_petugas)"""
    )
    assert 0.01 <= idle <= 0.06
    over_40 = "SELECT count(*) FROM registrasi GROUP BY id_petugas, tanggal_didata HAVING count(*) > 40"
    assert 1 <= len(full.rows(over_40)) <= 10


def test_progress_against_the_plan_and_rhythm(full):
    by_15_nov = full.capaian(date(2022, 11, 15))["persen"]
    assert 85 <= by_15_nov["64"] <= 95
    assert full.capaian(date(2022, 11, 30)).loc["64", "persen"] >= 98
    for remote in ("6411", "6402"):
        assert by_15_nov[remote] < by_15_nov["64"] - 5
    per_day = dict(full.rows("SELECT tanggal_didata, count(*) FROM registrasi GROUP BY 1"))
    third_week = [per_day[date(2022, 10, 31) + timedelta(days=i)] for i in range(5)]
    assert per_day[date(2022, 10, 15)] < 0.5 * sum(third_week) / 5  # slow first days
    for sunday in (date(2022, 10, 23), date(2022, 10, 30), date(2022, 11, 6), date(2022, 11, 13)):
        around = per_day[sunday - timedelta(days=1)], per_day[sunday + timedelta(days=1)]
        assert per_day[sunday] < 0.7 * min(around)


def test_families_fill_their_sls_and_are_followed_up(full):
    close, exact, worst = full.row(
        """SELECT avg((abs(gap) <= 5)::INT), avg((gap = 0)::INT), max(abs(gap))
           FROM (SELECT any_value(w.target_keluarga) - count(r.id_keluarga) AS gap
                 FROM wilayah w LEFT JOIN registrasi r USING (idsubsls) GROUP BY idsubsls)"""
    )
    assert close >= 0.99 and 0.7 <= exact < 1 and worst <= 30
    mean, largest = full.row("SELECT avg(jumlah_art), max(jumlah_art) FROM registrasi")
    assert 3.0 <= mean <= 3.4 and largest <= 10
    checked, received, last = full.row(
        """SELECT [min(tanggal_diperiksa - tanggal_didata), max(tanggal_diperiksa - tanggal_didata)],
                  [min(tanggal_diterima - tanggal_diperiksa), max(tanggal_diterima - tanggal_diperiksa)],
                  max(tanggal_diterima) FROM registrasi"""
    )
    assert checked == [1, 7] and received == [2, 10] and date(2022, 12, 1) <= last <= date(2022, 12, 31)


def test_desks(full):
    desks = full.rows("SELECT * EXCLUDE (id_desk, id_muat) FROM desk ORDER BY id_desk")
    assert 4 <= len(desks) <= 5
    assert (desks[0][0], desks[0][3]) == ("Kantor Diskominfo Kaltim", date(2022, 10, 24))
    assert all(kab == "6472" and 3 <= counters <= 8 and closes >= date(2022, 11, 20)
               for _, kab, counters, _, closes in desks)  # fmt: skip
    assert all(date(2022, 11, 1) <= opens <= date(2022, 11, 7) for *_, opens, _ in desks[1:])
    n, where_and_when, wait, service_10_to_30_min, check_lag, pending = full.row(
        """SELECT count(*), bool_and(idsubsls LIKE '6472%' AND dayofweek(tanggal_didata) BETWEEN 1 AND 5
                                     AND tanggal_didata BETWEEN d.tanggal_buka AND d.tanggal_tutup
                                     AND waktu_datang::TIME BETWEEN TIME '08:00' AND TIME '14:30'),
                  max(epoch(waktu_mulai - waktu_datang)) / 60,
                  bool_and(epoch(waktu_selesai - waktu_mulai) BETWEEN 10 * 60 AND 30 * 60),
                  [min(tanggal_cek_rumah - tanggal_didata), max(tanggal_cek_rumah - tanggal_didata)],
                  count(*) FILTER (tanggal_cek_rumah IS NULL)
           FROM registrasi r JOIN desk d USING (id_desk)"""
    )
    assert 1_000 <= n <= 10_000 and where_and_when and service_10_to_30_min
    assert 30 <= wait <= 90  # busy mornings queue
    assert check_lag == [1, 14] and 0 < pending < 0.1 * n
