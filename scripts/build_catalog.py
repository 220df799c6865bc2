#!/usr/bin/env python3
"""Build Newjob's occupation catalogue (roles/catalog/) from O*NET 29.3 and BLS OEWS May 2025.

    python scripts/build_catalog.py [--data DIR] [--out DIR]

`--data` defaults to `../shared/data` next to the repository, `--out` to `roles/catalog`. The
output is deterministic (sorted JSON, gzip with mtime 0, no timestamps): running the script twice
gives the same bytes, and a test compares a fresh build with the committed files.

Files written:
  occupations.tsv.gz   a header line, then one line per O*NET-SOC code: "code<TAB>json" with the
                       title, description, tasks (core first), alternate and reported titles, job
                       zone, education (category RL), top skills and knowledge (importance),
                       technology skills (hot flag), work styles, related occupations and the
                       OEWS SOC its pay comes from. The header holds the Job Zone Reference, the
                       education category labels and every title (so loading parses no more).
  titles.json.gz       the normalised title index (see bot/catalog/titles.py).
  pay.tsv.xz           OEWS cross-industry estimates (industry 000000) for the nation, every
                       state and every metro area, one row per (SOC, area), one xz stream per SOC.
  pay.json             the OEWS areas, SOC titles, column names, marks and each SOC's stream.
  manifest.json        releases, input checksums, output checksums and counts.
and ../NOTICE (roles/NOTICE) with the attribution both sources ask for.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import hashlib
import json
import lzma
import shutil
import sqlite3
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Iterator
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

from bot.catalog.normalize import NORMALIZER_VERSION  # noqa: E402
from bot.catalog.titles import index_table  # noqa: E402

ONET_DIR = "onet-29.3"
OEWS_DIR = "oews-may2025"
OEWS_FILE = "oews-2025.sqlite.gz"
ONET_VERSION = "29.3"
OEWS_RELEASE = "BLS OEWS, May 2025"
FORMAT_VERSION = 1

TOP_SKILLS = 12
TOP_KNOWLEDGE = 12

ONET_ATTRIBUTION = (
    "This product includes information from the O*NET 29.3 Database by the U.S. Department of "
    "Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 "
    "license. O*NET® is a trademark of USDOL/ETA."
)

# OEWS publishes some 2018 SOC detailed occupations only combined with others (its "hybrid"
# codes). Detailed code -> the combined OEWS code whose figures include it.
OEWS_COMBINED = {
    "211011": "211018",  # Substance Abuse and Behavioral Disorder Counselors
    "211014": "211018",  # Mental Health Counselors
    "252055": "252052",  # Special Education Teachers, Kindergarten
    "252056": "252052",  # Special Education Teachers, Elementary School
    "259042": "259045",  # Teaching Assistants, Preschool … Secondary, Except Special Education
    "259043": "259045",  # Teaching Assistants, Special Education
    "259049": "259045",  # Teaching Assistants, All Other
    "512022": "512028",  # Electrical and Electronic Equipment Assemblers
    "512023": "512028",  # Electromechanical Equipment Assemblers
    "531042": "531047",  # First-Line Supervisors of Helpers, Laborers, and Material Movers
    "531043": "531047",  # First-Line Supervisors of Material-Moving Machine Operators
    "531044": "531047",  # First-Line Supervisors of Passenger Attendants
    "531049": "531047",  # First-Line Supervisors of Transportation Workers, All Other
}

# OEWS datatype codes kept, in the order of the pay.tsv columns after soc and area.
PAY_COLUMNS = [
    ("01", "employment"),
    ("03", "hourly_mean"),
    ("04", "annual_mean"),
    ("06", "hourly_p10"),
    ("07", "hourly_p25"),
    ("08", "hourly_p50"),
    ("09", "hourly_p75"),
    ("10", "hourly_p90"),
    ("11", "annual_p10"),
    ("12", "annual_p25"),
    ("13", "annual_p50"),
    ("14", "annual_p75"),
    ("15", "annual_p90"),
]
# How a value BLS did not publish as a number is written in pay.tsv (from its footnote codes).
MARK_TOP_CODED = "#"  # footnote 5: at or above $115.00 an hour / $239,200 a year
MARK_NOT_PUBLISHED = "*"  # footnote 4: only hourly or only annual wages are published
MARK_NOT_RELEASED = "**"  # footnote 8: estimate not released
MARK_MISSING = ""  # '-' with no footnote


def read_tsv(path: Path) -> Iterator[dict[str, str]]:
    with path.open(encoding="utf-8", newline="") as handle:
        yield from csv.DictReader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)


def sha256_file(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def number(text: str) -> float:
    value = float(text)
    return int(value) if value.is_integer() else value


# -- O*NET ------------------------------------------------------------------------------------


def load_onet(onet: Path) -> dict[str, Any]:
    occupations: dict[str, dict[str, Any]] = {}
    for row in read_tsv(onet / "Occupation Data.txt"):
        occupations[row["O*NET-SOC Code"]] = {
            "title": row["Title"],
            "description": row["Description"],
            "tasks": [],
            "alternate_titles": [],
            "reported_titles": [],
            "job_zone": None,
            "education": [],
            "skills": [],
            "knowledge": [],
            "technology": [],
            "work_styles": [],
            "related": [],
        }

    type_rank = {"Core": 0, "Supplemental": 1, "": 2}
    tasks: dict[str, list[tuple[Any, ...]]] = defaultdict(list)
    # Within core and supplemental, O*NET's own order: the file lists an occupation's main
    # work first (a hygienist's records and gum exams before community clinics), which the
    # task IDs and the number of incumbents responding do not.
    for position, row in enumerate(read_tsv(onet / "Task Statements.txt")):
        kind = row["Task Type"]
        tasks[row["O*NET-SOC Code"]].append(
            (type_rank.get(kind, 2), position, row["Task"].strip(), kind)
        )
    for code, items in tasks.items():
        occupations[code]["tasks"] = [[text, kind] for *_, text, kind in sorted(items)]

    for row in read_tsv(onet / "Alternate Titles.txt"):
        sources = len([s for s in row["Source(s)"].split(",") if s.strip()])
        occupations[row["O*NET-SOC Code"]]["alternate_titles"].append(
            [row["Alternate Title"].strip(), row["Short Title"].strip(), sources]
        )
    for occ in occupations.values():
        occ["alternate_titles"].sort(key=lambda a: (-a[2], a[0], a[1]))

    for row in read_tsv(onet / "Sample of Reported Titles.txt"):
        occupations[row["O*NET-SOC Code"]]["reported_titles"].append(
            [row["Reported Job Title"].strip(), row["Shown in My Next Move"] == "Y"]
        )
    for occ in occupations.values():
        occ["reported_titles"].sort(key=lambda r: (not r[1], r[0]))

    for row in read_tsv(onet / "Job Zones.txt"):
        occupations[row["O*NET-SOC Code"]]["job_zone"] = int(row["Job Zone"])

    job_zones = {}
    for row in read_tsv(onet / "Job Zone Reference.txt"):
        job_zones[row["Job Zone"]] = {
            "name": row["Name"],
            "experience": row["Experience"],
            "education": row["Education"],
            "training": row["Job Training"],
            "examples": row["Examples"],
            "svp_range": row["SVP Range"],
        }

    categories = {}
    for row in read_tsv(onet / "Education, Training, and Experience Categories.txt"):
        if row["Scale ID"] == "RL":
            categories[row["Category"]] = row["Category Description"]
    for row in read_tsv(onet / "Education, Training, and Experience.txt"):
        if row["Scale ID"] != "RL" or not row["Data Value"]:
            continue
        value = number(row["Data Value"])
        if value > 0:
            occupations[row["O*NET-SOC Code"]]["education"].append([int(row["Category"]), value])
    for occ in occupations.values():
        occ["education"].sort()

    for name, key, top in (
        ("Skills.txt", "skills", TOP_SKILLS),
        ("Knowledge.txt", "knowledge", TOP_KNOWLEDGE),
        ("Work Styles.txt", "work_styles", None),
    ):
        rated: dict[str, list[tuple[float, str]]] = defaultdict(list)
        for row in read_tsv(onet / name):
            if row["Scale ID"] == "IM" and row["Data Value"]:
                rated[row["O*NET-SOC Code"]].append((float(row["Data Value"]), row["Element Name"]))
        for code, items in rated.items():
            items.sort(key=lambda vn: (-vn[0], vn[1]))
            occupations[code][key] = [[n, number(str(v))] for v, n in items[:top]]

    for row in read_tsv(onet / "Technology Skills.txt"):
        occupations[row["O*NET-SOC Code"]]["technology"].append(
            [
                row["Example"].strip(),
                row["Commodity Title"].strip(),
                row["Hot Technology"] == "Y",
                row["In Demand"] == "Y",
            ]
        )
    for occ in occupations.values():
        occ["technology"].sort(key=lambda t: (not t[2], not t[3], t[0].lower(), t[0], t[1]))

    related: dict[str, list[tuple[int, str, str]]] = defaultdict(list)
    for row in read_tsv(onet / "Related Occupations.txt"):
        related[row["O*NET-SOC Code"]].append(
            (int(row["Index"]), row["Related O*NET-SOC Code"], row["Relatedness Tier"])
        )
    for code, items in related.items():
        occupations[code]["related"] = [[c, tier] for _, c, tier in sorted(items)]

    return {"occupations": occupations, "job_zones": job_zones, "education_levels": categories}


# -- OEWS -------------------------------------------------------------------------------------


def _cell_value(value: str | None, note: str | None) -> str:
    if value is not None and value not in ("-", "#", "*", "**", ""):
        return value
    if value == "#" or note == "5":
        return MARK_TOP_CODED
    if value == "*" or note == "4":
        return MARK_NOT_PUBLISHED
    if value == "**" or note == "8":
        return MARK_NOT_RELEASED
    return MARK_MISSING


def load_oews(database: Path) -> dict[str, Any]:
    connection = sqlite3.connect(f"file:{database}?mode=ro", uri=True)
    try:
        meta = dict(connection.execute("SELECT name, value FROM meta"))
        areas = {
            code: {"type": kind, "state": state, "name": name}
            for code, kind, state, name in connection.execute(
                "SELECT area_code, areatype_code, state_code, area_name FROM area"
            )
        }
        soc_titles = dict(
            connection.execute("SELECT occupation_code, occupation_name FROM occupation")
        )
        value_columns = ", ".join(f"v{c}, f{c}" for c, _ in PAY_COLUMNS)
        rows: list[list[str]] = []
        for key, *cells in connection.execute(
            f"SELECT key, {value_columns} FROM cell WHERE substr(key, 12, 6) = '000000'"
        ):
            area_code, soc = key[4:11], key[17:23]
            values = [_cell_value(cells[2 * i], cells[2 * i + 1]) for i in range(len(PAY_COLUMNS))]
            if soc == "000000":
                employment = values[0]
                if employment and employment[0].isdigit() and area_code in areas:
                    areas[area_code]["employment"] = int(employment)
            if not any((v and v[0].isdigit()) or v == MARK_TOP_CODED for v in values[1:]):
                continue  # no wage published for this area: the lookup falls back
            rows.append([soc, area_code, *values])
    finally:
        connection.close()
    rows.sort()
    return {"meta": meta, "areas": areas, "soc_titles": soc_titles, "rows": rows}


def soc_display(soc: str) -> str:
    return f"{soc[:2]}-{soc[2:]}"


def map_socs(
    codes: list[str], onet_titles: dict[str, str], national: set[str], soc_titles: dict[str, str]
) -> dict[str, dict[str, Any]]:
    """O*NET-SOC code -> the OEWS SOC its pay comes from, and how it was chosen."""
    mapping: dict[str, dict[str, Any]] = {}
    for code in codes:
        soc = code[:7].replace("-", "")
        detail = code.endswith(".00")
        if soc in national:
            basis = "exact" if detail else "parent"
            chosen = soc
        elif soc in OEWS_COMBINED and OEWS_COMBINED[soc] in national:
            basis, chosen = "combined", OEWS_COMBINED[soc]
        elif soc[:5] + "0" in national:
            basis, chosen = "broad", soc[:5] + "0"
        else:
            mapping[code] = {
                "soc": None,
                "basis": "none",
                "note": (
                    f"BLS OEWS publishes no wage estimates for SOC {soc_display(soc)} "
                    f"({onet_titles[code]})."
                ),
            }
            continue
        title = soc_titles.get(chosen, "")
        if basis == "exact":
            note = f"OEWS SOC {soc_display(chosen)} {title}."
        elif basis == "parent":
            note = (
                f"BLS does not publish the O*NET specialty {code} separately; figures are for "
                f"its SOC occupation {soc_display(chosen)} {title}."
            )
        elif basis == "combined":
            note = (
                f"BLS publishes SOC {soc_display(soc)} only combined with related occupations: "
                f"figures are for {soc_display(chosen)} {title}."
            )
        else:
            note = (
                f"BLS OEWS has no row for SOC {soc_display(soc)}; figures are for the broad "
                f"group {soc_display(chosen)} {title}."
            )
        mapping[code] = {"soc": chosen, "basis": basis, "note": note, "soc_title": title}
    return mapping


# -- writing ----------------------------------------------------------------------------------


def dumps(data: Any) -> bytes:
    return json.dumps(data, sort_keys=True, ensure_ascii=False, separators=(",", ":")).encode()


def write_gzip(path: Path, payload: bytes) -> None:
    # mtime=0 and no file name in the header: the same payload always gives the same bytes.
    with (
        path.open("wb") as raw,
        gzip.GzipFile(filename="", mode="wb", fileobj=raw, mtime=0, compresslevel=9) as handle,
    ):
        handle.write(payload)


def pay_streams(rows: list[list[str]]) -> tuple[bytes, dict[str, list[int]]]:
    """pay.tsv.xz: a header stream, then one xz stream per SOC (rows sorted by area code).

    Concatenated xz streams are one valid .xz file (`xz -dc` prints the whole table), and a
    lookup decompresses only its SOC's stream: `blocks` maps SOC -> [offset, length, rows].
    """
    header = [
        f"# {OEWS_RELEASE}: cross-industry estimates (industry 000000), national, state and "
        "metro areas. U.S. government work, public domain.",
        f"# Marks: '{MARK_TOP_CODED}' at or above $115.00/hour or $239,200/year (top-coded); "
        f"'{MARK_NOT_PUBLISHED}' not published for this pay period (hourly-only or annual-only); "
        f"'{MARK_NOT_RELEASED}' estimate not released; empty: no value.",
        "\t".join(["soc", "area"] + [name for _, name in PAY_COLUMNS]),
    ]
    grouped: dict[str, list[str]] = defaultdict(list)
    for row in rows:
        grouped[row[0]].append("\t".join(row))
    chunks = [lzma.compress(("\n".join(header) + "\n").encode(), preset=6)]
    offset = len(chunks[0])
    blocks: dict[str, list[int]] = {}
    for soc in sorted(grouped):
        chunk = lzma.compress(("\n".join(grouped[soc]) + "\n").encode(), preset=6)
        blocks[soc] = [offset, len(chunk), len(grouped[soc])]
        chunks.append(chunk)
        offset += len(chunk)
    return b"".join(chunks), blocks


NOTICE = """Newjob occupation catalogue (roles/catalog/): attribution and sources
=======================================================================

O*NET
-----
{onet}

Source: O*NET 29.3 Database (May 2025 release), https://www.onetcenter.org/database.html
Licence: Creative Commons Attribution 4.0 International, https://creativecommons.org/licenses/by/4.0/
Newjob derives the catalogue from it (titles, descriptions, tasks, alternate and reported titles,
job zones, education, skills, knowledge, technology skills, work styles, related occupations):
selected, re-ordered and re-encoded; the text of the statements is unchanged.

BLS OEWS
--------
Wage and employment estimates: {oews} (Occupational Employment and Wage Statistics, U.S. Bureau
of Labor Statistics, release {release_code}), https://www.bls.gov/oes/
U.S. government work, public domain. Estimates are cross-industry (all ownerships) for the
nation, each state and each metropolitan or nonmetropolitan area. BLS marks kept as they are:
wages at or above $115.00 an hour or $239,200 a year are top-coded, and values BLS did not
release are shown as not available, never estimated.

Rebuilding
----------
    python scripts/build_catalog.py --data ../shared/data

reads onet-29.3/ and oews-may2025/ from the data folder and rewrites roles/catalog/ with the same
bytes for the same inputs.
"""


README = """# The occupation catalogue

Generated by `scripts/build_catalog.py` from the shared reference data: do not edit by hand.
Attribution and licences: `../NOTICE` (O*NET 29.3, CC BY 4.0; BLS OEWS, May 2025, public domain).

Rebuild (same inputs, same bytes; `tests/test_build_catalog.py` checks it):

    python scripts/build_catalog.py --data ../shared/data

Files:

- `occupations.tsv.gz`: a `header` line, then `code<TAB>json` for each of the 1,016 O*NET-SOC
  occupations: title, description, tasks (core first), alternate and reported titles, job zone,
  education (category RL), top skills and knowledge (importance), technology skills (hot
  flag), work styles, related occupations, and the OEWS SOC its pay comes from.
- `titles.json.gz`: the normalised title index used by `bot.catalog.resolve`.
- `pay.tsv.xz`: OEWS cross-industry estimates for the nation, the states and the metro areas,
  one xz stream per SOC (`xz -dc pay.tsv.xz` prints the whole table).
- `pay.json`: OEWS areas, SOC titles, columns, marks, and where each SOC's stream starts.
- `manifest.json`: releases, input and output checksums, counts.

Pay marks: `#` top-coded (at or above $115.00 an hour or $239,200 a year), `*` not published for
that pay period (hourly-only or annual-only occupations), `**` estimate not released.
"""


def build(data: Path, out: Path, *, quiet: bool = False) -> dict[str, Any]:
    started = time.perf_counter()

    def say(message: str) -> None:
        if not quiet:
            print(f"[{time.perf_counter() - started:5.1f}s] {message}", file=sys.stderr)

    onet_dir = data / ONET_DIR
    oews_dir = data / OEWS_DIR
    if not onet_dir.is_dir() or not (oews_dir / OEWS_FILE).is_file():
        raise SystemExit(f"data folder {data} lacks {ONET_DIR}/ or {OEWS_DIR}/{OEWS_FILE}")

    onet = load_onet(onet_dir)
    occupations = onet["occupations"]
    say(f"O*NET: {len(occupations)} occupations")

    oews_manifest = json.loads((oews_dir / "manifest.json").read_text(encoding="utf-8"))
    with tempfile.TemporaryDirectory(prefix="newjob-oews-") as tmp:
        database = Path(tmp) / "oews.sqlite"
        with gzip.open(oews_dir / OEWS_FILE, "rb") as src, database.open("wb") as dst:
            shutil.copyfileobj(src, dst, 1 << 20)
        oews = load_oews(database)
    say(f"OEWS: {len(oews['rows'])} cross-industry rows with wages")

    national = {row[0] for row in oews["rows"] if row[1] == "0000000"}
    mapping = map_socs(
        sorted(occupations),
        {c: o["title"] for c, o in occupations.items()},
        national,
        oews["soc_titles"],
    )
    employment = {
        row[0]: int(row[2])
        for row in oews["rows"]
        if row[1] == "0000000" and row[2] and row[2][0].isdigit()
    }
    for code, occ in occupations.items():
        occ["pay"] = mapping[code]
        soc = mapping[code]["soc"]
        occ["pay"]["national_employment"] = employment.get(soc) if soc else None

    table = index_table(occupations)
    say(f"title index: {len(table['entries'])} entries, {len(table['keys'])} keys")

    out.mkdir(parents=True, exist_ok=True)
    header = {
        "format": FORMAT_VERSION,
        "onet_version": ONET_VERSION,
        "oews_release": OEWS_RELEASE,
        "attribution": ONET_ATTRIBUTION,
        "job_zones": onet["job_zones"],
        "education_levels": onet["education_levels"],
        "titles": {code: occ["title"] for code, occ in occupations.items()},
    }
    lines = [b"header\t" + dumps(header)]
    lines += [code.encode() + b"\t" + dumps(occupations[code]) for code in sorted(occupations)]
    payloads = {
        "occupations.tsv.gz": b"\n".join(lines) + b"\n",
        "titles.json.gz": dumps({"format": FORMAT_VERSION, **table}),
    }
    for name, payload in payloads.items():
        write_gzip(out / name, payload)

    pay_bytes, blocks = pay_streams(oews["rows"])
    (out / "pay.tsv.xz").write_bytes(pay_bytes)
    payloads["pay.tsv.xz"] = lzma.decompress(pay_bytes)
    pay_meta = {
        "format": FORMAT_VERSION,
        "release": OEWS_RELEASE,
        "release_code": oews["meta"].get("release_code", ""),
        "columns": ["soc", "area"] + [name for _, name in PAY_COLUMNS],
        "marks": {
            "top_coded": MARK_TOP_CODED,
            "not_published": MARK_NOT_PUBLISHED,
            "not_released": MARK_NOT_RELEASED,
        },
        "top_coded": {"hourly": 115.0, "annual": 239200},
        "areas": oews["areas"],
        "soc_titles": oews["soc_titles"],
        "blocks": blocks,
    }
    pay_json = json.dumps(pay_meta, sort_keys=True, ensure_ascii=False, indent=0).encode() + b"\n"
    (out / "pay.json").write_bytes(pay_json)
    payloads["pay.json"] = pay_json

    (out / "README.md").write_text(README, encoding="utf-8")

    inputs = {f"{ONET_DIR}/{p.name}": sha256_file(p) for p in sorted(onet_dir.glob("*.txt"))}
    inputs[f"{OEWS_DIR}/{OEWS_FILE}"] = oews_manifest.get("file_sha256", "")
    manifest = {
        "format": FORMAT_VERSION,
        "normalizer": NORMALIZER_VERSION,
        "onet": {"version": ONET_VERSION, "release": "May 2025", "licence": "CC BY 4.0"},
        "oews": {
            "release": OEWS_RELEASE,
            "release_code": oews["meta"].get("release_code", ""),
            "database_sha256": oews_manifest.get("database_sha256", ""),
        },
        "inputs": inputs,
        "outputs": {
            name: {
                "bytes": (out / name).stat().st_size,
                "content_sha256": hashlib.sha256(payload).hexdigest(),
            }
            for name, payload in sorted(payloads.items())
        },
        "counts": {
            "occupations": len(occupations),
            "title_keys": len(table["keys"]),
            "title_entries": len(table["entries"]),
            "pay_rows": len(oews["rows"]),
            "areas": len(oews["areas"]),
            "socs_with_pay": len(national),
            "occupations_without_pay": sorted(c for c, m in mapping.items() if not m["soc"]),
        },
    }
    (out / "manifest.json").write_bytes(
        json.dumps(manifest, sort_keys=True, indent=1).encode() + b"\n"
    )
    notice = NOTICE.format(
        onet=ONET_ATTRIBUTION,
        oews=OEWS_RELEASE,
        release_code=oews["meta"].get("release_code", ""),
    )
    (out.parent / "NOTICE").write_text(notice, encoding="utf-8")
    say(f"wrote {out}")
    return manifest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--data", type=Path, default=REPO.parent / "shared" / "data", help="shared data folder"
    )
    parser.add_argument(
        "--out", type=Path, default=REPO / "roles" / "catalog", help="output folder"
    )
    parser.add_argument("--quiet", action="store_true")
    args = parser.parse_args(argv)
    build(args.data, args.out, quiet=args.quiet)
    return 0


if __name__ == "__main__":
    sys.exit(main())
