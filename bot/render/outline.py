"""What a rendered posting shows, in order, for every format: key facts, then sections.

Each format (Markdown, HTML, text, Block Kit) lays out the same Outline, so they never disagree
about what is in a posting, what is still to fill in, or where a fact shown came from.
"""

from __future__ import annotations

import calendar
import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass
from typing import ClassVar

from bot.posting import Posting
from bot.posting.model import format_money
from bot.roles.template import RoleTemplate, Source
from bot.text import field_label, say

# Fields a posting cannot go out without; shown with a "to fill in" marker while empty.
_REQUIRED_SECTIONS = ("responsibilities", "requirements")


@dataclass(frozen=True)
class Credit:
    """Where a fact shown came from: the source's citation, and whether only part is from it."""

    citation: str = ""
    partly: bool = False

    def line(self, citation: str | None = None) -> str:
        """'Source: …' or 'Partly from: …' (with `citation` in place of the source's own, as a
        footnote's number); '' when nothing is credited."""
        if not self.citation:
            return ""
        key = "render.partly_source" if self.partly else "render.source"
        return say(key, citation=self.citation if citation is None else citation)


@dataclass(frozen=True)
class Fact:
    """One key fact ('Pay', '$55,000 – $65,000 a year'); an empty value is still to fill in."""

    field: str
    label: str
    value: str
    credit: Credit = Credit()
    link: str = ""

    @property
    def source(self) -> str:
        return self.credit.line()


@dataclass(frozen=True)
class Section:
    """A titled part of the posting body: a paragraph (`text`) or a list (`items`)."""

    field: str
    heading: str
    text: str = ""
    items: tuple[str, ...] = ()
    credit: Credit = Credit()

    @property
    def source(self) -> str:
        return self.credit.line()

    @property
    def is_empty(self) -> bool:
        return not self.text and not self.items


class Footnotes:
    """Sources cited by number, each spelled out once at the end (the text format: a long
    citation, such as O*NET's licence notice, after every section drowned the posting)."""

    def __init__(self) -> None:
        self.citations: list[str] = []

    def mark(self, credit: Credit) -> str:
        """'Source: [1]' for `credit`, numbering its citation the first time it is seen."""
        if not credit.citation:
            return ""
        if credit.citation not in self.citations:
            self.citations.append(credit.citation)
        return credit.line(f"[{self.citations.index(credit.citation) + 1}]")

    @property
    def heading(self) -> str:
        return say("render.sources_heading")


@dataclass(frozen=True)
class Outline:
    title: str
    facts: tuple[Fact, ...]
    sections: tuple[Section, ...]
    missing: tuple[str, ...]
    """Labels of the fields still to fill in ('Company', 'Pay'), in the order they are asked."""

    @property
    def still_to_fill_in(self) -> str:
        return say("render.still_to_fill_in", fields=", ".join(self.missing))


def to_fill_in(field: str) -> str:
    """The marker a draft shows where the manager still has to answer: '[to fill in: Pay]'."""
    return say("render.to_fill_in", field=field_label(field))


def format_date(day: dt.date) -> str:
    return say("render.date", month=calendar.month_name[day.month], day=day.day, year=day.year)


def outline(posting: Posting, role: RoleTemplate | None = None) -> Outline:
    """Lay out `posting`; with `role`, facts taken from it name their source."""
    credit = _Credit(role)
    return Outline(
        title=posting.title,
        facts=tuple(_facts(posting, role, credit)),
        sections=tuple(section for section in _sections(posting, credit) if section is not None),
        missing=tuple(field_label(name) for name in posting.missing()),
    )


def _facts(posting: Posting, role: RoleTemplate | None, credit: _Credit) -> Iterable[Fact]:
    yield Fact("organisation", field_label("organisation"), posting.organisation.name)
    if posting.team:
        yield Fact("team", field_label("team"), posting.team)
    location = posting.location.describe() if posting.location else ""
    yield Fact("location", field_label("location"), location)
    kind = posting.employment_type.label if posting.employment_type else ""
    yield Fact("employment_type", field_label("employment_type"), kind)
    yield Fact("pay", field_label("pay"), posting.pay.describe() if posting.pay else "")
    if role is not None:
        for benchmark in role.pay:
            source = role.source_by_id(benchmark.source)
            value = say(
                "render.benchmark",
                amount=format_money(benchmark.figure, benchmark.currency),
                per=say(f"pay_period.{benchmark.period}"),
                kind=say(f"render.pay_kind.{benchmark.kind}"),
                area=benchmark.area,
            )
            cited = Credit(source.citation) if source else Credit()
            yield Fact("pay_benchmark", say("render.benchmark_label"), value, cited)
    if posting.years_experience is not None:
        years = say("render.years", years=posting.years_experience)
        from_role = role is not None and posting.years_experience == role.min_years_experience
        cited = credit.whole("experience") if from_role else Credit()
        yield Fact("years_experience", field_label("years_experience"), years, cited)
    yield Fact("date_posted", field_label("date_posted"), format_date(posting.date_posted))
    if posting.closing_date:
        yield Fact("closing_date", field_label("closing_date"), format_date(posting.closing_date))
    if posting.identifier:
        yield Fact("identifier", field_label("identifier"), posting.identifier)
    yield Fact(
        "how_to_apply", field_label("how_to_apply"), posting.how_to_apply, link=posting.apply_url
    )


def _sections(posting: Posting, credit: _Credit) -> Iterable[Section | None]:
    yield _text("summary", say("render.heading.summary"), posting.summary, credit)
    for field in ("responsibilities", "requirements", "nice_to_haves"):
        yield _list(field, getattr(posting, field), credit)
    yield _text("education", field_label("education"), posting.education, credit)
    yield _text("schedule", field_label("schedule"), posting.schedule, credit)
    yield _text("physical_demands", field_label("physical_demands"), posting.physical_demands)
    yield _list("benefits", posting.benefits, credit)
    name = posting.organisation.name
    heading = (
        say("render.heading.organisation", name=name)
        if name
        else say("render.heading.organisation_unnamed")
    )
    yield _text("about", heading, posting.organisation.about)
    yield _text("equal_opportunity", field_label("equal_opportunity"), posting.equal_opportunity)


def _text(field: str, heading: str, text: str, credit: _Credit | None = None) -> Section | None:
    if not text:
        return None
    source = credit.text(field, text) if credit else Credit()
    return Section(field, heading, text=text, credit=source)


def _list(field: str, items: list[str], credit: _Credit) -> Section | None:
    if not items and field not in _REQUIRED_SECTIONS:
        return None
    return Section(field, field_label(field), items=tuple(items), credit=credit.items(field, items))


def _norm(text: str) -> str:
    return " ".join(text.split()).casefold()


class _Credit:
    """Names the role's source next to the parts of a posting that were taken from the role."""

    # Posting field -> the role fields its content is drafted from.
    _FROM: ClassVar[dict[str, tuple[str, ...]]] = {
        "summary": ("summary",),
        "responsibilities": ("duties", "tasks"),
        "requirements": ("skills", "qualifications"),
        "nice_to_haves": ("qualities",),
        "education": ("education", "qualifications"),
    }

    def __init__(self, role: RoleTemplate | None) -> None:
        self.role = role

    def _source(self, role_field: str) -> Source | None:
        return self.role.source_for(role_field) if self.role else None

    def whole(self, role_field: str) -> Credit:
        source = self._source(role_field)
        return Credit(source.citation) if source else Credit()

    def items(self, field: str, items: list[str]) -> Credit:
        """The role's source when every item is the role's, 'partly' when only some are."""
        if self.role is None or not items:
            return Credit()
        known: set[str] = set()
        source: Source | None = None
        for role_field in self._FROM.get(field, ()):
            entries = {_norm(entry) for entry in _strings(getattr(self.role, role_field))}
            if source is None and any(_norm(item) in entries for item in items):
                source = self._source(role_field)
            known |= entries
        if source is None:
            return Credit()
        taken = sum(1 for item in items if _norm(item) in known)
        return Credit(source.citation, partly=taken != len(items))

    def text(self, field: str, text: str) -> Credit:
        """The role's source when the text is the role's own (or a part of it)."""
        if self.role is None:
            return Credit()
        wanted = _norm(text)
        for role_field in self._FROM.get(field, ()):
            value = getattr(self.role, role_field)
            whole = _norm(value if isinstance(value, str) else " ".join(_strings(value)))
            source = self._source(role_field)
            if wanted and whole and wanted in whole and source:
                return Credit(source.citation)
        return Credit()


def _strings(value: object) -> list[str]:
    if isinstance(value, str):
        return [value]
    if isinstance(value, list):
        return [str(entry) for entry in value]
    return []
