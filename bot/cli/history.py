"""`newjob history DRAFT_ID`: the audit trail of one draft."""

from __future__ import annotations

import argparse
import json
import sys

from bot.text import say


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("history", help=say("cli.history.help"))
    parser.add_argument("draft_id", help=say("cli.history.draft_help"))
    parser.add_argument("--json", action="store_true", help=say("cli.history.json_help"))
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from bot.cli._database import announce, existing
    from bot.settings import Settings
    from bot.store import StoreUnavailable
    from bot.store.location import describe

    draft_id = str(args.draft_id).lstrip("#")
    if not draft_id.isdigit():
        print(say("cli.history.not_a_number", value=args.draft_id), file=sys.stderr)
        return 2
    url = Settings().database_url
    announce(url)
    store = existing(url)
    if store is None:
        print(say("cli.history.no_database", where=describe(url)), file=sys.stderr)
        return 2
    try:
        store.migrate()
        draft = store.draft(int(draft_id))
        if draft is None:
            print(say("cli.history.no_draft", id=draft_id, where=describe(url)), file=sys.stderr)
            return 2
        events = store.history(draft.id)
    except StoreUnavailable as exc:
        print(say("cli.history.cannot_open", reason=str(exc)), file=sys.stderr)
        return 2
    finally:
        store.dispose()
    if args.json:
        for event in events:
            print(
                json.dumps(
                    {
                        "draft": event.draft_id,
                        "version": event.version,
                        "event": event.kind,
                        "who": event.actor,
                        "when": event.at.isoformat(),
                        "detail": event.detail,
                    }
                )
            )
        return 0
    print(f"#{draft.id} {draft.title} ({draft.status.value}, v{draft.current_version})")
    for event in events:
        version = f" v{event.version}" if event.version else ""
        detail = "; ".join(
            f"{key}: {_readable(value)}"
            for key, value in event.detail.items()
            if value not in ("", None, [])
        )
        when = event.at.strftime("%Y-%m-%d %H:%M:%S UTC")
        print(
            f"{when}  {event.kind:<18}{version:<5} {event.actor}"
            + (f"  ({detail})" if detail else "")
        )
    return 0


def _readable(value: object) -> str:
    """A detail as a person writes it: a list of names joined by commas, a list of sentences
    each in quotes ("files: a.md, a.html", "errors: “The law …”, “…”")."""
    if isinstance(value, list | tuple):
        items = [str(item) for item in value]
        if any(" " in item for item in items):
            return ", ".join(f"“{item}”" for item in items)
        return ", ".join(items)
    return str(value)
