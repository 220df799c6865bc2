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
from bot.posting.places import COUNTRY_NAMES

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
        location = found.location
        text = location_text(location)
        if location.country and location.country != "US":
            # The catalogue's area reader knows countries by name ("London, United Kingdom").
            text = f"{found.typed}, {COUNTRY_NAMES.get(location.country, location.country)}"
        area = resolve_area(text)
        others = _others(found)
        note = ""
        if others:
            took = f"{found.location.city}, {found.location.region}"
            note = render("place_note", typed=found.typed, took=took, others=others)
        out.append((Place(typed=found.typed, area=area, note=note), start, end))
    return out
