"""Pay transparency by location: which laws reach a job, and what each asks of the posting."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.checks import check_posting, check_text
from bot.checks.document import from_text
from bot.checks.model import Finding
from bot.checks.rules.pay import check_pay, covering_laws
from bot.posting import Pay, parse_location
from tests.checks_samples import TODAY, denver_posting, errors

BENEFITS = "## Benefits\n\n- Health, dental and vision insurance\n- 401(k) match\n"


def laws_for(text: str) -> set[str]:
    laws, _ = covering_laws(parse_location(text))
    return {law.id for law in laws}


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        ("Denver, CO", {"us-co"}),
        ("Boulder, Colorado", {"us-co"}),
        ("New York, NY", {"us-ny", "us-ny-nyc"}),
        ("NYC", {"us-ny", "us-ny-nyc"}),
        ("Brooklyn, NY", {"us-ny", "us-ny-nyc"}),
        ("Buffalo, NY", {"us-ny"}),
        ("Jersey City, NJ", {"us-nj", "us-nj-jersey-city"}),
        ("Newark, NJ", {"us-nj"}),
        ("Cleveland, OH", {"us-oh-cleveland"}),
        ("Columbus, OH", set()),
        ("Austin, TX", set()),
        ("Richmond, VA", {"us-va"}),
        ("Washington, DC", {"us-dc"}),
        ("Toronto, ON, Canada", {"ca-on"}),
        ("Vancouver", {"ca-bc"}),
        ("Charlottetown, PE", {"ca-pe"}),
        ("Calgary, AB", set()),
        ("Remote (Colorado)", {"us-co"}),
        ("Remote (New York)", {"us-ny", "us-ny-nyc"}),
        ("Remote (Canada)", {"ca-bc", "ca-pe", "ca-on"}),
        ("Hybrid - NYC", {"us-ny", "us-ny-nyc"}),
    ],
)
def test_location_to_jurisdictions(where: str, expected: set[str]) -> None:
    assert laws_for(where) == expected


def test_a_remote_job_open_to_the_whole_us_is_covered_by_every_us_law() -> None:
    found = laws_for("Remote (US)")
    assert len(found) == 16
    assert {"us-co", "us-ca", "us-ny-nyc", "us-oh-cleveland", "us-va"} <= found
    assert not any(law.startswith("ca-") for law in found)


def test_a_remote_job_open_anywhere_is_covered_everywhere_with_the_eu_note() -> None:
    laws, notes = covering_laws(parse_location("Remote (worldwide)"))
    assert len(laws) == 19
    assert [note.id for note in notes] == ["eu-pay-transparency"]


def test_a_job_in_the_eu_gets_the_directive_as_a_note() -> None:
    findings = check_text(
        "# Engineer\n\nPay: €60,000 – €70,000 a year.", location="Berlin", today=TODAY
    )
    (note,) = [f for f in findings if f.category == "pay-transparency"]
    assert note.severity == "info"
    assert "2023/970" in note.message and "2026-06-07" in note.message


# Colorado also asks for the closing date (tested on its own below); the other tests give one.
CLOSES = "Applications close on January 31."


def pay_findings(
    text: str, where: str, today: dt.date = TODAY, closes: str = CLOSES
) -> list[Finding]:
    document = from_text(f"# Network Technician\n\n{closes}\n\n{text}", location=where, today=today)
    return list(check_pay(document))


def test_competitive_salary_in_new_york_is_an_error_naming_both_laws() -> None:
    (finding,) = pay_findings("We offer a competitive salary.", "New York, NY")
    assert finding.severity == "error"
    assert finding.rule == "pay-transparency:vague"
    assert finding.excerpt == "competitive salary"
    assert "New York State" in finding.message and "New York City" in finding.message
    assert "§ 194-b" in finding.message and "8-107(32)" in finding.message
    assert "$55,000" in (finding.suggestion or "")


def test_doe_is_vague_too() -> None:
    (finding,) = pay_findings(f"Salary: DOE\n\n{BENEFITS}", "Seattle, WA")
    assert finding.rule == "pay-transparency:vague"
    assert finding.field == "pay"


def test_no_pay_at_all_is_an_error_where_the_law_wants_it() -> None:
    (finding,) = pay_findings("Install cabling.", "Los Angeles, CA")
    assert finding.rule == "pay-transparency:missing"
    assert finding.severity == "error"
    assert "15 or more employees" in finding.message


@pytest.mark.parametrize("pay", ["Pay: from $60,000 a year", "Pay: up to $30/hr", "Pay: $60,000+"])
def test_open_ended_pay_is_an_error(pay: str) -> None:
    (finding,) = pay_findings(pay, "Sacramento, CA")
    assert finding.rule == "pay-transparency:open_ended"
    assert finding.severity == "error"


def test_missing_benefits_is_an_error_only_where_required() -> None:
    (finding,) = pay_findings("Pay: $55,000 – $65,000 a year", "Denver, CO")
    assert finding.rule == "pay-transparency:benefits"
    assert finding.field == "benefits"
    assert "C.R.S. § 8-5-201" in finding.message
    assert pay_findings("Pay: $55,000 – $65,000 a year", "San Diego, CA") == []
    assert pay_findings(f"Pay: $55,000 – $65,000 a year\n\n{BENEFITS}", "Denver, CO") == []


def test_perks_alone_are_not_a_benefits_description() -> None:
    text = "Pay: $55,000 – $65,000 a year\n\n## Perks\n\n- Free beer\n- Ping pong"
    assert [f.rule for f in pay_findings(text, "Denver, CO")] == ["pay-transparency:benefits"]


def test_a_law_not_yet_in_force_gives_a_note_then_an_error() -> None:
    before = pay_findings("Pay: competitive", "Richmond, VA", today=dt.date(2026, 6, 30))
    assert [(f.severity, f.rule) for f in before] == [("info", "pay-transparency:vague")]
    assert "2026-07-01" in before[0].message
    after = pay_findings("Pay: competitive", "Richmond, VA", today=dt.date(2026, 7, 1))
    assert [(f.severity, f.rule) for f in after] == [("error", "pay-transparency:vague")]


def test_ontario_from_2026_caps_the_width_of_a_range() -> None:
    early = pay_findings("Pay: C$60,000 – C$120,000 a year", "Toronto, ON", dt.date(2025, 12, 31))
    assert [(f.severity, f.rule) for f in early] == [("info", "pay-transparency:too_wide")]
    (wide,) = pay_findings("Pay: C$60,000 – C$120,000 a year", "Toronto, ON")
    assert wide.rule == "pay-transparency:too_wide"
    assert wide.severity == "error"
    assert "C$50,000" in wide.message
    assert pay_findings("Pay: C$60,000 – C$110,000 a year", "Toronto, ON") == []
    assert pay_findings("Pay: C$150,000 – C$260,000 a year", "Toronto, ON") == []
    (hourly,) = pay_findings("Pay: C$30 – C$60 an hour", "Ottawa, ON")
    assert hourly.rule == "pay-transparency:too_wide"


def test_remote_us_names_every_law_in_force_in_one_error() -> None:
    later = dt.date(2026, 8, 1)
    (finding,) = pay_findings(f"Salary: negotiable\n\n{BENEFITS}", "Remote (US)", later)
    assert finding.severity == "error"
    for place in ("Colorado", "California", "Cleveland OH", "Jersey City NJ", "Virginia"):
        assert place in finding.message


def test_uncovered_places_leave_missing_pay_to_the_section_check() -> None:
    findings = check_text("# Technician\n\nFix things.", location="Austin, TX", today=TODAY)
    assert not [f for f in findings if f.category == "pay-transparency"]
    assert "missing-section:pay" in {f.rule for f in findings}


def test_without_a_location_there_is_a_note_asking_for_one() -> None:
    findings = check_text("# Technician\n\nFix things.", today=TODAY)
    (note,) = [f for f in findings if f.category == "pay-transparency"]
    assert note.severity == "info"
    assert note.field == "location"


def test_the_location_in_the_text_is_found() -> None:
    text = "# Technician\n\nLocation: New York, NY\n\nCompetitive salary."
    assert "pay-transparency:vague" in {f.rule for f in errors(check_text(text, today=TODAY))}


def test_a_posting_with_one_end_of_pay_is_open_ended() -> None:
    posting = denver_posting(pay=Pay(minimum=60000, maximum=None))
    found = [
        f for f in errors(check_posting(posting, today=TODAY)) if f.category == "pay-transparency"
    ]
    assert [f.rule for f in found] == ["pay-transparency:open_ended"]
    assert found[0].excerpt == "from $60,000 a year"


def test_a_posting_without_benefits_in_colorado_is_an_error_on_the_benefits_field() -> None:
    found = errors(check_posting(denver_posting(benefits=[]), today=TODAY))
    assert [(f.rule, f.field) for f in found] == [("pay-transparency:benefits", "benefits")]


def test_a_law_with_a_note_says_it() -> None:
    (finding,) = pay_findings("Pay: to be discussed.", "Toronto, ON")
    assert "C$200,000" in finding.message  # Ontario's exemption for well-paid jobs
