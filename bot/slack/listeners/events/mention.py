"""@Newjob in a channel: the question after the mention, answered in a thread of the message."""

from __future__ import annotations

from typing import Any

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.slack import faq
from bot.slack.context import services, typed_text


def answer(event: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    user = str(event.get("user") or "")
    if event.get("bot_id") or not user or user == context.bot_user_id:
        return
    channel = str(event.get("channel") or "")
    ts = str(event.get("ts") or "")
    thread_ts = event.get("thread_ts")
    app = services(context)
    question = faq.question_text(typed_text(event), context.bot_user_id)
    draft = faq.thread_draft(app, channel, thread_ts) if thread_ts else None
    faq.reply(client, channel, thread_ts or ts, faq.ask(app, question, draft, user))
