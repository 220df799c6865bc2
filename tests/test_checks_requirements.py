"""Realistic requirements: years, degrees, certifications and supervision against the level."""

from __future__ import annotations

import pytest

from bot.checks import check_posting
from bot.checks.document import from_text
from bot.checks.model import Finding
from bot.checks.rules.requirements import check_requirements, level_of
from bot.roles.curated import load_curated_roles
from bot.roles.template import EducationShare, RoleTemplate
from tests.checks_samples import TODAY, denver_posting


def findings(
    text: str, role: RoleTemplate | None = None, title: str = "Network Technician"
) -> list[Finding]:
    document = from_text(f"# {title}\n\n{text}", location="Denver, CO", role=role, today=TODAY)
    return list(check_requirements(document))


def network_technician() -> RoleTemplate:
    return load_curated_roles()["network_technician"]


def test_our_own_role_contradicts_itself_and_the_check_says_so() -> None:
    # roles/network_technician.yaml: seniority entry, yet "5 to 10 years" from the source page.
    role = network_technician()
    assert role.seniority == "entry" and role.min_years_experience == 5
    posting = denver_posting(
        role={"role_id": "network_technician"},
        requirements=["5-10 years of related work experience", "Knowledge of TCP/IP"],
    )
    found = [f for f in check_posting(posting, today=TODAY) if f.category == "requirements"]
    (years,) = found
    assert years.severity == "warning"
    assert "entry-level" in years.message and "Network Technician role" in years.message
    assert years.excerpt == "5-10 years of related work experience"
    assert years.field == "requirements"


def test_years_from_the_posting_field_count_too() -> None:
    posting = denver_posting(role={"role_id": "network_technician"}, years_experience=10)
    (years,) = [f for f in check_posting(posting, today=TODAY) if f.category == "requirements"]
    assert years.field == "years_experience"
    assert "10 years" in years.message


@pytest.mark.parametrize(
    ("text", "rule"),
    [
        ("- 10+ years of experience with networks", "requirements:years"),
        ("- A master's degree in computer science", "requirements:education"),
        ("- CCIE certification", "requirements:certification"),
        ("- Supervise a team of 5 technicians", "requirements:supervision"),
    ],
)
def test_an_entry_level_job_that_asks_too_much_is_flagged(text: str, rule: str) -> None:
    (finding,) = findings(f"This is an entry-level job.\n\n## Requirements\n\n{text}")
    assert finding.rule == rule
    assert finding.severity == "warning"
    assert finding.category == "requirements"
    # Said against the level, or against what people in the occupation hold (O*NET's shares,
    # when the role carries them).
    reasons = ("entry-level", "usual", "people in this occupation")
    assert any(reason in finding.message for reason in reasons)
    assert finding.suggestion


def test_the_title_tells_the_level() -> None:
    assert level_of(from_text("# Junior Network Technician\n\nFix things.")).seniority == "entry"
    assert level_of(from_text("# Senior Network Engineer\n\nFix things.")).seniority == "senior"
    # "senior" said of someone else does not make the job senior (the level then comes from the
    # role, if the title names one).
    text = "# Network Technician\n\nYou will report to our senior engineer."
    assert level_of(from_text(text)).seniority != "senior"


def test_a_senior_job_may_ask_for_years_and_supervision() -> None:
    text = (
        "## Requirements\n\n- 10+ years of experience\n- Supervise a team of 5 technicians\n- CCIE"
    )
    assert findings(text, title="Senior Network Engineer") == []


def test_preferred_qualifications_are_not_requirements() -> None:
    text = "Entry-level job.\n\n## Requirements\n\n- A master's degree is a plus\n- CCNP preferred"
    assert findings(text) == []


def test_years_in_nice_to_haves_are_not_requirements() -> None:
    text = "Entry-level job.\n\n## Nice to have\n\n- 5 years of experience in a hospital"
    assert findings(text) == []


def test_the_job_zone_sets_what_is_usual() -> None:
    role = RoleTemplate(id="cashier", title="Cashier", job_zone=2)
    (years,) = findings("## Requirements\n\n- 4 years of experience", role=role, title="Cashier")
    assert "job zone 2" in years.message
    (degree,) = findings("## Requirements\n\n- A bachelor's degree", role=role, title="Cashier")
    assert "high-school diploma" in degree.message


def test_onet_education_shares_back_the_degree_check() -> None:
    role = RoleTemplate(
        id="tech",
        title="Technician",
        job_zone=4,
        education_levels=[
            EducationShare(level="Bachelor's Degree", percent=55),
            EducationShare(level="Associate's Degree", percent=30),
            EducationShare(level="Master's Degree", percent=8),
        ],
    )
    (degree,) = findings("## Requirements\n\n- A master's degree", role=role, title="Technician")
    assert "8%" in degree.message
    assert findings("## Requirements\n\n- A bachelor's degree", role=role, title="Technician") == []
