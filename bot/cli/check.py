"""`newjob check FILE [--location TEXT] [--json]`: check any posting, ours or pasted.

FILE is Markdown or plain text, or one of our Postings as JSON; `-` reads standard input. Exit 1
when any finding is an error, 2 when the file or the location cannot be read or the file is
empty, 0 otherwise.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from bot.checks.model import Finding


def _say(key: str, **params: object) -> str:
    from bot.checks.rulebook import say

    return say(f"cli.{key}", **params)


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("check", help=_say("help"))
    parser.add_argument("file", metavar="FILE", help=_say("file_help"))
    parser.add_argument("--location", metavar="TEXT", help=_say("location_help"))
    parser.add_argument("--json", action="store_true", help=_say("json_help"))
    parser.add_argument("--today", metavar="DATE", help=_say("today_help"))
    parser.set_defaults(func=run)


def _read(path: str) -> str:
    if path == "-":
        return sys.stdin.read()
    return Path(path).read_text(encoding="utf-8")


def run(args: argparse.Namespace) -> int:
    from pydantic import ValidationError

    from bot.checks import check_posting, check_text
    from bot.posting import ParseError, Posting
    from bot.posting.model import describe_errors

    try:
        text = _read(args.file)
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        print(_say("no_file", path=args.file, reason=reason), file=sys.stderr)
        return 2
    if not text.strip():
        print(_say("empty", path=args.file), file=sys.stderr)
        return 2
    today = None
    if args.today:
        try:
            today = dt.date.fromisoformat(args.today)
        except ValueError:
            print(_say("bad_today", value=args.today), file=sys.stderr)
            return 2
    findings: list[Finding]
    try:
        if text.lstrip().startswith("{"):
            try:
                posting = Posting.model_validate_json(text)
            except ValidationError as exc:
                reason = "; ".join(describe_errors(exc))
                print(_say("bad_json", path=args.file, reason=reason), file=sys.stderr)
                return 2
            if args.location:
                from bot.posting import parse_location

                posting = posting.model_copy(update={"location": parse_location(args.location)})
            findings = check_posting(posting, today=today)
        else:
            findings = check_text(text, location=args.location, today=today)
    except ParseError as exc:
        print(_say("bad_location", reason=exc.message), file=sys.stderr)
        return 2
    if args.json:
        print(json.dumps({"findings": [f.contract() for f in findings]}, ensure_ascii=False))
    else:
        print(listing(findings))
    return 1 if any(f.severity == "error" for f in findings) else 0


def listing(findings: list[Finding]) -> str:
    """The findings for a person: the summary line, then errors, warnings and notes in turn."""
    from bot.checks import SEVERITIES, summarise
    from bot.checks.rulebook import say

    checked = list(findings)
    lines = [summarise(checked).line]
    for severity in SEVERITIES:
        group = [f for f in checked if f.severity == severity]
        if not group:
            continue
        name = say(f"summary.heading.{severity}")
        lines += ["", _say("heading", name=name, count=len(group))]
        for finding in group:
            category = say(f"summary.category.{finding.category}")
            lines.append(f"  - [{category}] {finding.message}")
            if finding.excerpt:
                lines.append(f"      “{finding.excerpt}”")
            if finding.suggestion:
                lines.append("      " + say("summary.suggestion", suggestion=finding.suggestion))
    return "\n".join(lines)
