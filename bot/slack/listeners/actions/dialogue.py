"""Answers given by button or ticked boxes in the dialogue thread."""

from __future__ import annotations

import json
from typing import Any

from slack_bolt import Ack, BoltContext, Respond
from slack_sdk import WebClient

from bot.dialogue import Answer
from bot.drafting import role_for
from bot.posting.characters import clean_text
from bot.render.mrkdwn import escape
from bot.slack import living
from bot.slack.context import clicked, services, user_id
from bot.slack.drafts import begin, reopen
from bot.slack.replies import show, tell
from bot.text import say


def answer(ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    ack()
    _apply(body, client, context, lambda choice: Answer(choice=choice))


def picks(ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    ack()
    ticked: list[str] = []
    for block in ((body.get("state") or {}).get("values") or {}).values():
        selected = (block.get("dialogue_tick") or {}).get("selected_options") or []
        ticked.extend(str(option.get("value")) for option in selected)
    _apply(body, client, context, lambda _choice: Answer(picks=ticked))


def tick(ack: Ack) -> None:
    """Ticking a box only changes the message's state; 'Use the ticked ones' reads it."""
    ack()


def _apply(body: dict[str, Any], client: WebClient, context: BoltContext, make: Any) -> None:
    app = services(context)
    target = clicked(body, client, app)
    if target is None:
        return
    session = app.store.session_for_draft(target.draft.id)
    if session is None:
        tell(client, body, say("slack.expired"))
        return
    if target.user != session.user_id:
        tell(client, body, say("slack.not_yours"))
        return
    result = app.drafting.answer(session, make(target.choice), step=target.shown)
    if result.stale:
        tell(client, body, say("slack.stale"))
        return
    living.answered_by_click(client, body, target.draft.id, result.replies)
    show(client, session.channel_id, session.thread_ts, result.replies, result.draft)


def pick_role(
    ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext, respond: Respond
) -> None:
    """A "did you mean" button: start the draft with the role picked."""
    ack()
    app = services(context)
    action = (body.get("actions") or [{}])[0]
    try:
        data = json.loads(str(action.get("value") or ""))
        role = role_for(str(data["k"]))
        typed = " ".join(clean_text(str(data.get("t") or "")).split())
    except (ValueError, KeyError, TypeError):
        role, typed = None, ""
    if role is None:
        tell(client, body, say("slack.expired"))
        return
    team = (body.get("team") or {}).get("id") or ""
    if body.get("response_url"):
        respond(
            text=say("slack.starting", title=escape(typed or role.title)), replace_original=True
        )
    begin(client, app.drafting, team_id=str(team), user=user_id(body), typed_title=typed, role=role)


def _replace_menu(body: dict[str, Any], client: WebClient, respond: Respond, text: str) -> None:
    """The "did you mean" menu replaced by `text` where it was shown (else said privately)."""
    if body.get("response_url"):
        respond(text=text, replace_original=True)
    else:
        tell(client, body, text)


def none_of_these(ack: Ack, body: dict[str, Any], client: WebClient, respond: Respond) -> None:
    """ "None of these": nothing starts; the manager is told how to try another title."""
    ack()
    _replace_menu(body, client, respond, say("titles.type_another"))


def cancel_pick(ack: Ack, body: dict[str, Any], client: WebClient, respond: Respond) -> None:
    """ "Cancel" on a "did you mean": nothing starts."""
    ack()
    _replace_menu(body, client, respond, say("titles.cancelled"))


def reopen_draft(
    ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext, respond: Respond
) -> None:
    """ "Reopen #N" in /newjob list: the draft shows again in its DM thread where it stopped."""
    ack()
    app = services(context)
    action = (body.get("actions") or [{}])[0]
    try:
        draft_id = int(str(action.get("value") or ""))
    except ValueError:
        tell(client, body, say("slack.expired"))
        return
    message = reopen(client, app.drafting, user=user_id(body), draft_id=draft_id)
    if body.get("response_url"):
        respond(text=message, replace_original=False)
    else:
        tell(client, body, message)
