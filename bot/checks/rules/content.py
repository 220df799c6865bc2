"""What a finished posting must say and must not leave in: placeholders, empty sections, the
employer's name, and abbreviations of a field that a newcomer to it would not know.

Placeholders ("[to fill in: …]", "TBD", "lorem ipsum") and a posting with nothing in it are
errors: a posting like that is not ready to go out. Empty sections and an unnamed employer are
warnings; unexplained abbreviations a note. The words live in data/content.yaml.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from bot.checks import rulebook
from bot.checks.document import Document
from bot.checks.model import Finding
from bot.checks.scan import excerpt, hits, posting_field

PLACEHOLDER = "placeholder"
EMPTY = "empty-posting"
EMPTY_SECTION = "missing-section:empty"
EMPLOYER = "missing-section:employer"
ABBREVIATION = "jargon:abbreviation"


@cache
def _data() -> dict[str, Any]:
    data: dict[str, Any] = rulebook.load("content")
    return data


@cache
def _placeholders() -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in _data()["placeholders"]), re.IGNORECASE)


def check_placeholders(document: Document) -> Iterator[Finding]:
    """Template text left in: one error naming every placeholder found."""
    found = list(hits(document, PLACEHOLDER, _placeholders()))
    if not found:
        return
    words = ", ".join(dict.fromkeys(f"“{hit.found}”" for hit in found))
    yield Finding(
        category="missing-section",
        severity="error",
        message=rulebook.say("content.placeholder", found=words, count=len(found)),
        excerpt=found[0].excerpt,
        suggestion=rulebook.say("content.fix_placeholder"),
        field=posting_field(found[0].field),
        rule=PLACEHOLDER,
    )


def check_empty(document: Document) -> Iterator[Finding]:
    """A pasted file with no posting in it (only a title, markup or comments) is an error."""
    if document.posting is not None:
        return  # a draft being built: the missing sections say what it still needs
    body = [unit for unit in document.units if unit.field != "title" and unit.text.strip()]
    if any(re.search(r"[^\W\d_]{2,}", unit.text) for unit in body):
        return
    yield Finding(
        category="length",
        severity="error",
        message=rulebook.say("content.empty"),
        suggestion=rulebook.say("content.fix_empty"),
        rule=EMPTY,
    )


def check_empty_sections(document: Document) -> Iterator[Finding]:
    """A heading with nothing under it: the section it promises is missing."""
    for heading in document.headings:
        if not heading.empty:
            continue
        yield Finding(
            category="missing-section",
            severity="warning",
            message=rulebook.say("content.empty_section", heading=heading.text),
            excerpt=heading.text,
            suggestion=rulebook.say("content.fix_empty_section"),
            rule=EMPTY_SECTION,
        )


@cache
def _employer_patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    data = _data()
    name = r"[A-Z0-9][\w&'’.-]*(?:\s+(?:&\s+|of\s+|and\s+|the\s+)?[A-Z0-9][\w&'’.-]*){0,4}"
    suffixes = "|".join(data["employer_suffixes"])
    verbs = "|".join(data["employer_verbs"])
    forms = "|".join(data["legal_forms"])
    suffixed = re.compile(
        rf"\b{name}(?:,?\s+(?:(?i:{forms})(?!\w)|Co\.)|\s+(?i:{suffixes})\b)"
        rf"|\b(?i:city|county|state) of [A-Z]\w+"
    )
    acting = re.compile(
        rf"(?:^|[.!?]\s+|\b(?:at|join|with|about|from|by)\s+)(?!(?:We|Our|You|Your|This|The|It|"
        rf"They|Us|Here|There|Pay|Salary|Applicants|Candidates|Benefits|Responsibilities|"
        rf"Requirements|Qualifications|All|Each|Every|Please|Apply)\b)({name})"
        rf"(?:'s|’s)?\s+(?:is|are|has|have|was|{verbs})\b"
        # Or a name of two words or more doing anything: "Red Clay Carriers hauls freight".
        rf"|(?:^|[.!?]\s+)(?!(?:We|Our|You|Your|This|The|It|They)\b)"
        rf"[A-Z][\w&'’-]+(?:\s+(?:&\s+)?[A-Z][\w&'’-]+){{1,4}}\s+[a-z]{{3,}}s\b"
    )
    anonymous = re.compile("|".join(f"(?:{p})" for p in data["anonymous"]), re.IGNORECASE)
    return suffixed, acting, anonymous


def employer_named(document: Document) -> bool:
    """Whether the posting names who is hiring."""
    if document.posting is not None:
        return bool(document.posting.organisation.name.strip())
    if document.employer:
        return True
    suffixed, acting, _ = _employer_patterns()
    placeholder = _placeholders()
    # A list item is an instruction ("Order supplies"), so only prose introduces an employer.
    return any(
        suffixed.search(text) or (not unit.bullet and acting.search(text))
        for unit in document.units
        if unit.field != "title" and not placeholder.search(text := unit.text)
    )


def check_employer(document: Document) -> Iterator[Finding]:
    """A posting that never says who is hiring: candidates can't judge it, or trust it."""
    if employer_named(document):
        return
    _, _, anonymous = _employer_patterns()
    stand_in = next(
        (match for unit in document.units if (match := anonymous.search(unit.text))), None
    )
    yield Finding(
        category="missing-section",
        severity="warning",
        message=rulebook.say("content.no_employer", stand_in=stand_in.group(0) if stand_in else ""),
        excerpt=stand_in.group(0) if stand_in else "",
        suggestion=rulebook.say("content.fix_no_employer"),
        field="organisation",
        rule=EMPLOYER,
    )


@cache
def _abbreviations() -> list[tuple[str, re.Pattern[str], re.Pattern[str]]]:
    found = []
    for entry in _data()["abbreviations"]:
        flags = 0 if entry.get("case") else re.IGNORECASE
        abbr = re.compile(rf"(?<![\w/&]){entry['abbr']}(?![\w/&])", flags)
        meaning = re.compile(rf"\b(?:{entry['meaning']})", re.IGNORECASE)
        found.append((entry["abbr"].replace("s?", "").replace("\\", ""), abbr, meaning))
    return found


def check_abbreviations(document: Document) -> Iterator[Finding]:
    """A field's abbreviations (cpm, CMV, PRN) with their meaning nowhere in the posting."""
    whole = document.text
    unexplained: list[tuple[str, str]] = []
    for name, abbr, meaning in _abbreviations():
        if meaning.search(whole):
            continue
        for unit in document.units:
            if match := abbr.search(unit.text):
                unexplained.append((name, excerpt(unit.text, match.start(), match.end())))
                break
    if not unexplained:
        return
    yield Finding(
        category="jargon",
        severity="info",
        message=rulebook.say(
            "content.abbreviations", found=", ".join(f"“{name}”" for name, _ in unexplained)
        ),
        excerpt=unexplained[0][1],
        suggestion=rulebook.say("content.fix_abbreviations"),
        rule=ABBREVIATION,
    )
