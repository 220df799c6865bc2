"""Running every rule over a posting, and summing the findings up for the preview and review."""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Callable, Iterable
from typing import Any

from bot.checks import document as documents
from bot.checks import reader, rulebook
from bot.checks.document import Document
from bot.checks.model import (
    CATEGORIES,
    CheckSummary,
    Finding,
    count_by_category,
    order,
)
from bot.checks.rules import (
    content,
    gendered,
    pay,
    readability,
    requirements,
    structured_data,
    wording,
)
from bot.posting.model import Location, Posting
from bot.roles.template import RoleTemplate

Rule = Callable[[Document], Iterable[Finding]]

# In the order a reader meets the problems: words, law, requirements, then form.
TEXT_RULES: tuple[Rule, ...] = (
    content.check_placeholders,
    gendered.check_words,
    gendered.check_coding,
    wording.check_exclusionary,
    wording.check_jargon,
    content.check_abbreviations,
    requirements.check_requirements,
    readability.check_length,
    readability.check_sentences,
    readability.check_flesch,
    readability.check_bullets,
    content.check_empty_sections,
    content.check_employer,
)


def check_document(document: Document, *, jsonld: dict[str, Any] | None = None) -> list[Finding]:
    """Every rule over one Document (and its JSON-LD, when there is one), errors first."""
    empty = list(content.check_empty(document))
    if empty:
        return empty  # nothing to read: every other finding would only say so again
    findings: list[Finding] = []
    for rule in TEXT_RULES:
        findings.extend(rule(document))
    pay_findings = list(pay.check_pay(document))
    findings.extend(pay_findings)
    pay_covered = any(
        f.severity == "error" and f.rule.endswith((":missing", ":vague")) for f in pay_findings
    )
    findings.extend(readability.check_sections(document, pay_covered=pay_covered))
    if jsonld is not None:
        findings.extend(
            structured_data.check_jsonld(jsonld, posting=document.posting, today=document.today)
        )
    return order(findings)


def _role_for(posting: Posting) -> RoleTemplate | None:
    """The role the posting was drafted from, with what the catalogue knows of it."""
    key = posting.role.role_id or posting.role.onet_code
    if not key:
        return None
    from bot.roles.curated import RoleFileError
    from bot.roles.lookup import role_for

    try:
        return role_for(key)
    except RoleFileError:
        return None


def _words_shown(posting: Posting) -> int | None:
    """The posting's length as candidates see it (header, headings' sections, how to apply), so
    that its length note is the same whichever format it is checked in."""
    try:
        from bot.render import to_markdown
    except ImportError:  # without the renderer, the fields' own words
        return None
    from bot.checks.rules.readability import words

    shown = documents.from_text(to_markdown(posting))
    return sum(len(words(unit.text)) for unit in shown.units)


def _jsonld_for(posting: Posting) -> dict[str, Any] | None:
    try:
        from bot.render import to_jsonld
    except ImportError:  # the renderer is optional for checks: without it, no JSON-LD to check
        return None
    data: dict[str, Any] = to_jsonld(posting)
    return data


def check_posting(
    posting: Posting,
    *,
    role: RoleTemplate | None = None,
    today: dt.date | None = None,
    jsonld: dict[str, Any] | None = None,
) -> list[Finding]:
    """Check one of our postings, field by field, with its role and its Google for Jobs JSON-LD.

    `role` defaults to the curated role the posting names; `jsonld` to what `bot.render` makes
    of the posting. `today` decides which laws are in force (default: the real today).
    """
    role = role or _role_for(posting)
    document = documents.from_posting(posting, role=role, today=today)
    document.word_count = _words_shown(posting)
    return check_document(document, jsonld=jsonld if jsonld is not None else _jsonld_for(posting))


def check_text(
    text: str,
    *,
    location: str | Location | None = None,
    today: dt.date | None = None,
    role: RoleTemplate | None = None,
) -> list[Finding]:
    """Check a pasted posting: Markdown, HTML or plain text. `location` overrides what the text
    says. A page's JobPosting JSON-LD is checked for Google for Jobs as well.

    Raises bot.posting.ParseError when `location` is given but cannot be read as a place.
    """
    reading = reader.read(text)
    document = documents.from_reading(reading, location=location, role=role, today=today)
    return check_document(document, jsonld=_job_posting(reading.jsonld))


def _job_posting(scripts: list[str]) -> dict[str, Any] | None:
    """The JobPosting among a page's JSON-LD scripts (Google reads it there), if there is one."""
    for script in scripts:
        try:
            data = json.loads(script)
        except ValueError:
            continue
        for item in data if isinstance(data, list) else data.get("@graph", [data]):
            if isinstance(item, dict) and item.get("@type") == "JobPosting":
                return item
    return None


def summarise(findings: list[Finding]) -> CheckSummary:
    """Counts by severity, a one-line summary and whether the findings block approval."""
    errors = sum(1 for f in findings if f.severity == "error")
    warnings = sum(1 for f in findings if f.severity == "warning")
    infos = sum(1 for f in findings if f.severity == "info")
    by_category = count_by_category(findings)
    serious = [f for f in findings if f.severity != "info"] or findings
    names = [
        rulebook.say(f"summary.category.{category}")
        for category in CATEGORIES
        if any(f.category == category for f in serious)
    ]
    if not findings:
        line = rulebook.say("summary.clean")
    else:
        line = rulebook.say(
            "summary.counts",
            errors=errors,
            warnings=warnings,
            infos=infos,
            categories=", ".join(names),
            blocks=errors > 0,
        )
    return CheckSummary(
        errors=errors,
        warnings=warnings,
        infos=infos,
        by_category=by_category,
        line=line,
        blocks_approval=errors > 0,
    )
