"""What every request is checked for before a listener sees it (after Bolt's signature check).

Slack ids (users, teams, channels) must look like Slack's (the patterns of Slack's Web API
spec, defs_user_id and the like, at most 32 characters: what the store keeps), and text
carries no control characters (a NUL, which PostgreSQL refuses; escape sequences): they are
removed from every string of the body, newlines and tabs kept. A request with an id Slack
would never send is answered with a short "that isn't valid" and goes no further, so a forged
id is never taken for the database being down. A signed request replayed (the same timestamp
and signature) is acknowledged and does nothing.
"""

from __future__ import annotations

import json
import logging
import re
import unicodedata
from collections.abc import Callable
from typing import Any
from urllib.parse import urlencode

from slack_bolt import App, BoltRequest, BoltResponse
from slack_bolt.middleware import Middleware

from bot.store import InvalidData, StoreUnavailable
from bot.text import say

log = logging.getLogger(__name__)

# Slack's patterns (Web API spec: defs_user_id, defs_team, defs_enterprise_id, defs_channel,
# defs_subteam_id), bounded at the 32 characters a stored id has.
USER_ID = re.compile(r"^[UW][A-Z0-9]{2,31}$")
TEAM_ID = re.compile(r"^[TE][A-Z0-9]{2,31}$")
CHANNEL_ID = re.compile(r"^[CGD][A-Z0-9]{2,31}$")

_KEPT = frozenset("\n\t")


def without_controls(text: str) -> str:
    """`text` without control characters (C0, C1, DEL) or lone surrogates; newlines and tabs
    stay. Format characters (zero-width joiners in emoji) stay: posting text loses those
    that matter in bot.posting.characters."""
    if text.isprintable():
        return text
    return "".join(ch for ch in text if ch in _KEPT or unicodedata.category(ch) not in ("Cc", "Cs"))


def _clean(value: Any) -> bool:
    """Take control characters out of every string in `value` (a parsed body), in place;
    True if there were any."""
    changed = False
    items: Any = value.items() if isinstance(value, dict) else enumerate(value)
    for key, item in list(items):
        if isinstance(item, str):
            cleaned = without_controls(item)
            if cleaned != item:
                value[key] = cleaned
                changed = True
        elif isinstance(item, dict | list):
            changed = _clean(item) or changed
    return changed


def _encoded(raw: str, body: dict[str, Any]) -> str:
    """`body` written as Slack wrote `raw`: lazy work (Bolt's, and the worker processes) reads
    the request again from its raw body, so the cleaned one has to be there too."""
    if raw.lstrip().startswith("{"):
        return json.dumps(body, ensure_ascii=False)
    if raw.startswith("payload="):
        return urlencode({"payload": json.dumps(body, ensure_ascii=False)})
    return urlencode(body, doseq=True)


def _ids(body: dict[str, Any]) -> list[tuple[re.Pattern[str], Any]]:
    """Every id the listeners read from the body, with the pattern it must match."""
    user = body.get("user")
    team = body.get("team")
    channel = body.get("channel")
    event: dict[str, Any] = body["event"] if isinstance(body.get("event"), dict) else {}
    container: dict[str, Any] = body["container"] if isinstance(body.get("container"), dict) else {}
    found: list[tuple[re.Pattern[str], Any]] = [
        (USER_ID, body.get("user_id")),
        (USER_ID, user.get("id") if isinstance(user, dict) else user),
        (TEAM_ID, body.get("team_id")),
        (TEAM_ID, team.get("id") if isinstance(team, dict) else None),
        (CHANNEL_ID, body.get("channel_id")),
        (CHANNEL_ID, channel.get("id") if isinstance(channel, dict) else None),
        (CHANNEL_ID, container.get("channel_id")),
        (USER_ID, event.get("user") if isinstance(event.get("user"), str) else None),
        (CHANNEL_ID, event.get("channel") if isinstance(event.get("channel"), str) else None),
    ]
    return [(pattern, value) for pattern, value in found if value not in (None, "")]


def invalid_id(body: dict[str, Any]) -> str | None:
    """The first id in the body that Slack would never send, or None."""
    for pattern, value in _ids(body):
        if not isinstance(value, str) or not pattern.match(value):
            return str(value)[:60]
    return None


class CheckedRequest(Middleware):
    """Refuses a request whose ids are not Slack's, and takes control characters out of the
    rest (a class, not a function middleware, for the same reason as PerRequest)."""

    def process(
        self, *, req: BoltRequest, resp: BoltResponse, next: Callable[[], BoltResponse]
    ) -> BoltResponse:
        body = req.body
        if isinstance(body, dict) and body:
            bad = invalid_id(body)
            if bad is not None:
                log.warning("refused a request with an id Slack would not send: %r", bad)
                return _refusal(body)
            if _clean(body) and req.mode == "http" and isinstance(req.raw_body, str):
                req.raw_body = _encoded(req.raw_body, body)
        return next()


def _refusal(body: dict[str, Any]) -> BoltResponse:
    """A slash command shows what it is answered; anything else is acknowledged and dropped
    (no real person sent it: Slack's own ids always match)."""
    if body.get("command"):
        reply = {"response_type": "ephemeral", "text": say("slack.not_valid")}
        return BoltResponse(
            status=200, body=json.dumps(reply), headers={"content-type": "application/json"}
        )
    return BoltResponse(status=200, body="")


# The kinds of request Slack sends that change something here: only these are remembered, so
# that a signed request of a kind no listener takes leaves no trace.
_SLACK_KINDS = frozenset(
    {"block_actions", "view_submission", "view_closed", "event_callback", "shortcut",
     "message_action", "interactive_message"}
)  # fmt: skip


def _slack_kind(body: dict[str, Any]) -> bool:
    return bool(body.get("command")) or body.get("type") in _SLACK_KINDS


class OnceOnly(Middleware):
    """A signed request sent again (the same timestamp and signature: captured and replayed
    within the five minutes Bolt accepts it) is acknowledged and does nothing, in whichever
    process or instance it arrives: the pair is remembered in the database."""

    def process(
        self, *, req: BoltRequest, resp: BoltResponse, next: Callable[[], BoltResponse]
    ) -> BoltResponse:
        if req.lazy_only:  # the work of a request that passed here already
            return next()
        timestamp = req.headers.get("x-slack-request-timestamp") or []
        signature = req.headers.get("x-slack-signature") or []
        services = req.context.get("services")
        if not timestamp or not signature or services is None or not _slack_kind(req.body):
            return next()  # Socket Mode (nothing signed to replay), or nothing to do
        try:
            first = services.store.first_request(timestamp[0], signature[0])
        except (StoreUnavailable, InvalidData):
            return next()  # the listener says the database is down, as for anything else
        if not first:
            log.warning("a signed request came again (timestamp %s): ignored", timestamp[0])
            return BoltResponse(status=200, body="")
        return next()


def register(app: App) -> None:
    """The edge checks, after the middleware that gives listeners their services."""
    app.use(CheckedRequest())
    app.use(OnceOnly())
