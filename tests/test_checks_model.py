"""The Finding contract, the order findings come in, and the summary for preview and review."""

from __future__ import annotations

import pytest
from pydantic import ValidationError

from bot.checks import CATEGORIES, Finding, summarise
from bot.checks.model import order


def finding(severity: str, category: str = "jargon") -> Finding:
    return Finding.model_validate(
        {"category": category, "severity": severity, "message": f"a {severity}"}
    )


def test_the_contract_has_exactly_the_design_keys() -> None:
    item = Finding(
        category="pay-transparency",
        severity="error",
        message="m",
        excerpt="competitive salary",
        suggestion="give a range",
        field="pay",
        rule="pay-transparency:vague",
    )
    assert item.contract() == {
        "category": "pay-transparency",
        "severity": "error",
        "message": "m",
        "excerpt": "competitive salary",
        "suggestion": "give a range",
    }


def test_categories_are_the_design_names() -> None:
    assert CATEGORIES == (
        "gendered-language",
        "exclusionary-language",
        "jargon",
        "pay-transparency",
        "requirements",
        "readability",
        "length",
        "structured-data",
        "missing-section",
    )


@pytest.mark.parametrize(
    "bad", [{"category": "spelling"}, {"severity": "fatal"}, {"colour": "red"}]
)
def test_unknown_categories_severities_and_keys_are_refused(bad: dict[str, str]) -> None:
    data = {"category": "jargon", "severity": "info", "message": "m", **bad}
    with pytest.raises(ValidationError):
        Finding.model_validate(data)


def test_errors_come_first_then_warnings_then_notes() -> None:
    items = [finding("info"), finding("warning", "length"), finding("error"), finding("warning")]
    assert [f.severity for f in order(items)] == ["error", "warning", "warning", "info"]
    assert [f.category for f in order(items)][1:3] == ["jargon", "length"]


def test_summary_counts_and_blocks_on_an_error() -> None:
    summary = summarise(
        [
            finding("error", "pay-transparency"),
            finding("warning"),
            finding("warning"),
            finding("info"),
        ]
    )
    assert (summary.errors, summary.warnings, summary.infos, summary.total) == (1, 2, 1, 4)
    assert summary.blocks_approval
    assert summary.by_category == {"jargon": 3, "pay-transparency": 1}
    assert summary.line.startswith("1 error, 2 warnings, 1 note: jargon, pay transparency")
    assert "block approval" in summary.line


def test_summary_of_warnings_only_does_not_block() -> None:
    summary = summarise([finding("warning", "length")])
    assert not summary.blocks_approval
    assert summary.line == "1 warning: length"


def test_summary_of_nothing_is_clean() -> None:
    summary = summarise([])
    assert summary.total == 0
    assert not summary.blocks_approval
    assert summary.line == "No problems found."
