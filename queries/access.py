"""Who may ask which question, enforced where the questions are run (Snapshot.ask), whatever page or
link the asking came from.

- `pimpinan` (the governor's office, regional heads): every aggregate, down to the SLS; no question that
  returns officers' names or ids, families' ids, rejected rows or the loads.
- `bps` (BPS Kaltim and the regency heads): every question (the Data page shows the load history itself
  to admins only; bps reads the loads' files and counts to filter the rejects).
- `admin`: every question.

An account limited to one regency (`kode_kab`, bps only) is narrowed in two ways: a question's `$kab` is
always its regency, whatever was asked (a link with another `?kab=` gets its own); and the answers that
list regencies row by row keep only its regency and the province's total. Questions about files and loads
(`data_*`) cannot be cut to a regency (a rejected row may have no valid code): such an account is refused
them.
"""

from dataclasses import dataclass

import pandas as pd

from data.accounts import ROLES
from data.contract import PROVINCE

EVERYONE = frozenset(ROLES)
NAMED = frozenset({"bps", "admin"})  # may see people: officers by name and id, families by id
# Each question and the roles that may ask it: every file of queries/ is listed (a test checks).
ALLOWED = {
    "alur_antrean": EVERYONE,
    "alur_luar_penugasan": NAMED,
    "alur_luar_wilayah": NAMED,
    "alur_petugas_harian": NAMED,
    "alur_tahap": EVERYONE,
    "alur_tanggal_janggal": NAMED,
    "capaian_wilayah": EVERYONE,
    "daftar_kabupaten": EVERYONE,
    "data_kesegaran": NAMED,
    "data_pembatalan": NAMED,
    "data_riwayat": NAMED,
    "data_tolak": NAMED,
    "data_tolak_jumlah": NAMED,
    "desk_cek_rumah": EVERYONE,
    "desk_kedatangan": EVERYONE,
    "desk_layanan": EVERYONE,
    "desk_porsi": EVERYONE,
    "info_data": EVERYONE,
    "jadwal_harian": EVERYONE,
    "jadwal_kurva": EVERYONE,
    "jadwal_laju_perlu": EVERYONE,
    "jadwal_tonggak": EVERYONE,
    "petugas_cari": NAMED,
    "petugas_daftar": NAMED,
    "petugas_kinerja": NAMED,
    "petugas_tim": NAMED,
    "petugas_tim_anggota": NAMED,
    "petugas_tim_tertinggal": NAMED,
    "wilayah_rincian": EVERYONE,
    "wilayah_sls_belum_mulai": NAMED,
    "wilayah_sls_petugas": NAMED,
    "wilayah_tertinggal": EVERYONE,
}
# Questions an account limited to one regency may not ask at all.
WHOLE_PROVINCE_ONLY = frozenset(
    {"data_kesegaran", "data_pembatalan", "data_riwayat", "data_tolak", "data_tolak_jumlah"}
)
# Answers that list regencies (or the province) row by row, and the column holding each row's code.
REGENCY_ROWS = {
    "alur_tahap": "kode_wilayah",
    "capaian_wilayah": "kode_wilayah",
    "daftar_kabupaten": "kode_kab",
    "desk_porsi": "kode_wilayah",
    "jadwal_kurva": "kode_wilayah",
}


class Refused(PermissionError):
    """A question this viewer may not ask."""


@dataclass(frozen=True)
class Viewer:
    name: str
    role: str
    kode_kab: str | None = None  # a bps account limited to one regency

    def __post_init__(self):
        if self.role not in ROLES:
            raise ValueError(f"unknown role {self.role!r}")

    @property
    def scope(self) -> tuple[str, str | None]:
        """What the answers depend on: viewers of one scope get the same answers (a key for caching)."""
        return self.role, self.kode_kab


def may_ask(viewer: Viewer, name: str) -> bool:
    if viewer.role not in ALLOWED[name]:
        return False
    return not (viewer.kode_kab and name in WHOLE_PROVINCE_ONLY)


def allowed_params(viewer: Viewer, name: str, params: dict) -> dict:
    """The parameters the question runs with for this viewer (its regency for `kab`), or Refused."""
    if not may_ask(viewer, name):
        raise Refused(f"{viewer.role} tidak boleh bertanya {name}")
    if viewer.kode_kab and "kab" in params:
        return {**params, "kab": viewer.kode_kab}
    return params


def narrowed(viewer: Viewer, name: str, answer: pd.DataFrame) -> pd.DataFrame:
    """The answer's rows this viewer may see: a limited account's own regency, and the province's total
    to compare it with; never another regency's."""
    column = REGENCY_ROWS.get(name)
    if not viewer.kode_kab or column is None:
        return answer
    return answer[answer[column].isin([viewer.kode_kab, PROVINCE])].reset_index(drop=True)
