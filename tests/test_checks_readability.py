"""Readability and length: syllables, Flesch score, word count, sentences, lists, sections."""

from __future__ import annotations

import pytest

from bot.checks.document import Unit, from_text
from bot.checks.rules.readability import (
    check_bullets,
    check_flesch,
    check_length,
    check_sections,
    check_sentences,
    flesch_reading_ease,
    syllables,
)
from tests.checks_samples import TODAY, sample


@pytest.mark.parametrize(
    ("word", "count"),
    [
        ("network", 2), ("technician", 3), ("cable", 2), ("cables", 2), ("drive", 1),
        ("drives", 1), ("tested", 2), ("configured", 3), ("services", 3), ("switches", 2),
        ("the", 1), ("experience", 4), ("radio", 3), ("station", 2), ("able", 2), ("a", 1),
        ("401(k)", 1), ("people", 2),
    ],
)  # fmt: skip
def test_syllables(word: str, count: int) -> None:
    assert syllables(word) == count


def test_flesch_reading_ease_of_plain_and_hard_text() -> None:
    plain = [Unit("summary", "The cat sat on the mat. The dog ran to the park. We like it here.")]
    hard = [
        Unit(
            "summary",
            "Comprehensive organizational responsibilities necessitate extraordinary "
            "administrative capabilities, interdepartmental communication and considerable "
            "professional accountability.",
        )
    ]
    plain_score = flesch_reading_ease(plain)
    hard_score = flesch_reading_ease(hard)
    assert plain_score is not None and plain_score[0] > 90
    assert hard_score is not None and hard_score[0] < 0
    assert flesch_reading_ease([]) is None


def doc(text: str):  # type: ignore[no-untyped-def]
    return from_text(text, location="Austin, TX", today=TODAY)


def test_word_count_aims_for_300_to_700() -> None:
    assert [f.severity for f in check_length(doc("# T\n\n" + "word " * 100))] == ["warning"]
    assert [f.severity for f in check_length(doc("# T\n\n" + "word " * 250))] == ["info"]
    assert list(check_length(doc("# T\n\n" + "word " * 500))) == []
    assert [f.severity for f in check_length(doc("# T\n\n" + "word " * 800))] == ["info"]
    (long,) = check_length(doc("# T\n\n" + "word " * 1200))
    assert long.severity == "warning" and long.category == "length"
    assert "1201 words" in long.message


def test_long_sentences_are_reported_a_few_at_a_time() -> None:
    long_sentence = " ".join(["Word"] * 35) + "."
    very_long = " ".join(["Word"] * 45) + "."
    text = "# T\n\n" + " ".join([very_long] + [long_sentence] * 4)
    found = list(check_sentences(doc(text)))
    assert [f.severity for f in found] == ["warning", "info", "info", "info"]
    assert "45 words" in found[0].message
    assert "2 more sentences" in found[-1].message


def test_hard_text_gets_a_flesch_finding() -> None:
    sentence = (
        "Comprehensive organizational responsibilities necessitate extraordinary "
        "administrative capabilities and considerable professional accountability."
    )
    (finding,) = check_flesch(doc("# T\n\n" + " ".join([sentence] * 12)))
    assert finding.severity == "warning"
    assert finding.category == "readability"
    assert "Flesch" in finding.message


def test_the_clean_sample_reads_easily() -> None:
    assert list(check_flesch(doc(sample("clean_denver.md")))) == []


def test_too_few_and_too_many_bullets() -> None:
    few = doc("# T\n\n## What you'll do\n\n- One thing\n- Another")
    (finding,) = check_bullets(few)
    assert finding.severity == "info" and finding.field == "responsibilities"
    many = doc("# T\n\n## Requirements\n\n" + "\n".join(f"- Skill {i}" for i in range(14)))
    (finding,) = check_bullets(many)
    assert finding.severity == "warning" and "14 items" in finding.message


def test_missing_sections_are_named() -> None:
    found = list(check_sections(doc("# T\n\nSome words."), pay_covered=False))
    assert [f.field for f in found] == ["responsibilities", "requirements", "pay", "how_to_apply"]
    assert all(f.category == "missing-section" and f.severity == "warning" for f in found)
    covered = list(check_sections(doc("# T\n\nSome words."), pay_covered=True))
    assert "pay" not in [f.field for f in covered]


@pytest.mark.parametrize(
    ("heading", "kind"),
    [
        ("What you'll do", "responsibilities"),
        ("Responsibilities", "responsibilities"),
        ("What you bring", "requirements"),
        ("Qualifications", "requirements"),
        ("Nice to have", "nice_to_haves"),
        ("Pay", "pay"),
        ("Pay and benefits", "pay_benefits"),
        ("Benefits", "benefits"),
        ("How to apply", "how_to_apply"),
        ("About the role", "summary"),
        ("About Acme", "about"),
    ],
)
def test_pasted_section_headings(heading: str, kind: str) -> None:
    from bot.checks.document import heading_kind

    assert heading_kind(heading) == kind


def test_headings_in_several_styles_are_read() -> None:
    text = (
        "Network Technician\n\nWHAT YOU'LL DO\n- Fix\n\n**What you bring**\n- Skill\n\n"
        "How to apply:\nSend your CV to jobs@example.com\n"
    )
    document = doc(text)
    assert document.title == "Network Technician"
    assert {"responsibilities", "requirements", "how_to_apply"} <= document.sections
