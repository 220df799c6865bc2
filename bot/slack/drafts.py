"""Slack steps shared by several listeners: starting a draft in a DM thread."""

from __future__ import annotations

from slack_sdk import WebClient

from bot.drafting import Drafting
from bot.render.mrkdwn import escape
from bot.roles.template import RoleTemplate
from bot.slack.replies import show
from bot.text import say


def posting_title(typed: str, role: RoleTemplate) -> str:
    """The title as the manager typed it, capitalised like a title when typed all lower-case."""
    typed = " ".join(typed.split())[:150]
    if not typed:
        return role.title
    return typed.title() if typed.islower() else typed


def begin(
    client: WebClient,
    drafting: Drafting,
    *,
    team_id: str,
    user: str,
    typed_title: str,
    role: RoleTemplate,
) -> int:
    """Open a DM with the manager, start a thread there and ask the first question."""
    title = posting_title(typed_title, role)
    started = drafting.start(team_id=team_id, requester=user, title=title, role=role)
    channel = client.conversations_open(users=user)["channel"]["id"]
    parent = client.chat_postMessage(
        channel=channel,
        text=say("slack.thread_parent", title=escape(title), draft_id=started.draft.id),
    )
    thread_ts = str(parent["ts"])
    drafting.attach(started, channel_id=channel, thread_ts=thread_ts)
    show(client, channel, thread_ts, started.replies, started.draft)
    return started.draft.id
