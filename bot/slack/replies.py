"""Showing the dialogue's replies in a Slack thread, and telling a user what went wrong."""

from __future__ import annotations

import logging
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError

from bot.dialogue import Ask, Cancelled, Note, Preview, Problem, Reply, Shown
from bot.render.mrkdwn import escape
from bot.slack import blocks as bk
from bot.store import DraftRecord
from bot.text import say

log = logging.getLogger(__name__)


def reply_message(reply: Reply, draft: DraftRecord) -> tuple[str, list[bk.Block]]:
    """The text and blocks of one reply."""
    if isinstance(reply, Ask):
        return bk.question_text(reply), bk.question_blocks(reply, draft.id)
    if isinstance(reply, Problem):
        text = "⚠️ " + escape(reply.text)
        return text, [bk.section(text)]
    if isinstance(reply, Note | Cancelled):
        text = escape(reply.text)
        return text, [bk.section(text)]
    if isinstance(reply, Shown):
        # The draft so far, as plain text in code blocks (a section holds 3,000 characters).
        body = escape(reply.text)
        chunks = [body[start : start + 2900] for start in range(0, len(body), 2900)] or [""]
        return body[:3000], [bk.section(f"```{chunk}```") for chunk in chunks[:10]]
    if isinstance(reply, Preview):
        from bot.slack.checks import check_blocks

        note = say("dialogue.finished")
        blocks = bk.preview_blocks(
            reply.posting,
            draft,
            missing=reply.missing,
            checks=check_blocks(reply.posting, draft),
            note=note,
        )
        return escape(f"{note} {reply.posting.title}"), blocks
    raise TypeError(reply)


def show(
    client: WebClient, channel: str, thread_ts: str, replies: list[Reply], draft: DraftRecord
) -> None:
    """Post the replies in the thread; a problem or note goes in one message with what follows."""
    pending: list[bk.Block] = []
    for reply in replies:
        text, blocks = reply_message(reply, draft)
        if isinstance(reply, Problem | Note | Shown) and reply is not replies[-1]:
            pending.extend(blocks)
            continue
        blocks = [*pending, *blocks][: bk.MAX_BLOCKS]
        pending = []
        client.chat_postMessage(channel=channel, thread_ts=thread_ts, text=text, blocks=blocks)


def tell(client: WebClient, body: dict[str, Any], text: str, *, user: str = "") -> None:
    """A private note to the person who acted, wherever they acted; never raises."""
    from bot.slack.context import channel_id, user_id

    who = user or user_id(body)
    channel = channel_id(body)
    thread = ((body.get("container") or {}).get("thread_ts")) or (
        (body.get("event") or {}).get("thread_ts")
    )
    try:
        if channel and who:
            kwargs: dict[str, Any] = {"channel": channel, "user": who, "text": text}
            if thread:
                kwargs["thread_ts"] = thread
            client.chat_postEphemeral(**kwargs)
        elif who:
            dm = client.conversations_open(users=who)["channel"]["id"]
            client.chat_postMessage(channel=dm, text=text)
    except SlackApiError as exc:
        log.warning("could not tell %s: %s", who, exc.response.get("error"))
    except OSError as exc:  # Slack unreachable, or slower than the client's timeout
        log.warning("could not tell %s: %s", who, exc)


def show_version(client: WebClient, app: Any, draft_id: int, *, note: str = "") -> None:
    """Show the draft's current version as a preview in the manager's DM thread."""
    from bot.slack.checks import check_blocks

    draft = app.store.draft(draft_id)
    if draft is None or not draft.dm_channel:
        return
    posting = app.drafting.posting(draft)
    if posting is None:
        return
    from bot.text import field_label

    missing = [field_label(field) for field in posting.missing()]
    blocks = bk.preview_blocks(
        posting, draft, missing=missing, checks=check_blocks(posting, draft), note=note
    )
    client.chat_postMessage(
        channel=draft.dm_channel,
        thread_ts=draft.dm_thread_ts or None,
        text=escape(f"{note} {posting.title}".strip()),
        blocks=blocks,
    )
