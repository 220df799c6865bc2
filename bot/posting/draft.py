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

from bot.posting.model import Location, Organisation, Posting, describe_errors
from bot.posting.parse import (
    ParseError,
    parse_date,
    parse_employment_type,
    parse_list,
    parse_location,
    parse_pay,
)
from bot.posting.places import COUNTRY_CURRENCY
from bot.roles.template import RoleTemplate
from bot.text import field_label, say

_LIST_FIELDS = frozenset({"benefits", "responsibilities", "requirements", "nice_to_haves"})
_DATE_FIELDS = frozenset({"date_posted", "closing_date"})
_YEARS = re.compile(r"(?:at\s+least\s+)?(\d{1,2})\s*\+?\s*(?:years?|yrs?)?", re.I)
# Catalogue roles can list many tasks; a posting keeps the first few.
_MAX_PREFILLED_ITEMS = 12


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
) -> Posting:
    """The posting for `role` with `answers` applied; `posting.missing()` says what is left.

    `organisation_defaults` (the company's name, url and about) fill in what the answers leave
    out. Raises DraftError for the first answer that cannot be used.
    """
    today = today or dt.date.today()
    data = _from_role(role, today)
    organisation: dict[str, Any] = _organisation(organisation_defaults)
    answers = dict(answers or {})
    unknown = [name for name in answers if name not in Posting.model_fields]
    if unknown:
        raise DraftError(
            str(unknown[0]),
            say("draft.unknown_field", field=unknown[0], fields=", ".join(Posting.model_fields)),
        )
    # The place comes first: it sets the currency a bare "60,000" is in.
    if answers.get("location") is not None:
        data["location"] = read_answer("location", answers.pop("location"), today=today)
    currency = _currency_at(data.get("location"))
    for name, value in answers.items():
        if value is None:
            data.pop(name, None)  # "pay: null" leaves the field empty, even if the role filled it
        elif name == "organisation":
            organisation.update(_organisation(_read(name, value, today, currency)))
        else:
            data[name] = _read(name, value, today, currency)
    data["organisation"] = organisation
    return _validated(data)


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


def _from_role(role: RoleTemplate, today: dt.date) -> dict[str, Any]:
    responsibilities = role.duties or role.tasks
    return {
        "title": role.title,
        "role": {"role_id": role.id if role.curated else None, "onet_code": role.onet_code},
        "summary": role.summary,
        "responsibilities": responsibilities[:_MAX_PREFILLED_ITEMS],
        "requirements": (role.skills or role.qualifications)[:_MAX_PREFILLED_ITEMS],
        "nice_to_haves": role.qualities[:_MAX_PREFILLED_ITEMS],
        "education": _education(role),
        "years_experience": role.min_years_experience,
        "date_posted": today,
    }


def _education(role: RoleTemplate) -> str:
    """What the role asks for in one sentence: the first of its education notes."""
    if role.education:
        first = re.split(r"(?<=[.!?])\s+(?=[A-Z])", role.education.strip(), maxsplit=1)[0]
        return first[:1000]
    return "; ".join(role.qualifications)[:1000]


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
