"""How areas changed between two days, from two answers of capaian_wilayah (no Streamlit): the overview's
day-before and 7-day columns, and the comparison with a chosen earlier day (the last meeting) that the
overview and the meeting deck both show."""

import pandas as pd

from queries.rules import PROVINCE


def _aligned(areas: pd.DataFrame, earlier: pd.DataFrame) -> pd.DataFrame:
    """`earlier`'s rows in the order of `areas` (an area absent then has empty figures)."""
    return earlier.set_index("kode_wilayah").reindex(areas.kode_wilayah)


def with_changes(areas: pd.DataFrame, day_before: pd.DataFrame, week_before: pd.DataFrame) -> pd.DataFrame:
    """The areas with their change since the day before (families, points) and over 7 days (families:
    terdata_7hari, the pace's own count; points: completion then against now)."""
    before, earlier = _aligned(areas, day_before), _aligned(areas, week_before)
    return areas.assign(
        tambah_kemarin=areas.terdata.to_numpy() - before.terdata.to_numpy(),
        poin_kemarin=areas.persen.to_numpy() - before.persen.to_numpy(),
        poin_pekan=areas.persen.to_numpy() - earlier.persen.to_numpy(),
    )


def compared(areas: pd.DataFrame, then: pd.DataFrame) -> pd.DataFrame:
    """The areas with their figures on an earlier day (`*_dulu`), the families and points gained since,
    and whether their status changed."""
    earlier = _aligned(areas, then)
    status_then = earlier.status.to_numpy()
    return areas.assign(
        terdata_dulu=earlier.terdata.to_numpy(),
        persen_dulu=earlier.persen.to_numpy(),
        selisih_dulu=earlier.selisih.to_numpy(),
        status_dulu=status_then,
        tambah_keluarga=areas.terdata.to_numpy() - earlier.terdata.to_numpy(),
        tambah_poin=areas.persen.to_numpy() - earlier.persen.to_numpy(),
        status_berubah=pd.Series(areas.status.to_numpy()).ne(pd.Series(status_then)).to_numpy()
        & pd.notna(status_then)
        & areas.status.notna().to_numpy(),
    )


def ranked(areas: pd.DataFrame) -> pd.DataFrame:
    """Regencies from furthest behind plan (no plan last), then the province's total: the order of every
    regency ranking, on the overview and in the deck."""
    regencies = areas[areas.kode_wilayah != PROVINCE].sort_values(
        "selisih", na_position="last", kind="stable"
    )
    return pd.concat([regencies, areas[areas.kode_wilayah == PROVINCE]])
