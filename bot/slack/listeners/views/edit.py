"""The Edit form submitted: validate every field, show problems on the fields, save a version."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, BoltContext
from slack_sdk import WebClient

from bot.drafting import EditRejected
from bot.posting.form import changes_from_form
from bot.review.reviewing import UNDER_REVIEW
from bot.slack.context import services
from bot.slack.replies import show_version, tell
from bot.slack.views import read_form, read_metadata
from bot.store import DraftStatus
from bot.text import say


def submit(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    app = services(context)
    try:
        draft_id, version = read_metadata(view)
    except (ValueError, KeyError, TypeError):
        ack(response_action="errors", errors={"title": say("slack.expired")})
        return
    draft = app.store.draft(draft_id)
    user = str((body.get("user") or {}).get("id") or "")
    if draft is None or user != draft.requester:
        ack(response_action="errors", errors={"title": say("slack.not_yours")})
        return
    current = app.drafting.posting(draft, version)
    if current is None:
        ack(response_action="errors", errors={"title": say("slack.expired")})
        return
    changes, problems = changes_from_form(read_form(view), current)
    if problems:
        ack(response_action="errors", errors=_on_fields(problems, view))
        return
    ack()
    if draft.status in (*UNDER_REVIEW, DraftStatus.APPROVED, DraftStatus.PUBLISHED):
        # In review, a new version is shown in the review thread with what changed; a new
        # version of a published posting goes through review again (Reviewing decides, under
        # the lock of the write, and refuses while an approved one is being published).
        from bot.slack import review

        revision = review.reviewing(app).revise(
            draft.id, user, changes, base_version=version, note=say("slack.edit_title")
        )
        review.revised(
            client, app, revision, user, lambda text: tell(client, body, text, user=user)
        )
        return
    try:
        saved = app.drafting.edit(draft, changes, actor=user, base_version=version)
    except EditRejected as rejected:  # the form checked these already; kept as a safety net
        tell(client, body, "\n".join(rejected.problems.values()), user=user)
        return
    if saved is None:
        tell(client, body, say("slack.edit_conflict"), user=user)
        return
    show_version(client, app, draft.id, note=say("slack.edited", version=saved[1]))


def _on_fields(problems: dict[str, str], view: dict[str, Any]) -> dict[str, str]:
    """Put each problem on its field; one with no field of its own goes on the title."""
    fields = {str(block.get("block_id")) for block in view.get("blocks") or []}
    placed: dict[str, str] = {}
    for field, message in problems.items():
        key = field if field in fields else "title"
        placed[key] = f"{placed[key]} {message}" if key in placed else message
    return {key: message[:2000] for key, message in placed.items()}
