"""The one place parser (bot/posting/locate.py): what people type for a place, read the same way
by the dialogue, the checks, `pay` and `ask`."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from bot.posting.locate import (
    PlaceError,
    find_places,
    location_text,
    place_for_zip,
    read_location,
    suggest_location,
)
from bot.posting.model import Location, Workplace
from bot.posting.parse import ParseError


@pytest.mark.parametrize(
    ("text", "city", "region", "country", "workplace"),
    [
        ("Denver CO", "Denver", "CO", "US", Workplace.ON_SITE),
        ("denver, colorado", "Denver", "CO", "US", Workplace.ON_SITE),
        ("denver colorado", "Denver", "CO", "US", Workplace.ON_SITE),
        ("Denver", "Denver", "CO", "US", Workplace.ON_SITE),
        ("NYC", "New York", "NY", "US", Workplace.ON_SITE),
        ("New York", "New York", "NY", "US", Workplace.ON_SITE),
        ("sf", "San Francisco", "CA", "US", Workplace.ON_SITE),
        ("80202", "Denver", "CO", "US", Workplace.ON_SITE),
        ("Denver, CO 80202", "Denver", "CO", "US", Workplace.ON_SITE),
        ("Hybrid – Seattle", "Seattle", "WA", "US", Workplace.HYBRID),
        ("hybrid, chicago il", "Chicago", "IL", "US", Workplace.HYBRID),
        ("Colorado", "", "CO", "US", Workplace.ON_SITE),
        ("Toronto, ON, Canada", "Toronto", "ON", "CA", Workplace.ON_SITE),
        ("Salt Lake City UT", "Salt Lake City", "UT", "US", Workplace.ON_SITE),
        ("Charleston West Virginia", "Charleston", "WV", "US", Workplace.ON_SITE),
        ("Brooklyn, NY", "Brooklyn", "NY", "US", Workplace.ON_SITE),
    ],
)
def test_places_people_type(
    text: str, city: str, region: str, country: str, workplace: Workplace
) -> None:
    location = read_location(text)
    assert (location.city, location.region, location.country) == (city, region, country)
    assert location.workplace is workplace


@pytest.mark.parametrize(
    ("text", "regions"),
    [("Remote (US)", ["US"]), ("Remote, Canada", ["CA"]), ("remote - colorado", ["US-CO"])],
)
def test_remote_places(text: str, regions: list[str]) -> None:
    location = read_location(text)
    assert location.workplace is Workplace.REMOTE
    assert location.remote_regions == regions


@pytest.mark.parametrize(
    ("text", "suggestion"),
    [
        ("Denvr CO", "Denver, CO"),
        ("Denvr", "Denver, CO"),
        ("Chicgo", "Chicago, IL"),
        ("Seatle, WA", "Seattle, WA"),
        ("hybrid, Denvr CO", "Hybrid: Denver, CO"),
    ],
)
def test_misspelt_places_get_a_suggestion(text: str, suggestion: str) -> None:
    with pytest.raises(PlaceError) as caught:
        read_location(text)
    assert caught.value.suggestion == suggestion
    assert f"Did you mean {suggestion}?" in caught.value.message
    assert suggest_location(text) == suggestion
    # The suggestion itself reads as a place.
    assert read_location(suggestion).city


@pytest.mark.parametrize("text", ["the moon", "asdfgh", "Mordor", "Zorblax, CO", "99999"])
def test_non_places_are_refused_with_an_example(text: str) -> None:
    with pytest.raises(PlaceError) as caught:
        read_location(text)
    assert caught.value.field == "location"
    assert "Denver, CO" in caught.value.message or "like" in caught.value.message


def test_a_city_in_several_states_asks_which() -> None:
    with pytest.raises(PlaceError) as caught:
        read_location("Springfield")
    assert "Springfield, IL" in caught.value.message
    assert "Springfield, MO" in caught.value.message


def test_zip_codes_map_to_their_city() -> None:
    found = place_for_zip("10001")
    assert found is not None and (found.city, found.region) == ("New York", "NY")
    assert place_for_zip("00000") is None
    assert place_for_zip("not a zip") is None


@pytest.mark.parametrize(
    ("sentence", "places"),
    [
        ("electrician pay nyc", ["New York, NY, US"]),
        ("RN pay in austin vs dallas", ["Austin, TX, US", "Dallas, TX, US"]),
        ("what do nurses earn in boise, id?", ["Boise, ID, US"]),
        ("pay for 80202", ["Denver, CO, US"]),
        ("welders in Colorado or Ontario", ["CO, US", "ON, CA"]),
        ("new york city vs san francisco", ["New York, NY, US", "San Francisco, CA, US"]),
        ("pay in Mobile, AL", ["Mobile, AL, US"]),
        ("is the job remote?", []),
        ("what does a mobile developer earn in or around la jolla", []),
        ("what should I pay in the moon", []),
    ],
)
def test_places_inside_a_sentence(sentence: str, places: list[str]) -> None:
    found = find_places(sentence)
    assert [place.text for place in found] == places
    for place in found:
        assert sentence[place.start : place.end] == place.typed


def test_canonical_text_reads_back() -> None:
    for text in ["Denver CO", "NYC", "Remote (US)", "Hybrid – Seattle", "Toronto, ON, Canada"]:
        location = read_location(text)
        assert read_location(location_text(location)) == location


@settings(max_examples=150, deadline=None)
@given(st.text(max_size=60))
def test_never_crashes(text: str) -> None:
    try:
        location = read_location(text)
    except ParseError as error:
        assert error.field == "location" and error.message
    else:
        assert isinstance(location, Location)
    find_places(text)
