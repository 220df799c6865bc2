"""Exclusionary wording and jargon: lists of phrases, each with what to say and write instead.

Both read their entries from a data file (`exclusionary.yaml`, `jargon.yaml`). An entry can be
softened by context found anywhere in the posting: a citizenship requirement next to a security
clearance is a note to name the legal reason, not an error; "must be able to lift 50 lb" next to
an accommodation note is fine. Hollow perks are a warning only when no real benefits are listed.
"""

from __future__ import annotations

from collections.abc import Iterator

from bot.checks import rulebook
from bot.checks.document import Document
from bot.checks.model import Category, Finding
from bot.checks.rulebook import WordEntry
from bot.checks.scan import Hit, hits, posting_field

EXCLUSIONARY = "exclusionary-wording"
JARGON = "jargon"


def _check(
    document: Document, rule: str, category: Category, entries: tuple[WordEntry, ...]
) -> Iterator[Finding]:
    claimed: dict[int, list[tuple[int, int]]] = {}
    reported: set[tuple[str, str]] = set()
    whole = document.text
    real_benefits = has_real_benefits(document)
    for entry in entries:
        severity = entry.severity
        message = entry.message
        if entry.unless_regex is not None and entry.unless_regex.search(whole):
            if entry.unless_severity == "none":
                continue
            severity = entry.unless_severity
            message = entry.unless_message or message
        if entry.message_with_benefits and real_benefits:
            severity = "info"
            message = entry.message_with_benefits
        found: list[Hit] = []
        for hit in hits(document, rule, entry.regex):
            spans = claimed.setdefault(hit.unit, [])
            if any(hit.start < end and start < hit.end for start, end in spans):
                continue
            spans.append((hit.start, hit.end))
            key = (entry.id, hit.found.lower())
            if key in reported:
                continue
            reported.add(key)
            found.append(hit)
        # A grouped entry (hollow perks) is one finding naming every wording found.
        batches = [found] if entry.group and found else [[hit] for hit in found]
        for batch in batches:
            words = ", ".join(f"“{hit.found}”" for hit in batch)
            yield Finding(
                category=category,
                severity=severity,
                message=rulebook.render(message, found=words if entry.group else batch[0].found),
                excerpt=" … ".join(dict.fromkeys(hit.excerpt for hit in batch)),
                suggestion=entry.suggestion,
                field=posting_field(batch[0].field),
                rule=f"{rule}:{entry.id}",
            )


def has_real_benefits(document: Document) -> bool:
    """Benefits beyond perks: health cover, retirement, paid leave and the like."""
    return bool(rulebook.real_benefits().search(document.benefits_text))


def check_exclusionary(document: Document) -> Iterator[Finding]:
    """Age, national origin, citizenship, disability and "culture fit" wording."""
    yield from _check(
        document, EXCLUSIONARY, "exclusionary-language", rulebook.word_entries("exclusionary")
    )


def check_jargon(document: Document) -> Iterator[Finding]:
    """Jargon titles (ninja, rockstar), bro culture and perks standing in for benefits."""
    yield from _check(document, JARGON, "jargon", rulebook.word_entries("jargon"))
