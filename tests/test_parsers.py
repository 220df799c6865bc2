"""Parsers for what managers type: the issue's examples, and properties over any input.

Whatever comes in, a parser returns a value or raises ParseError with a sentence naming the
field; no other exception escapes. Where the model can describe a value, parsing that
description gives the value back.
"""

from __future__ import annotations

import calendar
import datetime as dt

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from bot.posting import (
    EmploymentType,
    Location,
    ParseError,
    Pay,
    Workplace,
    parse_date,
    parse_employment_type,
    parse_list,
    parse_location,
    parse_pay,
)
from bot.posting.places import CA_PROVINCES, CITY_NICKNAMES, COUNTRIES, US_STATES
from bot.render.outline import format_date

TODAY = dt.date(2026, 11, 28)
PROPERTY = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

# Text people might type, weighted towards the characters the parsers care about.
typed = st.one_of(
    st.text(max_size=80),
    st.text(alphabet="0123456789$£€kKmM.,-–/ ()+CAUSDhryearwkonthdaypr", max_size=40),
    st.text(alphabet=st.characters(codec="utf-8"), max_size=300),
)


# -------------------------------------------------------------------------------- examples


@pytest.mark.parametrize(
    ("text", "minimum", "maximum", "currency", "period"),
    [
        ("55k-65k", 55_000, 65_000, "USD", "year"),
        ("$55,000 – $65,000 a year", 55_000, 65_000, "USD", "year"),
        ("28/hr", 28, 28, "USD", "hour"),
        ("C$60,000", 60_000, 60_000, "CAD", "year"),
        ("55-65k", 55_000, 65_000, "USD", "year"),
        ("$28-32/hr", 28, 32, "USD", "hour"),
        ("60000-70000 USD/year", 60_000, 70_000, "USD", "year"),
        ("£40,000 per annum", 40_000, 40_000, "GBP", "year"),
        ("from $60,000 a year", 60_000, None, "USD", "year"),
        ("up to $30 an hour", None, 30, "USD", "hour"),
    ],
)
def test_pay_examples(
    text: str, minimum: float | None, maximum: float | None, currency: str, period: str
) -> None:
    assert parse_pay(text) == Pay(
        minimum=minimum, maximum=maximum, currency=currency, period=period
    )


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("competitive", "doesn't say what the job pays"),
        ("DOE", "doesn't say what the job pays"),
        ("lots of money", "couldn't find an amount"),
        ("10 20 30", "more than two amounts"),
        ("65k-55k", "is more than the maximum"),
        ("$0", "more than zero"),
        ("£50,000 or €60,000", "more than one currency"),
        ("   ", "please write something"),
    ],
)
def test_pay_refusals_say_why(text: str, words: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_pay(text)
    assert caught.value.field == "pay"
    assert caught.value.message.startswith("Pay: ")
    assert words in caught.value.message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Denver, CO", Location(city="Denver", region="CO", country="US")),
        ("Remote (US)", Location(workplace=Workplace.REMOTE, country="US", remote_regions=["US"])),
        ("Toronto, ON, Canada", Location(city="Toronto", region="ON", country="CA")),
        (
            "Hybrid - NYC",
            Location(city="New York", region="NY", country="US", workplace=Workplace.HYBRID),
        ),
        (
            "Remote (US, Canada)",
            Location(workplace=Workplace.REMOTE, remote_regions=["US", "CA"]),
        ),
        ("Denver", Location(city="Denver", region="CO", country="US")),
    ],
)
def test_location_examples(text: str, expected: Location) -> None:
    assert parse_location(text) == expected


@pytest.mark.parametrize(
    ("text", "words"),
    [
        ("Canada", "is a whole country"),
        ("Remote (Narnia)", "as a country or state"),
        ("", "please write something"),
    ],
)
def test_location_refusals_say_why(text: str, words: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_location(text)
    assert caught.value.message.startswith("Location: ")
    assert words in caught.value.message


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jan 31", dt.date(2027, 1, 31)),
        ("2027-01-31", dt.date(2027, 1, 31)),
        ("in 30 days", dt.date(2026, 12, 28)),
        ("January 31, 2027", dt.date(2027, 1, 31)),
        ("1/31/2027", dt.date(2027, 1, 31)),
        ("Dec 1st", dt.date(2026, 12, 1)),
        ("tomorrow", dt.date(2026, 11, 29)),
        ("in 2 weeks", dt.date(2026, 12, 12)),
        ("in a month", dt.date(2026, 12, 28)),
        ("next friday", dt.date(2026, 12, 4)),
    ],
)
def test_date_examples(text: str, expected: dt.date) -> None:
    assert parse_date(text, today=TODAY) == expected


@pytest.mark.parametrize("text", ["soon", "Feb 30 2027", "2027-13-01", "31/31", "in 10000 days"])
def test_date_refusals_name_the_field(text: str) -> None:
    with pytest.raises(ParseError) as caught:
        parse_date(text, today=TODAY)
    assert caught.value.field == "closing_date"
    assert caught.value.message.startswith("Closing date: I couldn't read")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("full time", EmploymentType.FULL_TIME),
        ("Part-time", EmploymentType.PART_TIME),
        ("contract", EmploymentType.CONTRACTOR),
        ("FULL_TIME", EmploymentType.FULL_TIME),
        ("summer internship", EmploymentType.INTERN),
    ],
)
def test_employment_type_examples(text: str, expected: EmploymentType) -> None:
    assert parse_employment_type(text) == expected


def test_lists_take_lines_bullets_or_semicolons() -> None:
    assert parse_list("- one\n* two\n3. three") == ["one", "two", "three"]
    assert parse_list("one; two") == ["one", "two"]


# ------------------------------------------------------------------------ any input at all


def _refused_cleanly(error: ParseError, field: str) -> None:
    assert error.field == field
    assert error.message.startswith(error.message.split(":", 1)[0] + ": ")
    assert len(error.message) < 600
    assert "Traceback" not in error.message


@PROPERTY
@given(typed)
@example("1e309")
@example("9" * 400)
@example("$5k-$5m")
@example("k-k")
@example(",000")
def test_pay_parser_never_crashes(text: str) -> None:
    try:
        pay = parse_pay(text)
    except ParseError as error:
        _refused_cleanly(error, "pay")
    else:
        assert pay.minimum is not None or pay.maximum is not None
        if pay.minimum is not None and pay.maximum is not None:
            assert 0 < pay.minimum <= pay.maximum


@PROPERTY
@given(typed)
@example("Remote ()")
@example("Remote (,)")
@example("(Denver)")
@example("a, b, c, d, e")
@example("Remote, based in (US)")
def test_location_parser_never_crashes(text: str) -> None:
    try:
        location = parse_location(text)
    except ParseError as error:
        _refused_cleanly(error, "location")
    else:
        assert location.workplace is Workplace.REMOTE or location.city or location.region


@PROPERTY
@given(typed, st.dates(min_value=dt.date(1990, 1, 1), max_value=dt.date(2200, 12, 31)))
@example("in 9999 months", TODAY)
@example("Feb 29", dt.date(2027, 3, 1))
@example("0/0", TODAY)
@example("9999-12-31", dt.date(9999, 12, 31))
def test_date_parser_never_crashes(text: str, today: dt.date) -> None:
    try:
        parse_date(text, today=today)
    except ParseError as error:
        _refused_cleanly(error, "closing_date")


@pytest.mark.parametrize("parser", [parse_pay, parse_location, parse_date, parse_list])
@pytest.mark.parametrize("value", [None, 42, 4.5, ["55k"], {"pay": 1}, b"55k"])
def test_answers_that_are_not_text_are_refused_in_words(parser: object, value: object) -> None:
    with pytest.raises(ParseError) as caught:
        parser(value)  # type: ignore[operator]
    assert "please answer in words" in caught.value.message


# --------------------------------------------------------------------------- round trips

amounts = st.integers(min_value=1, max_value=2_000_000).map(float)
cents = st.integers(min_value=100, max_value=99_999).map(lambda value: value / 100)


@PROPERTY
@given(
    low=st.one_of(amounts, cents),
    spread=st.integers(min_value=0, max_value=500_000),
    currency=st.sampled_from(["USD", "CAD", "GBP", "EUR", "SEK", "AUD", "JPY"]),
    period=st.sampled_from(["hour", "day", "week", "month", "year"]),
)
def test_pay_read_back_from_its_own_description(
    low: float, spread: int, currency: str, period: str
) -> None:
    pay = Pay(minimum=low, maximum=round(low + spread, 2), currency=currency, period=period)
    assert parse_pay(pay.describe()) == pay


@PROPERTY
@given(
    amount=st.one_of(amounts, cents),
    currency=st.sampled_from(["USD", "CAD", "GBP", "EUR", "CHF"]),
    period=st.sampled_from(["hour", "month", "year"]),
    end=st.sampled_from(["minimum", "maximum"]),
)
def test_open_ended_pay_read_back(amount: float, currency: str, period: str, end: str) -> None:
    pay = Pay.model_validate({end: amount, "currency": currency, "period": period})
    assert parse_pay(pay.describe()) == pay


@PROPERTY
@given(
    today=st.dates(min_value=dt.date(2000, 1, 1), max_value=dt.date(2100, 1, 1)),
    ahead=st.integers(min_value=0, max_value=700),
)
def test_dates_read_back_in_every_written_form(today: dt.date, ahead: int) -> None:
    day = today + dt.timedelta(days=ahead)
    assert parse_date(day.isoformat(), today=today) == day
    assert parse_date(format_date(day), today=today) == day
    assert parse_date(f"{day.day} {calendar.month_abbr[day.month]} {day.year}", today=today) == day
    assert parse_date(f"in {ahead} days", today=today) == day


_RESERVED = (
    set(COUNTRIES)
    | set(CITY_NICKNAMES)
    | {name.lower() for name in (*US_STATES.values(), *CA_PROVINCES.values())}
)
city_names = st.from_regex(r"[A-Z][a-z]{2,10}( [A-Z][a-z]{2,10})?", fullmatch=True).filter(
    lambda name: (
        name.lower() not in _RESERVED
        and not any(
            word in name.lower().split() for word in ("remote", "hybrid", "onsite", "office")
        )
    )
)


@PROPERTY
@given(
    city=city_names,
    place=st.one_of(
        st.sampled_from(sorted(US_STATES)).map(lambda code: (code, "US")),
        st.sampled_from(sorted(CA_PROVINCES)).map(lambda code: (code, "CA")),
    ),
    workplace=st.sampled_from([Workplace.ON_SITE, Workplace.HYBRID]),
)
def test_locations_read_back_from_their_description(
    city: str, place: tuple[str, str], workplace: Workplace
) -> None:
    region, country = place
    location = Location(city=city, region=region, country=country, workplace=workplace)
    assert parse_location(location.describe()) == location


@PROPERTY
@given(
    regions=st.lists(
        st.one_of(
            st.sampled_from(["US", "CA", "GB"]),
            st.sampled_from(sorted(US_STATES)).map(lambda code: f"US-{code}"),
            st.sampled_from(sorted(CA_PROVINCES)).map(lambda code: f"CA-{code}"),
        ),
        min_size=1,
        max_size=4,
        unique=True,
    )
)
def test_remote_regions_read_back_from_their_description(regions: list[str]) -> None:
    location = Location(workplace=Workplace.REMOTE, remote_regions=regions)
    parsed = parse_location(location.describe())
    assert parsed.workplace is Workplace.REMOTE
    assert parsed.remote_regions == regions


@pytest.mark.parametrize(
    ("text", "region", "country"),
    [("Los Angeles, CA", "CA", "US"), ("Toronto, ON, CA", "ON", "CA"), ("Denver, CO", "CO", "US")],
)
def test_a_state_code_after_a_city_is_a_state(text: str, region: str, country: str) -> None:
    location = parse_location(text)
    assert (location.region, location.country) == (region, country)
