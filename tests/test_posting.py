"""The Posting model: what it accepts, and that every refusal names its field in a sentence."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest
from pydantic import ValidationError

from bot.posting import EmploymentType, Location, Organisation, Pay, Posting, Workplace
from bot.posting.model import describe_errors

POSTED = dt.date(2026, 11, 28)


def problems(**fields: Any) -> list[str]:
    """The sentences describe_errors gives for a Posting built from `fields`."""
    fields.setdefault("title", "Network Technician")
    fields.setdefault("date_posted", POSTED)
    with pytest.raises(ValidationError) as caught:
        Posting.model_validate(fields)
    return describe_errors(caught.value)


def test_a_title_is_enough_to_start_and_missing_lists_the_rest() -> None:
    posting = Posting(title="  Network   Technician ")
    assert posting.title == "Network Technician"
    assert posting.missing() == [
        "organisation",
        "location",
        "employment_type",
        "pay",
        "responsibilities",
        "requirements",
        "how_to_apply",
    ]


def test_a_complete_posting_has_nothing_missing() -> None:
    posting = Posting(
        title="Network Technician",
        organisation=Organisation(name="Acme", url="https://acme.example"),
        location=Location(city="Denver", region="CO", country="US"),
        employment_type=EmploymentType.FULL_TIME,
        pay=Pay(minimum=55_000, maximum=65_000),
        responsibilities=["Install networks"],
        requirements=["Two years of network support"],
        how_to_apply="jobs@acme.example",
        date_posted=POSTED,
        closing_date=dt.date(2027, 1, 31),
    )
    assert posting.missing() == []
    assert posting.apply_url == "mailto:jobs@acme.example"


@pytest.mark.parametrize(
    ("fields", "label", "words"),
    [
        ({"title": "   "}, "Job title", "job title"),
        ({"pay": {"minimum": 70_000, "maximum": 60_000}}, "Pay", "minimum ($70,000)"),
        ({"pay": {"minimum": -5}}, "Pay", "more than zero"),
        ({"pay": {"minimum": 0, "maximum": 10}}, "Pay", "more than zero"),
        ({"pay": {}}, "Pay", "at least one figure"),
        ({"pay": {"minimum": 5, "currency": "DOLLARS"}}, "Pay", "currency code"),
        ({"pay": {"minimum": 5, "period": "fortnight"}}, "Pay", "pick one of"),
        (
            {"closing_date": dt.date(2026, 11, 1)},
            "Closing date",
            "must come after the posting date",
        ),
        ({"closing_date": POSTED}, "Closing date", "must come after the posting date"),
        ({"how_to_apply": "call Bob"}, "How to apply", "neither a web address"),
        ({"how_to_apply": "javascript:alert(1)"}, "How to apply", "neither a web address"),
        ({"organisation": {"url": "acme dot com"}}, "Company", "isn't a web address"),
        ({"location": {"city": ""}}, "Location", "say where the job is"),
        ({"employment_type": "SOMETIMES"}, "Employment type", "pick one of"),
        ({"years_experience": 90}, "Years of experience", "between 0 and 50"),
        ({"years_experience": -1}, "Years of experience", "between 0 and 50"),
        ({"years_experience": "lots"}, "Years of experience", "right kind of value"),
        ({"responsibilities": ["x" * 1001]}, "Responsibilities", "under 1000"),
        ({"requirements": ["item"] * 41}, "Requirements", "more than 40"),
        ({"summary": "x" * 3001}, "Summary", "under 3000"),
        ({"salary": "lots"}, "Salary", "“salary” isn't a field"),
    ],
)
def test_every_error_names_its_field_in_a_sentence(
    fields: dict[str, Any], label: str, words: str
) -> None:
    sentences = problems(**fields)
    assert sentences, "expected at least one problem"
    first = sentences[0]
    assert first.startswith(f"{label}: "), first
    assert words in first
    # A sentence for a person, not a Pydantic dump.
    for jargon in ("Value error", "pydantic", "validation error", "type=", "[", "input_value"):
        assert jargon not in first


def test_pay_accepts_a_range_a_fixed_figure_and_one_end() -> None:
    assert Pay(minimum=55_000, maximum=65_000).describe() == "$55,000 – $65,000 a year"
    fixed = Pay(minimum=28, maximum=28, period="hour")
    assert fixed.describe() == "$28 an hour"
    assert not fixed.is_open_ended
    assert Pay(minimum=60_000, currency="cad").currency == "CAD"
    assert Pay(minimum=60_000).describe() == "from $60,000 a year"
    assert Pay(maximum=30, period="hour").describe() == "up to $30 an hour"


def test_remote_needs_no_city_but_on_site_does() -> None:
    remote = Location(workplace=Workplace.REMOTE, remote_regions=["US", "US-CO"])
    assert remote.describe() == "Remote (United States, Colorado)"
    with pytest.raises(ValidationError):
        Location(workplace=Workplace.HYBRID)


def test_how_to_apply_takes_a_web_address_or_an_email() -> None:
    url = Posting(title="x", how_to_apply="https://acme.example/apply")
    assert url.apply_url == "https://acme.example/apply"
    email = Posting(title="x", how_to_apply="mailto:jobs@acme.example")
    assert email.how_to_apply == "jobs@acme.example"
