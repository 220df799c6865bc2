"""Reading questions without a language model: topics, roles, places and postings."""

from __future__ import annotations

import pytest

from bot.catalog import resolve_area
from bot.faq import PostingField, Topic, understand
from bot.faq.lexicon import lexicon
from bot.faq.understand import split_words


def codes(question: str) -> list[str]:
    return [role.code for role in understand(question).roles]


def test_words_spell_out_contractions_and_drop_punctuation() -> None:
    assert split_words("What's a network tech's pay?") == [
        "What",
        "is",
        "a",
        "network",
        "tech",
        "is",
        "pay",
    ]
    assert split_words("doesn’t") == ["does", "not"]
    assert split_words("entry-level") == ["entry", "level"]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("how much does a network tech make", ["15-1231.00"]),
        ("HOW MUCH DOES A NETWORK TECH MAKE", ["15-1231.00"]),
        ("netwrok techician salary", ["15-1231.00"]),
        ("what do RNs earn", ["29-1141.00"]),
        ("what skills does a software developer need", ["15-1252.00"]),
        ("is a network technician happy?", ["15-1231.00"]),
        ("RN vs CNA", ["29-1141.00", "31-1131.00"]),
        ("network tech vs network admin?", ["15-1231.00", "15-1244.00"]),
        ("network technician vs network adminstrator", ["15-1231.00", "15-1244.00"]),
        ("tell me a joke", []),
        ("what's the weather in Paris?", []),
        ("how much do cats make", []),
    ],
)
def test_roles_are_found_through_typos_casing_and_abbreviations(
    question: str, expected: list[str]
) -> None:
    assert codes(question) == expected


def test_a_curated_role_is_named_by_its_own_title() -> None:
    [role] = understand("what does a netwrok tech do").roles
    assert role.title == "Network Technician" and role.curated and role.key == "network_technician"


def test_an_ambiguous_title_keeps_what_else_it_could_mean() -> None:
    [role] = understand("how much does a tech make").roles
    assert role.others and len(role.others) == len(role.other_keys)


@pytest.mark.parametrize(
    ("question", "topic"),
    [
        ("what does a plumber do all day", Topic.DUTIES),
        ("daily tasks of a plumber", Topic.DUTIES),
        ("what does a plumber do?", Topic.DESCRIBE),
        ("skills for a web developer", Topic.SKILLS),
        ("what soft skills make a good nurse", Topic.QUALITIES),
        ("what degree does a pharmacist need", Topic.EDUCATION),
        ("is a cashier an entry level job", Topic.EXPERIENCE),
        ("how much experience does an electrician need", Topic.EXPERIENCE),
        ("what software do accountants use", Topic.TOOLS),
        ("whats the salery of a plumber", Topic.PAY),
        ("how much does a welder make", Topic.PAY),
    ],
)
def test_topics(question: str, topic: Topic) -> None:
    assert understand(question).main_topics(floor=0.5)[0] is topic


def test_a_cue_word_inside_a_title_asks_nothing() -> None:
    reading = understand("software developer salary")
    assert reading.main_topics() == [Topic.PAY]
    assert codes("software developer salary") == ["15-1252.00"]


def test_comparisons() -> None:
    assert understand("difference between a plumber and an electrician").compare >= 0.9
    assert understand("LPN or RN, which pays more?").compare > 0
    assert understand("what skills does a plumber need").compare == 0


@pytest.mark.parametrize(
    ("question", "area"),
    [
        ("how much does a network tech make in Colorado?", "Colorado"),
        ("network tech salary in Denver, CO per year", "Denver-Aurora-Centennial, CO"),
        ("Ohio welder wages", "Ohio"),
        ("plumber pay in texas", "Texas"),
    ],
)
def test_places(question: str, area: str) -> None:
    place = understand(question).place
    assert place is not None and place.area is not None
    assert place.area.area_name == area


def test_the_whole_country_and_places_abroad() -> None:
    national = understand("what do CNAs earn in the US?").place
    assert national is not None and national.area is None
    abroad = understand("how much does a nurse make in London").place
    assert abroad is not None and abroad.area is not None and not abroad.area.us


def test_a_phrase_after_in_that_is_no_place_is_not_one() -> None:
    reading = understand("describe a day in the life of a network technician")
    assert reading.place is None
    assert codes("describe a day in the life of a network technician") == ["15-1231.00"]


def test_postings() -> None:
    remote = understand("is the network technician job remote?")
    assert remote.posting >= 0.9 and PostingField.WORKPLACE in remote.posting_fields
    opening = understand("what's the pay range for the network technician opening?")
    assert opening.posting == 1.0 and PostingField.PAY in opening.posting_fields
    assert PostingField.CLOSING in understand("when does it close?").posting_fields
    assert understand("what does the role of a nurse involve?").posting == 0
    assert understand("how much does a network technician make").posting == 0


def test_help_and_leftovers() -> None:
    assert understand("what can you do?").help
    assert understand("hi").help
    assert understand("is a network technician happy?").leftovers == ["happy"]


def test_misspelt_cue_words_are_put_right() -> None:
    words = lexicon()
    assert words.correct("salery") == "salary"
    assert words.correct("educaton") == "education"
    assert words.correct("zq") is None
    assert words.correct("xylophonist") is None


def test_long_questions_are_cut() -> None:
    question = "how much does a plumber make " + "really " * 400
    assert codes(question) == ["47-2152.00"]


def test_the_scope_guard_reads_names_not_places_titles_or_employers() -> None:
    from bot.faq.understand import reader

    guard = reader()
    person = guard.out_of_scope("how much does Jessica in accounting make?")
    assert person is not None and person.reason == "person_pay" and person.names == ["Jessica"]
    candidate = guard.out_of_scope("should I hire Priya or Marcus for the analyst role?")
    assert candidate is not None and candidate.reason == "candidate"
    assert candidate.names == ["Priya", "Marcus"]
    for fine in (
        "do electricians in New York make more than in Florida",
        "What Does A Netwrok Technician Make In Denver",
        "how much do nurses make at Kaiser",
        "what does a Zorblax wrangler make",
        "what should I look for when hiring a network tech",
        "network tech pay in Narnia",
    ):
        assert guard.out_of_scope(fine) is None, fine


def test_the_lexicon_has_no_word_yaml_read_as_true_or_false() -> None:
    """`on`, `no` and `yes` unquoted in YAML are booleans: they would never match a word."""
    words = lexicon()
    assert {"on", "no", "yes"} <= words.stopwords and "on" in words.place_prepositions
    assert all(isinstance(w, str) for w in words.stopwords | words.place_trailers)


def test_every_place_of_a_comparison_and_a_bare_place() -> None:
    two = understand("RN pay in austin vs dallas")
    assert [p.area.area_name for p in two.places if p.area] == [
        resolve_area("Austin, TX").area_name,
        resolve_area("Dallas, TX").area_name,
    ]
    bare = understand("electrician pay nyc").place
    assert bare is not None and bare.area is not None
    assert bare.area.area_code == resolve_area("New York, NY").area_code
    unfound = understand("network tech pay in Narnia").place
    assert unfound is not None and not unfound.found and unfound.typed == "Narnia"
    ambiguous = understand("RN salary in Portland").place
    assert ambiguous is not None and "Portland, ME" in ambiguous.note
