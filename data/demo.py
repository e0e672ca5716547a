"""A simulated Regsosek 2022 campaign in Kalimantan Timur, written as input-contract files.

The demo never writes to the warehouse itself: it writes the six kinds of file the field systems export,
and the real loader loads them, so the demo always exercises the real path. Same seed and arguments give
byte-identical files.

Calibration (figures from docs/domain.md, sources named there; assumptions are marked as such):
- 10 regencies with BPS codes and 2020 census population (data/reference/kabupaten.csv); 103 kecamatan
  with BPS codes; desa + kelurahan per regency as in the domain table (1,038 in the province).
- ~14,500 SLS and ~1.18 million families (Antara 174133: ~1,065,000 recorded = 90%; the target is derived).
- Officers: ~6,400 PPL (Samarinda 1,316, Kutai Kartanegara 1,190, Balikpapan 1,104 reported, Antara 170705),
  one PML per ~4 PPL (Palembang and Banten ratios), one Koseka per kecamatan: ~8,100 in all. Antara 167993
  reports 8,600 officers; the ~500 not generated are taken to be office staff outside the
  PPL -> PML -> Koseka line (assumption).
- Field collection from Sat 15 Oct 2022, Kaltim's own target 20 Nov, national extension to 30 Nov; ~90%
  recorded at the mid-November evaluation (Antara 174133).
- Collective desks in Samarinda, first at the Diskominfo Kaltim office (seed 000); dates, counters and
  throughput are invented: none were published.
"""

import csv
import heapq
import math
from datetime import date, timedelta
from pathlib import Path

import numpy as np
import pyarrow as pa
import pyarrow.compute as pc
import pyarrow.csv as pacsv

REFERENCE = Path(__file__).parent / "reference" / "kabupaten.csv"
DISTRICTS_FILE = "kaltim_districts_codes.csv"

START = date(2022, 10, 15)  # field collection starts (KBR 14 Sep 2022)
FIELD_DAYS = 47  # 15 Oct .. 30 Nov, the national extension (papuabaratnews)

# The demo campaign's "today": the dashboard opens on it, mid-campaign, with some regencies behind.
TODAY = date(2022, 11, 8)
FAMILIES = 1_180_000  # ≈ 1,065,000 recorded = 90% (Antara 174133); derived, not reported
SLS = 14_500  # Antara 174133; one wilayah row (sub-SLS) each
SUBSLS_MEAN = FAMILIES / SLS  # ≈ 81 families
# BPS 2022 kecamatan per regency (103) and desa + kelurahan per regency (domain table)
KECAMATAN = {"6401": 10, "6402": 16, "6403": 18, "6404": 18, "6405": 13,
             "6409": 4, "6411": 5, "6471": 6, "6472": 10, "6474": 3}  # fmt: skip
DESA = {"6401": 144, "6402": 194, "6403": 237, "6404": 141, "6405": 110,
        "6409": 54, "6411": 50, "6471": 34, "6472": 59, "6474": 15}  # fmt: skip
PPL_REPORTED = {"6472": 1316, "6403": 1190, "6471": 1104}  # Antara 170705
PPL_TOTAL = 6400  # Antara 170705; the unreported 2,790 split by population (assumption)
PPL_PER_PML = 4  # Palembang 1,953 / 456, Banten 15,656 / 3,830
MAX_SLS_PER_PPL = 4  # "250 keluarga atau empat RT" (Republika 12 Oct 2022)
REMOTE = ("6411", "6402")  # Mahakam Ulu, Kutai Barat: upriver, slow travel (assumption)

DAILY_CAP = 30  # a PPL's ordinary best day; more than 40 is flagged by the dashboard
ANOMALIES = 6  # officer-days deliberately above 40
SATURDAY, SUNDAY = 0.85, 0.35  # weekend dips (assumption)
MEAN_ART_EXTRA = 2.2  # 1 + Poisson(2.2): mean ≈ 3.2 people per family (domain: 3.1–3.3)

DESK_KAB = "6472"
DESK_FIRST = ("Kantor Diskominfo Kaltim", date(2022, 10, 24), date(2022, 11, 25))
DESK_OTHERS = ("Kantor Gubernur Kaltim", "Kantor Bappeda Kaltim", "Kantor BPKAD Kaltim",
               "Kantor Dinas Sosial Kaltim", "Kantor BKD Kaltim")  # fmt: skip
DESK_VISITORS_PER_COUNTER = 7.0  # per day (assumption: no throughput was published)
DESK_OPEN_MIN, DESK_LAST_ARRIVAL_MIN = 8 * 60, 14 * 60 + 30  # office hours 08:00–15:00 WITA
HOUSE_CHECK_PENDING = 0.04  # desk families whose house check never came (assumption)

# The demo's accounts (README: "Demo accounts"), one per role and a bps account limited to Samarinda:
# (name, role, regency, password). For the simulated campaign on this machine only.
ACCOUNTS = (
    ("admin", "admin", None, "demo-admin-2022"),
    ("bps", "bps", None, "demo-bps-2022"),
    ("bps-samarinda", "bps", "6472", "demo-samarinda-2022"),
    ("pimpinan", "pimpinan", None, "demo-pimpinan-2022"),
)

SEQUENCE = pa.array([f"{i:03d}" for i in range(1000)])  # id_keluarga suffix: idsubsls + 001, 002, ...

# The plan the dashboard charts progress against (domain: schedule); remote regencies have their own.
JADWAL = (
    ("64", "Pendataan lapangan", "2022-10-15", "2022-11-14", 90),
    ("64", "Target Kaltim", "2022-11-15", "2022-11-20", 100),
    ("64", "Perpanjangan nasional", "2022-11-21", "2022-11-30", 100),
    ("64", "Pemeriksaan dokumen", "2022-12-01", "2022-12-31", 100),
    ("6411", "Pendataan lapangan", "2022-10-15", "2022-11-14", 80),
    ("6411", "Perpanjangan nasional", "2022-11-15", "2022-11-30", 100),
    ("6411", "Pemeriksaan dokumen", "2022-12-01", "2022-12-31", 100),
    ("6402", "Pendataan lapangan", "2022-10-15", "2022-11-14", 80),
    ("6402", "Perpanjangan nasional", "2022-11-15", "2022-11-30", 100),
    ("6402", "Pemeriksaan dokumen", "2022-12-01", "2022-12-31", 100),
)

# Invented names: generic Indonesian place words and personal names, combined at random.
PLACE_HEAD = ("Sungai", "Muara", "Long", "Loa", "Tanjung", "Batu", "Teluk", "Gunung",
              "Tanah", "Bukit", "Rantau", "Lubuk", "Tepian", "Padang", "Karang", "Sebatang")  # fmt: skip
PLACE_BODY = ("Jaya", "Makmur", "Baru", "Indah", "Sari", "Harapan", "Mulia", "Permai", "Lestari",
              "Sejahtera", "Damai", "Rejo", "Mekar", "Subur", "Asri", "Raya", "Kencana", "Bening",
              "Merdeka", "Bahari", "Pinang", "Seruni", "Kenanga", "Melati", "Meranti", "Ulin",
              "Bangkirai", "Keruing", "Nibung", "Rotan", "Pandan", "Jelawat", "Belida", "Haruan",
              "Baung", "Enggang", "Pesut", "Kelubi", "Rambai", "Tengkawang")  # fmt: skip
PLACE_TAIL = ("", "", "", "", "", "Ilir", "Ulu", "Dalam", "Luar", "Seberang", "Hilir", "Timur", "Barat")
MALE = ("Ahmad", "Muhammad", "Rizky", "Agus", "Budi", "Rahmat", "Hendra", "Andi", "Wahyu", "Fajar",
        "Irwan", "Taufik", "Yohanes", "Hairul", "Rusdi", "Aji", "Yosef", "Syahrul", "Dedi", "Arif",
        "Bayu", "Imam", "Fikri", "Gusti", "Lukas", "Samuel", "Heri", "Joko", "Ilham", "Reza")  # fmt: skip
FEMALE = ("Siti", "Nur", "Dewi", "Fitri", "Sri", "Yuliana", "Rina", "Putri", "Lestari", "Nurhayati",
          "Maria", "Dayang", "Agustina", "Ratna", "Wulan", "Indah", "Kartika", "Mega", "Anisa", "Rosa",
          "Yanti", "Novita", "Intan", "Ayu", "Melati", "Desy", "Hana", "Lina", "Tiara", "Selvi")  # fmt: skip
MALE_LAST = ("Saputra", "Hidayat", "Rahman", "Wijaya", "Pratama", "Kurniawan", "Setiawan", "Nugroho",
             "Fauzi", "Ramadhan", "Maulana", "Syahputra", "Ibrahim", "Arifin", "Hamzah", "Mulyadi",
             "Siregar", "Lahay", "Ngau", "Hanafi", "Pasolang", "Effendi")  # fmt: skip
FEMALE_LAST = ("Lestari", "Susanti", "Hasanah", "Anggraini", "Handayani", "Sari", "Utami", "Ningsih",
               "Rahmawati", "Wulandari", "Puspita", "Safitri", "Fitriani", "Yuliani", "Paramita",
               "Ramadhani", "Kusuma", "Oktaviani")  # fmt: skip


def generate(
    out_dir: Path,
    *,
    seed: int = 2022,
    as_of: date | None = None,
    scale: int = 1,
    geo_dir: Path | None = None,
    rows_per_file: int | None = None,
) -> list[Path]:
    """Write wilayah.csv, petugas.csv, desk.csv, jadwal.csv, penugasan.csv, registrasi.csv into out_dir
    (comma-delimited UTF-8 CSV with header, dates YYYY-MM-DD, timestamps 'YYYY-MM-DD HH:MM:SS'); return the
    paths in that order. With rows_per_file, the registrations are written instead as
    registrasi-<kode_kab>-<part>.csv, at most that many rows each: at national scale they are too large
    for one table in memory, and regency offices would send their own files."""
    if scale < 1:
        raise ValueError("scale must be an integer >= 1")
    out_dir = Path(out_dir)
    rng_area, rng_staff, rng_field, rng_desk = np.random.default_rng(seed).spawn(4)
    kab = _kabupaten()
    area = _area(kab, _kecamatan(kab, geo_dir, rng_area), rng_area, scale)
    staff = _staff(kab, area, rng_staff, scale)
    desks = _desks(rng_desk, scale)
    families = _families(kab, area, staff, rng_field)
    _desk_visits(families, desks, kab, area, rng_desk)
    _follow_up(families, len(staff["ppl_ids"]), rng_field)
    cut = None if as_of is None else (as_of - START).days
    out_dir.mkdir(parents=True, exist_ok=True)
    tables = {
        "wilayah": _wilayah_table(kab, area),
        "petugas": staff["table"],
        "desk": desks["table"],
        "jadwal": _jadwal_table(),
        "penugasan": pa.table(
            {"id_petugas": pa.array(staff["ppl_ids"]).take(staff["unit_ppl"]), "idsubsls": area["idsubsls"]}
        ),
    }
    paths = [_write(out_dir / f"{name}.csv", table) for name, table in tables.items()]
    if rows_per_file is None:
        parts = {"registrasi": (0, len(families["day"]))}
    else:
        parts = _registration_parts(families, kab, area, rows_per_file)
    for name, (start, stop) in parts.items():
        rows = {key: values[start:stop] for key, values in families.items()}
        paths.append(_write(out_dir / f"{name}.csv", _registrasi_table(rows, area, staff, desks, cut)))
    return paths


# --- area: regencies, kecamatan, desa, SLS ---------------------------------------------------------------


def _kabupaten() -> dict:
    with REFERENCE.open(encoding="utf-8") as f:
        rows = list(csv.DictReader(f))
    return {
        "kode": [r["kode_kab"] for r in rows],
        "nama": [r["nama_kab"] for r in rows],
        "penduduk": np.array([int(r["penduduk_2020"]) for r in rows], dtype=float),
    }


def _kecamatan(kab: dict, geo_dir: Path | None, rng: np.random.Generator) -> dict:
    """BPS kecamatan from the geo crosswalk when present, else invented ones with the BPS 2022 counts."""
    path = None if geo_dir is None else geo_dir / DISTRICTS_FILE
    if path is not None and path.exists():
        with path.open(encoding="utf-8") as f:
            rows = sorted((r["kode_bps"], r["nama"]) for r in csv.DictReader(f) if r["kode_bps"])
        codes, names = [c for c, _ in rows], [n for _, n in rows]
    else:
        codes, names = [], []
        for kode in kab["kode"]:
            n = KECAMATAN[kode]
            codes += [f"{kode}{10 * (i + 1):03d}" for i in range(n)]
            names += _place_names(rng, n)
    index = {kode: i for i, kode in enumerate(kab["kode"])}
    kec_kab = np.array([index[c[:4]] for c in codes])
    if len(set(kec_kab)) != len(index):
        raise ValueError(f"{path}: some regency has no kecamatan")
    return {"kode": codes, "nama": names, "kab": kec_kab}


def _area(kab: dict, kec: dict, rng: np.random.Generator, scale: int) -> dict:
    """Desa spread over each regency's kecamatan, sub-SLS over desa, families by population (all scale x)."""
    desa_kec, units_per_desa, target = [], [], []
    families = FAMILIES * kab["penduduk"] / kab["penduduk"].sum()
    more_desa, more_sls = _split_scale(scale)
    for r, kode in enumerate(kab["kode"]):
        kecs = np.flatnonzero(kec["kab"] == r)
        n_desa = DESA[kode] * more_desa
        desa = _spread(n_desa, len(kecs), rng, shape=2.0)
        desa_kec.append(np.repeat(kecs, desa))
        units = _spread(round(families[r] / SUBSLS_MEAN) * more_desa, n_desa, rng, shape=1.5) * more_sls
        units_per_desa.append(units)
        size = rng.gamma(6.0, SUBSLS_MEAN / 6.0, units.sum())  # ~80 families, mostly 30–200
        target.append(np.clip(np.round(size * families[r] * scale / size.sum()), 30, 200).astype(np.int64))
    desa_kec, units_per_desa, target = map(np.concatenate, (desa_kec, units_per_desa, target))
    unit_desa = np.repeat(np.arange(len(desa_kec)), units_per_desa)
    desa_no = _rank(desa_kec) + 1
    desa_names = [name for n in np.bincount(desa_kec).tolist() for name in _place_names(rng, n)]
    sls_no, sub_no = _sls_numbers(unit_desa, rng)
    if desa_no.max() > 999 or sls_no.max() > 9999:
        raise ValueError("scale too large: more than 999 desa in a kecamatan or 9,999 SLS in a desa")
    unit_kec = desa_kec[unit_desa]
    idsubsls = [
        f"{kec['kode'][k]}{d:03d}{s:04d}{b:02d}"
        for k, d, s, b in zip(
            unit_kec.tolist(), desa_no[unit_desa].tolist(), sls_no.tolist(), sub_no.tolist(), strict=True
        )
    ]
    suffix = np.array(["", " A", " B", " C", " D", " E", " F", " G", " H"])
    sls_names = [
        f"RT {s:03d}{x}" for s, x in zip(sls_no.tolist(), suffix[np.minimum(sub_no, 8)].tolist(), strict=True)
    ]
    return {
        "kec": kec,
        "desa_names": desa_names,
        "unit_desa": unit_desa,
        "unit_kec": unit_kec,
        "unit_kab": kec["kab"][unit_kec],
        "idsubsls": pa.array(idsubsls),
        "sls_names": sls_names,
        "target": target,
    }


def _split_scale(scale: int) -> tuple[int, int]:
    """scale as (more desa) x (more SLS per desa), the first the largest factor up to its square root: the
    codes hold 999 desa in a kecamatan and 9,999 SLS in a desa, and scale 72 (8 x 9) would overflow either."""
    more_desa = max(f for f in range(1, math.isqrt(scale) + 1) if scale % f == 0)
    return more_desa, scale // more_desa


def _spread(total: int, parts: int, rng: np.random.Generator, shape: float) -> np.ndarray:
    """total split into parts of at least 1, unevenly."""
    return 1 + rng.multinomial(total - parts, rng.dirichlet(np.full(parts, shape)))


def _rank(group: np.ndarray) -> np.ndarray:
    """Position of each element within its run of equal values (group sorted)."""
    starts = np.flatnonzero(np.r_[True, group[1:] != group[:-1]])
    return np.arange(len(group)) - np.repeat(starts, np.diff(np.r_[starts, len(group)]))


def _sls_numbers(unit_desa: np.ndarray, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """SLS number in its desa and sub-SLS number: ~8% of units are a further part of the SLS before."""
    first = np.r_[True, unit_desa[1:] != unit_desa[:-1]]
    new_sls = first | (rng.random(len(unit_desa)) > 0.08)
    sls = np.cumsum(new_sls) - 1
    sls_no = _rank(unit_desa[new_sls])[sls] + 1
    parts = np.bincount(sls)[sls]
    return sls_no, np.where(parts > 1, _rank(sls) + 1, 0)


def _place_names(rng: np.random.Generator, n: int) -> list[str]:
    """n distinct invented place names."""
    space = len(PLACE_HEAD) * len(PLACE_BODY) * len(PLACE_TAIL)
    picks = rng.choice(space, n, replace=False)
    head, rest = np.divmod(picks, len(PLACE_BODY) * len(PLACE_TAIL))
    body, tail = np.divmod(rest, len(PLACE_TAIL))
    return [
        f"{PLACE_HEAD[h]} {PLACE_BODY[b]} {PLACE_TAIL[t]}".rstrip()
        for h, b, t in zip(head.tolist(), body.tolist(), tail.tolist(), strict=True)
    ]


def _wilayah_table(kab: dict, area: dict) -> pa.Table:
    return pa.table(
        {
            "idsubsls": area["idsubsls"],
            "nama_kab": pa.array(kab["nama"]).take(area["unit_kab"]),
            "nama_kec": pa.array(area["kec"]["nama"]).take(area["unit_kec"]),
            "nama_desa": pa.array(area["desa_names"]).take(area["unit_desa"]),
            "nama_sls": pa.array(area["sls_names"]),
            "target_keluarga": area["target"],
        }
    )


# --- staff: PPL -> PML -> Koseka, and the SLS each PPL holds ---------------------------------------------


def _ppl_per_regency(kab: dict) -> np.ndarray:
    reported = np.array([PPL_REPORTED.get(k, 0) for k in kab["kode"]])
    rest = np.where(reported == 0, kab["penduduk"], 0)
    return reported + _largest_remainder(PPL_TOTAL - reported.sum(), rest)


def _largest_remainder(total: int, weight: np.ndarray) -> np.ndarray:
    exact = total * weight / weight.sum()
    n = np.floor(exact).astype(int)
    n[np.argsort(n - exact, kind="stable")[: total - n.sum()]] += 1
    return n


def _staff(kab: dict, area: dict, rng: np.random.Generator, scale: int) -> dict:
    """Officers of each regency by kecamatan, and the PPL of every unit."""
    rows = {"KOSEKA": [], "PML": [], "PPL": []}
    unit_ppl = np.empty(len(area["target"]), dtype=np.int64)
    unit_kec = area["unit_kec"]
    n_kec = len(area["kec"]["kode"])
    bounds = np.searchsorted(unit_kec, np.arange(n_kec + 1))
    kec_families = np.bincount(unit_kec, weights=area["target"], minlength=n_kec)
    for r, (kode, n_ppl) in enumerate(zip(kab["kode"], _ppl_per_regency(kab) * scale, strict=True)):
        kecs = np.flatnonzero(area["kec"]["kab"] == r)
        units = bounds[kecs + 1] - bounds[kecs]
        per_kec = _allocate(int(n_ppl), kec_families[kecs], -(-units // MAX_SLS_PER_PPL), units)
        spread = 4.0 if kode in REMOTE else 25.0  # wider workloads upriver (assumption)
        ids = dict.fromkeys(("KSK", "PML", "PPL"), 0)
        for k, p in zip(kecs, per_kec, strict=True):
            lo, hi = bounds[k], bounds[k + 1]
            unit_ppl[lo:hi] = len(rows["PPL"]) + _split(area["target"][lo:hi], int(p), spread, rng)
            n_pml = max(1, round(p / PPL_PER_PML))
            koseka = [_officer_id("KSK", kode, ids) for _ in range(min(scale, n_pml))]
            pml = [_officer_id("PML", kode, ids) for _ in range(n_pml)]
            rows["KOSEKA"] += [(i, "", kode) for i in koseka]
            rows["PML"] += [(i, koseka[j * len(koseka) // n_pml], kode) for j, i in enumerate(pml)]
            rows["PPL"] += [(_officer_id("PPL", kode, ids), pml[j * n_pml // p], kode) for j in range(p)]
    flat = [(i, role, boss, kode) for role, items in rows.items() for i, boss, kode in items]
    table = pa.table(
        {
            "id_petugas": [r[0] for r in flat],
            "nama": _person_names(rng, len(flat)),
            "peran": [r[1] for r in flat],
            "id_pengawas": pa.array([r[2] or None for r in flat], pa.string()),
            "kode_kab": [r[3] for r in flat],
        }
    )
    return {"table": table, "ppl_ids": [r[0] for r in rows["PPL"]], "unit_ppl": unit_ppl}


def _officer_id(role: str, kode: str, ids: dict) -> str:
    ids[role] += 1
    return f"{role}-{kode}-{ids[role]:04d}"


def _allocate(total: int, weight: np.ndarray, lo: np.ndarray, hi: np.ndarray) -> np.ndarray:
    """total split in proportion to weight within [lo, hi], moving one at a time by families per officer."""
    if not lo.sum() <= total <= hi.sum():
        raise ValueError("cannot give every kecamatan 1–4 SLS per PPL")
    n = np.clip(np.floor(total * weight / weight.sum()).astype(int), lo, hi)
    while (gap := total - n.sum()) != 0:
        load = weight / n
        if gap > 0:
            n[np.argmax(np.where(n < hi, load, -np.inf))] += 1
        else:
            n[np.argmin(np.where(n > lo, load, np.inf))] -= 1
    return n


def _split(families: np.ndarray, p: int, spread: float, rng: np.random.Generator) -> np.ndarray:
    """A kecamatan's units (in order) cut into p runs of 1–4 units, each near its PPL's drawn share."""
    u = len(families)
    share = rng.gamma(spread, 1.0, p)
    goals = np.cumsum(share)[:-1] / share.sum() * families.sum()
    nearest = np.searchsorted(np.cumsum(families) - families / 2, goals)
    cuts, prev = [], 0
    for k, c in enumerate(nearest.tolist(), start=1):
        low = max(prev + 1, u - MAX_SLS_PER_PPL * (p - k))
        prev = min(max(c, low), prev + MAX_SLS_PER_PPL, u - (p - k))
        cuts.append(prev)
    return np.repeat(np.arange(p), np.diff([0, *cuts, u]))


def _person_names(rng: np.random.Generator, n: int) -> list[str]:
    female = rng.random(n) < 0.45
    first = np.where(female, rng.choice(FEMALE, n), rng.choice(MALE, n))
    last = np.where(female, rng.choice(FEMALE_LAST, n), rng.choice(MALE_LAST, n))
    return [f"{a} {b}" for a, b in zip(first.tolist(), last.tolist(), strict=True)]


# --- field work: who enumerates which family on which day ------------------------------------------------


def _families(kab: dict, area: dict, staff: dict, rng: np.random.Generator) -> dict:
    """One entry per registered family, in officer then SLS order, with its enumeration day."""
    target = area["target"]
    # A few SLS end slightly over or under target: new, moved or merged families.
    found = target + np.where(rng.random(len(target)) < 0.12, rng.integers(-5, 6, len(target)), 0)
    unit = np.repeat(np.arange(len(target)), found)
    officer = staff["unit_ppl"][unit]
    n_ppl = len(staff["ppl_ids"])
    workload = np.bincount(officer, minlength=n_ppl)
    ppl_kab = np.zeros(n_ppl, dtype=np.int64)
    ppl_kab[staff["unit_ppl"]] = area["unit_kab"]
    remote = np.isin(np.array(kab["kode"])[ppl_kab], REMOTE)
    counts = _daily_counts(workload, remote, rng)
    keep = _rank(officer) < counts.sum(axis=1)[officer]
    day = np.repeat(np.tile(np.arange(FIELD_DAYS), n_ppl), counts.ravel())
    unit = unit[keep]
    families = {
        "unit": unit,
        "seq": _rank(unit) + 1,
        "officer": officer[keep],
        "day": day,
        "art": np.minimum(1 + rng.poisson(MEAN_ART_EXTRA, len(unit)), 10),
    }
    _add_anomalies(families, n_ppl, np.flatnonzero(ppl_kab != kab["kode"].index(DESK_KAB)), rng)
    return families


def _daily_counts(workload: np.ndarray, remote: np.ndarray, rng: np.random.Generator) -> np.ndarray:
    """Families per PPL per field day: a ramp-up week, weekend dips, idle spells, own finishing day."""
    n, days = len(workload), np.arange(FIELD_DAYS)
    weekday = (START.weekday() + days) % 7
    rhythm = np.select([weekday == 5, weekday == 6], [SATURDAY, SUNDAY], 1.0)
    ramp = np.minimum(1.0, (days + 3) / np.where(remote, 18, 10)[:, None])
    # Finishing day, days after 15 Oct: most around the original 14 Nov deadline, a few far ahead,
    # remote regencies weeks later (assumption, tuned to ~90% by 15 Nov, Antara 174133).
    finish = np.where(remote, rng.normal(41, 5, n), rng.normal(33, 7, n))
    finish = np.where(rng.random(n) < 0.05, rng.uniform(11, 18, n), finish)
    finish = np.clip(np.round(finish), 11, FIELD_DAYS - 1)
    active = ~_idle_spells(n, rng)
    rate = ramp * rhythm * rng.lognormal(0.0, 0.35, (n, FIELD_DAYS)) * active * (days <= finish[:, None])
    cum = np.cumsum(rate, axis=1)
    cum = np.round(cum * (workload / cum[:, -1])[:, None]).astype(np.int64)
    wanted = np.diff(cum, axis=1, prepend=0)
    return _capped(wanted, np.where(active, DAILY_CAP, 0))


def _idle_spells(n: int, rng: np.random.Generator) -> np.ndarray:
    """Three in ten PPL stop once for 3–9 days mid-campaign (sick, travelling, stuck; assumption)."""
    start = np.where(rng.random(n) < 0.3, rng.integers(3, 38, n), FIELD_DAYS)
    length = rng.integers(3, 10, n)
    days = np.arange(FIELD_DAYS)
    return (days >= start[:, None]) & (days < (start + length)[:, None])


def _capped(wanted: np.ndarray, cap: np.ndarray) -> np.ndarray:
    """Counts no higher than the cap, the excess carried to the next days (dropped after the last)."""
    out, carry = np.empty_like(wanted), np.zeros(len(wanted), dtype=wanted.dtype)
    for d in range(wanted.shape[1]):
        due = wanted[:, d] + carry
        out[:, d] = np.minimum(due, cap[:, d])
        carry = due - out[:, d]
    return out


def _add_anomalies(families: dict, n_ppl: int, eligible: np.ndarray, rng: np.random.Generator) -> None:
    """A handful of PPL log 45 families on one day (batch entry of backlog: the dashboard's > 40 flag)."""
    officer, day = families["officer"], families["day"]
    starts = np.searchsorted(officer, np.arange(n_ppl + 1))
    sizes = starts[1:] - starts[:-1]
    chosen = rng.choice(eligible[sizes[eligible] >= 90], ANOMALIES, replace=False)
    for i in chosen.tolist():
        s = int(rng.integers(starts[i], starts[i + 1] - 45))
        day[s : s + 45] = day[s]


def _follow_up(families: dict, n_ppl: int, rng: np.random.Generator) -> None:
    """PML check 1–7 days after enumeration, BPS office receipt 2–10 days after that, per batch."""
    check_lag = rng.choice(np.arange(1, 8), n_ppl * FIELD_DAYS, p=[0.2, 0.25, 0.2, 0.14, 0.1, 0.07, 0.04])
    batch = families["officer"] * FIELD_DAYS + families["day"]
    families["diperiksa"] = families["day"] + check_lag[batch]
    horizon = FIELD_DAYS + 7
    receipt_lag = rng.integers(2, 11, n_ppl * horizon)
    families["diterima"] = (
        families["diperiksa"] + receipt_lag[families["officer"] * horizon + families["diperiksa"]]
    )


# --- collective desks -------------------------------------------------------------------------------------


def _desks(rng: np.random.Generator, scale: int) -> dict:
    """Diskominfo's desk first, then 3–4 other provincial offices from early November."""
    others = rng.choice(DESK_OTHERS, int(rng.integers(3, 5)), replace=False).tolist()
    november = [date(2022, 11, d) for d in range(1, 31)]
    weekdays = [d for d in november if d.weekday() < 5]
    early, late = [d for d in weekdays if d.day <= 4], [d for d in weekdays if d.day >= 22]
    rows = [DESK_FIRST] + [
        (name, early[rng.integers(len(early))], late[rng.integers(len(late))]) for name in others
    ]
    counters = rng.integers(3, 9, len(rows)) * scale
    table = pa.table(
        {
            "id_desk": [f"DSK-{DESK_KAB}-{i + 1:02d}" for i in range(len(rows))],
            "nama_lokasi": [r[0] for r in rows],
            "kode_kab": [DESK_KAB] * len(rows),
            "jumlah_meja": counters,
            "tanggal_buka": pa.array([r[1] for r in rows], pa.date32()),
            "tanggal_tutup": pa.array([r[2] for r in rows], pa.date32()),
        }
    )
    return {"table": table, "rows": rows, "counters": counters}


def _desk_visits(families: dict, desks: dict, kab: dict, area: dict, rng: np.random.Generator) -> None:
    """Samarinda families interviewed at a desk on a weekday before their PPL reached their home."""
    n = len(families["day"])
    for key in ("desk", "arrive", "start", "end", "cek"):
        families[key] = np.full(n, -1)
    samarinda = np.flatnonzero(area["unit_kab"][families["unit"]] == kab["kode"].index(DESK_KAB))
    free = np.ones(len(samarinda), dtype=bool)
    for desk, (_, opens, closes) in enumerate(desks["rows"]):
        counters = int(desks["counters"][desk])
        days = range((opens - START).days, (closes - START).days + 1)
        open_days = [d for d in days if (START + timedelta(days=d)).weekday() < 5]
        for i, day in enumerate(open_days):
            busy = 1.8 if i < 3 else 1.0  # the first days draw a crowd
            pool = samarinda[free & (families["day"][samarinda] > day)]
            arrive = _arrivals(rng, min(rng.poisson(DESK_VISITORS_PER_COUNTER * counters * busy), len(pool)))
            who = rng.choice(pool, len(arrive), replace=False)
            free[np.searchsorted(samarinda, who)] = False
            _record_visits(families, who, desk, day, arrive, counters, rng)


def _record_visits(
    families: dict,
    who: np.ndarray,
    desk: int,
    day: int,
    arrive: np.ndarray,
    counters: int,
    rng: np.random.Generator,
) -> None:
    """One desk day: the families become DESK families of that day, with their queue times."""
    begin, end = _serve(arrive, counters, rng)
    midnight = day * 86_400
    families["day"][who], families["desk"][who] = day, desk
    families["arrive"][who] = midnight + arrive
    families["start"][who] = midnight + begin
    families["end"][who] = midnight + end
    # The PPL's house check follows within two weeks, a few never (assumption).
    checked = rng.random(len(who)) >= HOUSE_CHECK_PENDING
    families["cek"][who] = np.where(checked, day + rng.integers(1, 15, len(who)), -1)


def _arrivals(rng: np.random.Generator, n: int) -> np.ndarray:
    """Arrival times (seconds after midnight, sorted): a morning rush, then a trickle until 14:30."""
    rush = rng.normal(DESK_OPEN_MIN + 75, 40, n)
    spread = rng.uniform(DESK_OPEN_MIN, DESK_LAST_ARRIVAL_MIN, n)
    minutes = np.clip(np.where(rng.random(n) < 0.55, rush, spread), DESK_OPEN_MIN, DESK_LAST_ARRIVAL_MIN)
    return np.sort(np.round(minutes * 60).astype(np.int64))


def _serve(arrive: np.ndarray, counters: int, rng: np.random.Generator) -> tuple[np.ndarray, np.ndarray]:
    """First come, first served at the counters; a 10–30 minute interview each."""
    service = rng.integers(10 * 60, 30 * 60 + 1, len(arrive))
    free_at = [0] * counters
    begin = np.empty_like(arrive)
    for j, t in enumerate(arrive.tolist()):
        begin[j] = max(t, heapq.heappop(free_at))
        heapq.heappush(free_at, int(begin[j] + service[j]))
    return begin, begin + service


# --- files ------------------------------------------------------------------------------------------------


def _jadwal_table() -> pa.Table:
    columns = ("kode_wilayah", "tahap", "tanggal_mulai", "tanggal_selesai", "target_persen")
    return pa.table({name: [row[i] for row in JADWAL] for i, name in enumerate(columns)})


def _registration_parts(
    families: dict, kab: dict, area: dict, rows_per_file: int
) -> dict[str, tuple[int, int]]:
    """File name -> row range of the families in it, each within one regency. Families come in officer
    order and officers in regency order, so each regency's families are one run."""
    family_kab = area["unit_kab"][families["unit"]]
    bounds = np.searchsorted(family_kab, np.arange(len(kab["kode"]) + 1)).tolist()
    parts = {}
    for r, kode in enumerate(kab["kode"]):
        starts = range(bounds[r], bounds[r + 1], rows_per_file)
        for part, start in enumerate(starts, start=1):
            parts[f"registrasi-{kode}-{part:02d}"] = (start, min(start + rows_per_file, bounds[r + 1]))
    return parts


def _registrasi_table(families: dict, area: dict, staff: dict, desks: dict, cut: int | None) -> pa.Table:
    """The registration export, cut at day `cut` (days after 15 Oct) as a dashboard would have seen it."""
    f = families
    if cut is not None:
        keep = f["day"] <= cut
        f = {k: v[keep] for k, v in f.items()}
        for k in ("diperiksa", "diterima", "cek"):
            f[k] = np.where(f[k] > cut, -1, f[k])
    idsubsls = area["idsubsls"].take(f["unit"])
    desk = f["desk"] >= 0
    return pa.table(
        {
            "id_keluarga": pc.binary_join_element_wise(idsubsls, SEQUENCE.take(f["seq"]), ""),
            "idsubsls": idsubsls,
            "id_petugas": pa.array(staff["ppl_ids"]).take(f["officer"]),
            "kanal": pa.array(["PINTU", "DESK"]).take(desk.astype(np.int8)),
            "id_desk": desks["table"]["id_desk"].take(pa.array(f["desk"], mask=~desk)),
            "tanggal_didata": _dates(f["day"]),
            "tanggal_diperiksa": _dates(f["diperiksa"]),
            "tanggal_diterima": _dates(f["diterima"]),
            "tanggal_cek_rumah": _dates(f["cek"]),
            "waktu_datang": _times(f["arrive"]),
            "waktu_mulai": _times(f["start"]),
            "waktu_selesai": _times(f["end"]),
            "jumlah_art": f["art"],
        }
    )


def _dates(day: np.ndarray) -> pa.Array:
    """Days after 15 Oct as dates; -1 is empty."""
    return pa.array(np.datetime64(START, "D") + day, mask=day < 0)


def _times(second: np.ndarray) -> pa.Array:
    """Seconds after 15 Oct 00:00 WITA as timestamps; -1 is empty."""
    return pa.array(np.datetime64(START, "s") + second, mask=second < 0)


def _write(path: Path, table: pa.Table) -> Path:
    """Header unquoted like the data (pyarrow would quote it); no value holds a comma or a quote."""
    with path.open("wb") as f:
        f.write((",".join(table.column_names) + "\n").encode())
        pacsv.write_csv(table, f, pacsv.WriteOptions(include_header=False, quoting_style="none"))
    return path
