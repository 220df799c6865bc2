"""@Newjob in a channel: the question after the mention, answered in a thread of the message.

In a review thread, a mention that is a review command ("@Newjob approve") is the message
listener's to carry out, so it is not answered twice. A question the FAQ can't place (off
topic) gets one short line rather than the FAQ's whole refusal, since others read the channel.
"""

from __future__ import annotations

from typing import Any

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.review.commands import parse
from bot.slack import faq
from bot.slack import review as slack_review
from bot.slack.context import services, typed_text
from bot.text import say

# What the FAQ says when it can't place a question at all.
_OFF_TOPIC = frozenset({"refuse", "unsure"})


def answer(event: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    user = str(event.get("user") or "")
    if event.get("bot_id") or not user or user == context.bot_user_id:
        return
    channel = str(event.get("channel") or "")
    ts = str(event.get("ts") or "")
    thread_ts = event.get("thread_ts")
    app = services(context)
    text = typed_text(event)
    if (
        thread_ts
        and (parse(text) is not None or slack_review.starts_like_command(text))
        and app.store.draft_by_review_message(channel, str(thread_ts)) is not None
    ):
        return
    question = faq.question_text(text, context.bot_user_id)
    draft = faq.thread_draft(app, channel, thread_ts) if thread_ts else None
    found = faq.ask(app, question, draft, user)
    if not found.answered and found.kind in _OFF_TOPIC:
        client.chat_postMessage(
            channel=channel, thread_ts=thread_ts or ts, text=say("slack.mention_off_topic")
        )
        return
    faq.reply(client, channel, thread_ts or ts, found)
