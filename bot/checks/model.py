"""What a check reports: a Finding for each problem, and a CheckSummary for the whole posting."""

from __future__ import annotations

from collections import Counter
from typing import Literal, get_args

from pydantic import BaseModel, ConfigDict

Severity = Literal["error", "warning", "info"]
Category = Literal[
    "gendered-language",
    "exclusionary-language",
    "jargon",
    "pay-transparency",
    "requirements",
    "readability",
    "length",
    "structured-data",
    "missing-section",
]

# The same names as tuples, in the order ../shared/design.md lists them (derived, never
# written twice).
SEVERITIES: tuple[Severity, ...] = get_args(Severity)
CATEGORIES: tuple[Category, ...] = get_args(Category)


class Finding(BaseModel):
    """One problem in a posting, said so that the hiring manager can fix it.

    `excerpt` quotes the words the finding is about ("" when it is about the posting as a whole);
    `field` names the Posting field they came from when the check knows it; `rule` is the id of
    the rule that found it, for tests and for turning one rule down later.
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    category: Category
    severity: Severity
    message: str
    excerpt: str = ""
    suggestion: str | None = None
    field: str | None = None
    rule: str = ""

    def contract(self) -> dict[str, str | None]:
        """The finding as `newjob check --json` promises it (../shared/design.md)."""
        return {
            "category": self.category,
            "severity": self.severity,
            "message": self.message,
            "excerpt": self.excerpt,
            "suggestion": self.suggestion,
        }


class CheckSummary(BaseModel):
    """Counts by severity and a one-line summary for the dialogue preview and the review post."""

    model_config = ConfigDict(frozen=True, extra="forbid")

    errors: int
    warnings: int
    infos: int
    by_category: dict[str, int]
    line: str
    blocks_approval: bool

    @property
    def total(self) -> int:
        return self.errors + self.warnings + self.infos


def order(findings: list[Finding]) -> list[Finding]:
    """Errors first, then warnings, then notes; within a severity, by category as listed."""
    rank = {severity: index for index, severity in enumerate(SEVERITIES)}
    place = {category: index for index, category in enumerate(CATEGORIES)}
    return sorted(findings, key=lambda f: (rank[f.severity], place[f.category]))


def count_by_category(findings: list[Finding]) -> dict[str, int]:
    counts = Counter(f.category for f in findings)
    return {category: counts[category] for category in CATEGORIES if counts[category]}
