"""The rule data in `bot/checks/data/*.yaml`, loaded once, checked and compiled.

Word lists, the pay-transparency law table and thresholds live in those files, and the sentences
the checks say in prompts/checks.yaml, so both can be corrected without touching the rules.
"""

from __future__ import annotations

import datetime as dt
import re
from functools import cache
from pathlib import Path
from typing import Any, Literal

import yaml
from jinja2 import Environment, StrictUndefined, Template
from pydantic import BaseModel, ConfigDict, Field, field_validator

from bot import text
from bot.checks.model import Severity

DATA = Path(__file__).resolve().parent / "data"

_ENV = Environment(undefined=StrictUndefined, autoescape=False)


@cache
def load(name: str) -> Any:
    """One data file, parsed (cached: the files do not change while Newjob runs)."""
    with (DATA / f"{name}.yaml").open(encoding="utf-8") as handle:
        return yaml.safe_load(handle)


@cache
def _template(source: str) -> Template:
    return _ENV.from_string(source)


def render(template: str, /, **params: Any) -> str:
    """Fill in one message template from a data file."""
    return " ".join(_template(template).render(**params).split())


def say(key: str, /, **params: Any) -> str:
    """The check sentence for `key` (prompts/checks.yaml). Raises KeyError for an unknown key."""
    return " ".join(text.say(f"checks.{key}", **params).split())


def tidy(pattern: str) -> str:
    """Folded YAML puts spaces around the `|` of long alternations; take them out again.

    Only the allow-list writes patterns over several lines; elsewhere a space is meant.
    """
    return re.sub(r"\s*\|\s*", "|", pattern.strip())


def words_pattern(patterns: list[str], *, flags: int = re.IGNORECASE) -> re.Pattern[str]:
    """One regex matching any of `patterns` as whole words."""
    joined = "|".join(f"(?:{p})" for p in patterns)
    return re.compile(rf"(?<![\w])(?:{joined})(?![\w])", flags)


class _Data(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class WordEntry(_Data):
    """One kind of wording to flag, with what to say and what to write instead."""

    id: str
    patterns: list[str]
    message: str
    suggestion: str
    severity: Severity = "warning"
    kind: str = ""
    unless: list[str] = []
    unless_severity: Severity | Literal["none"] = "none"
    unless_message: str | None = None
    message_with_benefits: str | None = None
    group: bool = False

    @property
    def regex(self) -> re.Pattern[str]:
        return _compiled(tuple(self.patterns))

    @property
    def unless_regex(self) -> re.Pattern[str] | None:
        return _compiled_search(tuple(self.unless)) if self.unless else None


@cache
def _compiled(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return words_pattern(list(patterns))


@cache
def _compiled_search(patterns: tuple[str, ...]) -> re.Pattern[str]:
    return re.compile("|".join(f"(?:{p})" for p in patterns), re.IGNORECASE)


class AllowEntry(_Data):
    id: str
    pattern: str
    fields: list[str]
    why: str
    only_for: list[str] = []

    @field_validator("pattern")
    @classmethod
    def _one_line(cls, value: str) -> str:
        return tidy(value)


class AllowList(_Data):
    entries: list[AllowEntry]
    field_signals: dict[str, list[str]]
    onet_fields: dict[str, str]


class StemList(_Data):
    citation: str
    short_citation: str
    strongly_coded_at: int = Field(ge=1)
    masculine: list[str]
    feminine: list[str]
    said_of_you: dict[str, list[str]] = {}


class LawRequirements(_Data):
    pay: Literal["range"] = "range"
    benefits: bool = False
    max_range_width: float | None = None
    width_exempt_above: float | None = None
    deadline_from: dt.date | None = None


class Law(_Data):
    """One row of the pay-transparency table."""

    id: str
    name: str
    country: str
    region: str
    city: str | None = None
    cities: list[str] = []
    effective: dt.date
    source: str
    cite: str
    employers: str
    min_employees: int = Field(ge=1)
    requires: LawRequirements
    remote: str
    notes: str | None = None


class LawNote(_Data):
    id: str
    name: str
    countries: list[str]
    source: str
    due: dt.date


class LawTable(_Data):
    laws: list[Law]
    notes: list[LawNote]
    vague_pay: list[str]

    @property
    def vague_regex(self) -> re.Pattern[str]:
        return _compiled_search(tuple(self.vague_pay))


@cache
def gendered_stems() -> StemList:
    return StemList.model_validate(load("gendered_stems"))


@cache
def word_entries(name: str) -> tuple[WordEntry, ...]:
    """The entries of gendered_words, exclusionary or jargon."""
    return tuple(WordEntry.model_validate(entry) for entry in load(name)["entries"])


@cache
def allow_list() -> AllowList:
    return AllowList.model_validate(load("allow_list"))


@cache
def law_table() -> LawTable:
    return LawTable.model_validate(load("pay_laws"))


@cache
def real_benefits() -> re.Pattern[str]:
    return _compiled_search(tuple(load("jargon")["real_benefits"]))
