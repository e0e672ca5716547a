"""Ringkasan: the province at a glance, for the governor's office."""

import pandas as pd
import streamlit as st

from geo.boundaries import boundaries_dir, load_boundaries
from geo.maps import regency_map
from pages import ui

PROVINCE = "64"


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


def headline(province, frame: ui.Frame) -> None:
    t = frame.t
    first, second = st.columns(4), st.columns(4)
    first[0].metric(
        t("ringkasan.terdata"),
        ui.number(province.terdata),
        border=True,
        help=t("ringkasan.dari_target", target=ui.number(province.target_keluarga)),
    )
    first[1].metric(
        t("ringkasan.capaian"),
        ui.percent(province.persen),
        border=True,
        delta=t("ringkasan.selisih_delta", poin=ui.points(province.selisih))
        if pd.notna(province.selisih)
        else None,
    )
    first[2].metric(
        t("ringkasan.rencana"),
        ui.percent(province.harapan_persen),
        border=True,
        help=t("ringkasan.rencana_bantuan"),
    )
    first[3].metric(
        t("ringkasan.status"),
        ui.status(province.status, frame),
        border=True,
        help=t("ringkasan.status_bantuan"),
    )
    second[0].metric(
        t("ringkasan.sisa_hari"),
        _days_left(province, frame),
        border=True,
        help=t("ringkasan.tanggal_target", tanggal=ui.date(province.tanggal_target, frame.lang)),
    )
    second[1].metric(
        t("ringkasan.proyeksi"),
        _projection(province, frame),
        border=True,
        help=t("ringkasan.proyeksi_bantuan", laju=ui.number(province.laju_7hari)),
    )
    second[2].metric(
        t("ringkasan.aktif"),
        t(
            "ringkasan.aktif_nilai",
            aktif=ui.number(province.ppl_aktif_3hari),
            total=ui.number(province.jumlah_ppl),
        ),
        border=True,
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
    colour = st.radio(
        t("ringkasan.warnai"),
        ["selisih", "capaian"],
        horizontal=True,
        key="warna_peta",
        format_func=lambda option: t(f"ringkasan.warna_{option}"),
    )
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
            t("kolom.wilayah"): ordered.nama_wilayah,
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
ui.header(frame, frame.t("ringkasan.judul"))
headline(areas[areas.kode_wilayah == PROVINCE].iloc[0], frame)
map_column, table_column = st.columns([5, 6])
with map_column:
    regency_map_section(areas[areas.kode_wilayah != PROVINCE], frame)
with table_column:
    st.subheader(frame.t("ringkasan.peringkat"))
    st.dataframe(ranking_table(areas, frame), hide_index=True, width="stretch", height=423)
    st.caption(frame.t("ringkasan.peringkat_catatan"))
