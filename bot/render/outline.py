"""What a rendered posting shows, in order, for every format: key facts, then sections.

Each format (Markdown, HTML, text, Block Kit) lays out the same Outline, so they never disagree
about what is in a posting or what is still to fill in. Reference material (market pay, where a
suggestion came from) is the manager's, never the candidate's: see bot.render.reference.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from collections.abc import Iterable
from dataclasses import dataclass

from bot.posting import Posting, Workplace
from bot.posting.compose import article
from bot.text import field_label, say

# Fields a posting cannot go out without; shown with a "to fill in" marker while empty.
_REQUIRED_SECTIONS = ("responsibilities", "requirements")


@dataclass(frozen=True)
class Fact:
    """One key fact ('Pay', '$55,000 – $65,000 a year'); an empty value is still to fill in."""

    field: str
    label: str
    value: str


@dataclass(frozen=True)
class Section:
    """A titled part of the posting body: a paragraph (`text`) or a list (`items`)."""

    field: str
    heading: str
    text: str = ""
    items: tuple[str, ...] = ()
    link: str = ""
    """A link target for the part of `text` that reads `link_text` (the application page)."""
    link_text: str = ""

    @property
    def is_empty(self) -> bool:
        return not self.text and not self.items

    @property
    def around_link(self) -> tuple[str, str]:
        """The text before and after `link_text`, for formats that make it a link."""
        if not self.link or self.link_text not in self.text:
            return self.text, ""
        before, _, after = self.text.partition(self.link_text)
        return before, after


@dataclass(frozen=True)
class Outline:
    title: str
    facts: tuple[Fact, ...]
    """The header line: company, place and workplace, type, pay."""
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


def outline(posting: Posting) -> Outline:
    """Lay out `posting` as a candidate reads it: only what the employer says.

    Sections follow the posting guide: a summary, what you'll do, what you bring, nice to have,
    pay and benefits, schedule and working conditions, how to apply, the equal-opportunity line
    and, where O*NET's words remain, one attribution line.
    """
    return Outline(
        title=posting.title,
        facts=tuple(_facts(posting)),
        sections=tuple(section for section in _sections(posting) if section is not None),
        missing=tuple(field_label(name) for name in posting.missing()),
    )


def place(posting: Posting) -> str:
    """'Denver, CO (on-site)', 'Toronto, ON, Canada (hybrid)', 'Remote (US)'."""
    location = posting.location
    if location is None:
        return ""
    if location.workplace is Workplace.REMOTE:
        return location.describe()
    country = "" if location.country in ("", "US") else _country(location.country)
    where = ", ".join(part for part in (location.city, location.region, country) if part)
    return say("render.place", where=where, workplace=location.workplace.label.lower())


def _country(code: str) -> str:
    from bot.posting.places import COUNTRY_NAMES

    return COUNTRY_NAMES.get(code, code)


def _facts(posting: Posting) -> Iterable[Fact]:
    yield Fact("organisation", field_label("organisation"), posting.organisation.name)
    yield Fact("location", field_label("location"), place(posting))
    kind = posting.employment_type.label if posting.employment_type else ""
    yield Fact("employment_type", field_label("employment_type"), kind)
    yield Fact("pay", field_label("pay"), posting.pay.describe() if posting.pay else "")


def experience_line(posting: Posting) -> str:
    """What the posting asks in experience, in words that match its structured data."""
    years = posting.years_experience
    if years:
        level = posting.level or "mid"
        return say(
            "compose.years",
            years=years,
            a_title=_a(_base_title(posting.title)),
            lead=level == "lead",
            similar=not posting.licences,
        )
    return posting.experience_note


def _a(title: str) -> str:
    return f"{article(title)} {title}"


def no_education_needed(education: str) -> bool:
    """'No diploma needed.': nothing to ask, so neither the text nor the JSON-LD states it."""
    return education.lower().startswith(("no diploma", "no degree", "no formal education"))


def what_you_bring(posting: Posting) -> list[str]:
    """Experience, education (unless none is needed), licences, then the other must-haves."""
    education = "" if no_education_needed(posting.education) else posting.education
    lines = (experience_line(posting), education, *posting.licences, *posting.requirements)
    return [line for line in lines if line]


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "!", "?")) else f"{text}."


def _base_title(title: str) -> str:
    """'Network Technician' for 'Senior Network Technician': experience is in the job itself."""
    for word in ("Senior ", "Lead ", "Entry-Level "):
        if title.startswith(word):
            return title[len(word) :]
    return title


def _sections(posting: Posting) -> Iterable[Section | None]:
    yield _text("summary", "", posting.summary)
    yield _list(
        "responsibilities", say("render.heading.responsibilities"), posting.responsibilities
    )
    yield _list("requirements", say("render.heading.requirements"), what_you_bring(posting))
    if posting.nice_to_haves:
        yield _list("nice_to_haves", say("render.heading.nice_to_haves"), posting.nice_to_haves)
    yield _pay(posting)
    conditions = " ".join(
        _sentence(part) for part in (posting.schedule, posting.physical_demands) if part
    )
    yield _text("schedule", say("render.heading.conditions"), conditions)
    yield _apply(posting)
    yield _text("equal_opportunity", "", posting.equal_opportunity or _equal_opportunity(posting))
    yield _text("attribution", "", posting.attribution)


def _pay(posting: Posting) -> Section | None:
    items = []
    if posting.pay:
        line = posting.pay.describe()
        note = posting.pay_note
        if note and re.search(r"\d", note):
            # "plus $4/hr nights" on its own line: a second figure in the range's sentence
            # reads (to people and to `newjob check`) as an unclear range.
            items += [line, note[:1].upper() + note[1:]]
        elif note:
            items.append(f"{line}, {note}")
        else:
            items.append(line)
    items += [benefit[:1].upper() + benefit[1:] for benefit in posting.benefits]
    if not items:
        return None
    return Section("pay_benefits", say("render.heading.pay_benefits"), items=tuple(items))


def _apply(posting: Posting) -> Section | None:
    sentences = []
    if posting.how_to_apply:
        email = not posting.apply_url.startswith(("http://", "https://"))
        key = "compose.apply_email" if email else "compose.apply_link"
        sentences.append(say(key, link=posting.how_to_apply, email=posting.how_to_apply))
    if posting.next_steps:
        sentences.append(posting.next_steps)
    if posting.closing_date:
        sentences.append(say("compose.closes", date=format_date(posting.closing_date)))
    if not sentences:
        return Section("how_to_apply", say("render.heading.how_to_apply"))
    return Section(
        "how_to_apply",
        say("render.heading.how_to_apply"),
        text=" ".join(sentences),
        link=posting.apply_url,
        link_text=posting.how_to_apply,
    )


def _equal_opportunity(posting: Posting) -> str:
    email = "" if posting.apply_url.startswith(("http://", "https://")) else posting.how_to_apply
    return say(
        "compose.equal_opportunity",
        company=posting.organisation.name,
        contact=posting.contact or email,
    )


def _text(field: str, heading: str, text: str) -> Section | None:
    if not text:
        return None
    return Section(field, heading, text=text)


def _list(field: str, heading: str, items: list[str]) -> Section | None:
    if not items and field not in _REQUIRED_SECTIONS:
        return None
    return Section(field, heading, items=tuple(items))
