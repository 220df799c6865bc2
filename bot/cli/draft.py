"""`newjob draft TITLE [--answers FILE] [--format …]`: a posting drafted from a role, printed.

Exit 2, with one line on stderr, for a title no role matches or answers that cannot be used.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.text import say

if TYPE_CHECKING:
    from bot.roles.template import RoleTemplate

# The same names as bot.render.FORMATS, written out so `newjob --help` need not import rendering.
FORMATS = ("markdown", "html", "text", "slack", "jsonld", "json")
_NEAREST = 3


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "draft", help=say("draft.help.command"), description=say("draft.help.command")
    )
    parser.add_argument("title", nargs="+", metavar="TITLE", help=say("draft.help.title"))
    parser.add_argument("--answers", metavar="FILE", type=Path, help=say("draft.help.answers"))
    parser.add_argument(
        "--format", choices=FORMATS, default="markdown", help=say("draft.help.format")
    )
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from bot.dialogue.suggest import market_notes
    from bot.posting.draft import DraftError, posting_from_role
    from bot.render import render
    from bot.roles.curated import RoleFileError

    title = " ".join(args.title)
    try:
        role, nearest = _find_role(title)
    except RoleFileError as exc:
        return _fail(say("draft.role_file", reason=str(exc)), code=1)
    if role is None:
        return _fail(say("draft.unknown_title", title=title, nearest=", ".join(nearest)))
    answers: dict[str, Any] = {}
    if args.answers is not None:
        loaded = _read_answers(args.answers)
        if isinstance(loaded, str):
            return _fail(loaded)
        answers = loaded
    try:
        posting = posting_from_role(
            role, answers, organisation_defaults=_company(), typed_title=title
        )
    except DraftError as exc:
        return _fail(say("draft.invalid_answers", path=args.answers, reason=exc.message))
    notes = market_notes(posting, role) if args.format == "slack" else None
    text = render(posting, args.format, notes)
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
    return 0


def _fail(reason: str, code: int = 2) -> int:
    print(f"newjob draft: {' '.join(reason.split())}", file=sys.stderr)
    return code


def _company() -> dict[str, Any]:
    """The hiring organisation's defaults from NEWJOB_COMPANY_* (environment or .env)."""
    from bot.settings import Settings

    settings = Settings()
    return {
        "name": settings.newjob_company_name,
        "url": settings.newjob_company_url,
        "about": settings.newjob_company_about,
    }


def _read_answers(path: Path) -> dict[str, Any] | str:
    """The answers in a YAML or JSON file, or the sentence saying why they cannot be read."""
    import yaml

    try:
        text = path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError) as exc:
        reason = getattr(exc, "strerror", None) or str(exc)
        return say("draft.answers_unreadable", path=path, reason=reason)
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text) if text.strip() else {}
        except json.JSONDecodeError as exc:
            return say("draft.answers_syntax", path=path, kind="JSON", line=exc.lineno)
    else:
        try:
            data = yaml.safe_load(text)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            line = mark.line + 1 if mark is not None else None
            return say("draft.answers_syntax", path=path, kind="YAML", line=line)
    if data is None:
        return {}
    if not isinstance(data, dict) or not all(isinstance(key, str) for key in data):
        return say("draft.answers_not_mapping", path=path)
    return data


def _find_role(title: str) -> tuple[RoleTemplate | None, list[str]]:
    """The role for `title` (curated roles over the O*NET catalogue), else the nearest titles."""
    from bot.roles.lookup import find_role

    found = find_role(title)
    if found.role is not None:
        return found.role, []
    return None, list(found.suggestions)[:_NEAREST]
