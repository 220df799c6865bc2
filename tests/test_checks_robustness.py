"""Whatever is pasted, the checks answer with findings and never crash."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.checks import Finding, check_text, summarise
from tests.checks_samples import TODAY, sample

LINES = st.sampled_from(
    [
        "# Network Technician",
        "## What you'll do",
        "**Pay:**",
        "Pay: $55k-65k",
        "Salary: competitive",
        "Location: Remote (US)",
        "Location: Toronto, ON, Canada",
        "- Must be able to lift 50 lbs",
        "- 5+ years of experience",
        "HOW TO APPLY:",
        "He or she will lead the team.",
        "",
    ]
)


@settings(max_examples=150, deadline=None)
@given(st.lists(st.one_of(LINES, st.text(max_size=80)), max_size=25))
def test_any_text_gives_findings_not_exceptions(lines: list[str]) -> None:
    findings = check_text("\n".join(lines), today=TODAY)
    assert all(isinstance(f, Finding) for f in findings)
    summarise(findings)


def test_empty_and_huge_texts() -> None:
    assert check_text("", today=TODAY)
    huge = sample("clean_denver.md") * 20
    assert any(f.category == "length" for f in check_text(huge, today=TODAY))
