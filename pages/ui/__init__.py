"""What every page shares, one job per module; pages use them as `ui.<name>`.

- `words`: the shared words and each page's own (`add_words`), in both languages;
- `state`: the frame (as-of date, regency, language), kept in the URL and the session;
- `asking`: the warehouse's questions, one snapshot per run, answers and sections kept per version;
- `formats`: numbers, dates and text from files as they read on every page (no Streamlit);
- `widgets`: the page header, statuses in words and tints, tables with their files;
- `tables`: a page's table built once with typed values, shown formatted and written as files;
- `maps`: the maps as every page draws them, one path to geo.maps;
- `charts`: a chart as every page shows it, with a PNG of it to download (`chart`);
- `signin`: who the session is: signing in and out, idle sessions ending;
- `changes`: how areas changed between two days (the day before, a week, the last meeting);
- `downloads`: files to download that a spreadsheet opens safely (the rejects, the tables).
"""

from pages.ui import changes, maps, signin
from pages.ui.asking import (
    ask,
    ask_uncached,
    may_ask,
    newer_load_waiting,
    per_version,
    pin_snapshot,
    shared_per_version,
    warehouse,
)
from pages.ui.charts import chart
from pages.ui.formats import (
    WORD_JOINER,
    date,
    grouped,
    missing,
    number,
    percent,
    plain,
    plain_plotly,
    points,
    rate,
    signed_number,
    utc_as_wita,
)
from pages.ui.state import (
    APP,
    Frame,
    choose_regency,
    compare_day,
    default_day,
    frame,
    keep,
    language,
    recall,
    regency_key,
    set_frame,
    set_language,
    t,
    through_the_app,
    today_wita,
)
from pages.ui.tables import Table
from pages.ui.widgets import (
    area_name,
    area_status,
    header,
    projected,
    projection,
    status,
    status_alert,
    status_badge,
    status_tint,
    table,
    table_of,
)
from pages.ui.words import LANGUAGES, TEXT, add_words, say
from queries.access import Refused, Viewer
from queries.rules import PROVINCE, STATUS_TINTS

__all__ = [
    "APP",
    "LANGUAGES",
    "PROVINCE",
    "STATUS_TINTS",
    "TEXT",
    "WORD_JOINER",
    "Frame",
    "Refused",
    "Table",
    "Viewer",
    "add_words",
    "area_name",
    "area_status",
    "ask",
    "ask_uncached",
    "changes",
    "chart",
    "choose_regency",
    "compare_day",
    "date",
    "default_day",
    "frame",
    "grouped",
    "header",
    "keep",
    "language",
    "maps",
    "may_ask",
    "missing",
    "newer_load_waiting",
    "number",
    "per_version",
    "percent",
    "pin_snapshot",
    "plain",
    "plain_plotly",
    "points",
    "projected",
    "projection",
    "rate",
    "recall",
    "regency_key",
    "say",
    "set_frame",
    "set_language",
    "shared_per_version",
    "signed_number",
    "signin",
    "status",
    "status_alert",
    "status_badge",
    "status_tint",
    "t",
    "table",
    "table_of",
    "through_the_app",
    "today_wita",
    "utc_as_wita",
    "warehouse",
]
