"""Realistic requirements: experience, degrees, certifications and supervision against the level.

The level comes from the role (its seniority and O*NET job zone) or, for pasted text, from the
posting's own words ("entry-level", "junior"). An entry-level job that asks for ten years, a
master's degree, a CCIE or supervising a team contradicts itself and turns away the people it is
for; so does asking for more years or a higher degree than the job zone usually needs.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache
from typing import Any

from bot.checks import rulebook
from bot.checks.document import Document
from bot.checks.model import Finding
from bot.checks.scan import excerpt, posting_field

RULE = "requirements"


@dataclass(frozen=True)
class Level:
    """How senior the job is and why we think so, plus its O*NET job zone if known."""

    seniority: str | None
    why: str
    zone: int | None


@cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = rulebook.load("requirements")
    return data


@cache
def _pattern(name: str) -> re.Pattern[str]:
    return rulebook.words_pattern(_data()[name])


@cache
def _seniority_patterns() -> dict[str, re.Pattern[str]]:
    return {
        level: rulebook.words_pattern(words) for level, words in _data()["seniority_words"].items()
    }


@cache
def _education_patterns() -> list[tuple[str, str, re.Pattern[str]]]:
    return [
        (level["id"], level["label"], rulebook.words_pattern(level["words"]))
        for level in _data()["education_levels"]
    ]


def _education_rank(level_id: str) -> int:
    return [level["id"] for level in _data()["education_levels"]].index(level_id)


def level_of(document: Document) -> Level:
    """The job's seniority: the role's own, else the words of the title and the posting."""
    role = document.role
    zone = role.job_zone if role is not None else None
    chosen = document.posting.level if document.posting is not None else None
    if chosen is not None:
        # The level the manager chose for this posting wins over the role's usual one.
        seniority = {"entry": "entry", "senior": "senior", "lead": "senior"}.get(chosen)
        return Level(seniority, rulebook.say("requirements.why_level", level=chosen), zone)
    if role is not None and role.seniority:
        return Level(role.seniority, rulebook.say("requirements.why_role", role=role.title), zone)
    # The title says it best; the rest of the text may mention other people's seniority
    # ("you'll report to a senior engineer"), so only its entry-level words count.
    body = [unit.text for unit in document.units if unit.field in ("summary", "details")]
    for text, levels in [(document.title, ("entry", "senior"))] + [(t, ("entry",)) for t in body]:
        for level in levels:
            if match := _seniority_patterns()[level].search(text):
                why = rulebook.say("requirements.why_text", words=match.group(0))
                return Level(level, why, zone)
    return Level(None, "", zone)


def _preferred(text: str) -> bool:
    return bool(_pattern("preference_words").search(text))


def _check_years(document: Document, level: Level) -> Iterator[Finding]:
    asked = [y for y in document.years if y.field != "nice_to_haves"]
    if not asked:
        return
    most = max(asked, key=lambda y: y.low)
    text = most.excerpt
    if level.seniority == "entry":
        usual = _data()["seniority"]["entry"]["years"]
        if most.low > usual:
            yield Finding(
                category="requirements",
                severity="warning",
                message=rulebook.say(
                    "requirements.entry_years", why=level.why, asked=text, usual=usual
                ),
                excerpt=text,
                suggestion=rulebook.say("requirements.fix_years", usual=usual),
                field=posting_field(most.field),
                rule=f"{RULE}:years",
            )
            return
    if level.zone is not None:
        usual = _data()["job_zones"][level.zone]["years"]
        if usual is not None and most.low > usual:
            yield Finding(
                category="requirements",
                severity="warning",
                message=rulebook.say(
                    "requirements.zone_years", asked=text, zone=level.zone, usual=usual
                ),
                excerpt=text,
                suggestion=rulebook.say("requirements.fix_years", usual=usual),
                field=posting_field(most.field),
                rule=f"{RULE}:years",
            )


def _usual_education(level: Level) -> str | None:
    if level.zone is not None:
        return str(_data()["job_zones"][level.zone]["education"])
    if level.seniority is not None:
        return str(_data()["seniority"][level.seniority]["education"])
    return None


def _share_at_or_above(document: Document, level_id: str) -> float | None:
    """Share of workers in the occupation with at least `level_id`, from the role's O*NET data."""
    role = document.role
    if role is None or not role.education_levels:
        return None
    rank = _education_rank(level_id)
    total = 0.0
    for share in role.education_levels:
        found = next(
            (lid for lid, _, pattern in _education_patterns() if pattern.search(share.level)),
            None,
        )
        if found is not None and _education_rank(found) >= rank:
            total += share.percent
    return total


def _check_education(document: Document, level: Level) -> Iterator[Finding]:
    usual = _usual_education(level)
    for unit in document.units:
        if unit.field not in ("requirements", "education") or _preferred(unit.text):
            continue
        required = None
        for level_id, label, pattern in _education_patterns():
            if match := pattern.search(unit.text):
                required = (level_id, label, match)
        if required is None:
            continue
        level_id, label, match = required
        share = _share_at_or_above(document, level_id)
        if share is not None and share < 25:
            message = rulebook.say("requirements.degree_share", level=label, share=round(share))
        elif share is not None:
            continue  # a quarter or more of the occupation holds it: usual for the job
        elif usual is not None and _education_rank(level_id) > _education_rank(usual):
            usual_label = next(lb for lid, lb, _ in _education_patterns() if lid == usual)
            message = rulebook.say(
                "requirements.degree", level=label, why=level.why, usual=usual_label
            )
        else:
            continue
        yield Finding(
            category="requirements",
            severity="warning",
            message=message,
            excerpt=excerpt(unit.text, match.start(), match.end()),
            suggestion=rulebook.say("requirements.fix_degree"),
            field=posting_field(unit.field),
            rule=f"{RULE}:education",
        )
        return


@cache
def _cert_patterns() -> dict[str, re.Pattern[str]]:
    return {grade: rulebook.words_pattern(c) for grade, c in _data()["certifications"].items()}


def _check_certifications(document: Document, level: Level) -> Iterator[Finding]:
    if level.seniority != "entry" and not (level.zone is not None and level.zone <= 3):
        return
    for unit in document.units:
        if unit.field not in ("requirements", "education", "summary"):
            continue
        for grade, pattern in _cert_patterns().items():
            match = pattern.search(unit.text)
            if match is None:
                continue
            optional = _preferred(unit.text)
            if grade == "professional" and (optional or level.seniority != "entry"):
                continue
            yield Finding(
                category="requirements",
                severity="info" if optional or grade == "professional" else "warning",
                message=rulebook.say(f"requirements.cert_{grade}", cert=match.group(0)),
                excerpt=excerpt(unit.text, match.start(), match.end()),
                suggestion=rulebook.say("requirements.fix_cert"),
                field=posting_field(unit.field),
                rule=f"{RULE}:certification",
            )


def _check_supervision(document: Document, level: Level) -> Iterator[Finding]:
    if level.seniority != "entry":
        return
    pattern = _pattern("supervision")
    for unit in document.units:
        if unit.field not in ("requirements", "responsibilities", "summary"):
            continue
        if match := pattern.search(unit.text):
            yield Finding(
                category="requirements",
                severity="warning",
                message=rulebook.say(
                    "requirements.supervision", why=level.why, found=match.group(0)
                ),
                excerpt=excerpt(unit.text, match.start(), match.end()),
                suggestion=rulebook.say("requirements.fix_supervision"),
                field=posting_field(unit.field),
                rule=f"{RULE}:supervision",
            )
            return


def check_requirements(document: Document) -> Iterator[Finding]:
    """Flag years, degrees, certifications and supervision that the job's level contradicts."""
    level = level_of(document)
    yield from _check_years(document, level)
    yield from _check_education(document, level)
    yield from _check_certifications(document, level)
    yield from _check_supervision(document, level)
