"""`newjob ask [QUESTION] [--json]`: a question about roles, pay or our postings, answered.

Answers name their sources (curated role pages, O*NET 29.3, BLS OEWS May 2025, the posting);
what the FAQ cannot answer it says so. With no QUESTION, reads questions from stdin, one a line,
and writes one answer a line (one JSON line each with --json: {"question", "answered", "answer",
"sources"}, see ../shared/design.md). Exit 1 when a single question could not be answered.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.faq import Faq, FaqAnswer
    from bot.store import Store


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "ask",
        help="ask about a role, its pay or an open posting",
        description="Answer a question about a role, its pay or one of our postings, "
        "with sources. Without QUESTION, read one question a line from stdin.",
    )
    parser.add_argument("question", nargs="*", metavar="QUESTION", help="the question")
    parser.add_argument("--json", action="store_true", help="print each answer as one JSON line")
    parser.set_defaults(func=run)


def _store() -> Store | None:
    """The postings' database, if there is one (a missing SQLite file is not created)."""
    from bot.cli._database import announce, existing
    from bot.settings import Settings

    url = Settings().database_url
    announce(url)
    return existing(url)


def _print(answer: FaqAnswer, as_json: bool) -> None:
    if as_json:
        print(json.dumps(answer.json_dict(), ensure_ascii=False), flush=True)
        return
    print(answer.answer)
    if answer.sources:
        print("Sources:")
        for source in answer.sources:
            print(f"  - {source}")
    print(flush=True)


def _answer(faq: Faq, question: str) -> FaqAnswer:
    return faq.ask(question)


def run(args: argparse.Namespace) -> int:
    from bot.faq import Faq

    store = _store()
    faq = Faq(store)
    try:
        if args.question:
            answer = _answer(faq, " ".join(args.question))
            _print(answer, args.json)
            return 0 if answer.answered else 1
        # One answer a line read, blank lines included, so answers line up with questions.
        for line in sys.stdin:
            _print(_answer(faq, line.strip()), args.json)
        return 0
    finally:
        if store is not None:
            store.dispose()
