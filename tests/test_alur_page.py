"""The form-pipeline page in AppTest, and its figure builder (AppTest cannot see inside plotly).

Known answers come from tests/test_alur_queries.py.
"""

import functools

import pandas as pd
import pytest

from pages.charts.alur import backlog_bars
from tests.helpers import metrics


@pytest.fixture
def open_alur(open_page):
    return functools.partial(open_page, "alur")


def test_headline_of_the_small_campaign(open_alur, small_warehouse_template):
    at = open_alur(small_warehouse_template, tanggal="2022-11-02")
    assert at.title[0].value == "Alur dokumen"
    assert metrics(at) == {
        "Keluarga terdata": "26",
        "Diperiksa PML": "8",
        "Diterima BPS kab/kota": "5",
        "Menunggu diperiksa": "18",
        "Menunggu diterima": "3",
        "Median ke diperiksa": "2,0 hari",
        "Median ke diterima": "7,0 hari",
        "Tertahan lebih dari 14 hari": "5",  # K04, K09, K10 wait for the check; K17, K18 for receipt
    }
    checked = next(metric for metric in at.metric if metric.label == "Diperiksa PML")
    assert checked.delta == "30,8% dari terdata"  # 8 of 26
    # No anomaly in the small campaign: each of the four says so.
    assert [box.value for box in at.success] == ["Tidak ada."] * 4


def test_pipeline_table(open_alur, small_warehouse_template):
    table = open_alur(small_warehouse_template, tanggal="2022-11-02").dataframe[0].value
    samarinda = table.set_index("Kabupaten/kota").loc["Samarinda"]
    assert samarinda.tolist() == ["23", "8 (34,8%)", "5 (21,7%)", "15", "3", "2,0", "7,0"]
    assert table.iloc[-1]["Kabupaten/kota"] == "Kalimantan Timur"


def test_the_as_of_day_and_the_regency(open_alur, small_warehouse_template):
    at = open_alur(small_warehouse_template, tanggal="2022-10-24", kab="6472")
    assert at.caption[0].value.startswith("Kota Samarinda, keadaan per 24 Okt 2022")
    assert metrics(at)["Keluarga terdata"] == "22"
    assert metrics(at)["Diterima BPS kab/kota"] == "2"
    assert metrics(at)["Median ke diterima"] == "3,0 hari"
    assert at.dataframe[0].value["Kabupaten/kota"].tolist() == ["Samarinda", "Kalimantan Timur"]


def test_anomaly_tables(open_alur, alur_warehouse):
    at = open_alur(alur_warehouse, tanggal="2022-11-02")
    busy, odd, other = (frame.value for frame in at.dataframe[1:])
    assert busy.iloc[0][["Petugas", "Tanggal didata", "Keluarga"]].tolist() == [
        "PPL-2 – Dewi Lestari",
        "21 Okt 2022",
        "41",
    ]
    assert odd["Masalah"].tolist() == [
        "Sebelum pendataan mulai (15 Okt 2022)",
        "Sesudah hari data dimuat (3 Nov 2022)",
    ]
    assert odd["Contoh keluarga"].tolist() == ["K150", "K153"]
    assert other.iloc[0][["Petugas", "PPL yang ditugaskan", "Keluarga"]].tolist() == [
        "PPL-2 – Dewi Lestari",
        "PPL-1 – Andi Saputra",
        "2",
    ]
    assert other.iloc[0]["SLS"] == "RT 002, Rawa Makmur, Palaran (6472010001000200)"
    assert all(table["Yang perlu dicek"].str.len().gt(0).all() for table in (busy, odd, other))


def test_english(open_alur, small_warehouse_template):
    at = open_alur(small_warehouse_template, tanggal="2022-11-02", bahasa="en")
    assert metrics(at)["Median to received"] == "7,0 days"


def test_backlog_bars_stack_the_ages_per_step():
    backlog = pd.DataFrame(
        {
            "nama_pendek": ["Samarinda", "Samarinda", "Mahakam Ulu"],
            "tahap": ["periksa", "terima", "periksa"],
            "kelompok": ["0-3", ">14", "8-14"],
            "keluarga": [1, 2, 3],
            "hover": ["a", "b", "c"],
        }
    )
    labels = {"0-3": "0–3 hari", "4-7": "4–7 hari", "8-14": "8–14 hari", ">14": "> 14 hari"}
    figure = backlog_bars(
        backlog,
        step_titles={"periksa": "Menunggu diperiksa", "terima": "Menunggu diterima"},
        bucket_labels=labels,
        words={"sumbu_x": "Formulir", "legenda": "Umur"},
    )
    assert len(figure.data) == 8  # 4 buckets × 2 steps
    assert [trace.name for trace in figure.data if trace.showlegend] == list(labels.values())
    fresh_checks = figure.data[0]  # step 'periksa', bucket 0–3
    assert list(fresh_checks.y) == ["Samarinda", "Mahakam Ulu"]
    assert list(fresh_checks.x) == [1, 0]
    old_receipts = figure.data[7]  # step 'terima', bucket > 14
    assert list(old_receipts.x) == [2, 0]
    assert list(old_receipts.text) == ["b", ""]
    assert figure.layout.barmode == "stack"
    assert figure.layout.separators == ",."
    assert figure.layout.font.size >= 14
    assert [note.text for note in figure.layout.annotations] == ["Menunggu diperiksa", "Menunggu diterima"]
