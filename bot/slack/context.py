"""Everything a listener needs, resolved in one place before it runs.

A middleware puts the app's `Services` into Bolt's context and drops Slack's repeated
deliveries of the same event; `clicked` finds the draft a button acts on (after the ack) and
tells the person when it is gone, so listeners only decide what to do with it.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from slack_bolt import BoltContext, BoltRequest
from slack_sdk import WebClient

from bot.drafting import Drafting
from bot.settings import Settings
from bot.slack.blocks import read_action_value
from bot.store import DraftRecord, Store
from bot.text import say

log = logging.getLogger(__name__)


@dataclass
class Services:
    settings: Settings
    store: Store
    drafting: Drafting

    def __deepcopy__(self, memo: dict[int, Any]) -> Services:
        # Bolt copies the context for each lazy listener; the services are shared, not copied.
        return self


def services(context: BoltContext) -> Services:
    found: Services = context["services"]
    return found


def refuses_event(app_services: Services, request: BoltRequest, body: dict[str, Any]) -> bool:
    """An event is refused (503) while the database is unreachable, so that Slack delivers it
    again later: once acknowledged, Slack would not.

    Only a read, which never waits for the writers doing other requests' work. Whether this
    delivery is Slack's first of the event is decided with the work (`first_delivery`).
    A lazy-only request is the work of a delivery that passed here already (a worker process
    dispatching it again).
    """
    if request.lazy_only or body.get("type") != "event_callback" or not body.get("event_id"):
        return False
    return not app_services.store.ping()


def first_delivery(body: dict[str, Any], context: BoltContext) -> bool:
    """Slack redelivers an event it thinks we missed (X-Slack-Retry-Num): True for the first
    delivery of an event (or anything not an event), False for the repeats."""
    event_id = body.get("event_id") if body.get("type") == "event_callback" else None
    if not event_id:
        return True
    if services(context).store.first_delivery(f"event:{event_id}"):
        return True
    log.info("event %s delivered again; already handled", event_id)
    return False


@dataclass(frozen=True)
class Clicked:
    """What a button acts on: the draft, the question or version it was shown for, its choice."""

    draft: DraftRecord
    shown: int | None
    choice: str
    user: str


def clicked(body: dict[str, Any], client: WebClient, app: Services) -> Clicked | None:
    """The draft a button belongs to; when it is gone, tells the person so and gives None."""
    action = (body.get("actions") or [{}])[0]
    draft = None
    try:
        draft_id, shown, choice = read_action_value(str(action.get("value") or ""))
        draft = app.store.draft(draft_id)
    except (ValueError, KeyError, TypeError):
        shown, choice = None, ""
    if draft is None:
        from bot.slack.replies import tell

        tell(client, body, say("slack.expired"))
        return None
    return Clicked(draft=draft, shown=shown, choice=choice, user=user_id(body))


def user_id(body: dict[str, Any]) -> str:
    user = body.get("user")
    if isinstance(user, dict):
        return str(user.get("id", ""))
    return str(body.get("user_id") or (body.get("event") or {}).get("user") or "")


def channel_id(body: dict[str, Any]) -> str:
    channel = body.get("channel")
    if isinstance(channel, dict):
        return str(channel.get("id", ""))
    container = body.get("container") or {}
    return str(body.get("channel_id") or container.get("channel_id") or "")


def typed_text(event: dict[str, Any]) -> str:
    """What the person typed: Slack sends `&`, `<`, `>` as entities; we escape again on output."""
    text = str(event.get("text") or "")
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")
