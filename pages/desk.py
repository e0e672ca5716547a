"""Desk kolektif: how the collective desks serve families, and the house checks they leave behind."""

import pandas as pd
import streamlit as st
from babel.dates import format_date

from pages import ui
from pages.charts.desk import arrivals_heatmap, share_lines

DESK_CITY = "6472"  # Samarinda, where the desks are, compared with the province unless a regency is chosen
# The house checks pending by age: each column of desk_cek_rumah and its words.
AGE_BUCKETS = {
    "menunggu_0_3": "desk.kolom.menunggu_0_3",
    "menunggu_4_7": "desk.kolom.menunggu_4_7",
    "menunggu_8_14": "desk.kolom.menunggu_8_14",
    "menunggu_lebih_14": "desk.kolom.menunggu_lebih_14",
}
# Waiting and service times: each column of desk_layanan, its headline words and its column's words.
TIMES = {
    "tunggu_median": ("desk.tunggu_median", "desk.kolom.tunggu_median"),
    "tunggu_p90": ("desk.tunggu_p90", "desk.kolom.tunggu_p90"),
    "layanan_median": ("desk.layanan_median", "desk.kolom.layanan_median"),
    "layanan_p90": ("desk.layanan_p90", "desk.kolom.layanan_p90"),
}
WORDS = {
    "desk.dilayani": {"id": "Keluarga dilayani di desk", "en": "Families served at desks"},
    "desk.per_jam_meja": {"id": "Keluarga per meja-jam", "en": "Families per counter-hour"},
    "desk.per_jam_meja_bantuan": {
        "id": "Keluarga dilayani dibagi (jumlah meja × 7 jam hari kerja) pada setiap hari desk melayani.",
        "en": "Families served divided by (counters × a 7-hour office day) on every day the desk served.",
    },
    "desk.cek_tertunda": {"id": "Cek rumah tertunda", "en": "House checks pending"},
    "desk.cek_tertunda_dari": {
        "id": "{persen} dari {total} keluarga desk",
        "en": "{persen} of {total} desk families",
    },
    "desk.cek_tertunda_bantuan": {
        "id": "Keluarga desk yang rumahnya belum dicek PPL sampai hari ini.",
        "en": "Desk families whose house the PPL has not checked by this day.",
    },
    "desk.lokasi_aktif": {"id": "Lokasi desk", "en": "Desk sites"},
    "desk.tunggu_median": {"id": "Waktu tunggu, median", "en": "Waiting time, median"},
    "desk.tunggu_p90": {"id": "Waktu tunggu, persentil 90", "en": "Waiting time, 90th percentile"},
    "desk.layanan_median": {"id": "Waktu layanan, median", "en": "Service time, median"},
    "desk.layanan_p90": {"id": "Waktu layanan, persentil 90", "en": "Service time, 90th percentile"},
    "desk.tunggu_bantuan": {
        "id": "Dari kedatangan sampai wawancara dimulai.",
        "en": "From arrival to the start of the interview.",
    },
    "desk.layanan_bantuan": {
        "id": "Dari wawancara dimulai sampai selesai.",
        "en": "From the start of the interview to its end.",
    },
    "desk.menit": {"id": "{nilai} menit", "en": "{nilai} min"},
    "desk.kosong": {
        "id": "Belum ada keluarga yang didata di desk kolektif di wilayah ini sampai tanggal ini.",
        "en": "No family has been registered at a collective desk in this area by this day.",
    },
    "desk.per_lokasi": {"id": "Layanan per lokasi desk", "en": "Service by desk site"},
    "desk.per_hari": {"id": "Layanan per lokasi dan hari", "en": "Service by site and day"},
    "desk.catatan_layanan": {
        "id": "Waktu tunggu dan layanan dalam menit. Jam buka dihitung tetap 7 jam hari kerja "
        "(08.00–15.00 WITA) per meja pada setiap hari desk "
        "melayani keluarga. Waktu tunggu: kedatangan sampai wawancara dimulai; waktu layanan: wawancara "
        "dimulai sampai selesai. Persentil 90: 9 dari 10 keluarga menunggu atau dilayani paling lama selama "
        "ini. Lokasi dihitung di kabupaten/kota tempat desk berada.",
        "en": "Waiting and service times in minutes. Opening hours are a fixed 7-hour office day "
        "(08.00–15.00 WITA) per counter on every day the "
        "desk served a family. Waiting time: arrival to the start of the interview; service time: start to "
        "end of the interview. 90th percentile: 9 in 10 families waited or were served at most this long. "
        "A site counts in the regency where it stands.",
    },
    "desk.semua_lokasi": {"id": "Semua lokasi", "en": "All sites"},
    "desk.kedatangan": {"id": "Kedatangan per jam", "en": "Arrivals by hour"},
    "desk.pilih_lokasi": {"id": "Lokasi desk", "en": "Desk site"},
    "desk.catatan_kedatangan": {
        "id": "Jumlah keluarga yang datang pada jam itu (WITA). Kolom kosong: hari tanpa kedatangan.",
        "en": "Families arriving in that hour (WITA). Empty column: a day without arrivals.",
    },
    "desk.porsi": {
        "id": "Porsi desk dari semua keluarga terdata",
        "en": "Desks' share of all families registered",
    },
    "desk.catatan_porsi": {
        "id": "Kumulatif sampai setiap hari: keluarga yang didata di desk dibagi semua keluarga terdata, "
        "menurut kabupaten/kota rumah keluarga.",
        "en": "Cumulative to each day: families registered at a desk divided by all families registered, "
        "by the regency of the family's home.",
    },
    "desk.cek_rumah": {"id": "Cek rumah yang masih menunggu", "en": "House checks still pending"},
    "desk.cek_per_lokasi": {"id": "Menurut lokasi desk", "en": "By desk site"},
    "desk.cek_per_kab": {"id": "Menurut kabupaten/kota rumah", "en": "By regency of the home"},
    "desk.catatan_cek": {
        "id": "Umur: hari sejak wawancara di desk sampai tanggal ini. Cek rumah dihitung tertunda bila "
        "tanggalnya kosong atau sesudah tanggal ini. Wilayah yang dipilih menyaring menurut rumah keluarga.",
        "en": "Age: days from the desk interview to this day. A house check is pending when its date is "
        "empty or later than this day. The chosen regency filters by the family's home.",
    },
    "desk.tidak_ada_cek": {
        "id": "Tidak ada keluarga desk di wilayah ini sampai tanggal ini.",
        "en": "No desk family in this area by this day.",
    },
    "desk.kolom.lokasi": {"id": "Lokasi desk", "en": "Desk site"},
    "desk.kolom.tanggal": {"id": "Tanggal", "en": "Date"},
    "desk.kolom.meja": {"id": "Meja", "en": "Counters"},
    "desk.kolom.dilayani": {"id": "Dilayani", "en": "Served"},
    "desk.kolom.per_jam_meja": {"id": "Per meja-jam", "en": "Per counter-hour"},
    "desk.kolom.tunggu_median": {"id": "Tunggu median", "en": "Wait median"},
    "desk.kolom.tunggu_p90": {"id": "Tunggu P90", "en": "Wait P90"},
    "desk.kolom.layanan_median": {"id": "Layanan median", "en": "Service median"},
    "desk.kolom.layanan_p90": {"id": "Layanan P90", "en": "Service P90"},
    "desk.kolom.keluarga_desk": {"id": "Keluarga desk", "en": "Desk families"},
    "desk.kolom.menunggu": {"id": "Menunggu cek", "en": "Pending"},
    "desk.kolom.menunggu_persen": {"id": "% menunggu", "en": "% pending"},
    "desk.kolom.menunggu_0_3": {"id": "0–3 hari", "en": "0–3 days"},
    "desk.kolom.menunggu_4_7": {"id": "4–7 hari", "en": "4–7 days"},
    "desk.kolom.menunggu_8_14": {"id": "8–14 hari", "en": "8–14 days"},
    "desk.kolom.menunggu_lebih_14": {"id": "> 14 hari", "en": "> 14 days"},
    "desk.kolom.umur_tertua": {"id": "Tertua (hari)", "en": "Oldest (days)"},
    "desk.grafik.hari": {"id": "Tanggal", "en": "Date"},
    "desk.grafik.jam": {"id": "Jam kedatangan (WITA)", "en": "Arrival hour (WITA)"},
    "desk.grafik.kedatangan": {"id": "Keluarga", "en": "Families"},
    "desk.grafik.porsi": {"id": "Porsi desk (kumulatif)", "en": "Desk share (cumulative)"},
    "desk.hover.kedatangan": {
        "id": "{tanggal}, {jam}: {jumlah} keluarga datang",
        "en": "{tanggal}, {jam}: {jumlah} families arrived",
    },
    "desk.hover.porsi": {
        "id": "Desk: {desk} dari {semua} keluarga ({persen})",
        "en": "Desks: {desk} of {semua} families ({persen})",
    },
}


def short_date(value, lang: str) -> str:
    return format_date(pd.Timestamp(value).date(), "d MMM", locale=lang)


def hour_label(hour: int) -> str:
    return f"{hour:02d}.00"


def minutes(value, frame: ui.Frame) -> str:
    return "—" if pd.isna(value) else frame.t("desk.menit", nilai=ui.rate(value))


def headline(total, checks, sites: int, frame: ui.Frame) -> None:
    t = frame.t
    first, second = st.columns(4), st.columns(4)
    first[0].metric(t("desk.dilayani"), ui.number(total.dilayani), border=True)
    first[1].metric(
        t("desk.per_jam_meja"), ui.rate(total.per_jam_meja), border=True, help=t("desk.per_jam_meja_bantuan")
    )
    first[2].metric(t("desk.lokasi_aktif"), ui.number(sites), border=True)
    first[3].metric(
        t("desk.cek_tertunda"),
        ui.number(checks.menunggu),
        delta=t(
            "desk.cek_tertunda_dari",
            persen=ui.percent(checks.menunggu_persen),
            total=ui.number(checks.keluarga_desk),
        ),
        delta_color="off",
        delta_arrow="off",
        border=True,
        help=t("desk.cek_tertunda_bantuan"),
    )
    for column, (key, (label, _)) in zip(second, TIMES.items(), strict=True):
        hint = "desk.tunggu_bantuan" if key.startswith("tunggu") else "desk.layanan_bantuan"
        column.metric(t(label), minutes(getattr(total, key), frame), border=True, help=t(hint))


def service_table(frame: ui.Frame, by_day: bool) -> ui.Table:
    """The desks' service per site (and all sites), or per day and site, latest day first."""
    t = frame.t
    service = ui.ask("desk_layanan", as_of=frame.as_of, kab=frame.kode_kab)
    if by_day:
        rows = service[service.tingkat == "hari"].sort_values(
            ["tanggal", "nama_lokasi"], ascending=[False, True]
        )
    else:
        rows = pd.concat([service[service.tingkat == "lokasi"], service[service.tingkat == "semua"]])
    table = {t("desk.kolom.tanggal"): ("date", rows.tanggal)} if by_day else {}
    table[t("desk.kolom.lokasi")] = ("text", rows.nama_lokasi.fillna(t("desk.semua_lokasi")))
    if not by_day:  # a site's counters; the day table leaves them to the site table
        table[t("desk.kolom.meja")] = ("integer", rows.jumlah_meja)
    table |= {
        t("desk.kolom.dilayani"): ("integer", rows.dilayani),
        t("desk.kolom.per_jam_meja"): ("decimal", rows.per_jam_meja),
    }
    for key, (_, column) in TIMES.items():
        table[t(column)] = ("minutes", rows[key])
    if by_day:
        return ui.Table.of(table, page="desk", name="layanan_harian", title=t("desk.per_hari"))
    return ui.Table.of(table, page="desk", name="layanan_lokasi", title=t("desk.per_lokasi"))


def service_section(frame: ui.Frame) -> None:
    st.subheader(frame.t("desk.per_lokasi"))
    ui.table(service_table, frame, False)
    st.caption(frame.t("desk.catatan_layanan"))
    st.subheader(frame.t("desk.per_hari"))
    ui.table(service_table, frame, True)


def chosen_site(sites: pd.DataFrame, frame: ui.Frame) -> str | None:
    """The site whose arrivals to show; one widget per language, the choice carried across."""
    names = dict(zip(sites.id_desk, sites.nama_lokasi, strict=True))
    options = [None, *names]
    remembered = st.session_state.get("desk_lokasi")
    return st.selectbox(
        frame.t("desk.pilih_lokasi"),
        options,
        index=options.index(remembered) if remembered in names else 0,
        format_func=lambda code: names[code] if code else frame.t("desk.semua_lokasi"),
        key=f"desk_lokasi_{frame.lang}",
    )


def arrivals_section(sites: pd.DataFrame, frame: ui.Frame) -> None:
    t = frame.t
    st.subheader(t("desk.kedatangan"))
    site = chosen_site(sites, frame)
    st.session_state["desk_lokasi"] = site
    place = sites.set_index("id_desk").nama_lokasi.get(site, t("desk.semua_lokasi"))
    title = f"{t('desk.kedatangan')} — {place}"
    ui.chart(arrivals_figure, frame, site, title=title, name="desk_kedatangan")
    st.caption(t("desk.catatan_kedatangan"))


def arrivals_figure(frame: ui.Frame, site: str | None):
    t = frame.t
    arrivals = ui.ask("desk_kedatangan", as_of=frame.as_of, kab=frame.kode_kab, desk=site)
    arrivals["hover"] = [
        t(
            "desk.hover.kedatangan",
            tanggal=ui.date(row.tanggal, frame.lang),
            jam=hour_label(row.jam),
            jumlah=ui.number(row.kedatangan),
        )
        for row in arrivals.itertuples()
    ]
    words = {
        "sumbu_x": t("desk.grafik.hari"),
        "sumbu_y": t("desk.grafik.jam"),
        "skala": t("desk.grafik.kedatangan"),
    }
    return arrivals_heatmap(
        arrivals, day_label=lambda day: short_date(day, frame.lang), hour_label=hour_label, words=words
    )


def share_section(frame: ui.Frame) -> None:
    t = frame.t
    st.subheader(t("desk.porsi"))
    ui.chart(share_figure, frame, title=t("desk.porsi"), name="desk_porsi")
    st.caption(t("desk.catatan_porsi"))


def share_figure(frame: ui.Frame):
    t = frame.t
    regency = frame.kode_kab or DESK_CITY
    regencies = ui.ask("daftar_kabupaten").set_index("kode_kab")
    # The legend's names and the hover's (plotly reads markup in both).
    names = {
        ui.PROVINCE: t("frame.provinsi"),
        regency: ui.plain_plotly(regencies.loc[regency, "nama_pendek"]),
    }
    shares = ui.ask("desk_porsi", as_of=frame.as_of, kab=regency)
    shares["hover"] = [
        f"<b>{names[row.kode_wilayah]}</b>, {ui.date(row.tanggal, frame.lang)}<br>"
        + t(
            "desk.hover.porsi",
            desk=ui.number(row.keluarga_desk),
            semua=ui.number(row.keluarga),
            persen=ui.percent(row.porsi_persen),
        )
        for row in shares.itertuples()
    ]
    words = {"sumbu_x": t("desk.grafik.hari"), "sumbu_y": t("desk.grafik.porsi")}
    return share_lines(shares, names=names, day_label=lambda day: short_date(day, frame.lang), words=words)


def checks_table(frame: ui.Frame, by_site: bool) -> ui.Table:
    t = frame.t
    checks = ui.ask("desk_cek_rumah", as_of=frame.as_of, kab=frame.kode_kab)
    rows = checks[checks.tingkat == ("lokasi" if by_site else "kabupaten")]
    table = {
        t("desk.kolom.lokasi" if by_site else "kolom.wilayah"): ("text", rows.nama),
        t("desk.kolom.keluarga_desk"): ("integer", rows.keluarga_desk),
        t("desk.kolom.menunggu"): ("integer", rows.menunggu),
        t("desk.kolom.menunggu_persen"): ("percent", rows.menunggu_persen),
    }
    for key, column in AGE_BUCKETS.items():
        table[t(column)] = ("integer", rows[key])
    table[t("desk.kolom.umur_tertua")] = ("integer", rows.umur_tertua)
    by = t("desk.cek_per_lokasi" if by_site else "desk.cek_per_kab")
    name = "cek_rumah_lokasi" if by_site else "cek_rumah_kabupaten"
    return ui.Table.of(table, page="desk", name=name, title=f"{t('desk.cek_rumah')}: {by}")


def checks_section(checks: pd.DataFrame, frame: ui.Frame) -> None:
    t = frame.t
    st.subheader(t("desk.cek_rumah"))
    if checks[checks.tingkat == "semua"].keluarga_desk.iloc[0] == 0:
        st.info(t("desk.tidak_ada_cek"))
        return
    st.markdown(f"**{t('desk.cek_per_lokasi')}**")
    ui.table(checks_table, frame, True)
    st.markdown(f"**{t('desk.cek_per_kab')}**")
    ui.table(checks_table, frame, False)
    st.caption(t("desk.catatan_cek"))


ui.add_words(WORDS)
frame = ui.frame()
ui.header(frame, frame.t("halaman.desk"))
service = ui.ask("desk_layanan", as_of=frame.as_of, kab=frame.kode_kab)
checks = ui.ask("desk_cek_rumah", as_of=frame.as_of, kab=frame.kode_kab)
if service.empty:
    st.info(frame.t("desk.kosong"), icon=":material/storefront:")
else:
    sites = service[service.tingkat == "lokasi"]
    all_checks = checks[checks.tingkat == "semua"].iloc[0]
    headline(service[service.tingkat == "semua"].iloc[0], all_checks, len(sites), frame)
    service_section(frame)
    arrivals_section(sites, frame)
share_section(frame)
checks_section(checks, frame)
