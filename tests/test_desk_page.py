"""The collective-desk page in AppTest, and its figure builders (AppTest cannot see inside plotly).

Known answers come from tests/test_desk_queries.py.
"""

import functools

import numpy as np
import pandas as pd
import pytest

from pages.charts.desk import arrivals_heatmap, share_lines
from tests.helpers import metrics


@pytest.fixture
def open_desk(open_page):
    return functools.partial(open_page, "desk")


def test_the_one_desk_family_of_the_small_campaign(open_desk, small_warehouse_template):
    at = open_desk(small_warehouse_template, tanggal="2022-10-24")
    assert at.title[0].value == "Desk kolektif"
    assert metrics(at) == {
        "Keluarga dilayani di desk": "1",
        "Keluarga per meja-jam": "0,1",  # 1 ÷ (2 counters × 7 h)
        "Lokasi desk": "1",
        "Cek rumah tertunda": "1",
        "Waktu tunggu, median": "20,0 menit",
        "Waktu tunggu, persentil 90": "20,0 menit",
        "Waktu layanan, median": "25,0 menit",
        "Waktu layanan, persentil 90": "25,0 menit",
    }
    pending = next(metric for metric in at.metric if metric.label == "Cek rumah tertunda")
    assert pending.delta == "100,0% dari 1 keluarga desk"
    assert any("7 jam hari kerja" in caption.value for caption in at.caption)


def test_site_and_day_tables(open_desk, desk_warehouse):
    at = open_desk(desk_warehouse, tanggal="2022-11-10")
    sites, days, check_sites, check_regencies = (frame.value for frame in at.dataframe)
    d1 = sites.set_index("Lokasi desk").loc["Kantor Diskominfo Kaltim"]
    assert d1.tolist() == [
        "2",
        "9",
        "0,2",
        "5,0",
        "28,0",
        "20,0",
        "42,0",
    ]  # counters, served, per counter-hour, minutes
    assert sites.iloc[-1]["Lokasi desk"] == "Semua lokasi"
    assert sites.iloc[-1]["Dilayani"] == "10"
    # Most recent day first.
    assert days.iloc[0][["Tanggal", "Lokasi desk", "Dilayani"]].tolist() == [
        "3 Nov 2022",
        "Kantor Diskominfo Kaltim",
        "1",
    ]
    busy = days[days.Tanggal == "25 Okt 2022"].iloc[0]
    assert busy[["Dilayani", "Tunggu median", "Tunggu P90"]].tolist() == ["5", "10,0", "44,0"]
    # House checks: D1 5 of 9 pending, 1 at 4–7 days, 1 at 8–14, 3 older than 14.
    pending = check_sites.set_index("Lokasi desk").loc["Kantor Diskominfo Kaltim"]
    assert pending.tolist() == ["9", "5", "55,6%", "0", "1", "1", "3", "16"]
    assert check_regencies["Kabupaten/kota"].tolist() == ["Samarinda", "Mahakam Ulu"]


def test_a_regency_narrows_the_page(open_desk, desk_warehouse):
    at = open_desk(desk_warehouse, tanggal="2022-11-10", kab="6411")
    assert at.caption[0].value.startswith("Kabupaten Mahakam Ulu, keadaan per 10 Nov 2022")
    assert metrics(at)["Keluarga dilayani di desk"] == "1"
    assert metrics(at)["Keluarga per meja-jam"] == "0,1"  # 1 ÷ 7
    assert at.dataframe[0].value["Lokasi desk"].tolist() == ["Kantor Bupati Mahakam Ulu", "Semua lokasi"]


def test_before_the_first_desk_day(open_desk, small_warehouse_template):
    at = open_desk(small_warehouse_template, tanggal="2022-10-20")
    assert at.info[0].value.startswith("Belum ada keluarga yang didata di desk")
    assert not at.metric
    assert at.info[1].value.startswith("Tidak ada keluarga desk")


def test_english(open_desk, small_warehouse_template):
    at = open_desk(small_warehouse_template, tanggal="2022-10-24", bahasa="en")
    assert metrics(at)["Waiting time, median"] == "20,0 min"
    assert at.selectbox(key="desk_lokasi_en").value is None


def test_arrivals_heatmap_fills_open_days_and_leaves_closed_days_empty():
    arrivals = pd.DataFrame(
        {
            "tanggal": pd.to_datetime(["2022-10-24", "2022-10-26", "2022-10-26"]),
            "jam": [9, 8, 10],
            "kedatangan": [1, 3, 2],
            "hover": ["a", "b", "c"],
        }
    )
    words = {"sumbu_x": "Tanggal", "sumbu_y": "Jam", "skala": "Keluarga"}
    figure = arrivals_heatmap(arrivals, day_label=lambda day: f"{day.day} Okt", hour_label=str, words=words)
    heatmap = figure.data[0]
    assert list(heatmap.x) == ["24 Okt", "25 Okt", "26 Okt"]
    assert list(heatmap.y) == ["8", "9", "10"]
    z = np.array(heatmap.z)
    assert z[:, 0].tolist() == [0, 1, 0]  # an open day: hours without arrivals read 0
    assert np.isnan(z[:, 1]).all()  # 25 Oct: no arrivals at all, a gap
    assert z[:, 2].tolist() == [3, 0, 2]
    assert heatmap.text[0][2] == "b"
    assert figure.layout.separators == ",."
    assert figure.layout.font.size >= 14
    assert figure.layout.xaxis.title.text == "Tanggal"


def test_share_lines_one_per_area_province_first():
    shares = pd.DataFrame(
        {
            "kode_wilayah": ["64", "64", "6472", "6472"],
            "tanggal": pd.to_datetime(["2022-10-23", "2022-10-24"] * 2),
            "porsi_persen": [0.0, 100 / 24, 0.0, 100 / 22],
            "hover": ["p1", "p2", "s1", "s2"],
        }
    )
    figure = share_lines(
        shares,
        names={"64": "Kalimantan Timur", "6472": "Samarinda"},
        day_label=lambda day: day.strftime("%d/%m"),
        words={"sumbu_x": "Tanggal", "sumbu_y": "Porsi"},
    )
    assert [trace.name for trace in figure.data] == ["Kalimantan Timur", "Samarinda"]
    assert list(figure.data[1].y) == pytest.approx([0, 100 / 22])
    assert list(figure.data[0].x) == ["23/10", "24/10"]
    assert figure.layout.yaxis.ticksuffix == "%"
    assert figure.layout.font.size >= 14
