"""A Posting drafted from a role plus what the hiring manager answered.

The role pre-fills what it knows (title, summary, duties, skills, education, experience); answers,
keyed by the Posting's field names, fill in or replace the rest. Typed answers go through the
parsers ("55k-65k", "Denver, CO", "Jan 31"), structured ones straight to the model. The Slack
dialogue and `newjob draft` both build their Posting here.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from bot.posting.compose import drafted, level_for, title_for
from bot.posting.model import Location, Organisation, Posting, Workplace, describe_errors
from bot.posting.parse import (
    ParseError,
    parse_date,
    parse_employment_type,
    parse_list,
    parse_location,
    parse_pay,
    parse_workplace,
    split_pay_note,
)
from bot.posting.places import COUNTRY_CURRENCY
from bot.posting.vocabulary import field_for
from bot.roles.template import RoleTemplate
from bot.text import field_label, say

_LIST_FIELDS = frozenset(
    {"benefits", "responsibilities", "requirements", "nice_to_haves", "licences"}
)
# The names an answers file is documented with (README, `newjob draft --help`).
ANSWER_KEYS = (
    "company",
    "workplace",
    "location",
    "employment_type",
    "level",
    "pay",
    "pay_note",
    "benefits",
    "team",
    "schedule",
    "physical_demands",
    "how_to_apply",
    "next_steps",
    "contact",
    "closing_date",
    "duties",
    "requirements",
    "nice_to_haves",
    "licences",
    "education",
    "years_experience",
    "summary",
    "title",
    "equal_opportunity",
    "identifier",
)
LEVEL_WORDS: dict[str, tuple[str, ...]] = {
    "entry": ("entry", "entry level", "junior", "jr", "new grad", "graduate", "trainee", "1"),
    "mid": ("mid", "mid level", "intermediate", "experienced", "regular", "2"),
    "senior": ("senior", "sr", "senior level", "expert", "3"),
    "lead": ("lead", "lead level", "manager", "supervisor", "lead/manager", "lead or manager", "4"),
}
_DATE_FIELDS = frozenset({"date_posted", "closing_date"})
_YEARS = re.compile(r"(?:at\s+least\s+)?(\d{1,2})\s*\+?\s*(?:years?|yrs?)?", re.I)


class DraftError(ValueError):
    """An answer that cannot go into the posting: `field` names it, `message` says why."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.message = message
        super().__init__(message)


def posting_from_role(
    role: RoleTemplate,
    answers: Mapping[str, Any] | None = None,
    *,
    organisation_defaults: Organisation | Mapping[str, Any] | None = None,
    today: dt.date | None = None,
    typed_title: str = "",
) -> Posting:
    """The posting for `role` with `answers` applied; `posting.missing()` says what is left.

    `typed_title` is what the manager typed after /newjob: the title follows one rule
    (bot.posting.compose.title_for) unless the answers name a title of their own.

    Answers use the dialogue's field names or their aliases (`company`, `workplace`, `duties`,
    `level`; see bot.posting.vocabulary). The level and the place are read first: they decide
    the duties, the experience asked and how a licence is named. `organisation_defaults` (the
    company's name, url and about) fill in what the answers leave out. Raises DraftError for
    the first answer that cannot be used.
    """
    today = today or dt.date.today()
    given = _by_field(answers or {})
    organisation: dict[str, Any] = _organisation(organisation_defaults)
    workplace = given.pop("workplace", None)
    if workplace is not None:
        _is_remote(workplace, strict=True)
    location = None
    if given.get("location") is not None:
        text = given.pop("location")
        if workplace is not None and isinstance(text, str):
            location = _located(text, workplace)
        else:
            location = read_answer("location", text, today=today)
    elif workplace is not None and "location" not in given:
        location = _located("", workplace) if _is_remote(workplace) else None
    level = given.pop("level", None)
    if level is not None:
        level = _level(level)
    currency = _currency_at(location)
    if isinstance(given.get("pay"), str):
        given["pay"], note = split_pay_note(given["pay"])
        if note and not given.get("pay_note"):
            given["pay_note"] = note
    data: dict[str, Any] = {}
    for name, value in given.items():
        if value is None:
            data[name] = None  # "pay: null" leaves the field empty, even if the role filled it
        elif name == "organisation":
            organisation.update(_organisation(_read(name, value, today, currency)))
        else:
            data[name] = _read(name, value, today, currency)
    composed = drafted(
        role,
        level=level_for(role, level),
        location=location if isinstance(location, Location) else None,
        company=str(organisation.get("name") or ""),
        about=str(organisation.get("about") or ""),
        team=str(data.get("team") or ""),
    )
    if typed_title:
        composed["title"] = title_for(typed_title, role, composed["level"])
    result: dict[str, Any] = {
        **composed,
        "role": {"role_id": role.id if role.curated else None, "onet_code": role.onet_code},
        "date_posted": today,
    }
    if location is not None:
        result["location"] = location
    for name, value in data.items():
        if value is None:
            result.pop(name, None)
        else:
            result[name] = value
    result["organisation"] = organisation
    return _validated(result)


def _by_field(answers: Mapping[str, Any]) -> dict[str, Any]:
    """Answers under the Posting's own field names; an unknown name is refused by name."""
    fields: dict[str, Any] = {}
    for name, value in answers.items():
        field = str(name) if str(name) in Posting.model_fields else field_for(str(name))
        if field is None or (field not in Posting.model_fields and field != "workplace"):
            raise DraftError(
                str(name),
                say("draft.unknown_field", field=name, fields=", ".join(answer_names())),
            )
        fields[field] = value
    return fields


def answer_names() -> list[str]:
    """The names an answers file can use, in the dialogue's words."""
    return list(ANSWER_KEYS)


def _is_remote(workplace: Any, *, strict: bool = False) -> bool:
    """Whether the workplace answer says remote; `strict` refuses one that is no workplace."""
    try:
        return parse_workplace(str(workplace)) is Workplace.REMOTE
    except ParseError as exc:
        if strict:
            raise DraftError("workplace", exc.message) from None
        return False


def _located(text: str, workplace: Any) -> Location:
    try:
        kind = parse_workplace(str(workplace))
    except ParseError as exc:
        raise DraftError("workplace", exc.message) from None
    if kind is Workplace.REMOTE and not re.search(r"remote", text, re.I):
        text = f"Remote ({text})" if text.strip() else "Remote (US)"
    try:
        return parse_location(text, workplace=kind)
    except ParseError as exc:
        raise DraftError(exc.field, exc.message) from None


def _level(value: Any) -> str:
    try:
        return parse_level(str(value))
    except ParseError as exc:
        raise DraftError("level", exc.message) from None


def parse_level(text: str) -> str:
    """'Senior', 'entry level', 'jr', 'lead/manager' -> the level; ParseError otherwise."""
    words = " ".join(text.lower().replace("-", " ").split()).strip(".!")
    for level, names in LEVEL_WORDS.items():
        if words in names:
            return level
    raise ParseError("level", say("errors.level"))


def read_answer(
    field: str, value: Any, *, today: dt.date | None = None, default_currency: str = "USD"
) -> Any:
    """One answer checked on its own, as the Posting would hold it (a Pay, a Location, a date…).

    For asking questions one at a time: raises DraftError with the sentence to show.
    """
    if field not in Posting.model_fields:
        raise DraftError(
            field, say("draft.unknown_field", field=field, fields=", ".join(Posting.model_fields))
        )
    today = today or dt.date.today()
    probe: dict[str, Any] = {"title": "-", "date_posted": today}
    probe[field] = _read(field, value, today, default_currency)
    return getattr(_validated(probe), field)


def _organisation(value: object) -> dict[str, Any]:
    if value is None:
        return {}
    if isinstance(value, Organisation):
        return value.model_dump(exclude_defaults=True)
    if isinstance(value, str):
        return {"name": value}
    if not isinstance(value, Mapping):
        kind = say("errors.wrong_kind", value=str(value)[:60])
        raise DraftError("organisation", f"{field_label('organisation')}: {kind}")
    return {key: item for key, item in value.items() if item is not None}


def _currency_at(location: Any) -> str:
    country = location.country if isinstance(location, Location) else ""
    return COUNTRY_CURRENCY.get(country, "USD")


def _read(field: str, value: Any, today: dt.date, currency: str) -> Any:
    """A typed answer turned into what the model takes; anything else is left to the model."""
    try:
        if field == "pay" and isinstance(value, str | int | float) and not isinstance(value, bool):
            return parse_pay(str(value), default_currency=currency)
        if field == "location" and isinstance(value, str):
            return parse_location(value)
        if field in _DATE_FIELDS and isinstance(value, str):
            return parse_date(value, today=today, field=field)
        if field in _DATE_FIELDS and isinstance(value, dt.datetime):
            return value.date()
        if field == "employment_type" and isinstance(value, str):
            return parse_employment_type(value)
        if field in _LIST_FIELDS and isinstance(value, str):
            return parse_list(value, field=field)
    except ParseError as exc:
        raise DraftError(exc.field, exc.message) from None
    if field == "years_experience" and isinstance(value, str):
        match = _YEARS.fullmatch(value.strip())
        if not match:
            raise DraftError(field, f"{field_label(field)}: {say('draft.years')}")
        return int(match.group(1))
    if field == "organisation" and isinstance(value, str):
        return {"name": value}
    return value


def _validated(data: dict[str, Any]) -> Posting:
    try:
        return Posting.model_validate(data)
    except ValidationError as exc:
        first = exc.errors()[0]
        names = [str(part) for part in first["loc"] if not isinstance(part, int)]
        raise DraftError(names[0] if names else "posting", " ".join(describe_errors(exc))) from None
