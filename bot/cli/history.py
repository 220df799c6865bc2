"""`newjob history DRAFT_ID`: the audit trail of one draft."""

from __future__ import annotations

import argparse
import json
import sys


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("history", help="what happened to a draft, who did it and when")
    parser.add_argument("draft_id", help="the draft's number (as in /newjob list)")
    parser.add_argument("--json", action="store_true", help="one JSON object an event")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from bot.settings import Settings
    from bot.store import Store, StoreUnavailable

    draft_id = str(args.draft_id).lstrip("#")
    if not draft_id.isdigit():
        print(f"newjob: “{args.draft_id}” is not a draft number.", file=sys.stderr)
        return 2
    store = Store(Settings().database_url)
    try:
        store.migrate()
        draft = store.draft(int(draft_id))
        if draft is None:
            print(f"newjob: there is no draft #{draft_id}.", file=sys.stderr)
            return 2
        events = store.history(draft.id)
    except StoreUnavailable as exc:
        print(f"newjob: cannot open the database ({exc}).", file=sys.stderr)
        return 2
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
        detail = "; ".join(f"{k}: {v}" for k, v in event.detail.items() if v not in ("", None))
        when = event.at.strftime("%Y-%m-%d %H:%M:%S UTC")
        print(
            f"{when}  {event.kind:<18}{version:<5} {event.actor}"
            + (f"  ({detail})" if detail else "")
        )
    return 0
