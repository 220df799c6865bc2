"""The preview's buttons: Edit (opens the form) and Start over; and on the review card, View
full posting (a modal with the whole posting and every finding of the checks)."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.dialogue.suggest import market_notes
from bot.drafting import role_for
from bot.slack import review_blocks as rb
from bot.slack.checks import findings_for
from bot.slack.context import clicked, services
from bot.slack.drafts import begin
from bot.slack.replies import tell
from bot.slack.views import edit_view
from bot.store import DraftStatus
from bot.text import say


def edit(ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    """Edit, on the preview or on the review post: the requester's form with every field."""
    ack()
    app = services(context)
    target = clicked(body, client, app)
    if target is None:
        return
    draft = target.draft
    if target.user != draft.requester:
        tell(client, body, say("review.refused.not_requester_edit"))
        return
    if draft.status is DraftStatus.CANCELLED:
        tell(client, body, say("slack.expired"))
        return
    if draft.status is DraftStatus.APPROVED:
        # Being published; a published posting can be edited (the new version is reviewed).
        tell(client, body, say("review.refused.publishing"))
        return
    posting = app.drafting.posting(draft)
    if posting is None:
        tell(client, body, say("slack.expired"))
        return
    client.views_open(trigger_id=str(body["trigger_id"]), view=edit_view(posting, draft))


def start_over(ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    ack()
    app = services(context)
    target = clicked(body, client, app)
    if target is None:
        return
    draft = target.draft
    if target.user != draft.requester:
        tell(client, body, say("slack.not_yours"))
        return
    if draft.status not in (DraftStatus.READY, DraftStatus.DRAFTING):
        tell(client, body, say("slack.expired"))
        return
    role = role_for(draft.role_key)
    if role is None:
        tell(client, body, say("slack.expired"))
        return
    app.drafting.cancel(draft, reason="start over")
    tell(client, body, say("slack.started_over"))
    begin(
        client,
        app.drafting,
        team_id=draft.team_id,
        user=draft.requester,
        typed_title=draft.title,
        role=role,
    )


def view_posting(ack: Ack, body: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    """View full posting: anyone who can see the card may read the whole posting. Opened in
    this listener, not later work, while the click's trigger_id is fresh (Slack allows 3 s)."""
    ack()
    app = services(context)
    target = clicked(body, client, app)
    if target is None:
        return
    draft = target.draft
    posting = app.drafting.posting(draft)
    if posting is None:
        tell(client, body, say("slack.expired"))
        return
    findings = findings_for(posting, draft)
    notes = market_notes(posting, role_for(draft.role_key))
    view = rb.full_posting_view(draft, posting, findings=findings, notes=notes)
    client.views_open(trigger_id=str(body["trigger_id"]), view=view)


def link_opened(ack: Ack) -> None:
    """A button with a `url` (Apply, Open): Slack opens the link; the click needs only an ack."""
    ack()
