"""Jadwal & proyeksi: progress against the loaded schedule, the pace each target needs, and when
each regency finishes at its current pace; for BPS Kaltim heads."""

import pandas as pd
import streamlit as st

from pages import ui
from pages.charts import jadwal as charts

WORDS = {
    "jadwal.kurva": {"id": "Rencana dan realisasi kumulatif", "en": "Planned and actual, cumulative"},
    "jadwal.rencana": {"id": "Rencana", "en": "Planned"},
    "jadwal.realisasi": {"id": "Realisasi", "en": "Actual"},
    "jadwal.sumbu_capaian": {"id": "Capaian kumulatif", "en": "Cumulative completion"},
    "jadwal.per": {"id": "Per {tanggal}", "en": "As of {tanggal}"},
    "jadwal.tonggak_mulai": {"id": "{tanggal} · mulai {tahap}", "en": "{tanggal} · {tahap} starts"},
    "jadwal.tonggak_selesai": {
        "id": "{tanggal} · {tahap} ({target})",
        "en": "{tanggal} · {tahap} ({target})",
    },
    "jadwal.kurva_catatan": {
        "id": "Rencana dari jadwal yang dimuat: 0% pada akhir hari sebelum tahap pertama, lalu target tiap "
        "tahap pada akhir hari terakhirnya, garis lurus di antaranya. {sumber}",
        "en": "Plan from the loaded schedule: 0% at the end of the day before the first phase, then each "
        "phase's target at the end of its last day, straight lines between. {sumber}",
    },
    "jadwal.sumber_sendiri": {
        "id": "Wilayah ini punya jadwal sendiri.",
        "en": "This area has its own schedule.",
    },
    "jadwal.sumber_provinsi": {
        "id": "Wilayah ini mengikuti jadwal provinsi.",
        "en": "This area follows the province's schedule.",
    },
    "jadwal.tanpa_jadwal": {
        "id": "Jadwal belum dimuat: tidak ada rencana untuk dibandingkan.",
        "en": "No schedule loaded: there is no plan to compare with.",
    },
    "jadwal.hover_rencana": {"id": "Rencana {persen}", "en": "Planned {persen}"},
    "jadwal.hover_realisasi": {"id": "Terdata {terdata} ({persen})", "en": "Registered {terdata} ({persen})"},
    "jadwal.perlu": {"id": "Laju yang diperlukan", "en": "Pace needed"},
    "jadwal.perlu_catatan": {
        "id": "Keluarga yang masih diperlukan untuk target tahap itu dibagi sisa hari sampai akhir "
        "tanggal targetnya, dibandingkan dengan rata-rata keluarga terdata per hari selama 7 hari "
        "terakhir (pada minggu pertama: selama hari pendataan sejauh ini). Rasio di atas 1 berarti laju "
        "harus dinaikkan sebanyak itu.",
        "en": "Families still needed for the phase's target divided by the days left to the end of its "
        "date, against the average families registered a day over the last 7 days (in the first week: "
        "over the campaign's days so far). A ratio above 1 means the pace must rise that many times.",
    },
    "jadwal.kolom_tanggal_target": {"id": "Tanggal target", "en": "Target date"},
    "jadwal.kolom_tahap": {"id": "Tahap (target)", "en": "Phase (target)"},
    "jadwal.kolom_diperlukan": {"id": "Keluarga diperlukan", "en": "Families needed"},
    "jadwal.kolom_sisa_hari": {"id": "Sisa hari", "en": "Days left"},
    "jadwal.kolom_laju_perlu": {"id": "Perlu per hari", "en": "Needed a day"},
    "jadwal.kolom_laju_kini": {"id": "Laju kini per hari", "en": "Current a day"},
    "jadwal.kolom_rasio": {"id": "Rasio perlu/kini", "en": "Needed/current"},
    "jadwal.kolom_penilaian": {"id": "Penilaian", "en": "Verdict"},
    "jadwal.lewat_hari": {"id": "lewat {hari}", "en": "{hari} past"},
    "jadwal.penilaian_tercapai": {"id": "Tercapai", "en": "Reached"},
    "jadwal.penilaian_sesuai": {"id": "Laju kini cukup", "en": "On track"},
    "jadwal.penilaian_kurang": {"id": "Perlu dipercepat", "en": "Speed up"},
    "jadwal.penilaian_lewat": {"id": "Tanggal terlewati", "en": "Date passed"},
    "jadwal.harian": {"id": "Keluarga terdata per hari", "en": "Families registered a day"},
    "jadwal.keluarga_hari": {"id": "Keluarga per hari", "en": "Families a day"},
    "jadwal.rata_7hari": {"id": "Rata-rata 7 hari", "en": "7-day average"},
    "jadwal.sumbu_keluarga": {"id": "Keluarga", "en": "Families"},
    "jadwal.garis_perlu": {
        "id": "Perlu {laju} per hari untuk {target} pada {tanggal}",
        "en": "Needed {laju} a day for {target} by {tanggal}",
    },
    "jadwal.hover_harian": {
        "id": "{tanggal}<br>{terdata} keluarga<br>Rata-rata 7 hari {rata}",
        "en": "{tanggal}<br>{terdata} families<br>7-day average {rata}",
    },
    "jadwal.harian_catatan": {
        "id": "Rata-rata 7 hari: keluarga terdata pada hari itu dan 6 hari sebelumnya, dibagi 7; pada "
        "minggu pertama, rata-rata hari pendataan sejauh ini.",
        "en": "7-day average: families registered that day and the 6 days before, divided by 7; in the "
        "first week, the average of the campaign's days so far.",
    },
    "jadwal.proyeksi": {"id": "Proyeksi selesai per kabupaten/kota", "en": "Projected finish by regency"},
    "jadwal.proyeksi_catatan": {
        "id": "Proyeksi: hari ini ditambah sisa keluarga dibagi laju 7 hari terakhir. Terlambat bila "
        "proyeksi jatuh setelah tanggal target (hari pertama jadwal mencapai target akhirnya); macet "
        "bila tidak ada keluarga terdata dalam 7 hari. Selisih: hari dari tanggal target ke proyeksi.",
        "en": "Projection: today plus the families left divided by the last 7 days' pace. Late when the "
        "projection falls after the target date (the first day the schedule reaches its final target); "
        "stalled when no family was registered in 7 days. Gap: days from the target date to the projection.",
    },
    "jadwal.kolom_sisa_keluarga": {"id": "Sisa keluarga", "en": "Families left"},
    "jadwal.kolom_laju_7hari": {"id": "Laju 7 hari per hari", "en": "7-day pace a day"},
    "jadwal.kolom_selisih_hari": {"id": "Selisih", "en": "Gap"},
    "jadwal.selisih_hari": {"id": "{hari} hari", "en": "{hari} days"},
    "jadwal.akhir_tercapai": {"id": "Tercapai", "en": "Reached"},
    "jadwal.akhir_tepat": {"id": "Tepat waktu", "en": "On time"},
    "jadwal.akhir_terlambat": {"id": "Terlambat", "en": "Late"},
    "jadwal.akhir_tanpa_kemajuan": {"id": "Terlambat: macet", "en": "Late: stalled"},
    "jadwal.akhir_tanpa_jadwal": {"id": "Tanpa jadwal", "en": "No schedule"},
    "jadwal.akhir_tanpa_target": {"id": "Tanpa target", "en": "No target"},
    "jadwal.semua": {"id": "Semua kabupaten/kota", "en": "All regencies"},
    "jadwal.semua_catatan": {
        "id": "Sumbu sama di semua panel; garis hitam: tanggal keadaan.",
        "en": "The same axes in every panel; black line: the as-of day.",
    },
}
# Verdicts tinted like the status lights (words always beside the colour); others stay plain.
TINTS = {
    "tercapai": "hijau",
    "sesuai": "hijau",
    "tepat": "hijau",
    "kurang": "merah",
    "lewat": "merah",
    "terlambat": "merah",
    "tanpa_kemajuan": "merah",
}
# The words of each verdict: of the rate needed (queries/jadwal_laju_perlu.sql) and of the projection.
PACE_VERDICTS = {
    "tercapai": "jadwal.penilaian_tercapai",
    "sesuai": "jadwal.penilaian_sesuai",
    "kurang": "jadwal.penilaian_kurang",
    "lewat": "jadwal.penilaian_lewat",
}
FINISH_VERDICTS = {
    "tercapai": "jadwal.akhir_tercapai",
    "tepat": "jadwal.akhir_tepat",
    "terlambat": "jadwal.akhir_terlambat",
    "tanpa_kemajuan": "jadwal.akhir_tanpa_kemajuan",
    "tanpa_jadwal": "jadwal.akhir_tanpa_jadwal",
    "tanpa_target": "jadwal.akhir_tanpa_target",
}
# Order of the projection table: worst first.
VERDICT_ORDER = ["tanpa_kemajuan", "terlambat", "tepat", "tercapai", "tanpa_jadwal", "tanpa_target"]


def tinted(table: pd.DataFrame, column: str, verdicts: pd.Series):
    """The table with `column`'s cells tinted by each row's verdict."""
    styles = [f"background-color: {ui.STATUS_TINTS[TINTS[v]]}" if v in TINTS else "" for v in verdicts]
    return table.style.apply(lambda _: styles, subset=[column])


def show_table(table: pd.DataFrame, column: str, verdicts: pd.Series) -> None:
    """Every row (a regency's targets, or the regencies), `column` tinted by the verdicts."""
    ui.table(tinted(table, column, verdicts), max_rows=len(table))


def curve_words(frame: ui.Frame) -> charts.CurveWords:
    return charts.CurveWords(
        planned=frame.t("jadwal.rencana"),
        actual=frame.t("jadwal.realisasi"),
        y_title=frame.t("jadwal.sumbu_capaian"),
        as_of=frame.t("jadwal.per", tanggal=ui.date(frame.as_of, frame.lang)),
    )


def with_hover(curves: pd.DataFrame, frame: ui.Frame) -> pd.DataFrame:
    """Hover text for the planned and actual lines: area, day, figure."""
    heads = [
        f"<b>{ui.plain_plotly(row.nama_pendek)}</b><br>{ui.date(row.tanggal, frame.lang)}"
        for row in curves.itertuples()
    ]
    planned = [frame.t("jadwal.hover_rencana", persen=ui.percent(value)) for value in curves.harapan_persen]
    actual = [
        frame.t("jadwal.hover_realisasi", terdata=ui.number(row.terdata), persen=ui.percent(row.persen))
        for row in curves.itertuples()
    ]
    return curves.assign(
        hover_rencana=[f"{head}<br>{text}" for head, text in zip(heads, planned, strict=True)],
        hover_realisasi=[f"{head}<br>{text}" for head, text in zip(heads, actual, strict=True)],
    )


def milestones(stones: pd.DataFrame, frame: ui.Frame) -> list[charts.Milestone]:
    """The schedule's dates, labelled with the phase's name (and its target at its end)."""
    marks = []
    for stone in stones.itertuples():
        day = stone.tanggal.date()
        when, phase = charts.short_date(day, frame.lang), ui.plain_plotly(stone.tahap)  # from the file
        if stone.jenis == "mulai":
            label = frame.t("jadwal.tonggak_mulai", tanggal=when, tahap=phase)
        else:
            target = ui.percent(stone.target_persen, digits=0)
            label = frame.t("jadwal.tonggak_selesai", tanggal=when, tahap=phase, target=target)
        marks.append(charts.Milestone(day, label))
    return marks


def schedule_source(stones: pd.DataFrame, frame: ui.Frame) -> str:
    """Whose schedule a regency's plan is: its own or the province's (nothing to say for the province)."""
    if frame.kode_kab is None:
        return ""
    own = stones.sumber.iloc[0] == frame.kode_kab
    return frame.t("jadwal.sumber_sendiri" if own else "jadwal.sumber_provinsi")


@ui.per_version
def progress_section(curves: pd.DataFrame, frame: ui.Frame) -> None:
    t = frame.t
    st.subheader(t("jadwal.kurva"))
    stones = ui.ask("jadwal_tonggak", kab=frame.kode_kab)
    if stones.empty:
        st.info(t("jadwal.tanpa_jadwal"), icon=":material/event_busy:")
    area = curves[curves.kode_wilayah == (frame.kode_kab or ui.PROVINCE)]
    first, last = area.tanggal.min().date(), area.tanggal.max().date()
    figure = charts.progress_curve(
        with_hover(area, frame),
        milestones(stones, frame),
        frame.as_of,
        charts.date_ticks(first, last, (1, 15), frame.lang),
        curve_words(frame),
    )
    st.plotly_chart(figure, width="stretch", config={"displaylogo": False})
    if not stones.empty:
        st.caption(t("jadwal.kurva_catatan", sumber=schedule_source(stones, frame)))


def _days_left(days, frame: ui.Frame) -> str:
    count = frame.t("jadwal.selisih_hari", hari=ui.number(abs(days)))
    return count if days >= 0 else frame.t("jadwal.lewat_hari", hari=count)


def needed_pace_table(needed: pd.DataFrame, frame: ui.Frame) -> pd.DataFrame:
    t = frame.t
    return pd.DataFrame(
        {
            t("jadwal.kolom_tanggal_target"): needed.tanggal.map(lambda day: ui.date(day, frame.lang)),
            t("jadwal.kolom_tahap"): [
                f"{row.tahap} ({ui.percent(row.target_persen, digits=0)})" for row in needed.itertuples()
            ],
            t("jadwal.kolom_diperlukan"): needed.sisa_keluarga.map(ui.number),
            t("jadwal.kolom_sisa_hari"): needed.sisa_hari.map(lambda days: _days_left(days, frame)),
            t("jadwal.kolom_laju_perlu"): needed.laju_perlu.map(ui.rate),
            t("jadwal.kolom_laju_kini"): needed.laju_7hari.map(ui.rate),
            t("jadwal.kolom_rasio"): needed.rasio.map(
                lambda ratio: ui.rate(ratio) + "×" if pd.notna(ratio) else "—"
            ),
            t("jadwal.kolom_penilaian"): needed.penilaian.map(lambda verdict: t(PACE_VERDICTS[verdict])),
        }
    )


@ui.per_version
def needed_pace_section(needed: pd.DataFrame, frame: ui.Frame) -> None:
    st.subheader(frame.t("jadwal.perlu"))
    if needed.empty:
        st.info(frame.t("jadwal.tanpa_jadwal"), icon=":material/event_busy:")
        return
    show_table(needed_pace_table(needed, frame), frame.t("jadwal.kolom_penilaian"), needed.penilaian)
    st.caption(frame.t("jadwal.perlu_catatan"))


def next_target(needed: pd.DataFrame):
    """The nearest target still ahead and not yet reached, or None."""
    ahead = needed[needed.penilaian.isin(["sesuai", "kurang"])]
    return None if ahead.empty else ahead.iloc[0]


def needed_label(target, frame: ui.Frame) -> str | None:
    if target is None:
        return None
    return frame.t(
        "jadwal.garis_perlu",
        laju=ui.rate(target.laju_perlu),
        target=ui.percent(target.target_persen, digits=0),
        tanggal=ui.date(target.tanggal, frame.lang),
    )


@ui.per_version
def daily_section(needed: pd.DataFrame, frame: ui.Frame) -> None:
    t = frame.t
    st.subheader(t("jadwal.harian"))
    daily = ui.ask("jadwal_harian", as_of=frame.as_of, kab=frame.kode_kab)
    hover = [
        t(
            "jadwal.hover_harian",
            tanggal=ui.date(row.tanggal, frame.lang),
            terdata=ui.number(row.terdata),
            rata=ui.rate(row.rata_7hari),
        )
        for row in daily.itertuples()
    ]
    target = next_target(needed)
    words = charts.DailyWords(
        t("jadwal.keluarga_hari"),
        t("jadwal.rata_7hari"),
        t("jadwal.sumbu_keluarga"),
        needed_label(target, frame),
    )
    ticks = charts.date_ticks(daily.tanggal.min().date(), frame.as_of, (1, 8, 15, 22), frame.lang)
    figure = charts.daily_families(
        daily.assign(hover=hover), ticks, words, None if target is None else target.laju_perlu
    )
    st.plotly_chart(figure, width="stretch", config={"displaylogo": False})
    st.caption(t("jadwal.harian_catatan"))


def finish_verdict(area) -> str:
    """Whether the area finishes by its target date at the last 7 days' pace."""
    if area.target_keluarga == 0:
        return "tanpa_target"
    if area.tercapai:
        return "tercapai"
    if pd.isna(area.tanggal_target):
        return "tanpa_jadwal"
    if pd.isna(area.proyeksi_selesai):
        return "tanpa_kemajuan"
    return "terlambat" if area.proyeksi_selesai > area.tanggal_target else "tepat"


def _gap_days(area, frame: ui.Frame) -> str:
    if pd.isna(area.proyeksi_selesai) or pd.isna(area.tanggal_target):
        return "—"
    days = (area.proyeksi_selesai - area.tanggal_target).days
    return frame.t("jadwal.selisih_hari", hari=f"{days:+d}" if days else "0")


def finish_rows(areas: pd.DataFrame, frame: ui.Frame) -> pd.DataFrame:
    """The regencies (or the chosen one), worst first, then the province."""
    areas = areas.assign(penilaian=[finish_verdict(area) for area in areas.itertuples()])
    areas["urutan"] = areas.penilaian.map(VERDICT_ORDER.index)
    areas["terlambat_hari"] = (areas.proyeksi_selesai - areas.tanggal_target).dt.days
    regencies = areas[areas.kode_wilayah != ui.PROVINCE]
    if frame.kode_kab:
        regencies = regencies[regencies.kode_wilayah == frame.kode_kab]
    regencies = regencies.sort_values(["urutan", "terlambat_hari"], ascending=[True, False])
    return pd.concat([regencies, areas[areas.kode_wilayah == ui.PROVINCE]])


def finish_table(rows: pd.DataFrame, frame: ui.Frame) -> pd.DataFrame:
    t = frame.t
    return pd.DataFrame(
        {
            t("kolom.wilayah"): rows.nama_pendek,
            t("jadwal.kolom_tanggal_target"): rows.tanggal_target.map(lambda day: ui.date(day, frame.lang)),
            t("jadwal.kolom_sisa_keluarga"): rows.sisa_keluarga.map(ui.number),
            t("jadwal.kolom_laju_7hari"): rows.laju_7hari.map(ui.rate),
            t("kolom.proyeksi"): rows.proyeksi_selesai.map(lambda day: ui.date(day, frame.lang)),
            t("jadwal.kolom_selisih_hari"): [_gap_days(row, frame) for row in rows.itertuples()],
            t("jadwal.kolom_penilaian"): rows.penilaian.map(lambda verdict: t(FINISH_VERDICTS[verdict])),
        }
    )


@ui.per_version
def finish_section(areas: pd.DataFrame, frame: ui.Frame) -> None:
    st.subheader(frame.t("jadwal.proyeksi"))
    rows = finish_rows(areas, frame)
    show_table(finish_table(rows, frame), frame.t("jadwal.kolom_penilaian"), rows.penilaian)
    st.caption(frame.t("jadwal.proyeksi_catatan"))


@ui.per_version
def regencies_section(curves: pd.DataFrame, frame: ui.Frame) -> None:
    st.subheader(frame.t("jadwal.semua"))
    regencies = with_hover(curves[curves.kode_wilayah != ui.PROVINCE], frame)
    chosen = regencies.loc[regencies.kode_wilayah == frame.kode_kab, "nama_pendek"]
    first, last = regencies.tanggal.min().date(), regencies.tanggal.max().date()
    figure = charts.regency_panels(
        regencies,
        frame.as_of,
        charts.date_ticks(first, last, (1,), frame.lang),
        curve_words(frame),
        highlight=chosen.iloc[0] if len(chosen) else None,
    )
    st.plotly_chart(figure, width="stretch", config={"displaylogo": False})
    st.caption(frame.t("jadwal.semua_catatan"))


ui.add_words(WORDS)
frame = ui.frame()
ui.header(frame, frame.t("halaman.jadwal"))
curves = ui.ask("jadwal_kurva", as_of=frame.as_of)
needed = ui.ask("jadwal_laju_perlu", as_of=frame.as_of, kab=frame.kode_kab)
progress_section(curves, frame)
needed_pace_section(needed, frame)
daily_section(needed, frame)
finish_section(ui.ask("capaian_wilayah", as_of=frame.as_of), frame)
regencies_section(curves, frame)
