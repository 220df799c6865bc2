"""The places a question names, read by the dialogue's own place parser (bot.posting.locate).

A thin adapter: `find_places` gives the places and their character spans; here each becomes a
`Place` over the question's words, with its OEWS area (`bot.catalog.resolve_area` reads the
canonical text the parser writes). When a city's name alone is also the name of other sizeable
US cities ("Portland"), the place says which one it took and how to ask for another: the parser
takes the largest city without saying so, so this asks its gazetteer for the others.
"""

from __future__ import annotations

from bot.catalog import resolve_area
from bot.faq.model import Place
from bot.faq.wording import render
from bot.posting.locate import FoundPlace, find_places, location_text
from bot.posting.model import Location
from bot.posting.places import COUNTRY_NAMES, US_STATES

OTHER_CITY_MIN = 50_000  # people: a smaller city of the same name is not what people mean


def _others(found: FoundPlace) -> list[str]:
    """Other sizeable US cities with the name typed ("Portland, ME" for "Portland")."""
    from bot.posting.locate import _fold, _gazetteer

    location = found.location
    if not location.city or location.country != "US" or "," in found.typed:
        return []
    words = _fold(found.typed).split()
    if len(words) > 1 and words[-1].upper() == location.region:
        return []  # "portland or": the state was typed
    cities = _gazetteer().by_name.get(_fold(found.typed), ())
    return [
        f"{c.name}, {c.region}"
        for c in cities
        if c.country == "US" and c.region != location.region and c.population >= OTHER_CITY_MIN
    ][:2]


def _with_state_after(found: FoundPlace, raw: list[str], end: int) -> Location | None:
    """'springfield il': the parser takes a lower-case state code after a city only after a
    comma, so the city it read (the largest Springfield) is put right here."""
    from bot.posting.locate import _fold, _gazetteer

    if not found.location.city or end >= len(raw):
        return None
    code = raw[end].upper()
    if len(code) != 2 or code not in US_STATES or code == found.location.region:
        return None
    cities = _gazetteer().by_name.get(_fold(found.typed), ())
    for city in cities:
        if city.country == "US" and city.region == code:
            return Location(city=city.name, region=code, country="US")
    return None


def places_in(question: str, raw: list[str]) -> list[tuple[Place, int, int]]:
    """Each place in the question with the span of `raw` (its words) it covers."""
    from bot.faq.understand import split_words

    lowered = [w.lower() for w in raw]
    out: list[tuple[Place, int, int]] = []
    cursor = 0
    for found in find_places(question):
        words = [w.lower() for w in split_words(found.typed)]
        if not words:
            continue
        start = next(
            (
                i
                for i in range(cursor, len(lowered) - len(words) + 1)
                if lowered[i : i + len(words)] == words
            ),
            None,
        )
        if start is None:
            continue
        end = start + len(words)
        cursor = end
        location = _with_state_after(found, raw, end) or found.location
        if location is not found.location:
            end += 1  # the state code is part of the place
            cursor = end
        text = location_text(location)
        if not location.city and location.country == "US" and location.region in US_STATES:
            text = US_STATES[location.region]  # "LA" alone would read as Los Angeles
        if location.country and location.country != "US":
            # The catalogue's area reader knows countries by name ("London, United Kingdom").
            text = f"{found.typed}, {COUNTRY_NAMES.get(location.country, location.country)}"
        area = resolve_area(text)
        others = [] if location is not found.location else _others(found)
        note = ""
        if others:
            took = f"{found.location.city}, {found.location.region}"
            note = render("place_note", typed=found.typed, took=took, others=others)
        out.append((Place(typed=found.typed, area=area, note=note), start, end))
    return out
