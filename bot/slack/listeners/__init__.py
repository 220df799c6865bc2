"""Listeners grouped by the kind of Slack input; each group has a `register(app)`."""

from __future__ import annotations

from slack_bolt import App

from bot.slack.listeners import actions, commands, events, home, messages, views


def register_listeners(app: App) -> None:
    commands.register(app)
    actions.register(app)
    views.register(app)
    events.register(app)
    home.register(app)
    messages.register(app)
