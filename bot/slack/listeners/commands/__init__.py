"""Slash commands."""

from __future__ import annotations

from slack_bolt import App

from bot.slack.lazy import after_ack
from bot.slack.listeners.commands import newjob


def register(app: App) -> None:
    app.command("/newjob")(**after_ack(newjob.handle))
