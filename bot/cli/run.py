"""`newjob run` (what `make run` starts): the Slack app when tokens are set, else the playground."""

from __future__ import annotations

import argparse

from bot.cli import chat, serve


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser(
        "run", help="the Slack app if SLACK_BOT_TOKEN is set, otherwise the terminal playground"
    )
    parser.add_argument("--port", type=int, default=3000, help="HTTP port in HTTP mode")
    parser.add_argument("--host", default="0.0.0.0", help="HTTP address (default 0.0.0.0)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from bot.settings import Settings
    from bot.text import say

    settings = Settings()
    if settings.slack_configured:
        # Neither mode asked for: serve takes Socket Mode when SLACK_APP_TOKEN is set, else
        # HTTP, and says what each needs when neither's setting is there.
        return serve.run(
            argparse.Namespace(socket=False, http=False, port=args.port, host=args.host)
        )
    print(say("terminal.connect_slack"))
    return chat.run(argparse.Namespace(user="you"))
