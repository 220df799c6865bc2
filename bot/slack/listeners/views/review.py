"""Review modals submitted: "Request changes" (what should change) and "Approve anyway" (why)."""

from __future__ import annotations

import json
from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.slack import review
from bot.slack import review_blocks as rb
from bot.slack.blocks import stored_number
from bot.slack.context import services
from bot.slack.replies import tell
from bot.text import say


def _target(view: dict[str, Any]) -> tuple[int, int] | None:
    try:
        data = json.loads(view.get("private_metadata") or "{}")
        return stored_number(data["d"], low=1), stored_number(data["v"])
    except (ValueError, KeyError, TypeError):
        return None


def _user(body: dict[str, Any]) -> str:
    return str((body.get("user") or {}).get("id") or "")


def changes(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    target = _target(view)
    if target is None:
        ack(response_action="errors", errors={"comment": say("slack.expired")})
        return
    comment = rb.read_text(view, "comment")
    if not comment:
        ack(response_action="errors", errors={"comment": say("review.refused.no_comment")})
        return
    ack()
    user = _user(body)
    review.changes_requested(
        client,
        services(context),
        target[0],
        user,
        comment,
        lambda text: tell(client, body, text, user=user),
    )


def override(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    target = _target(view)
    if target is None:
        ack(response_action="errors", errors={"reason": say("slack.expired")})
        return
    reason = " ".join(rb.read_text(view, "reason").split())
    if len(reason) < rb.MIN_REASON:
        ack(
            response_action="errors",
            errors={"reason": say("review.override_short", count=rb.MIN_REASON)},
        )
        return
    app = services(context)
    user = _user(body)
    draft_id, version = target
    result = review.reviewing(app).approve(
        draft_id,
        user,
        version=version,
        members_of=review.members_of(client),
        override_reason=reason,
    )
    if result.refused is not None:
        ack(response_action="errors", errors={"reason": review.refusal(result)[:2000]})
        return
    ack()
    review.approved(
        client, app, result, user, reason=reason, inform=lambda t: tell(client, body, t, user=user)
    )
