"""Gendered wording: the Gaucher et al. (2011) coded-word score, and gendered words and pronouns.

Gaucher, Friesen & Kay found that job ads worded with more masculine-coded words (agentic:
"competitive", "dominant", "lead") made women find the job less appealing and feel they belonged
less, whatever their ability. The score is feminine-coded minus masculine-coded words found,
as gender-decoder reports it; the words are listed so the writer can see what to balance.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterator
from functools import cache

from bot.checks import rulebook
from bot.checks.document import Document
from bot.checks.model import Finding
from bot.checks.scan import hits, posting_field

_WORD = re.compile(r"[A-Za-z][A-Za-z'-]*[A-Za-z]|[A-Za-z]")
CODING = "gendered-coding"
WORDS = "gendered-words"


@cache
def _stems(side: str) -> tuple[frozenset[str], tuple[str, ...]]:
    """(whole words, prefixes) for the masculine or feminine list."""
    data = rulebook.gendered_stems()
    entries = data.masculine if side == "masculine" else data.feminine
    whole = frozenset(e.lower() for e in entries if not e.endswith("*"))
    prefixes = tuple(e[:-1].lower() for e in entries if e.endswith("*"))
    return whole, prefixes


def _coded(word: str, side: str) -> bool:
    whole, prefixes = _stems(side)
    return word in whole or word.rstrip("s") in whole or word.startswith(prefixes)


def coded_words(document: Document) -> tuple[Counter[str], Counter[str]]:
    """The masculine- and feminine-coded words in the document, as written (lower case)."""
    masculine: Counter[str] = Counter()
    feminine: Counter[str] = Counter()
    # A coded word that names what the job is about ("child" for a child welfare worker,
    # "individual" nowhere) is the subject of the work, not a trait asked of the candidate.
    subject = _subject_words(document)
    for index, unit in enumerate(document.units):
        if unit.field == "title":
            continue
        for match in _WORD.finditer(document.masked(CODING, index)):
            word = match.group(0).lower().strip("'")
            if word in subject or any(len(s) >= 4 and word.startswith(s) for s in subject):
                continue
            text = document.masked(CODING, index)
            if _coded(word, "masculine") or _of_you(word, "masculine", text, match.start()):
                masculine[word] += 1
            elif _coded(word, "feminine") or _of_you(word, "feminine", text, match.start()):
                feminine[word] += 1
    return masculine, feminine


_CLAUSE_START = re.compile(r"[.;:!?\n]|,\s(?!and\b)")
_ABOUT_YOU = re.compile(r"\b(?:you|you'll|you’ll|you're|you’re|your|able to|ability to)\b", re.I)


def _of_you(word: str, side: str, text: str, start: int) -> bool:
    """A verb of the study's list said of the candidate: "you lead projects and support …"."""
    if word not in rulebook.gendered_stems().said_of_you.get(side, ()):
        return False
    clause = _CLAUSE_START.split(text[:start])[-1]
    return bool(_ABOUT_YOU.search(clause))


_LEADING_TITLES = frozenset(
    {"lead", "supervisor", "manager", "director", "head", "chief", "foreman", "superintendent"}
)


def _subject_words(document: Document) -> frozenset[str]:
    titles = [document.title]
    if document.role is not None:
        titles.append(document.role.title)
    words = {w.lower() for title in titles for w in _WORD.findall(title or "")}
    leading = document.posting is not None and document.posting.level == "lead"
    if leading or words & _LEADING_TITLES:
        words.add("lead")  # leading people is the job itself
    return frozenset(w.rstrip("s") for w in words)


def _listed(words: Counter[str]) -> str:
    return ", ".join(word if n == 1 else f"{word} ×{n}" for word, n in words.most_common())


def check_coding(document: Document) -> Iterator[Finding]:
    """Strongly coded wording is a warning, slightly coded a note; neutral says nothing."""
    masculine, feminine = coded_words(document)
    score = sum(feminine.values()) - sum(masculine.values())
    if score == 0:
        return
    strong = abs(score) >= rulebook.gendered_stems().strongly_coded_at
    side = "feminine" if score > 0 else "masculine"
    words = feminine if score > 0 else masculine
    yield Finding(
        category="gendered-language",
        severity="warning" if strong else "info",
        message=rulebook.say(
            f"gendered.coded_{side}",
            strength="strongly" if strong else "slightly",
            masculine=sum(masculine.values()),
            feminine=sum(feminine.values()),
            citation=rulebook.gendered_stems().short_citation,
        ),
        excerpt=_listed(words),
        suggestion=rulebook.say(f"gendered.balance_{side}", other=_listed(words)),
        rule=CODING,
    )


def check_words(document: Document) -> Iterator[Finding]:
    """Gendered words and pronouns, each once, with a neutral word to use instead."""
    claimed: dict[int, list[tuple[int, int]]] = {}
    seen: dict[tuple[str, str], int] = {}
    found_in_order: list[tuple[str, str, Finding]] = []
    for entry in rulebook.word_entries("gendered_words"):
        for hit in hits(document, WORDS, entry.regex):
            if hit.field == "title" and entry.id in ("pronoun", "her"):
                continue
            spans = claimed.setdefault(hit.unit, [])
            if any(hit.start < end and start < hit.end for start, end in spans):
                continue
            spans.append((hit.start, hit.end))
            key = (entry.id, hit.found.lower())
            seen[key] = seen.get(key, 0) + 1
            if seen[key] > 1:
                continue
            finding = Finding(
                category="gendered-language",
                severity=entry.severity,
                message=rulebook.render(entry.message, found=hit.found),
                excerpt=hit.excerpt,
                suggestion=entry.suggestion,
                field=posting_field(hit.field),
                rule=WORDS,
            )
            found_in_order.append((entry.id, hit.found.lower(), finding))
    for entry_id, word, finding in found_in_order:
        times = seen[(entry_id, word)]
        if times > 1:
            more = rulebook.say("common.times", count=times)
            finding = finding.model_copy(update={"message": f"{finding.message} {more}"})
        yield finding
