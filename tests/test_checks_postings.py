"""Whole postings, good and bad: what a hiring manager would see, and no false alarms."""

from __future__ import annotations

from bot.checks import check_posting, check_text, summarise
from bot.posting import Posting, parse_location
from tests.checks_samples import TODAY, denver_posting, errors, rules, sample


def test_a_clean_denver_posting_has_no_finding_at_all() -> None:
    findings = check_posting(denver_posting(), today=TODAY)
    assert findings == []
    assert summarise(findings).line == "No problems found."


def test_the_clean_denver_sample_has_no_error_and_no_warning() -> None:
    findings = check_text(sample("clean_denver.md"), today=TODAY)
    assert [f for f in findings if f.severity != "info"] == []


def test_a_clean_network_technician_posting_raises_no_false_alarm() -> None:
    # DHCP address pools, failover, Active Directory, desktop support, Windows, lead-acid
    # batteries, and a lifting requirement with an accommodation note.
    findings = check_text(sample("network_technician_clean.md"), today=TODAY)
    assert errors(findings) == []
    loud = {"gendered-language", "exclusionary-language", "jargon", "requirements"}
    assert [f for f in findings if f.category in loud and f.severity != "info"] == []
    assert not [f for f in findings if f.rule.startswith(("gendered-words", "exclusionary"))]


def test_the_biased_new_york_sample_reports_law_words_and_suggestions() -> None:
    findings = check_text(sample("biased_new_york.md"), today=TODAY)
    found = rules(findings)
    assert "pay-transparency:vague" in found
    assert {
        "exclusionary-wording:young",
        "exclusionary-wording:digital-native",
        "exclusionary-wording:native-speaker",
        "exclusionary-wording:citizens-only",
        "exclusionary-wording:able-bodied",
        "exclusionary-wording:experience-cap",
        "exclusionary-wording:culture-fit",
        "gendered-words",
        "jargon:jargon-title",
        "jargon:bro-culture",
        "jargon:hollow-perks",
    } <= found
    assert all(f.suggestion for f in findings if f.category != "pay-transparency")
    assert summarise(findings).blocks_approval


def test_a_posting_and_its_text_agree_on_the_problems() -> None:
    biased = denver_posting(
        location=parse_location("New York, NY"),
        pay=None,
        summary="We want a young rockstar. He will run the network. Competitive salary.",
    )
    found = rules(check_posting(biased, today=TODAY))
    assert {
        "pay-transparency:vague",
        "exclusionary-wording:young",
        "jargon:jargon-title",
        "gendered-words",
    } <= found
    field = {f.rule: f.field for f in check_posting(biased, today=TODAY)}
    assert field["exclusionary-wording:young"] == "summary"
    assert field["pay-transparency:vague"] == "pay"


def test_a_fresh_draft_with_only_a_title_is_checked_without_crashing() -> None:
    findings = check_posting(Posting(title="Network Technician"), today=TODAY)
    assert {"missing-section:responsibilities", "missing-section:how_to_apply"} <= rules(findings)
    assert summarise(findings).blocks_approval  # Google for Jobs needs a company and a place


def test_the_role_comes_from_the_posting_when_not_given() -> None:
    posting = denver_posting(role={"role_id": "network_technician"}, years_experience=6)
    assert "requirements:years" in rules(check_posting(posting, today=TODAY))
    unknown = denver_posting(role={"role_id": "no_such_role"}, years_experience=6)
    assert "requirements:years" not in rules(check_posting(unknown, today=TODAY))


def test_plain_text_without_markdown_is_read_too() -> None:
    text = (
        "Warehouse Associate\n"
        "Cleveland, OH\n\n"
        "We are hiring a warehouse associate to pick and pack orders.\n\n"
        "Pay: $19 – $23 an hour\n\n"
        "Apply at https://jobs.example.com/42\n"
    )
    findings = check_text(text, today=TODAY)
    assert errors(findings) == []
    assert "missing-section:how_to_apply" not in rules(findings)
