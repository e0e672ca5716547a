"""Pages name the questions they ask, and a question that does not exist fails here, before any page
runs: every `ask("name", ...)` in the code names a file of queries/ with a literal name, passes exactly
the parameters that file reads (`$as_of`, `$kab`, ...), and every question file is asked somewhere."""

import ast
import re
from pathlib import Path

from queries import QUERY_DIR

ROOT = Path(__file__).resolve().parent.parent
CODE = sorted([ROOT / "app.py", *(ROOT / "pages").rglob("*.py")])
ASKING = {"ask", "ask_uncached", "run"}  # ui.ask, ui.ask_uncached, Warehouse.run
PARAMETER = re.compile(r"\$([a-z_]+)")
COMMENT = re.compile(r"--[^\n]*")


def asked() -> list[tuple[str, int, ast.Call]]:
    """Every question asked in the code (pages/ui/asking.py passes its caller's on): file, line, call."""
    calls = []
    for path in CODE:
        for node in ast.walk(ast.parse(path.read_text())):
            if isinstance(node, ast.Call) and node.args and path.name != "asking.py":
                func = node.func
                if (func.attr if isinstance(func, ast.Attribute) else getattr(func, "id", "")) in ASKING:
                    calls.append((path.name, node.lineno, node))
    return calls


def questions() -> dict[str, set[str]]:
    """Each question file with the parameters its SQL reads."""
    return {
        path.stem: set(PARAMETER.findall(COMMENT.sub("", path.read_text())))
        for path in QUERY_DIR.glob("*.sql")
        if path.stem != "macros"
    }


def test_every_question_is_named_with_a_literal():
    built = [(where, line) for where, line, call in asked() if not isinstance(call.args[0], ast.Constant)]
    assert asked() and built == []


def test_every_question_asked_exists_with_the_parameters_it_reads():
    files = questions()
    wrong = []
    for where, line, call in asked():
        name = call.args[0].value
        # None for **values, which never matches; `viewer` says who asks, not what.
        passed = {keyword.arg for keyword in call.keywords} - {"viewer"}
        if files.get(name) != passed:
            wrong.append((where, line, name, passed, files.get(name, "<no such file>")))
    assert wrong == []


def test_every_question_file_is_asked_by_some_page():
    assert set(questions()) - {call.args[0].value for _, _, call in asked()} == set()
