"""Typed answers in the manager's DM thread."""

from __future__ import annotations

from typing import Any

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.dialogue import Answer
from bot.slack import living
from bot.slack.context import services, typed_text
from bot.slack.replies import show


def handle(event: dict[str, Any], client: WebClient, context: BoltContext) -> bool:
    if event.get("channel_type") != "im":
        return False
    app = services(context)
    channel = str(event.get("channel") or "")
    user = str(event.get("user") or "")
    session = app.drafting.session(channel, event.get("thread_ts"))
    if session is None or session.status != "active" or session.user_id != user:
        return False
    result = app.drafting.answer(session, Answer(text=typed_text(event)))
    if not result.stale:
        living.answered_by_typing(
            client, session.channel_id, session.thread_ts, result.draft.id, result.replies
        )
        show(client, session.channel_id, session.thread_ts, result.replies, result.draft)
    return True
