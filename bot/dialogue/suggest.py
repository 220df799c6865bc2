"""Suggested pay for the dialogue: the middle half of local pay from BLS OEWS (May 2025)."""

from __future__ import annotations

from bot.dialogue.engine import Suggestion
from bot.posting import Location
from bot.posting.model import format_money
from bot.posting.places import US_STATES
from bot.roles.template import RoleTemplate
from bot.text import say


def location_query(location: Location | None) -> str | None:
    """The place to look pay up for: 'Denver, CO', 'Colorado'; None for the whole US."""
    if location is None:
        return None
    if location.city and location.region:
        return f"{location.city}, {location.region}"
    if location.region:
        return US_STATES.get(location.region, location.region)
    regions = [code for code in location.remote_regions if code.startswith("US-")]
    if len(regions) == 1:
        state = regions[0].removeprefix("US-")
        return US_STATES.get(state, state)
    return None


def in_us(location: Location | None) -> bool:
    if location is None:
        return True
    countries = {location.country} | {code.split("-")[0] for code in location.remote_regions}
    countries.discard("")
    return not countries or countries == {"US"}


def bls_pay_suggestion(role: RoleTemplate, location: Location | None) -> Suggestion | None:
    """None when the role has no O*NET code, the job is outside the US, or BLS has no figures."""
    if not role.onet_code or not in_us(location):
        return None
    from bot.catalog import pay_for

    report = pay_for(role.onet_code, location_query(location))
    if not report.available:
        return None
    for figures, period in ((report.annual, "year"), (report.hourly, "hour")):
        if figures is None:
            continue
        low, high = figures.p25.value, figures.p75.value
        if low is None or high is None:
            continue
        return Suggestion(
            text=say(
                "dialogue.pay_suggestion",
                low=format_money(low, "USD"),
                high=format_money(high, "USD"),
                per=say(f"pay_period.{period}"),
                occupation=report.soc_title or report.title,
                area=report.area_name or "the United States",
            ),
            value=f"{low:.0f}-{high:.0f} USD/{period}"
            if period == "year"
            else f"{low:.2f}-{high:.2f} USD/{period}",
            source=say("dialogue.pay_suggestion_source", source=report.citation()),
        )
    return None
