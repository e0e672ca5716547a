"""How figures and data read on every page, free of Streamlit: numbers and dates in Indonesian
conventions (1.234.567; 12,5%; 15 Okt 2022) in both languages, so that figures read the same on every
screen and only the words change; and text from loaded files (names, codes, file names, reasons)
made plain, so that it shows as written: it reaches Streamlit's markdown only through `plain()` and
plotly's texts only through `plain_plotly()`.
"""

import html
import re
from decimal import ROUND_HALF_EVEN, Decimal

import pandas as pd
from babel.dates import format_date, format_datetime

from data.contract import WITA

INDONESIAN_SEPARATORS = str.maketrans(",.", ".,")
# Streamlit renders markdown in nearly every text it draws (st.markdown, headers, captions, alerts, buttons,
# tabs, radio options, widget labels, metrics, progress texts, toasts; not table cells nor selectbox
# options): an image in a name would make every viewer's browser fetch it. CommonMark lets every ASCII
# punctuation character be escaped with a backslash.
MARKDOWN_PUNCTUATION = re.compile(r"([!-/:-@\[-`{-~])")
# Streamlit also rewrites text after parsing, where escapes no longer count: shortcodes (:smile:,
# :material/home:, :streamlit:, which is an image), web and mail addresses (http://x, www.x, a@b.id become
# links) and arrows (->, <=, --). An invisible word joiner between their characters keeps them apart.
REWRITTEN_AFTER_PARSING = re.compile(
    r"(?<=[:@])|(?<=www)(?=\.)|(?<=-)(?=[->])|(?<=<)(?=[-=])|(?<=[>~])(?==)", re.IGNORECASE
)
WORD_JOINER = "\u2060"
LINE_BREAKS = re.compile(r"[\t\n\r\v\f]")  # in markdown a break can start a heading or a code block


# Missing values show as a dash rather than "nan".
def missing(value) -> bool:
    return value is None or pd.isna(value)


def grouped(value, places: int = 0, sign: str = "") -> str:
    """`value` as Indonesian writes it (1.234.567,5), rounded half to even as babel rounds; `sign` "+"
    always shows it. Written out rather than babel's format_decimal: pages format tens of thousands of
    cells, and this is ten times faster."""
    exact = Decimal(str(value)).quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_EVEN)
    return f"{exact:{sign},.{places}f}".translate(INDONESIAN_SEPARATORS)


def number(value) -> str:
    return "—" if missing(value) else grouped(round(float(value)))


def signed_number(value) -> str:
    """A change or gap in whole families, signed like `points` (- behind, + ahead); one that rounds to 0
    is 0."""
    if missing(value):
        return "—"
    whole = round(float(value))
    return "0" if whole == 0 else grouped(whole, sign="+")


def rate(value) -> str:
    """A rate such as families a day: one decimal below 100, so that 2 in 7 days is 0,3 and not 0."""
    if missing(value):
        return "—"
    return grouped(value, 1 if abs(value) < 100 else 0)


def percent(value, digits: int = 1) -> str:
    """A share; one not yet whole never reads as 100 % (99,96 % shows 99,9 %: families are left)."""
    if missing(value):
        return "—"
    if value < 100:
        value = min(value, 100 - 10**-digits)
    return grouped(value, digits) + "%"


def points(value) -> str:
    """A gap in percentage points, always signed (- behind, + ahead); a plain hyphen so that
    st.metric reads the sign and spreadsheets read the number."""
    if missing(value):
        return "—"
    # A gap that one decimal would show as 0,0 shows two, so that a small shortfall keeps its sign.
    rounds_to_zero = value != 0 and grouped(abs(value), 1) == "0,0"
    return grouped(value, 2 if rounds_to_zero else 1, sign="+")


def date(value, lang: str) -> str:
    if missing(value):
        return "—"
    return format_date(pd.Timestamp(value).date(), "d MMM y", locale=lang)


def utc_as_wita(value, lang: str) -> str:
    if missing(value):
        return "—"
    local = pd.Timestamp(value).to_pydatetime() + WITA
    return format_datetime(local, "d MMM y HH.mm", locale=lang) + " WITA"


def plain(text) -> str:
    """`text` shown as written inside any markdown Streamlit renders: no element, link or request."""
    joined = REWRITTEN_AFTER_PARSING.sub(WORD_JOINER, LINE_BREAKS.sub(" ", str(text)))
    escaped = MARKDOWN_PUNCTUATION.sub(r"\\\1", joined)
    return "&#32;" + escaped[1:] if escaped.startswith(" ") else escaped  # 4 spaces would start code


def plain_plotly(text) -> str:
    """`text` shown as written inside plotly's hover, label and legend texts, which read <b>, <a href>,
    <br> and entities such as &amp;. Quotes stay: plotly knows no &quot;, and without < no tag can open."""
    return html.escape(str(text), quote=False)
