"""Living messages in the manager's DM thread: they change as the draft moves on, instead of
new messages piling up under stale buttons.

- A question, once answered, loses its buttons and shows what was picked ('✅ On-site').
- A preview, once the draft is submitted, shows its status instead of Submit / Edit / Start
  over ('📤 In review · View'), and follows it ('✅ Published · View').
- The thread's first message shows where the draft stands.

The blocks are `bot.slack.blocks`'; here they are read from Slack (the clicked message, or the
thread by conversations.replies) and written back with chat.update. Nothing here raises: a
message left as it was is better than a failed answer.
"""

from __future__ import annotations

import logging
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackClientError

from bot.dialogue import Ask, Problem, Reply
from bot.dialogue.engine import BACK, SKIP
from bot.render.mrkdwn import escape
from bot.slack import blocks as bk
from bot.store import DraftRecord, DraftStatus
from bot.text import say

log = logging.getLogger(__name__)
THREAD_LIMIT = 200  # messages read from a draft's DM thread: a whole dialogue is far fewer


def _update(client: WebClient, channel: str, ts: str, text: str, blocks: list[Any]) -> None:
    try:
        client.chat_update(channel=channel, ts=ts, text=text, blocks=blocks)
    except (SlackClientError, OSError) as exc:
        log.warning("could not update %s/%s: %s", channel, ts, exc)


def _thread(client: WebClient, channel: str, thread_ts: str) -> list[dict[str, Any]]:
    if not channel or not thread_ts:
        return []
    try:
        found = client.conversations_replies(channel=channel, ts=thread_ts, limit=THREAD_LIMIT)
    except (SlackClientError, OSError) as exc:
        log.warning("could not read the thread %s/%s: %s", channel, thread_ts, exc)
        return []
    return list(found.get("messages") or [])


def _accepted(replies: list[Reply]) -> bool:
    """The answer was taken (no problem with it, so the question is not asked again)."""
    return not any(isinstance(reply, Problem) for reply in replies)


def clicked_answer(body: dict[str, Any]) -> str:
    """What a click on a question answered, as the question should show it."""
    action = (body.get("actions") or [{}])[0]
    if action.get("action_id") == "dialogue_picks":
        ticked: list[int] = []
        for block in ((body.get("state") or {}).get("values") or {}).values():
            selected = (block.get("dialogue_tick") or {}).get("selected_options") or []
            ticked += [int(o["value"]) + 1 for o in selected if str(o.get("value")).isdigit()]
        if not ticked:
            return say("slack.living.ticked_none")
        return say("slack.living.ticked", numbers=", ".join(str(n) for n in sorted(ticked)))
    try:
        _draft, _step, choice = bk.read_action_value(str(action.get("value") or ""))
    except (ValueError, KeyError, TypeError):
        choice = ""
    if choice == SKIP:
        return say("slack.living.skipped")
    if choice == BACK:
        return say("slack.living.went_back")
    label = str((action.get("text") or {}).get("text") or "")
    return say("slack.living.picked", label=label)


def answered_by_click(
    client: WebClient, body: dict[str, Any], draft_id: int, replies: list[Reply]
) -> None:
    """The question clicked on, answered: its buttons replaced by the answer."""
    message = body.get("message") or {}
    channel = str((body.get("channel") or {}).get("id") or "")
    ts = str(message.get("ts") or (body.get("container") or {}).get("message_ts") or "")
    blocks = list(message.get("blocks") or [])
    if not (channel and ts and blocks) or not _accepted(replies):
        return
    if not bk.has_live_question(blocks, draft_id):
        return
    answer = clicked_answer(body)
    _update(client, channel, ts, escape(answer), bk.answered_blocks(blocks, draft_id, answer))


def answered_by_typing(
    client: WebClient, channel: str, thread_ts: str, draft_id: int, replies: list[Reply]
) -> None:
    """An answer typed in the thread: the questions above it still showing buttons lose them,
    as answered, or (when the reply asks the same question again, after a problem with the
    answer) as asked again below. Called before the replies are posted."""
    again = {f"answer-{draft_id}-{reply.number - 1}" for reply in replies if isinstance(reply, Ask)}
    accepted = _accepted(replies)
    for message in _thread(client, channel, thread_ts):
        blocks = list(message.get("blocks") or [])
        if not (message.get("bot_id") and bk.has_live_question(blocks, draft_id)):
            continue
        if any(block.get("block_id") in again for block in blocks):
            answer = say("slack.living.asked_again")
        elif accepted:
            answer = say("slack.living.typed")
        else:
            continue
        _update(
            client,
            channel,
            str(message["ts"]),
            escape(answer),
            bk.answered_blocks(blocks, draft_id, answer),
        )


def status_line(draft: DraftRecord) -> str:
    """What a settled preview says about the draft now; '' while it is still being written."""
    from bot.slack.review_blocks import link_target

    link = link_target(draft.permalink) if draft.permalink.startswith("https://") else ""
    keys = {
        DraftStatus.IN_REVIEW: "slack.living.in_review",
        DraftStatus.CHANGES_REQUESTED: "slack.living.changes_requested",
        DraftStatus.APPROVED: "slack.living.approved",
        DraftStatus.PUBLISHED: "slack.living.published",
    }
    key = keys.get(draft.status)
    return say(key, version=draft.current_version, link=link) if key else ""


def show_status(client: WebClient, draft: DraftRecord) -> None:
    """The DM thread follows the draft: its previews show the status in place of their buttons,
    and its first message says where the draft stands. Only what changed is updated."""
    line = status_line(draft)
    if not line or not draft.dm_channel.startswith("D") or not draft.dm_thread_ts:
        return
    for message in _thread(client, draft.dm_channel, draft.dm_thread_ts):
        if not message.get("bot_id"):
            continue
        ts = str(message.get("ts") or "")
        blocks = list(message.get("blocks") or [])
        if ts == draft.dm_thread_ts:
            parent = say(
                "slack.thread_parent_status",
                title=escape(draft.title),
                draft_id=draft.id,
                status=say(f"slack.status.{draft.status.value}"),
            )
            if message.get("text") != parent:
                _update(client, draft.dm_channel, ts, parent, [bk.section(parent)])
            continue
        shown = bk.preview_status(blocks, draft.id)
        if shown is not None and shown != line:
            text = str(message.get("text") or escape(draft.title))
            blocks = bk.settled_preview_blocks(blocks, draft.id, line)
            _update(client, draft.dm_channel, ts, text, blocks)
