"""Exclusionary wording and jargon: each kind, the context that softens it, no false alarms."""

from __future__ import annotations

import pytest

from bot.checks.document import from_text
from bot.checks.model import Finding
from bot.checks.rules.wording import check_exclusionary, check_jargon
from tests.checks_samples import TODAY


def exclusionary(text: str) -> list[Finding]:
    return list(check_exclusionary(from_text(f"# Technician\n\n{text}", today=TODAY)))


def jargon(text: str) -> list[Finding]:
    return list(check_jargon(from_text(f"# Technician\n\n{text}", today=TODAY)))


@pytest.mark.parametrize(
    ("text", "entry", "severity"),
    [
        ("Join our young and dynamic team.", "young", "error"),
        ("We want young talent.", "young", "error"),
        ("You are energetic.", "energetic", "warning"),
        ("Ideal for a digital native.", "digital-native", "error"),
        ("Open to recent graduates.", "recent-graduate", "warning"),
        ("No more than 5 years of experience.", "experience-cap", "error"),
        ("Native English speaker.", "native-speaker", "error"),
        ("English as your first language.", "native-speaker", "error"),
        ("No accents, please.", "accent", "error"),
        ("U.S. citizens only.", "citizens-only", "error"),
        ("Must be a US citizen.", "citizens-only", "error"),
        ("Able-bodied workers wanted.", "able-bodied", "error"),
        ("Must be able to stand for 8 hours.", "physical-without-accommodation", "warning"),
        ("You are OCD about details.", "ableist-slang", "warning"),
        ("A great culture fit.", "culture-fit", "warning"),
        ("Canadian experience required.", "canadian-experience", "warning"),
        ("Configure master/slave replication.", "master-slave", "warning"),
    ],
)
def test_each_kind_of_exclusionary_wording(text: str, entry: str, severity: str) -> None:
    findings = exclusionary(text)
    assert [f.rule for f in findings] == [f"exclusionary-wording:{entry}"]
    (finding,) = findings
    assert finding.severity == severity
    assert finding.category == "exclusionary-language"
    assert finding.suggestion
    assert finding.excerpt in text or text.startswith(finding.excerpt.rstrip("…"))


def test_citizenship_with_a_legal_reason_is_a_note_to_name_it() -> None:
    (finding,) = exclusionary("U.S. citizens only: the job needs a security clearance (DoD).")
    assert finding.severity == "info"
    assert "name" in finding.message


def test_physical_demands_with_an_accommodation_note_are_fine() -> None:
    text = "Must be able to lift 50 lbs, with or without reasonable accommodation."
    assert exclusionary(text) == []


def test_recent_graduates_in_a_graduate_programme_are_fine() -> None:
    assert exclusionary("Our graduate programme is for recent graduates.") == []


@pytest.mark.parametrize(
    "text",
    [
        "We build cloud-native services and speak to young children's hospitals.",
        "Work with native apps and the Active Directory.",
        "Your experience: 5 or more years of experience.",
        "Authorized to work in the US; we do not sponsor visas.",
        "Walk the site with the young apprentices' mentor.",
    ],
)
def test_ordinary_sentences_raise_no_exclusionary_finding(text: str) -> None:
    assert exclusionary(text) == []


@pytest.mark.parametrize(
    ("text", "entry"),
    [
        ("We need a network ninja.", "jargon-title"),
        ("Be our rockstar engineer.", "jargon-title"),
        ("An Excel guru.", "jargon-title"),
        ("Be a hero for our users.", "jargon-title"),
        ("We work hard and play hard.", "bro-culture"),
        ("Work hard, play hard!", "bro-culture"),
        ("We're a family here.", "bro-culture"),
    ],
)
def test_jargon_titles_and_bro_culture(text: str, entry: str) -> None:
    (finding,) = jargon(text)
    assert finding.rule == f"jargon:{entry}"
    assert finding.severity == "warning"
    assert finding.category == "jargon"
    assert finding.suggestion


def test_perks_in_place_of_benefits_are_one_warning_naming_them_all() -> None:
    (finding,) = jargon("## Perks\n\n- Free beer on Fridays\n- Ping pong and foosball")
    assert finding.severity == "warning"
    assert "beer" in finding.message and "Ping pong" in finding.message
    assert "foosball" in finding.message
    assert "health" in (finding.suggestion or "")


def test_perks_beside_real_benefits_are_only_a_note() -> None:
    text = "## Benefits\n\n- Health and dental insurance\n- 401(k) match\n- Ping pong"
    (finding,) = jargon(text)
    assert finding.severity == "info"


def test_software_wizards_and_address_pools_are_not_jargon_or_perks() -> None:
    assert jargon("Run the setup wizard and size the DHCP address pools.") == []
