"""One voice: on every day of the demo campaign, from the day before it starts to the end of the checks,
the figures that several pages show are the same figure. The overview (capaian_wilayah) is the
reference; Jadwal's curve, daily pace and needed pace, Wilayah's drill-down, Petugas' roll-up and
Alur's pipeline must agree with it, area by area.

Also the known answers of the SLS rule (an SLS above target never hides one below it) and of a gap in
the exports, on hand-built warehouses.
"""

import datetime as dt

import pandas as pd
import pytest

from data.demo import TODAY
from data.loader import load_files
from pages.ui.state import default_day, today_wita
from queries import Warehouse
from tests.helpers import REGISTRASI_HEADER, write

FIRST_DAY = dt.date(2022, 10, 14)


def campaign_days(warehouse: Warehouse) -> list[dt.date]:
    info = warehouse.run("info_data").iloc[0]
    last = max(info.tanggal_akhir, info.akhir_pendataan).date()
    return list(pd.date_range(FIRST_DAY, last).date)


def agreement_problems(warehouse: Warehouse, day: dt.date) -> list[str]:
    """Where a page's figure differs from the overview's on `day`."""
    areas = warehouse.run("capaian_wilayah", as_of=day).set_index("kode_wilayah")
    province = areas.loc["64"]
    problems = []

    def differ(what: str, ours, theirs) -> None:
        if not (pd.isna(ours) and pd.isna(theirs)) and ours != pytest.approx(theirs, abs=1e-9):
            problems.append(f"{day} {what}: overview {ours}, other page {theirs}")

    curve = warehouse.run("jadwal_kurva", as_of=day)
    today = curve[curve.tanggal.dt.date == day].set_index("kode_wilayah")
    for code, area in areas.iterrows():
        differ(f"{code} curve completion", area.persen, today.loc[code, "persen"])
        differ(f"{code} curve plan", area.harapan_persen, today.loc[code, "harapan_persen"])
    daily = warehouse.run("jadwal_harian", as_of=day, kab=None)
    if not daily.empty:
        differ("daily 7-day average", province.laju_7hari, daily.iloc[-1].rata_7hari)
    needed = warehouse.run("jadwal_laju_perlu", as_of=day, kab=None)
    final = needed[needed.target_persen == needed.target_persen.max()].iloc[-1]
    differ("needed pace: current pace", province.laju_7hari, final.laju_7hari)
    differ("needed pace: families left at the final target", province.sisa_keluarga, final.sisa_keluarga)
    officers = warehouse.run("petugas_kinerja", as_of=day, kab=None)
    everyone = officers[officers.tingkat == "PROV"].iloc[0]
    for column in ["sisa_keluarga", "ppl_aktif", "jumlah_ppl", "terdata"]:
        differ(f"officers {column}", province[column], everyone[column])
    pipeline = warehouse.run("alur_tahap", as_of=day, kab=None).set_index("kode_wilayah")
    for code, area in areas.iterrows():
        differ(f"{code} pipeline enumerated", area.terdata, pipeline.loc[code, "terdata"])
    for code in ["6402", "6472"]:  # a regency on its own schedule, one on the province's
        drilled = warehouse.run("wilayah_rincian", as_of=day, kab=code, kec=None, desa=None)
        for column in ["target_keluarga", "terdata", "sisa_keluarga"]:
            differ(f"{code} kecamatan sum {column}", areas.loc[code, column], drilled[column].sum())
        differ(f"{code} kecamatan plan", areas.loc[code, "harapan_persen"], drilled.harapan_persen.iloc[0])
    return problems


def test_every_page_says_the_overviews_figures_on_every_day(full):
    warehouse = Warehouse(full.warehouse)
    days = campaign_days(warehouse)
    assert days[0] == FIRST_DAY and days[-1] >= dt.date(2022, 12, 17)
    problems = [problem for day in days for problem in agreement_problems(warehouse, day)]
    assert not problems, "\n".join(problems[:20])


def test_the_verdict_is_the_gap_and_reached_means_nothing_left(full):
    warehouse = Warehouse(full.warehouse)
    for day in campaign_days(warehouse):
        areas = warehouse.run("capaian_wilayah", as_of=day)
        # The regencies' families left are the province's; reached is "nothing left", and only then 100 %.
        regencies, province = areas[areas.kode_wilayah != "64"], areas[areas.kode_wilayah == "64"].iloc[0]
        assert regencies.sisa_keluarga.sum() == province.sisa_keluarga, day
        assert (areas.tercapai == (areas.sisa_keluarga == 0)).all(), day
        assert ((areas.persen >= 100) == areas.tercapai).all(), day
        assert province.tercapai == regencies.tercapai.all(), day


# --- Known answers on a hand-built campaign ---------------------------------------------------------

# Two SLS of Samarinda with 2 families each: RT 001 gets 3 (one above target), RT 002 gets 1.
WILAYAH = (
    "idsubsls,nama_kab,nama_kec,nama_desa,nama_sls,target_keluarga\n"
    "6472010001000100,Kota Samarinda,Palaran,Rawa Makmur,RT 001,2\n"
    "6472010001000200,Kota Samarinda,Palaran,Rawa Makmur,RT 002,2\n"
)
PETUGAS = (
    "id_petugas,nama,peran,id_pengawas,kode_kab\nKSK-1,Siti,KOSEKA,,6472\nPML-1,Rina,PML,KSK-1,6472\n"
    "PPL-1,Andi,PPL,PML-1,6472\nPPL-2,Budi,PPL,PML-1,6472\n"
)
PENUGASAN = "id_petugas,idsubsls\nPPL-1,6472010001000100\nPPL-2,6472010001000200\n"
JADWAL = (
    "kode_wilayah,tahap,tanggal_mulai,tanggal_selesai,target_persen\n64,Lapangan,2022-10-15,2022-10-18,100\n"
)
REGISTRASI = REGISTRASI_HEADER + (
    "K1,6472010001000100,PPL-1,PINTU,,2022-10-15,,3\n"
    "K2,6472010001000100,PPL-1,PINTU,,2022-10-15,,3\n"
    "K3,6472010001000100,PPL-1,PINTU,,2022-10-16,,3\n"
    "K4,6472010001000200,PPL-2,PINTU,,2022-10-16,,3\n"
)


@pytest.fixture(scope="module")
def over_and_under(tmp_path_factory) -> Warehouse:
    folder = tmp_path_factory.mktemp("satu_suara")
    files = [
        write(folder, "wilayah.csv", WILAYAH),
        write(folder, "petugas.csv", PETUGAS),
        write(folder, "penugasan.csv", PENUGASAN),
        write(folder, "jadwal.csv", JADWAL),
        write(folder, "registrasi.csv", REGISTRASI),
    ]
    load_files(files, warehouse_path=folder / "warehouse.duckdb")
    return Warehouse(folder / "warehouse.duckdb")


def test_an_sls_above_target_never_hides_one_below_it(over_and_under):
    # 4 families registered against a target of 4, but RT 002 is 1 short: 3 of 4 count, 75 %, 1 left.
    area = over_and_under.run("capaian_wilayah", as_of=dt.date(2022, 10, 18)).set_index("kode_wilayah")
    for code in ["6472", "64"]:
        assert (area.loc[code, "terdata"], area.loc[code, "terhitung"]) == (4, 3)
        assert area.loc[code, "persen"] == pytest.approx(75.0)
        assert (area.loc[code, "sisa_keluarga"], area.loc[code, "tercapai"]) == (1, False)
        # The plan reached 100 % on 18 Oct: 25 points behind, red, not "reached".
        assert area.loc[code, "status"] == "merah"
    drilled = over_and_under.run(
        "wilayah_rincian", as_of=dt.date(2022, 10, 18), kab="6472", kec="6472010", desa="6472010001"
    ).set_index("kode")
    assert drilled.sisa_keluarga.to_dict() == {"6472010001000200": 1, "6472010001000100": 0}
    assert drilled.persen.to_dict() == pytest.approx({"6472010001000200": 50.0, "6472010001000100": 100.0})
    officers = over_and_under.run("petugas_kinerja", as_of=dt.date(2022, 10, 18), kab=None)
    assert officers.set_index("tingkat").loc["PROV", "sisa_keluarga"] == 1


def test_the_third_family_of_a_full_sls_counts_on_no_day(over_and_under):
    curve = over_and_under.run("jadwal_kurva", as_of=dt.date(2022, 10, 18))
    province = curve[curve.kode_wilayah == "64"].set_index(curve[curve.kode_wilayah == "64"].tanggal.dt.date)
    # 15 Oct: K1, K2 fill RT 001 (2 of 4 = 50 %); 16 Oct: K3 is above RT 001's target, K4 counts: 75 %.
    assert province.loc[dt.date(2022, 10, 15), "persen"] == pytest.approx(50.0)
    assert province.loc[dt.date(2022, 10, 16), "persen"] == pytest.approx(75.0)
    assert province.loc[dt.date(2022, 10, 16), "terdata"] == 4


def test_days_after_the_last_export_keep_the_plan_of_the_day(over_and_under):
    # The data end on 16 Oct; asked for 20 Oct: the same families, the plan of 20 Oct (100 %), and the
    # pace over the last 7 days (15–20 Oct: 4 families in the campaign's 6 days so far).
    info = over_and_under.run("info_data").iloc[0]
    assert info.tanggal_akhir.date() == dt.date(2022, 10, 16)
    assert info.pilihan_akhir.date() == dt.date(2022, 10, 18)  # the schedule's end
    later = over_and_under.run("capaian_wilayah", as_of=dt.date(2022, 10, 20)).set_index("kode_wilayah")
    assert later.loc["64", "terdata"] == 4
    assert later.loc["64", "harapan_persen"] == pytest.approx(100.0)
    assert later.loc["64", "laju_7hari"] == pytest.approx(4 / 6)
    assert later.loc["64", "ppl_aktif"] == 0  # none in 18–20 Oct


# Two PPL with 100 families each, a plan of 0 → 100 % from 15 Oct to 13 Nov (30 days). By 25 Oct
# (plan 36,7 %) PPL-1 has 3 and PPL-2 29: both red. PPL-2 registered 28 in the last 7 days, 4 a day, which
# kept up to 13 Nov (19 days) makes 76 of the 71 left: catching up, not behind. PPL-1: 2 in 7 days.
CATCHING_UP_DAYS = [dt.date(2022, 10, 19) + dt.timedelta(days) for days in range(7)]


def _catching_up_files(folder) -> list:
    wilayah = WILAYAH.replace(",2\n", ",100\n")
    jadwal = JADWAL.replace("2022-10-18", "2022-11-13")
    families = [("PPL-1", "6472010001000100", day) for day in ["2022-10-15", "2022-10-25", "2022-10-25"]]
    families += [("PPL-2", "6472010001000200", "2022-10-15")]
    families += [("PPL-2", "6472010001000200", day.isoformat()) for day in CATCHING_UP_DAYS for _ in range(4)]
    rows = "".join(
        f"C{number:03d},{sls},{officer},PINTU,,{day},,3\n"
        for number, (officer, sls, day) in enumerate(families)
    )
    named = [("wilayah.csv", wilayah), ("petugas.csv", PETUGAS), ("penugasan.csv", PENUGASAN)]
    named += [("jadwal.csv", jadwal), ("registrasi.csv", REGISTRASI_HEADER + rows)]
    return [write(folder, name, text) for name, text in named]


def test_an_officer_behind_but_catching_up_is_not_one_to_call(tmp_path):
    load_files(_catching_up_files(tmp_path), warehouse_path=tmp_path / "warehouse.duckdb")
    rows = Warehouse(tmp_path / "warehouse.duckdb").run(
        "petugas_kinerja", as_of=dt.date(2022, 10, 25), kab=None
    )
    officers = rows[rows.tingkat == "PPL"].set_index("id_petugas")
    assert officers.harapan_persen.to_dict() == pytest.approx(
        {"PPL-1": 100 * 11 / 30, "PPL-2": 100 * 11 / 30}
    )
    assert officers.status.to_dict() == {"PPL-1": "merah", "PPL-2": "merah"}
    assert officers.ppl_tertinggal.to_dict() == {"PPL-1": 1, "PPL-2": 0}
    assert rows[rows.tingkat == "PROV"].iloc[0].ppl_tertinggal == 1


# --- The day a page opens on ------------------------------------------------------------------------

CAMPAIGN = {
    "awal_kampanye": pd.Timestamp("2022-10-15"),
    "akhir_pendataan": pd.Timestamp("2022-11-30"),
    "tanggal_akhir": pd.Timestamp("2022-12-17"),
}


@pytest.mark.parametrize(
    ("today", "opens_on", "why"),
    [
        ("2022-10-15", "2022-10-15", "the first day of fieldwork: today"),
        ("2022-11-08", "2022-11-08", "mid-campaign: today, even with the data days behind"),
        ("2022-11-30", "2022-11-30", "the end of fieldwork: today"),
        ("2022-12-05", "2022-11-30", "after fieldwork: its end, which comes before the last data"),
        ("2026-12-04", "2022-11-30", "years later: the end of fieldwork"),
        ("2022-09-01", "2022-11-30", "before the campaign: the earlier of its end and the data's"),
    ],
)
def test_a_page_opens_on_today_during_fieldwork(today, opens_on, why):
    assert default_day(CAMPAIGN, dt.date.fromisoformat(today)) == dt.date.fromisoformat(opens_on), why


def test_without_a_schedule_or_with_data_ending_early_a_page_opens_on_the_last_data():
    no_schedule = {**CAMPAIGN, "akhir_pendataan": pd.NaT}
    assert default_day(no_schedule, dt.date(2022, 11, 8)) == dt.date(2022, 12, 17)
    early = {**CAMPAIGN, "tanggal_akhir": pd.Timestamp("2022-11-02")}
    assert default_day(early, dt.date(2026, 12, 4)) == dt.date(2022, 11, 2)


def test_the_demo_opens_mid_campaign_with_regencies_behind(full):
    info = Warehouse(full.warehouse).run("info_data").iloc[0]
    day = default_day(info, today_wita(bool(info.simulasi)))
    assert day == TODAY == dt.date(2022, 11, 8)
    statuses = Warehouse(full.warehouse).run("capaian_wilayah", as_of=day).status
    assert (statuses == "merah").sum() >= 2 and (statuses == "hijau").sum() >= 2


# --- The same verdict on every page -----------------------------------------------------------------


def status_texts(at) -> list[str]:
    """The alerts that give an area's status (the page's other alerts say other things)."""
    alerts = [alert.value for kind in (at.success, at.warning, at.error) for alert in kind]
    return [text for text in alerts if text.split(":")[0] in ("Sesuai", "Waspada", "Tertinggal")]


@pytest.mark.parametrize("day", ["2022-10-15", "2022-10-24", "2022-11-02", "2022-11-20", "2022-11-25"])
@pytest.mark.parametrize("kab", [None, "6411"])
def test_the_overview_jadwal_and_petugas_say_the_same_status(open_page, small_warehouse_template, day, kab):
    where = {"tanggal": day} | ({"kab": kab} if kab else {})
    overview = status_texts(open_page("ringkasan", small_warehouse_template, **where))
    assert len(overview) == 1, overview
    assert status_texts(open_page("jadwal", small_warehouse_template, **where)) == overview
    officers = status_texts(open_page("petugas", small_warehouse_template, **where))
    assert len(officers) == 1 and officers[0].startswith(overview[0].rstrip(".")), (officers, overview)
