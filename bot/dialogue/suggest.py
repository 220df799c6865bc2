"""Suggested pay for the dialogue, and the market notes the manager sees beside a draft.

The suggestion follows the recruiter's rule: the basis the job is paid in (by the hour for
hourly occupations and for every part-time or temporary job, by the year for salaried ones), and
a range around the local percentile that fits the level (entry near the 25th, mid near the
median, senior near the 75th, lead between the 75th and the 90th), from BLS OEWS (May 2025).
These figures are for the manager; the posting states only the employer's own range.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.catalog.pay import PayFigures, PayReport
from bot.dialogue.engine import Suggestion
from bot.posting import Location, Posting
from bot.posting.compose import level_for, role_posting
from bot.posting.model import format_money
from bot.posting.places import US_STATES
from bot.roles.template import RoleTemplate
from bot.text import say

_HOURLY_TYPES = frozenset({"PART_TIME", "TEMPORARY", "PER_DIEM", "INTERN"})
_WIDTH = 0.07  # the range runs 7% either side of the level's point


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


def pay_basis(role: RoleTemplate, employment_type: str | None) -> str:
    """'hour' or 'year': how this job is paid."""
    if employment_type in _HOURLY_TYPES:
        return "hour"
    return role_posting(role).pay_basis


@dataclass(frozen=True)
class LevelPoint:
    """Where in the local range a level sits, and how to say it."""

    low: float
    high: float
    anchor: str


def _point(figures: PayFigures, level: str) -> LevelPoint | None:
    p10, p25, p50 = figures.p10.value, figures.p25.value, figures.median.value
    p75, p90 = figures.p75.value, figures.p90.value
    if level == "entry" and p25:
        centre, anchor = p25, "p25"
    elif level == "senior" and p75:
        centre, anchor = p75, "p75"
    elif level == "lead" and p75:
        centre, anchor = ((p75 + p90) / 2 if p90 else p75 * 1.08), "p75_p90"
    elif p50:
        centre, anchor = p50, "median"
    else:
        return None
    low, high = centre * (1 - _WIDTH), centre * (1 + _WIDTH)
    if level == "entry" and p10:
        low = max(low, p10)
    return LevelPoint(low=low, high=high, anchor=anchor)


def _rounded(amount: float, period: str) -> float:
    if period == "hour":
        return round(amount * 2) / 2  # to the half dollar
    return round(amount / 1000) * 1000  # to the thousand


def _report(role: RoleTemplate, location: Location | None) -> PayReport | None:
    if not role.onet_code or not in_us(location):
        return None
    from bot.catalog import pay_for

    report = pay_for(role.onet_code, location_query(location))
    return report if report.available else None


def _figures(report: PayReport, period: str) -> tuple[PayFigures, str] | None:
    order = (
        ((report.hourly, "hour"), (report.annual, "year"))
        if period == "hour"
        else ((report.annual, "year"), (report.hourly, "hour"))
    )
    for figures, per in order:
        if figures is not None and figures.median.value:
            return figures, per
    return None


def bls_pay_suggestion(
    role: RoleTemplate,
    location: Location | None,
    level: str | None = None,
    employment_type: str | None = None,
) -> Suggestion | None:
    """None when the role has no O*NET code, the job is outside the US, or BLS has no figures."""
    report = _report(role, location)
    if report is None:
        return None
    chosen = _figures(report, pay_basis(role, employment_type))
    if chosen is None:
        return None
    figures, period = chosen
    level_name = level_for(role, level)
    point = _point(figures, level_name)
    if point is None:
        return None
    low, high = _rounded(point.low, period), _rounded(point.high, period)
    if high <= low:
        high = low + (1 if period == "hour" else 1000)
    digits = ".2f" if period == "hour" else ".0f"
    return Suggestion(
        text=say(
            "dialogue.pay_suggestion",
            low=format_money(low, "USD"),
            high=format_money(high, "USD"),
            per=say(f"pay_period.{period}"),
            level=say(f"dialogue.level_name.{level_name}"),
            anchor=say(f"dialogue.pay_anchor.{point.anchor}"),
            occupation=report.soc_title or report.title,
            area=report.area_name or "the United States",
            basis=say(f"dialogue.pay_basis.{period}"),
        ),
        value=f"{low:{digits}}-{high:{digits}} USD/{period}",
        source=say("dialogue.pay_suggestion_source", source=report.citation()),
    )


def market_notes(posting: Posting, role: RoleTemplate | None) -> list[str]:
    """For the manager beside a draft: local pay for the occupation with its source, and the
    credentials to check against the state's own rules. Never part of the posting itself."""
    if role is None:
        return []
    generic = [] if role.curated else [say("dialogue.generic_role_note", title=role.title)]
    return [*generic, *_pay_notes(posting, role), *_licence_notes(posting, role)]


def _licence_notes(posting: Posting, role: RoleTemplate) -> list[str]:
    from bot.posting.compose import level_for, state_of
    from bot.roles.licences import licences_for

    rows = licences_for(role.onet_code, level_for(role, posting.level), conditional=True)
    state = state_of(posting.location) or say("dialogue.the_state")
    return [
        say("dialogue.licence_note", state=state, a_name=_a(row.name), varies=row.varies)
        for row in rows
    ]


def _a(name: str) -> str:
    """'a food handler card', 'an RN license'."""
    from bot.posting.compose import article

    shown = name if name[:2].isupper() else name[:1].lower() + name[1:]
    return f"{article(shown)} {shown}"


def _pay_notes(posting: Posting, role: RoleTemplate) -> list[str]:
    report = _report(role, posting.location)
    if report is None:
        return []
    period = posting.pay.period if posting.pay else pay_basis(role, None)
    chosen = _figures(report, "hour" if period == "hour" else "year")
    if chosen is None:
        return []
    figures, per = chosen
    if not (figures.p25.value and figures.median.value and figures.p75.value):
        return []
    return [
        say(
            "dialogue.market_note",
            occupation=report.soc_title or report.title,
            area=report.area_name or "the United States",
            p25=format_money(figures.p25.value, "USD"),
            median=format_money(figures.median.value, "USD"),
            p75=format_money(figures.p75.value, "USD"),
            per=say(f"pay_period.{per}"),
            source=report.citation(),
        )
    ]
