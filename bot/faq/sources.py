"""Naming where each fact comes from: a short label beside the fact, a full line under the answer.

Three kinds of source back the FAQ: a curated role's page ("Indeed, Sept 2023"), the O*NET
catalogue ("O*NET 29.3") and BLS pay estimates ("BLS OEWS, May 2025"); answers about our own
postings name the posting and its version.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field

from bot.catalog import ONET_SOURCE, PayReport
from bot.roles.template import RoleTemplate, Source

_MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "June", "July", "Aug", "Sept", "Oct", "Nov", "Dec")

ONET_FULL = f"{ONET_SOURCE} Database, USDOL/ETA, used under the CC BY 4.0 license"


def month_year(date: dt.date) -> str:
    """'Sept 2023'."""
    return f"{_MONTHS[date.month - 1]} {date.year}"


@dataclass(frozen=True)
class Citation:
    label: str  # beside a fact: "O*NET 29.3"
    full: str  # under the answer: the source named so a reader can find it


ONET = Citation(ONET_SOURCE, ONET_FULL)


def from_source(source: Source) -> Citation:
    """A curated role's source: 'Indeed, Sept 2023' beside the fact, its citation below."""
    if source.id.startswith("onet"):
        return ONET
    if source.id.startswith("bls"):
        return Citation(source.citation, source.citation)
    label = f"{source.publisher}, {month_year(source.date)}" if source.date else source.publisher
    return Citation(label, source.citation)


def field_citation(role: RoleTemplate, field_name: str) -> Citation:
    """Where the role's `field_name` came from (the O*NET catalogue unless the role says)."""
    source = role.source_for(field_name)
    return from_source(source) if source is not None else ONET


def pay_citation(report: PayReport) -> Citation:
    return Citation(report.source, report.citation())


@dataclass
class Cited:
    """The sources an answer used, in the order it used them, each once."""

    lines: list[str] = field(default_factory=list)

    def use(self, citation: Citation) -> str:
        """Record the citation; returns its label, for the template."""
        if citation.full not in self.lines:
            self.lines.append(citation.full)
        return citation.label

    def add(self, line: str) -> None:
        if line and line not in self.lines:
            self.lines.append(line)
