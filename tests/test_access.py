"""Who may see what, enforced where the questions are run (queries/access.py), and the pages each role
gets: the governor's office (pimpinan) never receives an officer's name or id nor a family's id, a
regency head sees only their regency whatever the link asks, and only admins load, see the load
history and the audit log.

The small campaign (tests/fixtures/kecil) has Samarinda (6472) and Mahakam Ulu (6411), seven officers
whose names and ids are listed below, and families K01-K26.
"""

import re

import pandas as pd
import pytest

from pages.ui import signin
from queries import QUERY_DIR, Warehouse, access
from queries.access import Refused
from tests.helpers import ADMIN, BPS, BPS_SAMARINDA, PIMPINAN, QUESTIONS, SMALL_CAMPAIGN, make_accounts

OFFICERS = pd.read_csv(SMALL_CAMPAIGN / "petugas.csv", sep=";", encoding="utf-8-sig", dtype=str)
PEOPLE = [*OFFICERS.id_petugas, *OFFICERS.nama]  # "PPL-1", ..., "Andi Saputra", ...
FAMILY_ID = re.compile(r"\bK[0-9]{2}\b")
PAGES = ["ringkasan", "jadwal", "wilayah", "petugas", "desk", "alur", "presentasi", "data"]
OTHER_REGENCY = ["6411", "Mahakam Ulu"]


def answers(request, viewer) -> dict[str, pd.DataFrame]:
    """Every question this viewer may ask, asked as the pages ask it, on the fixture that gives it rows."""
    asked = {}
    for name, (fixture, params) in QUESTIONS.items():
        if access.may_ask(viewer, name):
            asked[name] = Warehouse(request.getfixturevalue(fixture)).ask(name, viewer=viewer, **params)
    return asked


def drawn(at) -> str:
    """Everything an AppTest run drew, as text: every element's message, tables by their values."""
    texts = []
    for node in at._tree:
        if type(node).__name__ == "Dataframe":
            texts.append(node.value.to_csv())
        else:
            texts.append(str(getattr(node, "proto", "")))
    return "\n".join(texts)


# --- The rule, where questions are run -----------------------------------------------------------------


def test_every_question_has_its_roles():
    files = {path.stem for path in QUERY_DIR.glob("*.sql")} - {"macros"}
    assert set(access.ALLOWED) == files


@pytest.mark.parametrize(
    "name", sorted(name for name, roles in access.ALLOWED.items() if "pimpinan" not in roles)
)
def test_pimpinan_is_refused_every_question_about_people(small_warehouse_template, name):
    params = {
        parameter: None for parameter in re.findall(r"\$([a-z_]+)", (QUERY_DIR / f"{name}.sql").read_text())
    }
    with pytest.raises(Refused):
        Warehouse(small_warehouse_template).ask(name, viewer=PIMPINAN, **params)


@pytest.mark.parametrize("name", sorted(name for name in access.ALLOWED if name.startswith("petugas_")))
def test_the_officers_questions_are_for_the_roles_that_see_names(request, name):
    """Each question of the officers page, as the page asks it, is refused to pimpinan and answered to bps."""
    assert access.ALLOWED[name] == access.NAMED
    fixture, params = QUESTIONS[name]
    warehouse = Warehouse(request.getfixturevalue(fixture))
    with pytest.raises(Refused):
        warehouse.ask(name, viewer=PIMPINAN, **params)
    assert len(warehouse.ask(name, viewer=BPS, **params))


def test_no_answer_a_pimpinan_gets_holds_an_officer_or_a_family(request):
    for name, answer in answers(request, PIMPINAN).items():
        text = answer.to_csv()
        assert [person for person in PEOPLE if person in text] == [], name
        assert not FAMILY_ID.search(text), name


def test_a_regency_limited_account_gets_only_its_regency(request):
    """Every question asked for the whole province (kab None) or for Mahakam Ulu answers for Samarinda."""
    for name, answer in answers(request, BPS_SAMARINDA).items():
        text = answer.to_csv()
        assert [other for other in OTHER_REGENCY if other in text] == [], name
    limited = Warehouse(request.getfixturevalue("small_warehouse_template"))
    areas = limited.ask(
        "capaian_wilayah", viewer=BPS_SAMARINDA, as_of=QUESTIONS["capaian_wilayah"][1]["as_of"]
    )
    assert areas.kode_wilayah.tolist() == ["6472", "64"]  # its regency and the province's total
    as_of = QUESTIONS["petugas_kinerja"][1]["as_of"]
    asked_other = limited.ask("petugas_kinerja", viewer=BPS_SAMARINDA, as_of=as_of, kab="6411")
    assert len(asked_other) and set(asked_other.kode_kab) == {"6472"}


@pytest.mark.parametrize("name", sorted(access.WHOLE_PROVINCE_ONLY))
def test_a_regency_limited_account_is_refused_the_loads_and_rejects(small_warehouse_template, name):
    assert not access.may_ask(BPS_SAMARINDA, name) and access.may_ask(BPS, name)


# --- The pages each role gets ---------------------------------------------------------------------------


@pytest.mark.parametrize("page", [page for page in PAGES if page not in ("petugas", "data")])
def test_no_page_draws_an_officer_or_a_family_for_pimpinan(open_page, small_warehouse_template, page):
    at = open_page(page, small_warehouse_template, viewer=PIMPINAN, tanggal="2022-11-02")
    text = drawn(at)
    assert [person for person in PEOPLE if person in text] == []
    assert not FAMILY_ID.search(text)


@pytest.mark.parametrize("page", ["petugas", "data"])
def test_pimpinan_has_no_people_page_to_open(open_page, small_warehouse_template, page):
    """Not in the navigation (a link to one opens the overview: tests/browser/test_access.py); were a page
    to run anyway, its questions are refused (above)."""
    at = open_page(None, small_warehouse_template, viewer=PIMPINAN)
    with pytest.raises(ValueError, match="Could not find a navigation page"):
        at.switch_page(f"pages/{page}.py")


def test_pimpinan_sees_the_pipeline_without_the_anomalies(open_page, small_warehouse_template):
    at = open_page("alur", small_warehouse_template, viewer=PIMPINAN, tanggal="2022-11-02")
    assert at.title[0].value == "Alur dokumen" and not at.error
    assert any("hanya untuk akun BPS" in caption.value for caption in at.caption)


def test_pimpinan_sees_the_laggards_without_the_sls_list(open_page, small_warehouse_template):
    at = open_page("wilayah", small_warehouse_template, viewer=PIMPINAN, tanggal="2022-10-24")
    assert len(at.tabs) == 2 and any("hanya untuk akun BPS" in caption.value for caption in at.caption)
    bps = open_page("wilayah", small_warehouse_template, viewer=BPS, tanggal="2022-10-24")
    assert len(bps.tabs) == 3


@pytest.mark.parametrize("page", ["ringkasan", "jadwal", "wilayah", "petugas", "desk", "alur"])
def test_a_regency_head_asking_for_another_regency_by_link_sees_their_own(
    open_page, small_warehouse_template, page
):
    at = open_page(page, small_warehouse_template, viewer=BPS_SAMARINDA, tanggal="2022-10-24", kab="6411")
    assert any("Kota Samarinda, keadaan per 24 Okt 2022" in caption.value for caption in at.caption)
    text = drawn(at)
    assert [other for other in ["Mahakam Ulu", "Petrus Ding", "PPL-3"] if other in text] == []


def test_a_regency_head_chooses_among_their_regency_only(open_page, small_warehouse_template):
    at = open_page(None, small_warehouse_template, viewer=BPS_SAMARINDA, kab="6411")
    assert at.selectbox(key="pilih_kab_id").options == ["Kota Samarinda"]


def test_bps_sees_officers_but_not_the_admins_sections(open_page, data_warehouse):
    officers = open_page("petugas", data_warehouse, viewer=BPS, tanggal="2022-10-24")
    assert "Andi Saputra" in drawn(officers)
    data = open_page("data", data_warehouse, viewer=BPS)
    headings = [subheader.value for subheader in data.subheader]
    assert "Baris ditolak" in headings
    assert not {"Riwayat muat", "Unggah berkas", "Jejak akses", "Akun"} & set(headings)


def test_admins_see_the_load_history_the_audit_log_and_the_accounts(
    open_page, data_warehouse, tmp_path, monkeypatch
):
    store = signin.AccessStore(make_accounts(tmp_path / "akses.sqlite"))
    store.add("kepala-bps", "bps", password="sandi-kepala-2022")
    store.record("muat", "operator", "registrasi.csv: dimuat 2, ditolak 0", "baris perintah")
    monkeypatch.setenv("PANTAU_AKSES", str(store.path))
    at = open_page("data", data_warehouse, viewer=ADMIN)
    headings = [subheader.value for subheader in at.subheader]
    assert {"Riwayat muat", "Unggah berkas", "Jejak akses", "Akun"} <= set(headings)
    text = drawn(at)
    assert "registrasi.csv: dimuat 2, ditolak 0" in text and "kepala-bps" in text
