"""The posting as Slack Block Kit blocks, kept within the limits Slack enforces.

A header, the key facts as section fields, then a section per part of the body. Long lists are
split across sections; if a message would still need more than 50 blocks, each part is cut short
with an "… and N more" note instead of failing. Every piece of user text is mrkdwn-escaped.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from bot.posting import Posting
from bot.render.mrkdwn import escape
from bot.render.outline import Fact, Section, outline, to_fill_in
from bot.text import say

MAX_BLOCKS = 50
MAX_SECTION_TEXT = 3000
MAX_FIELD_TEXT = 2000
MAX_FIELDS = 10
MAX_HEADER_TEXT = 150
# A long paragraph is cut into pieces of this size, so a part cut short keeps most of its text.
_PIECE = 1000

Block = dict[str, Any]


def to_blocks(
    posting: Posting,
    *,
    header_extra: str | None = None,
    notes: list[str] | None = None,
    max_blocks: int = MAX_BLOCKS,
) -> list[Block]:
    """Blocks for a message showing `posting`, at most `max_blocks` of them.

    `notes` are lines for the manager, not the candidate (local market pay with its source):
    they follow the posting as context, set apart from it.

    `header_extra` is a line of mrkdwn shown under the header (say, the draft's version and who
    asked for it). It is used as given, so mentions in it work: escape any user text in it with
    `bot.render.mrkdwn.escape` first. Lower `max_blocks` to leave room for blocks of your own
    (buttons, notes) in the same message.
    """
    shape = outline(posting)
    head: list[Block] = [_header(shape.title)]
    if header_extra:
        head.append(_context(_cut(header_extra, MAX_SECTION_TEXT)))
    head.extend(_fact_sections(shape.facts))
    tail: list[Block] = []
    if shape.missing:
        tail.append(_context(_italic(escape(shape.still_to_fill_in))))
    if notes:
        text = "\n".join(escape(note) for note in notes)
        tail.append(_context(_cut(text, MAX_SECTION_TEXT)))
    parts = [_part(section) for section in shape.sections]
    body = _fit(parts, max_blocks - len(head) - len(tail))
    return head + [_section(text) for text in body] + tail


def _header(title: str) -> Block:
    # plain_text is never read for mentions or formatting, so the title goes in as typed.
    if len(title) > MAX_HEADER_TEXT:
        title = title[: MAX_HEADER_TEXT - 1].rstrip() + "…"
    return {"type": "header", "text": {"type": "plain_text", "text": title, "emoji": True}}


def _context(mrkdwn: str) -> Block:
    return {"type": "context", "elements": [{"type": "mrkdwn", "text": mrkdwn}]}


def _section(mrkdwn: str) -> Block:
    return {"type": "section", "text": {"type": "mrkdwn", "text": mrkdwn}}


def _italic(mrkdwn: str) -> str:
    return f"_{mrkdwn}_"


def _fact_sections(facts: Iterable[Fact]) -> list[Block]:
    fields = [{"type": "mrkdwn", "text": _fact_text(fact)} for fact in facts]
    return [
        {"type": "section", "fields": fields[start : start + MAX_FIELDS]}
        for start in range(0, len(fields), MAX_FIELDS)
    ]


def _fact_text(fact: Fact) -> str:
    value = escape(fact.value) if fact.value else _italic(escape(to_fill_in(fact.field)))
    head = f"*{escape(fact.label)}*\n"
    return head + _cut(value, MAX_FIELD_TEXT - len(head))


@dataclass(frozen=True)
class _Part:
    """One section of the body as mrkdwn lines: a heading, the units that may be cut, a note."""

    heading: str
    units: tuple[str, ...]
    is_list: bool

    def lines(self, keep: int | None = None) -> list[str]:
        units = list(self.units if keep is None else self.units[:keep])
        if keep is not None and keep < len(self.units):
            note = (
                say("render.more", count=len(self.units) - keep)
                if self.is_list
                else say("render.shortened")
            )
            units.append(_italic(escape(note)))
        return units


def _part(section: Section) -> _Part:
    if section.is_empty:
        units: tuple[str, ...] = (_italic(escape(to_fill_in(section.field))),)
    elif section.items:
        units = tuple(f"• {escape(item)}" for item in section.items)
    else:
        units = tuple(
            piece
            for paragraph in section.text.split("\n\n")
            if paragraph.strip()
            for piece in _pieces(escape(" ".join(paragraph.split())), _PIECE)
        )
    if section.field == "attribution":
        units = tuple(_italic(unit) for unit in units)
    heading = f"*{escape(section.heading)}*" if section.heading else ""
    return _Part(heading, units, bool(section.items))


def _fit(parts: list[_Part], budget: int) -> list[str]:
    """Section texts for every part within `budget` blocks, cutting parts short only if needed."""
    packed = [_pack(part.heading, part.lines()) for part in parts]
    if sum(len(texts) for texts in packed) <= budget:
        return [text for texts in packed for text in texts]
    # Share the blocks out one at a time, so every part keeps a block before any part gets two.
    shares = [0] * len(parts)
    left = budget
    while left > 0 and any(share < len(texts) for share, texts in zip(shares, packed, strict=True)):
        for index, texts in enumerate(packed):
            if left > 0 and shares[index] < len(texts):
                shares[index] += 1
                left -= 1
    fitted: list[str] = []
    for part, full, share in zip(parts, packed, shares, strict=True):
        fitted.extend(full if share >= len(full) else _shorten(part, share))
    return fitted


def _shorten(part: _Part, blocks: int) -> list[str]:
    """As many of the part's units as fit in `blocks` sections, then a note of what was left."""
    if blocks <= 0:
        return []
    for keep in range(len(part.units) - 1, -1, -1):
        texts = _pack(part.heading, part.lines(keep))
        if len(texts) <= blocks:
            return texts
    return _pack(part.heading, part.lines(0))[:blocks]


def _pack(heading: str, lines: list[str]) -> list[str]:
    """Lines joined into section texts of at most MAX_SECTION_TEXT; the first starts with the
    heading, and a line too long for one section continues in the next."""
    texts: list[str] = []
    current = heading
    for line in lines:
        for piece in _pieces(line, MAX_SECTION_TEXT):
            if not current:
                current = piece
            elif len(current) + 1 + len(piece) <= MAX_SECTION_TEXT:
                current = f"{current}\n{piece}"
            else:
                texts.append(current)
                current = piece
    texts.append(current)
    return texts


def _pieces(text: str, limit: int) -> list[str]:
    """`text` in pieces of at most `limit` characters, split at spaces where possible and never
    inside an escape like '&amp;'."""
    pieces = []
    while len(text) > limit:
        cut = text.rfind(" ", limit // 2, limit + 1)
        if cut <= 0:
            cut = limit
        entity = text.rfind("&", max(0, cut - 5), cut)
        if entity > 0 and ";" not in text[entity:cut]:
            cut = entity
        pieces.append(text[:cut].rstrip())
        text = text[cut:].lstrip()
    pieces.append(text)
    return [piece for piece in pieces if piece]


def _cut(text: str, limit: int) -> str:
    """`text` shortened to `limit` characters with an ellipsis, never inside an escape."""
    if len(text) <= limit:
        return text
    return _pieces(text, limit - 1)[0] + "…"


# ------------------------------------------------------------------ cards


def place_line(posting: Posting) -> str:
    """'Denver, CO · On-site', 'Remote (United States)'; '' without a location."""
    from bot.posting import Workplace

    location = posting.location
    if location is None:
        return ""
    if location.workplace is Workplace.REMOTE:
        return location.describe()
    where = ", ".join(part for part in (location.city, location.region) if part)
    if location.country not in ("", "US"):
        where = ", ".join(part for part in (where, location.country) if part)
    return f"{where} · {location.workplace.label}"


def card_facts(posting: Posting, *, pay_extra: str = "") -> list[tuple[str, str]]:
    """(label, mrkdwn) for a card: place and workplace, type, pay, closing date. `pay_extra`
    (mrkdwn, escaped by the caller) follows the pay on its own line."""
    from bot.render.outline import format_date

    pay = escape(posting.pay.describe()) if posting.pay else ""
    if pay and pay_extra:
        pay = f"{pay}\n{pay_extra}"
    kind = posting.employment_type.label if posting.employment_type else ""
    closes = format_date(posting.closing_date) if posting.closing_date else ""
    facts = [
        (say("render.card.place"), escape(place_line(posting))),
        (say("render.card.type"), escape(kind)),
        (say("render.card.pay"), pay),
        (say("render.card.closes"), escape(closes)),
    ]
    return [(label, value) for label, value in facts if value]


def fields_block(facts: list[tuple[str, str]]) -> Block:
    """A section of up to ten `*label*\\nvalue` fields (values are mrkdwn already)."""
    fields = [
        {"type": "mrkdwn", "text": _cut(f"*{escape(label)}*\n{value}", MAX_FIELD_TEXT)}
        for label, value in facts[:MAX_FIELDS]
    ]
    return {"type": "section", "fields": fields}


def header(title: str) -> Block:
    return _header(title)


def one_line(text: str, limit: int = 200) -> str:
    """The first sentence of `text` (cut to `limit` characters), as plain text."""
    text = " ".join(text.split())
    for end in (". ", "! ", "? "):
        cut = text.find(end)
        if 0 < cut < limit:
            return text[: cut + 1]
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit - 1)
    return text[: cut if cut > limit // 2 else limit - 1].rstrip(" ,;:") + "…"
