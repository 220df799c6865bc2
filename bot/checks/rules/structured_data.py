"""Google for Jobs: the JobPosting JSON-LD has what Google needs and agrees with the posting.

Reads the dict `bot.render.to_jsonld(posting)` makes (schema.org JobPosting as Google documents
it): required and recommended properties, employmentType and pay-unit values from Google's list,
ISO 4217 currencies, validThrough after datePosted, and pay, job type and place that match the
posting itself. Missing required properties, bad values and disagreements are errors (the job
would not show, or would be penalised); missing recommended ones are notes.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterator
from functools import cache
from typing import Any

from bot.checks import rulebook
from bot.checks.model import Finding
from bot.posting.model import Posting, Workplace
from bot.posting.places import ISO_4217

RULE = "structured-data"


@cache
def _spec() -> dict[str, Any]:
    data: dict[str, Any] = rulebook.load("structured_data")
    return data


def _error(key: str, fix: str, **params: Any) -> Finding:
    return Finding(
        category="structured-data",
        severity="error",
        message=rulebook.say(f"structured.{key}", **params),
        excerpt=str(params.get("value", ""))[:120],
        suggestion=rulebook.say(f"structured.{fix}"),
        rule=f"{RULE}:{key}",
    )


def _date(value: Any) -> dt.date | None:
    if not isinstance(value, str):
        return None
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00")).date()
    except ValueError:
        return None


def _filled(value: Any) -> bool:
    """A real value: not empty, and not a draft's "[to fill in: …]" placeholder."""
    if isinstance(value, str):
        text = value.strip()
        return bool(text) and not (text.startswith("[") and text.endswith("]"))
    if isinstance(value, dict):
        return any(_filled(v) for k, v in value.items() if not k.startswith("@"))
    if isinstance(value, list):
        return any(_filled(v) for v in value)
    return value is not None


def _first(value: Any) -> Any:
    return value[0] if isinstance(value, list) and value else value


def _remote(data: dict[str, Any]) -> bool:
    kinds = data.get("jobLocationType")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return _spec()["remote_type"] in kinds


def check_jsonld(
    data: dict[str, Any], *, posting: Posting | None = None, today: dt.date | None = None
) -> Iterator[Finding]:
    """Findings for one JobPosting JSON-LD dict, compared with `posting` when given."""
    today = today or dt.date.today()
    kind = data.get("@type")
    if kind != "JobPosting":
        yield _error("not_job_posting", "fix_required", type=kind)
        return
    spec = _spec()
    remote = _remote(data)
    for name in spec["required"]:
        if name == "jobLocation" and remote and data.get("applicantLocationRequirements"):
            continue
        if not _filled(data.get(name)):
            yield _error("required", "fix_required", name=name)
    if remote and not data.get("applicantLocationRequirements"):
        yield _error("remote_location", "fix_required")
    wanted = list(spec["recommended"]) + (list(spec["recommended_remote"]) if remote else [])
    for name in wanted:
        if name not in data or data[name] in (None, "", [], {}):
            yield Finding(
                category="structured-data",
                severity="info",
                message=rulebook.say(
                    "structured.recommended", name=name, why=rulebook.say(f"structured.why.{name}")
                ),
                suggestion=rulebook.say("structured.fix_recommended"),
                rule=f"{RULE}:recommended",
            )
    organisation = data.get("hiringOrganization")
    named = isinstance(organisation, dict) and _filled(organisation.get("name"))
    if _filled(organisation) and not named:
        yield _error("org_name", "fix_required")
    yield from _check_values(data, today)
    if posting is not None:
        yield from _check_agreement(data, posting)


def _check_values(data: dict[str, Any], today: dt.date) -> Iterator[Finding]:
    spec = _spec()
    types = data.get("employmentType")
    for value in types if isinstance(types, list) else [types] if types else []:
        if value not in spec["employment_types"]:
            allowed = ", ".join(spec["employment_types"])
            yield _error("employment_type", "fix_value", value=value, allowed=allowed)
    salary = data.get("baseSalary")
    if isinstance(salary, dict):
        currency = salary.get("currency")
        if currency not in ISO_4217:
            yield _error("currency", "fix_value", value=currency)
        amount = salary.get("value")
        if isinstance(amount, dict):
            unit = amount.get("unitText")
            if unit not in spec["salary_units"]:
                allowed = ", ".join(spec["salary_units"])
                yield _error("unit", "fix_value", value=unit, allowed=allowed)
            low, high = amount.get("minValue"), amount.get("maxValue")
            if amount.get("value") is None and low is None and high is None:
                yield _error("salary_value", "fix_required")
            if isinstance(low, int | float) and isinstance(high, int | float) and low > high:
                yield _error("salary_order", "fix_value", low=low, high=high)
        elif not isinstance(amount, int | float):
            yield _error("salary_value", "fix_required")
    posted = _date(data.get("datePosted"))
    if data.get("datePosted") and posted is None:
        yield _error("date", "fix_dates", value=data.get("datePosted"), name="datePosted")
    through = _date(data.get("validThrough"))
    if data.get("validThrough") and through is None:
        yield _error("date", "fix_dates", value=data.get("validThrough"), name="validThrough")
    if posted and through:
        if through <= posted:
            yield _error(
                "valid_through", "fix_dates", through=through.isoformat(), posted=posted.isoformat()
            )
        elif through < today:
            yield _error("expired", "fix_dates", through=through.isoformat())
    place = _first(data.get("jobLocation"))
    if isinstance(place, dict) and _filled(place):
        address = place.get("address")
        if not isinstance(address, dict) or not _filled(address.get("addressCountry")):
            yield _error("no_address", "fix_required")


def _disagree(name: str, data: Any, text: Any) -> Finding:
    return Finding(
        category="structured-data",
        severity="error",
        message=rulebook.say("structured.disagree", name=name, data=data, text=text),
        excerpt=f"{name}: {data}",
        suggestion=rulebook.say("structured.fix_disagree"),
        rule=f"{RULE}:disagree",
    )


def _check_agreement(data: dict[str, Any], posting: Posting) -> Iterator[Finding]:
    """The JSON-LD must say what the page says: title, pay, job type and place."""
    if data.get("title") and data["title"] != posting.title:
        yield _disagree("title", data["title"], posting.title)
    types = data.get("employmentType")
    types = types if isinstance(types, list) else [types] if types else []
    if posting.employment_type is not None and types and posting.employment_type.value not in types:
        yield _disagree("employmentType", ", ".join(map(str, types)), posting.employment_type.value)
    salary = data.get("baseSalary")
    pay = posting.pay
    if isinstance(salary, dict) and pay is not None:
        amount = salary.get("value") if isinstance(salary.get("value"), dict) else {}
        assert isinstance(amount, dict)
        if salary.get("currency") and salary["currency"] != pay.currency:
            yield _disagree("baseSalary.currency", salary["currency"], pay.currency)
        unit = amount.get("unitText")
        if unit and unit != pay.period.upper():
            yield _disagree("baseSalary.unitText", unit, pay.period.upper())
        low = amount.get("minValue", amount.get("value"))
        high = amount.get("maxValue", amount.get("value"))
        if pay.minimum is not None and low is not None and float(low) != pay.minimum:
            yield _disagree("baseSalary.minValue", low, pay.minimum)
        if pay.maximum is not None and high is not None and float(high) != pay.maximum:
            yield _disagree("baseSalary.maxValue", high, pay.maximum)
    elif isinstance(salary, dict) and pay is None:
        yield _disagree("baseSalary", salary.get("value"), "")
    location = posting.location
    if location is None:
        return
    remote = _remote(data)
    if remote != (location.workplace is Workplace.REMOTE):
        yield _disagree(
            "jobLocationType", data.get("jobLocationType") or "", location.workplace.value
        )
    place = _first(data.get("jobLocation"))
    address = place.get("address") if isinstance(place, dict) else None
    if isinstance(address, dict):
        for key, expected in (
            ("addressLocality", location.city),
            ("addressRegion", location.region),
            ("addressCountry", location.country),
        ):
            given = address.get(key)
            if isinstance(given, dict):
                given = given.get("name")
            if given and expected and str(given).lower() != expected.lower():
                yield _disagree(f"jobLocation.address.{key}", given, expected)
