"""What reviewers type in a draft's review thread, read into commands.

`parse` reads one reply: `approve`/`approved`/`lgtm` (any case, emoji allowed), `changes: …`,
`set pay 60000-70000 USD/year`, `add duty …`, `remove duty 3` and the like. Anything else is
None, so the caller can help rather than guess. `to_changes` turns an edit command into the
Posting changes it means, checked the same way as the Edit form.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any

from bot.drafting import EditRejected
from bot.posting import Posting
from bot.posting.form import changes_from_form, form_values
from bot.posting.parse import ParseError, parse_workplace
from bot.posting.vocabulary import LIST_FIELDS, SET_FIELDS
from bot.text import field_label, say


@dataclass(frozen=True)
class Approve:
    """Approve the current version."""


@dataclass(frozen=True)
class RequestChanges:
    comment: str


@dataclass(frozen=True)
class SetField:
    field: str
    value: str


@dataclass(frozen=True)
class AddItem:
    field: str
    text: str


@dataclass(frozen=True)
class RemoveItem:
    field: str
    number: int  # as shown to people: 1 is the first item


Edit = SetField | AddItem | RemoveItem
Command = Approve | RequestChanges | Edit

# The words people use for a field -> the Posting field (or form field) they mean.
_APPROVALS = frozenset({"approve", "approved", "lgtm"})
_MENTION = re.compile(r"<[@!#][^>]*>")
_LEADING_MENTIONS = re.compile(r"^\s*(?:<@[UW][A-Z0-9]+(?:\|[^<>]*)?>[\s,:]*)+")
_SHORTCODE = re.compile(r":[a-z0-9_+'-]+:(?::skin-tone-[2-6]:)?", re.IGNORECASE)
_CHANGES = re.compile(r"^(?:request(?:ed)?\s+)?changes?\s*[:\-–—]\s*(?P<comment>.+)$", re.S | re.I)
_QUESTION_WORDS = frozenset("what how when where who why is are does do can should".split())


def clean(text: str) -> str:
    """The reply without mentions of the bot (or anyone), spaces tidied, lines kept."""
    lines = (" ".join(line.split()) for line in _MENTION.sub(" ", text).splitlines())
    return "\n".join(line for line in lines if line)


def parse(text: str) -> Command | None:
    """The command a reply means, or None when it is not one (or is unclear)."""
    reply = clean(text)
    if not reply or reply.endswith("?"):
        return None
    changes = _CHANGES.match(reply)
    if changes:
        comment = _comment(text) or changes.group("comment").strip()
        return RequestChanges(comment) if comment else None
    verb, _, rest = " ".join(reply.split()).partition(" ")
    verb = verb.lower()
    if verb == "set":
        return _set(rest)
    if verb == "add":
        return _add(rest)
    if verb in ("remove", "delete", "drop"):
        return _remove(rest)
    return Approve() if _is_approval(" ".join(reply.split())) else None


def _comment(text: str) -> str:
    """What a `changes: …` reply asks for, with the people it mentions (`<@U…>`) kept: only
    the mentions it starts with (of the bot, or whoever it is addressed to) go. The comment is
    shown with bot.render.mrkdwn.escape_keeping_mentions, so broadcasts stay text."""
    lines = (" ".join(line.split()) for line in _LEADING_MENTIONS.sub("", text).splitlines())
    found = _CHANGES.match("\n".join(line for line in lines if line))
    return found.group("comment").strip() if found else ""


def looks_like_question(text: str) -> bool:
    """A question for someone (or for the FAQ), not a review command."""
    reply = clean(text)
    if reply.endswith("?"):
        return True
    first = reply.split(" ", 1)[0].lower().strip(",.:;!") if reply else ""
    return first in _QUESTION_WORDS


def _is_approval(reply: str) -> bool:
    words = _SHORTCODE.sub(" ", reply)
    words = "".join(ch if ch.isalnum() or ch.isspace() else " " for ch in words)
    return [word.lower() for word in words.split()] in ([word] for word in _APPROVALS)


def _field_at_start(rest: str, names: dict[str, str]) -> tuple[str, str] | None:
    """('pay', '60000-70000 USD/year') from 'pay 60000-70000 USD/year' (or 'pay: …', 'pay to …')."""
    lowered = rest.lower()
    for name in sorted(names, key=len, reverse=True):
        if lowered.startswith(name) and (len(rest) == len(name) or not rest[len(name)].isalnum()):
            value = rest[len(name) :].strip()
            value = re.sub(r"^(?:[:=]\s*|to\s+)", "", value, flags=re.I).strip()
            return names[name], value
    return None


def _set(rest: str) -> SetField | None:
    found = _field_at_start(rest, SET_FIELDS)
    if found is None or not found[1]:
        return None
    return SetField(*found)


def _add(rest: str) -> AddItem | None:
    found = _field_at_start(rest, LIST_FIELDS)
    if found is None or not found[1]:
        return None
    return AddItem(*found)


def _remove(rest: str) -> RemoveItem | None:
    found = _field_at_start(rest, LIST_FIELDS)
    if found is None:
        return None
    number = found[1].lstrip("#").strip()
    if not number.isdigit():
        return None
    return RemoveItem(found[0], int(number))


def to_changes(command: Edit, posting: Posting) -> dict[str, Any]:
    """The Posting changes an edit command means; EditRejected says what is wrong with it."""
    if isinstance(command, AddItem):
        # Lists change as lists: an item with a ";" in it stays one item. Drafting.edit
        # validates the result (item length, how many) like any other edit.
        return {command.field: [*getattr(posting, command.field), " ".join(command.text.split())]}
    if isinstance(command, RemoveItem):
        items = list(getattr(posting, command.field))
        if not 1 <= command.number <= len(items):
            raise EditRejected(
                {
                    command.field: say(
                        "review.no_such_item",
                        field=field_label(command.field),
                        number=command.number,
                        count=len(items),
                    )
                }
            )
        del items[command.number - 1]
        return {command.field: items}
    values: dict[str, str | None] = {command.field: command.value}
    if command.field == "location":
        # Keep the posting's workplace unless the new location names one ("Remote (US)").
        try:
            values["workplace"] = parse_workplace(command.value).value
        except ParseError:
            values["workplace"] = form_values(posting)["workplace"]
    return _checked(values, posting)


def _checked(values: dict[str, str | None], posting: Posting) -> dict[str, Any]:
    changes, problems = changes_from_form(values, posting)
    if problems:
        raise EditRejected(problems)
    return changes
