"""Modal submissions."""

from __future__ import annotations

from slack_bolt import App

from bot.slack.lazy import reported
from bot.slack.listeners.views import edit, review
from bot.slack.review_blocks import CHANGES_CALLBACK, OVERRIDE_CALLBACK
from bot.slack.views import EDIT_CALLBACK


def register(app: App) -> None:
    app.view(EDIT_CALLBACK)(reported(edit.submit))
    app.view(CHANGES_CALLBACK)(reported(review.changes))
    app.view(OVERRIDE_CALLBACK)(reported(review.override))
