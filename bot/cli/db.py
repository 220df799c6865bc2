"""`newjob db upgrade`: bring the database's schema to the newest revision (alembic)."""

from __future__ import annotations

import argparse
import sys

from bot.text import say


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("db", help=say("cli.db.help"))
    actions = parser.add_subparsers(dest="db_command", metavar="ACTION", required=True)
    upgrade = actions.add_parser("upgrade", help=say("cli.db.upgrade_help"))
    upgrade.set_defaults(func=run_upgrade)


def run_upgrade(_args: argparse.Namespace) -> int:
    from bot.cli._database import announce
    from bot.settings import Settings
    from bot.store import Store, StoreUnavailable
    from bot.store.schema import current

    url = Settings().database_url
    announce(url)
    try:
        store = Store(url)
    except StoreUnavailable as exc:
        print(say("cli.db.cannot_open", reason=str(exc)), file=sys.stderr)
        return 2
    try:
        store.migrate()
        with store.engine.connect() as connection:
            revision = ", ".join(current(connection))
    except StoreUnavailable as exc:
        print(say("cli.db.cannot_open", reason=str(exc)), file=sys.stderr)
        return 2
    finally:
        store.dispose()
    print(say("cli.db.upgraded", revision=revision))
    return 0
