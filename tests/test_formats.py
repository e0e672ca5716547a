"""Indonesian number formats (pages/ui.py), written out for speed, agree with babel's, which they replace."""

from babel.numbers import format_decimal
from hypothesis import given
from hypothesis import strategies as st

from pages import ui

VALUES = st.floats(min_value=-1e9, max_value=1e9, allow_nan=False) | st.integers(-(10**9), 10**9)


def test_numbers_and_percentages_by_hand():
    assert (ui.number(1234567), ui.number(2.5), ui.number(None)) == ("1.234.567", "2", "—")
    # Rounded half to even from the value as written: 0.15 up to 0,2; 2.25 down to 2,2.
    assert (ui.percent(0.15), ui.percent(2.25), ui.percent(-1234.55)) == ("0,2%", "2,2%", "-1.234,6%")
    # A share not yet whole never reads 100 %: 99,96 % shows 99,9 % (families are left); 100 and above
    # round as usual.
    assert (ui.percent(99.96), ui.percent(99.94), ui.percent(100), ui.percent(100.04)) == (
        "99,9%",
        "99,9%",
        "100,0%",
        "100,0%",
    )
    assert (ui.percent(99.6, digits=0), ui.percent(99.4, digits=0)) == ("99%", "99%")


def test_points_and_rates_by_hand():
    assert (ui.points(3.25), ui.points(-7.56), ui.points(0)) == ("+3,2", "-7,6", "+0,0")
    # A gap one decimal would show as 0,0 shows two, keeping a small shortfall visible.
    assert (ui.points(0.03), ui.points(-0.04), ui.points(-0.049)) == ("+0,03", "-0,04", "-0,05")
    assert (ui.points(0.05), ui.points(-0.05), ui.points(0.051)) == ("+0,05", "-0,05", "+0,1")
    assert (ui.rate(0.2857), ui.rate(99.94), ui.rate(1234.5)) == ("0,3", "99,9", "1.234")


@given(VALUES)
def test_every_format_agrees_with_babel(value):
    assert ui.number(value) == format_decimal(round(float(value)), locale="id")
    # Below 100 % a share shows at most 99,9 % (tested by hand above); otherwise babel's.
    share = value if value >= 100 else min(value, 99.9)
    assert ui.percent(value) == format_decimal(share, format="#,##0.0", locale="id") + "%"
    # A gap that one decimal rounds to 0,0 (not 0 itself) shows two decimals; otherwise one.
    one_decimal = format_decimal(abs(value), format="#,##0.0", locale="id")
    gap_format = "+#,##0.00;-#,##0.00" if value != 0 and one_decimal == "0,0" else "+#,##0.0;-#,##0.0"
    assert ui.points(value) == format_decimal(value, format=gap_format, locale="id")
    rate_format = "#,##0.0" if abs(value) < 100 else "#,##0"
    assert ui.rate(value) == format_decimal(value, format=rate_format, locale="id")
