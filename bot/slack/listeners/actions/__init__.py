"""Button clicks and other block actions."""

from __future__ import annotations

import re

from slack_bolt import App

from bot.slack.lazy import after_ack
from bot.slack.listeners.actions import dialogue, preview, review
from bot.slack.review_blocks import (
    APPLY,
    APPROVE,
    EDIT,
    OVERRIDE,
    REQUEST_CHANGES,
    RETRY,
    VIEW_POSTING,
)


def register(app: App) -> None:
    app.action(re.compile(r"^dialogue_answer_\d+$"))(**after_ack(dialogue.answer))
    app.action("dialogue_picks")(**after_ack(dialogue.picks))
    app.action("dialogue_tick")(dialogue.tick)
    app.action(re.compile(r"^pick_role_\d+$"))(**after_ack(dialogue.pick_role))
    app.action("draft_edit")(**after_ack(preview.edit))
    app.action("draft_start_over")(**after_ack(preview.start_over))
    app.action("draft_submit")(**after_ack(review.submit))
    app.action(APPROVE)(**after_ack(review.approve))
    app.action(REQUEST_CHANGES)(**after_ack(review.request_changes))
    app.action(EDIT)(**after_ack(preview.edit))
    app.action(OVERRIDE)(**after_ack(review.override))
    app.action(RETRY)(**after_ack(review.retry))
    # Opens a modal: in the listener itself, while the trigger_id is fresh.
    app.action(VIEW_POSTING)(preview.view_posting)
    # A link button: Slack opens the link and tells the app, which has nothing to do.
    app.action(APPLY)(preview.link_opened)
