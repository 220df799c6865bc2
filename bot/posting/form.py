"""A whole posting edited as a form (the Slack Edit modal, the terminal's `edit`): text in,
changes and per-field problems out, each problem a sentence naming the field."""

from __future__ import annotations

from typing import Any

from pydantic import ValidationError

from bot.posting.model import LIMITS, Posting, Workplace, describe_errors
from bot.posting.parse import (
    ParseError,
    parse_date,
    parse_employment_type,
    parse_list,
    parse_location,
    parse_pay,
    parse_workplace,
)
from bot.text import field_label, say

LIST_FIELDS = ("responsibilities", "requirements", "nice_to_haves", "benefits")
TEXT_FIELDS = (
    "title",
    "team",
    "summary",
    "education",
    "schedule",
    "physical_demands",
    "how_to_apply",
    "equal_opportunity",
)


# The most text one form field takes (and shows): Slack's plain_text_input holds 3,000.
FORM_TEXT_LIMIT = 3000
# Fields of the form that are no one field of the model: the text they are typed as.
_FORM_ONLY_LIMITS = {"location": 300, "pay": 200, "years_experience": 2}


def form_limit(name: str) -> int:
    """How many characters the form's `name` field takes: the model's own limit (a list, one
    item a line, up to the form's), so the form never takes what the posting could not hold."""
    limit = LIMITS.get(name) or _FORM_ONLY_LIMITS.get(name) or FORM_TEXT_LIMIT
    return min(limit, FORM_TEXT_LIMIT)


def too_long_for_form(values: dict[str, str]) -> list[str]:
    """The fields whose text the form could not show whole (a list of many long items, a text
    stored before the limits were one): the form leaves them out rather than cut them."""
    return [name for name, text in values.items() if len(text) > form_limit(name)]


def form_values(posting: Posting) -> dict[str, str]:
    """The posting as the text a form shows (the inverse of `changes_from_form`)."""
    values: dict[str, str] = {name: str(getattr(posting, name) or "") for name in TEXT_FIELDS}
    values["organisation"] = posting.organisation.name
    location = posting.location
    values["workplace"] = location.workplace.value if location else Workplace.ON_SITE.value
    if location is None:
        values["location"] = ""
    elif location.workplace is Workplace.REMOTE:
        values["location"] = ", ".join(location.remote_regions)
    else:
        values["location"] = ", ".join(
            p for p in (location.city, location.region, location.country) if p
        )
    values["employment_type"] = posting.employment_type.value if posting.employment_type else ""
    values["pay"] = _pay_text(posting)
    for name in LIST_FIELDS:
        values[name] = "\n".join(getattr(posting, name))
    values["years_experience"] = (
        "" if posting.years_experience is None else str(posting.years_experience)
    )
    values["closing_date"] = posting.closing_date.isoformat() if posting.closing_date else ""
    return values


def _pay_text(posting: Posting) -> str:
    pay = posting.pay
    if pay is None:
        return ""
    low = "" if pay.minimum is None else f"{pay.minimum:g}"
    high = "" if pay.maximum is None else f"{pay.maximum:g}"
    if low and high:
        amount = low if low == high else f"{low}-{high}"
    elif low:
        amount = f"from {low}"
    else:
        amount = f"up to {high}"
    return f"{amount} {pay.currency}/{pay.period}"


def changes_from_form(
    values: dict[str, str | None], current: Posting
) -> tuple[dict[str, Any], dict[str, str]]:
    """Turn form text into Posting changes. Returns (changes, problems by field)."""
    changes: dict[str, Any] = {}
    problems: dict[str, str] = {}

    def text(name: str) -> str:
        return (values.get(name) or "").strip()

    for name in values:
        if len(text(name)) > form_limit(name):
            problems[name] = say(
                "errors.field_too_long",
                field=field_label(name),
                length=len(text(name)),
                limit=form_limit(name),
            )
    if problems:
        return changes, problems

    for name in TEXT_FIELDS:
        if name in values:
            changes[name] = " ".join(text(name).split()) if name != "summary" else text(name)
    if "organisation" in values:
        organisation = current.organisation.model_dump(mode="json")
        organisation["name"] = text("organisation")
        changes["organisation"] = organisation
    workplace = Workplace.ON_SITE
    if text("workplace"):
        try:
            workplace = parse_workplace(text("workplace"))
        except ParseError as error:
            problems["workplace"] = error.message
    if "location" in values:
        place = text("location")
        if not place:
            changes["location"] = None
        else:
            if workplace is Workplace.REMOTE and "remote" not in place.lower():
                place = f"Remote ({place})"
            try:
                location = parse_location(place, workplace=workplace)
                changes["location"] = location.model_dump(mode="json")
            except ParseError as error:
                problems["location"] = error.message
    if "employment_type" in values:
        try:
            changes["employment_type"] = (
                parse_employment_type(text("employment_type")).value
                if text("employment_type")
                else None
            )
        except ParseError as error:
            problems["employment_type"] = error.message
    if "pay" in values:
        try:
            changes["pay"] = parse_pay(text("pay")).model_dump(mode="json") if text("pay") else None
        except ParseError as error:
            problems["pay"] = error.message
    for name in LIST_FIELDS:
        if name in values:
            try:
                changes[name] = parse_list(text(name), field=name) if text(name) else []
            except ParseError as error:
                problems[name] = error.message
    if "years_experience" in values:
        raw = text("years_experience")
        if not raw:
            changes["years_experience"] = None
        elif raw.isdigit() and int(raw) <= 50:
            changes["years_experience"] = int(raw)
        else:
            problems["years_experience"] = (
                f"{field_label('years_experience')}: {say('errors.years')}"
            )
    if "closing_date" in values:
        raw = text("closing_date")
        try:
            changes["closing_date"] = (
                parse_date(raw, today=current.date_posted).isoformat() if raw else None
            )
        except ParseError as error:
            problems["closing_date"] = error.message
    if not problems:
        merged = {**current.model_dump(mode="json"), **changes}
        try:
            Posting.model_validate(merged)
        except ValidationError as exc:
            for item, sentence in zip(exc.errors(), describe_errors(exc), strict=True):
                key = str(item["loc"][0]) if item["loc"] else "title"
                problems.setdefault(key, sentence)
    return changes, problems
