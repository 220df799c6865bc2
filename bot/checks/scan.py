"""Finding words in a Document: allow-list masking, excerpts and one finding per wording."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from bot.checks.document import Document
from bot.posting.model import Posting

EXCERPT_WIDTH = 120


@dataclass(frozen=True)
class Hit:
    """One match of a rule's words in one unit of the document."""

    unit: int
    start: int
    end: int
    found: str
    field: str
    excerpt: str


def excerpt(text: str, start: int, end: int, width: int = EXCERPT_WIDTH) -> str:
    """The sentence around text[start:end], cut to about `width` characters around it."""
    stop = text.rfind(". ", 0, start)
    left = max(stop + 2 if stop != -1 else 0, text.rfind("\n", 0, start) + 1)
    right_candidates = [i for i in (text.find(". ", end), text.find("\n", end)) if i != -1]
    right = min(right_candidates) + 1 if right_candidates else len(text)
    sentence = text[left:right].strip()
    if len(sentence) <= width:
        return sentence
    centre = (start + end) // 2 - left
    half = width // 2
    lo = max(0, centre - half)
    hi = min(len(sentence), lo + width)
    lo = max(0, hi - width)
    cut = sentence[lo:hi].strip()
    return ("…" if lo > 0 else "") + cut + ("…" if hi < len(sentence) else "")


def hits(document: Document, rule: str, pattern: re.Pattern[str]) -> Iterator[Hit]:
    """Every match of `pattern` in the document, allow-listed phrases for `rule` left out."""
    for index, unit in enumerate(document.units):
        masked = document.masked(rule, index)
        for match in pattern.finditer(masked):
            yield Hit(
                unit=index,
                start=match.start(),
                end=match.end(),
                found=unit.text[match.start() : match.end()],
                field=unit.field,
                excerpt=excerpt(unit.text, match.start(), match.end()),
            )


def posting_field(field: str) -> str | None:
    """The Posting field a unit came from; None for pasted sections that are not fields."""
    return field if field in Posting.model_fields else None
