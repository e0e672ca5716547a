"""The input contract: the kinds of file the field systems export, their columns and keys.

A kind is recognised by its columns (every required column present) unless the caller names it.
Kinds load in dependency order so that a file may refer to rows loaded by an earlier file of the
same invocation (officers before their assignments, SLS before the families registered in them).
"""

from dataclasses import dataclass


@dataclass(frozen=True)
class Kind:
    name: str
    key: tuple[str, ...]
    required: tuple[str, ...]
    optional: tuple[str, ...] = ()

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
        ),
        Kind(
            "petugas",
            key=("id_petugas",),
            required=("id_petugas", "nama", "peran", "id_pengawas", "kode_kab"),
        ),
        Kind(
            "desk",
            key=("id_desk",),
            required=("id_desk", "nama_lokasi", "kode_kab", "jumlah_meja", "tanggal_buka", "tanggal_tutup"),
        ),
        Kind(
            "jadwal",
            key=("kode_wilayah", "tahap"),
            required=("kode_wilayah", "tahap", "tanggal_mulai", "tanggal_selesai", "target_persen"),
        ),
        Kind(
            "penugasan",
            key=("idsubsls",),
            required=("id_petugas", "idsubsls"),
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
        ),
    )
}

# The order above is the load order: each kind refers only to kinds before it.
LOAD_ORDER = tuple(KINDS)


class UnknownKind(ValueError):
    """The columns of a file match no kind, or more than one."""


def detect_kind(columns: list[str]) -> Kind:
    """The kind whose required columns are all present; the most specific one wins."""
    present = set(columns)
    matches = [kind for kind in KINDS.values() if set(kind.required) <= present]
    if not matches:
        closest = max(KINDS.values(), key=lambda kind: len(set(kind.required) & present))
        missing = ", ".join(c for c in closest.required if c not in present)
        raise UnknownKind(
            f"kolom tidak cocok dengan jenis berkas mana pun "
            f"(paling mirip '{closest.name}', kurang kolom: {missing})"
        )
    best = max(len(kind.required) for kind in matches)
    winners = [kind for kind in matches if len(kind.required) == best]
    if len(winners) > 1:
        names = ", ".join(kind.name for kind in winners)
        raise UnknownKind(f"kolom cocok dengan lebih dari satu jenis ({names}); sebutkan jenisnya dengan --jenis")
    return winners[0]
