"""Ringkasan: the province at a glance, for the governor's office."""

from pathlib import Path

import pandas as pd
import streamlit as st

from geo.boundaries import boundaries_dir, load_boundaries, match_codes
from geo.maps import regency_map
from pages import ui

PROVINCE = "64"
WORDS = {
    "ringkasan.terdata": {"id": "Keluarga terdata", "en": "Families registered"},
    "ringkasan.target": {"id": "Target keluarga", "en": "Target families"},
    "ringkasan.capaian": {"id": "Capaian", "en": "Completion"},
    "ringkasan.selisih_delta": {"id": "{poin} poin dari rencana", "en": "{poin} pts against plan"},
    "ringkasan.rencana": {"id": "Rencana hari ini", "en": "Planned for today"},
    "ringkasan.rencana_bantuan": {
        "id": "Capaian kumulatif yang dijadwalkan pada akhir hari ini (jadwal yang dimuat).",
        "en": "Cumulative completion scheduled for the end of this day (the loaded schedule).",
    },
    "ringkasan.status_bantuan": {
        "id": "Hijau: sesuai atau di depan rencana; kuning: 0–7,5 poin di belakang; merah: lebih dari 7,5.",
        "en": "Green: on or ahead of plan; amber: 0–7.5 points behind; red: more than 7.5 behind.",
    },
    "ringkasan.status_depan": {
        "id": "{status}: {poin} poin di depan rencana ({capaian} terdata, rencana {rencana}).",
        "en": "{status}: {poin} points ahead of plan ({capaian} registered, {rencana} planned).",
    },
    "ringkasan.status_belakang": {
        "id": "{status}: {poin} poin di belakang rencana ({capaian} terdata, rencana {rencana}).",
        "en": "{status}: {poin} points behind plan ({capaian} registered, {rencana} planned).",
    },
    "ringkasan.tanpa_jadwal": {
        "id": "Jadwal belum dimuat: capaian tidak dapat dibandingkan dengan rencana.",
        "en": "No schedule loaded: completion cannot be compared with a plan.",
    },
    "ringkasan.sisa_hari": {"id": "Sisa hari ke {tanggal}", "en": "Days left to {tanggal}"},
    "ringkasan.sisa_hari_nilai": {"id": "{hari} hari", "en": "{hari} days"},
    "ringkasan.lewat_hari": {"id": "lewat {hari} hari", "en": "{hari} days past"},
    "ringkasan.proyeksi": {"id": "Proyeksi selesai", "en": "Projected finish"},
    "ringkasan.sisa_hari_bantuan": {
        "id": "Hari sampai jadwal mencapai target akhirnya.",
        "en": "Days until the schedule reaches its final target.",
    },
    "ringkasan.laju_bantuan": {
        "id": "Rata-rata keluarga terdata per hari selama 7 hari terakhir.",
        "en": "Average families registered a day over the last 7 days.",
    },
    "ringkasan.aktif_bantuan": {
        "id": "PPL yang mendata sedikitnya satu keluarga dalam 3 hari terakhir.",
        "en": "PPL who registered at least one family in the last 3 days.",
    },
    "ringkasan.proyeksi_bantuan": {
        "id": "Hari ini ditambah sisa keluarga dibagi laju 7 hari terakhir.",
        "en": "Today plus the families left divided by the last 7 days' pace.",
    },
    "ringkasan.laju": {"id": "Keluarga per hari (7 hari)", "en": "Families a day (7 days)"},
    "ringkasan.tercapai": {"id": "Tercapai", "en": "Reached"},
    "ringkasan.tak_terproyeksi": {"id": "Tanpa kemajuan 7 hari", "en": "No progress in 7 days"},
    "ringkasan.aktif": {"id": "PPL aktif 3 hari (dari {total})", "en": "PPL active, 3 days (of {total})"},
    "ringkasan.peta": {"id": "Peta kabupaten/kota", "en": "Map of regencies"},
    "ringkasan.warnai": {"id": "Warnai menurut", "en": "Colour by"},
    "ringkasan.warna_capaian": {"id": "Capaian (%)", "en": "Completion (%)"},
    "ringkasan.warna_selisih": {"id": "Selisih dari rencana (poin)", "en": "Gap to plan (points)"},
    "ringkasan.peringkat": {"id": "Peringkat kabupaten/kota", "en": "Regency ranking"},
    "ringkasan.peringkat_catatan": {
        "id": "Diurutkan dari yang paling tertinggal dari rencana; baris terakhir: provinsi.",
        "en": "Sorted from furthest behind plan; last row: the province.",
    },
    "hover.terdata": {"id": "Terdata {terdata} dari {target}", "en": "Registered {terdata} of {target}"},
    "hover.rencana": {"id": "Rencana {rencana}", "en": "Planned {rencana}"},
    "hover.selisih": {"id": "Selisih {selisih} poin", "en": "Gap {selisih} pts"},
    "ringkasan.batas": {"id": "Batas wilayah: {sumber}.", "en": "Boundaries: {sumber}."},
    "ringkasan.tanpa_batas": {
        "id": "Tanpa poligon untuk: {kode}.",
        "en": "No polygon for: {kode}.",
    },
}
BANNERS = {
    "hijau": (st.success, ":material/check_circle:"),
    "kuning": (st.warning, ":material/warning:"),
    "merah": (st.error, ":material/error:"),
}


def _days_left(row, frame: ui.Frame) -> str:
    if pd.isna(row.sisa_hari):
        return "—"
    days = int(row.sisa_hari)
    key = "ringkasan.sisa_hari_nilai" if days >= 0 else "ringkasan.lewat_hari"
    return frame.t(key, hari=ui.number(abs(days)))


def _projection(row, frame: ui.Frame) -> str:
    if row.tercapai:
        return frame.t("ringkasan.tercapai")
    if pd.isna(row.proyeksi_selesai):
        return frame.t("ringkasan.tak_terproyeksi")
    return ui.date(row.proyeksi_selesai, frame.lang)


def status_banner(area, frame: ui.Frame) -> None:
    """The area's status against plan (the province's or the chosen regency's), in colour, icon and words."""
    if pd.isna(area.status):
        st.info(frame.t("ringkasan.tanpa_jadwal"), icon=":material/event_busy:")
        return
    show, icon = BANNERS[area.status]
    key = "ringkasan.status_depan" if area.selisih >= 0 else "ringkasan.status_belakang"
    show(
        frame.t(
            key,
            status=ui.status(area.status, frame),
            poin=ui.points(abs(area.selisih)).lstrip("+"),
            capaian=ui.percent(area.persen),
            rencana=ui.percent(area.harapan_persen),
        ),
        icon=icon,
    )


def headline(area, frame: ui.Frame) -> None:
    t = frame.t
    gap = t("ringkasan.selisih_delta", poin=ui.points(area.selisih)) if pd.notna(area.selisih) else None
    first, second = st.columns(4), st.columns(4)
    first[0].metric(t("ringkasan.terdata"), ui.number(area.terdata), border=True)
    first[1].metric(t("ringkasan.target"), ui.number(area.target_keluarga), border=True)
    first[2].metric(t("ringkasan.capaian"), ui.percent(area.persen), delta=gap, border=True)
    first[3].metric(
        t("ringkasan.rencana"),
        ui.percent(area.harapan_persen),
        border=True,
        help=t("ringkasan.rencana_bantuan"),
    )
    second[0].metric(
        t("ringkasan.sisa_hari", tanggal=ui.date(area.tanggal_target, frame.lang)),
        _days_left(area, frame),
        border=True,
        help=t("ringkasan.sisa_hari_bantuan"),
    )
    second[1].metric(
        t("ringkasan.proyeksi"),
        _projection(area, frame),
        border=True,
        help=t("ringkasan.proyeksi_bantuan"),
    )
    second[2].metric(
        t("ringkasan.laju"), ui.rate(area.laju_7hari), border=True, help=t("ringkasan.laju_bantuan")
    )
    second[3].metric(
        t("ringkasan.aktif", total=ui.number(area.jumlah_ppl)),
        ui.number(area.ppl_aktif_3hari),
        border=True,
        help=t("ringkasan.aktif_bantuan"),
    )


def _hover(row, frame: ui.Frame) -> str:
    t = frame.t
    return "<br>".join(
        [
            f"<b>{ui.plain_plotly(row.nama_wilayah)}</b>",
            t("hover.terdata", terdata=ui.number(row.terdata), target=ui.number(row.target_keluarga))
            + f" ({ui.percent(row.persen)})",
            t("hover.rencana", rencana=ui.percent(row.harapan_persen)),
            t("hover.selisih", selisih=ui.points(row.selisih)) + f" · {ui.status(row.status, frame)}",
            f"{t('kolom.proyeksi')}: {_projection(row, frame)}",
        ]
    )


def regency_map_section(regencies: pd.DataFrame, frame: ui.Frame) -> None:
    t = frame.t
    st.subheader(t("ringkasan.peta"))
    options = ["selisih", "capaian"]
    # One widget per language (its label changes the widget), carrying the choice across.
    colour = st.radio(
        t("ringkasan.warnai"),
        options,
        index=options.index(st.session_state.get("warna_peta", "selisih")),
        horizontal=True,
        key=f"warna_peta_{frame.lang}",
        format_func=lambda option: t(f"ringkasan.warna_{option}"),
    )
    st.session_state["warna_peta"] = colour
    regency_map_drawing(regencies, colour, boundaries_dir(), frame)


@ui.per_version
def regency_map_drawing(regencies: pd.DataFrame, colour: str, folder: Path | None, frame: ui.Frame) -> None:
    """The map coloured by `colour`, with the boundaries in `folder`."""
    t = frame.t
    shown = regencies.rename(columns={"kode_wilayah": "kode_kab", "nama_wilayah": "nama_kab"})
    shown["hover"] = [_hover(row, frame) for row in regencies.itertuples()]
    boundaries = load_boundaries("kabupaten", folder)
    figure = regency_map(
        shown,
        value_column="selisih" if colour == "selisih" else "persen",
        hover_column="hover",
        scale=colour,
        colorbar_title=t(f"ringkasan.warna_{colour}"),
        boundaries=boundaries,
    )
    st.plotly_chart(figure, width="stretch", config={"displaylogo": False})
    match = match_codes(shown.kode_kab, boundaries)
    if match.source:
        note = t("ringkasan.batas", sumber=match.source)
        if match.missing:
            note += " " + t("ringkasan.tanpa_batas", kode=ui.plain(", ".join(match.missing)))
        st.caption(note)


def ranking_table(areas: pd.DataFrame, frame: ui.Frame) -> pd.DataFrame:
    """Regencies from furthest behind plan, then the province total."""
    t = frame.t
    regencies = areas[areas.kode_wilayah != PROVINCE].sort_values("selisih", na_position="last")
    ordered = pd.concat([regencies, areas[areas.kode_wilayah == PROVINCE]])
    return pd.DataFrame(
        {
            t("kolom.wilayah"): ordered.nama_pendek,
            t("kolom.target"): ordered.target_keluarga.map(ui.number),
            t("kolom.terdata"): ordered.terdata.map(ui.number),
            t("kolom.capaian"): ordered.persen.map(ui.percent),
            t("kolom.rencana"): ordered.harapan_persen.map(ui.percent),
            t("kolom.selisih"): ordered.selisih.map(ui.points),
            t("kolom.status"): ordered.status.map(lambda value: ui.status(value, frame)),
            t("kolom.proyeksi"): [_projection(row, frame) for row in ordered.itertuples()],
        }
    )


@ui.per_version
def ranking_section(areas: pd.DataFrame, frame: ui.Frame) -> None:
    st.subheader(frame.t("ringkasan.peringkat"))
    table = ranking_table(areas, frame)
    styled = table.style.map(lambda label: ui.status_tint(label, frame), subset=[frame.t("kolom.status")])
    st.dataframe(styled, hide_index=True, width="stretch", height=35 * (len(table) + 1) + 3)
    st.caption(frame.t("ringkasan.peringkat_catatan") + " " + frame.t("ringkasan.status_bantuan"))


ui.add_words(WORDS)
frame = ui.frame()
areas = ui.ask("capaian_wilayah", as_of=frame.as_of)
chosen_area = areas[areas.kode_wilayah == (frame.kode_kab or PROVINCE)].iloc[0]
ui.header(frame, frame.t("halaman.ringkasan"))
status_banner(chosen_area, frame)
headline(chosen_area, frame)
regency_map_section(areas[areas.kode_wilayah != PROVINCE], frame)
ranking_section(areas, frame)
