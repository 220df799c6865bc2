"""Readability and length: word count, long sentences, Flesch reading ease, lists and sections.

Flesch reading ease needs syllable counts; we count them with a small rule-based counter (vowel
groups, silent final e, -le, -ed and -es endings), which is within a syllable of a pronouncing
dictionary (CMUdict) for 99.5% of English words and needs no data or network.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from functools import cache
from typing import Any

from bot.checks import rulebook
from bot.checks.document import Document, Unit
from bot.checks.model import Finding
from bot.checks.scan import excerpt

RULE = "readability"
_WORD = re.compile(r"[A-Za-z0-9][A-Za-z0-9'’&./-]*")
_LETTERS = re.compile(r"[a-z]+")
_SENTENCE_END = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9“\"(])")
_VOWEL_GROUPS = re.compile(r"[aeiouy]+")
# Words the endings rules get wrong, and their syllables.
_EXCEPTIONS = {
    "the": 1, "every": 2, "business": 2, "different": 2, "evening": 3, "area": 3, "idea": 3,
    "real": 1, "create": 2, "people": 2, "science": 2, "being": 2, "our": 1, "hour": 1,
    "hours": 1, "fire": 1, "via": 2, "poem": 2, "quiet": 2, "video": 3, "radio": 3,
    "period": 3, "experience": 4, "required": 2, "prefer": 2, "you're": 1, "we're": 1,
}  # fmt: skip


@cache
def _limits() -> dict[str, Any]:
    data: dict[str, Any] = rulebook.load("readability")
    return data


def syllables(word: str) -> int:
    """Syllables in one English word, by rule (e.g. 'network' 2, 'technician' 3, 'able' 2)."""
    word = word.lower().strip("'’")
    if word in _EXCEPTIONS:
        return _EXCEPTIONS[word]
    letters = "".join(_LETTERS.findall(word))
    if not letters:
        return 1 if any(ch.isdigit() for ch in word) else 0
    if len(letters) <= 3:
        return 1
    count = len(_VOWEL_GROUPS.findall(letters))
    if letters.endswith("e") and not letters.endswith(("le", "ee", "ye")):
        count -= 1  # silent e: "cable" keeps it, "drive" drops it
    elif letters.endswith("le") and len(letters) > 2 and letters[-3] in "aeiouy":
        count -= 1  # "sale", "mile"
    if letters.endswith("ed") and not letters.endswith(("ted", "ded")):
        count -= 1  # "configured", "tested" keeps it
    elif (
        letters.endswith("es")
        and not letters.endswith(("ses", "zes", "ces", "ges", "xes", "ches", "shes"))
        and not (letters.endswith("les") and letters[-4:-3] not in "aeiouy")
    ):
        count -= 1  # "drives", "files"; "services", "switches", "cables" keep it
    for pattern in ("ia", "io", "eo", "ua", "uo", "iu"):
        count += letters.count(pattern)  # two vowels, two syllables: "radio", "gradual"
    if re.search(r"(?:tio|sio|cia|tia|sia)", letters):
        count -= letters.count("tio") + letters.count("sio") + letters.count("cia")
        count -= letters.count("tia") + letters.count("sia")  # "-tion", "-cian" are one
    return max(1, count)


def words(text: str) -> list[str]:
    return _WORD.findall(text)


def sentences(unit: Unit) -> list[str]:
    """A bullet is one sentence; a paragraph splits at full stops."""
    if unit.bullet:
        return [unit.text]
    return [part for part in _SENTENCE_END.split(unit.text) if part.strip()]


def flesch_reading_ease(units: list[Unit]) -> tuple[float, int] | None:
    """(score, words scored) over the units, or None when there is no text."""
    total_words = total_sentences = total_syllables = 0
    for unit in units:
        for sentence in sentences(unit):
            found = words(sentence)
            if not found:
                continue
            total_sentences += 1
            total_words += len(found)
            total_syllables += sum(syllables(word) for word in found)
    if not total_words:
        return None
    score = (
        206.835 - 1.015 * (total_words / total_sentences) - 84.6 * (total_syllables / total_words)
    )
    return round(score, 1), total_words


def _prose(document: Document) -> list[Unit]:
    return [unit for unit in document.units if unit.field not in ("title", "details", "pay")]


def check_length(document: Document) -> Iterator[Finding]:
    """Aim for 300 to 700 words: shorter says too little, longer loses readers."""
    limits = _limits()["words"]
    count = document.word_count
    if count is None:
        count = sum(len(words(unit.text)) for unit in document.units)
    for key, fix, below in (
        ("too_short", "fix_short", True),
        ("short", "fix_short", True),
        ("too_long", "fix_long", False),
        ("long", "fix_long", False),
    ):
        if (below and count < limits[key]) or (not below and count > limits[key]):
            yield Finding(
                category="length",
                severity="warning" if key.startswith("too") else "info",
                message=rulebook.say(f"readability.{key}", words=count),
                suggestion=rulebook.say(f"readability.{fix}"),
                rule="length",
            )
            return


def check_sentences(document: Document) -> Iterator[Finding]:
    """Sentences over 30 words are a note, over 40 a warning; a few reported, the rest counted."""
    limits = _limits()["sentences"]
    long_ones: list[tuple[int, str, Unit]] = []
    for unit in _prose(document):
        for sentence in sentences(unit):
            count = len(words(sentence))
            if count > limits["long"]:
                long_ones.append((count, sentence, unit))
    long_ones.sort(key=lambda item: -item[0])
    for count, sentence, unit in long_ones[: limits["most_reported"]]:
        yield Finding(
            category="readability",
            severity="warning" if count > limits["too_long"] else "info",
            message=rulebook.say("readability.long_sentence", words=count, limit=limits["long"]),
            excerpt=excerpt(sentence, 0, 0, width=100),
            suggestion=rulebook.say("readability.fix_sentence"),
            field=unit.field if document.posting is not None else None,
            rule=f"{RULE}:sentence",
        )
    rest = len(long_ones) - limits["most_reported"]
    if rest > 0:
        yield Finding(
            category="readability",
            severity="info",
            message=rulebook.say(
                "readability.more_long_sentences", count=rest, limit=limits["long"]
            ),
            suggestion=rulebook.say("readability.fix_sentence"),
            rule=f"{RULE}:sentence",
        )


def check_flesch(document: Document) -> Iterator[Finding]:
    """Flesch reading ease under 50 is a note, under 30 a warning (plain English is 60-70)."""
    limits = _limits()["flesch"]
    result = flesch_reading_ease(_prose(document))
    if result is None:
        return
    score, counted = result
    if counted < limits["min_words"] or score >= limits["hard"]:
        return
    very = score < limits["very_hard"]
    yield Finding(
        category="readability",
        severity="warning" if very else "info",
        message=rulebook.say(
            "readability.flesch_very_hard" if very else "readability.flesch_hard", score=score
        ),
        suggestion=rulebook.say("readability.fix_flesch"),
        rule=f"{RULE}:flesch",
    )


def check_bullets(document: Document) -> Iterator[Finding]:
    """Each list 3 to 10 items; the posting no wall of bullets."""
    limits = _limits()["bullets"]
    total = 0
    for section in ("responsibilities", "requirements", "nice_to_haves", "benefits"):
        count = document.bullets_in(section)
        total += count
        name = rulebook.say(f"readability.section.{section}")
        params = {"section": name, "count": count}
        if 0 < count < limits["few"] and section in ("responsibilities", "requirements"):
            yield Finding(
                category="readability",
                severity="info",
                message=rulebook.say("readability.few_bullets", **params),
                suggestion=rulebook.say("readability.fix_few_bullets"),
                field=section,
                rule=f"{RULE}:bullets",
            )
        elif count > limits["many"]:
            yield Finding(
                category="readability",
                severity="warning",
                message=rulebook.say("readability.many_bullets", **params),
                suggestion=rulebook.say("readability.fix_many_bullets"),
                field=section,
                rule=f"{RULE}:bullets",
            )
    if total > limits["too_many_total"]:
        yield Finding(
            category="readability",
            severity="warning",
            message=rulebook.say("readability.too_many_bullets", count=total),
            suggestion=rulebook.say("readability.fix_many_bullets"),
            rule=f"{RULE}:bullets",
        )


def check_sections(document: Document, *, pay_covered: bool) -> Iterator[Finding]:
    """What you'll do, what you bring, pay and how to apply: each section a posting needs.

    Missing pay is left to the pay-transparency rule where a law covers the job (`pay_covered`).
    """
    for section in rulebook.load("sections")["required"]:
        if section in document.sections:
            continue
        if section == "pay" and pay_covered:
            continue
        yield Finding(
            category="missing-section",
            severity="warning",
            message=rulebook.say(f"missing.{section}"),
            excerpt=(document.pay_vague or document.pay_text) if section == "pay" else "",
            suggestion=rulebook.say(f"missing.fix_{section}"),
            field=section,
            rule=f"missing-section:{section}",
        )
