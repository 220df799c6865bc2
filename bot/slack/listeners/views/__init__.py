"""Modal submissions."""

from __future__ import annotations

from slack_bolt import App

from bot.slack.listeners.views import edit
from bot.slack.views import EDIT_CALLBACK


def register(app: App) -> None:
    app.view(EDIT_CALLBACK)(edit.submit)
