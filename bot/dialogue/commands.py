"""What a manager types during a question that is not an answer: the dialogue's commands.

`read_command(text)` is the one place that tells a command from an answer, for Slack and the
terminal alike: `back`, `skip`, `cancel`, `start over`, `help`, `show …`, `edit <field> <value>`
and a question (a line ending in "?"). Anything else is an answer to the question asked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from bot.posting.vocabulary import split_field

CommandName = Literal["back", "skip", "cancel", "start_over", "help", "show", "edit", "question"]

_WORDS: dict[str, CommandName] = {
    "back": "back",
    "go back": "back",
    "previous": "back",
    "undo": "back",
    "skip": "skip",
    "skip it": "skip",
    "skip this": "skip",
    "pass": "skip",
    "cancel": "cancel",
    "stop": "cancel",
    "cancel this": "cancel",
    "cancel draft": "cancel",
    "start over": "start_over",
    "start again": "start_over",
    "restart": "start_over",
    "begin again": "start_over",
    "help": "help",
    "commands": "help",
    "?": "help",
}
_SHOW_FILLER = frozenset({"me", "the", "my", "it", "so", "far", "current", "whole"})
_SHOW_WHAT = frozenset(
    {"text", "markdown", "md", "html", "json", "jsonld", "slack", "draft", "posting", "preview"}
    | {"answers"}
)
_SHOW = re.compile(r"^(show|preview|view)\b\s*(.*)$", re.I)
_EDIT = re.compile(r"^(edit|change|set)\s+(.+)$", re.I)


@dataclass(frozen=True)
class Command:
    """A command typed during a question: its name and what followed it ("show text" -> show,
    "text"; "edit pay 60k" -> edit, "pay 60k"; a question -> question, the question)."""

    name: CommandName
    rest: str = ""


def read_command(text: str | None) -> Command | None:
    """The command `text` is, or None when it is an answer."""
    if text is None:
        return None
    line = " ".join(text.split())
    key = line.lower().strip(" .!")
    if not key and line.strip() != "?":
        return None
    if key in _WORDS:
        return Command(_WORDS[key])
    if line.strip() == "?":
        return Command("help")
    if match := _SHOW.match(key):
        words = [word for word in match.group(2).split() if word not in _SHOW_FILLER]
        # "show text", "show me the draft", "preview": only what names a format or the draft,
        # so a duty such as "Show customers how to reset a router" stays an answer.
        if len(words) <= 1 and all(word in _SHOW_WHAT for word in words):
            return Command("show", words[0] if words else "")
    if (match := _EDIT.match(line)) and split_field(match.group(2)) is not None:
        return Command("edit", match.group(2).strip())
    if line.endswith("?") and len(line) > 1:
        return Command("question", line)
    return None
