"""A later view of a page, by anyone of the same scope in the same frame, builds nothing again: its
charts, maps and tables were made once for the warehouse's version and are replayed (ui.chart,
ui.table). That is what keeps a view cheap for the server (bench/README.md, server CPU per view); and
what it replays is what the first view drew.
"""

import ast
import tomllib
from pathlib import Path

import pytest
from plotly.basedatatypes import BaseFigure

from pages.ui.tables import Table

ROOT = Path(__file__).resolve().parent.parent
DAY = "2022-10-24"
# Each page in a frame where it draws its charts and tables: the province, and a regency's kecamatan.
VIEWS = [
    ("ringkasan", {}),
    ("jadwal", {}),
    ("jadwal", {"kab": "6472"}),
    ("wilayah", {}),
    ("wilayah", {"kab": "6472"}),
    ("desk", {}),
    ("alur", {}),
    ("data", {}),
    ("petugas", {}),
    ("petugas", {"kab": "6472"}),
]


def drawn(at) -> dict[str, list]:
    """What a view shows: each chart's figure as sent, each table's cells, each metric."""
    return {
        "charts": [chart.proto.spec for chart in at.get("plotly_chart")],
        "tables": [table.value.to_dict("split") for table in at.dataframe],
        "metrics": [(metric.label, metric.value) for metric in at.metric],
    }


@pytest.mark.parametrize(("page", "where"), VIEWS)
def test_a_later_view_builds_no_figure_and_no_table(
    open_page, small_warehouse_template, monkeypatch, page, where
):
    first = drawn(open_page(page, small_warehouse_template, tanggal=DAY, **where))
    built = []
    figure_init, table_of = BaseFigure.__init__, Table.of.__func__

    def figure_made(self, *args, **kwargs):
        built.append(type(self).__name__)
        figure_init(self, *args, **kwargs)

    def table_made(cls, *args, **kwargs):
        built.append(kwargs.get("name") or "Table")
        return table_of(cls, *args, **kwargs)

    monkeypatch.setattr(BaseFigure, "__init__", figure_made)
    monkeypatch.setattr(Table, "of", classmethod(table_made))
    later = drawn(open_page(page, small_warehouse_template, tanggal=DAY, **where))
    assert built == []
    assert later == first
    assert first["charts"] or page == "data"


def bare_values(path: Path) -> list[int]:
    """The lines of statements that are a bare value (not a call, nor a docstring): what Streamlit's
    "magic" would write on the page."""
    lines = []
    for node in ast.walk(ast.parse(path.read_text())):
        body = getattr(node, "body", None)
        for index, statement in enumerate(body if isinstance(body, list) else []):
            if not isinstance(statement, ast.Expr) or isinstance(statement.value, ast.Call | ast.Await):
                continue
            documented = isinstance(node, ast.Module | ast.FunctionDef | ast.ClassDef)
            text = isinstance(statement.value, ast.Constant) and isinstance(statement.value.value, str)
            docstring = documented and index == 0 and text
            if not docstring:
                lines.append(statement.lineno)
    return lines


def test_no_page_counts_on_magic_which_the_server_leaves_off():
    """Magic is off (.streamlit/config.toml: a script compiles without its syntax tree rewritten), so a
    bare value in a page would silently show nothing."""
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text())
    assert config["runner"] == {"postScriptGC": False, "magicEnabled": False}
    scripts = [ROOT / "app.py", *sorted((ROOT / "pages").glob("*.py"))]
    assert {script.name: bare_values(script) for script in scripts} == {script.name: [] for script in scripts}
