"""The offered pay set against the local market range the manager saw while drafting.

The range is the middle half of local pay (25th to 75th percentile) for the role's occupation
in the posting's area, from BLS OEWS (May 2025), in the posting's own pay period when BLS has
it: the same figures as the market note beside a draft (`bot.dialogue.suggest.market_notes`).
For reviewers, never part of the posting.
"""

from __future__ import annotations

from dataclasses import dataclass

from bot.posting import Posting
from bot.posting.model import format_money
from bot.roles.template import RoleTemplate
from bot.text import say


@dataclass(frozen=True)
class MarketRange:
    low: float
    high: float
    period: str  # "year" or "hour"
    occupation: str
    area: str
    source: str  # "BLS OEWS, May 2025"

    def describe(self) -> str:
        """'$80,880 – $86,100 a year'."""
        low, high = format_money(self.low, "USD"), format_money(self.high, "USD")
        return f"{low} – {high} {say(f'pay_period.{self.period}')}"

    def compare(self, posting: Posting) -> str:
        """How the offer sits against the range: a key under `review.market.position`
        ('below', 'within', 'above', 'overlaps'), or '' when they can't be compared."""
        pay = posting.pay
        if pay is None or pay.currency != "USD" or pay.period != self.period:
            return ""
        low = pay.minimum if pay.minimum is not None else pay.maximum
        high = pay.maximum if pay.maximum is not None else pay.minimum
        if low is None or high is None:
            return ""
        if high < self.low:
            return "below"
        if low > self.high:
            return "above"
        if low >= self.low and high <= self.high:
            return "within"
        return "overlaps"

    def gap(self, posting: Posting) -> int:
        """How far (in %) the top of the offer is under the range's bottom, or its bottom over
        the range's top; 0 when they meet."""
        pay = posting.pay
        if pay is None:
            return 0
        position = self.compare(posting)
        if position == "below":
            top = pay.maximum if pay.maximum is not None else pay.minimum
            return round(100 * (self.low - (top or 0)) / self.low)
        if position == "above":
            bottom = pay.minimum if pay.minimum is not None else pay.maximum
            return round(100 * ((bottom or 0) - self.high) / self.high)
        return 0


def market_range(posting: Posting, role: RoleTemplate | None) -> MarketRange | None:
    """The local range for the posting's role and place, or None (no O*NET code, outside the
    US, or no figures published for the area)."""
    from bot.catalog import pay_for
    from bot.dialogue.suggest import in_us, location_query

    if role is None or not role.onet_code or not in_us(posting.location):
        return None
    report = pay_for(role.onet_code, location_query(posting.location))
    if not report.available:
        return None
    wanted = posting.pay.period if posting.pay else "year"
    order = [(report.hourly, "hour"), (report.annual, "year")]
    if wanted != "hour":
        order.reverse()
    for figures, period in order:
        if figures is not None and figures.p25.value and figures.p75.value:
            return MarketRange(
                low=figures.p25.value,
                high=figures.p75.value,
                period=period,
                occupation=report.soc_title or report.title,
                area=report.area_name or "the United States",
                source=report.source,
            )
    return None
