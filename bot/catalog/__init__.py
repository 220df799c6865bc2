"""The occupation catalogue: every O*NET 29.3 occupation, title resolution and BLS OEWS pay.

    from bot.catalog import get_catalog, resolve, resolve_area, pay_for

    resolve("netwrok tech").best.code          # '15-1231.00'
    pay_for("15-1231.00", "Denver, CO")          # Denver metro percentiles, BLS OEWS, May 2025
    get_catalog().occupation("29-1141.00").title  # 'Registered Nurses'

The data lives in roles/catalog/ (built by scripts/build_catalog.py); see roles/NOTICE.
"""

from __future__ import annotations

from bot.catalog.areas import AreaMatch
from bot.catalog.models import (
    OEWS_SOURCE,
    ONET_SOURCE,
    EducationLevel,
    JobZone,
    Occupation,
    PayMapping,
    Rated,
    Task,
    TechnologySkill,
)
from bot.catalog.pay import PayFigures, PayReport, PayValue
from bot.catalog.resolve import Match, Resolution, resolve
from bot.catalog.store import Catalog, CatalogError, get_catalog

__all__ = [
    "OEWS_SOURCE",
    "ONET_SOURCE",
    "AreaMatch",
    "Catalog",
    "CatalogError",
    "EducationLevel",
    "JobZone",
    "Match",
    "Occupation",
    "PayFigures",
    "PayMapping",
    "PayReport",
    "PayValue",
    "Rated",
    "Resolution",
    "Task",
    "TechnologySkill",
    "get_catalog",
    "pay_for",
    "resolve",
    "resolve_area",
]


def resolve_area(location_text: str | None) -> AreaMatch:
    """The BLS OEWS area for a location ("Denver, CO" -> the Denver metro area; "Remote" and
    places outside the US -> national, with a note)."""
    return get_catalog().pay.resolve_area(location_text)


def pay_for(code: str, location_text: str | None = None) -> PayReport:
    """OEWS pay for an O*NET-SOC code in the best area with data (metro, state, national)."""
    catalog = get_catalog()
    occupation = catalog.occupation(code)
    pay = catalog.pay
    if occupation is None:
        return PayReport(
            code=code,
            title=code,
            available=False,
            requested=pay.resolve_area(location_text),
            notes=[f"'{code}' is not an O*NET-SOC code in the catalogue."],
        )
    return pay.report(
        code=occupation.code,
        title=occupation.title,
        soc6=occupation.pay.soc,
        basis=occupation.pay.basis,
        soc_note=occupation.pay.note,
        location_text=location_text,
    )
