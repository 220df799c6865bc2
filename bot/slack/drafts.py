"""Slack steps shared by several listeners: starting a draft in a DM thread."""

from __future__ import annotations

from slack_sdk import WebClient

from bot.dialogue import Note
from bot.drafting import Drafting, ReopenRefused
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


def reopen(client: WebClient, drafting: Drafting, *, user: str, draft_id: int) -> str:
    """Show one of `user`'s unfinished drafts again in its DM thread, where it stopped (the
    question, or the preview); returns what to tell the user where they asked."""
    try:
        reopened = drafting.reopen(draft_id, user)
    except ReopenRefused as refused:
        return str(refused)
    draft = reopened.draft
    note = Note(say("drafts.reopened", title=draft.title, id=draft.id))
    channel = draft.dm_channel or client.conversations_open(users=user)["channel"]["id"]
    thread = draft.dm_thread_ts
    if reopened.session is not None:
        channel, thread = reopened.session.channel_id, reopened.session.thread_ts
    if not thread:
        parent = client.chat_postMessage(
            channel=channel,
            text=say("slack.thread_parent", title=escape(draft.title), draft_id=draft.id),
        )
        thread = str(parent["ts"])
    show(client, channel, thread, [note, *reopened.replies], draft)
    return say("drafts.reopened_in_thread", id=draft.id)
