"""App Home: the manager's drafts, and the drafts waiting for their approval."""

from __future__ import annotations

from typing import Any

from slack_bolt import BoltContext
from slack_sdk import WebClient

from bot.slack.context import services
from bot.slack.home import publish_home


def opened(event: dict[str, Any], client: WebClient, context: BoltContext) -> None:
    if event.get("tab") not in (None, "home"):
        return
    user = str(event.get("user") or "")
    if not user:
        return
    publish_home(client, services(context), user)
