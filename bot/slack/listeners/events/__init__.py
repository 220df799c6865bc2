"""Events API events other than messages."""

from __future__ import annotations

from slack_bolt import App

from bot.slack.listeners.events import home, mention


def register(app: App) -> None:
    app.event("app_home_opened")(home.opened)
    app.event("app_mention")(mention.answer)
