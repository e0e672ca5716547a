"""Wilayah: a regency drilled down to kecamatan, desa and SLS, and the areas furthest behind plan,
for the BPS Kaltim heads who act on them.

The level lives in the URL: `kab` (the frame's regency, shared with every page), then `kec` and
`desa`. Choosing a regency here sets `kab` and the sidebar's regency box with it.
"""

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import streamlit as st

from pages import ui
from pages.charts.wilayah import chosen_code

LEVELS = ("kab", "kec", "desa", "sls")  # the level of the units a table lists
# The laggards' levels, as wilayah_tertinggal names them.
LAGGARD_LEVELS = {"kec": "kecamatan", "desa": "desa"}
# Each level's words: as a column's title, and as a noun in a sentence.
TIERS = {
    "kab": "wilayah.tingkat.kab",
    "kec": "wilayah.tingkat.kec",
    "desa": "wilayah.tingkat.desa",
    "sls": "wilayah.tingkat.sls",
}
UNITS = {
    "kab": "wilayah.satuan.kab",
    "kec": "wilayah.satuan.kec",
    "desa": "wilayah.satuan.desa",
    "sls": "wilayah.satuan.sls",
}
WORDS = {
    # A level as a column header, and within a sentence.
    "wilayah.tingkat.kab": {"id": "Kabupaten/kota", "en": "Regency/city"},
    "wilayah.tingkat.kec": {"id": "Kecamatan", "en": "Kecamatan"},
    "wilayah.tingkat.desa": {"id": "Desa/kelurahan", "en": "Desa/kelurahan"},
    "wilayah.tingkat.sls": {"id": "SLS", "en": "SLS"},
    "wilayah.satuan.kab": {"id": "kabupaten/kota", "en": "regency/city"},
    "wilayah.satuan.kec": {"id": "kecamatan", "en": "kecamatan"},
    "wilayah.satuan.desa": {"id": "desa/kelurahan", "en": "desa/kelurahan"},
    "wilayah.satuan.sls": {"id": "SLS", "en": "SLS"},
    "wilayah.tanpa_sls": {
        "id": "Master wilayah belum memuat SLS di {wilayah}.",
        "en": "The area master holds no SLS in {wilayah} yet.",
    },
    "wilayah.tanpa_target": {"id": "Tanpa target", "en": "No target"},
    "wilayah.kode": {"id": "Kode", "en": "Code"},
    "wilayah.terdata_7hari": {"id": "Keluarga 7 hari", "en": "Families, 7 days"},
    "wilayah.target": {"id": "Target keluarga", "en": "Target families"},
    "wilayah.terdata": {"id": "Keluarga terdata", "en": "Families registered"},
    "wilayah.capaian": {"id": "Capaian", "en": "Completion"},
    "wilayah.rencana": {"id": "Rencana hari ini", "en": "Planned for today"},
    "wilayah.selisih_delta": {"id": "{poin} poin", "en": "{poin} pts"},
    "wilayah.status_depan": {
        "id": "{status}: {poin} poin di depan rencana",
        "en": "{status}: {poin} points ahead of plan",
    },
    "wilayah.status_belakang": {
        "id": "{status}: {poin} poin di belakang rencana",
        "en": "{status}: {poin} points behind plan",
    },
    "wilayah.rencana_bantuan": {
        "id": "Capaian kumulatif yang dijadwalkan pada akhir hari ini; kecamatan, desa dan SLS "
        "mengikuti jadwal kabupaten/kotanya.",
        "en": "Cumulative completion scheduled for the end of this day; kecamatan, desa and SLS "
        "follow their regency's schedule.",
    },
    "wilayah.7hari_bantuan": {
        "id": "Keluarga terdata dalam 7 hari terakhir sampai hari ini.",
        "en": "Families registered in the last 7 days up to this day.",
    },
    "wilayah.peta_kab": {"id": "Peta kabupaten/kota", "en": "Map of regencies"},
    "wilayah.peta_kec": {"id": "Peta kecamatan di {wilayah}", "en": "Map of kecamatan in {wilayah}"},
    "wilayah.buka": {"id": "Buka {tingkat}", "en": "Open a {tingkat}"},
    "wilayah.buka_petunjuk": {"id": "Pilih…", "en": "Choose…"},
    "wilayah.buka_bantuan": {
        "id": "Atau klik wilayahnya di peta.",
        "en": "Or click the area on the map.",
    },
    "wilayah.sebaran": {"id": "Status {tingkat} yang ditampilkan", "en": "Status of the {tingkat} shown"},
    "wilayah.rincian": {"id": "{tingkat} di {wilayah}", "en": "{tingkat} in {wilayah}"},
    "wilayah.rincian_catatan": {
        "id": "Diurutkan dari yang paling tertinggal dari rencana.",
        "en": "Sorted from furthest behind plan.",
    },
    "wilayah.tanpa_peta": {
        "id": "Peta kecamatan tidak dapat digambar: {alasan} Gunakan daftar dan tabel.",
        "en": "The kecamatan map cannot be drawn: {alasan} Use the list and the table.",
    },
    "wilayah.tanpa_berkas": {
        "id": "berkas batas kecamatan tidak ditemukan.",
        "en": "no kecamatan boundary file was found.",
    },
    "wilayah.tanpa_cocok": {
        "id": "tidak ada kode kecamatan yang cocok dengan berkas batas.",
        "en": "no kecamatan code matches the boundary file.",
    },
    "wilayah.tertinggal": {"id": "Paling tertinggal di {wilayah}", "en": "Furthest behind in {wilayah}"},
    "wilayah.tab_kec": {"id": "Kecamatan ({n})", "en": "Kecamatan ({n})"},
    "wilayah.tab_desa": {"id": "Desa/kelurahan ({n})", "en": "Desa/kelurahan ({n})"},
    "wilayah.tab_sls": {"id": "SLS belum didata ({n})", "en": "SLS not started ({n})"},
    "wilayah.tertinggal_judul": {
        "id": "{tingkat} yang paling tertinggal dari rencana",
        "en": "The {tingkat} furthest behind plan",
    },
    "wilayah.sls_judul": {
        "id": "SLS yang belum didata padahal PPL-nya sudah mulai",
        "en": "SLS not started although their PPL has",
    },
    "wilayah.tertinggal_catatan": {
        "id": "Sampai 20 {tingkat} yang berada di belakang rencana, yang paling tertinggal lebih dulu.",
        "en": "Up to 20 {tingkat} behind plan, furthest behind first.",
    },
    "wilayah.tak_tertinggal": {
        "id": "Tidak ada {tingkat} yang berada di belakang rencana.",
        "en": "No {tingkat} is behind plan.",
    },
    "wilayah.sls_catatan": {
        "id": "SLS yang belum punya satu keluarga pun terdata, padahal PPL-nya sudah mulai mendata di SLS "
        "lain; yang PPL-nya paling lama mulai lebih dulu.",
        "en": "SLS with no family registered yet although their PPL has started registering elsewhere; "
        "those whose PPL started earliest first.",
    },
    "wilayah.sls_sebagian": {"id": "Ditampilkan {n} dari {total}.", "en": "Showing {n} of {total}."},
    "wilayah.sls_kosong": {
        "id": "Tidak ada SLS kosong yang PPL-nya sudah mulai.",
        "en": "No empty SLS whose PPL has started.",
    },
    "wilayah.sls_hanya_bps": {
        "id": "Daftar SLS yang belum mulai menyebut nama PPL-nya: hanya untuk akun BPS.",
        "en": "The list of SLS not yet started names their PPL: for BPS accounts only.",
    },
    "wilayah.ppl": {"id": "PPL", "en": "PPL"},
    "wilayah.pml": {"id": "PML", "en": "PML"},
    "wilayah.sisa": {"id": "Sisa keluarga", "en": "Families left"},
    "wilayah.nama_ppl": {"id": "Nama PPL", "en": "PPL name"},
    "wilayah.ppl_mulai": {"id": "PPL mulai", "en": "PPL started"},
    "wilayah.terdata_ppl": {"id": "Keluarga oleh PPL", "en": "Families by PPL"},
}


@dataclass(frozen=True)
class View:
    """Where the drill-down stands: each chosen level's code and its own row (None above it)."""

    kab: str | None
    kec: str | None
    desa: str | None
    level: str  # the level of the units listed
    units: pd.DataFrame  # the units listed, furthest behind plan first
    area: pd.Series  # the chosen area's own figures
    trail: list[tuple[str, dict]]  # (name, where it leads) from the province down to the chosen area


# --- Moving in the drill-down: callbacks, so the next run starts where the user went --------------------


def go_to(kab: str | None = None, kec: str | None = None, desa: str | None = None) -> None:
    ui.choose_regency(kab, ui.frame().lang)
    for name, value in (("kec", kec), ("desa", desa)):
        if value is None:
            st.query_params.pop(name, None)
        else:
            st.query_params[name] = value


def open_child(view: View, code: str) -> None:
    """Open one of the units `view` lists."""
    if view.level == "kab":
        go_to(code)
    elif view.level == "kec":
        go_to(view.kab, code)
    elif view.level == "desa":
        go_to(view.kab, view.kec, code)


def on_list_choice(view: View, key: str) -> None:
    code = st.session_state[key]
    st.session_state[key] = None  # a "go to" box: it holds no choice of its own
    if code:
        open_child(view, code)


def on_map_choice(view: View, key: str, figure) -> None:
    code = chosen_code(st.session_state[key].selection.points, figure)
    if code in set(view.units.kode):
        open_child(view, code)


# --- Reading the level from the URL -------------------------------------------------------------------


def _regencies(frame: ui.Frame) -> pd.DataFrame:
    areas = ui.ask("capaian_wilayah", as_of=frame.as_of)
    return areas.rename(columns={"kode_wilayah": "kode", "nama_wilayah": "nama"})


def _chosen(name: str, units: pd.DataFrame) -> str | None:
    """The code in the URL parameter `name` if it is one of `units`; else it is dropped from the URL."""
    code = st.query_params.get(name)
    if code in set(units.kode):
        return code
    st.query_params.pop(name, None)
    return None


def _units(frame: ui.Frame, kec: str | None = None, desa: str | None = None) -> pd.DataFrame:
    return ui.ask("wilayah_rincian", as_of=frame.as_of, kab=frame.kode_kab, kec=kec, desa=desa)


def units_of(frame: ui.Frame, kec: str | None, desa: str | None) -> pd.DataFrame:
    """The units listed below the chosen area, furthest behind plan first for the regencies."""
    if frame.kode_kab is None:
        regencies = _regencies(frame)
        units = regencies[regencies.kode != ui.PROVINCE]
        return units.sort_values(["selisih", "nama"], na_position="last")
    return _units(frame, kec, desa)


def level_of(frame: ui.Frame, kec: str | None, desa: str | None) -> str:
    """The level of the units listed below the chosen area."""
    return LEVELS[(frame.kode_kab is not None) + (kec is not None) + (desa is not None)]


def read_view(frame: ui.Frame) -> View:
    regencies = _regencies(frame)
    province = regencies[regencies.kode == ui.PROVINCE].iloc[0]
    trail = [(frame.t("frame.provinsi"), {})]
    if frame.kode_kab is None:
        for name in ("kec", "desa"):
            st.query_params.pop(name, None)
        return View(None, None, None, "kab", units_of(frame, None, None), province, trail)
    kab = frame.kode_kab
    area = regencies[regencies.kode == kab].iloc[0]
    trail.append((area.nama, {"kab": kab}))
    units, desa = _units(frame), None
    kec = _chosen("kec", units)
    if kec:
        area = units[units.kode == kec].iloc[0]
        trail.append((area.nama, {"kab": kab, "kec": kec}))
        units = _units(frame, kec)
        desa = _chosen("desa", units)
    else:
        st.query_params.pop("desa", None)
    if desa:
        area = units[units.kode == desa].iloc[0]
        trail.append((area.nama, {"kab": kab, "kec": kec, "desa": desa}))
        units = _units(frame, kec, desa)
    level = LEVELS[len(trail) - 1]
    return View(kab, kec, desa, level, units, area, trail)


# --- Drawing ---------------------------------------------------------------------------------------


def breadcrumb(view: View, frame: ui.Frame) -> None:
    """Kalimantan Timur › Kota Samarinda › Palaran: every level above the chosen one leads back up."""
    with st.container(horizontal=True, gap="small", vertical_alignment="center"):
        for depth, (name, where) in enumerate(view.trail):
            if depth:
                st.markdown("›", width="content")
            if depth == len(view.trail) - 1:
                st.markdown(f"**{ui.plain(name)}**", width="content")
                status_badge(view.area, frame)
            else:
                st.button(ui.plain(name), type="tertiary", on_click=go_to, kwargs=where, key=f"jejak_{depth}")


def status_badge(area: pd.Series, frame: ui.Frame) -> None:
    """The chosen area's status against plan, in words beside its colour."""
    if pd.isna(area.harapan_persen):
        st.badge(ui.status(None, frame), icon=":material/event_busy:", color="gray")
    if pd.isna(area.status):  # no schedule, or no target to measure against
        return
    key = "wilayah.status_depan" if area.selisih >= 0 else "wilayah.status_belakang"
    words = frame.t(key, status=ui.status(area.status, frame), poin=ui.points(abs(area.selisih)).lstrip("+"))
    ui.status_badge(area.status, words)


def status_words(row, frame: ui.Frame) -> str:
    """A unit's status in words; a unit with no target has no status, whatever its schedule."""
    if pd.isna(row.persen) and pd.notna(row.harapan_persen):
        return frame.t("wilayah.tanpa_target")
    return ui.status(row.status, frame)


def headline(area: pd.Series, frame: ui.Frame) -> None:
    t = frame.t
    gap = t("wilayah.selisih_delta", poin=ui.points(area.selisih)) if pd.notna(area.selisih) else None
    columns = st.columns(5)
    columns[0].metric(t("wilayah.terdata"), ui.number(area.terdata), border=True)
    columns[1].metric(t("wilayah.target"), ui.number(area.target_keluarga), border=True)
    columns[2].metric(t("wilayah.capaian"), ui.percent(area.persen), delta=gap, border=True)
    columns[3].metric(
        t("wilayah.rencana"), ui.percent(area.harapan_persen), border=True, help=t("wilayah.rencana_bantuan")
    )
    columns[4].metric(
        t("wilayah.terdata_7hari"),
        ui.number(area.terdata_7hari),
        border=True,
        help=t("wilayah.7hari_bantuan"),
    )


def map_title(view: View, frame: ui.Frame) -> str:
    """The map's title as written (the subheader makes it plain for markdown)."""
    if view.kab is None:
        return frame.t("wilayah.peta_kab")
    return frame.t("wilayah.peta_kec", wilayah=view.trail[1][0])


def mapped_units(frame: ui.Frame) -> pd.DataFrame:
    """What the map shows: the regencies, or the chosen regency's kecamatan (at every level below it)."""
    if frame.kode_kab is None:
        regencies = _regencies(frame)
        return regencies[regencies.kode != ui.PROVINCE]
    return _units(frame)


@ui.shared_per_version
def map_and_match(frame: ui.Frame, colour: str, folder: Path | None, highlight: str | None):
    """The map of the regencies or of one regency's kecamatan (None without boundaries in `folder` that
    match), with the kecamatan `highlight` outlined, and how the codes matched the boundaries."""
    mapped = mapped_units(frame)
    hovers = [
        ui.maps.area_hover(row.nama, row, status_words(row, frame), frame) for row in mapped.itertuples()
    ]
    level = "kabupaten" if frame.kode_kab is None else "kecamatan"
    return ui.maps.figure(
        mapped.assign(hover=hovers),
        level=level,
        colour=colour,
        folder=folder,
        frame=frame,
        highlight=highlight,
    )


def map_figure(frame: ui.Frame, colour: str, folder: Path | None, highlight: str | None):
    return map_and_match(frame, colour, folder, highlight)[0]


def map_section(view: View, mapped: pd.DataFrame, colour: str, frame: ui.Frame) -> None:
    """The regencies, or the kecamatan of the chosen regency (at every level below it too)."""
    t = frame.t
    folder = ui.maps.boundaries_folder()
    figure, match = map_and_match(frame, colour, folder, view.kec)
    if figure is None:
        reason = t("wilayah.tanpa_berkas") if match.source is None else t("wilayah.tanpa_cocok")
        st.caption(t("wilayah.tanpa_peta", alasan=reason))
        return
    # The key names the view, so that a click's selection does not linger into the next one.
    key = "wilayah_peta_" + "_".join(code for code in (view.kab, view.kec, view.desa) if code)
    map_view = view if view.level in ("kab", "kec") else _kecamatan_view(view, mapped)
    ui.maps.show(
        map_figure,
        frame,
        colour,
        folder,
        view.kec,
        title=map_title(view, frame),
        name="wilayah_peta",
        key=key,
        on_select=lambda: on_map_choice(map_view, key, figure),
        selection_mode="points",
    )
    ui.maps.boundaries_note(match, frame)


def _kecamatan_view(view: View, kecamatan: pd.DataFrame) -> View:
    """Below the kecamatan level the map still shows the regency's kecamatan: a click opens one."""
    return View(view.kab, None, None, "kec", kecamatan, view.area, view.trail[:2])


def chooser(view: View, frame: ui.Frame) -> None:
    """A list of the units shown, to open one (the map's click does the same)."""
    if view.level == "sls":
        return
    t = frame.t
    names = dict(zip(view.units.kode, view.units.nama, strict=True))
    key = f"wilayah_buka_{view.level}_{frame.lang}"
    st.selectbox(
        t("wilayah.buka", tingkat=t(UNITS[view.level])),
        sorted(names, key=names.get),
        index=None,
        placeholder=t("wilayah.buka_petunjuk"),
        format_func=names.get,
        key=key,
        on_change=on_list_choice,
        args=(view, key),
        help=t("wilayah.buka_bantuan"),
    )


def status_counts(view: View, frame: ui.Frame) -> None:
    """How many of the listed units stand at each status: the spread behind the area's own figure."""
    st.markdown(f"**{ui.plain(status_counts_title(view.level, frame))}**")
    show_table(status_counts_table, frame, view.kec, view.desa)


def status_counts_title(level: str, frame: ui.Frame) -> str:
    return frame.t("wilayah.sebaran", tingkat=frame.t(UNITS[level]))


def status_counts_table(frame: ui.Frame, kec: str | None, desa: str | None) -> ui.Table:
    t = frame.t
    level = level_of(frame, kec, desa)
    units = units_of(frame, kec, desa)
    counts = pd.Series([status_words(row, frame) for row in units.itertuples()]).value_counts()
    words = [ui.status(value, frame) for value in ("merah", "kuning", "hijau", None)] + [
        t("wilayah.tanpa_target")
    ]
    shown = [label for label in words if label in counts]
    return ui.Table.of(
        {
            t("kolom.status"): ("status", shown),
            t(TIERS[level]): ("integer", [counts[label] for label in shown]),
        },
        page="wilayah",
        name=f"sebaran_{level}",
        title=status_counts_title(level, frame),
    )


def _figures(rows: pd.DataFrame, frame: ui.Frame) -> dict[str, tuple[str, object]]:
    t = frame.t
    return {
        t("kolom.target"): ("integer", rows.target_keluarga),
        t("kolom.terdata"): ("integer", rows.terdata),
        t("kolom.capaian"): ("percent", rows.persen),
        t("kolom.rencana"): ("percent", rows.harapan_persen),
        t("kolom.selisih"): ("points", rows.selisih),
        t("kolom.status"): ("status", [status_words(row, frame) for row in rows.itertuples()]),
        t("wilayah.sisa"): ("integer", rows.sisa_keluarga),
        t("wilayah.terdata_7hari"): ("integer", rows.terdata_7hari),
    }


def units_table(frame: ui.Frame, kec: str | None, desa: str | None, title: str) -> ui.Table:
    t = frame.t
    level = level_of(frame, kec, desa)
    rows = units_of(frame, kec, desa)
    table = {t("wilayah.kode"): ("text", rows.kode), t(TIERS[level]): ("text", rows.nama)}
    table |= _figures(rows, frame)
    if level == "sls" and ui.may_ask("wilayah_sls_petugas"):  # who to call, for those who may know
        people = ui.ask("wilayah_sls_petugas", kab=frame.kode_kab, kec=kec, desa=desa)
        people = people.set_index("idsubsls").reindex(rows.kode)
        table[t("wilayah.ppl")] = ("text", [_person(row.id_ppl, row.nama_ppl) for row in people.itertuples()])
        table[t("wilayah.pml")] = ("text", [_person(row.id_pml, row.nama_pml) for row in people.itertuples()])
    # Named by the level listed and, below a regency, the area it lists: rincian_6472010_desa.
    name = "_".join(part for part in ("rincian", desa or kec, level) if part)
    return ui.Table.of(table, page="wilayah", name=name, title=title)


def units_section(view: View, frame: ui.Frame) -> None:
    """The units of the chosen area, furthest behind plan first."""
    t = frame.t
    name, level = view.trail[-1][0], t(TIERS[view.level])
    st.subheader(t("wilayah.rincian", tingkat=level, wilayah=ui.plain(name)))
    show_table(units_table, frame, view.kec, view.desa, t("wilayah.rincian", tingkat=level, wilayah=name))
    st.caption(t("wilayah.rincian_catatan") + " " + t("status.bantuan"))


def _person(code, name) -> str:
    return "—" if pd.isna(code) else f"{name} ({code})"


def laggards_of(frame: ui.Frame, level: str) -> pd.DataFrame:
    """The kecamatan or desa behind plan in the frame's area."""
    behind = ui.ask("wilayah_tertinggal", as_of=frame.as_of, kab=frame.kode_kab)
    return behind[behind.tingkat == LAGGARD_LEVELS[level]]


def laggards_table(frame: ui.Frame, level: str) -> ui.Table:
    t = frame.t
    rows = laggards_of(frame, level)
    names = {t("wilayah.kode"): ("text", rows.kode), t(TIERS[level]): ("text", rows.nama)}
    if level == "desa":
        names[t("wilayah.tingkat.kec")] = ("text", rows.nama_kec)
    if frame.kode_kab is None:
        names[t("wilayah.tingkat.kab")] = ("text", rows.nama_kab)
    title = t("wilayah.tertinggal_judul", tingkat=t(UNITS[level]))
    return ui.Table.of(
        {**names, **_figures(rows, frame)}, page="wilayah", name=f"tertinggal_{level}", title=title
    )


def empty_sls_table(frame: ui.Frame) -> ui.Table:
    t = frame.t
    rows = ui.ask("wilayah_sls_belum_mulai", as_of=frame.as_of, kab=frame.kode_kab)
    columns = {
        t("wilayah.kode"): ("text", rows.idsubsls),
        t("wilayah.tingkat.sls"): ("text", rows.nama_sls),
        t("wilayah.tingkat.desa"): ("text", rows.nama_desa),
        t("wilayah.tingkat.kec"): ("text", rows.nama_kec),
    }
    if frame.kode_kab is None:
        columns[t("wilayah.tingkat.kab")] = ("text", rows.nama_kab)
    columns |= {
        t("kolom.target"): ("integer", rows.target_keluarga),
        t("wilayah.ppl"): ("text", rows.id_petugas),
        t("wilayah.nama_ppl"): ("text", rows.nama_petugas),
        t("wilayah.ppl_mulai"): ("date", rows.tanggal_mulai),
        t("wilayah.terdata_ppl"): ("integer", rows.terdata_ppl),
    }
    title = t("wilayah.sls_judul")
    return ui.Table.of(columns, page="wilayah", name="sls_belum_mulai", title=title)


def show_table(make: Callable[..., ui.Table], frame: ui.Frame, *args) -> None:
    """The table make(frame, *args), tinted by status; every row shown without inner scrolling up to 20
    rows (a laggard list's length)."""
    ui.table(make, frame, *args, max_rows=20)


def laggards_section(area_name: str, frame: ui.Frame) -> None:
    """The laggards of the frame's area (`area_name`: the province or the chosen regency)."""
    t = frame.t
    st.subheader(t("wilayah.tertinggal", wilayah=ui.plain(area_name)))
    by_level = {level: laggards_of(frame, level) for level in LAGGARD_LEVELS}
    labels = [
        t("wilayah.tab_kec", n=ui.number(len(by_level["kec"]))),
        t("wilayah.tab_desa", n=ui.number(len(by_level["desa"]))),
    ]
    # The SLS not started name their PPL: only for those who may see officers.
    with_people = ui.may_ask("wilayah_sls_belum_mulai")
    if with_people:
        empty = ui.ask("wilayah_sls_belum_mulai", as_of=frame.as_of, kab=frame.kode_kab)
        total_empty = int(empty.jumlah.iloc[0]) if len(empty) else 0
        labels.append(t("wilayah.tab_sls", n=ui.number(total_empty)))
    tabs = st.tabs(labels)
    for tab, (level, rows) in zip(tabs, by_level.items(), strict=False):
        with tab:
            named = t(UNITS[level])
            if rows.empty:
                st.info(t("wilayah.tak_tertinggal", tingkat=named), icon=":material/check_circle:")
                continue
            show_table(laggards_table, frame, level)
            st.caption(t("wilayah.tertinggal_catatan", tingkat=named))
    if not with_people:
        st.caption(t("wilayah.sls_hanya_bps"))
        return
    with tabs[2]:
        if empty.empty:
            st.info(t("wilayah.sls_kosong"), icon=":material/check_circle:")
            return
        show_table(empty_sls_table, frame)
        note = t("wilayah.sls_catatan")
        if total_empty > len(empty):
            note += " " + t("wilayah.sls_sebagian", n=ui.number(len(empty)), total=ui.number(total_empty))
        st.caption(note)


ui.add_words(WORDS)
frame = ui.frame()
view = read_view(frame)
ui.header(frame, frame.t("halaman.wilayah"))
breadcrumb(view, frame)
headline(view.area, frame)
if view.units.empty:
    st.info(frame.t("wilayah.tanpa_sls", wilayah=ui.plain(view.trail[-1][0])), icon=":material/info:")
    st.stop()
mapped = mapped_units(frame)
st.subheader(ui.plain(map_title(view, frame)))
map_column, side_column = st.columns([3, 2], gap="large")
with side_column:
    chooser(view, frame)
    colour = ui.maps.colour_choice("wilayah_warna", frame)
    status_counts(view, frame)
with map_column:
    map_section(view, mapped, colour, frame)
units_section(view, frame)
laggards_section(view.trail[min(len(view.trail) - 1, 1)][0], frame)
