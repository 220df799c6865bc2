"""Button clicks and other block actions."""

from __future__ import annotations

import re

from slack_bolt import App

from bot.slack.listeners.actions import dialogue, preview


def register(app: App) -> None:
    app.action(re.compile(r"^dialogue_answer_\d+$"))(dialogue.answer)
    app.action("dialogue_picks")(dialogue.picks)
    app.action("dialogue_tick")(dialogue.tick)
    app.action(re.compile(r"^pick_role_\d+$"))(dialogue.pick_role)
    app.action("draft_edit")(preview.edit)
    app.action("draft_start_over")(preview.start_over)
