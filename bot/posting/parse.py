"""Parsers for what hiring managers type: pay, places, dates, job types and lists.

Each parser returns a value or raises ParseError with a sentence naming the field; none of them
lets another exception escape, whatever the input (the property tests hold them to that).
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
import unicodedata

from pydantic import ValidationError

from bot.posting.characters import clean_text
from bot.posting.model import EmploymentType, Location, Pay, PayPeriod, Workplace
from bot.posting.places import (
    CA_PROVINCES,
    CITY_NICKNAMES,
    COUNTRIES,
    CURRENCY_SIGNS,
    ISO_4217,
    US_STATES,
    WELL_KNOWN_CITIES,
)
from bot.text import field_label, say

MAX_INPUT = 2000


class ParseError(ValueError):
    """An answer that could not be understood; `message` is what to tell the manager."""

    def __init__(self, field: str, message: str) -> None:
        self.field = field
        self.message = f"{field_label(field)}: {message}"
        super().__init__(self.message)


def _clean(text: object, field: str) -> str:
    if not isinstance(text, str):
        raise ParseError(field, say("errors.not_text"))
    text = unicodedata.normalize("NFKC", text)
    text = clean_text(text)
    text = " ".join(text.split())
    if not text:
        raise ParseError(field, say("errors.empty"))
    if len(text) > MAX_INPUT:
        raise ParseError(field, say("errors.too_long", limit=MAX_INPUT))
    return text


# ----------------------------------------------------------------------------------------- pay

_VAGUE_PAY = re.compile(
    r"\b(competitive|doe|d\.o\.e|negotiable|tbd|tba|depend\w*|commensurate|market rate"
    r"|attractive)\b"
)


def _period_pattern(short: str, words: str) -> re.Pattern[str]:
    """'/hr', 'per hour', 'an hour', 'hourly'... for one period."""
    return re.compile(rf"/\s*({short})\b|\b(per|an?)\s+({words})\b|\b({words})\b")


_PERIODS: list[tuple[re.Pattern[str], PayPeriod]] = [
    (_period_pattern("h|hr|hrs|hour", "hour|hourly|hrs?|ph"), "hour"),
    (_period_pattern("d|day", "day|daily"), "day"),
    (_period_pattern("w|wk|week", "week|weekly"), "week"),
    (_period_pattern("m|mo|mth|month", "month|monthly"), "month"),
    (_period_pattern("y|yr|year|annum", r"year|yearly|annum|annual\w*|p\.?a\.?|salary"), "year"),
]
_AMOUNT = re.compile(r"(?<![\w.])(\d{1,3}(?:,\d{3})+|\d+)(?:\.(\d+))?\s*(k|m)?(?![a-z])", re.I)
_FROM = re.compile(r"\b(from|starting( at)?|at least|min(imum)?|over)\b|\+")
_UP_TO = re.compile(r"\b(up to|upto|max(imum)?|under|no more than|less than)\b")


def _currency(text: str, default: str) -> str:
    found: list[str] = []
    for word in re.findall(r"\b[A-Za-z]{3}\b", text):
        if word.upper() in ISO_4217 and word.upper() not in ("PER", "DAY", "AND", "HRS"):
            found.append(word.upper())
    # Longest signs first, each taken out once found, so "C$" is not read as "$" as well.
    rest = text
    for sign, code in CURRENCY_SIGNS:
        if sign in rest:
            found.append(code)
            rest = rest.replace(sign, " ")
    codes = list(dict.fromkeys(found))
    if len(codes) > 1 and not (set(codes) == {"USD", "CAD"} and "C$" in text):
        raise ValueError(say("pay.two_currencies", codes=", ".join(codes)))
    if "C$" in text or "CA$" in text:
        return "CAD"
    return codes[0] if codes else default


_PAY_NOTE = re.compile(
    r"\s*[,;]?\s*((?:plus|\+|with|and)\s+.*?\b(?:tips?|gratuit\w*|commissions?|bonus\w*|"
    r"differentials?|overtime|stipends?|incentives?|mileage|per diem|nights?|weekends?|"
    r"shifts?|on-call)\b.*)$",
    re.I,
)


def split_pay_note(text: str) -> tuple[str, str]:
    """'$15-18/hr plus tips' -> ('$15-18/hr', 'plus tips'): what the manager said about tips,
    commission or bonus stays with the pay instead of being dropped."""
    match = _PAY_NOTE.search(text)
    if match is None:
        return text, ""
    note = re.sub(r"^\+\s*", "plus ", " ".join(match.group(1).split()))
    return text[: match.start()].strip(), note


def parse_pay(text: object, default_currency: str = "USD") -> Pay:
    """'55k-65k', '$55,000 – $65,000 a year', '28/hr', 'C$60,000', '60000-70000 USD/year'."""
    raw = _clean(text, "pay")
    lowered = raw.lower()
    try:
        currency = _currency(raw, default_currency)
    except ValueError as exc:
        raise ParseError("pay", str(exc)) from None
    amounts: list[float] = []
    multipliers: list[str] = []
    for whole, fraction, multiplier in _AMOUNT.findall(raw):
        value = float(whole.replace(",", "") + (f".{fraction}" if fraction else ""))
        amounts.append(value)
        multipliers.append(multiplier.lower())
    if not amounts:
        if _VAGUE_PAY.search(lowered):
            raise ParseError("pay", say("pay.vague", text=raw[:80]))
        raise ParseError("pay", say("pay.no_amount", text=raw[:80]))
    if len(amounts) > 2:
        raise ParseError("pay", say("pay.too_many_amounts", text=raw[:80]))
    # "55-65k": the k on the last figure covers the first as well.
    if len(amounts) == 2 and multipliers[1] and not multipliers[0] and amounts[0] < 1000:
        multipliers[0] = multipliers[1]
    scaled = [
        amount * {"k": 1_000, "m": 1_000_000}.get(mult, 1)
        for amount, mult in zip(amounts, multipliers, strict=True)
    ]
    period: PayPeriod | None = None
    for pattern, name in _PERIODS:
        if pattern.search(lowered):
            period = name
            break
    if period is None:
        period = "hour" if max(scaled) < 300 else "year"
    minimum: float | None
    maximum: float | None
    if len(scaled) == 2:
        minimum, maximum = scaled
    elif _UP_TO.search(lowered):
        minimum, maximum = None, scaled[0]
    elif _FROM.search(lowered):
        minimum, maximum = scaled[0], None
    else:
        minimum = maximum = scaled[0]
    try:
        return Pay(minimum=minimum, maximum=maximum, currency=currency, period=period)
    except ValidationError as exc:
        reason = exc.errors()[0]["msg"].removeprefix("Value error, ")
        raise ParseError("pay", reason) from None


# ------------------------------------------------------------------------------------ location

_WORKPLACE_WORDS: list[tuple[re.Pattern[str], Workplace]] = [
    (
        re.compile(r"\b(fully\s+)?remote(\s*-?\s*first)?\b|\bwork from home\b|\bwfh\b", re.I),
        Workplace.REMOTE,
    ),
    (re.compile(r"\bhybrid\b", re.I), Workplace.HYBRID),
    (
        re.compile(r"\bon[\s-]?site\b|\bin[\s-](office|person)\b|\bon[\s-]premises\b", re.I),
        Workplace.ON_SITE,
    ),
]
_STATE_BY_NAME = {name.lower(): code for code, name in US_STATES.items()}
_PROVINCE_BY_NAME = {name.lower(): code for code, name in CA_PROVINCES.items()}


def parse_workplace(text: object) -> Workplace:
    raw = _clean(text, "workplace")
    for pattern, workplace in _WORKPLACE_WORDS:
        if pattern.search(raw):
            return workplace
    if re.search(r"\b(office|onsite|site)\b", raw, re.I):
        return Workplace.ON_SITE
    raise ParseError("workplace", say("errors.workplace", text=raw[:60]))


def _region(part: str, country: str = "") -> tuple[str, str] | None:
    """A state or province (code or name) -> (code, country)."""
    key = part.strip(" .").lower()
    if country in ("", "US"):
        if key.upper() in US_STATES and (len(key) == 2):
            return key.upper(), "US"
        if key in _STATE_BY_NAME:
            return _STATE_BY_NAME[key], "US"
    if country in ("", "CA"):
        if key.upper() in CA_PROVINCES and len(key) == 2:
            return key.upper(), "CA"
        if key in _PROVINCE_BY_NAME:
            return _PROVINCE_BY_NAME[key], "CA"
    return None


def _country(part: str) -> str | None:
    key = part.strip(" .").lower()
    if key in COUNTRIES:
        return COUNTRIES[key]
    return None


# Region names that contain a word the list of regions is split on ("Newfoundland and Labrador").
_JOINED_NAMES = [
    (re.compile(r"\s+(?:and|&)\s+".join(map(re.escape, name.split(" and "))), re.I), code)
    for names in (US_STATES, CA_PROVINCES)
    for code, name in names.items()
    if " and " in name
]


def _open_to(text: str) -> list[str]:
    """'US, Canada' -> ['US', 'CA']; 'Colorado' -> ['US-CO']."""
    codes: list[str] = []
    for pattern, code in _JOINED_NAMES:
        text = pattern.sub(code, text)
    for part in re.split(r",|/|;|\bor\b|\band\b|&", text):
        part = part.strip(" .-()").removesuffix(" only").strip()
        part = re.sub(r"^(in|within|from|anywhere in)\s+", "", part, flags=re.I)
        if not part:
            continue
        country = _country(part)
        if country and not (len(part) == 2 and part.upper() in US_STATES and part.isupper()):
            codes.append(country)
            continue
        region = _region(part)
        if region:
            codes.append(f"{region[1]}-{region[0]}")
            continue
        raise ValueError(part)
    return list(dict.fromkeys(codes))


def parse_location(text: object, workplace: Workplace | None = None) -> Location:
    """'Denver, CO', 'Remote (US)', 'Toronto, ON, Canada', 'Hybrid - NYC', 'Colorado'."""
    raw = _clean(text, "location")
    found = workplace
    rest = raw
    for pattern, kind in _WORKPLACE_WORDS:
        if pattern.search(rest):
            found = found or kind
            rest = pattern.sub(" ", rest)
    rest = re.sub(r"^[\s:,\-–—|]+|[\s:,\-–—|]+$", "", " ".join(rest.split()))
    kind = found or Workplace.ON_SITE
    if kind is Workplace.REMOTE:
        inner = rest
        based = ""
        match = re.search(r"\(([^)]*)\)", rest)
        if match:
            inner = match.group(1)
            based = (rest[: match.start()] + rest[match.end() :]).strip(" ,-–—")
            based = re.sub(r"^based\s+in\s+", "", based, flags=re.I)
        try:
            regions = _open_to(inner) if inner else []
        except ValueError as exc:
            raise ParseError("location", say("errors.remote_region", part=str(exc)[:60])) from None
        place = _place(based) if based else Location(workplace=Workplace.REMOTE)
        country = place.country or (regions[0].split("-")[0] if len(regions) == 1 else "")
        try:
            return Location(
                city=place.city,
                region=place.region,
                country=country if country not in ("ANY", "EU") else "",
                workplace=Workplace.REMOTE,
                remote_regions=[code for code in regions if code != "ANY"],
            )
        except ValidationError as exc:
            reason = exc.errors()[0]["msg"].removeprefix("Value error, ")
            raise ParseError("location", reason) from None
    if not rest:
        raise ParseError("location", say("errors.location_needs_place"))
    place = _place(rest)
    return place.model_copy(update={"workplace": kind})


def _place(text: str) -> Location:
    text = re.sub(r"\s*\((?:[^)]*)\)\s*", " ", text).strip()
    parts = [part.strip() for part in text.split(",") if part.strip()]
    if not parts:
        raise ParseError("location", say("errors.location_needs_place"))
    if len(parts) > 4:
        raise ParseError("location", say("errors.location_format", text=text[:60]))
    country = ""
    # "Los Angeles, CA" is California: a two-letter state code after a city is a state, not a
    # country; only "Toronto, ON, CA" (three parts) reads CA as Canada.
    last = parts[-1].strip(" .")
    state_code = len(last) == 2 and last.upper() in US_STATES and len(parts) == 2
    if (
        len(parts) > 1
        and not state_code
        and (code := _country(parts[-1]))
        and code not in ("ANY", "EU")
    ):
        country = code
        parts.pop()
    region = ""
    if len(parts) > 1 and (found := _region(parts[-1], country)):
        region, country = found[0], country or found[1]
        parts.pop()
    city = ", ".join(parts)
    key = city.lower().strip(" .")
    if not region and key in CITY_NICKNAMES:
        city, region, country = CITY_NICKNAMES[key]
    elif not region and not country and (found := _region(city)):
        region, country = found
        city = ""
    elif not region and not country and (code := _country(city)):
        raise ParseError("location", say("errors.location_country_only", country=city))
    elif not region and key in WELL_KNOWN_CITIES:
        region, known_country = WELL_KNOWN_CITIES[key]
        country = country or known_country
        city = city.title() if city.islower() else city
    if len(city) > 100:
        raise ParseError("location", say("errors.too_long", limit=100))
    return Location(city=city, region=region, country=country)


# ---------------------------------------------------------------------------------------- dates

_MONTHS = {name.lower(): index for index, name in enumerate(calendar.month_name) if name}
_MONTHS.update({name.lower(): index for index, name in enumerate(calendar.month_abbr) if name})
_MONTHS["sept"] = 9
_WEEKDAYS = {name.lower(): index for index, name in enumerate(calendar.day_name)}
_RELATIVE = re.compile(r"^in\s+(\d{1,4}|a|an|one|two|three|four|six)\s+(day|week|month)s?$")
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "six": 6}


def _next_on_or_after(today: dt.date, month: int, day: int) -> dt.date:
    for year in (today.year, today.year + 1, today.year + 2):
        try:
            candidate = dt.date(year, month, day)
        except ValueError:
            continue
        if candidate >= today:
            return candidate
    raise ValueError("no such day")


def parse_date(text: object, today: dt.date | None = None, field: str = "closing_date") -> dt.date:
    """'Jan 31', '2027-01-31', 'in 30 days', 'January 31, 2027', '1/31/2027', 'tomorrow'."""
    raw = _clean(text, field)
    today = today or dt.date.today()
    key = raw.lower().strip(" .").replace(",", " ")
    key = re.sub(r"(\d)(st|nd|rd|th)\b", r"\1", " ".join(key.split()))
    try:
        if key == "today":
            return today
        if key == "tomorrow":
            return today + dt.timedelta(days=1)
        if key.startswith("next ") and key[5:] in _WEEKDAYS:
            ahead = (_WEEKDAYS[key[5:]] - today.weekday() - 1) % 7 + 1
            return today + dt.timedelta(days=ahead)
        if key in _WEEKDAYS:
            ahead = (_WEEKDAYS[key] - today.weekday() - 1) % 7 + 1
            return today + dt.timedelta(days=ahead)
        if match := _RELATIVE.match(key):
            count = _NUMBERS.get(match.group(1)) or int(match.group(1))
            unit = match.group(2)
            if unit == "day":
                return today + dt.timedelta(days=count)
            if unit == "week":
                return today + dt.timedelta(weeks=count)
            month_index = today.month - 1 + count
            to_year, to_month = today.year + month_index // 12, month_index % 12 + 1
            last_day = calendar.monthrange(to_year, to_month)[1]
            return dt.date(to_year, to_month, min(today.day, last_day))
        if match := re.fullmatch(r"(\d{4})-(\d{1,2})-(\d{1,2})", key):
            return dt.date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
        if match := re.fullmatch(r"(\d{1,2})/(\d{1,2})(?:/(\d{2}|\d{4}))?", key):
            numeric_month, numeric_day = int(match.group(1)), int(match.group(2))
            if match.group(3):
                short_year = int(match.group(3))
                full_year = short_year + 2000 if short_year < 100 else short_year
                return dt.date(full_year, numeric_month, numeric_day)
            return _next_on_or_after(today, numeric_month, numeric_day)
        words = key.split()
        month: int | None = None
        day: int | None = None
        year: int | None = None
        for word in words:
            if word in _MONTHS and month is None:
                month = _MONTHS[word]
            elif word.isdigit() and len(word) == 4 and year is None:
                year = int(word)
            elif word.isdigit() and len(word) <= 2 and day is None:
                day = int(word)
            else:
                raise ValueError(word)
        if month is not None and day is not None:
            if year is not None:
                return dt.date(year, month, day)
            return _next_on_or_after(today, month, day)
    except (ValueError, OverflowError):
        pass
    raise ParseError(field, say("errors.date", text=raw[:60]))


# ------------------------------------------------------------------------------ employment type

_EMPLOYMENT: list[tuple[re.Pattern[str], EmploymentType]] = [
    (re.compile(r"\bfull[\s_-]*time\b|\bft\b|\bpermanent\b|\bsalaried"), EmploymentType.FULL_TIME),
    (re.compile(r"\bpart[\s_-]*time\b|\bpt\b"), EmploymentType.PART_TIME),
    (re.compile(r"\bcontract\w*|\bfreelance\b|\b1099\b|\bconsult\w*"), EmploymentType.CONTRACTOR),
    (re.compile(r"\btemp(orary)?\b|\bseasonal\b|\bfixed[\s-]term\b"), EmploymentType.TEMPORARY),
    (re.compile(r"\bintern(ship)?\b|\bco-?op\b|\bapprentice\w*"), EmploymentType.INTERN),
    (re.compile(r"\bvolunteer\w*\b|\bunpaid\b"), EmploymentType.VOLUNTEER),
    (re.compile(r"\bper[\s_-]*diem\b|\bprn\b|\bas[\s-]needed\b"), EmploymentType.PER_DIEM),
    (re.compile(r"^other$"), EmploymentType.OTHER),
]


def parse_employment_type(text: object) -> EmploymentType:
    raw = _clean(text, "employment_type")
    key = raw.lower()
    if key.upper() in EmploymentType.__members__:
        return EmploymentType[key.upper()]
    for pattern, kind in _EMPLOYMENT:
        if pattern.search(key):
            return kind
    raise ParseError("employment_type", say("errors.employment_type", text=raw[:60]))


# ----------------------------------------------------------------------------------------- lists

_BULLET = re.compile(r"^\s*(?:[-*•·‣◦]|\d{1,2}[.)])\s+")


def parse_list(text: object, field: str = "responsibilities") -> list[str]:
    """One item a line (bullets and numbers removed), or items separated by semicolons."""
    if not isinstance(text, str):
        raise ParseError(field, say("errors.not_text"))
    lines = [line for line in text.replace("\r", "\n").split("\n") if line.strip()]
    if len(lines) == 1:
        lines = [part for part in lines[0].split(";") if part.strip()]
    items = [" ".join(_BULLET.sub("", line).split()) for line in lines]
    items = [item for item in items if item]
    if not items:
        raise ParseError(field, say("errors.empty"))
    if any(len(item) > 1000 for item in items):
        raise ParseError(field, say("errors.item_too_long", limit=1000))
    if len(items) > 40:
        raise ParseError(field, say("errors.too_many_items", limit=40))
    return items
