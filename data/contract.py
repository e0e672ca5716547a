"""The input contract: the kinds of file the field systems export, their columns and keys.

A kind is recognised by its columns unless the caller names it.
Kinds load in dependency order so that a file may refer to rows loaded by an earlier file of the
same invocation (officers before their assignments, SLS before the families registered in them,
families before their withdrawal).
"""

import datetime as dt
import re
from dataclasses import dataclass

# Kaltim keeps WITA (UTC+8): the exports' dates and times are WITA; loads are recorded in UTC.
WITA = dt.timedelta(hours=8)
# BPS's code of Kalimantan Timur: a schedule's kode_wilayah for the whole province, and the first two
# digits of every regency code.
PROVINCE = "64"
PROVINCE_NAME = "Kalimantan Timur"
REGENCY_CODE = re.compile(rf"{PROVINCE}[0-9]{{2}}")
# The same for SQL, the loader's and the questions': `kode_provinsi()`, `nama_provinsi()`. Only these
# constants are written into the text.
PROVINCE_MACROS = (
    f"CREATE OR REPLACE TEMP MACRO kode_provinsi() AS '{PROVINCE}';\n"
    f"CREATE OR REPLACE TEMP MACRO nama_provinsi() AS '{PROVINCE_NAME}';"
)


@dataclass(frozen=True)
class Kind:
    name: str
    key: tuple[str, ...]
    required: tuple[str, ...]
    optional: tuple[str, ...] = ()
    # What one key names, as a reject's reason says it ("berbeda untuk keluarga yang sama").
    noun: str = ""

    @property
    def columns(self) -> tuple[str, ...]:
        return self.required + self.optional


KINDS: dict[str, Kind] = {
    kind.name: kind
    for kind in (
        Kind(
            "wilayah",
            key=("idsubsls",),
            required=("idsubsls", "nama_kab", "nama_kec", "nama_desa", "nama_sls", "target_keluarga"),
            noun="SLS",
        ),
        Kind(
            "petugas",
            key=("id_petugas",),
            required=("id_petugas", "nama", "peran", "id_pengawas", "kode_kab"),
            noun="petugas",
        ),
        Kind(
            "desk",
            key=("id_desk",),
            required=("id_desk", "nama_lokasi", "kode_kab", "jumlah_meja", "tanggal_buka", "tanggal_tutup"),
            noun="desk",
        ),
        Kind(
            "jadwal",
            key=("kode_wilayah", "tahap"),
            required=("kode_wilayah", "tahap", "tanggal_mulai", "tanggal_selesai", "target_persen"),
            noun="wilayah dan tahap",
        ),
        Kind(
            "penugasan",
            key=("idsubsls",),
            required=("id_petugas", "idsubsls"),
            noun="SLS",
        ),
        Kind(
            "registrasi",
            key=("id_keluarga",),
            required=("id_keluarga", "idsubsls", "id_petugas", "kanal", "tanggal_didata", "jumlah_art"),
            optional=(
                "id_desk",
                "tanggal_diperiksa",
                "tanggal_diterima",
                "tanggal_cek_rumah",
                "waktu_datang",
                "waktu_mulai",
                "waktu_selesai",
            ),
            noun="keluarga",
        ),
        # Families withdrawn (a duplicate registration, a family that moved away): each leaves the
        # registrations and is kept, with its reason, in the history `pembatalan`.
        Kind(
            "pembatalan",
            key=("id_keluarga",),
            required=("id_keluarga", "alasan"),
            noun="keluarga",
        ),
    )
}

# The order above is the load order: each kind refers only to kinds before it.
LOAD_ORDER = tuple(KINDS)


class UnknownKind(ValueError):
    """The columns of a file match no kind, or more than one."""


def _likeness(kind: Kind, present: set[str]) -> tuple[int, float]:
    """How many of the kind's columns the file has, then what share of the kind that is."""
    shared = len(present & set(kind.columns))
    return shared, shared / len(kind.columns)


def detect_kind(columns: list[str]) -> Kind:
    """The kind the columns most look like. A file missing some required columns is still
    recognised (so the loader can say which are missing) when it has at least half of them."""
    present = set(columns)
    ranked = sorted(KINDS.values(), key=lambda kind: _likeness(kind, present), reverse=True)
    best, runner_up = ranked[0], ranked[1]
    if 2 * len(present & set(best.required)) < len(best.required):
        raise UnknownKind("kolom tidak cocok dengan jenis berkas mana pun (" + ", ".join(KINDS) + ")")
    if _likeness(best, present) == _likeness(runner_up, present):
        raise UnknownKind(
            f"kolom cocok dengan lebih dari satu jenis ({best.name}, {runner_up.name}); "
            "sebutkan jenisnya dengan --jenis"
        )
    return best
