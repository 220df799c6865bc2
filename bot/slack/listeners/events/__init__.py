"""Events API events other than messages."""

from __future__ import annotations

from slack_bolt import App

from bot.slack.lazy import after_ack
from bot.slack.listeners.events import home, mention


def register(app: App) -> None:
    app.event("app_home_opened")(**after_ack(home.opened))
    app.event("app_mention")(**after_ack(mention.answer))
