"""Ringkasan: the province at a glance, for the governor's office."""

from pathlib import Path

import pandas as pd
import streamlit as st

from pages import ui

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
        "id": "Rata-rata keluarga terdata per hari selama 7 hari terakhir (pada minggu pertama: selama "
        "hari pendataan sejauh ini).",
        "en": "Average families registered a day over the last 7 days (in the first week: over the "
        "campaign's days so far).",
    },
    "ringkasan.aktif_bantuan": {
        "id": "PPL yang mendata sedikitnya satu keluarga dalam {hari_aktif} hari terakhir.",
        "en": "PPL who registered at least one family in the last {hari_aktif} days.",
    },
    "ringkasan.proyeksi_bantuan": {
        "id": "Hari ini ditambah sisa keluarga dibagi laju per hari (7 hari terakhir; pada minggu pertama: "
        "hari pendataan sejauh ini).",
        "en": "Today plus the families left divided by the pace a day (the last 7 days; in the first week: "
        "the campaign's days so far).",
    },
    "ringkasan.laju": {"id": "Keluarga per hari (7 hari)", "en": "Families a day (7 days)"},
    "ringkasan.tercapai": {"id": "Tercapai", "en": "Reached"},
    "ringkasan.tak_terproyeksi": {"id": "Tanpa kemajuan 7 hari", "en": "No progress in 7 days"},
    "ringkasan.aktif": {
        "id": "PPL aktif {hari_aktif} hari (dari {total})",
        "en": "PPL active, {hari_aktif} days (of {total})",
    },
    "ringkasan.peta": {"id": "Peta kabupaten/kota", "en": "Map of regencies"},
    "ringkasan.peringkat": {"id": "Peringkat kabupaten/kota", "en": "Regency ranking"},
    "ringkasan.peringkat_catatan": {
        "id": "Diurutkan dari yang paling tertinggal dari rencana; baris terakhir: provinsi.",
        "en": "Sorted from furthest behind plan; last row: the province.",
    },
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
    key = "ringkasan.status_depan" if area.selisih >= 0 else "ringkasan.status_belakang"
    ui.status_alert(
        area.status,
        frame.t(
            key,
            status=ui.status(area.status, frame),
            poin=ui.points(abs(area.selisih)).lstrip("+"),
            capaian=ui.percent(area.persen),
            rencana=ui.percent(area.harapan_persen),
        ),
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
        ui.number(area.ppl_aktif),
        border=True,
        help=t("ringkasan.aktif_bantuan"),
    )


def regency_map_section(regencies: pd.DataFrame, frame: ui.Frame) -> None:
    st.subheader(frame.t("ringkasan.peta"))
    colour = ui.maps.colour_choice("warna_peta", frame)
    regency_map_drawing(regencies, colour, ui.maps.boundaries_folder(), frame)


@ui.per_version
def regency_map_drawing(regencies: pd.DataFrame, colour: str, folder: Path | None, frame: ui.Frame) -> None:
    """The map coloured by `colour`, with the boundaries in `folder`."""
    projection = frame.t("kolom.proyeksi")
    shown = regencies.rename(columns={"kode_wilayah": "kode", "nama_wilayah": "nama"})
    shown["hover"] = [
        ui.maps.area_hover(
            row.nama, row, ui.status(row.status, frame), frame, f"{projection}: {_projection(row, frame)}"
        )
        for row in shown.itertuples()
    ]
    figure, match = ui.maps.figure(shown, level="kabupaten", colour=colour, folder=folder, frame=frame)
    st.plotly_chart(figure, width="stretch", config={"displaylogo": False})
    ui.maps.boundaries_note(match, frame)


def ranking_table(areas: pd.DataFrame, frame: ui.Frame) -> pd.DataFrame:
    """Regencies from furthest behind plan, then the province total."""
    t = frame.t
    regencies = areas[areas.kode_wilayah != ui.PROVINCE].sort_values("selisih", na_position="last")
    ordered = pd.concat([regencies, areas[areas.kode_wilayah == ui.PROVINCE]])
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
    ui.table(ui.status_tinted(table, frame), max_rows=len(table))
    st.caption(frame.t("ringkasan.peringkat_catatan") + " " + frame.t("status.bantuan"))


ui.add_words(WORDS)
frame = ui.frame()
areas = ui.ask("capaian_wilayah", as_of=frame.as_of)
chosen_area = areas[areas.kode_wilayah == (frame.kode_kab or ui.PROVINCE)].iloc[0]
ui.header(frame, frame.t("halaman.ringkasan"))
status_banner(chosen_area, frame)
headline(chosen_area, frame)
regency_map_section(areas[areas.kode_wilayah != ui.PROVINCE], frame)
ranking_section(areas, frame)
