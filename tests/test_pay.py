"""Pay from BLS OEWS May 2025: areas, the metro -> state -> national fallback, SOC mapping."""

from __future__ import annotations

import pytest

from bot.catalog import PayValue, get_catalog, pay_for, resolve_area
from bot.catalog.pay import PayFigures

DENVER = "0019740"
COLORADO = "0800000"
NATIONAL = "0000000"


def test_national_figures_for_computer_network_support_specialists() -> None:
    report = pay_for("15-1231.00")
    assert report.available
    assert (report.area_code, report.area_name, report.area_type) == (
        NATIONAL,
        "United States",
        "national",
    )
    assert report.soc == "15-1231"
    assert report.soc_basis == "exact"
    assert report.employment == 146_190
    assert report.annual is not None and report.hourly is not None
    assert report.annual.mean.value == 81_870
    assert report.annual.median.value == 76_220
    assert report.annual.median.text("year") == "$76,220"
    assert report.hourly.median.text("hour") == "$36.64"
    assert report.source == "BLS OEWS, May 2025"
    assert report.release == "May 2025"
    assert report.notes == []
    assert "BLS OEWS, May 2025" in report.headline()
    assert "$76,220" in report.headline()


def test_denver_gets_the_denver_metro() -> None:
    report = pay_for("15-1231.00", "Denver, CO")
    assert (report.area_code, report.area_type) == (DENVER, "metro")
    assert report.area_name == "Denver-Aurora-Centennial, CO"
    assert report.employment == 3_580
    assert report.annual is not None
    assert report.annual.median.value == 82_750
    assert report.annual.p10.value == 58_070
    assert report.annual.p90.value == 124_650
    assert not report.fell_back
    assert report.notes == []


def test_metro_without_an_estimate_falls_back_to_the_state() -> None:
    # OEWS publishes Chief Executives for Colorado but not for the Denver metro area.
    assert DENVER not in get_catalog().pay.rows("111011")
    report = pay_for("11-1011.00", "Denver, CO")
    assert report.available
    assert (report.area_code, report.area_name, report.area_type) == (
        COLORADO,
        "Colorado",
        "state",
    )
    assert report.requested.area_code == DENVER
    assert report.fell_back
    assert any("no estimate for SOC 11-1011 in Denver" in note for note in report.notes)


def test_state_without_an_estimate_falls_back_to_the_nation() -> None:
    rows = get_catalog().pay.rows("119013")  # Farmers, Ranchers, and Other Agricultural Managers
    assert DENVER not in rows and COLORADO not in rows
    report = pay_for("11-9013.00", "Denver, CO")
    assert (report.area_code, report.area_type) == (NATIONAL, "national")
    assert report.fell_back
    assert report.notes


def test_specialties_use_their_soc_occupation_and_say_so() -> None:
    report = pay_for("11-1011.03")  # Chief Sustainability Officers
    assert (report.soc, report.soc_basis) == ("11-1011", "parent")
    assert report.soc_title == "Chief Executives"
    assert "11-1011.03" in report.notes[0]


def test_codes_without_a_row_fall_back_to_the_combined_or_broad_group() -> None:
    combined = pay_for("21-1014.00")  # Mental Health Counselors
    assert (combined.soc, combined.soc_basis) == ("21-1018", "combined")
    assert "combined" in combined.notes[0]
    broad = pay_for("29-2011.00")  # Medical and Clinical Laboratory Technologists
    assert (broad.soc, broad.soc_basis) == ("29-2010", "broad")
    assert broad.soc_title == "Clinical Laboratory Technologists and Technicians"
    assert "broad group 29-2010" in broad.notes[0]
    assert broad.available and broad.employment


def test_occupations_bls_does_not_cover_are_reported_as_such() -> None:
    report = pay_for("55-1011.00")  # Air Crew Officers (military)
    assert not report.available
    assert report.annual is None and report.soc is None
    assert "no wage estimates" in report.notes[0]
    unknown = pay_for("99-9999.00")
    assert not unknown.available
    assert "not an O*NET-SOC code" in unknown.notes[0]


def test_annual_only_occupations_keep_the_hourly_flag() -> None:
    report = pay_for("25-2021.00", "Denver, CO")  # Elementary School Teachers
    assert report.hourly is not None and report.annual is not None
    assert report.hourly.median.mark == "not_published"
    assert report.hourly.median.value is None
    assert report.hourly.median.text("hour") == "not published"
    assert report.annual.median.value is not None


def test_bls_marks_are_kept_never_invented() -> None:
    assert PayValue.parse("81870") == PayValue(value=81870.0)
    assert PayValue.parse("#").mark == "top_coded"
    assert PayValue.parse("*").mark == "not_published"
    assert PayValue.parse("**").mark == "not_released"
    assert PayValue.parse("").mark == "missing"
    assert PayValue(mark="top_coded").text("year") == "≥ $239,200"
    assert PayValue(mark="top_coded").text("hour") == "≥ $115.00"
    assert PayValue(mark="not_released").text() == "not released"
    # a top-coded 90th percentile above a published 75th reads as at least that 75th
    row = get_catalog().pay.rows("111011")["3900003"]
    assert row[12] == "#"
    figures = PayFigures(
        period="year",
        mean=PayValue.parse(row[2]),
        p10=PayValue.parse(row[8]),
        p25=PayValue.parse(row[9]),
        median=PayValue.parse(row[10]),
        p75=PayValue.parse(row[11]),
        p90=PayValue.parse(row[12]),
    )
    assert dict(figures.rows())["90th percentile"] == f"≥ ${float(row[11]):,.0f}"


def test_employment_not_released_stays_unknown() -> None:
    rows = get_catalog().pay.rows("110000")
    code = next(area for area, values in rows.items() if values[0] == "**")
    assert PayValue.parse(rows[code][0]).mark == "not_released"


@pytest.mark.parametrize(
    ("text", "code", "kind"),
    [
        ("Denver, CO", DENVER, "metro"),
        ("denver colorado", DENVER, "metro"),
        ("Denver", DENVER, "metro"),
        ("Colorado", COLORADO, "state"),
        ("CO", COLORADO, "state"),
        ("San Jose, California", "0041940", "metro"),
        ("Palo Alto, CA", "0041940", "metro"),
        ("NYC", "0035620", "metro"),
        ("New York", "0035620", "metro"),
        ("Brooklyn, NY", "0035620", "metro"),
        ("Washington, DC", "0047900", "metro"),
        ("Saint Paul, MN", "0033460", "metro"),
        ("Winston-Salem, NC", "0049180", "metro"),
        ("Honolulu", "0046520", "metro"),
        ("Remote (Denver, CO)", DENVER, "metro"),
        ("Remote", NATIONAL, "national"),
        ("", NATIONAL, "national"),
        ("Guam", "6600000", "state"),
    ],
)
def test_locations_resolve_to_oews_areas(text: str, code: str, kind: str) -> None:
    area = resolve_area(text)
    assert (area.area_code, area.area_type) == (code, kind)
    assert area.us
    assert area.fallbacks[0] == code
    assert area.fallbacks[-1] == NATIONAL


def test_a_metro_falls_back_through_its_state() -> None:
    area = resolve_area("Denver, CO")
    assert area.fallbacks == [DENVER, COLORADO, NATIONAL]
    assert area.state == "CO"
    assert resolve_area("Jersey City, NJ").fallbacks == ["0035620", "3400000", NATIONAL]


def test_remote_is_national_with_a_note() -> None:
    area = resolve_area("Remote")
    assert area.area_name == "United States"
    assert area.note and "Remote" in area.note


@pytest.mark.parametrize("text", ["Toronto, ON, Canada", "London", "Berlin, Germany", "Toronto"])
def test_places_outside_the_us_fall_back_to_national_and_say_why(text: str) -> None:
    area = resolve_area(text)
    assert (area.area_code, area.us) == (NATIONAL, False)
    assert area.note and "United States only" in area.note
    report = pay_for("15-1231.00", text)
    assert report.available and report.area_code == NATIONAL
    assert any("United States only" in note for note in report.notes)


def test_a_city_without_a_metro_uses_its_state() -> None:
    area = resolve_area("London, KY")
    assert (area.area_type, area.state) == ("state", "KY")
    assert area.note and "London" in area.note


def test_unplaceable_text_is_national_and_flagged() -> None:
    area = resolve_area("xyzzy")
    assert (area.area_code, area.understood) == (NATIONAL, False)
    assert area.note
    assert resolve_area("99999").understood is False  # a ZIP code no list knows


def test_ambiguous_city_names_pick_the_largest_and_say_so() -> None:
    area = resolve_area("Portland")
    assert area.area_name == "Portland-Vancouver-Hillsboro, OR-WA"
    springfield = resolve_area("Springfield")
    assert springfield.area_type == "metro"
    assert springfield.note and "Several metro areas" in springfield.note


@pytest.mark.parametrize(
    ("text", "area_type", "name_part"),
    [
        ("the US", "national", "United States"),
        ("the United States", "national", "United States"),
        ("Bay Area", "metro", "San Francisco"),
        ("Greater Denver Area", "metro", "Denver"),
    ],
)
def test_nicknames_and_articles(text: str, area_type: str, name_part: str) -> None:
    from bot.catalog import resolve_area

    area = resolve_area(text)
    assert area.area_type == area_type and name_part in (area.area_name or "")
