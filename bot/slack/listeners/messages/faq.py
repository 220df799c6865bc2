"""Questions to the FAQ by message: a DM to Newjob, or a question in a draft's thread.

Comes last in the message handlers: the dialogue has taken answers in its thread and review
has taken commands in review threads. @mentions are left to the app_mention listener. In a
channel thread people mostly talk to each other, so only a question the FAQ can answer (or a
"which posting?") gets a reply there; a DM always gets one, refusals included.
"""

from __future__ import annotations

from typing import Any

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.review.commands import looks_like_question
from bot.slack import faq
from bot.slack.context import services, typed_text

# Besides answers, what is worth posting into other people's conversation.
_SAID_IN_THREADS = frozenset({"posting_which"})


def handle(event: dict[str, Any], client: WebClient, context: BoltContext) -> bool:
    bot_user = context.bot_user_id
    text = typed_text(event)
    direct = event.get("channel_type") == "im"
    if bot_user and f"<@{bot_user}" in text and not direct:
        return False  # the app_mention event answers it
    channel = str(event.get("channel") or "")
    ts = str(event.get("ts") or "")
    thread_ts = event.get("thread_ts")
    in_thread = bool(thread_ts) and thread_ts != ts
    question = faq.question_text(text, bot_user)
    if not question:
        return False
    app = services(context)
    user = str(event.get("user") or "")
    if direct and not in_thread:
        faq.reply(client, channel, None, faq.ask(app, question, None, user))
        return True
    if not in_thread or not looks_like_question(question):
        return False
    draft = faq.thread_draft(app, channel, thread_ts)
    if draft is None and not direct:
        return False
    answer = faq.ask(app, question, draft, user)
    if not direct and not answer.answered and answer.kind not in _SAID_IN_THREADS:
        return False
    faq.reply(client, channel, thread_ts, answer)
    return True
