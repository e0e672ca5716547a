"""Alur dokumen: the paper forms from enumeration to the PML's check to the BPS regency office,
and the anomalies worth a phone call."""

import numpy as np
import pandas as pd
import streamlit as st

from pages import ui
from pages.charts.alur import BUCKET_COLOURS, backlog_bars

WORDS = {
    "alur.terdata": {"id": "Keluarga terdata", "en": "Families registered"},
    "alur.diperiksa": {"id": "Diperiksa PML", "en": "Checked by the PML"},
    "alur.diterima": {"id": "Diterima BPS kab/kota", "en": "Received by BPS regency"},
    "alur.dari_terdata": {"id": "{persen} dari terdata", "en": "{persen} of registered"},
    "alur.menunggu_periksa": {"id": "Menunggu diperiksa", "en": "Waiting for the check"},
    "alur.menunggu_terima": {"id": "Menunggu diterima", "en": "Waiting for receipt"},
    "alur.median_periksa": {"id": "Median ke diperiksa", "en": "Median to checked"},
    "alur.median_terima": {"id": "Median ke diterima", "en": "Median to received"},
    "alur.tertahan": {"id": "Tertahan lebih dari 14 hari", "en": "Held more than 14 days"},
    "alur.tertahan_bantuan": {
        "id": "Formulir yang menunggu pemeriksaan atau penerimaan lebih dari 14 hari sejak langkah "
        "sebelumnya.",
        "en": "Forms waiting for the check or for receipt more than 14 days after the previous step.",
    },
    "alur.median_bantuan_periksa": {
        "id": "Hari dari didata sampai diperiksa PML, median atas formulir yang sudah diperiksa.",
        "en": "Days from enumeration to the PML's check, median over the forms checked by this day.",
    },
    "alur.median_bantuan_terima": {
        "id": "Hari dari diperiksa sampai diterima BPS kab/kota, median atas formulir yang sudah diterima.",
        "en": "Days from the check to receipt at the BPS regency office, median over the forms received.",
    },
    "alur.hari": {"id": "{hari} hari", "en": "{hari} days"},
    "alur.per_kab": {"id": "Alur per kabupaten/kota", "en": "Pipeline by regency"},
    "alur.catatan_tabel": {
        "id": "Setiap langkah dihitung dari tanggalnya sendiri sampai tanggal ini. Median hari atas formulir "
        "yang sudah melewati langkah itu. Baris terakhir: provinsi.",
        "en": "Each step counts from its own date up to this day. Median days over the forms that made the "
        "step. Last row: the province.",
    },
    "alur.antrean": {"id": "Antrean menurut umur", "en": "Backlog by age"},
    "alur.catatan_antrean": {
        "id": "Umur: hari sejak didata (menunggu diperiksa) atau sejak diperiksa (menunggu diterima).",
        "en": "Age: days since enumeration (waiting for the check) or since the check (waiting for receipt).",
    },
    "alur.tanpa_antrean": {"id": "Tidak ada formulir yang menunggu.", "en": "No form is waiting."},
    "alur.anomali_hanya_bps": {
        "id": "Anomali menyebut petugas dan keluarga: hanya untuk akun BPS.",
        "en": "The anomalies name officers and families: for BPS accounts only.",
    },
    "alur.anomali": {"id": "Anomali yang perlu ditelepon", "en": "Anomalies worth a call"},
    "alur.anomali_harian": {
        "id": "Petugas dengan lebih dari 40 keluarga dalam sehari",
        "en": "Officers with more than 40 families in one day",
    },
    "alur.anomali_tanggal": {"id": "Tanggal pendataan yang mustahil", "en": "Impossible enumeration dates"},
    "alur.anomali_sls": {
        "id": "Keluarga di SLS yang ditugaskan kepada PPL lain",
        "en": "Families in an SLS assigned to another PPL",
    },
    "alur.anomali_wilayah": {
        "id": "Keluarga di luar kabupaten/kota petugas atau desknya",
        "en": "Families outside their officer's or desk's regency",
    },
    "alur.alasan.sls_petugas": {
        "id": "SLS di luar kabupaten/kota petugas ({kab_petugas})",
        "en": "SLS outside the officer's regency ({kab_petugas})",
    },
    "alur.alasan.desk": {
        "id": "Dilayani di desk kabupaten/kota lain: {desk} ({kab_desk})",
        "en": "Served at another regency's desk: {desk} ({kab_desk})",
    },
    "alur.cek_wilayah": {
        "id": "Kode SLS salah, atau petugas dipinjam tanpa penugasan baru?",
        "en": "A wrong SLS code, or an officer lent without a new assignment?",
    },
    "alur.tidak_ada": {"id": "Tidak ada.", "en": "None."},
    "alur.catatan_tanggal": {
        "id": "Tanggal sesudah hari data dimuat ditampilkan pada setiap tanggal keadaan sampai ekspornya "
        "diperbaiki.",
        "en": "Dates after the day the data were loaded show on every as-of day until the export is "
        "corrected.",
    },
    "alur.cek_harian": {
        "id": "Benar didata hari itu, atau entri tumpukan?",
        "en": "Really enumerated that day, or a backlog entered at once?",
    },
    "alur.alasan.sebelum_mulai": {
        "id": "Sebelum pendataan mulai ({tanggal})",
        "en": "Before the campaign started ({tanggal})",
    },
    "alur.alasan.setelah_muat": {
        "id": "Sesudah hari data dimuat ({tanggal})",
        "en": "After the day the data were loaded ({tanggal})",
    },
    "alur.cek_tanggal": {
        "id": "Tanggal di formulir K; perbaiki ekspor",
        "en": "Date on the K form; fix the export",
    },
    "alur.cek_sls": {
        "id": "Kode SLS di formulir, atau perbarui penugasan",
        "en": "SLS code on the form, or update the assignment",
    },
    "alur.kolom.petugas": {"id": "Petugas", "en": "Officer"},
    "alur.kolom.peran": {"id": "Peran", "en": "Role"},
    "alur.kolom.tanggal": {"id": "Tanggal didata", "en": "Enumerated on"},
    "alur.kolom.keluarga": {"id": "Keluarga", "en": "Families"},
    "alur.kolom.sls": {"id": "SLS", "en": "SLS"},
    "alur.kolom.alasan": {"id": "Masalah", "en": "Problem"},
    "alur.kolom.contoh": {"id": "Contoh keluarga", "en": "Example families"},
    "alur.kolom.ppl_sls": {"id": "PPL yang ditugaskan", "en": "Assigned PPL"},
    "alur.kolom.rentang": {"id": "Tanggal didata", "en": "Enumerated"},
    "alur.kolom.rentang_awal": {"id": "Tanggal didata pertama", "en": "First enumerated"},
    "alur.kolom.rentang_akhir": {"id": "Tanggal didata terakhir", "en": "Last enumerated"},
    "alur.kolom.cek": {"id": "Yang perlu dicek", "en": "What to check"},
    "alur.kolom.diperiksa": {"id": "Diperiksa", "en": "Checked"},
    "alur.kolom.diterima": {"id": "Diterima", "en": "Received"},
    "alur.kolom.diperiksa_persen": {"id": "Diperiksa (% terdata)", "en": "Checked (% registered)"},
    "alur.kolom.diterima_persen": {"id": "Diterima (% terdata)", "en": "Received (% registered)"},
    "alur.kolom.menunggu_periksa": {"id": "Menunggu diperiksa", "en": "Waiting for check"},
    "alur.kolom.menunggu_terima": {"id": "Menunggu diterima", "en": "Waiting for receipt"},
    "alur.kolom.hari_periksa": {"id": "Hari → diperiksa", "en": "Days → checked"},
    "alur.kolom.hari_terima": {"id": "Hari → diterima", "en": "Days → received"},
    "alur.grafik.periksa": {"id": "Menunggu diperiksa PML", "en": "Waiting for the PML's check"},
    "alur.grafik.terima": {"id": "Menunggu diterima BPS kab/kota", "en": "Waiting for receipt at BPS"},
    "alur.grafik.keluarga": {"id": "Formulir keluarga", "en": "Family forms"},
    "alur.grafik.umur": {"id": "Umur antrean", "en": "Age of the wait"},
    "alur.grafik.kelompok": {"id": "{kelompok} hari", "en": "{kelompok} days"},
    "alur.hover.antrean": {
        "id": "{wilayah}: {jumlah} formulir menunggu {kelompok} hari",
        "en": "{wilayah}: {jumlah} forms waiting {kelompok} days",
    },
}
BUCKET_NAMES = {"0-3": "0–3", "4-7": "4–7", "8-14": "8–14", ">14": "> 14"}


def percent_of(part, whole):
    """`part` as a percentage of `whole` (none of nothing): numbers or columns."""
    return 100 * part / np.where(whole > 0, whole, np.nan)


def share(part, whole) -> str:
    return ui.percent(percent_of(part, whole))


def days(value, frame: ui.Frame) -> str:
    return "—" if pd.isna(value) else frame.t("alur.hari", hari=ui.rate(value))


def headline(area, held: int, frame: ui.Frame) -> None:
    t = frame.t
    first, second = st.columns(4), st.columns(4)
    first[0].metric(t("alur.terdata"), ui.number(area.terdata), border=True)
    for column, key, label in zip(
        first[1:3], ["diperiksa", "diterima"], ["alur.diperiksa", "alur.diterima"], strict=True
    ):
        column.metric(
            t(label),
            ui.number(area[key]),
            delta=t("alur.dari_terdata", persen=share(area[key], area.terdata)),
            delta_color="off",
            delta_arrow="off",
            border=True,
        )
    first[3].metric(t("alur.menunggu_periksa"), ui.number(area.menunggu_periksa), border=True)
    second[0].metric(t("alur.menunggu_terima"), ui.number(area.menunggu_terima), border=True)
    medians = [
        ("median_hari_periksa", "alur.median_periksa", "alur.median_bantuan_periksa"),
        ("median_hari_terima", "alur.median_terima", "alur.median_bantuan_terima"),
    ]
    for column, (key, label, hint) in zip(second[1:3], medians, strict=True):
        column.metric(t(label), days(area[key], frame), border=True, help=t(hint))
    second[3].metric(t("alur.tertahan"), ui.number(held), border=True, help=t("alur.tertahan_bantuan"))


def pipeline_table(frame: ui.Frame) -> ui.Table:
    t = frame.t
    steps = ui.ask("alur_tahap", as_of=frame.as_of, kab=frame.kode_kab)
    return ui.Table.of(
        {
            t("kolom.wilayah"): ("text", steps.nama_pendek),
            t("kolom.terdata"): ("integer", steps.terdata),
            t("alur.kolom.diperiksa"): ("integer", steps.diperiksa),
            t("alur.kolom.diperiksa_persen"): ("+percent", percent_of(steps.diperiksa, steps.terdata)),
            t("alur.kolom.diterima"): ("integer", steps.diterima),
            t("alur.kolom.diterima_persen"): ("+percent", percent_of(steps.diterima, steps.terdata)),
            t("alur.kolom.menunggu_periksa"): ("integer", steps.menunggu_periksa),
            t("alur.kolom.menunggu_terima"): ("integer", steps.menunggu_terima),
            t("alur.kolom.hari_periksa"): ("decimal", steps.median_hari_periksa),
            t("alur.kolom.hari_terima"): ("decimal", steps.median_hari_terima),
        },
        page="alur",
        name="tahap",
        title=t("alur.per_kab"),
    )


def backlog_section(empty: bool, frame: ui.Frame) -> None:
    t = frame.t
    st.subheader(t("alur.antrean"))
    if empty:
        st.info(t("alur.tanpa_antrean"))
        return
    ui.chart(backlog_figure, frame, title=t("alur.antrean"), name="alur_antrean")
    st.caption(t("alur.catatan_antrean"))


def backlog_figure(frame: ui.Frame):
    t = frame.t
    backlog = ui.ask("alur_antrean", as_of=frame.as_of, kab=frame.kode_kab)
    backlog = backlog.assign(
        hover=[
            t(
                "alur.hover.antrean",
                wilayah=ui.plain_plotly(row.nama_pendek),
                jumlah=ui.number(row.keluarga),
                kelompok=BUCKET_NAMES[row.kelompok],
            )
            for row in backlog.itertuples()
        ]
    )
    return backlog_bars(
        backlog,
        step_titles={"periksa": t("alur.grafik.periksa"), "terima": t("alur.grafik.terima")},
        bucket_labels={key: t("alur.grafik.kelompok", kelompok=BUCKET_NAMES[key]) for key in BUCKET_COLOURS},
        words={"sumbu_x": t("alur.grafik.keluarga"), "legenda": t("alur.grafik.umur")},
    )


def officer(row) -> str:
    return f"{row.id_petugas} – {row.nama}"


def busy_days_table(frame: ui.Frame) -> ui.Table:
    rows = ui.ask("alur_petugas_harian", as_of=frame.as_of, kab=frame.kode_kab)
    t = frame.t
    return anomaly_table(
        frame,
        "alur_petugas_harian",
        "alur.anomali_harian",
        {
            t("alur.kolom.petugas"): ("text", [officer(row) for row in rows.itertuples()]),
            t("alur.kolom.peran"): ("text", rows.peran),
            t("kolom.wilayah"): ("text", rows.nama_pendek),
            t("alur.kolom.tanggal"): ("date", rows.tanggal),
            t("alur.kolom.keluarga"): ("integer", rows.keluarga),
            t("alur.kolom.cek"): ("text", t("alur.cek_harian")),
        },
    )


def odd_dates_table(frame: ui.Frame) -> ui.Table:
    rows = ui.ask("alur_tanggal_janggal", as_of=frame.as_of, kab=frame.kode_kab)
    t = frame.t

    def reason(row) -> str:
        limit = row.tanggal_mulai if row.alasan == "sebelum_mulai" else row.tanggal_muat
        return t(ODD_DATE_REASONS[row.alasan], tanggal=ui.date(limit, frame.lang))

    return anomaly_table(
        frame,
        "alur_tanggal_janggal",
        "alur.anomali_tanggal",
        {
            t("alur.kolom.alasan"): ("text", [reason(row) for row in rows.itertuples()]),
            t("alur.kolom.petugas"): ("text", [officer(row) for row in rows.itertuples()]),
            t("kolom.wilayah"): ("text", rows.nama_pendek),
            t("alur.kolom.tanggal"): ("date", rows.tanggal),
            t("alur.kolom.keluarga"): ("integer", rows.keluarga),
            t("alur.kolom.contoh"): ("text", rows.contoh_keluarga.map(", ".join)),
            t("alur.kolom.cek"): ("text", t("alur.cek_tanggal")),
        },
    )


def other_sls_table(frame: ui.Frame) -> ui.Table:
    """The days the families were enumerated show as one span on the grid (anomaly_table)."""
    rows = ui.ask("alur_luar_penugasan", as_of=frame.as_of, kab=frame.kode_kab)
    t = frame.t
    return anomaly_table(
        frame,
        "alur_luar_penugasan",
        "alur.anomali_sls",
        {
            t("alur.kolom.petugas"): ("text", [officer(row) for row in rows.itertuples()]),
            t("alur.kolom.sls"): (
                "text",
                [
                    f"{row.nama_sls}, {row.nama_desa}, {row.nama_kec} ({row.idsubsls})"
                    for row in rows.itertuples()
                ],
            ),
            t("kolom.wilayah"): ("text", rows.nama_pendek),
            t("alur.kolom.ppl_sls"): (
                "text",
                [f"{row.id_ppl_sls} – {row.nama_ppl_sls}" for row in rows.itertuples()],
            ),
            t("alur.kolom.keluarga"): ("integer", rows.keluarga),
            t("alur.kolom.rentang_awal"): ("date", rows.tanggal_awal),
            t("alur.kolom.rentang_akhir"): ("+date", rows.tanggal_akhir),
            t("alur.kolom.cek"): ("text", t("alur.cek_sls")),
        },
    )


def outside_table(frame: ui.Frame) -> ui.Table:
    rows = ui.ask("alur_luar_wilayah", as_of=frame.as_of, kab=frame.kode_kab)
    t = frame.t

    def reason(row) -> str:
        words = {
            "kab_petugas": row.nama_pendek_petugas,
            "desk": row.nama_lokasi,
            "kab_desk": row.nama_pendek_desk,
        }
        return t(OUTSIDE_REASONS[row.alasan], **words)

    return anomaly_table(
        frame,
        "alur_luar_wilayah",
        "alur.anomali_wilayah",
        {
            t("alur.kolom.alasan"): ("text", [reason(row) for row in rows.itertuples()]),
            t("alur.kolom.petugas"): ("text", [officer(row) for row in rows.itertuples()]),
            t("kolom.wilayah"): ("text", rows.nama_pendek),
            t("alur.kolom.keluarga"): ("integer", rows.keluarga),
            t("alur.kolom.contoh"): ("text", rows.contoh_keluarga.map(", ".join)),
            t("alur.kolom.cek"): ("text", t("alur.cek_wilayah")),
        },
    )


# The words of each reason the anomaly questions give.
ODD_DATE_REASONS = {"sebelum_mulai": "alur.alasan.sebelum_mulai", "setelah_muat": "alur.alasan.setelah_muat"}
OUTSIDE_REASONS = {"sls_petugas": "alur.alasan.sls_petugas", "desk": "alur.alasan.desk"}
# Each anomaly's question and the table it is shown as.
ANOMALY_TABLES = {
    "alur_petugas_harian": busy_days_table,
    "alur_tanggal_janggal": odd_dates_table,
    "alur_luar_penugasan": other_sls_table,
    "alur_luar_wilayah": outside_table,
}


def anomaly_table(
    frame: ui.Frame, query: str, title_key: str, columns: dict[str, tuple[str, object]]
) -> ui.Table:
    """An anomaly's table, the answer to `query`, named after it; a span of days shows as one column on
    the grid."""
    shown_as = ((frame.t("alur.kolom.rentang_awal"), frame.t("alur.kolom.rentang")),)
    name = query.removeprefix("alur_")
    return ui.Table.of(columns, page="alur", name=name, title=frame.t(title_key), shown_as=shown_as)


def anomaly(
    title_key: str, query: str, rows: pd.DataFrame, frame: ui.Frame, note_key: str | None = None
) -> None:
    """An anomaly's table: `rows`, the answer to `query`, as that question's table."""
    st.markdown(f"**{frame.t(title_key)}**")
    if rows.empty:
        st.success(frame.t("alur.tidak_ada"), icon=":material/check_circle:")
    else:
        ui.table(ANOMALY_TABLES[query], frame)
    if note_key:
        st.caption(frame.t(note_key))


def pipeline_section(frame: ui.Frame) -> None:
    st.subheader(frame.t("alur.per_kab"))
    ui.table(pipeline_table, frame)
    st.caption(frame.t("alur.catatan_tabel"))


ui.add_words(WORDS)
frame = ui.frame()
ui.header(frame, frame.t("halaman.alur"))
steps = ui.ask("alur_tahap", as_of=frame.as_of, kab=frame.kode_kab)
backlog = ui.ask("alur_antrean", as_of=frame.as_of, kab=frame.kode_kab)
chosen = steps[steps.kode_wilayah == (frame.kode_kab or ui.PROVINCE)].iloc[0]
headline(chosen, int(backlog.loc[backlog.kelompok == ">14", "keluarga"].sum()), frame)
pipeline_section(frame)
backlog_section(backlog.empty, frame)
st.subheader(frame.t("alur.anomali"))
# The anomalies name officers and families: only for those who may see them.
if ui.may_ask("alur_petugas_harian"):
    anomaly(
        "alur.anomali_harian",
        "alur_petugas_harian",
        ui.ask("alur_petugas_harian", as_of=frame.as_of, kab=frame.kode_kab),
        frame,
    )
    anomaly(
        "alur.anomali_tanggal",
        "alur_tanggal_janggal",
        ui.ask("alur_tanggal_janggal", as_of=frame.as_of, kab=frame.kode_kab),
        frame,
        "alur.catatan_tanggal",
    )
    anomaly(
        "alur.anomali_sls",
        "alur_luar_penugasan",
        ui.ask("alur_luar_penugasan", as_of=frame.as_of, kab=frame.kode_kab),
        frame,
    )
    anomaly(
        "alur.anomali_wilayah",
        "alur_luar_wilayah",
        ui.ask("alur_luar_wilayah", as_of=frame.as_of, kab=frame.kode_kab),
        frame,
    )
else:
    st.caption(frame.t("alur.anomali_hanya_bps"))
