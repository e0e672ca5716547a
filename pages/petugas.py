"""Petugas: every PPL against plan, the officers to act on, and the teams of PML and Koseka."""

from dataclasses import dataclass

import pandas as pd
import streamlit as st

from pages import ui
from pages.charts.petugas import even_sample, spread_figure

WORDS = {
    "petugas.jumlah_ppl": {"id": "Jumlah PPL", "en": "Enumerators (PPL)"},
    "petugas.jumlah_ppl_bantuan": {
        "id": "Ditugaskan {ditugaskan} keluarga di {sls} SLS; terdata {terdata} ({capaian}).",
        "en": "Assigned {ditugaskan} families in {sls} SLS; {terdata} registered ({capaian}).",
    },
    "petugas.tertinggal": {"id": "PPL tertinggal", "en": "PPL behind"},
    "petugas.tertinggal_bantuan": {
        "id": "PPL yang perlu dihubungi: berstatus merah (capaian SLS-nya lebih dari {poin_waspada} poin di "
        "belakang rencananya sendiri, yaitu kurva rencana kabupaten/kotanya sejak hari ia mulai, "
        "direntangkan sampai target akhir pada tanggal target) dan laju 7 hari terakhirnya, bila bertahan, "
        "tidak menyelesaikan sisa keluarganya sebelum akhir pendataan ({akhir}). PPL merah yang lajunya "
        "cukup sedang mengejar dan tidak dihitung di sini.",
        "en": "PPL to call: red (their SLS' completion more than {poin_waspada} points behind their own "
        "plan, their regency's planned curve from the day they started, stretched to the final target on the "
        "target date) and their last 7 days' pace, kept up, does not finish their families by the end of "
        "fieldwork ({akhir}). Red PPL whose pace is enough are catching up and not counted here.",
    },
    "petugas.menganggur": {"id": "PPL menganggur", "en": "PPL idle"},
    "petugas.menganggur_bantuan": {
        "id": "Tidak mendata satu keluarga pun dalam {hari_aktif} hari terakhir padahal masih ada sisa "
        "keluarga (termasuk yang belum mulai). Aktif {aktif} + menganggur {menganggur} + tanpa sisa "
        "{tanpa_sisa} = {total} PPL; yang aktif sama dengan di Ringkasan.",
        "en": "No family registered in the last {hari_aktif} days although families are left (including "
        "those who have not started). Active {aktif} + idle {menganggur} + nothing left {tanpa_sisa} = "
        "{total} PPL; the active are the Overview's.",
    },
    "petugas.bagian_tertinggal": {
        "id": " {tertinggal} dari {total} PPL ({bagian}) tertinggal dari rencananya dan lajunya kurang.",
        "en": " {tertinggal} of {total} PPL ({bagian}) are behind their plan without the pace to catch up.",
    },
    "petugas.beban": {"id": "PPL beban berlebih", "en": "PPL overloaded"},
    "petugas.beban_bantuan": {
        "id": "Ditugaskan lebih dari 1,5 × median beban PPL di kabupaten/kotanya "
        "(PPL tanpa SLS tidak dihitung).",
        "en": "Assigned more than 1.5 × the median PPL workload of their regency "
        "(PPL without SLS not counted).",
    },
    "petugas.perlu_tindakan": {"id": "Perlu tindakan", "en": "Needs action"},
    "petugas.tab_tertinggal": {"id": "Tertinggal ({n})", "en": "Behind plan ({n})"},
    "petugas.tab_menganggur": {
        "id": "Menganggur ({n})",
        "en": "Idle ({n})",
    },
    "petugas.tab_beban": {"id": "Beban berlebih ({n})", "en": "Overloaded ({n})"},
    "petugas.kosong_tertinggal": {
        "id": "Tidak ada PPL yang tertinggal dan lajunya kurang.",
        "en": "No PPL is behind without the pace to catch up.",
    },
    "petugas.kosong_menganggur": {
        "id": "Tidak ada PPL yang menganggur {hari_aktif} hari atau lebih.",
        "en": "No PPL has been idle for {hari_aktif} days or more.",
    },
    "petugas.kosong_beban": {"id": "Tidak ada PPL dengan beban berlebih.", "en": "No PPL is overloaded."},
    "petugas.catatan_tertinggal": {
        "id": "Diurutkan dari yang paling tertinggal. Harapan = keluarga ditugaskan × rencana PPL itu hari "
        "ini (kurva kabupaten/kota sejak ia mulai). Capaian dan sisa: SLS yang ditugaskan kepadanya, "
        "siapa pun yang mendata.",
        "en": "Furthest behind first. Expected = families assigned × the officer's plan for today (the "
        "regency's curve from the day they started). Completion and families left: the SLS assigned to "
        "them, whoever registered the families.",
    },
    "petugas.catatan_menganggur": {
        "id": "Paling lama menganggur lebih dulu; {belum} di antaranya belum mulai sama sekali "
        "(dihitung sejak hari pertama jadwal).",
        "en": "Longest idle first; {belum} of them have not started at all "
        "(counted from the schedule's first day).",
    },
    "petugas.catatan_beban": {
        "id": "Median dihitung per kabupaten/kota atas PPL yang memegang SLS.",
        "en": "The median is taken per regency over the PPL who hold SLS.",
    },
    "petugas.sebaran": {"id": "Sebaran beban kerja dan laju", "en": "Spread of workload and pace"},
    "petugas.judul_beban": {"id": "Beban kerja per PPL", "en": "Workload per PPL"},
    "petugas.sumbu_beban": {"id": "Keluarga ditugaskan", "en": "Families assigned"},
    "petugas.judul_laju": {"id": "Laju per PPL, 7 hari terakhir", "en": "Pace per PPL, last 7 days"},
    "petugas.sumbu_laju": {"id": "Keluarga per hari", "en": "Families a day"},
    "petugas.batas_beban": {
        "id": "Batas beban berlebih (1,5 × median)",
        "en": "Overload limit (1.5 × median)",
    },
    "petugas.catatan_sebaran": {
        "id": "Setiap titik satu PPL; kotak: kuartil dan median per kabupaten/kota.",
        "en": "Each point is one PPL; box: quartiles and median per regency.",
    },
    "petugas.catatan_sampel": {
        "id": "Kabupaten/kota dengan lebih dari {n} PPL digambar dengan {n} titik yang dipilih merata "
        "menurut nilainya, termasuk yang terendah dan tertinggi, sehingga kotaknya tetap mewakili semua PPL.",
        "en": "Regencies with more than {n} PPL are drawn with {n} points chosen evenly by value, lowest and "
        "highest included, so that their box still stands for every PPL.",
    },
    "petugas.hover.tugas": {
        "id": "Ditugaskan {ditugaskan} keluarga ({sls} SLS)",
        "en": "Assigned {ditugaskan} families ({sls} SLS)",
    },
    "petugas.hover.laju": {"id": "{laju} keluarga/hari (7 hari)", "en": "{laju} families/day (7 days)"},
    "petugas.hover.batas": {
        "id": "{wilayah}: median {median}, batas {batas} keluarga",
        "en": "{wilayah}: median {median}, limit {batas} families",
    },
    "petugas.tim": {"id": "Tim PML dan Koseka", "en": "PML and Koseka teams"},
    "petugas.pilih_tim": {"id": "Pilih tim", "en": "Choose a team"},
    "petugas.pilih_tim_bantuan": {
        "id": "PML: PPL yang diperiksanya. Koseka: PML di kecamatannya. Ketik untuk mencari.",
        "en": "PML: the PPL they check. Koseka: the PML of their kecamatan. Type to search.",
    },
    "petugas.cari_tim": {
        "id": "Cari tim (ID atau nama PML/Koseka)",
        "en": "Find a team (PML/Koseka id or name)",
    },
    "petugas.tim_ditemukan": {
        "id": "{n} tim pertama dari {total} yang cocok ditampilkan di daftar.",
        "en": "The first {n} of {total} matching teams are in the list.",
    },
    "petugas.anggota_pml": {"id": "PPL dalam tim {nama}", "en": "PPL in {nama}'s team"},
    "petugas.anggota_koseka": {"id": "PML di bawah {nama}", "en": "PML under {nama}"},
    "petugas.ppl_menganggur": {"id": "PPL menganggur (dari {total})", "en": "PPL idle (of {total})"},
    "petugas.ppl_tertinggal": {"id": "PPL tertinggal (dari {total})", "en": "PPL behind (of {total})"},
    "petugas.semua": {"id": "Semua PPL", "en": "All PPL"},
    "petugas.cari": {"id": "Cari PPL (ID atau nama)", "en": "Find a PPL (ID or name)"},
    "petugas.cari_contoh": {"id": "mis. PPL-1 atau Andi", "en": "e.g. PPL-1 or Andi"},
    "petugas.ditemukan": {"id": "{n} dari {total} PPL.", "en": "{n} of {total} PPL."},
    "petugas.catatan_semua": {
        "id": "Diurutkan dari yang paling tertinggal dari rencana.",
        "en": "Sorted from furthest behind plan.",
    },
    "petugas.tanpa_ppl": {"id": "Tidak ada PPL di wilayah ini.", "en": "No PPL in this area."},
    "petugas.selisih_delta": {"id": "{poin} poin dari rencana", "en": "{poin} pts against plan"},
    "petugas.hover.terdata": {
        "id": "Terdata {terdata} ({capaian})",
        "en": "Registered {terdata} ({capaian})",
    },
    "petugas.terpotong": {
        "id": "Ditampilkan {n} baris pertama dari {total}: cari PPL atau pilih kabupaten/kota "
        "untuk mempersempit.",
        "en": "The first {n} rows of {total} are shown: find a PPL or choose a regency to narrow them.",
    },
    "petugas.belum_mulai": {"id": "Belum mulai", "en": "Not started"},
    "petugas.selesai": {"id": "Selesai", "en": "Done"},
    "petugas.tanpa_sls": {"id": "Tanpa SLS", "en": "No SLS"},
    "petugas.kolom.id_petugas": {"id": "ID", "en": "ID"},
    "petugas.kolom.nama": {"id": "Nama", "en": "Name"},
    "petugas.kolom.pml": {"id": "PML", "en": "PML"},
    "petugas.kolom.ppl": {"id": "PPL", "en": "PPL"},
    "petugas.kolom.sls": {"id": "SLS", "en": "SLS"},
    "petugas.kolom.ditugaskan": {"id": "Ditugaskan", "en": "Assigned"},
    "petugas.kolom.laju": {"id": "Kel./hari (7 hari)", "en": "Fam./day (7 days)"},
    "petugas.kolom.harapan_keluarga": {"id": "Harapan (kel.)", "en": "Expected (fam.)"},
    "petugas.kolom.selisih_keluarga": {"id": "Selisih (kel.)", "en": "Gap (fam.)"},
    "petugas.kolom.selisih_poin": {"id": "Selisih (poin)", "en": "Gap (pts)"},
    "petugas.kolom.terakhir": {"id": "Terakhir mendata", "en": "Last worked"},
    "petugas.kolom.menganggur": {"id": "Menganggur (hari)", "en": "Idle (days)"},
    "petugas.kolom.sisa": {"id": "Sisa keluarga", "en": "Families left"},
    "petugas.kolom.median_kab": {"id": "Median kab/kota", "en": "Regency median"},
    "petugas.kolom.kali_median": {"id": "× median", "en": "× median"},
    "petugas.kolom.ppl_menganggur": {"id": "PPL menganggur", "en": "PPL idle"},
    "petugas.kolom.ppl_tertinggal": {"id": "PPL tertinggal", "en": "PPL behind"},
}


def _status_label(row, frame: ui.Frame) -> str:
    return frame.t("petugas.tanpa_sls") if row.ditugaskan == 0 else ui.status(row.status, frame)


def _status_labels(rows: pd.DataFrame, frame: ui.Frame) -> list[str]:
    return [_status_label(row, frame) for row in rows.itertuples()]


def _last_worked(rows: pd.DataFrame, frame: ui.Frame) -> list:
    """The last day an officer registered a family; words for one who has not started."""
    not_started = rows.terakhir_didata.isna() & rows.hari_menganggur.notna()
    return [
        frame.t("petugas.belum_mulai") if waiting else day
        for waiting, day in zip(not_started, rows.terakhir_didata, strict=True)
    ]


def _idle_days(rows: pd.DataFrame, frame: ui.Frame) -> list:
    """Days without a family; words for one with nothing left."""
    done = (rows.ditugaskan > 0) & (rows.sisa_keluarga == 0)
    return [
        frame.t("petugas.selesai") if over else days
        for over, days in zip(done, rows.hari_menganggur, strict=True)
    ]


# The officer tables' columns: name → (word key, kind, the answer's column or how the rows give it).
COLUMNS = {
    "id": (
        "petugas.kolom.id_petugas",
        "text",
        lambda rows, frame: rows.id_pml.where(rows.tingkat == "PML", rows.id_petugas),
    ),
    "nama": ("petugas.kolom.nama", "text", "nama"),
    "wilayah": ("kolom.wilayah", "text", "nama_pendek"),
    "pml": ("petugas.kolom.pml", "text", "nama_pml"),
    "sls": ("petugas.kolom.sls", "integer", "jumlah_sls"),
    "ditugaskan": ("petugas.kolom.ditugaskan", "integer", "ditugaskan"),
    "terdata": ("kolom.terdata", "integer", "terdata"),
    "capaian": ("kolom.capaian", "percent", "persen"),
    "laju": ("petugas.kolom.laju", "decimal", "laju_7hari"),
    "rencana": ("kolom.rencana", "percent", "harapan_persen"),
    "harapan": ("petugas.kolom.harapan_keluarga", "integer", "harapan_keluarga"),
    "selisih_kel": ("petugas.kolom.selisih_keluarga", "signed", "selisih_keluarga"),
    "selisih": ("petugas.kolom.selisih_poin", "points", "selisih"),
    "status": ("kolom.status", "status", _status_labels),
    "sisa": ("petugas.kolom.sisa", "integer", "sisa_keluarga"),
    "terakhir": ("petugas.kolom.terakhir", "date", _last_worked),
    "menganggur": ("petugas.kolom.menganggur", "integer", _idle_days),
    "median": ("petugas.kolom.median_kab", "decimal", "median_kab"),
    "kali_median": ("petugas.kolom.kali_median", "decimal", "kali_median"),
    "ppl": ("petugas.kolom.ppl", "integer", "jumlah_ppl"),
    "ppl_menganggur": ("petugas.kolom.ppl_menganggur", "integer", "ppl_menganggur"),
    "ppl_tertinggal": ("petugas.kolom.ppl_tertinggal", "integer", "ppl_tertinggal"),
}
# Which columns each table shows, in order: who, their status, then the figures behind it, so that the
# status stays in sight on a narrow screen.
ALL_PPL = [
    "id", "nama", "status", "wilayah", "pml", "ditugaskan", "terdata", "capaian", "laju", "harapan",
    "selisih_kel", "selisih", "terakhir", "menganggur",
]  # fmt: skip
BEHIND = [
    "id", "nama", "status", "wilayah", "pml", "ditugaskan", "terdata", "capaian", "rencana", "harapan",
    "selisih_kel", "selisih",
]  # fmt: skip
IDLE = ["id", "nama", "menganggur", "terakhir", "sisa", "status", "wilayah", "pml", "ditugaskan", "terdata"]
OVERLOADED = [
    "id", "nama", "ditugaskan", "median", "kali_median", "sls", "status", "wilayah", "pml", "capaian", "laju",
]  # fmt: skip
TEAM_PPL = [column for column in ALL_PPL if column not in ("wilayah", "pml")]
TEAM_PML = [
    "id", "nama", "status", "ppl", "ppl_menganggur", "ppl_tertinggal", "ditugaskan", "terdata", "capaian",
    "rencana", "selisih_kel", "selisih",
]  # fmt: skip
SHOWN_ROWS = 15  # taller tables scroll
MAX_ROWS = 500
POINTS_PER_REGENCY = 500  # a strip of 500 shows the spread; every point costs the browser its hover text
TEAM_OPTIONS = 2_000  # more than Kaltim's 1.706 PML and Koseka teams: a list; beyond, a search first


@dataclass(frozen=True)
class ActionList:
    """One list of officers to act on: its count column (1 on a PPL row that is one of them) and its
    words: the headline figure, its help, the list's tab, and what the list says when it is empty."""

    count: str
    label: str
    hint: str
    tab: str
    empty: str


ACTION_LISTS = {
    "tertinggal": ActionList(
        "ppl_tertinggal",
        "petugas.tertinggal",
        "petugas.tertinggal_bantuan",
        "petugas.tab_tertinggal",
        "petugas.kosong_tertinggal",
    ),
    "menganggur": ActionList(
        "ppl_menganggur",
        "petugas.menganggur",
        "petugas.menganggur_bantuan",
        "petugas.tab_menganggur",
        "petugas.kosong_menganggur",
    ),
    "beban": ActionList(
        "ppl_beban_berlebih",
        "petugas.beban",
        "petugas.beban_bantuan",
        "petugas.tab_beban",
        "petugas.kosong_beban",
    ),
}


@ui.shared_per_version
def officer_rows(frame: ui.Frame) -> pd.DataFrame:
    """Every officer, team and area of the frame, one answer shared by the page's sections (never
    changed: they filter and sort copies). Cells are formatted only for the rows shown."""
    return ui.ask_uncached("petugas_kinerja", as_of=frame.as_of, kab=frame.kode_kab)


def officer_table(rows: pd.DataFrame, columns: list[str], frame: ui.Frame, name: str, title: str) -> ui.Table:
    """Every row under the frame's words; the regency only when the frame shows the province."""
    if frame.kode_kab is not None:
        columns = [column for column in columns if column != "wilayah"]
    cells = {}
    for column in columns:
        words, kind, source = COLUMNS[column]
        cells[frame.t(words)] = (kind, source(rows, frame) if callable(source) else rows[source])
    return ui.Table.of(cells, page="petugas", name=name, title=title)


def show_table(table: ui.Table, frame: ui.Frame) -> None:
    """A tinted table of the first MAX_ROWS rows (formatting and styling the province's 6.400 officers
    takes seconds), saying so when there are more; its files carry every row."""
    ui.table(table, frame, max_rows=SHOWN_ROWS, shown_rows=MAX_ROWS)
    if len(table) > MAX_ROWS:
        st.caption(frame.t("petugas.terpotong", n=ui.number(MAX_ROWS), total=ui.number(len(table))))


@ui.per_version
def headline(frame: ui.Frame) -> None:
    t = frame.t
    rows = officer_rows(frame)
    area = rows[rows.tingkat == ("KAB" if frame.kode_kab else "PROV")].iloc[0]
    areas = ui.ask("capaian_wilayah", as_of=frame.as_of)
    behind = t(
        "petugas.bagian_tertinggal",
        tertinggal=ui.number(area.ppl_tertinggal),
        total=ui.number(area.jumlah_ppl),
        bagian=ui.percent(100 * area.ppl_tertinggal / area.jumlah_ppl),
    )
    ui.area_status(areas[areas.kode_wilayah == (frame.kode_kab or ui.PROVINCE)].iloc[0], frame, behind)
    columns = st.columns(4)
    columns[0].metric(
        t("petugas.jumlah_ppl"),
        ui.number(area.jumlah_ppl),
        border=True,
        help=t(
            "petugas.jumlah_ppl_bantuan",
            ditugaskan=ui.number(area.ditugaskan),
            sls=ui.number(area.jumlah_sls),
            terdata=ui.number(area.terdata),
            capaian=ui.percent(area.persen),
        ),
    )
    counts = {
        "akhir": ui.date(frame.fieldwork_end, frame.lang),
        "aktif": ui.number(area.ppl_aktif),
        "menganggur": ui.number(area.ppl_menganggur),
        "tanpa_sisa": ui.number(area.jumlah_ppl - area.ppl_aktif - area.ppl_menganggur),
        "total": ui.number(area.jumlah_ppl),
    }
    for column, shown in zip(columns[1:], ACTION_LISTS.values(), strict=True):
        column.metric(t(shown.label), ui.number(area[shown.count]), border=True, help=t(shown.hint, **counts))


def ppl_rows(frame: ui.Frame) -> pd.DataFrame:
    rows = officer_rows(frame)
    return rows[rows.tingkat == "PPL"]


@ui.shared_per_version
def action_tables(frame: ui.Frame) -> list[tuple[str, ui.Table, str]]:
    """Each list of officers to act on: its name, its table, and what its note says."""
    t = frame.t
    ppl = ppl_rows(frame)
    behind = ppl[ppl.ppl_tertinggal > 0].sort_values("selisih")
    idle = ppl[ppl.ppl_menganggur > 0].sort_values(["hari_menganggur", "sisa_keluarga"], ascending=False)
    overloaded = ppl[ppl.ppl_beban_berlebih > 0].sort_values("kali_median", ascending=False)
    lists = [
        ("tertinggal", behind, BEHIND, t("petugas.catatan_tertinggal")),
        (
            "menganggur",
            idle,
            IDLE,
            t("petugas.catatan_menganggur", belum=ui.number(idle.ppl_belum_mulai.sum())),
        ),
        ("beban", overloaded, OVERLOADED, t("petugas.catatan_beban")),
    ]
    return [
        (name, officer_table(rows, columns, frame, name, t(ACTION_LISTS[name].label)), note)
        for name, rows, columns, note in lists
    ]


def action_lists(frame: ui.Frame) -> None:
    t = frame.t
    st.subheader(t("petugas.perlu_tindakan"))
    lists = action_tables(frame)
    tabs = st.tabs([t(ACTION_LISTS[name].tab, n=ui.number(len(table))) for name, table, _ in lists])
    for tab, (name, table, note) in zip(tabs, lists, strict=True):
        with tab:
            if not len(table):
                st.success(t(ACTION_LISTS[name].empty), icon=":material/check_circle:")
                continue
            show_table(table, frame)
            st.caption(note)


def _point_hover(row, frame: ui.Frame) -> str:
    t = frame.t
    return "<br>".join(
        [
            f"<b>{ui.plain_plotly(row.id_petugas)} · {ui.plain_plotly(row.nama)}</b>",
            t("petugas.hover.tugas", ditugaskan=ui.number(row.ditugaskan), sls=ui.number(row.jumlah_sls)),
            t("petugas.hover.terdata", terdata=ui.number(row.terdata), capaian=ui.percent(row.persen)),
            t("petugas.hover.laju", laju=ui.rate(row.laju_7hari)),
            f"{t('kolom.status')}: {_status_label(row, frame)}",
        ]
    )


def overload_limits(ppl: pd.DataFrame, frame: ui.Frame) -> pd.DataFrame:
    """Each regency's overload limit (the same on every one of its PPL rows), with its hover text."""
    limits = ppl.dropna(subset=["batas_beban"]).drop_duplicates("nama_pendek")[
        ["nama_pendek", "median_kab", "batas_beban"]
    ]
    hover = [
        frame.t(
            "petugas.hover.batas",
            wilayah=ui.plain_plotly(row.nama_pendek),
            median=ui.rate(row.median_kab),
            batas=ui.rate(row.batas_beban),
        )
        for row in limits.itertuples()
    ]
    return limits.rename(columns={"batas_beban": "batas"}).assign(hover=hover)


def points_to_draw(ppl: pd.DataFrame, columns: tuple[str, ...], frame: ui.Frame) -> list[pd.DataFrame]:
    """The PPL drawn as points for each of `columns`, with their hover text (written once per officer).
    A national roll-out has regencies of tens of thousands of PPL, too many points for a browser:
    those are sampled evenly by value."""
    samples = [even_sample(ppl, "kode_kab", column, POINTS_PER_REGENCY) for column in columns]
    drawn = pd.concat(samples).drop_duplicates("id_petugas")
    hover = dict(zip(drawn.id_petugas, [_point_hover(row, frame) for row in drawn.itertuples()], strict=True))
    return [sample.assign(hover=sample.id_petugas.map(hover)) for sample in samples]


def spread_section(frame: ui.Frame) -> None:
    t = frame.t
    st.subheader(t("petugas.sebaran"))
    (workload, pace), note = spread_figures(frame)
    left, right = st.columns(2)
    with left:
        ui.chart(workload, frame, title=t("petugas.judul_beban"), name="petugas_beban")
    with right:
        ui.chart(pace, frame, title=t("petugas.judul_laju"), name="petugas_laju")
    st.caption(note)


@ui.shared_per_version
def spread_figures(frame: ui.Frame):
    """The PPL's workload and pace by regency, and the note under them: thousands of points, shared
    rather than copied on every run."""
    t = frame.t
    ppl = ppl_rows(frame)
    workload_points, pace_points = points_to_draw(ppl, ("ditugaskan", "laju_7hari"), frame)
    workload = spread_figure(
        workload_points,
        "ditugaskan",
        "hover",
        title=t("petugas.judul_beban"),
        axis_title=t("petugas.sumbu_beban"),
        limits=overload_limits(ppl.sort_values("kode_kab"), frame),
        limit_name=t("petugas.batas_beban"),
    )
    pace = spread_figure(
        pace_points,
        "laju_7hari",
        "hover",
        title=t("petugas.judul_laju"),
        axis_title=t("petugas.sumbu_laju"),
    )
    note = t("petugas.catatan_sebaran")
    if ppl.groupby("kode_kab").size().max() > POINTS_PER_REGENCY:
        note += " " + t("petugas.catatan_sampel", n=ui.number(POINTS_PER_REGENCY))
    return (workload, pace), note


def _team_key(row) -> str:
    return f"{row.tingkat}:{row.id_koseka if row.tingkat == 'KOSEKA' else row.id_pml}"


def _team_label(row, frame: ui.Frame) -> str:
    if row.tingkat == "KOSEKA":
        region = f" — {row.nama_pendek}" if frame.kode_kab is None else ""
        return f"Koseka {row.id_koseka} · {row.nama}{region}"
    return f"PML {row.id_pml} · {row.nama}"


def narrowed_teams(teams: pd.DataFrame, frame: ui.Frame) -> pd.DataFrame:
    """All the teams when a list can hold them; beyond TEAM_OPTIONS (a national roll-out has a hundred
    thousand), those whose label holds the text searched for, the first TEAM_OPTIONS of them."""
    if len(teams) <= TEAM_OPTIONS:
        return teams
    search = st.text_input(
        frame.t("petugas.cari_tim"),
        value=st.session_state.get("cari_tim", ""),
        placeholder=frame.t("petugas.cari_contoh"),
        key=f"cari_tim_{frame.lang}",
    ).strip()
    st.session_state["cari_tim"] = search
    found = teams[teams.label.str.contains(search, case=False, regex=False)] if search else teams
    shown = min(len(found), TEAM_OPTIONS)
    st.caption(frame.t("petugas.tim_ditemukan", n=ui.number(shown), total=ui.number(len(found))))
    return found.head(TEAM_OPTIONS)


def choose_team(teams: pd.DataFrame, frame: ui.Frame) -> str | None:
    """The chosen team's key (None when a search finds none). The choice outlives a language switch."""
    teams = narrowed_teams(teams, frame)
    if teams.empty:
        return None
    labels = dict(zip(teams.kunci, teams.label, strict=True))
    keys = list(labels)
    remembered = st.session_state.get("tim_petugas")
    # One widget per language (its label changes the widget), carrying the choice across.
    chosen = st.selectbox(
        frame.t("petugas.pilih_tim"),
        keys,
        index=keys.index(remembered) if remembered in labels else 0,
        format_func=labels.get,
        key=f"tim_petugas_{frame.lang}",
        help=frame.t("petugas.pilih_tim_bantuan"),
    )
    st.session_state["tim_petugas"] = chosen
    return chosen


def team_headline(team, frame: ui.Frame) -> None:
    t = frame.t
    gap = t("petugas.selisih_delta", poin=ui.points(team.selisih)) if pd.notna(team.selisih) else None
    total = ui.number(team.jumlah_ppl)
    columns = [*st.columns(3), *st.columns(3)]  # two rows: six figures do not fit 1280 px in one
    columns[0].metric(t("petugas.kolom.ditugaskan"), ui.number(team.ditugaskan), border=True)
    columns[1].metric(t("kolom.terdata"), ui.number(team.terdata), border=True)
    columns[2].metric(t("kolom.capaian"), ui.percent(team.persen), delta=gap, border=True)
    columns[3].metric(t("kolom.status"), ui.status(team.status, frame), border=True)
    columns[4].metric(t("petugas.ppl_menganggur", total=total), ui.number(team.ppl_menganggur), border=True)
    columns[5].metric(t("petugas.ppl_tertinggal", total=total), ui.number(team.ppl_tertinggal), border=True)


def _teams(rows: pd.DataFrame) -> pd.DataFrame:
    teams = rows[rows.tingkat.isin(["PML", "KOSEKA"]) & rows.nama.notna()]
    return teams.assign(kunci=[_team_key(row) for row in teams.itertuples()])


@ui.per_version
def teams_of(frame: ui.Frame) -> pd.DataFrame:
    """The PML and Koseka teams to choose from, each Koseka before its PML: their keys and labels."""
    teams = _teams(officer_rows(frame))
    teams = teams.assign(
        label=[_team_label(row, frame) for row in teams.itertuples()], pml=teams.tingkat == "PML"
    )
    return teams.sort_values(["kode_kab", "id_koseka", "pml", "id_pml"])[["kunci", "label"]]


@ui.per_version
def ppl_count(frame: ui.Frame) -> int:
    return len(ppl_rows(frame))


def team_section(frame: ui.Frame) -> None:
    """A PML's PPL, or a Koseka's PML, and the team's sums."""
    st.subheader(frame.t("petugas.tim"))
    teams = teams_of(frame)
    if teams.empty:
        return
    chosen = choose_team(teams, frame)
    if chosen is not None:
        show_table(team_members(chosen, frame), frame)


@ui.per_version
def team_members(key: str, frame: ui.Frame) -> ui.Table:
    """The team under `key` (see _team_key): draws its sums and its members' title, and gives the members."""
    rows = officer_rows(frame)
    teams = _teams(rows)
    team = teams[teams.kunci == key].iloc[0]
    team_headline(team, frame)
    if team.tingkat == "PML":
        title = "petugas.anggota_pml"
        members, columns = rows[(rows.tingkat == "PPL") & (rows.id_pml == team.id_pml)], TEAM_PPL
    else:
        title = "petugas.anggota_koseka"
        members, columns = rows[(rows.tingkat == "PML") & (rows.id_koseka == team.id_koseka)], TEAM_PML
    st.markdown(f"**{frame.t(title, nama=ui.plain(team.nama))}**")
    members = members.sort_values("selisih", na_position="last")
    return officer_table(members, columns, frame, "tim", frame.t(title, nama=team.nama))


def find_officers(ppl: pd.DataFrame, search: str) -> pd.DataFrame:
    """The PPL whose id or name holds `search`, ignoring case."""
    if not search:
        return ppl
    holds = ppl.id_petugas.str.contains(search, case=False, regex=False)
    return ppl[holds | ppl.nama.str.contains(search, case=False, regex=False)]


def all_officers(frame: ui.Frame) -> None:
    t = frame.t
    st.subheader(t("petugas.semua"))
    search = st.text_input(
        t("petugas.cari"),
        value=st.session_state.get("cari_petugas", ""),
        placeholder=t("petugas.cari_contoh"),
        key=f"cari_petugas_{frame.lang}",
    ).strip()
    st.session_state["cari_petugas"] = search
    officers_found(search, frame)


@ui.shared_per_version
def found_table(search: str, frame: ui.Frame) -> tuple[ui.Table, int]:
    """The PPL found, furthest behind plan first, and how many PPL there are."""
    ppl = ppl_rows(frame)
    found = find_officers(ppl, search).sort_values("selisih", na_position="last")
    return officer_table(found, ALL_PPL, frame, "semua", frame.t("petugas.semua")), len(ppl)


def officers_found(search: str, frame: ui.Frame) -> None:
    t = frame.t
    found, total = found_table(search, frame)
    st.caption(t("petugas.ditemukan", n=ui.number(len(found)), total=ui.number(total)))
    if len(found):
        show_table(found, frame)
    st.caption(t("petugas.catatan_semua") + " " + t("status.bantuan"))


ui.add_words(WORDS)
frame = ui.frame()
ui.header(frame, frame.t("halaman.petugas"))
if ppl_count(frame) == 0:
    st.info(frame.t("petugas.tanpa_ppl"))
    st.stop()
headline(frame)
action_lists(frame)
spread_section(frame)
team_section(frame)
all_officers(frame)
