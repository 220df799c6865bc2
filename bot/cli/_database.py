"""The database as the commands use it: said where it is at start, opened only if it is there
when a command only reads it. (A module starting with `_` adds no sub-command.)"""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from bot.store.location import describe, exists
from bot.text import say

if TYPE_CHECKING:
    from bot.store import Store


def announce(url: str) -> None:
    """One line on stderr naming the database, so that stdout stays the command's own output."""
    key = "cli.database.at" if exists(url) else "cli.database.none_yet"
    print(say(key, where=describe(url)), file=sys.stderr, flush=True)


def existing(url: str) -> Store | None:
    """The Store, if the database is there (a missing SQLite file is not made)."""
    from bot.store import Store

    return Store(url) if exists(url) else None
