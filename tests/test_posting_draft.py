"""posting_from_role: what the role pre-fills, how answers apply, how bad ones are refused."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from bot.posting import EmploymentType, Organisation, Pay, Workplace
from bot.posting.draft import DraftError, posting_from_role, read_answer
from bot.roles.curated import load_curated_roles
from bot.roles.template import RoleTemplate

TODAY = dt.date(2026, 11, 28)


@pytest.fixture(scope="module")
def role() -> RoleTemplate:
    return load_curated_roles()["network_technician"]


def test_the_role_prefills_what_it_knows(role: RoleTemplate) -> None:
    posting = posting_from_role(role, today=TODAY)
    assert posting.title == "Network Technician"
    assert posting.role.role_id == "network_technician"
    assert posting.role.onet_code == "15-1231.00"
    assert posting.summary == role.summary
    assert posting.responsibilities == role.duties
    assert posting.requirements == role.skills
    assert posting.nice_to_haves == role.qualities
    assert posting.education.startswith("Many employers ask for at least a bachelor's degree")
    assert posting.years_experience == 5
    assert posting.date_posted == TODAY
    assert posting.missing() == [
        "organisation",
        "location",
        "employment_type",
        "pay",
        "how_to_apply",
    ]


def test_typed_answers_go_through_the_parsers(role: RoleTemplate) -> None:
    posting = posting_from_role(
        role,
        {
            "title": "Senior Network Technician",
            "location": "Toronto, ON, Canada",
            "pay": "60,000-70,000",
            "employment_type": "contract",
            "closing_date": "in 30 days",
            "responsibilities": "- Run the help desk\n- Keep the inventory",
            "years_experience": "3+ years",
            "organisation": "Acme",
        },
        today=TODAY,
    )
    assert posting.title == "Senior Network Technician"
    assert posting.location is not None and posting.location.city == "Toronto"
    # A bare figure is in the currency of the place.
    assert posting.pay == Pay(minimum=60_000, maximum=70_000, currency="CAD", period="year")
    assert posting.employment_type is EmploymentType.CONTRACTOR
    assert posting.closing_date == dt.date(2026, 12, 28)
    assert posting.responsibilities == ["Run the help desk", "Keep the inventory"]
    assert posting.years_experience == 3
    assert posting.organisation.name == "Acme"


def test_structured_answers_go_straight_to_the_model(role: RoleTemplate) -> None:
    posting = posting_from_role(
        role,
        {
            "pay": {"minimum": 28, "maximum": 32, "period": "hour"},
            "location": {"workplace": "remote", "remote_regions": ["US"]},
            "closing_date": dt.date(2027, 1, 31),
            "benefits": ["Health insurance"],
            "years_experience": 2,
        },
        today=TODAY,
    )
    assert posting.pay == Pay(minimum=28, maximum=32, period="hour")
    assert posting.location is not None and posting.location.workplace is Workplace.REMOTE
    assert posting.closing_date == dt.date(2027, 1, 31)
    assert posting.years_experience == 2


def test_null_clears_what_the_role_filled(role: RoleTemplate) -> None:
    posting = posting_from_role(role, {"nice_to_haves": None, "years_experience": None})
    assert posting.nice_to_haves == []
    assert posting.years_experience is None


def test_organisation_defaults_fill_what_answers_leave_out(role: RoleTemplate) -> None:
    defaults = Organisation(name="Acme", url="https://acme.example", about="We wire.")
    posting = posting_from_role(
        role, {"organisation": {"about": "We wire buildings."}}, organisation_defaults=defaults
    )
    assert posting.organisation == Organisation(
        name="Acme", url="https://acme.example", about="We wire buildings."
    )
    named = posting_from_role(role, organisation_defaults={"name": "Beta", "url": None})
    assert named.organisation == Organisation(name="Beta")


@pytest.mark.parametrize(
    ("answers", "field", "words"),
    [
        ({"pay": "65k-55k"}, "pay", "Pay: the minimum"),
        ({"pay": {"minimum": 70, "maximum": 60}}, "pay", "Pay: the minimum ($70)"),
        ({"pay": True}, "pay", "Pay: “True” isn't the right kind of value here."),
        ({"responsibilities": 5}, "responsibilities", "Responsibilities: “5” isn't the right"),
        ({"organisation": ["Acme"]}, "organisation", "Company: “['Acme']” isn't the right"),
        ({"closing_date": "2020-01-01"}, "closing_date", "Closing date: the closing date"),
        ({"closing_date": "whenever"}, "closing_date", "Closing date: I couldn't read"),
        ({"location": "Remote (Mars)"}, "location", "Location: I don't know “Mars”"),
        ({"location": {"city": 5}}, "location", "Location: “5” isn't the right kind"),
        ({"how_to_apply": "ask around"}, "how_to_apply", "How to apply: “ask around”"),
        ({"years_experience": "ten"}, "years_experience", "Years of experience: give a number"),
        ({"years_experience": 99}, "years_experience", "Years of experience: give a number"),
        ({"employment_type": "whenever"}, "employment_type", "Employment type: I couldn't"),
        ({"wage": "55k"}, "wage", "“wage” isn't a field of a posting"),
        ({"title": ""}, "title", "Job title: the posting needs a job title."),
    ],
)
def test_bad_answers_raise_a_draft_error_naming_the_field(
    role: RoleTemplate, answers: dict[str, Any], field: str, words: str
) -> None:
    with pytest.raises(DraftError) as caught:
        posting_from_role(role, answers, today=TODAY)
    assert caught.value.field == field
    assert words in caught.value.message
    assert str(caught.value) == caught.value.message


def test_read_answer_checks_one_answer_at_a_time() -> None:
    assert read_answer("pay", "28/hr") == Pay(minimum=28, maximum=28, period="hour")
    assert read_answer("closing_date", "Jan 31", today=TODAY) == dt.date(2027, 1, 31)
    assert read_answer("how_to_apply", "mailto:jobs@acme.example") == "jobs@acme.example"
    assert read_answer("pay", "60000", default_currency="EUR").currency == "EUR"
    with pytest.raises(DraftError) as caught:
        read_answer("closing_date", "today", today=TODAY)
    assert caught.value.field == "closing_date"
    with pytest.raises(DraftError):
        read_answer("salary", "55k")
