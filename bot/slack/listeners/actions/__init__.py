"""Button clicks and other block actions."""

from __future__ import annotations

import re

from slack_bolt import App

from bot.slack.lazy import after_ack, reported
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
    app.action("pick_role_none")(**after_ack(dialogue.none_of_these))
    app.action("pick_role_cancel")(**after_ack(dialogue.cancel_pick))
    app.action(re.compile(r"^draft_reopen_\d+$"))(**after_ack(dialogue.reopen_draft))
    # Buttons that open a form run at once in the listener that acknowledges them (not as lazy
    # work, which may wait for a work slot): Slack's trigger_id is good for 3 seconds.
    app.action("draft_edit")(reported(preview.edit))
    app.action("draft_start_over")(**after_ack(preview.start_over))
    app.action("draft_submit")(**after_ack(review.submit))
    app.action(APPROVE)(**after_ack(review.approve))
    app.action(REQUEST_CHANGES)(reported(review.request_changes))
    app.action(EDIT)(reported(preview.edit))
    app.action(OVERRIDE)(reported(review.override))
    app.action(RETRY)(**after_ack(review.retry))
    # Opens a modal: in the listener itself, while the trigger_id is fresh.
    app.action(VIEW_POSTING)(preview.view_posting)
    # A link button: Slack opens the link and tells the app, which has nothing to do.
    app.action(APPLY)(preview.link_opened)
