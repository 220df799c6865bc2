"""What changed between two versions of a posting, said field by field in plain words.

`diff` compares two Postings; `describe` turns the changes into lines people read ("Pay: $80,880 –
$86,100 a year → $60,000 – $70,000 a year", "Responsibilities: added “Configure VLANs”"). The
lines are plain text: each adapter escapes them for where they go.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from bot.posting import Posting
from bot.render.outline import format_date
from bot.text import field_label, say

# Fields compared, in the order a reader meets them in the posting.
_FIELDS = (
    "title",
    "organisation",
    "team",
    "location",
    "employment_type",
    "pay",
    "closing_date",
    "how_to_apply",
    "years_experience",
    "summary",
    "responsibilities",
    "requirements",
    "nice_to_haves",
    "benefits",
    "education",
    "schedule",
    "physical_demands",
    "equal_opportunity",
    "identifier",
)
_LISTS = frozenset({"responsibilities", "requirements", "nice_to_haves", "benefits"})
_LONG = 160  # text longer than this is summed up rather than quoted twice


@dataclass(frozen=True)
class Change:
    """One field that differs. Lists say which items went and came; other fields give both
    values as text ("" when the field was or became empty)."""

    field: str
    before: str = ""
    after: str = ""
    added: tuple[str, ...] = ()
    removed: tuple[str, ...] = ()

    @property
    def label(self) -> str:
        return field_label(self.field)


def value_text(posting: Posting, field: str) -> str:
    """A field of a posting as a reader would say it."""
    if field == "organisation":
        return posting.organisation.name
    if field == "location":
        return posting.location.describe() if posting.location else ""
    if field == "employment_type":
        return posting.employment_type.label if posting.employment_type else ""
    if field == "pay":
        return posting.pay.describe() if posting.pay else ""
    if field == "closing_date":
        return format_date(posting.closing_date) if posting.closing_date else ""
    if field == "years_experience":
        years = posting.years_experience
        return "" if years is None else say("render.years", years=years)
    value = getattr(posting, field)
    return "" if value is None else str(value)


def diff(old: Posting, new: Posting) -> list[Change]:
    changes: list[Change] = []
    for field in _FIELDS:
        if field in _LISTS:
            before_items: list[str] = getattr(old, field)
            after_items: list[str] = getattr(new, field)
            if before_items == after_items:
                continue
            removed = _minus(before_items, after_items)
            added = _minus(after_items, before_items)
            if not added and not removed:  # same items, new order
                changes.append(Change(field, "\n".join(before_items), "\n".join(after_items)))
            else:
                changes.append(Change(field, added=tuple(added), removed=tuple(removed)))
            continue
        before, after = value_text(old, field), value_text(new, field)
        if before != after:
            changes.append(Change(field, before, after))
    return changes


def _minus(items: list[str], others: list[str]) -> list[str]:
    """The items not in `others`, in their order (an item twice in `items` but once in
    `others` is in the result once)."""
    left = Counter(others)
    result = []
    for item in items:
        if left[item]:
            left[item] -= 1
        else:
            result.append(item)
    return result


def _quote(text: str, limit: int = 120) -> str:
    text = " ".join(text.split())
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def describe(changes: list[Change]) -> list[str]:
    """One line a change (a list change may take a line an item)."""
    lines: list[str] = []
    for change in changes:
        label = change.label
        if change.added or change.removed:
            lines.extend(
                say("review.diff.removed", field=label, item=_quote(item))
                for item in change.removed
            )
            lines.extend(
                say("review.diff.added", field=label, item=_quote(item)) for item in change.added
            )
        elif change.field in _LISTS:
            lines.append(say("review.diff.reordered", field=label))
        elif not change.before:
            lines.append(say("review.diff.set", field=label, after=_quote(change.after)))
        elif not change.after:
            lines.append(say("review.diff.cleared", field=label, before=_quote(change.before)))
        elif max(len(change.before), len(change.after)) > _LONG:
            lines.append(say("review.diff.rewritten", field=label, after=_quote(change.after)))
        else:
            lines.append(
                say("review.diff.changed", field=label, before=change.before, after=change.after)
            )
    return lines
