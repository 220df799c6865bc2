"""Google for Jobs: the JobPosting JSON-LD is complete, valid and agrees with the posting."""

from __future__ import annotations

import datetime as dt
from typing import Any

import pytest

from bot.checks import check_posting
from bot.checks.model import Finding
from bot.checks.rules.structured_data import check_jsonld
from bot.posting import EmploymentType, Pay, parse_location
from bot.render import to_jsonld
from tests.checks_samples import TODAY, denver_posting, jsonld


def check(data: dict[str, Any], **kwargs: Any) -> list[Finding]:
    return list(check_jsonld(data, today=TODAY, **kwargs))


def test_a_complete_valid_dict_has_no_findings() -> None:
    assert check(jsonld(), posting=denver_posting()) == []


@pytest.mark.parametrize(
    "name", ["title", "description", "datePosted", "hiringOrganization", "jobLocation"]
)
def test_each_required_property_is_an_error_when_missing(name: str) -> None:
    (finding,) = [f for f in check(jsonld(**{name: None})) if f.severity == "error"]
    assert finding.category == "structured-data"
    assert f"“{name}”" in finding.message


@pytest.mark.parametrize(
    "name", ["baseSalary", "employmentType", "identifier", "validThrough", "directApply"]
)
def test_each_recommended_property_is_a_note_when_missing(name: str) -> None:
    (finding,) = check(jsonld(**{name: None}))
    assert finding.severity == "info"
    assert f"“{name}”" in finding.message


def test_draft_placeholders_count_as_missing() -> None:
    data = jsonld(hiringOrganization={"@type": "Organization", "name": "[to fill in: Company]"})
    (finding,) = check(data)
    assert "hiringOrganization" in finding.message


@pytest.mark.parametrize(
    ("changes", "rule"),
    [
        ({"employmentType": "FULLTIME"}, "structured-data:employment_type"),
        ({"employmentType": ["FULL_TIME", "SOMETIMES"]}, "structured-data:employment_type"),
        ({"validThrough": TODAY.isoformat()}, "structured-data:valid_through"),
        ({"validThrough": "2020-01-01", "datePosted": "2019-12-01"}, "structured-data:expired"),
        ({"datePosted": "last Tuesday"}, "structured-data:date"),
        ({"@type": "Job"}, "structured-data:not_job_posting"),
    ],
)
def test_bad_values_are_errors(changes: dict[str, Any], rule: str) -> None:
    assert rule in {f.rule for f in check(jsonld(**changes)) if f.severity == "error"}


def salary(**value: Any) -> dict[str, Any]:
    base = {"@type": "QuantitativeValue", "minValue": 55000, "maxValue": 65000, "unitText": "YEAR"}
    base.update(value)
    currency = base.pop("currency", "USD")
    return {"@type": "MonetaryAmount", "currency": currency, "value": base}


@pytest.mark.parametrize(
    ("pay", "rule"),
    [
        (salary(currency="DOLLARS"), "structured-data:currency"),
        (salary(unitText="ANNUAL"), "structured-data:unit"),
        (salary(minValue=70000), "structured-data:salary_order"),
    ],
)
def test_bad_salaries_are_errors(pay: dict[str, Any], rule: str) -> None:
    assert rule in {f.rule for f in check(jsonld(baseSalary=pay))}


def test_a_remote_job_needs_applicant_location_requirements() -> None:
    data = jsonld(jobLocation=None, jobLocationType="TELECOMMUTE")
    rules = {f.rule for f in check(data)}
    assert "structured-data:remote_location" in rules
    ok = jsonld(
        jobLocation=None,
        jobLocationType="TELECOMMUTE",
        applicantLocationRequirements={"@type": "Country", "name": "US"},
    )
    assert [f for f in check(ok) if f.severity == "error"] == []


@pytest.mark.parametrize(
    ("changes", "name"),
    [
        ({"title": "Network Ninja"}, "title"),
        ({"employmentType": "PART_TIME"}, "employmentType"),
        ({"baseSalary": salary(minValue=50000)}, "baseSalary.minValue"),
        ({"baseSalary": salary(currency="CAD")}, "baseSalary.currency"),
        ({"baseSalary": salary(unitText="HOUR")}, "baseSalary.unitText"),
        (
            {"jobLocationType": "TELECOMMUTE", "applicantLocationRequirements": {"name": "US"}},
            "jobLocationType",
        ),
    ],
)
def test_the_json_ld_must_agree_with_the_posting(changes: dict[str, Any], name: str) -> None:
    found = [
        f for f in check(jsonld(**changes), posting=denver_posting()) if f.rule.endswith("disagree")
    ]
    assert [f.excerpt.split(":")[0] for f in found] == [name]
    assert found[0].severity == "error"


def test_the_place_must_agree_with_the_posting() -> None:
    data = jsonld()
    data["jobLocation"]["address"]["addressLocality"] = "Boulder"
    (finding,) = check(data, posting=denver_posting())
    assert "Boulder" in finding.message and "Denver" in finding.message


# Through the real renderer (bot.render.to_jsonld).


def test_our_renderer_makes_json_ld_the_check_accepts() -> None:
    posting = denver_posting()
    assert check(to_jsonld(posting), posting=posting) == []


@pytest.mark.parametrize(
    "changes",
    [
        {"location": parse_location("Remote (US)")},
        {
            "location": parse_location("Hybrid - Toronto, ON, Canada"),
            "pay": Pay(minimum=70000, maximum=90000, currency="CAD"),
        },
        {
            "pay": Pay(minimum=28, maximum=28, period="hour"),
            "employment_type": EmploymentType.PART_TIME,
        },
    ],
)
def test_our_renderer_agrees_with_every_kind_of_posting(changes: dict[str, Any]) -> None:
    posting = denver_posting(**changes)
    assert [f for f in check(to_jsonld(posting), posting=posting) if f.severity == "error"] == []


def test_check_posting_reads_the_rendered_json_ld() -> None:
    posting = denver_posting(closing_date=None, identifier="")
    rules = {f.rule for f in check_posting(posting, today=TODAY)}
    assert "structured-data:recommended" in rules
    expired = denver_posting(date_posted=dt.date(2025, 1, 1), closing_date=dt.date(2025, 2, 1))
    assert "structured-data:expired" in {f.rule for f in check_posting(expired, today=TODAY)}
