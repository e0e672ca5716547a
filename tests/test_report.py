"""The one-page daily report (pages/deck/report.py) on the demo campaign, as the governor's office asks
it: one A4 page (read back with pypdf) saying the verdict, every regency with its completion and the
data's day, and naming no officer; the phone picture 1080 px wide (read back with Pillow).
"""

import datetime as dt
import io

import pytest
from PIL import Image
from pypdf import PdfReader

from pages.deck import layout, report
from pages.ui import formats
from queries import Warehouse
from queries.rules import PROVINCE
from tests.helpers import GEO_DIR, PIMPINAN
from tests.test_deck import AS_OF, MM_PER_PT, asker, frame_of, plain


@pytest.fixture(scope="module")
def warehouse(full) -> Warehouse:
    return Warehouse(full.warehouse)


@pytest.fixture(scope="module")
def daily(warehouse) -> report.Report:
    return report.build(asker(warehouse, PIMPINAN), frame_of(warehouse), GEO_DIR)


@pytest.fixture(scope="module")
def page_text(daily) -> str:
    reader = PdfReader(io.BytesIO(report.pdf(daily)))
    assert len(reader.pages) == 1
    [page] = reader.pages
    size = float(page.mediabox.width) * MM_PER_PT, float(page.mediabox.height) * MM_PER_PT
    assert size == pytest.approx(layout.A4_SIZE, abs=0.1)  # A4 portrait
    return plain(page.extract_text())


def test_the_page_says_the_verdict_the_day_and_the_data(daily, page_text):
    assert daily.verdict.title == "Kalimantan Timur: Sesuai, 0,7 poin di depan rencana"
    assert daily.verdict.title in page_text
    assert "Laporan harian Regsosek 2022: Kalimantan Timur" in page_text
    assert "Keadaan per 8 Nov 2022; perubahan sejak 7 Nov 2022" in page_text
    assert "data sampai 17 Des 2022" in page_text and "dimuat" in page_text and "Sumber" in page_text
    assert "Data simulasi" in page_text
    for figure in daily.verdict.figures:
        assert figure.value in page_text


def test_every_regency_with_its_completion_and_the_change_since_yesterday(warehouse, page_text):
    areas = warehouse.ask("capaian_wilayah", viewer=PIMPINAN, as_of=AS_OF)
    yesterday = warehouse.ask("capaian_wilayah", viewer=PIMPINAN, as_of=AS_OF - dt.timedelta(days=1))
    before = yesterday.set_index("kode_wilayah").persen
    assert len(areas[areas.kode_wilayah != PROVINCE]) == 10
    for area in areas.itertuples():
        then, now = formats.percent(before[area.kode_wilayah]), formats.percent(area.persen)
        assert (
            f"{area.nama_pendek} {then} {now} {formats.points(area.persen - before[area.kode_wilayah])}"
            in page_text
        )


def test_the_laggards_and_no_officer(daily, page_text, full):
    assert daily.laggards.table is not None
    for row in daily.laggards.table.rows:
        assert " ".join(row) in page_text
    officers = [name for (name,) in full.rows("SELECT DISTINCT nama FROM petugas")]
    assert [name for name in officers if name in page_text] == []


def test_everything_stays_on_the_page(daily):
    page_w, page_h = layout.A4_SIZE
    boxes = report.a4_boxes(daily)
    for box in boxes:
        assert box.x >= 0 and box.x + box.w <= page_w + 1e-6
        assert box.y >= 0 and box.y + box.h <= page_h + 1e-6
    footer_rule = boxes[-2]  # the footer: its rule, its lines
    assert all(box.y + box.h <= footer_rule.y + 1e-6 for box in boxes[:-2])
    assert min(box.size for box in boxes if isinstance(box, layout.Table)) >= 8


def test_the_phone_picture_is_1080_wide_and_tall(daily):
    picture = Image.open(io.BytesIO(report.png(daily)))
    assert picture.format == "PNG"
    assert picture.width == 1080 and picture.height > 3 * picture.width
    boxes = report.phone_boxes(daily)
    assert all(box.x >= 0 and box.x + box.w <= layout.PHONE_WIDTH + 1e-6 for box in boxes)
    # Large enough to read without zooming: no text under 11 pt on a 120 mm wide picture (35 px).
    sizes = [box.size for box in boxes if isinstance(box, layout.Text | layout.Table)]
    assert min(sizes) * MM_PER_PT * layout.PHONE_PIXELS / layout.PHONE_WIDTH >= 34


def test_file_names(daily):
    assert daily.file_name("64", "pdf") == "pantau_laporan_64_2022-11-08.pdf"
    assert daily.file_name("64", "png") == "pantau_laporan_64_2022-11-08.png"
