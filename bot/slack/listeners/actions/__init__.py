"""Button clicks and other block actions."""

from __future__ import annotations

import re

from slack_bolt import App

from bot.slack.listeners.actions import dialogue, preview, review
from bot.slack.review_blocks import APPROVE, EDIT, OVERRIDE, REQUEST_CHANGES, RETRY


def register(app: App) -> None:
    app.action(re.compile(r"^dialogue_answer_\d+$"))(dialogue.answer)
    app.action("dialogue_picks")(dialogue.picks)
    app.action("dialogue_tick")(dialogue.tick)
    app.action(re.compile(r"^pick_role_\d+$"))(dialogue.pick_role)
    app.action("draft_edit")(preview.edit)
    app.action("draft_start_over")(preview.start_over)
    app.action("draft_submit")(review.submit)
    app.action(APPROVE)(review.approve)
    app.action(REQUEST_CHANGES)(review.request_changes)
    app.action(EDIT)(preview.edit)
    app.action(OVERRIDE)(review.override)
    app.action(RETRY)(review.retry)
