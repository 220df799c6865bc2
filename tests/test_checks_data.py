"""The rule data files: complete, dated, sourced, and every pattern compiles."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from bot.checks import rulebook

REQUIRED_PLACES = {
    "Colorado",
    "California",
    "Washington",
    "New York State",
    "New York City",
    "Hawaii",
    "District of Columbia",
    "Maryland",
    "Illinois",
    "Minnesota",
    "New Jersey",
    "Vermont",
    "Massachusetts",
    "Cleveland OH",
    "Jersey City NJ",
    "Virginia",
    "British Columbia",
    "Prince Edward Island",
    "Ontario",
}


def test_the_law_table_has_every_place_the_issue_names() -> None:
    names = {law.name for law in rulebook.law_table().laws}
    assert names == REQUIRED_PLACES


@pytest.mark.parametrize("law", rulebook.law_table().laws, ids=lambda law: law.id)
def test_every_law_is_dated_and_sourced_with_a_year(law: rulebook.Law) -> None:
    assert dt.date(2020, 1, 1) < law.effective < dt.date(2027, 1, 1)
    assert re.search(r"\b20\d\d\b", law.source), law.source
    assert law.employers and law.remote


def test_the_dates_and_rules_the_issue_gives() -> None:
    laws = {law.id: law for law in rulebook.law_table().laws}
    assert laws["us-va"].effective == dt.date(2026, 7, 1)
    assert laws["ca-on"].effective == dt.date(2026, 1, 1)
    assert laws["ca-on"].requires.max_range_width == 50000
    assert laws["ca-on"].requires.width_exempt_above == 200000
    benefits = {law.id for law in laws.values() if law.requires.benefits}
    assert {"us-co", "us-wa", "us-md", "us-il", "us-mn", "us-nj", "us-nj-jersey-city"} == benefits
    (note,) = rulebook.law_table().notes
    assert note.due == dt.date(2026, 6, 7)
    assert "2023/970" in note.source


def test_the_gaucher_lists_are_there_with_their_citation() -> None:
    stems = rulebook.gendered_stems()
    assert "Gaucher" in stems.citation and "2011" in stems.citation
    assert "101(1)" in stems.citation
    assert len(stems.masculine) > 35 and len(stems.feminine) > 35
    assert "leader*" in stems.masculine and "supportive*" in stems.feminine
    assert "lead" in stems.said_of_you["masculine"] and "support" in stems.said_of_you["feminine"]


@pytest.mark.parametrize("name", ["gendered_words", "exclusionary", "jargon"])
def test_every_word_entry_compiles_and_suggests(name: str) -> None:
    for entry in rulebook.word_entries(name):
        assert entry.regex.pattern
        assert entry.suggestion.strip()
        if entry.unless:
            assert entry.unless_regex is not None
        rulebook.render(entry.message, found="x")


def test_every_allow_list_entry_compiles_and_says_why() -> None:
    allow = rulebook.allow_list()
    for entry in allow.entries:
        rulebook.words_pattern([entry.pattern])
        assert entry.why.strip()
        assert entry.fields
    assert set(allow.onet_fields.values()) <= set(allow.field_signals)


def test_unknown_message_keys_name_the_key() -> None:
    with pytest.raises(KeyError, match=r"checks\.nothing\.here"):
        rulebook.say("nothing.here")
