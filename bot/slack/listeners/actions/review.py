"""Review buttons: Submit for review (on the preview), and on the review post Approve, Request
changes, Approve anyway (override the checks) and Retry publishing. Edit is the preview's
listener (`preview.edit`): the same form, for the requester, wherever it is clicked."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.review.reviewing import UNDER_REVIEW
from bot.slack import review
from bot.slack import review_blocks as rb
from bot.slack.context import clicked, services
from bot.slack.replies import tell
from bot.text import say


def _inform(client: WebClient, body: dict[str, Any]) -> review.Inform:
    return lambda text: tell(client, body, text)


def submit(ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    ack()
    app = services(context)
    target = clicked(body, client, app)
    if target is None:
        return
    draft = target.draft
    review.submit(client, app, draft.id, target.user, _inform(client, body))


def approve(ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    ack()
    app = services(context)
    target = clicked(body, client, app)
    if target is None:
        return
    draft = target.draft
    version = target.shown
    review.approve(client, app, draft.id, target.user, _inform(client, body), version=version)


def request_changes(
    ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    ack()
    app = services(context)
    target = clicked(body, client, app)
    if target is None:
        return
    draft = target.draft
    version = target.shown
    user = target.user
    reason = review.reviewing(app).policy.refusal(draft.requester, user, review.members_of(client))
    if reason is not None:
        key = "own_draft_changes" if reason == "own_draft" else reason
        tell(client, body, say(f"review.refused.{key}"))
        return
    if draft.status not in UNDER_REVIEW:
        tell(client, body, say("review.refused.already_published"))
        return
    shown = version if version is not None else draft.current_version
    client.views_open(trigger_id=str(body["trigger_id"]), view=rb.changes_view(draft, shown))


def override(ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    """Approve anyway: an approver overrides the checks' errors, giving a reason in a modal."""
    ack()
    app = services(context)
    target = clicked(body, client, app)
    if target is None:
        return
    draft = target.draft
    version = target.shown
    flow = review.reviewing(app)
    reason = flow.policy.refusal(draft.requester, target.user, review.members_of(client))
    if reason is not None:
        tell(client, body, say(f"review.refused.{reason}"))
        return
    shown = version if version is not None else draft.current_version
    if draft.status not in UNDER_REVIEW or shown != draft.current_version:
        tell(
            client,
            body,
            say("review.refused.stale", shown=shown, current=draft.current_version)
            if draft.status in UNDER_REVIEW
            else say("review.refused.already_published"),
        )
        return
    posting = app.drafting.posting(draft, shown)
    if posting is None:
        tell(client, body, say("slack.expired"))
        return
    errors = [f.message for f in flow.findings(draft, posting) if f.severity == "error"]
    client.views_open(
        trigger_id=str(body["trigger_id"]), view=rb.override_view(draft, shown, errors)
    )


def retry(ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    ack()
    app = services(context)
    target = clicked(body, client, app)
    if target is None:
        return
    draft = target.draft
    user = target.user
    if not review.reviewing(app).policy.may_edit(draft.requester, user, review.members_of(client)):
        tell(client, body, say("review.refused.not_editor"))
        return
    review.retry(client, app, draft.id, user, _inform(client, body))
