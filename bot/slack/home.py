"""The App Home view, built from the store: my drafts, and the drafts waiting for my approval."""

from __future__ import annotations

from typing import Any

from slack_sdk import WebClient

from bot.render.mrkdwn import escape
from bot.slack import blocks as bk
from bot.store import DraftRecord
from bot.text import say


def _line(draft: DraftRecord) -> str:
    line = say(
        "slack.draft_line",
        id=draft.id,
        title=escape(draft.title),
        version=draft.current_version,
        status=say(f"slack.status.{draft.status.value}"),
    )
    if draft.permalink.startswith("https://"):
        line += f" · <{draft.permalink}|open>"
    return line


def _waiting_line(draft: DraftRecord) -> str:
    from bot.slack.review_blocks import link_target, mention

    line = say(
        "review.home_line",
        id=draft.id,
        title=escape(draft.title),
        version=draft.current_version,
        requester=mention(draft.requester),
    )
    if draft.permalink.startswith("https://"):
        line += f" · <{link_target(draft.permalink)}|{say('review.home_open')}>"
    return line


def home_view(app: Any, user: str, client: WebClient | None = None) -> dict[str, Any]:
    """`client` resolves the user groups in NEWJOB_APPROVERS (usergroups.users.list)."""
    from bot.slack.review import members_of, reviewing

    mine = app.store.drafts_for(user, limit=20)
    waiting = reviewing(app).waiting_for(user, members_of(client) if client else None)
    blocks: list[bk.Block] = [
        {"type": "header", "text": bk.plain(say("slack.home_title"), 150)},
        bk.context(say("slack.home_help")),
        bk.section(say("slack.home_mine")),
        bk.section("\n".join(_line(d) for d in mine[:20]) or say("slack.home_none")),
        {"type": "divider"},
        bk.section(say("slack.home_waiting")),
        bk.section("\n".join(_waiting_line(d) for d in waiting[:20]) or say("slack.home_none")),
    ]
    return {"type": "home", "blocks": blocks}
