"""Petugas: every PPL against plan, the officers to act on, and the teams of PML and Koseka.

The page asks DuckDB for what it shows (queries/petugas_*.sql): the area's counts, each list's first rows
and the spread charts' boxes and points in one answer, the teams by name, a team when chosen, and the PPL
a search finds. A list's files hold every row: they are made from the whole officers' table
(petugas_kinerja) only when a file is asked for.
"""

from collections.abc import Callable
from dataclasses import dataclass

import pandas as pd
import streamlit as st

from pages import ui
from pages.charts.petugas import spread_figure

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
SEARCH_CHARS = 100  # an officer's id or name is far shorter; a search is a cache key and a query value
TEAM_OPTIONS = 2_000  # more than Kaltim's 1.706 PML and Koseka teams: a list; beyond, a search first


@dataclass(frozen=True)
class ActionList:
    """One list of officers to act on: its count column (1 on a PPL row that is one of them, their number
    on the area's row), the order of its file (petugas_daftar orders the rows shown alike), its columns,
    and its words: the headline figure, its help, the list's tab, and what the list says when it is empty."""

    count: str
    order: tuple[str, ...]
    descending: bool
    columns: list[str]
    label: str
    hint: str
    tab: str
    empty: str


ACTION_LISTS = {
    "tertinggal": ActionList(
        "ppl_tertinggal",
        ("selisih",),
        False,
        BEHIND,
        "petugas.tertinggal",
        "petugas.tertinggal_bantuan",
        "petugas.tab_tertinggal",
        "petugas.kosong_tertinggal",
    ),
    "menganggur": ActionList(
        "ppl_menganggur",
        ("hari_menganggur", "sisa_keluarga"),
        True,
        IDLE,
        "petugas.menganggur",
        "petugas.menganggur_bantuan",
        "petugas.tab_menganggur",
        "petugas.kosong_menganggur",
    ),
    "beban": ActionList(
        "ppl_beban_berlebih",
        ("kali_median",),
        True,
        OVERLOADED,
        "petugas.beban",
        "petugas.beban_bantuan",
        "petugas.tab_beban",
        "petugas.kosong_beban",
    ),
}


@ui.shared_per_version
def shown_lists(frame: ui.Frame) -> tuple[pd.DataFrame, dict[str, pd.DataFrame]]:
    """What the page shows of its officers (petugas_daftar), by list: the area's row, each list's first
    MAX_ROWS and the spread's points with their boxes; shared by the page's sections, never changed.
    First, the answer without rows: an empty list's."""
    rows = ui.ask_uncached(
        "petugas_daftar", as_of=frame.as_of, kab=frame.kode_kab, batas=MAX_ROWS, titik=POINTS_PER_REGENCY
    )
    return rows.iloc[:0], dict(tuple(rows.groupby("daftar", sort=False)))


def listed(frame: ui.Frame, name: str) -> pd.DataFrame:
    """The rows of one list of petugas_daftar, in its order."""
    none, lists = shown_lists(frame)
    return lists.get(name, none)


def area_of(frame: ui.Frame) -> pd.Series | None:
    """The area's own row, its counts of PPL; None when it has none."""
    area = listed(frame, "wilayah")
    return area.iloc[0] if len(area) else None


def officer_table(rows: pd.DataFrame, columns: list[str], frame: ui.Frame, name: str, title: str) -> ui.Table:
    """Every row under the frame's words; the regency only when the frame shows the province."""
    if frame.kode_kab is not None:
        columns = [column for column in columns if column != "wilayah"]
    cells = {}
    for column in columns:
        words, kind, source = COLUMNS[column]
        cells[frame.t(words)] = (kind, source(rows, frame) if callable(source) else rows[source])
    return ui.Table.of(cells, page="petugas", name=name, title=title)


# --- A list cut to the rows shown, with files of every row ------------------------------------------


def every_ppl(frame: ui.Frame) -> Callable[[], pd.DataFrame]:
    """Every PPL of the frame (petugas_kinerja's rows), asked only when called. A file's button calls it
    after this run, on a thread of its own where no session is at hand, so the viewer and the warehouse's
    snapshot are taken now (the run's own, unless a load has landed since the run began)."""
    snapshot, viewer = ui.warehouse().snapshot(), ui.signin.viewer()

    def rows() -> pd.DataFrame:
        officers = snapshot.ask("petugas_kinerja", viewer=viewer, as_of=frame.as_of, kab=frame.kode_kab)
        return officers[officers.tingkat == "PPL"]

    return rows


def show_list(
    make: Callable[..., ui.Table], frame: ui.Frame, *args, total: int, whole: Callable[[], ui.Table]
) -> None:
    """The first rows of a list of `total`, make(frame, *args) (formatting and styling the province's
    6.400 officers takes seconds), saying so when there are more; its files carry every row, made from
    whole() when one is asked for, so that the rows not shown are never read on a page view."""
    ui.table(make, frame, *args, max_rows=SHOWN_ROWS, whole=whole, total=total)
    shown = len(ui.table_of(make, frame, *args))
    if total > shown:
        st.caption(frame.t("petugas.terpotong", n=ui.number(shown), total=ui.number(total)))


# --- The headline and the officers to act on ---------------------------------------------------------


@ui.per_version
def headline(frame: ui.Frame) -> None:
    t = frame.t
    area = area_of(frame)
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


def action_table(frame: ui.Frame, name: str) -> ui.Table:
    """The first rows of action list `name`."""
    shown = ACTION_LISTS[name]
    return officer_table(listed(frame, name), shown.columns, frame, name, frame.t(shown.label))


def action_note(name: str, area: pd.Series, frame: ui.Frame) -> str:
    t = frame.t
    notes = {
        "tertinggal": t("petugas.catatan_tertinggal"),
        "menganggur": t("petugas.catatan_menganggur", belum=ui.number(area.ppl_belum_mulai)),
        "beban": t("petugas.catatan_beban"),
    }
    return notes[name]


def whole_list(name: str, frame: ui.Frame) -> Callable[[], ui.Table]:
    """Every row of action list `name`, in its order, as a table: asked when called."""
    shown, every = ACTION_LISTS[name], every_ppl(frame)

    def table() -> ui.Table:
        ppl = every()
        rows = ppl[ppl[shown.count] > 0].sort_values(
            list(shown.order), ascending=not shown.descending, kind="stable"
        )
        return officer_table(rows, shown.columns, frame, name, frame.t(shown.label))

    return table


def action_lists(frame: ui.Frame) -> None:
    t = frame.t
    st.subheader(t("petugas.perlu_tindakan"))
    area = area_of(frame)
    totals = {name: int(area[shown.count]) for name, shown in ACTION_LISTS.items()}
    tabs = st.tabs([t(ACTION_LISTS[name].tab, n=ui.number(total)) for name, total in totals.items()])
    for tab, (name, total) in zip(tabs, totals.items(), strict=True):
        with tab:
            if not total:
                st.success(t(ACTION_LISTS[name].empty), icon=":material/check_circle:")
                continue
            show_list(action_table, frame, name, total=total, whole=whole_list(name, frame))
            st.caption(action_note(name, area, frame))


# --- The spread of workload and pace --------------------------------------------------------------------


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


def spread_points(frame: ui.Frame, measure: str) -> pd.DataFrame:
    """The PPL drawn for `measure` (at most POINTS_PER_REGENCY a regency: a national roll-out has regencies
    of tens of thousands of PPL, too many points for a browser), each with its hover text."""
    points = listed(frame, measure)
    return points.assign(hover=[_point_hover(row, frame) for row in points.itertuples()])


def overload_limits(points: pd.DataFrame, frame: ui.Frame) -> pd.DataFrame:
    """Each regency's overload limit (the same on every one of its PPL rows), with its hover text."""
    limits = points.dropna(subset=["batas_beban"]).drop_duplicates("nama_pendek")[
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


def workload_figure(frame: ui.Frame):
    t = frame.t
    points = spread_points(frame, "ditugaskan")
    return spread_figure(
        points,
        title=t("petugas.judul_beban"),
        axis_title=t("petugas.sumbu_beban"),
        limits=overload_limits(points, frame),
        limit_name=t("petugas.batas_beban"),
    )


def pace_figure(frame: ui.Frame):
    t = frame.t
    return spread_figure(
        spread_points(frame, "laju_7hari"), title=t("petugas.judul_laju"), axis_title=t("petugas.sumbu_laju")
    )


@ui.per_version
def spread_note(frame: ui.Frame) -> str:
    note = frame.t("petugas.catatan_sebaran")
    if listed(frame, "ditugaskan").jumlah.max() > POINTS_PER_REGENCY:
        note += " " + frame.t("petugas.catatan_sampel", n=ui.number(POINTS_PER_REGENCY))
    return note


def spread_section(frame: ui.Frame) -> None:
    t = frame.t
    st.subheader(t("petugas.sebaran"))
    left, right = st.columns(2)
    with left:
        ui.chart(workload_figure, frame, title=t("petugas.judul_beban"), name="petugas_beban")
    with right:
        ui.chart(pace_figure, frame, title=t("petugas.judul_laju"), name="petugas_laju")
    st.caption(spread_note(frame))


# --- The teams ------------------------------------------------------------------------------------------


def _team_id(row) -> str:
    return row.id_koseka if row.tingkat == "KOSEKA" else row.id_pml


def _team_label(row, frame: ui.Frame) -> str:
    if row.tingkat == "KOSEKA":
        region = f" — {row.nama_pendek}" if frame.kode_kab is None else ""
        return f"Koseka {row.id_koseka} · {row.nama}{region}"
    return f"PML {row.id_pml} · {row.nama}"


@ui.per_version
def teams_of(frame: ui.Frame, search: str | None) -> pd.DataFrame:
    """The first TEAM_OPTIONS teams whose leader's id or name holds `search` (None: every team), each
    Koseka before its PML, with their keys and labels, and how many match (jumlah)."""
    teams = ui.ask("petugas_tim", kab=frame.kode_kab, cari=search, batas=TEAM_OPTIONS)
    return teams.assign(
        kunci=[f"{row.tingkat}:{_team_id(row)}" for row in teams.itertuples()],
        label=[_team_label(row, frame) for row in teams.itertuples()],
    )


def narrowed_teams(teams: pd.DataFrame, frame: ui.Frame) -> pd.DataFrame:
    """All the teams when a list can hold them; beyond TEAM_OPTIONS (a national roll-out has a hundred
    thousand), those whose leader's id or name holds the text searched for, the first TEAM_OPTIONS."""
    if teams.jumlah.iloc[0] <= TEAM_OPTIONS:
        return teams
    search = st.text_input(
        frame.t("petugas.cari_tim"),
        value=st.session_state.get("cari_tim", ""),
        placeholder=frame.t("petugas.cari_contoh"),
        max_chars=SEARCH_CHARS,
        key=f"cari_tim_{frame.lang}",
    ).strip()
    st.session_state["cari_tim"] = search
    found = teams_of(frame, search) if search else teams
    total = found.jumlah.iloc[0] if len(found) else 0
    st.caption(frame.t("petugas.tim_ditemukan", n=ui.number(len(found)), total=ui.number(total)))
    return found


def choose_team(teams: pd.DataFrame, frame: ui.Frame):
    """The chosen team's row (None when a search finds none). The choice outlives a language switch."""
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
    return teams[teams.kunci == chosen].iloc[0]


def team_rows(frame: ui.Frame, level: str, regency: str, leader: str) -> pd.DataFrame:
    """The team's own row, then its members (petugas_tim_anggota). Asked for the team's regency: an
    officer's figures depend on their regency alone, so the province need not be worked out."""
    return ui.ask("petugas_tim_anggota", as_of=frame.as_of, kab=regency, tingkat=level, tim=leader)


@ui.per_version
def team_headline(frame: ui.Frame, level: str, regency: str, leader: str) -> None:
    """The team's sums, and the title of its members."""
    t = frame.t
    team = team_rows(frame, level, regency, leader).iloc[0]
    gap = t("petugas.selisih_delta", poin=ui.points(team.selisih)) if pd.notna(team.selisih) else None
    total = ui.number(team.jumlah_ppl)
    columns = [*st.columns(3), *st.columns(3)]  # two rows: six figures do not fit 1280 px in one
    columns[0].metric(t("petugas.kolom.ditugaskan"), ui.number(team.ditugaskan), border=True)
    columns[1].metric(t("kolom.terdata"), ui.number(team.terdata), border=True)
    columns[2].metric(t("kolom.capaian"), ui.percent(team.persen), delta=gap, border=True)
    columns[3].metric(t("kolom.status"), ui.status(team.status, frame), border=True)
    columns[4].metric(t("petugas.ppl_menganggur", total=total), ui.number(team.ppl_menganggur), border=True)
    columns[5].metric(t("petugas.ppl_tertinggal", total=total), ui.number(team.ppl_tertinggal), border=True)
    st.markdown(f"**{t(TEAM_TITLES[level], nama=ui.plain(team.nama))}**")


TEAM_TITLES = {"PML": "petugas.anggota_pml", "KOSEKA": "petugas.anggota_koseka"}


def team_table(frame: ui.Frame, level: str, regency: str, leader: str) -> ui.Table:
    """A PML's PPL or a Koseka's PML, furthest behind their plan first."""
    rows = team_rows(frame, level, regency, leader)
    columns = TEAM_PPL if level == "PML" else TEAM_PML
    title = frame.t(TEAM_TITLES[level], nama=rows.nama.iloc[0])
    return officer_table(rows.iloc[1:], columns, frame, "tim", title)


def team_section(frame: ui.Frame) -> None:
    """A PML's PPL, or a Koseka's PML, and the team's sums."""
    st.subheader(frame.t("petugas.tim"))
    teams = teams_of(frame, None)
    if teams.empty:
        return
    team = choose_team(teams, frame)
    if team is None:
        return
    chosen = (team.tingkat, team.kode_kab, _team_id(team))
    team_headline(frame, *chosen)
    ui.table(team_table, frame, *chosen, max_rows=SHOWN_ROWS, shown_rows=MAX_ROWS)


# --- Every PPL, and a search ------------------------------------------------------------------------------


def find_officers(ppl: pd.DataFrame, search: str) -> pd.DataFrame:
    """The PPL whose id or name holds `search`, ignoring case."""
    if not search:
        return ppl
    holds = ppl.id_petugas.str.contains(search, case=False, regex=False)
    return ppl[holds | ppl.nama.str.contains(search, case=False, regex=False)]


def found(frame: ui.Frame, search: str) -> tuple[pd.DataFrame, int]:
    """The first PPL found, furthest behind plan first, and how many there are: the page's own list
    without a search (petugas_daftar), petugas_cari with one."""
    if not search:
        return listed(frame, "semua"), int(area_of(frame).jumlah_ppl)
    rows = ui.ask("petugas_cari", as_of=frame.as_of, kab=frame.kode_kab, cari=search, batas=MAX_ROWS)
    return rows, int(rows.jumlah.max()) if len(rows) else 0


def found_table(frame: ui.Frame, search: str) -> ui.Table:
    return officer_table(found(frame, search)[0], ALL_PPL, frame, "semua", frame.t("petugas.semua"))


def whole_found(search: str, frame: ui.Frame) -> Callable[[], ui.Table]:
    """Every PPL found, furthest behind plan first, as a table: asked when called."""
    every = every_ppl(frame)

    def table() -> ui.Table:
        found = find_officers(every(), search).sort_values("selisih", kind="stable")
        return officer_table(found, ALL_PPL, frame, "semua", frame.t("petugas.semua"))

    return table


def all_officers(frame: ui.Frame) -> None:
    t = frame.t
    st.subheader(t("petugas.semua"))
    search = st.text_input(
        t("petugas.cari"),
        value=st.session_state.get("cari_petugas", ""),
        placeholder=t("petugas.cari_contoh"),
        max_chars=SEARCH_CHARS,
        key=f"cari_petugas_{frame.lang}",
    ).strip()
    st.session_state["cari_petugas"] = search
    matched = found(frame, search)[1]
    st.caption(t("petugas.ditemukan", n=ui.number(matched), total=ui.number(area_of(frame).jumlah_ppl)))
    if matched:
        show_list(found_table, frame, search, total=matched, whole=whole_found(search, frame))
    st.caption(t("petugas.catatan_semua") + " " + t("status.bantuan"))


ui.add_words(WORDS)
frame = ui.frame()
ui.header(frame, frame.t("halaman.petugas"))
if area_of(frame) is None:
    st.info(frame.t("petugas.tanpa_ppl"))
    st.stop()
headline(frame)
action_lists(frame)
spread_section(frame)
team_section(frame)
all_officers(frame)
