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
    "jadwal.satu_penilaian": {
        "id": "Status (warna) hanya satu: selisih capaian dari rencana hari ini, sama di semua halaman. "
        "Laju perlu dan proyeksi menjawab pertanyaan lain, yaitu apakah laju 7 hari terakhir, bila "
        "bertahan, mencapai target: wilayah yang tertinggal dari rencana hari ini bisa tetap terproyeksi "
        "selesai tepat waktu bila lajunya kini tinggi, dan sebaliknya.",
        "en": "There is one status (colour): the gap between completion and today's plan, the same on every "
        "page. The needed pace and the projection answer another question: whether the last 7 days' "
        "pace, kept up, reaches the target. An area behind today's plan may still be projected to finish "
        "on time when its pace is now high, and the other way round.",
    },
    "jadwal.kolom_tanggal_target": {"id": "Tanggal target", "en": "Target date"},
    "jadwal.kolom_tahap": {"id": "Tahap (target)", "en": "Phase (target)"},
    "jadwal.kolom_tahap_nama": {"id": "Tahap", "en": "Phase"},
    "jadwal.kolom_target_tahap": {"id": "Target tahap", "en": "Phase target"},
    "jadwal.kolom_diperlukan": {"id": "Keluarga diperlukan", "en": "Families needed"},
    "jadwal.kolom_sisa_hari": {"id": "Sisa hari", "en": "Days left"},
    "jadwal.kolom_laju_perlu": {"id": "Perlu per hari", "en": "Needed a day"},
    "jadwal.kolom_laju_kini": {"id": "Laju kini per hari", "en": "Current a day"},
    "jadwal.kolom_rasio": {"id": "Rasio perlu/kini", "en": "Needed/current"},
    "jadwal.kolom_penilaian": {"id": "Bila laju bertahan", "en": "If the pace holds"},
    "jadwal.penilaian_tercapai": {"id": "Tercapai", "en": "Reached"},
    "jadwal.penilaian_sesuai": {"id": "Cukup", "en": "Enough"},
    "jadwal.penilaian_kurang": {"id": "Perlu dipercepat", "en": "Must speed up"},
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
        "id": "Proyeksi: hari ini ditambah sisa keluarga dibagi laju 7 hari terakhir; macet bila tidak ada "
        "keluarga terdata dalam 7 hari. Selisih: hari dari "
        "proyeksi ke tanggal target (hari pertama jadwal mencapai target akhirnya); negatif berarti "
        "proyeksi jatuh setelah target, seperti selisih lain yang negatif berarti di belakang. Status: "
        "selisih dari rencana hari ini, seperti di Ringkasan. Urutan: status, lalu selisih hari.",
        "en": "Projection: today plus the families left divided by the last 7 days' pace; stalled when "
        "no family was registered in 7 days. Gap: days from "
        "the projection to the target date (the first day the schedule reaches its final target); "
        "negative means the projection falls after the target, as every negative gap means behind. "
        "Status: the gap to today's plan, as on the Overview. Order: status, then the gap in days.",
    },
    "jadwal.kolom_sisa_keluarga": {"id": "Sisa keluarga", "en": "Families left"},
    "jadwal.kolom_laju_7hari": {"id": "Laju 7 hari per hari", "en": "7-day pace a day"},
    "jadwal.kolom_selisih_hari": {"id": "Selisih", "en": "Gap"},
    "jadwal.semua": {"id": "Semua kabupaten/kota", "en": "All regencies"},
    "jadwal.semua_catatan": {
        "id": "Sumbu sama di semua panel; garis hitam: tanggal keadaan.",
        "en": "The same axes in every panel; black line: the as-of day.",
    },
}
# What the current pace says of each target still ahead (queries/jadwal_laju_perlu.sql).
PACE_VERDICTS = {
    "tercapai": "jadwal.penilaian_tercapai",
    "sesuai": "jadwal.penilaian_sesuai",
    "kurang": "jadwal.penilaian_kurang",
    "lewat": "jadwal.penilaian_lewat",
}


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


def progress_section(frame: ui.Frame) -> None:
    t = frame.t
    st.subheader(t("jadwal.kurva"))
    stones = ui.ask("jadwal_tonggak", kab=frame.kode_kab)
    if stones.empty:
        st.info(t("jadwal.tanpa_jadwal"), icon=":material/event_busy:")
    ui.chart(progress_figure, frame, title=t("jadwal.kurva"), name="jadwal_kurva")
    if not stones.empty:
        st.caption(t("jadwal.kurva_catatan", sumber=schedule_source(stones, frame)))


def progress_figure(frame: ui.Frame):
    """The area's planned and actual curves, with the schedule's milestones."""
    stones = ui.ask("jadwal_tonggak", kab=frame.kode_kab)
    curves = ui.ask("jadwal_kurva", as_of=frame.as_of)
    area = curves[curves.kode_wilayah == (frame.kode_kab or ui.PROVINCE)]
    first, last = area.tanggal.min().date(), area.tanggal.max().date()
    return charts.progress_curve(
        with_hover(area, frame),
        milestones(stones, frame),
        frame.as_of,
        charts.date_ticks(first, last, (1, 15), frame.lang),
        curve_words(frame),
    )


def needed_pace_table(frame: ui.Frame) -> ui.Table:
    t = frame.t
    needed = ui.ask("jadwal_laju_perlu", as_of=frame.as_of, kab=frame.kode_kab)
    phase = t("jadwal.kolom_tahap_nama")
    return ui.Table.of(
        {
            t("jadwal.kolom_tanggal_target"): ("date", needed.tanggal),
            phase: ("text", needed.tahap),
            t("jadwal.kolom_target_tahap"): ("+whole_percent", needed.target_persen),
            t("jadwal.kolom_diperlukan"): ("integer", needed.sisa_keluarga),
            t("jadwal.kolom_sisa_hari"): ("days_left", needed.sisa_hari),
            t("jadwal.kolom_laju_perlu"): ("decimal", needed.laju_perlu),
            t("jadwal.kolom_laju_kini"): ("decimal", needed.laju_7hari),
            t("jadwal.kolom_rasio"): ("ratio", needed.rasio),
            t("jadwal.kolom_penilaian"): (
                "text",
                needed.penilaian.map(lambda verdict: t(PACE_VERDICTS[verdict])),
            ),
        },
        page="jadwal",
        name="laju_perlu",
        title=t("jadwal.perlu"),
        shown_as=((phase, t("jadwal.kolom_tahap")),),
    )


def needed_pace_section(needed: pd.DataFrame, frame: ui.Frame) -> None:
    st.subheader(frame.t("jadwal.perlu"))
    if needed.empty:
        st.info(frame.t("jadwal.tanpa_jadwal"), icon=":material/event_busy:")
        return
    ui.table(needed_pace_table, frame, max_rows=None)
    st.caption(frame.t("jadwal.perlu_catatan") + " " + frame.t("jadwal.satu_penilaian"))


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


def daily_section(frame: ui.Frame) -> None:
    t = frame.t
    st.subheader(t("jadwal.harian"))
    ui.chart(daily_figure, frame, title=t("jadwal.harian"), name="jadwal_harian")
    st.caption(t("jadwal.harian_catatan"))


def daily_figure(frame: ui.Frame):
    t = frame.t
    needed = ui.ask("jadwal_laju_perlu", as_of=frame.as_of, kab=frame.kode_kab)
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
    return charts.daily_families(
        daily.assign(hover=hover), ticks, words, None if target is None else target.laju_perlu
    )


def finish_rows(areas: pd.DataFrame, frame: ui.Frame) -> pd.DataFrame:
    """The regencies (or the chosen one), worst status first and then the latest projection, then the
    province."""
    areas = areas.assign(
        urutan=areas.status.map({"merah": 0, "kuning": 1, "hijau": 2}).fillna(3),
        selisih_hari=(areas.tanggal_target - areas.proyeksi_selesai).dt.days,
    )
    regencies = areas[areas.kode_wilayah != ui.PROVINCE]
    if frame.kode_kab:
        regencies = regencies[regencies.kode_wilayah == frame.kode_kab]
    regencies = regencies.sort_values(["urutan", "selisih_hari"], na_position="first")
    return pd.concat([regencies, areas[areas.kode_wilayah == ui.PROVINCE]])


def finish_table(frame: ui.Frame) -> ui.Table:
    t = frame.t
    rows = finish_rows(ui.ask("capaian_wilayah", as_of=frame.as_of), frame)
    return ui.Table.of(
        {
            t("kolom.wilayah"): ("text", rows.nama_pendek),
            t("kolom.status"): ("status", rows.status.map(lambda value: ui.status(value, frame))),
            t("jadwal.kolom_tanggal_target"): ("date", rows.tanggal_target),
            t("jadwal.kolom_sisa_keluarga"): ("integer", rows.sisa_keluarga),
            t("jadwal.kolom_laju_7hari"): ("decimal", rows.laju_7hari),
            t("kolom.proyeksi"): ("date", [ui.projected(row, frame) for row in rows.itertuples()]),
            # Days from the projection to the target date: negative when the projection falls after it.
            t("jadwal.kolom_selisih_hari"): ("days", rows.selisih_hari),
        },
        page="jadwal",
        name="proyeksi",
        title=t("jadwal.proyeksi"),
    )


def finish_section(frame: ui.Frame) -> None:
    st.subheader(frame.t("jadwal.proyeksi"))
    ui.table(finish_table, frame, max_rows=None)
    st.caption(frame.t("jadwal.proyeksi_catatan") + " " + frame.t("status.bantuan"))


def regencies_section(frame: ui.Frame) -> None:
    title = frame.t("jadwal.semua")
    st.subheader(title)
    ui.chart(regencies_figure, frame, title=title, name="jadwal_kabupaten")
    st.caption(frame.t("jadwal.semua_catatan"))


def regencies_figure(frame: ui.Frame):
    curves = ui.ask("jadwal_kurva", as_of=frame.as_of)
    regencies = with_hover(curves[curves.kode_wilayah != ui.PROVINCE], frame)
    chosen = regencies.loc[regencies.kode_wilayah == frame.kode_kab, "nama_pendek"]
    first, last = regencies.tanggal.min().date(), regencies.tanggal.max().date()
    return charts.regency_panels(
        regencies,
        frame.as_of,
        charts.date_ticks(first, last, (1,), frame.lang),
        curve_words(frame),
        highlight=chosen.iloc[0] if len(chosen) else None,
    )


ui.add_words(WORDS)
frame = ui.frame()
ui.header(frame, frame.t("halaman.jadwal"))
needed = ui.ask("jadwal_laju_perlu", as_of=frame.as_of, kab=frame.kode_kab)
areas = ui.ask("capaian_wilayah", as_of=frame.as_of)
ui.area_status(areas[areas.kode_wilayah == (frame.kode_kab or ui.PROVINCE)].iloc[0], frame)
progress_section(frame)
needed_pace_section(needed, frame)
daily_section(frame)
finish_section(frame)
regencies_section(frame)
