"""`newjob chat`: the terminal playground."""

from __future__ import annotations

import argparse
import sys


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("chat", help="the terminal playground (no Slack needed)")
    parser.add_argument("--user", default="you", help="who you are in the playground")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from bot.cli._database import announce
    from bot.settings import Settings
    from bot.store import Store, StoreUnavailable
    from bot.terminal.playground import Playground
    from bot.terminal.playground import run as loop
    from bot.text import say

    settings = Settings()
    store = Store(settings.database_url)
    try:
        store.migrate()
    except StoreUnavailable as exc:
        print(say("settings.database", reason=str(exc)), file=sys.stderr)
        return 2
    announce(settings.database_url)
    return loop(Playground(store, settings, user=args.user))
