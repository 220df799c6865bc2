"""`/newjob TITLE`, `/newjob list`, `/newjob open N`, `/newjob help`."""

from __future__ import annotations

import re
from typing import Any

from slack_bolt import Ack, BoltContext, Respond
from slack_sdk import WebClient

from bot.drafting import match_title
from bot.posting.characters import clean_text
from bot.render.mrkdwn import escape
from bot.slack import blocks as bk
from bot.slack.context import services
from bot.slack.drafts import begin, reopen
from bot.text import say

MAX_TITLE = 150


def handle(
    ack: Ack, body: dict[str, Any], respond: Respond, client: WebClient, context: BoltContext
) -> None:
    ack()
    text = " ".join(clean_text(str(body.get("text") or "")).split())
    user = str(body["user_id"])
    if text.lower() in ("", "help", "?"):
        respond(text=say("slack.usage"), response_type="ephemeral")
        return
    app = services(context)
    if text.lower() in ("list", "drafts", "my drafts"):
        drafts = app.store.drafts_for(user)
        respond(
            text=say("slack.your_drafts"),
            blocks=bk.draft_list_blocks(drafts),
            response_type="ephemeral",
        )
        return
    if match := re.fullmatch(r"(?:re)?open\s+#?(\d{1,9})", text, re.I):
        message = reopen(client, app.drafting, user=user, draft_id=int(match.group(1)))
        respond(text=message, response_type="ephemeral")
        return
    if text.lower() in ("open", "reopen"):
        respond(text=say("drafts.open_usage"), response_type="ephemeral")
        return
    found = match_title(text[:MAX_TITLE])
    if found.role is None:
        respond(text=_unknown(found.query, found.suggestions), response_type="ephemeral")
        return
    if found.ambiguous:
        respond(
            text=say("slack.did_you_mean", query=escape(found.query)),
            blocks=bk.did_you_mean_blocks(found.query, found.choices(), found.why()),
            response_type="ephemeral",
        )
        return
    respond(text=say("slack.starting", title=escape(text)), response_type="ephemeral")
    begin(
        client,
        app.drafting,
        team_id=str(body.get("team_id") or ""),
        user=user,
        typed_title=text,
        role=found.role,
    )


def _unknown(query: str, suggestions: list[str]) -> str:
    text = say("slack.unknown_title", query=escape(query[:100]))
    if suggestions:
        names = ", ".join(escape(name) for name in suggestions[:5])
        return f"{text} {say('slack.nearest', names=names)}"
    return f"{text} {say('slack.no_suggestions')}"
