"""The meeting's story (pages/deck/story.py) says what the queries say: on the demo campaign, every figure
of its slides equals the query's answer formatted as the pages format it; the officer teams appear only
for a viewer who may see names, and the access rules refuse them where the data are read. Also the
comparison of two days (pages/ui/changes.py) on hand-built answers."""

import datetime as dt

import pandas as pd
import pytest

from data.demo import TODAY
from geo import boundaries_dir
from pages.deck import story
from pages.ui import formats
from pages.ui.changes import compared, ranked
from pages.ui.state import Frame
from queries import Warehouse
from queries.access import Refused
from tests.helpers import ADMIN, PIMPINAN

SINCE = TODAY - dt.timedelta(days=7)


def frame_for(warehouse: Warehouse, kode_kab: str | None = None, lang: str = "id") -> Frame:
    info = warehouse.run("info_data").iloc[0]
    return Frame(TODAY, kode_kab, lang, True, info.tanggal_akhir.date(), info.waktu_muat_terakhir)


def asker(warehouse: Warehouse, viewer):
    return lambda name, **params: warehouse.ask(name, viewer=viewer, **params)


@pytest.fixture(scope="module")
def warehouse(full) -> Warehouse:
    return Warehouse(full.warehouse)


@pytest.fixture(scope="module")
def province_deck(warehouse) -> story.Deck:
    frame = frame_for(warehouse)
    return story.build(asker(warehouse, ADMIN), frame, since=SINCE, names=True, folder=boundaries_dir())


def slide(deck: story.Deck, key: str) -> story.Slide:
    return next(one for one in deck.slides if one.key == key)


def test_the_story_runs_in_meeting_order(province_deck):
    keys = [one.key for one in province_deck.slides]
    assert keys == ["judul", "status", "peta", "peringkat", "jadwal", "desk", "tindakan", "tim", "perubahan"]
    assert province_deck.simulated == "Data simulasi"
    assert formats.date(TODAY, "id") in province_deck.footer
    assert all(one.notes for one in province_deck.slides)


def test_the_status_slide_holds_the_overviews_figures(province_deck, warehouse):
    province = warehouse.run("capaian_wilayah", as_of=TODAY).set_index("kode_wilayah").loc["64"]
    figures = {figure.label: figure.value for figure in slide(province_deck, "status").figures}
    assert figures["Capaian"] == formats.percent(province.persen)
    assert figures["Rencana hari ini"] == formats.percent(province.harapan_persen)
    assert figures["Keluarga terdata"] == formats.number(province.terdata)
    assert figures["Sisa keluarga"] == formats.number(province.sisa_keluarga)
    assert slide(province_deck, "status").status == province.status


def test_the_ranking_is_the_overviews_ranking(province_deck, warehouse):
    areas = ranked(warehouse.run("capaian_wilayah", as_of=TODAY))
    table = slide(province_deck, "peringkat").table
    assert [row[0] for row in table.rows] == list(areas.nama_pendek)
    assert [row[1] for row in table.rows] == [formats.percent(value) for value in areas.persen]
    assert [row[3] for row in table.rows] == [formats.points(value) for value in areas.selisih]
    assert [row[5] for row in table.rows] == [formats.number(value) for value in areas.sisa_keluarga]
    assert table.statuses == tuple(areas.status)
    assert table.total_row


def test_the_change_slide_adds_up(province_deck, warehouse):
    now = warehouse.run("capaian_wilayah", as_of=TODAY).set_index("kode_wilayah")
    then = warehouse.run("capaian_wilayah", as_of=SINCE).set_index("kode_wilayah")
    change = slide(province_deck, "perubahan")
    gained = now.loc["64", "terdata"] - then.loc["64", "terdata"]
    assert formats.signed_number(gained) in change.title
    regencies = now.index != "64"
    moved = (now.status[regencies] != then.status[regencies]).sum()
    assert change.subtitle.startswith(f"{moved} wilayah")


def test_a_viewer_without_names_gets_no_teams_and_cannot_ask_for_them(warehouse):
    frame = frame_for(warehouse)
    ask = asker(warehouse, PIMPINAN)
    deck = story.build(ask, frame, since=SINCE, names=False, folder=boundaries_dir())
    assert "tim" not in [one.key for one in deck.slides]
    with pytest.raises(Refused):
        story.build(ask, frame, since=SINCE, names=True, folder=boundaries_dir())


def test_a_regency_deck_ranks_its_kecamatan(warehouse):
    frame = frame_for(warehouse, "6403", lang="en")
    deck = story.build(asker(warehouse, ADMIN), frame, since=SINCE, names=True, folder=boundaries_dir())
    kecamatan = warehouse.run("wilayah_rincian", as_of=TODAY, kab="6403", kec=None, desa=None)
    table = slide(deck, "peringkat").table
    assert len(table.rows) == min(len(kecamatan), story.RANKING_ROWS)
    assert table.rows[0][0] == kecamatan.sort_values("selisih").nama.iloc[0]
    assert "Kutai Kartanegara" in slide(deck, "judul").subtitle
    assert slide(deck, "judul").title == "Regsosek 2022 monitoring"


def answer(rows: list[tuple]) -> pd.DataFrame:
    return pd.DataFrame(rows, columns=["kode_wilayah", "terdata", "persen", "selisih", "status"])


def test_compared_known_answer():
    now = answer(
        [("64", 150, 60.0, 1.0, "hijau"), ("6401", 90, 45.0, -6.0, "merah"), ("6402", 60, 80.0, 2.0, "hijau")]
    )
    then = answer([("64", 100, 40.0, -1.0, "kuning"), ("6401", 70, 35.0, -2.0, "kuning")])
    changes = compared(now, then).set_index("kode_wilayah")
    assert changes.tambah_keluarga.loc["64"] == 50
    assert changes.tambah_poin.loc["6401"] == pytest.approx(10.0)
    assert changes.status_berubah.loc["6401"]
    assert not changes.status_berubah.loc["6402"]  # not there then: no change to speak of
    assert pd.isna(changes.tambah_keluarga.loc["6402"])
    assert list(ranked(now).kode_wilayah) == ["6401", "6402", "64"]
