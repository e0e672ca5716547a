"""Ringkasan: the province at a glance, for the governor's office."""

import pandas as pd
import streamlit as st

from geo.boundaries import boundaries_dir, load_boundaries
from geo.maps import regency_map
from pages import ui

PROVINCE = "64"
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


def status_banner(province, frame: ui.Frame) -> None:
    """The province's status against plan, in colour, symbol and words."""
    if pd.isna(province.status):
        st.info(frame.t("ringkasan.tanpa_jadwal"), icon=":material/event_busy:")
        return
    show, icon = BANNERS[province.status]
    key = "ringkasan.status_depan" if province.selisih >= 0 else "ringkasan.status_belakang"
    show(
        frame.t(
            key,
            status=ui.status(province.status, frame),
            poin=ui.points(abs(province.selisih)).lstrip("+"),
            capaian=ui.percent(province.persen),
            rencana=ui.percent(province.harapan_persen),
        ),
        icon=icon,
    )


def headline(province, frame: ui.Frame) -> None:
    t = frame.t
    gap = (
        t("ringkasan.selisih_delta", poin=ui.points(province.selisih)) if pd.notna(province.selisih) else None
    )
    first, second = st.columns(4), st.columns(4)
    first[0].metric(t("ringkasan.terdata"), ui.number(province.terdata), border=True)
    first[1].metric(t("ringkasan.target"), ui.number(province.target_keluarga), border=True)
    first[2].metric(t("ringkasan.capaian"), ui.percent(province.persen), delta=gap, border=True)
    first[3].metric(
        t("ringkasan.rencana"),
        ui.percent(province.harapan_persen),
        border=True,
        help=t("ringkasan.rencana_bantuan"),
    )
    second[0].metric(
        t("ringkasan.sisa_hari", tanggal=ui.date(province.tanggal_target, frame.lang)),
        _days_left(province, frame),
        border=True,
        help=t("ringkasan.sisa_hari_bantuan"),
    )
    second[1].metric(
        t("ringkasan.proyeksi"),
        _projection(province, frame),
        border=True,
        help=t("ringkasan.proyeksi_bantuan"),
    )
    second[2].metric(
        t("ringkasan.laju"), ui.number(province.laju_7hari), border=True, help=t("ringkasan.laju_bantuan")
    )
    second[3].metric(
        t("ringkasan.aktif", total=ui.number(province.jumlah_ppl)),
        ui.number(province.ppl_aktif_3hari),
        border=True,
        help=t("ringkasan.aktif_bantuan"),
    )


def _hover(row, frame: ui.Frame) -> str:
    t = frame.t
    return "<br>".join(
        [
            f"<b>{row.nama_wilayah}</b>",
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
    shown = regencies.rename(columns={"kode_wilayah": "kode_kab", "nama_wilayah": "nama_kab"})
    shown["hover"] = [_hover(row, frame) for row in regencies.itertuples()]
    figure = regency_map(
        shown,
        value_column="selisih" if colour == "selisih" else "persen",
        hover_column="hover",
        scale=colour,
        colorbar_title=t(f"ringkasan.warna_{colour}"),
        boundaries=load_boundaries("kabupaten", boundaries_dir()),
    )
    st.plotly_chart(figure, width="stretch", config={"displaylogo": False})


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


frame = ui.frame()
areas = ui.ask("capaian_wilayah", as_of=frame.as_of)
province = areas[areas.kode_wilayah == PROVINCE].iloc[0]
ui.header(frame, frame.t("ringkasan.judul"))
status_banner(province, frame)
headline(province, frame)
regency_map_section(areas[areas.kode_wilayah != PROVINCE], frame)
st.subheader(frame.t("ringkasan.peringkat"))
table = ranking_table(areas, frame)
styled = table.style.map(lambda label: ui.status_tint(label, frame), subset=[frame.t("kolom.status")])
st.dataframe(styled, hide_index=True, width="stretch", height=35 * (len(table) + 1) + 3)
st.caption(frame.t("ringkasan.peringkat_catatan") + " " + frame.t("ringkasan.status_bantuan"))
