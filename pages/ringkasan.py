"""Ringkasan: the province at a glance, for the governor's office."""

import datetime as dt
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
    "ringkasan.capaian_bantuan": {
        "id": "Keluarga yang dihitung terhadap target dibagi target. Tiap SLS dihitung paling banyak "
        "sampai targetnya, sehingga kelebihan di satu SLS tidak menutupi kekurangan di SLS lain; "
        "{lebih} keluarga di atas target SLS-nya tidak dihitung. Sisa keluarga: jumlah kekurangan tiap "
        "SLS. 100 % hanya bila tidak ada SLS yang kurang.",
        "en": "Families counted toward the target, over the target. Each SLS counts at most its target, "
        "so families above target in one SLS never hide a shortfall in another; {lebih} families above "
        "their SLS's target are not counted. Families left: the sum of every SLS's shortfall. 100 % only "
        "when no SLS is short.",
    },
    "ringkasan.perubahan": {"id": "{kemarin} sejak kemarin", "en": "{kemarin} since yesterday"},
    "ringkasan.perubahan_baris": {
        "id": "Sejak kemarin: {kemarin} keluarga, capaian {poin_kemarin} poin · dalam 7 hari: {pekan} "
        "keluarga, {poin_pekan} poin.",
        "en": "Since yesterday: {kemarin} families, completion {poin_kemarin} points · in 7 days: {pekan} "
        "families, {poin_pekan} points.",
    },
    "ringkasan.perubahan_bantuan": {
        "id": "Keluarga terdata sampai akhir hari ini, di mana pun jumlahnya di atas target SLS. Sejak "
        "kemarin: yang terdata pada hari ini.",
        "en": "Families registered by the end of this day, including those above their SLS's target. "
        "Since yesterday: those registered on this day.",
    },
    "ringkasan.sisa_hari": {"id": "Sisa hari ke {tanggal}", "en": "Days left to {tanggal}"},
    "ringkasan.sisa_hari_nilai": {"id": "{hari} hari", "en": "{hari} days"},
    "ringkasan.lewat_target": {"id": "Lewat dari {tanggal}", "en": "Past {tanggal}"},
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
        "id": "PPL yang mendata sedikitnya satu keluarga dalam {hari_aktif} hari terakhir. {tidak_aktif} "
        "lainnya tidak mendata dalam {hari_aktif} hari itu; halaman Petugas memisahkan yang masih punya "
        "sisa keluarga (menganggur) dari yang tidak.",
        "en": "PPL who registered at least one family in the last {hari_aktif} days. The other "
        "{tidak_aktif} registered none in those {hari_aktif} days; the Officers page separates those with "
        "families left (idle) from those without.",
    },
    "ringkasan.laju": {"id": "Keluarga per hari (7 hari)", "en": "Families a day (7 days)"},
    "ringkasan.aktif": {
        "id": "PPL aktif {hari_aktif} hari (dari {total})",
        "en": "PPL active, {hari_aktif} days (of {total})",
    },
    "ringkasan.peta": {"id": "Peta kabupaten/kota", "en": "Map of regencies"},
    "ringkasan.peringkat": {"id": "Peringkat kabupaten/kota", "en": "Regency ranking"},
    "ringkasan.peringkat_catatan": {
        "id": "Diurutkan dari yang paling tertinggal dari rencana; baris terakhir: provinsi. Sisa: keluarga "
        "yang belum terdata terhadap target; + Kemarin: keluarga terdata pada hari ini; Δ 7 hari: kenaikan "
        "capaian dalam 7 hari, dalam poin.",
        "en": "Sorted from furthest behind plan; last row: the province. Left: families still to register "
        "against the target; + Yesterday: families registered on this day; Δ 7 days: the rise in completion "
        "over 7 days, in points.",
    },
    "ringkasan.kolom_kemarin": {"id": "+ Kemarin", "en": "+ Yesterday"},
    "ringkasan.kolom_poin_pekan": {"id": "Δ 7 hari", "en": "Δ 7 days"},
    "ringkasan.kolom_sisa": {"id": "Sisa", "en": "Left"},
    "ringkasan.banding": {"id": "Perubahan sejak tanggal pembanding", "en": "Change since an earlier day"},
    "ringkasan.tambah_keluarga": {
        "id": "Keluarga bertambah sejak {tanggal}",
        "en": "Families added since {tanggal}",
    },
    "ringkasan.tambah_capaian": {
        "id": "Capaian bertambah sejak {tanggal}",
        "en": "Completion gained since {tanggal}",
    },
    "ringkasan.nilai_poin": {"id": "{poin} poin", "en": "{poin} pts"},
    "ringkasan.status_dulu_kini": {"id": "Status {dulu} → {kini}", "en": "Status {dulu} → {kini}"},
    "ringkasan.status_tetap": {
        "id": "Tidak ada kabupaten/kota yang berubah status.",
        "en": "No regency changed status.",
    },
    "ringkasan.status_berubah": {"id": "Berubah status: {wilayah}.", "en": "Status changed: {wilayah}."},
    "ringkasan.kolom_capaian_pada": {"id": "Capaian {tanggal}", "en": "Done {tanggal}"},
    "ringkasan.kolom_tambah_poin": {"id": "+ Poin", "en": "+ Pts"},
    "ringkasan.kolom_tambah_keluarga": {"id": "+ Keluarga", "en": "+ Families"},
    "ringkasan.kolom_status_pada": {"id": "Status {tanggal}", "en": "Status {tanggal}"},
}


def target_day(row, frame: ui.Frame) -> tuple[str, str]:
    """The label and value of the days to the target date, or past it."""
    day = ui.date(row.tanggal_target, frame.lang)
    if pd.isna(row.sisa_hari):
        return frame.t("ringkasan.sisa_hari", tanggal=day), "—"
    days = int(row.sisa_hari)
    label = frame.t("ringkasan.sisa_hari" if days >= 0 else "ringkasan.lewat_target", tanggal=day)
    return label, frame.t("ringkasan.sisa_hari_nilai", hari=ui.number(abs(days)))


def headline(area, frame: ui.Frame) -> None:
    t = frame.t
    gap = t("ringkasan.selisih_delta", poin=ui.points(area.selisih)) if pd.notna(area.selisih) else None
    first, second = st.columns(4), st.columns(4)
    first[0].metric(
        t("ringkasan.terdata"),
        ui.number(area.terdata),
        delta=t("ringkasan.perubahan", kemarin=ui.signed_number(area.tambah_kemarin)),
        delta_color="normal" if area.tambah_kemarin else "off",
        border=True,
        help=t("ringkasan.perubahan_bantuan"),
    )
    first[1].metric(t("ringkasan.target"), ui.number(area.target_keluarga), border=True)
    first[2].metric(
        t("ringkasan.capaian"),
        ui.percent(area.persen),
        delta=gap,
        border=True,
        help=t("ringkasan.capaian_bantuan", lebih=ui.number(area.terdata - area.terhitung)),
    )
    first[3].metric(
        t("ringkasan.rencana"),
        ui.percent(area.harapan_persen),
        border=True,
        help=t("ringkasan.rencana_bantuan"),
    )
    second[0].metric(
        *target_day(area, frame),
        border=True,
        help=t("ringkasan.sisa_hari_bantuan"),
    )
    second[1].metric(
        t("ringkasan.proyeksi"),
        ui.projection(area, frame),
        border=True,
        help=t("proyeksi.bantuan"),
    )
    second[2].metric(
        t("ringkasan.laju"), ui.rate(area.laju_7hari), border=True, help=t("ringkasan.laju_bantuan")
    )
    second[3].metric(
        t("ringkasan.aktif", total=ui.number(area.jumlah_ppl)),
        ui.number(area.ppl_aktif),
        border=True,
        help=t("ringkasan.aktif_bantuan", tidak_aktif=ui.number(area.jumlah_ppl - area.ppl_aktif)),
    )
    st.caption(
        t(
            "ringkasan.perubahan_baris",
            kemarin=ui.signed_number(area.tambah_kemarin),
            pekan=ui.signed_number(area.terdata_7hari),
            poin_kemarin=ui.points(area.poin_kemarin),
            poin_pekan=ui.points(area.poin_pekan),
        )
    )


def regency_map_section(frame: ui.Frame) -> None:
    st.subheader(frame.t("ringkasan.peta"))
    colour = ui.maps.colour_choice("warna_peta", frame)
    folder = ui.maps.boundaries_folder()
    ui.maps.show(
        regency_map_figure, frame, colour, folder, title=frame.t("ringkasan.peta"), name="ringkasan_peta"
    )
    ui.maps.boundaries_note(regency_map(frame, colour, folder)[1], frame)


def regency_map_figure(frame: ui.Frame, colour: str, folder: Path | None):
    return regency_map(frame, colour, folder)[0]


@ui.shared_per_version
def regency_map(frame: ui.Frame, colour: str, folder: Path | None):
    """The regencies' map coloured by `colour`, with the boundaries in `folder`, and how the codes
    matched them."""
    projection = frame.t("kolom.proyeksi")
    areas = ui.ask("capaian_wilayah", as_of=frame.as_of)
    regencies = areas[areas.kode_wilayah != ui.PROVINCE]
    shown = regencies.rename(columns={"kode_wilayah": "kode", "nama_wilayah": "nama"})
    shown["hover"] = [
        ui.maps.area_hover(
            row.nama, row, ui.status(row.status, frame), frame, f"{projection}: {ui.projection(row, frame)}"
        )
        for row in shown.itertuples()
    ]
    return ui.maps.figure(shown, level="kabupaten", colour=colour, folder=folder, frame=frame)


@ui.shared_per_version
def overview_areas(frame: ui.Frame) -> pd.DataFrame:
    """Every area as of the frame's day, with its changes since yesterday and over 7 days."""
    return ui.changes.with_changes(
        *(ui.ask("capaian_wilayah", as_of=frame.as_of - dt.timedelta(days)) for days in (0, 1, 7))
    )


@ui.shared_per_version
def changes_since(frame: ui.Frame, since: dt.date) -> pd.DataFrame:
    """Every area as of the frame's day against `since`."""
    return ui.changes.compared(overview_areas(frame), ui.ask("capaian_wilayah", as_of=since))


def ranking_table(frame: ui.Frame) -> ui.Table:
    """Regencies from furthest behind plan, then the province total."""
    t = frame.t
    ordered = ui.changes.ranked(overview_areas(frame))
    return ui.Table.of(
        {
            t("kolom.wilayah"): ("text", ordered.nama_pendek),
            # Beside the name, so that a phone's narrow screen shows both.
            t("kolom.status"): ("status", ordered.status.map(lambda value: ui.status(value, frame))),
            t("kolom.target"): ("integer", ordered.target_keluarga),
            t("kolom.terdata"): ("integer", ordered.terdata),
            t("kolom.capaian"): ("percent", ordered.persen),
            t("kolom.rencana"): ("percent", ordered.harapan_persen),
            t("kolom.selisih"): ("points", ordered.selisih),
            t("ringkasan.kolom_sisa"): ("integer", ordered.sisa_keluarga),
            t("ringkasan.kolom_kemarin"): ("signed", ordered.tambah_kemarin),
            t("ringkasan.kolom_poin_pekan"): ("points", ordered.poin_pekan),
            t("kolom.proyeksi"): ("date", [ui.projected(row, frame) for row in ordered.itertuples()]),
        },
        page="ringkasan",
        title=t("ringkasan.peringkat"),
    )


def ranking_section(frame: ui.Frame) -> None:
    st.subheader(frame.t("ringkasan.peringkat"))
    ui.table(ranking_table, frame, max_rows=None)
    st.caption(frame.t("ringkasan.peringkat_catatan") + " " + frame.t("status.bantuan"))


def comparison_headline(area, since: dt.date, frame: ui.Frame) -> None:
    """What the chosen area gained since the earlier day, and its status then and now."""
    t = frame.t
    then, now = (ui.date(day, frame.lang) for day in (since, frame.as_of))
    columns = st.columns(3)
    columns[0].metric(
        t("ringkasan.tambah_keluarga", tanggal=then), ui.signed_number(area.tambah_keluarga), border=True
    )
    columns[1].metric(
        t("ringkasan.tambah_capaian", tanggal=then),
        t("ringkasan.nilai_poin", poin=ui.points(area.tambah_poin)),
        border=True,
    )
    columns[2].metric(
        t("ringkasan.status_dulu_kini", dulu=then, kini=now),
        f"{ui.status(area.status_dulu, frame)} → {ui.status(area.status, frame)}",
        border=True,
    )


def status_moves(changes: pd.DataFrame, frame: ui.Frame) -> str:
    """The regencies whose status changed, in words: "Kutai Barat (Waspada → Tertinggal)"."""
    moved = changes[(changes.kode_wilayah != ui.PROVINCE) & changes.status_berubah]
    if moved.empty:
        return frame.t("ringkasan.status_tetap")
    names = ", ".join(
        f"{row.nama_pendek} ({ui.status(row.status_dulu, frame)} → {ui.status(row.status, frame)})"
        for row in moved.itertuples()
    )
    return frame.t("ringkasan.status_berubah", wilayah=ui.plain(names))


def comparison_table(frame: ui.Frame, since: dt.date) -> ui.Table:
    """The ranking's regencies (and the province) on both days: completion then and now, what was
    gained, the status then and now."""
    t = frame.t
    rows = ui.changes.ranked(changes_since(frame, since))
    then, now = (ui.date(day, frame.lang) for day in (since, frame.as_of))
    return ui.Table.of(
        {
            t("kolom.wilayah"): ("text", rows.nama_pendek),
            t("ringkasan.kolom_capaian_pada", tanggal=then): ("percent", rows.persen_dulu),
            t("ringkasan.kolom_capaian_pada", tanggal=now): ("percent", rows.persen),
            t("ringkasan.kolom_tambah_poin"): ("points", rows.tambah_poin),
            t("ringkasan.kolom_tambah_keluarga"): ("signed", rows.tambah_keluarga),
            t("ringkasan.kolom_status_pada", tanggal=then): (
                "status",
                rows.status_dulu.map(lambda value: ui.status(value, frame)),
            ),
            t("ringkasan.kolom_status_pada", tanggal=now): (
                "status",
                rows.status.map(lambda value: ui.status(value, frame)),
            ),
        },
        page="ringkasan",
        name="perbandingan",
        title=t("ringkasan.banding"),
    )


def comparison_section(frame: ui.Frame) -> None:
    """The area and the ranking as of the as-of day against an earlier day (the last meeting)."""
    st.subheader(frame.t("ringkasan.banding"))
    since = ui.compare_day(frame)
    changes = changes_since(frame, since)
    comparison_headline(
        changes[changes.kode_wilayah == (frame.kode_kab or ui.PROVINCE)].iloc[0], since, frame
    )
    ui.table(comparison_table, frame, since, max_rows=None)
    st.caption(status_moves(changes, frame))


ui.add_words(WORDS)
frame = ui.frame()
areas = overview_areas(frame)
chosen_area = areas[areas.kode_wilayah == (frame.kode_kab or ui.PROVINCE)].iloc[0]
ui.header(frame, frame.t("halaman.ringkasan"))
ui.area_status(chosen_area, frame)
headline(chosen_area, frame)
regency_map_section(frame)
ranking_section(frame)
comparison_section(frame)
