"""Requests to the app exactly as Slack sends them: v0-signed slash commands, interactions
(``payload=`` JSON) and Events API callbacks, with realistic ids.

The builders are plain functions returning the payload; ``SlackSender`` signs and posts them to the
app and, when given the ``FakeSlack``, keeps the two consistent: response URLs and trigger ids point
at the fake, and messages people "write" are stored there too (as Slack would hold them).
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import itertools
import json
import time
import uuid
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from typing import Any, Self, TypedDict, Unpack
from urllib.parse import urlencode

import httpx

from tests.fake_slack import (
    APPROVER,
    DEFAULT_WORKSPACE,
    GENERAL_CHANNEL,
    HIRING_MANAGER,
    JOBS_CHANNEL,
    REVIEW_CHANNEL,
    REVIEWER,
    FakeSlack,
    Workspace,
    iter_block_elements,
)

__all__ = [
    "APPROVER",
    "GENERAL_CHANNEL",
    "HIRING_MANAGER",
    "JOBS_CHANNEL",
    "REVIEWER",
    "REVIEW_CHANNEL",
    "SIGNING_SECRET",
    "VERIFICATION_TOKEN",
    "SendOptions",
    "SentRequest",
    "SlackSender",
    "app_home_opened_event",
    "app_mention_event",
    "block_actions_payload",
    "element_state",
    "event_callback",
    "message_event",
    "new_event_id",
    "new_trigger_id",
    "sign",
    "slash_command_payload",
    "state_values",
    "url_verification_payload",
    "view_closed_payload",
    "view_submission_payload",
]

JSON = dict[str, Any]

# Shaped like the real things (32 hex characters; legacy verification token), but fake.
SIGNING_SECRET = "8f742231b10e8888abcd99ea7c4f1a30"
VERIFICATION_TOKEN = "Jhj5dZrVaK7ZwHHjRyZWjbDl"


# Never routable: where response_urls point when no FakeSlack is given (nothing may reach Slack).
_NOWHERE = "http://127.0.0.1:9"
_counter = itertools.count(1)


def sign(body: bytes | str, secret: str, timestamp: int | str) -> str:
    """Slack's v0 request signature of ``body`` sent at ``timestamp``."""
    raw = body.encode() if isinstance(body, str) else body
    base = b"v0:" + str(timestamp).encode() + b":" + raw
    return "v0=" + hmac.new(secret.encode(), base, hashlib.sha256).hexdigest()


def _user(user_id: str, ws: Workspace) -> JSON:
    name = ws.user_name(user_id)
    return {"id": user_id, "username": name, "name": name, "team_id": ws.team_id}


def _team(ws: Workspace) -> JSON:
    return {"id": ws.team_id, "domain": ws.team_domain}


def _channel_type(channel_id: str) -> str:
    return {"D": "im", "G": "group"}.get(channel_id[:1], "channel")


def new_trigger_id() -> str:
    n = next(_counter)
    digest = hashlib.sha256(f"trigger-{n}-{time.time_ns()}".encode()).hexdigest()[:32]
    return f"{int(time.time() * 1000)}{n:03d}.1000000001.{digest}"


def new_event_id() -> str:
    n = next(_counter)
    return "Ev" + base64.b32encode(hashlib.sha256(f"event-{n}".encode()).digest()).decode()[:9]


def _action_ts() -> str:
    return f"{time.time():.6f}"


def _rich_text(text: str) -> list[JSON]:
    """The rich_text block Slack's clients attach to a message someone typed."""
    block_id = base64.b32encode(hashlib.sha256(text.encode()).digest()).decode()[:5]
    section = {"type": "rich_text_section", "elements": [{"type": "text", "text": text}]}
    return [{"type": "rich_text", "block_id": block_id, "elements": [section]}]


# --------------------------------------------------------------------------------------------
# Slash commands
# --------------------------------------------------------------------------------------------


def slash_command_payload(
    text: str = "",
    *,
    command: str = "/newjob",
    user_id: str = HIRING_MANAGER,
    channel_id: str = GENERAL_CHANNEL,
    response_url: str,
    trigger_id: str,
    workspace: Workspace = DEFAULT_WORKSPACE,
) -> dict[str, str]:
    """The form fields of a slash command invocation."""
    return {
        "token": VERIFICATION_TOKEN,
        "team_id": workspace.team_id,
        "team_domain": workspace.team_domain,
        "channel_id": channel_id,
        "channel_name": workspace.channel_name(channel_id),
        "user_id": user_id,
        "user_name": workspace.user_name(user_id),
        "command": command,
        "text": text,
        "api_app_id": workspace.app_id,
        "is_enterprise_install": "false",
        "response_url": response_url,
        "trigger_id": trigger_id,
    }


# --------------------------------------------------------------------------------------------
# Interactions
# --------------------------------------------------------------------------------------------

# element type -> (state key, what the value is)
_STATE_SHAPES: dict[str, tuple[str, str]] = {
    "plain_text_input": ("value", "text"),
    "email_text_input": ("value", "text"),
    "url_text_input": ("value", "text"),
    "number_input": ("value", "text"),
    "rich_text_input": ("rich_text_value", "rich_text"),
    "static_select": ("selected_option", "option"),
    "external_select": ("selected_option", "option"),
    "radio_buttons": ("selected_option", "option"),
    "overflow": ("selected_option", "option"),
    "multi_static_select": ("selected_options", "options"),
    "multi_external_select": ("selected_options", "options"),
    "checkboxes": ("selected_options", "options"),
    "datepicker": ("selected_date", "scalar"),
    "timepicker": ("selected_time", "scalar"),
    "datetimepicker": ("selected_date_time", "scalar"),
    "users_select": ("selected_user", "scalar"),
    "conversations_select": ("selected_conversation", "scalar"),
    "channels_select": ("selected_channel", "scalar"),
    "multi_users_select": ("selected_users", "list"),
    "multi_conversations_select": ("selected_conversations", "list"),
    "multi_channels_select": ("selected_channels", "list"),
}
_INITIAL_KEYS = {
    "value": "initial_value",
    "rich_text_value": "initial_value",
    "selected_option": "initial_option",
    "selected_options": "initial_options",
    "selected_date": "initial_date",
    "selected_time": "initial_time",
    "selected_date_time": "initial_date_time",
    "selected_user": "initial_user",
    "selected_conversation": "initial_conversation",
    "selected_channel": "initial_channel",
    "selected_users": "initial_users",
    "selected_conversations": "initial_conversations",
    "selected_channels": "initial_channels",
}


def _options_of(element: Mapping[str, Any]) -> Iterator[JSON]:
    yield from element.get("options") or []
    for group in element.get("option_groups") or []:
        yield from group.get("options") or []


def _option(element: Mapping[str, Any], value: Any) -> JSON:
    if isinstance(value, dict):
        return dict(value)
    if element.get("type") in ("external_select", "multi_external_select"):
        return {"text": {"type": "plain_text", "text": str(value)}, "value": str(value)}
    for option in _options_of(element):
        if option.get("value") == value:
            return dict(option)
    offered = [o.get("value") for o in _options_of(element)]
    raise ValueError(f"{element.get('action_id')!r} offers no option {value!r}; it has {offered}")


def element_state(element: Mapping[str, Any], value: Any) -> JSON:
    """The state (or action) fields Slack reports for ``element`` set to ``value``: an option
    value for menus, a list of them for multi-selects and checkboxes, a string otherwise."""
    element_type = str(element.get("type"))
    if element_type not in _STATE_SHAPES:
        raise ValueError(f"{element_type} elements hold no value")
    key, kind = _STATE_SHAPES[element_type]
    if kind == "option":
        return {key: _option(element, value)}
    if kind == "options":
        return {key: [_option(element, v) for v in value]}
    if kind == "rich_text":
        return {key: value if isinstance(value, dict) else _rich_text(str(value))[0]}
    if kind == "list":
        return {key: list(value)}
    return {key: value}


def _untouched_state(element: Mapping[str, Any]) -> JSON:
    key, kind = _STATE_SHAPES[str(element.get("type"))]
    initial = element.get(_INITIAL_KEYS[key])
    if initial is not None:
        return {key: initial}
    return {key: [] if kind in ("options", "list") else None}


def _is_empty(state: JSON) -> bool:
    return all(v in (None, "", []) for v in state.values())


def state_values(view: Mapping[str, Any], values: Mapping[Any, Any] | None = None) -> JSON:
    """``view.state.values`` as Slack reports them when the user submits ``view``.

    ``values`` maps an element's ``action_id`` (or a ``(block_id, action_id)`` pair) to what the
    user entered; elements not mentioned keep their initial value, as in Slack. A required input
    left empty raises, because Slack's client would not let the user submit.
    """
    remaining = dict(values or {})
    result: JSON = {}
    for block, element in iter_block_elements(view.get("blocks") or []):
        element_type = str(element.get("type"))
        if element_type not in _STATE_SHAPES:
            continue
        block_id, action_id = block.get("block_id"), element["action_id"]
        if block_id is None:
            raise ValueError("blocks have no block_id: use the view the fake returned")
        if (block_id, action_id) in remaining:
            state = element_state(element, remaining.pop((block_id, action_id)))
        elif action_id in remaining:
            state = element_state(element, remaining.pop(action_id))
        else:
            state = _untouched_state(element)
        if block.get("type") == "input" and not block.get("optional") and _is_empty(state):
            raise ValueError(f"required input {action_id!r} is empty: Slack would not submit")
        result.setdefault(block_id, {})[action_id] = {"type": element_type, **state}
    if remaining:
        raise KeyError(f"the view has no input {sorted(map(str, remaining))}")
    return result


def _find_element(blocks: Any, action_id: str) -> tuple[JSON, JSON]:
    found = list(iter_block_elements(blocks or []))
    for block, element in found:
        if element["action_id"] == action_id:
            return block, element
    known = [e["action_id"] for _, e in found]
    raise LookupError(f"nothing with action_id {action_id!r} to click; there is {known}")


def _action(block: JSON, element: JSON, value: Any) -> JSON:
    action: JSON = {
        "type": element["type"],
        "action_id": element["action_id"],
        "block_id": block.get("block_id"),
        "action_ts": _action_ts(),
    }
    if element["type"] in ("button", "workflow_button"):
        for key in ("text", "value", "style", "url"):
            if key in element:
                action[key] = element[key]
    else:
        chosen = element_state(element, value) if value is not None else _untouched_state(element)
        action.update(chosen)
        if "placeholder" in element:
            action["placeholder"] = element["placeholder"]
    return action


def block_actions_payload(
    action_id: str,
    *,
    message: Mapping[str, Any] | None = None,
    channel_id: str | None = None,
    view: Mapping[str, Any] | None = None,
    value: Any = None,
    user_id: str = HIRING_MANAGER,
    response_url: str,
    trigger_id: str,
    workspace: Workspace = DEFAULT_WORKSPACE,
) -> JSON:
    """A click on (or choice in) the element ``action_id`` of a message or a view.

    The element must exist there, as in Slack; ``value`` is what the user picked in a menu,
    date picker and so on (buttons send their own value).
    """
    if message is not None and view is None:
        source = message
    elif view is not None and message is None:
        source = view
    else:
        raise ValueError("give exactly one of message (with channel_id) or view")
    block, element = _find_element(source.get("blocks"), action_id)
    action = _action(block, element, value)
    payload: JSON = {
        "type": "block_actions",
        "user": _user(user_id, workspace),
        "api_app_id": workspace.app_id,
        "token": VERIFICATION_TOKEN,
        "trigger_id": trigger_id,
        "team": _team(workspace),
        "enterprise": None,
        "is_enterprise_install": False,
        "actions": [action],
    }
    state_entry = {k: v for k, v in action.items() if k not in ("action_id", "block_id")}
    state = (
        {block["block_id"]: {action_id: state_entry}} if element["type"] in _STATE_SHAPES else {}
    )
    if message is not None:
        if channel_id is None:
            raise ValueError("a message click needs the channel_id holding the message")
        container: JSON = {
            "type": "message",
            "message_ts": message["ts"],
            "channel_id": channel_id,
            "is_ephemeral": False,
        }
        if message.get("thread_ts"):
            container["thread_ts"] = message["thread_ts"]
        payload.update(
            container=container,
            channel={"id": channel_id, "name": workspace.channel_name(channel_id)},
            message=dict(message),
            state={"values": state},
            response_url=response_url,
        )
    else:
        if "id" not in source:
            raise ValueError("the view has no id: use the view the fake returned")
        payload.update(
            container={"type": "view", "view_id": source["id"]},
            view={
                **source,
                "state": {"values": {**source.get("state", {}).get("values", {}), **state}},
            },
        )
    return payload


def view_submission_payload(
    view: Mapping[str, Any],
    values: Mapping[Any, Any] | None = None,
    *,
    user_id: str = HIRING_MANAGER,
    trigger_id: str,
    workspace: Workspace = DEFAULT_WORKSPACE,
) -> JSON:
    """The user pressed the modal's submit button after entering ``values`` (see
    ``state_values``). ``view`` is the view Slack holds: take it from the fake."""
    if "id" not in view:
        raise ValueError("the view has no id: use the view the fake returned")
    return {
        "type": "view_submission",
        "team": _team(workspace),
        "user": _user(user_id, workspace),
        "api_app_id": workspace.app_id,
        "token": VERIFICATION_TOKEN,
        "trigger_id": trigger_id,
        "view": {**view, "state": {"values": state_values(view, values)}},
        "response_urls": [],
        "is_enterprise_install": False,
        "enterprise": None,
    }


def view_closed_payload(
    view: Mapping[str, Any],
    *,
    user_id: str = HIRING_MANAGER,
    is_cleared: bool = False,
    workspace: Workspace = DEFAULT_WORKSPACE,
) -> JSON:
    """The user closed the modal (sent only for views with ``notify_on_close``)."""
    return {
        "type": "view_closed",
        "team": _team(workspace),
        "user": _user(user_id, workspace),
        "api_app_id": workspace.app_id,
        "token": VERIFICATION_TOKEN,
        "view": dict(view),
        "is_cleared": is_cleared,
        "is_enterprise_install": False,
        "enterprise": None,
    }


# --------------------------------------------------------------------------------------------
# Events API
# --------------------------------------------------------------------------------------------


def event_callback(
    event: Mapping[str, Any],
    *,
    event_id: str | None = None,
    event_time: int | None = None,
    workspace: Workspace = DEFAULT_WORKSPACE,
) -> JSON:
    """The ``event_callback`` envelope around ``event``."""
    context = {
        "et": event.get("type"),
        "tid": workspace.team_id,
        "aid": workspace.app_id,
        "cid": event.get("channel"),
    }
    encoded = base64.urlsafe_b64encode(json.dumps(context).encode()).decode().rstrip("=")
    return {
        "token": VERIFICATION_TOKEN,
        "team_id": workspace.team_id,
        "context_team_id": workspace.team_id,
        "context_enterprise_id": None,
        "api_app_id": workspace.app_id,
        "event": dict(event),
        "type": "event_callback",
        "event_id": event_id or new_event_id(),
        "event_time": event_time if event_time is not None else int(time.time()),
        "authorizations": [
            {
                "enterprise_id": None,
                "team_id": workspace.team_id,
                "user_id": workspace.bot_user_id,
                "is_bot": True,
                "is_enterprise_install": False,
            }
        ],
        # Deprecated by Slack but still in its envelope schema; harmless to the app.
        "authed_users": [workspace.bot_user_id],
        "is_ext_shared_channel": False,
        "event_context": "4-" + encoded,
    }


def message_event(
    text: str,
    *,
    user_id: str = HIRING_MANAGER,
    channel_id: str,
    ts: str,
    thread_ts: str | None = None,
    parent_user_id: str | None = None,
    workspace: Workspace = DEFAULT_WORKSPACE,
) -> JSON:
    """Someone wrote ``text``: in a DM with the bot (``D...``, channel_type im), in a channel
    (``C...``) or a private channel (``G...``), optionally in the thread ``thread_ts``."""
    event: JSON = {
        "type": "message",
        "client_msg_id": str(uuid.uuid4()),
        "text": text,
        "user": user_id,
        "ts": ts,
        "blocks": _rich_text(text),
        "team": workspace.team_id,
        "channel": channel_id,
        "event_ts": ts,
        "channel_type": _channel_type(channel_id),
    }
    if thread_ts is not None:
        event["thread_ts"] = thread_ts
        event["parent_user_id"] = parent_user_id or workspace.bot_user_id
    return event


def app_mention_event(
    text: str,
    *,
    user_id: str = HIRING_MANAGER,
    channel_id: str = GENERAL_CHANNEL,
    ts: str,
    thread_ts: str | None = None,
    workspace: Workspace = DEFAULT_WORKSPACE,
) -> JSON:
    """Someone mentioned the bot; ``<@BOT>`` is put in front of ``text`` unless it is there."""
    mention = f"<@{workspace.bot_user_id}>"
    full_text = text if mention in text else f"{mention} {text}"
    event: JSON = {
        "type": "app_mention",
        "client_msg_id": str(uuid.uuid4()),
        "text": full_text,
        "user": user_id,
        "ts": ts,
        "blocks": _rich_text(full_text),
        "team": workspace.team_id,
        "channel": channel_id,
        "event_ts": ts,
    }
    if thread_ts is not None:
        event["thread_ts"] = thread_ts
    return event


def app_home_opened_event(
    user_id: str = HIRING_MANAGER,
    *,
    tab: str = "home",
    view: Mapping[str, Any] | None = None,
    workspace: Workspace = DEFAULT_WORKSPACE,
) -> JSON:
    """The user opened the app's Home (``tab="home"``) or Messages tab."""
    event: JSON = {
        "type": "app_home_opened",
        "user": user_id,
        "channel": workspace.dm_channel(user_id),
        "tab": tab,
        "event_ts": _action_ts(),
    }
    if view is not None:
        event["view"] = dict(view)
    return event


def url_verification_payload(challenge: str) -> JSON:
    return {"token": VERIFICATION_TOKEN, "challenge": challenge, "type": "url_verification"}


# --------------------------------------------------------------------------------------------
# Sending
# --------------------------------------------------------------------------------------------


class SendOptions(TypedDict, total=False):
    """How to send: as a Slack retry, with a wrong secret or an old timestamp, unsigned…"""

    retry_num: int
    retry_reason: str
    timestamp: int
    secret: str
    signed: bool
    headers: Mapping[str, str]


@dataclass
class SentRequest:
    """One request the sender made, kept for ``resend`` and for reading ids back."""

    body: bytes
    content_type: str
    payload: JSON | None
    response: httpx.Response | None = None
    headers: dict[str, str] = field(default_factory=dict)

    @property
    def event(self) -> JSON:
        """The inner event of an Events API callback."""
        event = self.payload.get("event") if self.payload is not None else None
        if not isinstance(event, dict):
            raise ValueError("this request was not an event callback")
        return event


class SlackSender:
    """Signs and posts Slack's requests to the app's Request URL (``.../slack/events``).

    With ``fake`` given, response URLs and trigger ids come from the fake, and messages people
    write are stored in it. Every method returns the app's ``httpx.Response``; ``sent`` keeps
    what was posted (``sender.last.event["ts"]``).
    """

    def __init__(
        self,
        url: str,
        signing_secret: str = SIGNING_SECRET,
        *,
        fake: FakeSlack | None = None,
        workspace: Workspace | None = None,
        timeout: float = 10.0,
    ) -> None:
        self.url = url
        self.signing_secret = signing_secret
        self.fake = fake
        self.workspace = workspace or (fake.workspace if fake else DEFAULT_WORKSPACE)
        self.sent: list[SentRequest] = []
        self._http = httpx.Client(timeout=timeout)

    def close(self) -> None:
        self._http.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    @property
    def last(self) -> SentRequest:
        if not self.sent:
            raise LookupError("nothing sent yet")
        return self.sent[-1]

    # ---- low level --------------------------------------------------------------------------

    def headers_for(self, body: bytes, **options: Unpack[SendOptions]) -> dict[str, str]:
        timestamp = options.get("timestamp", int(time.time()))
        headers = {"User-Agent": "Slackbot 1.0 (+https://api.slack.com/robots)"}
        if options.get("signed", True):
            secret = options.get("secret", self.signing_secret)
            headers["X-Slack-Request-Timestamp"] = str(timestamp)
            headers["X-Slack-Signature"] = sign(body, secret, timestamp)
        if "retry_num" in options:
            headers["X-Slack-Retry-Num"] = str(options["retry_num"])
            headers["X-Slack-Retry-Reason"] = options.get("retry_reason", "http_timeout")
        headers.update(options.get("headers", {}))
        return headers

    def post(
        self,
        body: bytes | str,
        *,
        content_type: str = "application/json",
        payload: JSON | None = None,
        **options: Unpack[SendOptions],
    ) -> httpx.Response:
        """Sign and post a raw body (use the builders' methods for well-formed ones)."""
        raw = body.encode() if isinstance(body, str) else body
        headers = self.headers_for(raw, **options)
        headers["Content-Type"] = content_type
        sent = SentRequest(raw, content_type, payload, None, headers)
        self.sent.append(sent)
        sent.response = self._http.post(self.url, content=raw, headers=headers)
        return sent.response

    def resend(self, index: int = -1, **options: Unpack[SendOptions]) -> httpx.Response:
        """Send an earlier request again, byte for byte (same event_id), freshly signed; as a
        Slack retry unless told otherwise (``retry_num=1, retry_reason="http_timeout"``)."""
        previous = self.sent[index]
        options.setdefault("retry_num", 1)
        return self.post(
            previous.body, content_type=previous.content_type, payload=previous.payload, **options
        )

    def _form(self, fields: Mapping[str, str], **options: Unpack[SendOptions]) -> httpx.Response:
        body = urlencode(fields)
        content_type = "application/x-www-form-urlencoded"
        return self.post(body, content_type=content_type, payload=dict(fields), **options)

    def _interaction(self, payload: JSON, **options: Unpack[SendOptions]) -> httpx.Response:
        body = urlencode({"payload": json.dumps(payload)})
        content_type = "application/x-www-form-urlencoded"
        return self.post(body, content_type=content_type, payload=payload, **options)

    def _json(self, payload: JSON, **options: Unpack[SendOptions]) -> httpx.Response:
        return self.post(json.dumps(payload), payload=payload, **options)

    def _response_url(self, kind: str) -> str:
        name = f"{kind}-{next(_counter)}"
        return self.fake.response_url(name) if self.fake else f"{_NOWHERE}/response_url/{name}"

    def _trigger_id(self) -> str:
        trigger_id = new_trigger_id()
        if self.fake is not None:
            self.fake.register_trigger(trigger_id)
        return trigger_id

    def _ts(self) -> str:
        return self.fake.next_ts() if self.fake else f"{time.time():.6f}"

    # ---- slash commands and interactions ----------------------------------------------------

    def command(
        self,
        text: str = "",
        *,
        command: str = "/newjob",
        user_id: str = HIRING_MANAGER,
        channel_id: str = GENERAL_CHANNEL,
        response_url: str | None = None,
        **options: Unpack[SendOptions],
    ) -> httpx.Response:
        """``/newjob <text>`` typed by ``user_id`` in ``channel_id``. The response URL is
        ``fake.response_url("command-N")``; read it back from ``sender.last.payload``."""
        fields = slash_command_payload(
            text,
            command=command,
            user_id=user_id,
            channel_id=channel_id,
            response_url=response_url or self._response_url("command"),
            trigger_id=self._trigger_id(),
            workspace=self.workspace,
        )
        return self._form(fields, **options)

    def block_action(
        self,
        action_id: str,
        *,
        message: Mapping[str, Any] | None = None,
        channel_id: str | None = None,
        view: Mapping[str, Any] | None = None,
        value: Any = None,
        user_id: str = HIRING_MANAGER,
        **options: Unpack[SendOptions],
    ) -> httpx.Response:
        """Click ``action_id`` in a message (``fake.messages(...)[i]`` or a chat.postMessage
        response's ``message``) or in a view (``fake.view(id)``). The message's channel is
        looked up in the fake when not given."""
        if message is not None and channel_id is None and self.fake is not None:
            channel_id = self.fake.channel_of(message["ts"])
        payload = block_actions_payload(
            action_id,
            message=message,
            channel_id=channel_id,
            view=view,
            value=value,
            user_id=user_id,
            response_url=self._response_url("action"),
            trigger_id=self._trigger_id(),
            workspace=self.workspace,
        )
        return self._interaction(payload, **options)

    def view_submission(
        self,
        view: Mapping[str, Any],
        values: Mapping[Any, Any] | None = None,
        *,
        user_id: str = HIRING_MANAGER,
        **options: Unpack[SendOptions],
    ) -> httpx.Response:
        """Submit ``view`` (``fake.view(id)`` or a views.open response's ``view``) with the
        user's ``values`` by action_id; see ``state_values``."""
        payload = view_submission_payload(
            view, values, user_id=user_id, trigger_id=self._trigger_id(), workspace=self.workspace
        )
        return self._interaction(payload, **options)

    def view_closed(
        self,
        view: Mapping[str, Any],
        *,
        user_id: str = HIRING_MANAGER,
        is_cleared: bool = False,
        **options: Unpack[SendOptions],
    ) -> httpx.Response:
        payload = view_closed_payload(
            view, user_id=user_id, is_cleared=is_cleared, workspace=self.workspace
        )
        return self._interaction(payload, **options)

    # ---- events -----------------------------------------------------------------------------

    def event(
        self,
        event: Mapping[str, Any],
        *,
        event_id: str | None = None,
        **options: Unpack[SendOptions],
    ) -> httpx.Response:
        """Deliver any event in an ``event_callback`` envelope."""
        envelope = event_callback(event, event_id=event_id, workspace=self.workspace)
        return self._json(envelope, **options)

    def message(
        self,
        text: str,
        *,
        user_id: str = HIRING_MANAGER,
        channel_id: str | None = None,
        thread_ts: str | None = None,
        **options: Unpack[SendOptions],
    ) -> httpx.Response:
        """``user_id`` writes ``text``: in their DM with the bot unless ``channel_id`` is given,
        in the thread ``thread_ts`` if given. The message's ts is ``sender.last.event["ts"]``."""
        channel = channel_id or self.workspace.dm_channel(user_id)
        ts = self._ts()
        parent_user_id = None
        if self.fake is not None:
            if thread_ts is not None:
                try:
                    parent_user_id = self.fake.message(channel, thread_ts)["user"]
                except KeyError:
                    parent_user_id = None
            self.fake.add_message(channel, text, user=user_id, ts=ts, thread_ts=thread_ts)
        event = message_event(
            text,
            user_id=user_id,
            channel_id=channel,
            ts=ts,
            thread_ts=thread_ts,
            parent_user_id=parent_user_id,
            workspace=self.workspace,
        )
        return self.event(event, **options)

    def mention(
        self,
        text: str,
        *,
        user_id: str = HIRING_MANAGER,
        channel_id: str = GENERAL_CHANNEL,
        thread_ts: str | None = None,
        **options: Unpack[SendOptions],
    ) -> httpx.Response:
        """``user_id`` mentions the bot in ``channel_id`` (only the app_mention event is sent;
        Slack would also send a message.channels event, which ``message`` can add)."""
        ts = self._ts()
        event = app_mention_event(
            text,
            user_id=user_id,
            channel_id=channel_id,
            ts=ts,
            thread_ts=thread_ts,
            workspace=self.workspace,
        )
        if self.fake is not None:
            self.fake.add_message(
                channel_id, event["text"], user=user_id, ts=ts, thread_ts=thread_ts
            )
        return self.event(event, **options)

    def home_opened(
        self, user_id: str = HIRING_MANAGER, *, tab: str = "home", **options: Unpack[SendOptions]
    ) -> httpx.Response:
        view = self.fake.home_view(user_id) if self.fake is not None else None
        event = app_home_opened_event(user_id, tab=tab, view=view, workspace=self.workspace)
        return self.event(event, **options)

    def url_verification(
        self,
        challenge: str = "3eZbrw1aBm2rZgRNFdxV2595E9CY3gmdALWMmHkvFXO7tYXAYM8P",
        **options: Unpack[SendOptions],
    ) -> httpx.Response:
        return self._json(url_verification_payload(challenge), **options)
