"""The SQL files pass sqlfluff, as `.venv/bin/sqlfluff lint queries data` does: the DuckDB dialect and
the house style configured in .sqlfluff at the repository root (which also says which rules are left
out, and why). Any violation, a file that does not parse included, fails this test.

The house style is dbt-labs/jaffle-shop's: a query opens with "import" CTEs naming the tables it reads
(`registrasi AS (SELECT * FROM registrasi)`), then named steps, then one final select; a named step
rather than a subquery in FROM or JOIN (rule ST05, configured for both).
"""

from pathlib import Path

from sqlfluff.core import FluffConfig, Linter

ROOT = Path(__file__).resolve().parent.parent
FOLDERS = ("queries", "data")


def test_sql_files_pass_sqlfluff():
    files = sorted(path for folder in FOLDERS for path in (ROOT / folder).rglob("*.sql"))
    linter = Linter(config=FluffConfig.from_path(str(ROOT)))
    # Two processes: the machines have two cores, and parsing is most of the time.
    result = linter.lint_paths(tuple(str(path) for path in files), processes=2)
    records = result.as_records()
    assert sorted(Path(record["filepath"]).resolve() for record in records) == files
    problems = [
        f"{Path(record['filepath']).resolve().relative_to(ROOT)}:{violation['start_line_no']}:"
        f"{violation['start_line_pos']}: {violation['code']} {violation['description']}"
        for record in records
        for violation in record["violations"]
    ]
    assert not problems, "sqlfluff (fix, or see .sqlfluff):\n" + "\n".join(problems)
