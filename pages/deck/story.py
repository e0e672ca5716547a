"""The meeting's story as slides, built once from the warehouse's answers and drawn three ways: in the
browser (presentation mode), as a PowerPoint deck and as a PDF (pages/deck/pptx_deck.py, pdf_deck.py).

A slide says one thing: its title is the message ("Kutai Barat paling tertinggal: −12,3 poin"), with a
few big figures, one table or one chart, and speaker notes holding the definitions. Every figure comes
from the same questions and formatters as the pages, so the deck and the dashboard never disagree. No
Streamlit here: `ask(name, **params)` is whatever runs the questions for the viewer (the page's `ui.ask`,
or a warehouse in tests), and `names` says whether the viewer may see officers (queries/access.py).
"""

import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go

from geo.boundaries import load_boundaries
from geo.maps import area_map
from pages.charts import jadwal as curve_charts
from pages.ui import formats
from pages.ui.changes import compared, ranked
from pages.ui.state import Frame, area_named
from pages.ui.widgets import projection, status
from pages.ui.words import add_words
from queries.rules import PROVINCE

Ask = Callable[..., pd.DataFrame]

RANKING_ROWS = 15  # a slide's table stays readable from the back of the room
ACTION_ROWS = 8
TEAM_ROWS = 8

WORDS = {
    "deck.judul": {"id": "Pemantauan Regsosek 2022", "en": "Regsosek 2022 monitoring"},
    "deck.subjudul": {"id": "{wilayah} · keadaan per {tanggal}", "en": "{wilayah} · as of {tanggal}"},
    "deck.kaki": {
        "id": "Keadaan per {tanggal} · data sampai {data} · dimuat {dimuat} · Sumber: BPS Provinsi "
        "Kalimantan Timur, Regsosek 2022 (Pantau Regsosek)",
        "en": "As of {tanggal} · data up to {data} · loaded {dimuat} · Source: BPS Kalimantan Timur, "
        "Regsosek 2022 (Pantau Regsosek)",
    },
    "deck.catatan_judul": {
        "id": "Bahan rapat koordinasi: keadaan {wilayah} per {tanggal}, dibandingkan dengan {banding}. "
        "Angka sama dengan dasbor Pantau Regsosek pada tanggal itu.",
        "en": "Coordination meeting material: {wilayah} as of {tanggal}, compared with {banding}. The "
        "figures are the Pantau Regsosek dashboard's for that day.",
    },
    "deck.status_judul": {"id": "{wilayah}: {status}", "en": "{wilayah}: {status}"},
    "deck.status_depan": {"id": "{poin} poin di depan rencana", "en": "{poin} points ahead of plan"},
    "deck.status_belakang": {"id": "{poin} poin di belakang rencana", "en": "{poin} points behind plan"},
    "deck.tanpa_jadwal": {"id": "belum ada jadwal untuk dinilai", "en": "no schedule to judge against"},
    "deck.capaian": {"id": "Capaian", "en": "Completion"},
    "deck.rencana": {"id": "Rencana hari ini", "en": "Planned for today"},
    "deck.terdata": {"id": "Keluarga terdata", "en": "Families registered"},
    "deck.dari_target": {"id": "dari {target} target", "en": "of {target} target"},
    "deck.sisa": {"id": "Sisa keluarga", "en": "Families left"},
    "deck.proyeksi": {"id": "Proyeksi selesai", "en": "Projected finish"},
    "deck.target_selesai": {"id": "target {tanggal}", "en": "target {tanggal}"},
    "deck.laju": {"id": "Keluarga per hari (7 hari)", "en": "Families a day (7 days)"},
    "deck.catatan_status": {
        "id": "Capaian: keluarga yang dihitung terhadap target (tiap SLS paling banyak sampai targetnya) "
        "dibagi target. Rencana: capaian kumulatif yang dijadwalkan pada akhir hari. Selisih: capaian "
        "dikurangi rencana, dalam poin. Status: hijau bila sesuai atau di depan rencana, kuning bila "
        "0–{poin_waspada} poin di belakang, merah bila lebih. Proyeksi: hari ini ditambah sisa keluarga "
        "dibagi laju 7 hari terakhir.",
        "en": "Completion: families counted toward the target (each SLS at most up to its target) over "
        "the target. Plan: the cumulative completion scheduled for the end of the day. Gap: completion "
        "less plan, in points. Status: green on or ahead of plan, amber 0–{poin_waspada} points behind, "
        "red further. Projection: today plus the families left over the last 7 days' pace.",
    },
    "deck.peta_judul_tertinggal": {
        "id": "{jumlah} dari {semua} wilayah di belakang rencana",
        "en": "{jumlah} of {semua} areas behind plan",
    },
    "deck.peta_judul_sesuai": {
        "id": "Semua {semua} wilayah sesuai rencana",
        "en": "All {semua} areas on plan",
    },
    "deck.peta_judul_tanpa": {"id": "Peta capaian", "en": "Map of completion"},
    "deck.peta_warna": {"id": "Selisih dari rencana (poin)", "en": "Gap to plan (points)"},
    "deck.peta_tanpa_batas": {
        "id": "Tanpa berkas batas wilayah: lingkaran di ibu kota",
        "en": "No boundary file: circles at the capitals",
    },
    "deck.catatan_peta": {
        "id": "Warna: selisih dari rencana hari ini; angka pada peta: selisih dalam poin. Merah: lebih dari "
        "{poin_waspada} poin di belakang rencana.",
        "en": "Colour: gap to today's plan; figure on the map: the gap in points. Red: more than "
        "{poin_waspada} points behind plan.",
    },
    "deck.peringkat_judul": {
        "id": "Paling tertinggal: {nama} ({poin} poin)",
        "en": "Furthest behind: {nama} ({poin} pts)",
    },
    "deck.peringkat_judul_sesuai": {
        "id": "Peringkat: terdekat ke rencana {nama} ({poin} poin)",
        "en": "Ranking: closest to plan {nama} ({poin} pts)",
    },
    "deck.peringkat_sebagian": {
        "id": "{tampil} paling tertinggal dari {semua} kecamatan",
        "en": "The {tampil} furthest behind of {semua} kecamatan",
    },
    "deck.catatan_peringkat": {
        "id": "Diurutkan dari yang paling tertinggal dari rencana. Sisa: target dikurangi keluarga yang "
        "dihitung, dijumlah dari SLS.",
        "en": "Sorted from furthest behind plan. Left: target less families counted, summed from the SLS.",
    },
    "deck.kolom.kecamatan": {"id": "Kecamatan", "en": "Kecamatan"},
    "deck.kolom.kabupaten": {"id": "Kabupaten/kota", "en": "Regency/city"},
    "deck.kolom.sisa": {"id": "Sisa", "en": "Left"},
    "deck.kolom.dulu": {"id": "Capaian {tanggal}", "en": "Done {tanggal}"},
    "deck.kolom.kini": {"id": "Capaian {tanggal}", "en": "Done {tanggal}"},
    "deck.kolom.tambah_poin": {"id": "+ Poin", "en": "+ Pts"},
    "deck.kolom.tambah_keluarga": {"id": "+ Keluarga", "en": "+ Families"},
    "deck.kolom.status_dulu": {"id": "Status {tanggal}", "en": "Status {tanggal}"},
    "deck.kolom.tim": {"id": "Tim (PML)", "en": "Team (PML)"},
    "deck.kolom.ppl_tertinggal": {"id": "PPL tertinggal", "en": "PPL behind"},
    "deck.jadwal_judul": {
        "id": "Proyeksi selesai {proyeksi}; target {target}",
        "en": "Projected finish {proyeksi}; target {target}",
    },
    "deck.jadwal_rencana": {"id": "Rencana", "en": "Plan"},
    "deck.jadwal_realisasi": {"id": "Realisasi", "en": "Actual"},
    "deck.jadwal_sumbu": {"id": "Capaian kumulatif", "en": "Cumulative completion"},
    "deck.jadwal_per": {"id": "Per {tanggal}", "en": "As of {tanggal}"},
    "deck.catatan_jadwal": {
        "id": "Garis putus-putus: rencana kumulatif menurut jadwal yang dimuat; garis biru: capaian "
        "kumulatif. Proyeksi selesai dihitung dengan laju 7 hari terakhir.",
        "en": "Dashed: the cumulative plan of the loaded schedule; blue: cumulative completion. The "
        "projected finish uses the last 7 days' pace.",
    },
    "deck.desk_judul": {
        "id": "Desk kolektif: {dilayani} keluarga dilayani, {menunggu} menunggu cek rumah",
        "en": "Collective desks: {dilayani} families served, {menunggu} awaiting the house check",
    },
    "deck.desk_kosong": {
        "id": "Desk kolektif: belum ada keluarga dilayani",
        "en": "Collective desks: none served yet",
    },
    "deck.desk_dilayani": {"id": "Keluarga dilayani", "en": "Families served"},
    "deck.desk_lokasi": {"id": "Lokasi aktif", "en": "Active sites"},
    "deck.desk_per_jam": {"id": "Keluarga per jam-meja", "en": "Families per counter-hour"},
    "deck.desk_menunggu": {"id": "Menunggu cek rumah", "en": "Awaiting house check"},
    "deck.desk_menunggu_persen": {"id": "{persen} dari keluarga desk", "en": "{persen} of desk families"},
    "deck.kolom.lokasi": {"id": "Lokasi desk", "en": "Desk site"},
    "deck.kolom.dilayani": {"id": "Dilayani", "en": "Served"},
    "deck.kolom.menunggu": {"id": "Menunggu cek", "en": "Awaiting check"},
    "deck.kolom.tertua": {"id": "Tertua (hari)", "en": "Oldest (days)"},
    "deck.catatan_desk": {
        "id": "Desk kolektif: ASN mendaftar secara kolektif, lalu PPL memeriksa rumahnya. Menunggu cek "
        "rumah: keluarga desk yang rumahnya belum diperiksa per tanggal ini. Keluarga per jam-meja: "
        "keluarga dilayani dibagi jam buka meja (7 jam per meja per hari buka).",
        "en": "Collective desks: civil servants register in bulk, then the PPL checks the house. Awaiting "
        "the house check: desk families whose house was not checked by this day. Families per "
        "counter-hour: families served over the counters' opening hours (7 a day per counter).",
    },
    "deck.tindakan_judul": {
        "id": "Perlu tindakan: {jumlah} kecamatan di belakang rencana",
        "en": "Action needed: {jumlah} kecamatan behind plan",
    },
    "deck.tindakan_nihil": {
        "id": "Tidak ada kecamatan di belakang rencana",
        "en": "No kecamatan behind plan",
    },
    "deck.catatan_tindakan": {
        "id": "Kecamatan paling jauh di belakang rencana kabupatennya hari ini (hanya yang di belakang), "
        "paling tertinggal dulu.",
        "en": "The kecamatan furthest behind their regency's plan for the day (only those behind), furthest "
        "first.",
    },
    "deck.tim_judul": {
        "id": "Tim petugas paling tertinggal: {jumlah} PPL perlu dihubungi",
        "en": "Officer teams furthest behind: {jumlah} PPL to call",
    },
    "deck.catatan_tim": {
        "id": "Tim PML paling jauh di belakang rencana petugasnya. PPL tertinggal: merah terhadap "
        "rencananya dan, dengan lajunya sendiri, tidak selesai sebelum akhir pendataan.",
        "en": "PML teams furthest behind their officers' plan. PPL behind: red against their plan and, at "
        "their own pace, not done by the end of fieldwork.",
    },
    "deck.perubahan_judul": {
        "id": "Sejak {tanggal}: {keluarga} keluarga, {poin} poin",
        "en": "Since {tanggal}: {keluarga} families, {poin} points",
    },
    "deck.perubahan_status": {
        "id": "{jumlah} wilayah berubah status",
        "en": "{jumlah} areas changed status",
    },
    "deck.catatan_perubahan": {
        "id": "Perbandingan keadaan per {kini} dengan {dulu} (mis. rapat sebelumnya): capaian kedua tanggal, "
        "keluarga dan poin yang bertambah, dan status pada kedua tanggal.",
        "en": "The state on {kini} against {dulu} (e.g. the last meeting): completion on both days, the "
        "families and points gained, and the status on both days.",
    },
}
add_words(WORDS)


@dataclass(frozen=True)
class BigFigure:
    """One number said large, with what it is and a short note under it."""

    label: str
    value: str
    note: str = ""


@dataclass(frozen=True)
class SlideTable:
    """A table as it reads on a slide: formatted cells (an official edits them in PowerPoint), the
    status column's statuses (hijau/kuning/merah or None) for tinting, and the last row set apart when
    it is a total."""

    header: tuple[str, ...]
    rows: tuple[tuple[str, ...], ...]
    statuses: tuple[str | None, ...] = ()
    status_column: int | None = None
    total_row: bool = False


@dataclass(frozen=True)
class Slide:
    key: str  # judul, status, peta, peringkat, jadwal, desk, tindakan, tim, perubahan
    title: str  # the one message
    subtitle: str = ""
    status: str | None = None  # the area's status when the slide is its verdict
    figures: tuple[BigFigure, ...] = ()
    table: SlideTable | None = None
    chart: go.Figure | None = field(default=None, compare=False)
    notes: str = ""


@dataclass(frozen=True)
class Deck:
    area: str
    as_of: dt.date
    since: dt.date
    footer: str
    simulated: str  # the simulated-data mark, or ""
    slides: tuple[Slide, ...]

    def file_name(self, code: str, ext: str) -> str:
        return f"pantau_rapat_{code}_{self.as_of.isoformat()}.{ext}"


def area_code(frame: Frame) -> str:
    return frame.kode_kab or PROVINCE


def _status_phrase(area, frame: Frame) -> str:
    if formats.missing(area.status):
        return frame.t("deck.tanpa_jadwal")
    key = "deck.status_depan" if area.selisih >= 0 else "deck.status_belakang"
    return f"{status(area.status, frame)}, " + frame.t(
        key, poin=formats.points(abs(area.selisih)).lstrip("+")
    )


def title_slide(area_name: str, since: dt.date, frame: Frame) -> Slide:
    day = formats.date(frame.as_of, frame.lang)
    return Slide(
        "judul",
        frame.t("deck.judul"),
        subtitle=frame.t("deck.subjudul", wilayah=area_name, tanggal=day),
        notes=frame.t(
            "deck.catatan_judul", wilayah=area_name, tanggal=day, banding=formats.date(since, frame.lang)
        ),
    )


def status_slide(area, area_name: str, frame: Frame) -> Slide:
    t = frame.t
    return Slide(
        "status",
        t("deck.status_judul", wilayah=area_name, status=_status_phrase(area, frame)),
        status=None if formats.missing(area.status) else area.status,
        figures=(
            BigFigure(t("deck.capaian"), formats.percent(area.persen)),
            BigFigure(t("deck.rencana"), formats.percent(area.harapan_persen)),
            BigFigure(
                t("deck.terdata"),
                formats.number(area.terdata),
                t("deck.dari_target", target=formats.number(area.target_keluarga)),
            ),
            BigFigure(t("deck.sisa"), formats.number(area.sisa_keluarga)),
            BigFigure(
                t("deck.proyeksi"),
                projection(area, frame),
                t("deck.target_selesai", tanggal=formats.date(area.tanggal_target, frame.lang)),
            ),
            BigFigure(t("deck.laju"), formats.rate(area.laju_7hari)),
        ),
        notes=t("deck.catatan_status"),
    )


def _units(ask: Ask, frame: Frame) -> tuple[pd.DataFrame, str]:
    """The areas a slide ranks and maps: the regencies, or the kecamatan of the frame's regency."""
    if frame.kode_kab is None:
        regencies = ask("capaian_wilayah", as_of=frame.as_of)
        regencies = regencies[regencies.kode_wilayah != PROVINCE]
        units = regencies.rename(columns={"kode_wilayah": "kode", "nama_pendek": "label"})
        return units.assign(nama=units.nama_wilayah), "kabupaten"
    kecamatan = ask("wilayah_rincian", as_of=frame.as_of, kab=frame.kode_kab, kec=None, desa=None)
    return kecamatan.assign(label=kecamatan.nama), "kecamatan"


def map_figure(units: pd.DataFrame, level: str, capitals: pd.DataFrame, folder: Path | None, frame: Frame):
    """The units coloured by their gap to plan, each labelled with its name and gap (no hover needed on a
    projector). None for kecamatan without boundaries."""
    shown = units.assign(
        nama=units.label,
        angka=units.selisih.map(formats.points),
        hover=[
            f"{formats.plain_plotly(name)}: {formats.points(gap)}"
            for name, gap in zip(units.label, units.selisih, strict=True)
        ],
    )
    if level == "kabupaten":
        shown = shown.merge(capitals, left_on="kode", right_on="kode_kab", how="left")
    return area_map(
        shown,
        level=level,
        value_column="selisih",
        hover_column="hover",
        label_column="angka",
        scale="selisih",
        colorbar_title=frame.t("deck.peta_warna"),
        boundaries=load_boundaries(level, folder),
        no_boundaries_note=frame.t("deck.peta_tanpa_batas"),
    )


def map_slide(units: pd.DataFrame, figure, frame: Frame) -> Slide:
    judged = units[units.status.notna()]
    behind = judged[judged.status == "merah"]
    if judged.empty:
        title = frame.t("deck.peta_judul_tanpa")
    elif behind.empty:
        title = frame.t("deck.peta_judul_sesuai", semua=formats.number(len(units)))
    else:
        title = frame.t(
            "deck.peta_judul_tertinggal", jumlah=formats.number(len(behind)), semua=formats.number(len(units))
        )
    return Slide("peta", title, chart=figure, notes=frame.t("deck.catatan_peta"))


def _status_cells(values: pd.Series, frame: Frame) -> tuple[list[str], tuple]:
    return [status(value, frame) for value in values], tuple(
        None if formats.missing(value) else value for value in values
    )


def ranking_slide(ask: Ask, units: pd.DataFrame, level: str, frame: Frame) -> Slide:
    """The regencies (with the province's total) or a regency's kecamatan, furthest behind first."""
    t = frame.t
    if level == "kabupaten":
        rows = ranked(ask("capaian_wilayah", as_of=frame.as_of)).assign(label=lambda f: f.nama_pendek)
        name_header, subtitle = t("kolom.wilayah"), ""
    else:
        rows = units.sort_values("selisih", na_position="last", kind="stable").head(RANKING_ROWS)
        name_header = t("deck.kolom.kecamatan")
        subtitle = (
            t("deck.peringkat_sebagian", tampil=formats.number(len(rows)), semua=formats.number(len(units)))
            if len(units) > len(rows)
            else ""
        )
    words, statuses = _status_cells(rows.status, frame)
    cells = zip(
        rows.label,
        rows.persen.map(formats.percent),
        rows.harapan_persen.map(formats.percent),
        rows.selisih.map(formats.points),
        words,
        rows.sisa_keluarga.map(formats.number),
        strict=True,
    )
    header = (name_header, t("kolom.capaian"), t("kolom.rencana"), t("kolom.selisih"), t("kolom.status"))
    table = SlideTable(
        (*header, t("deck.kolom.sisa")),
        tuple(tuple(row) for row in cells),
        statuses,
        status_column=4,
        total_row=level == "kabupaten",
    )
    return Slide(
        "peringkat", _ranking_title(units, frame), subtitle, table=table, notes=t("deck.catatan_peringkat")
    )


def _ranking_title(units: pd.DataFrame, frame: Frame) -> str:
    judged = units[units.selisih.notna()].sort_values("selisih", kind="stable")
    if judged.empty:
        return frame.t("deck.peta_judul_tanpa")
    first = judged.iloc[0]
    key = "deck.peringkat_judul" if first.selisih < 0 else "deck.peringkat_judul_sesuai"
    return frame.t(key, nama=first.label, poin=formats.points(first.selisih))


def schedule_slide(ask: Ask, area, frame: Frame) -> Slide:
    """The area's planned and actual curve with the as-of day, and its projected finish."""
    t = frame.t
    curves = ask("jadwal_kurva", as_of=frame.as_of)
    curve = curves[curves.kode_wilayah == area.kode_wilayah].assign(hover_rencana="", hover_realisasi="")
    figure = None
    if not curve.empty:
        first, last = curve.tanggal.min().date(), curve.tanggal.max().date()
        figure = curve_charts.progress_curve(
            curve,
            [],
            frame.as_of,
            curve_charts.date_ticks(first, last, (1, 15), frame.lang),
            curve_charts.CurveWords(
                t("deck.jadwal_rencana"),
                t("deck.jadwal_realisasi"),
                t("deck.jadwal_sumbu"),
                t("deck.jadwal_per", tanggal=curve_charts.short_date(frame.as_of, frame.lang)),
            ),
        )
    title = t(
        "deck.jadwal_judul",
        proyeksi=projection(area, frame),
        target=formats.date(area.tanggal_target, frame.lang),
    )
    figures = (
        BigFigure(t("deck.capaian"), formats.percent(area.persen)),
        BigFigure(t("deck.rencana"), formats.percent(area.harapan_persen)),
        BigFigure(t("deck.laju"), formats.rate(area.laju_7hari)),
    )
    return Slide("jadwal", title, figures=figures, chart=figure, notes=t("deck.catatan_jadwal"))


def desk_slide(ask: Ask, frame: Frame) -> Slide:
    t = frame.t
    service = ask("desk_layanan", as_of=frame.as_of, kab=frame.kode_kab)
    checks = ask("desk_cek_rumah", as_of=frame.as_of, kab=frame.kode_kab)
    if service.empty:
        return Slide("desk", t("deck.desk_kosong"), notes=t("deck.catatan_desk"))
    total = service[service.tingkat == "semua"].iloc[0]
    pending = checks[checks.tingkat == "semua"].iloc[0]
    sites = service[service.tingkat == "lokasi"]
    site_checks = checks[checks.tingkat == "lokasi"].set_index("kode")
    by_site = sites.assign(
        menunggu=site_checks.menunggu.reindex(sites.id_desk).to_numpy(),
        tertua=site_checks.umur_tertua.reindex(sites.id_desk).to_numpy(),
    ).sort_values(["menunggu", "dilayani"], ascending=False, kind="stable")
    table = SlideTable(
        (t("deck.kolom.lokasi"), t("deck.kolom.dilayani"), t("deck.kolom.menunggu"), t("deck.kolom.tertua")),
        tuple(
            (
                str(row.nama_lokasi),
                formats.number(row.dilayani),
                formats.number(row.menunggu),
                formats.number(row.tertua),
            )
            for row in by_site.head(ACTION_ROWS).itertuples()
        ),
    )
    return Slide(
        "desk",
        t(
            "deck.desk_judul",
            dilayani=formats.number(total.dilayani),
            menunggu=formats.number(pending.menunggu),
        ),
        figures=(
            BigFigure(t("deck.desk_dilayani"), formats.number(total.dilayani)),
            BigFigure(t("deck.desk_lokasi"), formats.number(len(sites))),
            BigFigure(t("deck.desk_per_jam"), formats.rate(total.per_jam_meja)),
            BigFigure(
                t("deck.desk_menunggu"),
                formats.number(pending.menunggu),
                t("deck.desk_menunggu_persen", persen=formats.percent(pending.menunggu_persen)),
            ),
        ),
        table=table,
        notes=t("deck.catatan_desk"),
    )


def action_slide(ask: Ask, frame: Frame) -> Slide:
    """The kecamatan furthest behind their regency's plan."""
    t = frame.t
    behind = ask("wilayah_tertinggal", as_of=frame.as_of, kab=frame.kode_kab)
    kecamatan = behind[behind.tingkat == "kecamatan"]
    if kecamatan.empty:
        return Slide("tindakan", t("deck.tindakan_nihil"), notes=t("deck.catatan_tindakan"))
    shown = kecamatan.head(ACTION_ROWS)
    words, statuses = _status_cells(shown.status, frame)
    # The regency by its short name, as every other table of the deck names it.
    short = ask("daftar_kabupaten").set_index("kode_kab").nama_pendek
    table = SlideTable(
        (
            t("deck.kolom.kecamatan"),
            t("deck.kolom.kabupaten"),
            t("kolom.capaian"),
            t("kolom.rencana"),
            t("kolom.selisih"),
            t("kolom.status"),
            t("deck.kolom.sisa"),
        ),
        tuple(
            (
                str(row.nama),
                str(short.get(row.kode[:4], row.nama_kab)),
                formats.percent(row.persen),
                formats.percent(row.harapan_persen),
                formats.points(row.selisih),
                word,
                formats.number(row.sisa_keluarga),
            )
            for row, word in zip(shown.itertuples(), words, strict=True)
        ),
        statuses,
        status_column=5,
    )
    title = t("deck.tindakan_judul", jumlah=formats.number(len(kecamatan)))
    return Slide("tindakan", title, table=table, notes=t("deck.catatan_tindakan"))


def team_slide(ask: Ask, frame: Frame) -> Slide:
    """The PML teams furthest behind their officers' plan, by name (only for viewers who may see names)."""
    t = frame.t
    officers = ask("petugas_tim_tertinggal", as_of=frame.as_of, kab=frame.kode_kab, batas=TEAM_ROWS)
    shown = officers[officers.tingkat == "PML"]
    words, statuses = _status_cells(shown.status, frame)
    table = SlideTable(
        (
            t("deck.kolom.tim"),
            t("deck.kolom.kabupaten"),
            t("deck.kolom.ppl_tertinggal"),
            t("kolom.capaian"),
            t("kolom.rencana"),
            t("kolom.selisih"),
            t("kolom.status"),
        ),
        tuple(
            (
                str(row.nama),
                str(row.nama_pendek),
                f"{formats.number(row.ppl_tertinggal)} / {formats.number(row.jumlah_ppl)}",
                formats.percent(row.persen),
                formats.percent(row.harapan_persen),
                formats.points(row.selisih),
                word,
            )
            for row, word in zip(shown.itertuples(), words, strict=True)
        ),
        statuses,
        status_column=6,
    )
    area_level = "PROV" if frame.kode_kab is None else "KAB"
    count = officers.loc[officers.tingkat == area_level, "ppl_tertinggal"].iloc[0]
    return Slide(
        "tim", t("deck.tim_judul", jumlah=formats.number(count)), table=table, notes=t("deck.catatan_tim")
    )


def change_slide(ask: Ask, since: dt.date, frame: Frame) -> Slide:
    """The regencies (and the province) now against an earlier day: completion on both, what was gained,
    and the status then and now."""
    t = frame.t
    changes = compared(ask("capaian_wilayah", as_of=frame.as_of), ask("capaian_wilayah", as_of=since))
    rows = ranked(changes)
    area = changes[changes.kode_wilayah == area_code(frame)].iloc[0]
    then_day, now_day = (curve_charts.short_date(day, frame.lang) for day in (since, frame.as_of))
    words_now, statuses = _status_cells(rows.status, frame)
    words_then, _ = _status_cells(rows.status_dulu, frame)
    table = SlideTable(
        (
            t("kolom.wilayah"),
            t("deck.kolom.dulu", tanggal=then_day),
            t("deck.kolom.kini", tanggal=now_day),
            t("deck.kolom.tambah_poin"),
            t("deck.kolom.tambah_keluarga"),
            t("deck.kolom.status_dulu", tanggal=then_day),
            t("kolom.status"),
        ),
        tuple(
            (
                str(row.nama_pendek),
                formats.percent(row.persen_dulu),
                formats.percent(row.persen),
                formats.points(row.tambah_poin),
                formats.signed_number(row.tambah_keluarga),
                then_word,
                now_word,
            )
            for row, then_word, now_word in zip(rows.itertuples(), words_then, words_now, strict=True)
        ),
        statuses,
        status_column=6,
        total_row=True,
    )
    moved = changes[(changes.kode_wilayah != PROVINCE) & changes.status_berubah]
    return Slide(
        "perubahan",
        t(
            "deck.perubahan_judul",
            tanggal=formats.date(since, frame.lang),
            keluarga=formats.signed_number(area.tambah_keluarga),
            poin=formats.points(area.tambah_poin),
        ),
        subtitle=t("deck.perubahan_status", jumlah=formats.number(len(moved))),
        table=table,
        notes=t("deck.catatan_perubahan", kini=now_day, dulu=then_day),
    )


def build(ask: Ask, frame: Frame, *, since: dt.date, names: bool, folder: Path | None) -> Deck:
    """The meeting's slides for the frame's area and day, compared with `since`; the officer teams only
    when `names` (the viewer may see officers)."""
    name = area_named(ask, frame)
    areas = ask("capaian_wilayah", as_of=frame.as_of)
    area = areas[areas.kode_wilayah == area_code(frame)].iloc[0]
    units, level = _units(ask, frame)
    capitals = ask("daftar_kabupaten")[["kode_kab", "ibukota_lat", "ibukota_lon"]]
    slides = [
        title_slide(name, since, frame),
        status_slide(area, name, frame),
        map_slide(units, map_figure(units, level, capitals, folder, frame), frame),
        ranking_slide(ask, units, level, frame),
        schedule_slide(ask, area, frame),
        desk_slide(ask, frame),
        action_slide(ask, frame),
    ]
    if names:
        slides.append(team_slide(ask, frame))
    slides.append(change_slide(ask, since, frame))
    return Deck(
        area=name,
        as_of=frame.as_of,
        since=since,
        footer=frame.t(
            "deck.kaki",
            tanggal=formats.date(frame.as_of, frame.lang),
            data=formats.date(frame.data_until, frame.lang),
            dimuat=formats.utc_as_wita(frame.loaded_at, frame.lang),
        ),
        simulated=frame.t("frame.simulasi_singkat") if frame.simulated else "",
        slides=tuple(slides),
    )
