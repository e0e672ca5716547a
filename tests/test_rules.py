"""The rules (queries/rules.py) are the one source of the status thresholds, the province's code and the
officers' windows: the SQL macro, the maps' colours, the pages' tints and words all agree with them."""

from pathlib import Path

import duckdb
import pytest

from data import warehouse
from data.contract import PROVINCE_NAME
from geo.maps import SCALES, colour_at
from pages.ui import widgets
from pages.ui.words import say
from queries import definitions, rules

ROOT = Path(__file__).resolve().parent.parent
GAPS = [-40.0, -15.0, -7.6, -7.5, -7.4, -3.0, -0.1, 0.0, 0.1, 7.5, 15.0, 40.0, None]


def definitions_connection() -> duckdb.DuckDBPyConnection:
    """An empty warehouse with every question's definitions, as a snapshot's cursor has them."""
    con = duckdb.connect()
    con.execute(warehouse.SCHEMA_FILE.read_text())  # the views and macros of macros.sql read its tables
    warehouse.rebuild_summaries(con)  # and the summary tables
    con.execute(definitions())
    return con


def sql_status(gap: float | None) -> str | None:
    return definitions_connection().execute("SELECT status_rencana(?::DOUBLE)", [gap]).fetchone()[0]


@pytest.mark.parametrize("gap", GAPS)
def test_the_sql_status_is_the_rules_status(gap):
    assert sql_status(gap) == rules.status(gap)


def test_the_sql_macros_are_the_rules_numbers():
    con = definitions_connection()
    row = con.execute(
        "SELECT kode_provinsi(), nama_provinsi(), batas_sesuai(), batas_waspada(), hari_aktif()"
    ).fetchone()
    assert row == (
        rules.PROVINCE,
        PROVINCE_NAME,
        rules.ON_TRACK_FROM,
        rules.AT_RISK_FROM,
        rules.ACTIVE_DAYS,
    )


SQL_FILES = sorted(path for folder in ("queries", "data") for path in (ROOT / folder).rglob("*.sql"))


@pytest.mark.parametrize("path", SQL_FILES, ids=lambda path: str(path.relative_to(ROOT)))
def test_no_sql_file_writes_a_rule_out_by_hand(path):
    """The province's code and name, the thresholds and the officers' windows come from the macros."""
    text = path.read_text()
    for written in ("'64'", "'Kalimantan Timur'", "7.5", "$as_of - 3", ">= 3 "):
        assert written not in text, written


@pytest.mark.parametrize("gap", [gap for gap in GAPS if gap is not None and abs(gap) <= 15])
def test_the_map_colours_a_gap_by_its_status(gap):
    assert colour_at("selisih", gap) == rules.STATUS_COLOURS[rules.status(gap)]


def test_the_map_scale_marks_the_thresholds():
    scale = SCALES["selisih"]
    assert rules.AT_RISK_FROM in scale.tickvals and rules.ON_TRACK_FROM in scale.tickvals
    assert scale.ticktext[scale.tickvals.index(rules.AT_RISK_FROM)] == "−7,5"


def test_every_status_has_its_tint_icon_colour_and_words():
    for mapping in (rules.STATUS_COLOURS, rules.STATUS_TINTS, widgets.STATUS_WORDS, widgets.STATUS_ICONS):
        assert tuple(mapping) == rules.STATUSES
    assert set(widgets.STATUS_BADGES) == set(widgets.STATUS_ALERTS) == set(rules.STATUSES)


def test_the_words_state_the_rules():
    assert "0–7,5 poin" in say("status.bantuan", "id") and "0–7.5 points" in say("status.bantuan", "en")
