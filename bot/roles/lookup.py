"""Curated roles over the O*NET catalogue: from a typed title or a key to one RoleTemplate.

`find_role("netwrok tech")` resolves the title (bot.catalog.resolve), picks the best match and
returns its role with the alternatives for a "did you mean". `role_for(key)` takes a curated
role id ("network_technician"), an O*NET-SOC code ("15-1231.00") or a catalogue role id
("onet-29-1141-00").

A curated role wins for its code and keeps every field it has; the catalogue fills the fields it
lacks (tasks, technology, knowledge, work styles, job zone, education levels, related codes) and
adds the BLS national pay benchmarks, each with a Source. An occupation with no curated role
becomes a role built from the catalogue alone (`curated=False`).
"""

from __future__ import annotations

import re
import threading

from pydantic import BaseModel, ConfigDict

from bot.catalog import Match, Occupation, Resolution, get_catalog, pay_for, resolve
from bot.catalog.normalize import title_key, title_tokens
from bot.roles.generate import posting_for
from bot.roles.template import EducationShare, PayBenchmark, RoleTemplate, Source, Technology

ONET_SOURCE_ID = "onet-29.3"
BLS_SOURCE_ID = "bls-oews-2025"
CURATED_SOURCE_ID = "newjob-curated"

MAX_TASKS = 20
MAX_DUTIES = 8
MAX_SKILLS = 8
MAX_KNOWLEDGE = 10
MAX_WORK_STYLES = 8
MAX_QUALITIES = 6
MAX_TECHNOLOGY = 30
MAX_ALIASES = 12

_ROLE_ID = re.compile(r"^onet-(\d{2})-(\d{4})-(\d{2})$")
_PAREN = re.compile(r"\s*\([^)]*\)")


def onet_source() -> Source:
    catalog = get_catalog()
    return Source(
        id=ONET_SOURCE_ID,
        title="O*NET 29.3 Database",
        publisher="U.S. Department of Labor, Employment and Training Administration (USDOL/ETA)",
        url="https://www.onetcenter.org/database.html",
        licence="CC BY 4.0",
        citation=catalog.attribution
        or "O*NET 29.3 Database, USDOL/ETA, used under the CC BY 4.0 license",
    )


def curated_source(code: str) -> Source:
    return Source(
        id=CURATED_SOURCE_ID,
        title="Newjob's curated role",
        publisher="Newjob",
        citation=f"Newjob's curated role (our words, from O*NET 29.3, {code})",
    )


def bls_source() -> Source:
    return Source(
        id=BLS_SOURCE_ID,
        title="Occupational Employment and Wage Statistics (OEWS), May 2025",
        publisher="U.S. Bureau of Labor Statistics",
        url="https://www.bls.gov/oes/",
        licence="Public domain (U.S. government work)",
        citation="BLS OEWS, May 2025",
    )


class RoleChoice(BaseModel):
    """One "did you mean" option: `key` goes back into `role_for`."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    key: str
    title: str
    code: str = ""
    score: float = 0.0
    matched: str = ""
    curated: bool = False


class RoleLookup(BaseModel):
    """What a typed title found: the role (or None), alternatives and suggestions."""

    model_config = ConfigDict(extra="forbid")

    query: str
    resolution: Resolution
    role: RoleTemplate | None = None
    key: str | None = None
    ambiguous: bool = False
    alternatives: list[RoleChoice] = []
    suggestions: list[str] = []

    @property
    def found(self) -> bool:
        return self.role is not None


# -- building roles ---------------------------------------------------------------------------


def role_id_for(code: str) -> str:
    """'29-1141.00' -> 'onet-29-1141-00'."""
    return "onet-" + code.replace(".", "-").lower()


def _short_level(level: str) -> str:
    return level.split(" - ")[0].split(" (")[0].strip()


def _singular_title(occupation: Occupation) -> str:
    """A posting title for an occupation: 'Registered Nurse' for 'Registered Nurses'."""
    wanted = title_key(title_tokens(occupation.title)[0])
    candidates = [a.title for a in occupation.alternate_titles]
    candidates += [r.title for r in occupation.reported_titles]
    for candidate in candidates:
        outside = _PAREN.sub("", candidate).strip()
        if outside and title_key(title_tokens(outside)[0]) == wanted:
            return outside
    title = occupation.title
    first, _, rest = title.partition(" and ")
    if rest and "," not in first and len(first.split()) >= 2 and first.endswith("s"):
        # "Radiologic Technologists and Technicians": the first, fuller name of the two.
        title = first
    if "," not in title and " and " not in title and title.endswith("s"):
        words = title.split()
        last = words[-1]
        if last.endswith("ies"):
            last = last[:-3] + "y"
        elif last.endswith(("ches", "shes", "sses", "xes")):
            last = last[:-2]
        elif not last.endswith("ss"):
            last = last[:-1]
        return " ".join([*words[:-1], last])
    shown = [r.title for r in occupation.reported_titles if r.shown_in_my_next_move]
    for candidate in shown + [a.title for a in occupation.alternate_titles]:
        outside = _PAREN.sub("", candidate).strip()
        if outside:
            return outside
    return title


def _bls_benchmarks(code: str) -> tuple[list[PayBenchmark], str | None]:
    """National annual median and mean from OEWS, and the SOC note when it is not exact.

    Local percentiles come from `bot.catalog.pay_for` when the location is known.
    """
    report = pay_for(code)
    if not report.available or report.annual is None:
        return [], report.notes[0] if report.notes else None
    annual = report.annual
    benchmarks = []
    for kind, value in (("median", annual.median), ("mean", annual.mean)):
        if value.value is not None and value.value > 0:
            benchmarks.append(
                PayBenchmark(
                    figure=value.value,
                    kind=kind,
                    period="year",
                    currency="USD",
                    area="United States",
                    source=BLS_SOURCE_ID,
                )
            )
    note = None
    if report.soc_basis != "exact":
        note = next((n for n in report.notes), None)
    return benchmarks, note


def _catalog_fields(occupation: Occupation) -> dict[str, object]:
    """The fields the catalogue can fill on a RoleTemplate."""
    return {
        "tasks": [t.text for t in occupation.tasks[:MAX_TASKS]],
        "technology": [
            Technology(name=t.name, hot=t.hot) for t in occupation.technology[:MAX_TECHNOLOGY]
        ],
        "knowledge": [k.name for k in occupation.knowledge[:MAX_KNOWLEDGE]],
        "work_styles": [w.name for w in occupation.work_styles[:MAX_WORK_STYLES]],
        "job_zone": occupation.job_zone.zone if occupation.job_zone else None,
        "education_levels": [
            EducationShare(level=_short_level(e.level), percent=e.percent)
            for e in sorted(occupation.education, key=lambda e: (-e.percent, e.category))
        ],
        "related_codes": [r.code for r in occupation.related],
    }


def _empty(value: object) -> bool:
    return value is None or value == "" or value == [] or value == {}


def _reference_fields(occupation: Occupation) -> dict[str, object]:
    """What a curated file may leave to the catalogue besides the catalogue fields."""
    zone = occupation.job_zone
    return {
        "summary": occupation.description,
        "duties": [t.text for t in occupation.tasks[:MAX_DUTIES]],
        "skills": [s.name for s in occupation.skills[:MAX_SKILLS]],
        "qualities": [w.name for w in occupation.work_styles[:MAX_QUALITIES]],
        "education": occupation.education_sentence(),
        "experience": zone.experience if zone else "",
    }


def merge_curated(role: RoleTemplate, occupation: Occupation) -> RoleTemplate:
    """The curated role, with what it lacks filled from the catalogue (sources named)."""
    data = role.model_dump(by_alias=True)
    sources = dict(role.sources)
    source_list = list(role.source_list)
    filled = False
    if role.posting is not None and "posting" not in sources and "default" not in sources:
        sources["posting"] = CURATED_SOURCE_ID  # our own words, grounded in O*NET 29.3
        source_list.append(curated_source(occupation.code))
        filled = True
    for field, value in {**_reference_fields(occupation), **_catalog_fields(occupation)}.items():
        if _empty(data.get(field)) and not _empty(value):
            data[field] = value
            sources[field] = ONET_SOURCE_ID
            filled = True
    if filled and all(s.id != ONET_SOURCE_ID for s in source_list):
        source_list.append(onet_source())
    benchmarks, note = _bls_benchmarks(occupation.code)
    if benchmarks:
        data["pay"] = [*role.pay, *benchmarks]
        if all(s.id != BLS_SOURCE_ID for s in source_list):
            source_list.append(bls_source())
        if note and note not in role.notes:
            data["notes"] = [*role.notes, note]
    if not data.get("qualities") and role.posting is not None:
        # Where O*NET lists no work styles, the role's own must-haves say what it takes.
        data["qualities"] = list(role.posting.must_haves)
        sources["qualities"] = sources.get("posting", CURATED_SOURCE_ID)
    data["source_list"] = source_list
    data["sources"] = sources
    return RoleTemplate.model_validate(data)


def role_from_catalog(occupation: Occupation) -> RoleTemplate:
    """A role for an occupation no curated file covers, from O*NET 29.3 and BLS OEWS alone."""
    fields = _catalog_fields(occupation)
    title = _singular_title(occupation)
    aliases: list[str] = []
    seen = {title.casefold()}
    for alternate in occupation.alternate_titles:
        outside = _PAREN.sub("", alternate.title).strip()
        if outside and outside.casefold() not in seen:
            seen.add(outside.casefold())
            aliases.append(outside)
        if len(aliases) >= MAX_ALIASES:
            break
    benchmarks, note = _bls_benchmarks(occupation.code)
    sources = {"default": ONET_SOURCE_ID}
    source_list = [onet_source()]
    if benchmarks:
        sources["pay"] = BLS_SOURCE_ID
        source_list.append(bls_source())
    return RoleTemplate.model_validate(
        {
            "id": role_id_for(occupation.code),
            "title": title,
            "aliases": aliases,
            "onet_code": occupation.code,
            **_reference_fields(occupation),
            "pay": benchmarks,
            "notes": [note] if note else [],
            **fields,
            "source_list": source_list,
            "sources": sources,
            "posting": posting_for(occupation),
            "curated": False,
        }
    )


# -- lookups ----------------------------------------------------------------------------------

_cache: dict[str, RoleTemplate | None] = {}
_lock = threading.Lock()


def _curated() -> dict[str, RoleTemplate]:
    from bot.roles.curated import load_curated_roles

    return load_curated_roles()


def _curated_for_code(code: str) -> RoleTemplate | None:
    for role_id in sorted(_curated()):
        role = _curated()[role_id]
        if role.onet_code == code:
            return role
    return None


def _build(key: str) -> RoleTemplate | None:
    curated = _curated()
    catalog = get_catalog()
    if key.startswith("role:"):
        key = key[5:]
    if key in curated:
        role = curated[key]
        occupation = catalog.occupation(role.onet_code) if role.onet_code else None
        return merge_curated(role, occupation) if occupation else role.model_copy(deep=True)
    match = _ROLE_ID.match(key)
    code = f"{match[1]}-{match[2]}.{match[3]}" if match else catalog.normalize_code(key)
    if code is None:
        return None
    occupation = catalog.occupation(code)
    if occupation is None:
        return None
    curated_role = _curated_for_code(code)
    if curated_role is not None:
        return merge_curated(curated_role, occupation)
    return role_from_catalog(occupation)


def role_for(code_or_role_id: str) -> RoleTemplate | None:
    """The merged role for a curated role id, an O*NET-SOC code or a catalogue role id."""
    key = (code_or_role_id or "").strip()
    if not key:
        return None
    with _lock:
        if key not in _cache:
            _cache[key] = _build(key)
        role = _cache[key]
    return role.model_copy(deep=True) if role is not None else None


def key_for(match: Match) -> str:
    """What to pass to `role_for` for a resolution match."""
    return match.role_id or match.code


def _choice(match: Match) -> RoleChoice:
    return RoleChoice(
        key=key_for(match),
        title=match.title,
        code=match.code if not match.code.startswith("role:") else "",
        score=match.score,
        matched=match.matched,
        curated=match.role_id is not None,
    )


CONFIDENT_MATCH = 0.75  # below this, "chief vibes officer" is a question, not Chief Executives


def _exact_curated(query: str, best: Match) -> bool:
    """The typed title is, word for word, the title of a curated role."""
    typed = " ".join(query.casefold().split())
    return best.via == "curated title" and typed == " ".join(best.matched.casefold().split())


def find_role(text: str) -> RoleLookup:
    """Resolve a typed title to a role, with alternatives for a "did you mean"."""
    query = text if isinstance(text, str) else ""
    stripped = query.strip()
    if stripped in _curated():
        return RoleLookup(
            query=query, resolution=Resolution(query=query), role=role_for(stripped), key=stripped
        )
    resolution = resolve(query)
    if not resolution.matches:
        return RoleLookup(
            query=query, resolution=resolution, suggestions=list(resolution.suggestions)
        )
    best = resolution.matches[0]
    key = key_for(best)
    role = role_for(key)
    if (
        role is not None
        and not role.curated
        and best.via
        in (
            "alternate title",
            "reported title",
            "short title",
        )
    ):
        # The user typed a common title of the occupation ("Warehouse Associate" for "Laborers
        # and Freight, Stock, and Material Movers, Hand"): draft under that title.
        typed = _PAREN.sub("", best.matched).strip()
        if typed and typed.casefold() != role.title.casefold():
            aliases = [role.title, *[a for a in role.aliases if a.casefold() != typed.casefold()]]
            role = role.model_copy(update={"title": typed, "aliases": aliases})
    return RoleLookup(
        query=query,
        resolution=resolution,
        role=role,
        key=key,
        # A weak best match (only some of the words found) is offered, never assumed; the exact
        # title of one of our curated roles is that role, whatever else shares the title.
        ambiguous=not _exact_curated(query, best)
        and (resolution.ambiguous or best.score < CONFIDENT_MATCH),
        alternatives=[_choice(m) for m in resolution.matches[1:]],
    )
