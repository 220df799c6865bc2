"""Replies in a draft's review thread: `approve`/`lgtm`, `changes: …`, `set …`, `add …`,
`remove …`.

A message in a review thread is claimed here: commands are carried out, what only starts like one
gets a one-line help, and anything else (people talking to each other) gets no answer. Messages
that @mention Newjob are left to the app_mention listener.
"""

from __future__ import annotations

from typing import Any

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.review.commands import Approve, RequestChanges, clean, parse
from bot.slack import review
from bot.slack.context import services, typed_text
from bot.text import say


def handle(event: dict[str, Any], client: WebClient, context: BoltContext) -> bool:
    thread_ts = str(event.get("thread_ts") or "")
    channel = str(event.get("channel") or "")
    if not thread_ts or event.get("channel_type") == "im" or thread_ts == event.get("ts"):
        return False
    app = services(context)
    draft = app.store.draft_by_review_message(channel, thread_ts)
    if draft is None:
        return False
    user = str(event.get("user") or "")
    text = typed_text(event)
    command = parse(text)

    def inform(message: str) -> None:
        review.ephemeral(client, channel, user, message, thread_ts)

    if command is None:
        # Quiet threads: people talk to each other here. Only what starts like a command gets
        # a (one-line) answer; an @mention is the app_mention listener's.
        if review.starts_like_command(text):
            inform(say("review.help"))
        return not review.mentions(text, context.bot_user_id)
    if isinstance(command, Approve):
        review.approve(client, app, draft.id, user, inform)
    elif isinstance(command, RequestChanges):
        review.changes_requested(client, app, draft.id, user, command.comment, inform)
    else:
        revision = review.reviewing(app).apply(
            draft.id, user, command, note=clean(text)[:500], members_of=review.members_of(client)
        )
        review.revised(client, app, revision, user, inform)
    return True
