"""Slash commands."""

from __future__ import annotations

from slack_bolt import App

from bot.slack.listeners.commands import newjob


def register(app: App) -> None:
    app.command("/newjob")(newjob.handle)
