"""The Home tab's own buttons: New posting (a modal asking for the job title, then the draft
starts in a DM as with `/newjob`), and the link buttons (Continue, Open), which Slack opens
itself and only tells the app about. Approve and Request changes on the tab are the review
card's own listeners."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, BoltContext
from slack_sdk import WebClient

from bot.drafting import match_title
from bot.posting.characters import clean_text
from bot.slack import blocks as bk
from bot.slack import home
from bot.slack.context import services
from bot.slack.drafts import begin
from bot.text import say

NEW_POSTING_CALLBACK = "home_new_posting"
MAX_TITLE = 150


def new_posting_view() -> dict[str, Any]:
    return {
        "type": "modal",
        "callback_id": NEW_POSTING_CALLBACK,
        "title": bk.plain(say("slack.home.new_title"), 24),
        "submit": bk.plain(say("slack.home.new_submit"), 24),
        "close": bk.plain(say("review.cancel"), 24),
        "blocks": [
            {
                "type": "input",
                "block_id": "title",
                "label": bk.plain(say("slack.home.new_label"), 2000),
                "hint": bk.plain(say("slack.home.new_hint"), 2000),
                "element": {
                    "type": "plain_text_input",
                    "action_id": "value",
                    "max_length": MAX_TITLE,
                    "placeholder": bk.plain(say("slack.home.new_placeholder"), 150),
                },
            }
        ],
    }


def new_posting(ack: Ack, body: dict[str, Any], client: WebClient) -> None:
    """Opened in the listener, while the click's trigger_id is fresh."""
    ack()
    client.views_open(trigger_id=str(body["trigger_id"]), view=new_posting_view())


def opened_link(ack: Ack) -> None:
    ack()


def submitted(
    ack: Ack, body: dict[str, Any], view: dict[str, Any], client: WebClient, context: BoltContext
) -> None:
    """The title is checked like `/newjob`'s: an unknown or ambiguous one is said on the field."""
    values = ((view.get("state") or {}).get("values") or {}).get("title") or {}
    text = " ".join(clean_text(str((values.get("value") or {}).get("value") or "")).split())
    if not text:
        ack(response_action="errors", errors={"title": say("slack.home.new_empty")})
        return
    if len(text) > MAX_TITLE:
        ack(
            response_action="errors",
            errors={"title": say("slack.home.new_too_long", count=MAX_TITLE)},
        )
        return
    found = match_title(text)
    if found.role is None:
        names = ", ".join(found.suggestions[:5])
        message = say("slack.unknown_title", query=text[:100])
        message += " " + (
            say("slack.nearest", names=names) if names else say("slack.no_suggestions")
        )
        ack(response_action="errors", errors={"title": message[:2000]})
        return
    if found.ambiguous and found.alternatives:
        titles = ", ".join(choice.title for choice in found.choices()[:5])
        ack(
            response_action="errors",
            errors={"title": say("slack.home.which", query=text[:100], titles=titles)[:2000]},
        )
        return
    ack()
    app = services(context)
    user = str((body.get("user") or {}).get("id") or "")
    draft_id = begin(
        client,
        app.drafting,
        team_id=str((body.get("team") or {}).get("id") or ""),
        user=user,
        typed_title=text,
        role=found.role,
    )
    draft = app.store.draft(draft_id)
    if draft is not None:
        home.refresh(client, app, draft)


def register(app: App) -> None:
    app.action(home.NEW_POSTING)(new_posting)
    app.action(home.OPEN_LINK)(opened_link)
    app.view(NEW_POSTING_CALLBACK)(submitted)
