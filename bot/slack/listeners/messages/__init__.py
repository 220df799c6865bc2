"""Messages: answers in a dialogue thread, and (elsewhere) questions and review replies.

One listener receives every message event and hands it to the first handler that claims it,
so a message is never answered twice.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import App, BoltContext
from slack_sdk import WebClient

from bot.slack.lazy import after_ack
from bot.slack.listeners.messages import dialogue, faq, review

Handler = Callable[[dict[str, Any], WebClient, BoltContext], bool]

# Tried in order; each returns True when the message was its to handle.
HANDLERS: list[Handler] = [dialogue.handle, review.handle, faq.handle]


def route(event: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    if event.get("subtype") not in (None, "file_share", "thread_broadcast"):
        return  # edits, deletions, joins, bot messages
    if event.get("bot_id") or not event.get("user"):
        return
    for handler in HANDLERS:
        if handler(event, client, context):
            return


def register(app: App) -> None:
    app.event("message")(**after_ack(route))
