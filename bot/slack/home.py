"""The App Home view, built from the store."""

from __future__ import annotations

from typing import Any

from bot.render.mrkdwn import escape
from bot.slack import blocks as bk
from bot.store import DraftRecord, DraftStatus
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


def home_view(app: Any, user: str) -> dict[str, Any]:
    from bot.review.policy import may_approve

    mine = app.store.drafts_for(user, limit=20)
    waiting = [
        draft
        for draft in app.store.drafts_in([DraftStatus.IN_REVIEW], limit=50)
        if draft.requester != user and may_approve(app, user)
    ]
    blocks: list[bk.Block] = [
        {"type": "header", "text": bk.plain(say("slack.home_title"), 150)},
        bk.context(say("slack.home_help")),
        bk.section(say("slack.home_mine")),
        bk.section("\n".join(_line(d) for d in mine[:20]) or say("slack.home_none")),
        {"type": "divider"},
        bk.section(say("slack.home_waiting")),
        bk.section("\n".join(_line(d) for d in waiting[:20]) or say("slack.home_none")),
    ]
    return {"type": "home", "blocks": blocks}
