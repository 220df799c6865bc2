"""From what people write for a place ("Denver, CO", "NYC", "Remote") to a BLS OEWS area.

OEWS publishes estimates for the nation, each state (plus DC, Guam, Puerto Rico and the Virgin
Islands) and each metropolitan or nonmetropolitan area. `resolve_area` picks the most specific of
these the text names and lists the fallbacks to try when an occupation has no estimate there:
metro area, then state, then the nation. Places outside the US resolve to the nation with a note
that BLS data covers the United States only.
"""

from __future__ import annotations

import json
import re
import unicodedata
from dataclasses import dataclass
from functools import cache
from itertools import pairwise
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict
from rapidfuzz import fuzz, process

NATIONAL = "0000000"
NATIONAL_NAME = "United States"
AreaType = Literal["metro", "state", "national"]

# Places inside a metro area whose OEWS name does not mention them: place -> (city, state).
_INSIDE_METROS: dict[str, tuple[str, str]] = {
    "brooklyn": ("new york", "NY"),
    "manhattan": ("new york", "NY"),
    "queens": ("new york", "NY"),
    "bronx": ("new york", "NY"),
    "the bronx": ("new york", "NY"),
    "staten island": ("new york", "NY"),
    "long island": ("new york", "NY"),
    "hoboken": ("new york", "NJ"),
    "silicon valley": ("san jose", "CA"),
    "palo alto": ("san jose", "CA"),
    "mountain view": ("san jose", "CA"),
    "cupertino": ("san jose", "CA"),
    "menlo park": ("san francisco", "CA"),
    "redwood city": ("san francisco", "CA"),
    "berkeley": ("san francisco", "CA"),
    "san mateo": ("san francisco", "CA"),
    "santa monica": ("los angeles", "CA"),
    "burbank": ("los angeles", "CA"),
    "irvine": ("los angeles", "CA"),
    "redmond": ("seattle", "WA"),
    "kirkland": ("seattle", "WA"),
    "plano": ("dallas", "TX"),
    "irving": ("dallas", "TX"),
    "frisco": ("dallas", "TX"),
    "dfw": ("dallas", "TX"),
    "scottsdale": ("phoenix", "AZ"),
    "tempe": ("phoenix", "AZ"),
    "twin cities": ("minneapolis", "MN"),
    "research triangle": ("raleigh", "NC"),
    "evanston": ("chicago", "IL"),
    "chicagoland": ("chicago", "IL"),
    "bethesda": ("washington", "DC"),
    "rockville": ("washington", "DC"),
    "silver spring": ("washington", "DC"),
    "reston": ("washington", "DC"),
    "mclean": ("washington", "DC"),
    "tysons": ("washington", "DC"),
    "miami beach": ("miami", "FL"),
    "honolulu": ("urban honolulu", "HI"),
}

_REMOTE = re.compile(
    r"\b(remote|remotely|hybrid|on[- ]?site|wfh|work from home|telecommute|anywhere|nationwide|"
    r"distributed|virtual|home[- ]based|fully)\b",
    re.IGNORECASE,
)
_US_WORDS = {
    "us",
    "usa",
    "u s",
    "u s a",
    "united states",
    "united states of america",
    "america",
    "national",
    "nationally",
}
_ZIP = re.compile(r"\b\d{5}(?:-\d{4})?\b")
_NOISE_WORDS = re.compile(r"\b(greater|metro|metropolitan|area|region|downtown|city of)\b")
_SPACES = re.compile(r"\s+")


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode("ascii").lower()
    text = text.replace(".", " ").replace("'", "")
    text = re.sub(r"\bsaint\b", "st", text)
    text = re.sub(r"\bft\b", "fort", text)
    return _SPACES.sub(" ", re.sub(r"[^a-z0-9,/ -]", " ", text)).strip()


class AreaMatch(BaseModel):
    """The OEWS area a location names, with the fallbacks to try for pay."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    query: str
    area_code: str
    area_name: str
    area_type: AreaType
    state: str | None = None  # postal code of the state, when one is known
    us: bool = True
    country: str | None = "US"
    understood: bool = True  # False when the text could not be placed
    note: str | None = None
    fallbacks: list[str] = []  # area codes to try in order, this one first


@dataclass(frozen=True)
class _Metro:
    code: str
    name: str
    states: tuple[str, ...]
    primary_state: str
    cities: tuple[str, ...]
    employment: int


@dataclass(frozen=True)
class Areas:
    """OEWS areas by code, with lookup tables."""

    names: dict[str, str]
    kinds: dict[str, str]
    state_area: dict[str, str]  # postal code -> state area code
    state_of_area: dict[str, str]  # area code -> postal code of its (first) state
    metros: tuple[_Metro, ...]

    def name(self, code: str) -> str:
        return NATIONAL_NAME if code == NATIONAL else self.names.get(code, code)


def _metro_cities(name: str) -> tuple[str, ...]:
    head = name.rsplit(",", 1)[0]
    parts = [p for p in re.split(r"[-/]+", head) if p.strip()]
    folded = [_fold(p) for p in parts]
    joined = [f"{a} {b}" for a, b in pairwise(folded)]
    return tuple(folded + joined)


@cache
def load_areas(pay_json: Path) -> Areas:
    data = json.loads(pay_json.read_text(encoding="utf-8"))
    raw = data["areas"]
    places = _places()
    postal_by_name = {name.lower(): code for code, name in places.us_states.items()}
    fips_to_postal: dict[str, str] = {}
    state_area: dict[str, str] = {}
    for code, area in raw.items():
        if area["type"] == "S":
            postal = postal_by_name.get(area["name"].lower())
            if postal:
                fips_to_postal[area["state"]] = postal
                state_area[postal] = code
    metros = []
    state_of_area: dict[str, str] = {}
    for code, area in sorted(raw.items()):
        postal = fips_to_postal.get(area["state"])
        if postal:
            state_of_area[code] = postal
        if area["type"] != "M" or "nonmetropolitan" in area["name"]:
            continue
        tail = area["name"].rsplit(",", 1)[-1].strip()
        states = tuple(s for s in tail.split("-") if s in places.us_states)
        metros.append(
            _Metro(
                code=code,
                name=area["name"],
                states=states or ((postal,) if postal else ()),
                primary_state=postal or (states[0] if states else ""),
                cities=_metro_cities(area["name"]),
                employment=int(area.get("employment", 0)),
            )
        )
    return Areas(
        names={code: area["name"] for code, area in raw.items()},
        kinds={code: area["type"] for code, area in raw.items()},
        state_area=state_area,
        state_of_area=state_of_area,
        metros=tuple(metros),
    )


@dataclass(frozen=True)
class _Places:
    """Place names from bot.posting.places, imported on first use (it is not a light import)."""

    us_states: dict[str, str]  # postal code -> name
    state_names: dict[str, str]  # lower-case name -> postal code
    provinces: dict[str, str]  # Canadian postal code -> name
    province_names: dict[str, str]
    country_words: dict[str, str]  # written-out country name -> ISO code
    country_names: dict[str, str]
    nicknames: dict[str, tuple[str, str, str]]
    well_known: dict[str, tuple[str, str]]


@cache
def _places() -> _Places:
    from bot.posting import places

    state_names = {name.lower(): code for code, name in places.US_STATES.items()}
    return _Places(
        us_states=dict(places.US_STATES),
        state_names=state_names,
        provinces=dict(places.CA_PROVINCES),
        province_names={name.lower(): code for code, name in places.CA_PROVINCES.items()},
        # Two-letter country codes are read as US states first ("CA" is California).
        country_words={
            name: code
            for name, code in places.COUNTRIES.items()
            if len(name.replace(".", "")) > 2
            and code not in ("US", "ANY")
            and name not in state_names
        },
        country_names=dict(places.COUNTRY_NAMES),
        nicknames=dict(places.CITY_NICKNAMES),
        well_known=dict(places.WELL_KNOWN_CITIES),
    )


def _split_state(text: str) -> tuple[str, str | None]:
    """('denver', 'CO') from 'denver, co', 'denver co', 'denver colorado'."""
    places = _places()
    parts = [p.strip() for p in text.split(",") if p.strip()]
    if not parts:
        return "", None
    last = parts[-1]
    rest = ", ".join(parts[:-1])
    if last.upper() in places.us_states and (rest or len(parts) == 1):
        return rest, last.upper()
    if last in places.state_names:
        return rest, places.state_names[last]
    if len(parts) == 1:
        words = last.split()
        for size in (3, 2, 1):
            if len(words) > size:
                tail = " ".join(words[-size:])
                if tail in places.state_names:
                    return " ".join(words[:-size]), places.state_names[tail]
                if size == 1 and tail.upper() in places.us_states:
                    return " ".join(words[:-1]), tail.upper()
    return text.strip(" ,"), None


def _non_us(folded: str) -> tuple[str, str] | None:
    """(country code, country name) when the text names a place outside the US."""
    places = _places()
    parts = [p.strip() for p in folded.split(",") if p.strip()]
    for part in reversed(parts):
        if part in places.country_words:
            code = places.country_words[part]
            return code, places.country_names.get(code, part.title())
        if part in places.province_names or (part.upper() in places.provinces and len(parts) > 1):
            return "CA", "Canada"
    for phrase, code in places.country_words.items():
        if re.search(rf"\b{re.escape(phrase)}\b", folded):
            return code, places.country_names.get(code, phrase.title())
    city = parts[0] if parts else ""
    if city in places.well_known and len(parts) == 1:
        _, country = places.well_known[city]
        if country != "US":
            return country, places.country_names.get(country, country)
    return None


def _find_metros(areas: Areas, city: str, state: str | None) -> list[_Metro]:
    candidates = [m for m in areas.metros if state is None or state in m.states]
    exact = [m for m in candidates if city in m.cities]
    if exact:
        return sorted(exact, key=lambda m: (-m.employment, m.code))
    pattern = re.compile(rf"\b{re.escape(city)}\b")
    partial = [m for m in candidates if any(pattern.search(c) for c in m.cities)]
    return sorted(partial, key=lambda m: (-m.employment, m.code))


def _fuzzy_metro(areas: Areas, city: str, state: str | None) -> _Metro | None:
    if len(city) < 4:
        return None
    candidates = [m for m in areas.metros if state is None or state in m.states]
    choices = {(i, c): c for i, m in enumerate(candidates) for c in m.cities}
    found = process.extractOne(city, choices, scorer=fuzz.ratio, score_cutoff=85)
    if not found:
        return None
    index, _city = found[2]
    return candidates[index]


def _chain(areas: Areas, first: str, state: str | None) -> list[str]:
    chain = [first]
    if state and state in areas.state_area and areas.state_area[state] not in chain:
        chain.append(areas.state_area[state])
    if NATIONAL not in chain:
        chain.append(NATIONAL)
    return chain


def resolve_area_in(areas: Areas, location_text: str | None) -> AreaMatch:
    """The OEWS area for a location (see `resolve_area`)."""
    query = (location_text or "").strip()[:200]
    places = _places()

    def national(
        note: str | None, *, understood: bool = True, us: bool = True, country: str | None = "US"
    ) -> AreaMatch:
        return AreaMatch(
            query=query,
            area_code=NATIONAL,
            area_name=NATIONAL_NAME,
            area_type="national",
            us=us,
            country=country,
            understood=understood,
            note=note,
            fallbacks=[NATIONAL],
        )

    def state_match(state: str, note: str | None = None) -> AreaMatch:
        code = areas.state_area[state]
        return AreaMatch(
            query=query,
            area_code=code,
            area_name=areas.name(code),
            area_type="state",
            state=state,
            note=note,
            fallbacks=_chain(areas, code, state),
        )

    if not query:
        return national(None)
    zip_place = _zip_place(query)
    if zip_place is not None:
        # A ZIP code stands for its city and state (the USPS list of the zipcodes package).
        found = resolve_area_in(areas, zip_place)
        return found.model_copy(update={"query": query})
    folded = _fold(query)
    remote = bool(_REMOTE.search(folded))
    place = _fold(_REMOTE.sub(" ", folded))
    place = place.strip(" ,-/()")
    zip_code = _ZIP.search(place)
    place = _ZIP.sub(" ", place).strip(" ,")
    place = re.sub(r"^the\s+", "", place)
    # A nickname such as "bay area" keeps its words; elsewhere "greater", "metro", "area"… go.
    if place not in places.nicknames:
        place = _SPACES.sub(" ", _NOISE_WORDS.sub(" ", place)).strip(" ,")
    place = re.sub(r"\s*,\s*", ", ", place).strip(" ,")
    if not place or place in _US_WORDS:
        if remote:
            return AreaMatch(
                query=query,
                area_code=NATIONAL,
                area_name=NATIONAL_NAME,
                area_type="national",
                note="Remote: national figures.",
                fallbacks=[NATIONAL],
            )
        if zip_code:
            return national(
                "ZIP codes are not mapped to areas; write the city and state.", understood=False
            )
        return national(None)
    # "…, USA" at the end says nothing more.
    place = re.sub(r",?\s*\b(usa|us|united states|united states of america)$", "", place).strip()

    foreign = _non_us(place)
    if foreign is not None:
        code, country = foreign
        return national(
            f"BLS OEWS covers the United States only; {query} is in {country}, so these are "
            "US national figures, for reference only.",
            us=False,
            country=code,
        )

    if place in places.nicknames:
        city, region, _country = places.nicknames[place]
        place = f"{_fold(city)}, {region.lower()}"
    if place in ("new york", "new york ny"):
        place = "new york, ny"  # the city, not the state, is what people mean
    city, state = _split_state(place)
    city = city.replace("-", " ").strip()
    if city in ("washington dc", "dc", "washington d c") and state is None:
        city, state = "washington", "DC"
    if city in places.nicknames:
        nick_city, region, _country = places.nicknames[city]
        city, state = _fold(nick_city), state or region
    if city in _INSIDE_METROS:
        inner_city, inner_state = _INSIDE_METROS[city]
        if state is None or state == inner_state or inner_state == "DC":
            city, state = inner_city, state or inner_state
    if state == "DC" and city in ("", "washington", "district of columbia"):
        city = "washington"

    if not city:
        if state and state in areas.state_area:
            return state_match(state)
        return national(f"Could not place '{query}'; showing national figures.", understood=False)

    if state is None and city in places.well_known:
        state = places.well_known[city][0] or None
    metros = _find_metros(areas, city, state)
    note = None
    if not metros:
        fuzzy = _fuzzy_metro(areas, city, state)
        metros = [fuzzy] if fuzzy else []
    if metros:
        metro = metros[0]
        if len(metros) > 1 and state is None:
            others = ", ".join(m.name for m in metros[1:3])
            note = f"Several metro areas match '{city}'; chose the largest (others: {others})."
        chosen_state = state if state in metro.states else metro.primary_state
        return AreaMatch(
            query=query,
            area_code=metro.code,
            area_name=metro.name,
            area_type="metro",
            state=chosen_state or None,
            note=note,
            fallbacks=_chain(areas, metro.code, chosen_state),
        )
    if state and state in areas.state_area:
        name = areas.name(areas.state_area[state])
        return state_match(
            state, f"BLS OEWS has no metro area named '{city.title()}'; showing {name}."
        )
    if city in places.state_names or city.upper() in places.us_states:
        postal = places.state_names.get(city) or city.upper()
        if postal in areas.state_area:
            return state_match(postal)
    return national(
        f"Could not place '{query}' in a US state or metro area; showing national figures."
        + _did_you_mean(query),
        understood=False,
    )


def _zip_place(query: str) -> str | None:
    """'80202' (or 'Denver 80202') -> 'Denver, CO' when the text is only a place and a ZIP."""
    match = _ZIP.search(query)
    if match is None or _REMOTE.search(query):
        return None
    from bot.posting.locate import place_for_zip

    found = place_for_zip(match.group(0)[:5])
    return f"{found.city}, {found.region}" if found else None


def _did_you_mean(query: str) -> str:
    """' Did you mean Denver, CO?' from the place parser, for a misspelt place."""
    from bot.posting.locate import suggest_location

    suggestion = suggest_location(query)
    return f" Did you mean {suggestion}?" if suggestion else ""
