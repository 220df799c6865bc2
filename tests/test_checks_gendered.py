"""Gendered wording: the Gaucher et al. (2011) score, gendered words, and the allow-list."""

from __future__ import annotations

from bot.checks.document import from_text
from bot.checks.rules.gendered import check_coding, check_words, coded_words
from bot.roles.template import RoleTemplate
from tests.checks_samples import TODAY


def doc(text: str, role: RoleTemplate | None = None):  # type: ignore[no-untyped-def]
    return from_text(
        f"# Network Technician\n\n{text}", location="Denver, CO", today=TODAY, role=role
    )


def test_strongly_masculine_wording_is_a_warning_listing_the_words() -> None:
    text = (
        "We want a competitive, dominant, assertive self-reliant person who will lead and decide "
        "fast. Be ambitious."
    )
    (finding,) = check_coding(doc(text))
    assert finding.severity == "warning"
    assert finding.category == "gendered-language"
    assert "strongly masculine-coded" in finding.message
    assert "Gaucher" in finding.message
    for word in ("competitive", "dominant", "assertive", "self-reliant", "lead", "ambitious"):
        assert word in finding.excerpt
    assert finding.suggestion


def test_slightly_feminine_wording_is_a_note() -> None:
    (finding,) = check_coding(doc("You are warm and patient, and you understand people."))
    assert finding.severity == "info"
    assert "slightly feminine-coded" in finding.message
    assert "warm" in finding.excerpt and "understand" in finding.excerpt


def test_balanced_wording_is_neutral_and_says_nothing() -> None:
    assert list(check_coding(doc("You lead projects and support the people you work with."))) == []


def test_trade_and_product_terms_are_not_counted() -> None:
    text = (
        "Manage DHCP address pools, test failover, keep Active Directory tidy, answer IT "
        "support tickets on Windows 11, replace lead-acid batteries, run the master/replica "
        "database and check network connectivity. List your responsibilities. Competitive salary."
    )
    masculine, feminine = coded_words(doc(text))
    assert not masculine and not feminine
    assert list(check_coding(doc(text))) == []


def test_the_allow_list_knows_the_field_of_work() -> None:
    # "connections" is trade vocabulary in a network job, a communal word elsewhere.
    it_job = doc("Check the network connections in every office.")
    assert not coded_words(it_job)[1]
    other = from_text("# Barista\n\nCheck the network connections.", today=TODAY)
    assert not coded_words(other)[1]  # "network" itself is an IT signal
    cafe = from_text("# Barista\n\nMake connections with regulars.", today=TODAY)
    assert coded_words(cafe)[1] == {"connections": 1}


def test_the_role_code_sets_the_field_of_work() -> None:
    role = RoleTemplate(id="x", title="Cashier", onet_code="15-1231.00")
    text = from_text("# Cashier\n\nKeep the VPN connections up.", today=TODAY, role=role)
    assert "it" in text.fields_of_work


def test_pronouns_are_flagged_once_each_with_a_neutral_suggestion() -> None:
    findings = list(check_words(doc("He will fix the network. His tools, his van. She helps.")))
    assert [f.message for f in findings] == [
        "“He” assumes the candidate's gender.",
        "“His” assumes the candidate's gender. (It appears 2 times.)",
        "“She” assumes the candidate's gender.",
    ]
    assert all("they" in (f.suggestion or "") for f in findings)
    assert findings[0].excerpt == "He will fix the network."


def test_a_he_or_she_pair_is_one_finding() -> None:
    (finding,) = check_words(doc("The technician will do what he or she is asked."))
    assert finding.excerpt.endswith("he or she is asked.")
    assert "they" in (finding.suggestion or "")


def test_gendered_titles_and_words_have_neutral_suggestions() -> None:
    text = (
        "Talk to the foreman and the chairman. We need the manpower to man the help desk; "
        "a great salesman, craftsmanship and the guys."
    )
    findings = {f.message.split("”")[0].strip("“").lower(): f for f in check_words(doc(text))}
    assert set(findings) == {
        "foreman", "chairman", "manpower", "man the", "salesman", "craftsmanship", "guys"
    }  # fmt: skip
    assert "supervisor" in (findings["foreman"].suggestion or "")
    assert "staff" in (findings["man the"].suggestion or "")
    assert "salesperson" in (findings["salesman"].suggestion or "")


def test_ordinary_words_that_contain_man_or_he_are_left_alone() -> None:
    text = "Manage the manual, the helium tank, the theme and the chemistry. Then help them."
    assert list(check_words(doc(text))) == []


def test_a_journeyman_licence_keeps_its_legal_name_in_trades() -> None:
    text = "Hold a journeyman licence. You will work as a journeyman electrician."
    role = RoleTemplate(id="e", title="Electrician", onet_code="47-2111.00")
    findings = list(check_words(doc(text, role=role)))
    assert len(findings) == 1
    assert "journeyman electrician" in findings[0].excerpt
    assert "journey-level" in (findings[0].suggestion or "")
