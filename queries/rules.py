"""The rules every figure follows, written once: the province's code, when an area is on track, at risk
or behind, and the windows in which an officer counts as active or idle.

The SQL reads them as macros (`sql_macros()`, created before queries/macros.sql on every question),
the maps take their colour scale from them (geo/maps.py), and the pages their tints and the numbers in
their words (pages/ui). tests/test_rules.py checks that all of them agree.
"""

from data import contract

# The province: its code, owned by the input contract (the loader checks schedules against it).
PROVINCE = contract.PROVINCE

# The status against plan, from the gap in percentage points (completion minus plan).
ON_TRACK_FROM = 0.0  # at or above: green, on track or ahead
AT_RISK_FROM = -7.5  # at or above (and below ON_TRACK_FROM): amber; below: red
STATUSES = ("hijau", "kuning", "merah")
STATUS_COLOURS = {"hijau": "#1a9641", "kuning": "#f2a900", "merah": "#e34a33"}
# Light tints of those colours, for table cells that carry the status in words too.
STATUS_TINTS = {"hijau": "#d4edda", "kuning": "#fdecc0", "merah": "#f9d3cc"}

# Officers: active who registered a family in the last ACTIVE_DAYS days (the as-of day included); every
# other officer is not active (one window, so active and not active always add up to all officers).
ACTIVE_DAYS = 3


def status(gap: float | None) -> str | None:
    """The status of a gap, as the SQL macro `status_rencana` gives it (None: nothing to judge)."""
    if gap is None:
        return None
    if gap >= ON_TRACK_FROM:
        return "hijau"
    return "kuning" if gap >= AT_RISK_FROM else "merah"


def sql_macros() -> str:
    """The rules as DuckDB macros. Only our own constants are written into this text."""
    values = {
        "batas_sesuai": repr(float(ON_TRACK_FROM)),
        "batas_waspada": repr(float(AT_RISK_FROM)),
        "hari_aktif": str(int(ACTIVE_DAYS)),
    }
    macros = [f"CREATE OR REPLACE TEMP MACRO {name}() AS {value};" for name, value in values.items()]
    return "\n".join([contract.PROVINCE_MACROS, *macros])
