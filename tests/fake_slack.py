"""A fake Slack Web API for tests: a real HTTP server on 127.0.0.1 that records every call, answers
in Slack's shapes, rejects what Slack would reject (Block Kit included) and fails on request.

Point the app's client at it with ``WebClient(token=fake.workspace.bot_token, base_url=fake.url)``.
It also serves the ``response_url`` of slash commands and interactions, file upload URLs and plain
webhooks, so that no test ever needs slack.com.
"""

from __future__ import annotations

import base64
import contextlib
import copy
import email.policy
import hashlib
import itertools
import json
import re
import threading
import time
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from email.parser import BytesParser
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any, Self
from urllib.parse import parse_qsl, urlsplit

from slack_sdk import WebClient
from slack_sdk.models.blocks import Block
from slack_sdk.models.views import View

__all__ = [
    "APPROVER",
    "BOT_TOKEN",
    "DEFAULT_WORKSPACE",
    "GENERAL_CHANNEL",
    "HIRING_MANAGER",
    "JOBS_CHANNEL",
    "MESSAGE_BLOCK_LIMIT",
    "REVIEWER",
    "REVIEW_CHANNEL",
    "VIEW_BLOCK_LIMIT",
    "Call",
    "FakeSlack",
    "Rejection",
    "UploadedFile",
    "Workspace",
    "block_problems",
    "iter_block_elements",
    "view_problems",
]

JSON = dict[str, Any]


# --------------------------------------------------------------------------------------------
# The workspace the fake pretends to be
# --------------------------------------------------------------------------------------------


HIRING_MANAGER = "U0HIRING001"
REVIEWER = "U0REVIEW001"
APPROVER = "U0APPROVE01"
GENERAL_CHANNEL = "C0GENERAL01"
REVIEW_CHANNEL = "C0REVIEWS01"
JOBS_CHANNEL = "C0JOBSPOST1"


def _people() -> dict[str, str]:
    return {HIRING_MANAGER: "hana.hiring", REVIEWER: "rui.review", APPROVER: "ada.approve"}


def _channels() -> dict[str, str]:
    return {GENERAL_CHANNEL: "general", REVIEW_CHANNEL: "job-reviews", JOBS_CHANNEL: "jobs"}


@dataclass(frozen=True)
class Workspace:
    """Ids of the one workspace and app the fake serves; shared with ``slack_requests``."""

    team_id: str = "T0NEWJOB01"
    team_domain: str = "newjob-test"
    team_name: str = "Newjob Test"
    app_id: str = "A0NEWJOB01"
    bot_user_id: str = "U0NEWJOBBOT"
    bot_id: str = "B0NEWJOBBOT"
    bot_name: str = "newjob"
    bot_token: str = "xoxb-fake-newjob-test-token-not-a-real-one"
    people: Mapping[str, str] = field(default_factory=_people)  # user id -> user name
    channel_names: Mapping[str, str] = field(default_factory=_channels)

    @property
    def url(self) -> str:
        # Only ever shown in data (permalinks, auth.test); nothing fetches it.
        return f"https://{self.team_domain}.slack.com/"

    def dm_channel(self, user_id: str) -> str:
        """The DM channel between the bot and ``user_id``: stable, like Slack's."""
        return "D" + _stable_id(self.team_id, user_id)

    def user_name(self, user_id: str) -> str:
        if user_id == self.bot_user_id:
            return self.bot_name
        return self.people.get(user_id, user_id.lower())

    def channel_name(self, channel_id: str) -> str:
        if channel_id.startswith("D"):
            return "directmessage"  # what slash commands report for DMs
        return self.channel_names.get(channel_id, f"channel-{channel_id.lower()}")


DEFAULT_WORKSPACE = Workspace()
BOT_TOKEN = DEFAULT_WORKSPACE.bot_token


def _stable_id(*parts: str, length: int = 10) -> str:
    digest = hashlib.sha256("/".join(parts).encode()).digest()
    return base64.b32encode(digest).decode()[:length]


# --------------------------------------------------------------------------------------------
# Block Kit validation: what slack_sdk checks, plus the limits it leaves to Slack's servers
# --------------------------------------------------------------------------------------------

MESSAGE_BLOCK_LIMIT = 50
WAIT = 15.0  # seconds a test waits for a call by default: generous for a busy CI machine
VIEW_BLOCK_LIMIT = 100
MESSAGE_TEXT_LIMIT = 40_000
SECTION_FIELD_TEXT_LIMIT = 2_000
OPTION_TEXT_LIMIT = 75
OPTION_VALUE_LIMIT = 150

CHANNEL_ID = re.compile(r"^[CGD][A-Z0-9]{8,}$")
USER_ID = re.compile(r"^[UW][A-Z0-9]{2,}$")
SUBTEAM_ID = re.compile(r"^S[A-Z0-9]{2,}$")
TS = re.compile(r"^\d{10}\.\d{6}$")
TRIGGER_ID = re.compile(r"^\d+\.\d+\.[0-9a-f]{16,}$")
REACTION_NAME = re.compile(r"^[a-z0-9_+'-]+(::skin-tone-[2-6])?$")

_TEXT_TYPES = {"plain_text", "mrkdwn"}
_SELECT_TYPES = {
    "static_select",
    "multi_static_select",
    "external_select",
    "multi_external_select",
    "overflow",
}
_CHOICE_TYPES = {"checkboxes", "radio_buttons"}


def block_problems(
    blocks: Any, *, limit: int = MESSAGE_BLOCK_LIMIT, where: str = "blocks"
) -> list[str]:
    """Why Slack would answer ``invalid_blocks`` to these blocks; empty when they are valid.

    Each block goes through ``Block.parse(b).to_dict()`` (slack_sdk's own validators), the result
    is compared with what was sent (slack_sdk skips unknown blocks and drops unknown keys, Slack
    rejects them), and then the limits slack_sdk leaves to the server are checked.
    """
    if not isinstance(blocks, list):
        return [f"{where}: must be a JSON array of blocks, got {type(blocks).__name__}"]
    problems: list[str] = []
    if len(blocks) > limit:
        problems.append(f"{where}: {len(blocks)} blocks, at most {limit} allowed")
    seen_block_ids: set[str] = set()
    for index, block in enumerate(blocks):
        here = f"{where}[{index}]"
        if not isinstance(block, dict):
            problems.append(f"{here}: a block must be an object, got {type(block).__name__}")
            continue
        problems.extend(_sdk_problems(block, here))
        problems.extend(_block_limits(block, here))
        block_id = block.get("block_id")
        if isinstance(block_id, str):
            if block_id in seen_block_ids:
                problems.append(f"{here}: duplicate block_id {block_id!r}")
            seen_block_ids.add(block_id)
    return problems


def view_problems(view: Any) -> list[str]:
    """Why Slack would refuse this view in views.open/update/push/publish; empty when valid."""
    if not isinstance(view, dict):
        return [f"view: must be a JSON object, got {type(view).__name__}"]
    problems: list[str] = []
    view_type = view.get("type")
    top_level = {k: v for k, v in view.items() if k != "blocks"}
    try:
        rendered = View(**{**top_level, "blocks": [{"type": "divider"}]}).to_dict()
        rendered.pop("blocks", None)
        problems.extend(_dropped(top_level, rendered, "view"))
    except Exception as error:  # slack_sdk raises several types; any of them means "invalid"
        problems.append(f"view: {error}")
    blocks = view.get("blocks")
    if blocks is None:
        problems.append("view.blocks: required")
    else:
        if isinstance(blocks, list) and not blocks:
            problems.append("view.blocks: at least one block is required")
        problems.extend(block_problems(blocks, limit=VIEW_BLOCK_LIMIT, where="view.blocks"))
    if view_type == "modal":
        if "title" not in view:
            problems.append("view.title: required for a modal")
        has_input = isinstance(blocks, list) and any(
            isinstance(b, dict) and b.get("type") == "input" for b in blocks
        )
        if has_input and "submit" not in view:
            problems.append("view.submit: required when the modal has input blocks")
    for key in ("title", "submit", "close"):
        text = view.get(key)
        if isinstance(text, dict) and text.get("type") != "plain_text":
            problems.append(f"view.{key}: must be a plain_text object")
    external_id = view.get("external_id")
    if isinstance(external_id, str) and len(external_id) > 255:
        problems.append("view.external_id: at most 255 characters")
    return problems


def _sdk_problems(block: JSON, where: str) -> list[str]:
    try:
        parsed = Block.parse(copy.deepcopy(block))
        if parsed is None:
            return [f"{where}: unknown block type {block.get('type')!r}"]
        rendered = parsed.to_dict()
    except Exception as error:  # slack_sdk raises several types; any of them means "invalid"
        return [f"{where}: {error}"]
    return _dropped(block, rendered, where)


def _dropped(sent: Any, rendered: Any, where: str) -> list[str]:
    """What slack_sdk silently dropped or rewrote: Slack itself would refuse those parts."""
    if isinstance(sent, dict):
        if not isinstance(rendered, dict):
            return [f"{where}: not a valid Block Kit object"]
        problems = []
        for key, value in sent.items():
            if key in rendered:
                problems.extend(_dropped(value, rendered[key], f"{where}.{key}"))
            elif isinstance(value, dict) and "type" in value:
                problems.append(f"{where}.{key}: unknown element type {value['type']!r}")
            elif value not in (None, "", [], {}):
                problems.append(f"{where}.{key}: unknown or misplaced field")
        return problems
    if isinstance(sent, list):
        if not isinstance(rendered, list) or len(rendered) != len(sent):
            return [f"{where}: some items are not valid Block Kit objects"]
        problems = []
        for index, (item, back) in enumerate(zip(sent, rendered, strict=True)):
            if isinstance(item, dict) and back is None:
                problems.append(f"{where}[{index}]: unknown element type {item.get('type')!r}")
            else:
                problems.extend(_dropped(item, back, f"{where}[{index}]"))
        return problems
    if isinstance(sent, str) and isinstance(rendered, dict):
        return [f"{where}: expected a text object, got a bare string"]
    if sent != rendered or type(sent) is not type(rendered):
        return [f"{where}: invalid value {sent!r}"]
    return []


def _block_limits(block: JSON, where: str) -> Iterator[str]:
    block_type = block.get("type")
    if block_type == "section":
        fields = block.get("fields")
        if isinstance(fields, list):
            for index, item in enumerate(fields):
                text = item.get("text") if isinstance(item, dict) else None
                if isinstance(text, str) and len(text) > SECTION_FIELD_TEXT_LIMIT:
                    yield (
                        f"{where}.fields[{index}]: {len(text)} characters, "
                        f"at most {SECTION_FIELD_TEXT_LIMIT} allowed"
                    )
    elif block_type == "header":
        text = block.get("text")
        if isinstance(text, dict) and text.get("type") != "plain_text":
            yield f"{where}.text: a header takes a plain_text object"
    elif block_type in ("actions", "context"):
        elements = block.get("elements")
        if not elements:
            yield f"{where}.elements: at least one element is required"
        elif block_type == "actions" and isinstance(elements, list):
            action_ids = [e.get("action_id") for e in elements if isinstance(e, dict)]
            for action_id in {a for a in action_ids if a is not None and action_ids.count(a) > 1}:
                yield f"{where}.elements: duplicate action_id {action_id!r}"
    elif block_type == "input":
        label = block.get("label")
        if isinstance(label, dict) and label.get("type") != "plain_text":
            yield f"{where}.label: an input label takes a plain_text object"
    yield from _element_limits(block, where)


def _element_limits(node: Any, where: str) -> Iterator[str]:
    if isinstance(node, list):
        for index, item in enumerate(node):
            yield from _element_limits(item, f"{where}[{index}]")
        return
    if not isinstance(node, dict):
        return
    node_type = node.get("type")
    if node_type in _TEXT_TYPES:
        text = node.get("text")
        if not isinstance(text, str) or not text:
            yield f"{where}.text: a text object needs a non-empty string"
        if node_type == "mrkdwn" and "emoji" in node:
            yield f"{where}.emoji: only plain_text objects take emoji"
    elif node_type == "button":
        text = node.get("text")
        if isinstance(text, dict) and text.get("type") != "plain_text":
            yield f"{where}.text: a button takes a plain_text object"
    if node_type in _SELECT_TYPES or node_type in _CHOICE_TYPES:
        yield from _option_limits(node, where, plain_only=node_type in _SELECT_TYPES)
    for key, value in node.items():
        if isinstance(value, dict | list):
            yield from _element_limits(value, f"{where}.{key}")


def _option_limits(element: JSON, where: str, *, plain_only: bool) -> Iterator[str]:
    groups = element.get("option_groups")
    option_lists: list[tuple[str, Any]] = [(f"{where}.options", element.get("options"))]
    if isinstance(groups, list):
        option_lists += [
            (f"{where}.option_groups[{i}].options", g.get("options"))
            for i, g in enumerate(groups)
            if isinstance(g, dict)
        ]
    for place, options in option_lists:
        if not isinstance(options, list):
            continue
        values = [o.get("value") for o in options if isinstance(o, dict)]
        for value in {v for v in values if v is not None and values.count(v) > 1}:
            yield f"{place}: duplicate option value {value!r}"
        for index, option in enumerate(options):
            if not isinstance(option, dict):
                continue
            text = option.get("text")
            if isinstance(text, dict):
                if isinstance(text.get("text"), str) and len(text["text"]) > OPTION_TEXT_LIMIT:
                    yield f"{place}[{index}].text: at most {OPTION_TEXT_LIMIT} characters"
                if plain_only and text.get("type") != "plain_text":
                    yield f"{place}[{index}].text: options of a menu take plain_text"
            value = option.get("value")
            if isinstance(value, str) and len(value) > OPTION_VALUE_LIMIT:
                yield f"{place}[{index}].value: at most {OPTION_VALUE_LIMIT} characters"


# --------------------------------------------------------------------------------------------
# What the fake records
# --------------------------------------------------------------------------------------------


@dataclass
class Call:
    """One request the fake received.

    ``method`` is the Web API method (``chat.postMessage``), or ``response_url``, ``webhook`` or
    ``file_upload`` for the non-API endpoints (``name`` then says which URL). ``params`` are the
    decoded arguments: JSON-encoded ``blocks``, ``view``, ``attachments`` and ``files`` are
    already parsed. ``headers`` have lower-case names.
    """

    method: str
    params: JSON
    headers: dict[str, str]
    body: bytes
    at: float
    name: str | None = None
    status: int | None = None
    response: JSON | None = None
    fault: str | None = None

    @property
    def ok(self) -> bool:
        return self.status == HTTPStatus.OK and bool(self.response and self.response.get("ok"))

    @property
    def blocks(self) -> list[JSON] | None:
        blocks = self.params.get("blocks")
        return blocks if isinstance(blocks, list) else None

    @property
    def text(self) -> str | None:
        text = self.params.get("text")
        return text if isinstance(text, str) else None


@dataclass(frozen=True)
class Rejection:
    """A request Slack would have refused because of the app (not because a test said so)."""

    method: str
    error: str
    problems: tuple[str, ...]
    params: JSON = field(repr=False, compare=False)

    def __str__(self) -> str:
        details = "".join(f"\n    - {p}" for p in self.problems)
        return f"{self.method} -> {self.error}{details}"


@dataclass
class UploadedFile:
    """A file sent through files.getUploadURLExternal, the upload URL and completeUploadExternal."""

    id: str
    filename: str
    length: int
    upload_key: str
    title: str | None = None
    alt_txt: str | None = None
    snippet_type: str | None = None
    content: bytes | None = None
    completed: bool = False
    channels: list[str] = field(default_factory=list)
    thread_ts: str | None = None
    initial_comment: str | None = None

    @property
    def text(self) -> str:
        return (self.content or b"").decode("utf-8")


@dataclass
class _Fault:
    remaining: int
    status: int = HTTPStatus.OK
    body: JSON | None = None
    headers: dict[str, str] = field(default_factory=dict)
    hang_seconds: float | None = None


class _SlackError(Exception):
    def __init__(self, error: str, *problems: str, by_app: bool = True) -> None:
        super().__init__(error)
        self.error = error
        self.problems = problems
        self.by_app = by_app


# --------------------------------------------------------------------------------------------
# The server
# --------------------------------------------------------------------------------------------

_JSON_PARAMS = ("blocks", "attachments", "view", "files", "metadata")
_RESPONSE_URL_USES = 5


class FakeSlack:
    """A local, thread-safe fake of the Slack Web API (see the module docstring).

    Use it as a context manager or call ``start()``/``stop()``; the ``fake_slack`` fixture in
    ``slack_fixtures`` does that for you and fails the test if the app sent anything Slack would
    have rejected. ``reset()`` forgets calls, rejections and scripted faults but keeps the
    workspace's state (messages, views, files).
    """

    def __init__(
        self,
        *,
        workspace: Workspace = DEFAULT_WORKSPACE,
        users: Mapping[str, Mapping[str, Any]] | None = None,
        usergroups: Mapping[str, Sequence[str]] | None = None,
        trigger_ttl: float | None = None,
        host: str = "127.0.0.1",
    ) -> None:
        self.workspace = workspace
        self.trigger_ttl = trigger_ttl
        self._host = host
        self._lock = threading.RLock()
        self._changed = threading.Condition(self._lock)
        self._stopping = threading.Event()
        self._server: _Server | None = None
        self._thread: threading.Thread | None = None
        self._counter = itertools.count(1)
        self._last_ts_us = 0
        self._calls: list[Call] = []
        self._rejections: list[Rejection] = []
        self._faults: dict[str, list[_Fault]] = {}
        self._answers: dict[str, list[_Fault]] = {}
        self._users: dict[str, JSON] = {}
        self._usergroups: dict[str, list[str]] = {k: list(v) for k, v in (usergroups or {}).items()}
        self._messages: dict[str, dict[str, JSON]] = {}
        self._views: dict[str, JSON] = {}
        self._modal_stack: list[str] = []
        self._homes: dict[str, str] = {}
        self._triggers: dict[str, float] = {}
        self._used_triggers: set[str] = set()
        self._response_url_uses: dict[str, int] = {}
        self._files: dict[str, UploadedFile] = {}
        for user_id, profile in (users or {}).items():
            self.add_user(user_id, **profile)
        self._methods: dict[str, Callable[[JSON], JSON]] = {
            "auth.test": self._auth_test,
            "chat.postMessage": self._chat_post_message,
            "chat.update": self._chat_update,
            "chat.delete": self._chat_delete,
            "chat.postEphemeral": self._chat_post_ephemeral,
            "chat.getPermalink": self._chat_get_permalink,
            "conversations.open": self._conversations_open,
            "conversations.info": self._conversations_info,
            "conversations.replies": self._conversations_replies,
            "conversations.history": self._conversations_history,
            "views.open": self._views_open,
            "views.push": self._views_push,
            "views.update": self._views_update,
            "views.publish": self._views_publish,
            "users.info": self._users_info,
            "usergroups.users.list": self._usergroups_users_list,
            "reactions.add": self._reactions_add,
            "reactions.remove": self._reactions_remove,
            "files.getUploadURLExternal": self._files_get_upload_url,
            "files.completeUploadExternal": self._files_complete_upload,
        }

    # ---- life cycle -------------------------------------------------------------------------

    def start(self) -> Self:
        if self._server is not None:
            return self
        self._stopping.clear()
        self._server = _Server((self._host, 0), _Handler, self)
        self._thread = threading.Thread(
            target=self._server.serve_forever,
            kwargs={"poll_interval": 0.05},
            name="fake-slack",
            daemon=True,
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        server, self._server = self._server, None
        if server is None:
            return
        self._stopping.set()  # wakes handlers held by hang_next
        server.shutdown()
        server.server_close()
        if self._thread is not None:
            self._thread.join(timeout=5)
            self._thread = None

    def __enter__(self) -> Self:
        return self.start()

    def __exit__(self, *exc_info: object) -> None:
        self.stop()

    @property
    def base(self) -> str:
        """``http://127.0.0.1:PORT`` (no trailing slash)."""
        if self._server is None:
            raise RuntimeError("FakeSlack is not started")
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}"

    @property
    def url(self) -> str:
        """The Web API base URL for ``WebClient(base_url=...)``, ending in ``/api/``."""
        return f"{self.base}/api/"

    def client(self, **kwargs: Any) -> WebClient:
        """A ``WebClient`` with the bot token, pointed at this fake."""
        kwargs.setdefault("token", self.workspace.bot_token)
        return WebClient(base_url=self.url, **kwargs)

    def response_url(self, name: str = "default") -> str:
        """A ``response_url`` on this server; posts to it are recorded as ``response_url`` calls."""
        return f"{self.base}/response_url/{name}"

    def webhook_url(self, name: str = "default") -> str:
        """A plain webhook URL; JSON posted to it is recorded as ``webhook`` calls, unvalidated."""
        return f"{self.base}/webhook/{name}"

    # ---- what was received ------------------------------------------------------------------

    def calls(
        self, method: str | None = None, *, predicate: Callable[[Call], bool] | None = None
    ) -> list[Call]:
        with self._lock:
            return [c for c in self._calls if _matches(c, method, predicate)]

    def count(
        self, method: str | None = None, *, predicate: Callable[[Call], bool] | None = None
    ) -> int:
        return len(self.calls(method, predicate=predicate))

    def last(
        self, method: str | None = None, *, predicate: Callable[[Call], bool] | None = None
    ) -> Call:
        found = self.calls(method, predicate=predicate)
        if not found:
            raise AssertionError(f"no {method or 'call'} received; got: {self._summary()}")
        return found[-1]

    def wait_for(
        self,
        method: str | None,
        count: int = 1,
        timeout: float = WAIT,
        predicate: Callable[[Call], bool] | None = None,
    ) -> list[Call]:
        """Block until at least ``count`` matching calls arrived; return all matching calls."""
        deadline = time.monotonic() + timeout
        with self._changed:
            while True:
                found = [c for c in self._calls if _matches(c, method, predicate)]
                if len(found) >= count:
                    return found
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(
                        f"waited {timeout}s for {count} x {method or 'any call'}, "
                        f"got {len(found)}; received: {self._summary()}"
                        + "".join(f"\n  rejected: {r}" for r in self._rejections)
                    )
                self._changed.wait(remaining)

    def response_url_calls(self, name: str | None = None) -> list[Call]:
        return self.calls("response_url", predicate=lambda c: name is None or c.name == name)

    def errors(self) -> list[Rejection]:
        """Requests Slack would have refused because of what the app sent."""
        with self._lock:
            return list(self._rejections)

    def take_errors(self) -> list[Rejection]:
        """Return the rejections and forget them (for tests that provoke them on purpose)."""
        with self._lock:
            taken, self._rejections = self._rejections, []
            return taken

    def assert_no_errors(self) -> None:
        errors = self.errors()
        if errors:
            listing = "\n".join(f"  {e}" for e in errors)
            raise AssertionError(f"Slack would have rejected {len(errors)} call(s):\n{listing}")

    def reset(self) -> None:
        with self._lock:
            self._calls.clear()
            self._rejections.clear()
            self._faults.clear()
            self._answers.clear()

    # ---- scripting ----------------------------------------------------------------------------

    def fail_next(
        self,
        method: str,
        status: int = HTTPStatus.TOO_MANY_REQUESTS,
        *,
        retry_after: int = 1,
        times: int = 1,
        error: str | None = None,
    ) -> None:
        """Answer the next ``times`` calls of ``method`` with an HTTP error (429 carries
        ``Retry-After``), or with ``status=200`` and ``error`` for an ``ok: false`` answer."""
        if status == HTTPStatus.TOO_MANY_REQUESTS:
            headers = {"Retry-After": str(retry_after)}
            body = {"ok": False, "error": error or "ratelimited"}
        elif status == HTTPStatus.OK:
            if error is None:
                raise ValueError("fail_next with status 200 needs an error code")
            headers, body = {}, {"ok": False, "error": error}
        else:
            headers, body = {}, {"ok": False, "error": error or "internal_error"}
        self._script(self._faults, method, _Fault(times, status, body, headers))

    def hang_next(self, method: str, seconds: float, *, times: int = 1) -> None:
        """Hold the answer to the next ``times`` calls of ``method`` for ``seconds`` (past the
        client's timeout); the call still takes effect, as a slow Slack would."""
        self._script(self._faults, method, _Fault(times, hang_seconds=seconds))

    def set_response(
        self, method: str, body: JSON, *, status: int = HTTPStatus.OK, times: int = 1
    ) -> None:
        """Answer the next ``times`` valid calls of ``method`` with ``body`` instead."""
        self._script(self._answers, method, _Fault(times, status, dict(body)))

    def _script(self, table: dict[str, list[_Fault]], method: str, fault: _Fault) -> None:
        if fault.remaining < 1:
            raise ValueError("times must be at least 1")
        with self._lock:
            table.setdefault(method, []).append(fault)

    # ---- workspace state -------------------------------------------------------------------

    def add_user(
        self,
        user_id: str,
        *,
        name: str | None = None,
        real_name: str | None = None,
        email: str | None = None,
        tz: str = "America/Chicago",
        is_bot: bool = False,
        deleted: bool = False,
        is_admin: bool = False,
    ) -> None:
        name = name or self.workspace.user_name(user_id)
        real_name = real_name or name.replace(".", " ").title()
        with self._lock:
            self._users[user_id] = _user_object(
                self.workspace, user_id, name, real_name, email, tz, is_bot, deleted, is_admin
            )

    def set_usergroup(self, usergroup_id: str, members: Sequence[str]) -> None:
        with self._lock:
            self._usergroups[usergroup_id] = list(members)

    def next_ts(self) -> str:
        """A fresh message timestamp, later than every one handed out before."""
        with self._lock:
            now_us = int(time.time() * 1_000_000)
            self._last_ts_us = max(now_us, self._last_ts_us + 100)
            seconds, micros = divmod(self._last_ts_us, 1_000_000)
            return f"{seconds}.{micros:06d}"

    def add_message(
        self,
        channel: str,
        text: str,
        *,
        user: str,
        ts: str | None = None,
        thread_ts: str | None = None,
        blocks: list[JSON] | None = None,
    ) -> JSON:
        """Store a message someone wrote (``slack_requests`` does this for the events it sends),
        so that conversations.replies and reactions see it."""
        with self._lock:
            return self._store_message(
                channel,
                ts or self.next_ts(),
                text=text,
                blocks=blocks,
                user=user,
                thread_ts=thread_ts,
            )

    def messages(self, channel: str | None = None, *, thread_ts: str | None = None) -> list[JSON]:
        """Current messages (after updates and deletions), oldest first."""
        with self._lock:
            channels = [channel] if channel else list(self._messages)
            found = [
                copy.deepcopy(m)
                for c in channels
                for m in self._messages.get(c, {}).values()
                if thread_ts is None or m.get("thread_ts") == thread_ts or m["ts"] == thread_ts
            ]
        return sorted(found, key=lambda m: m["ts"])

    def wait_for_messages(
        self, channel: str, count: int, *, user: str | None = None, timeout: float = WAIT
    ) -> list[JSON]:
        """Block until ``channel`` holds at least ``count`` messages (written by ``user`` if
        given); return them, oldest first. Cheap enough for many threads waiting at once."""
        deadline = time.monotonic() + timeout

        def found() -> int:
            held = self._messages.get(channel, {}).values()
            return sum(1 for m in held if user is None or m["user"] == user)

        with self._changed:
            while (have := found()) < count:
                remaining = deadline - time.monotonic()
                if remaining <= 0:
                    raise AssertionError(
                        f"waited {timeout}s for {count} messages in {channel}, got {have}"
                    )
                self._changed.wait(remaining)
        return [m for m in self.messages(channel) if user is None or m["user"] == user]

    def message(self, channel: str, ts: str) -> JSON:
        with self._lock:
            found = self._messages.get(channel, {}).get(ts)
            if found is None:
                raise KeyError(f"no message {ts} in {channel}")
            return copy.deepcopy(found)

    def channel_of(self, ts: str) -> str:
        """The channel that holds the message ``ts``."""
        with self._lock:
            for channel, messages in self._messages.items():
                if ts in messages:
                    return channel
        raise KeyError(f"no message with ts {ts}")

    def view(self, view_id: str) -> JSON:
        """The view as Slack holds it now (id, hash, block_ids filled in)."""
        with self._lock:
            return copy.deepcopy(self._views[view_id])

    def views(self) -> list[JSON]:
        with self._lock:
            return [copy.deepcopy(v) for v in self._views.values()]

    def home_view(self, user_id: str) -> JSON | None:
        with self._lock:
            view_id = self._homes.get(user_id)
            return copy.deepcopy(self._views[view_id]) if view_id else None

    def register_trigger(self, trigger_id: str) -> None:
        """Note when a trigger_id was handed to the app (for ``trigger_ttl``)."""
        with self._lock:
            self._triggers[trigger_id] = time.monotonic()

    def files(self, filename: str | None = None) -> list[UploadedFile]:
        with self._lock:
            return [f for f in self._files.values() if filename in (None, f.filename)]

    def file(self, file_id: str) -> UploadedFile:
        with self._lock:
            return self._files[file_id]

    # ---- request handling (called from the server's threads) --------------------------------

    def _complete(self, call: Call, status: int, response: JSON) -> None:
        """Record the answer to ``call``; a held call (hang_next) was recorded on arrival."""
        with self._changed:
            call.status, call.response = int(status), response
            if call.fault != "hang":
                self._calls.append(call)
            self._changed.notify_all()

    def _reject(self, method: str, error: _SlackError, params: JSON) -> None:
        if error.by_app:
            with self._lock:
                self._rejections.append(Rejection(method, error.error, error.problems, params))

    def _take(self, table: dict[str, list[_Fault]], method: str) -> _Fault | None:
        with self._lock:
            queue = table.get(method)
            if not queue:
                return None
            fault = queue[0]
            fault.remaining -= 1
            if fault.remaining == 0:
                queue.pop(0)
            return fault

    def _scripted_fault(self, call: Call) -> _Reply | None:
        """Apply fail_next (answer now with the error) or hang_next (hold, then carry on)."""
        fault = self._take(self._faults, call.method)
        if fault is None:
            return None
        if fault.hang_seconds is not None:
            call.fault = "hang"
            with self._changed:
                self._calls.append(call)
                self._changed.notify_all()
            self._stopping.wait(fault.hang_seconds)  # stop() cuts it short
            return None
        call.fault = f"http {fault.status}"
        self._complete(call, fault.status, fault.body or {})
        return _Reply(fault.status, fault.body or {}, fault.headers)

    def _handle_api(self, method: str, request: _Request) -> _Reply:
        call = Call(method, request.params, request.headers, request.body, time.monotonic())
        faulted = self._scripted_fault(call)
        if faulted is not None:
            return faulted
        status, body = self._answer_api(method, request)
        self._complete(call, status, body)
        return _Reply(status, body)

    def _answer_api(self, method: str, request: _Request) -> tuple[int, JSON]:
        try:
            if request.decode_error:
                raise _SlackError("invalid_json", request.decode_error)
            self._check_token(request)
            handler = self._methods.get(method)
            if handler is None:
                raise _SlackError("unknown_method", f"the fake does not know {method}")
            with self._lock:
                body = handler(request.params)
        except _SlackError as error:
            self._reject(method, error, request.params)
            return HTTPStatus.OK, _error_body(error)
        answer = self._take(self._answers, method)
        if answer is not None:
            return answer.status, dict(answer.body or {})
        return HTTPStatus.OK, body

    def _check_token(self, request: _Request) -> None:
        authorization = request.headers.get("authorization", "")
        token = authorization[7:].strip() if authorization.lower().startswith("bearer ") else ""
        if not token and not request.is_json:
            token = str(request.params.get("token") or "")
        if not token:
            raise _SlackError("not_authed", "no token: send Authorization: Bearer xoxb-...")
        if token != self.workspace.bot_token:
            raise _SlackError("invalid_auth", "the token is not this workspace's bot token")

    def _handle_response_url(self, kind: str, name: str, request: _Request) -> _Reply:
        """A post to a response_url (validated like a message) or to a plain webhook."""
        call = Call(kind, request.params, request.headers, request.body, time.monotonic(), name)
        faulted = self._scripted_fault(call)
        if faulted is not None:
            return faulted
        error, problems = "invalid_payload", []
        if request.decode_error or not request.is_json:
            problems = ["the body must be JSON"]
        elif kind == "response_url":
            with self._lock:
                uses = self._response_url_uses.get(name, 0) + 1
                self._response_url_uses[name] = uses
            if uses > _RESPONSE_URL_USES:
                error, problems = "used_url", [f"a response_url takes {_RESPONSE_URL_USES} posts"]
            else:
                error, problems = _response_payload_problems(request.params)
        return self._webhook_answer(call, error, problems, ok_text="ok")

    def _handle_upload(self, key: str, request: _Request) -> _Reply:
        """The raw upload to a URL from files.getUploadURLExternal (the body is the file)."""
        content = request.files[next(iter(request.files))][1] if request.files else request.body
        call = Call(
            "file_upload",
            {"length": len(content)},
            request.headers,
            request.body,
            time.monotonic(),
            key,
        )
        faulted = self._scripted_fault(call)
        if faulted is not None:
            return faulted
        problems = []
        with self._lock:
            upload = next((f for f in self._files.values() if f.upload_key == key), None)
            if upload is None:
                problems.append("no such upload URL")
            elif upload.length != len(content):
                problems.append(f"declared length {upload.length}, got {len(content)} bytes")
            else:
                upload.content = content
        return self._webhook_answer(call, "upload_failed", problems, ok_text=f"OK - {len(content)}")

    def _webhook_answer(self, call: Call, error: str, problems: list[str], ok_text: str) -> _Reply:
        if problems:
            rejection = _SlackError(error, *problems)
            self._reject(call.method, rejection, call.params)
            self._complete(call, HTTPStatus.BAD_REQUEST, _error_body(rejection))
            return _Reply(HTTPStatus.BAD_REQUEST, text=error)
        self._complete(call, HTTPStatus.OK, {"ok": True})
        return _Reply(HTTPStatus.OK, text=ok_text)

    def _summary(self) -> str:
        with self._lock:
            names = [f"{c.method}({c.name})" if c.name else c.method for c in self._calls]
        return ", ".join(names) or "nothing"

    # ---- id helpers (called with the lock held) ----------------------------------------------

    def _new_id(self, prefix: str, length: int = 10) -> str:
        return prefix + _stable_id(
            self.workspace.team_id, prefix, str(next(self._counter)), length=length
        )

    def _with_block_ids(self, blocks: Any) -> Any:
        if not isinstance(blocks, list):
            return blocks
        filled = copy.deepcopy(blocks)
        for block in filled:
            if isinstance(block, dict) and "block_id" not in block:
                # Slack invents a short random block_id for blocks sent without one
                block["block_id"] = _stable_id("block", str(next(self._counter)), length=5)
        return filled

    def _channel(self, params: JSON, key: str = "channel", *, users_allowed: bool = False) -> str:
        channel = params.get(key)
        if not isinstance(channel, str) or not channel:
            raise _SlackError("channel_not_found", f"{key} is required")
        if users_allowed and USER_ID.match(channel):
            return self.workspace.dm_channel(channel)  # Slack posts to the app's DM with the user
        if not CHANNEL_ID.match(channel):
            raise _SlackError("channel_not_found", f"{key}={channel!r} is not a channel id")
        return channel

    def _ts(self, params: JSON, key: str, *, error: str) -> str | None:
        value = params.get(key)
        if value is None or value == "":
            return None
        if not isinstance(value, str) or not TS.match(value):
            raise _SlackError(error, f"{key}={value!r} is not a Slack ts like 1732770000.000100")
        return value

    def _required_ts(self, params: JSON, key: str, *, error: str) -> str:
        value = self._ts(params, key, error=error)
        if value is None:
            raise _SlackError(error, f"{key} is required")
        return value

    def _message_content(self, params: JSON, *, needs_content: bool = True) -> None:
        problems: list[str] = []
        blocks = params.get("blocks")
        if blocks is not None:
            if isinstance(blocks, str):
                raise _SlackError("invalid_blocks_format", "blocks is not a JSON array")
            problems += block_problems(blocks)
        attachments = params.get("attachments")
        if isinstance(attachments, list):
            for index, attachment in enumerate(attachments):
                if isinstance(attachment, dict) and "blocks" in attachment:
                    problems += block_problems(
                        attachment["blocks"], where=f"attachments[{index}].blocks"
                    )
        if problems:
            raise _SlackError("invalid_blocks", *problems)
        text = params.get("text")
        if text is not None and not isinstance(text, str):
            raise _SlackError("invalid_arguments", "text must be a string")
        if isinstance(text, str) and len(text) > MESSAGE_TEXT_LIMIT:
            raise _SlackError("msg_too_long", f"text has {len(text)} characters")
        if needs_content and not (text or blocks or attachments):
            raise _SlackError("no_text", "give text or blocks")

    def _store_message(
        self,
        channel: str,
        ts: str,
        *,
        text: str,
        blocks: Any,
        user: str,
        thread_ts: str | None,
        extra: JSON | None = None,
    ) -> JSON:
        ws = self.workspace
        message: JSON = {
            "type": "message",
            "text": text,
            "user": user,
            "ts": ts,
            "team": ws.team_id,
        }
        if user == ws.bot_user_id:
            message["bot_id"] = ws.bot_id
            message["bot_profile"] = _bot_profile(ws)
        if blocks:
            message["blocks"] = self._with_block_ids(blocks)
        message.update(extra or {})
        in_channel = self._messages.setdefault(channel, {})
        in_channel[ts] = message
        parent = in_channel.get(thread_ts) if thread_ts and thread_ts != ts else None
        if thread_ts and thread_ts != ts:
            message["thread_ts"] = thread_ts
        if parent is not None:
            message["parent_user_id"] = parent["user"]
            replies = sorted(
                (
                    m
                    for m in in_channel.values()
                    if m.get("thread_ts") == thread_ts and m is not parent
                ),
                key=lambda m: m["ts"],
            )
            users = list(dict.fromkeys(m["user"] for m in replies))
            parent.update(
                thread_ts=thread_ts,
                reply_count=len(replies),
                reply_users=users,
                reply_users_count=len(users),
                latest_reply=replies[-1]["ts"],
            )
        return copy.deepcopy(message)

    # ---- Web API methods (called with the lock held) -----------------------------------------

    def _auth_test(self, params: JSON) -> JSON:
        ws = self.workspace
        return {
            "ok": True,
            "url": ws.url,
            "team": ws.team_name,
            "user": ws.bot_name,
            "team_id": ws.team_id,
            "user_id": ws.bot_user_id,
            "bot_id": ws.bot_id,
            "is_enterprise_install": False,
        }

    def _chat_post_message(self, params: JSON) -> JSON:
        channel = self._channel(params, users_allowed=True)
        self._message_content(params)
        thread_ts = self._ts(params, "thread_ts", error="invalid_thread_ts")
        ts = self.next_ts()
        message = self._store_message(
            channel,
            ts,
            text=params.get("text") or "",
            blocks=params.get("blocks"),
            user=self.workspace.bot_user_id,
            thread_ts=thread_ts,
        )
        return {"ok": True, "channel": channel, "ts": ts, "message": message}

    def _chat_update(self, params: JSON) -> JSON:
        channel = self._channel(params)
        ts = self._required_ts(params, "ts", error="message_not_found")
        self._message_content(params, needs_content=False)
        message = self._messages.get(channel, {}).get(ts)
        if message is None:
            raise _SlackError("message_not_found", f"no message {ts} in {channel}")
        if message.get("user") != self.workspace.bot_user_id:
            raise _SlackError("cant_update_message", "the bot can only update its own messages")
        if "text" in params:
            message["text"] = params["text"] or ""
        if "blocks" in params:
            message["blocks"] = self._with_block_ids(params["blocks"] or [])
        message["edited"] = {"user": self.workspace.bot_user_id, "ts": self.next_ts()}
        return {
            "ok": True,
            "channel": channel,
            "ts": ts,
            "text": message["text"],
            "message": copy.deepcopy(message),
        }

    def _chat_delete(self, params: JSON) -> JSON:
        channel = self._channel(params)
        ts = self._required_ts(params, "ts", error="message_not_found")
        message = self._messages.get(channel, {}).get(ts)
        if message is None:
            raise _SlackError("message_not_found", f"no message {ts} in {channel}")
        if message.get("user") != self.workspace.bot_user_id:
            raise _SlackError("cant_delete_message", "the bot can only delete its own messages")
        del self._messages[channel][ts]
        return {"ok": True, "channel": channel, "ts": ts}

    def _chat_post_ephemeral(self, params: JSON) -> JSON:
        self._channel(params)
        user = params.get("user")
        if not isinstance(user, str) or not USER_ID.match(user):
            raise _SlackError("user_not_in_channel", f"user={user!r} is not a user id")
        self._message_content(params)
        self._ts(params, "thread_ts", error="invalid_thread_ts")
        return {"ok": True, "message_ts": self.next_ts()}

    def _chat_get_permalink(self, params: JSON) -> JSON:
        channel = self._channel(params)
        ts = self._required_ts(params, "message_ts", error="message_not_found")
        link = f"{self.workspace.url}archives/{channel}/p{ts.replace('.', '')}"
        parent = self._messages.get(channel, {}).get(ts, {}).get("thread_ts")
        if parent and parent != ts:
            link += f"?thread_ts={parent}&cid={channel}"
        return {"ok": True, "channel": channel, "permalink": link}

    def _conversations_open(self, params: JSON) -> JSON:
        if params.get("channel"):
            return {
                "ok": True,
                "no_op": True,
                "already_open": True,
                "channel": {"id": self._channel(params)},
            }
        users = [u.strip() for u in str(params.get("users") or "").split(",") if u.strip()]
        if not users:
            raise _SlackError("users_list_not_supplied", "give users or channel")
        for user in users:
            if not USER_ID.match(user):
                raise _SlackError("user_not_found", f"{user!r} is not a user id")
        if len(users) == 1:
            channel: JSON = {"id": self.workspace.dm_channel(users[0])}
            if str(params.get("return_im")).lower() in ("1", "true"):
                channel.update(is_im=True, is_open=True, user=users[0])
        else:
            channel = {"id": "G" + _stable_id(self.workspace.team_id, *sorted(users))}
        return {"ok": True, "no_op": True, "already_open": True, "channel": channel}

    def _conversations_info(self, params: JSON) -> JSON:
        channel = self._channel(params)
        info: JSON = {"id": channel, "created": 1_700_000_000, "is_archived": False}
        if channel.startswith("D"):
            info.update(is_im=True, is_channel=False, is_private=True)
        else:
            name = self.workspace.channel_name(channel)
            info.update(
                name=name,
                is_channel=True,
                is_im=False,
                is_private=channel.startswith("G"),
                is_member=True,
            )
        return {"ok": True, "channel": info}

    def _conversations_replies(self, params: JSON) -> JSON:
        channel = self._channel(params)
        ts = self._required_ts(params, "ts", error="thread_not_found")
        in_channel = self._messages.get(channel, {})
        thread = [m for m in in_channel.values() if m["ts"] == ts or m.get("thread_ts") == ts]
        if not thread:
            raise _SlackError("thread_not_found", f"no thread {ts} in {channel}", by_app=False)
        thread.sort(key=lambda m: m["ts"])
        return {"ok": True, "messages": copy.deepcopy(thread), "has_more": False}

    def _conversations_history(self, params: JSON) -> JSON:
        channel = self._channel(params)
        top = [
            m
            for m in self._messages.get(channel, {}).values()
            if m.get("thread_ts") in (None, m["ts"])
        ]
        top.sort(key=lambda m: m["ts"], reverse=True)
        return {"ok": True, "messages": copy.deepcopy(top), "has_more": False}

    def _use_trigger(self, params: JSON) -> None:
        trigger_id = params.get("trigger_id")
        if not isinstance(trigger_id, str) or not TRIGGER_ID.match(trigger_id):
            raise _SlackError("invalid_trigger_id", f"trigger_id={trigger_id!r}")
        if trigger_id in self._used_triggers:
            raise _SlackError("exchanged_trigger_id", "each trigger_id opens one view")
        issued = self._triggers.get(trigger_id)
        ttl = self.trigger_ttl
        if ttl is not None and issued is not None and time.monotonic() - issued > ttl:
            raise _SlackError("expired_trigger_id", f"older than {ttl}s")
        self._used_triggers.add(trigger_id)

    def _checked_view(self, params: JSON, *, home: bool = False) -> JSON:
        view = params.get("view")
        if not isinstance(view, dict):
            raise _SlackError("invalid_arguments", "view must be a JSON object")
        problems = view_problems(view)
        if not problems and (view.get("type") == "home") != home:
            problems = [f"view.type: {'home' if home else 'modal'} expected here"]
        if problems:
            raise _SlackError("invalid_arguments", *problems)
        return dict(view)

    def _render_view(self, view: JSON, view_id: str, root_id: str, previous: str | None) -> JSON:
        ws = self.workspace
        rendered: JSON = {
            "id": view_id,
            "team_id": ws.team_id,
            "type": view["type"],
            "blocks": self._with_block_ids(view.get("blocks", [])),
            "private_metadata": view.get("private_metadata", ""),
            "callback_id": view.get("callback_id", ""),
            "state": {"values": {}},
            "hash": f"{int(time.time())}.{_stable_id(view_id, str(next(self._counter)), length=8)}",
            "title": view.get("title"),
            "clear_on_close": bool(view.get("clear_on_close", False)),
            "notify_on_close": bool(view.get("notify_on_close", False)),
            "close": view.get("close"),
            "submit": view.get("submit"),
            "previous_view_id": previous,
            "root_view_id": root_id,
            "app_id": ws.app_id,
            "external_id": view.get("external_id", ""),
            "app_installed_team_id": ws.team_id,
            "bot_id": ws.bot_id,
        }
        self._views[view_id] = rendered
        return {"ok": True, "view": copy.deepcopy(rendered)}

    def _views_open(self, params: JSON) -> JSON:
        view = self._checked_view(params)
        self._use_trigger(params)
        view_id = self._new_id("V")
        self._modal_stack = [view_id]
        return self._render_view(view, view_id, view_id, None)

    def _views_push(self, params: JSON) -> JSON:
        view = self._checked_view(params)
        self._use_trigger(params)
        if len(self._modal_stack) >= 3:
            raise _SlackError("push_limit_reached", "at most 3 views in a modal stack")
        view_id = self._new_id("V")
        previous = self._modal_stack[-1] if self._modal_stack else None
        root = self._modal_stack[0] if self._modal_stack else view_id
        self._modal_stack.append(view_id)
        return self._render_view(view, view_id, root, previous)

    def _views_update(self, params: JSON) -> JSON:
        view_id = params.get("view_id")
        external_id = params.get("external_id")
        if not view_id and not external_id:
            raise _SlackError("invalid_arguments", "give view_id or external_id")
        current = (
            self._views.get(str(view_id))
            if view_id
            else next(
                (v for v in self._views.values() if v.get("external_id") == external_id), None
            )
        )
        if current is None:
            raise _SlackError("not_found", f"no view {view_id or external_id}", by_app=False)
        view = self._checked_view(params, home=current["type"] == "home")
        expected = params.get("hash")
        if expected and expected != current["hash"]:
            raise _SlackError("hash_conflict", "the view changed since that hash", by_app=False)
        return self._render_view(
            view, current["id"], current["root_view_id"], current["previous_view_id"]
        )

    def _views_publish(self, params: JSON) -> JSON:
        user_id = params.get("user_id")
        if not isinstance(user_id, str) or not USER_ID.match(user_id):
            raise _SlackError("invalid_arguments", f"user_id={user_id!r} is not a user id")
        view = self._checked_view(params, home=True)
        view_id = self._homes.get(user_id)
        expected = params.get("hash")
        if view_id and expected and expected != self._views[view_id]["hash"]:
            raise _SlackError("hash_conflict", "the home tab changed since that hash", by_app=False)
        view_id = view_id or self._new_id("V")
        self._homes[user_id] = view_id
        return self._render_view(view, view_id, view_id, None)

    def _users_info(self, params: JSON) -> JSON:
        user_id = params.get("user")
        if not isinstance(user_id, str) or not USER_ID.match(user_id):
            raise _SlackError("user_not_found", f"user={user_id!r} is not a user id")
        if user_id not in self._users:
            self.add_user(user_id, is_bot=user_id == self.workspace.bot_user_id)
        return {"ok": True, "user": copy.deepcopy(self._users[user_id])}

    def _usergroups_users_list(self, params: JSON) -> JSON:
        group = params.get("usergroup")
        if not isinstance(group, str) or not SUBTEAM_ID.match(group):
            raise _SlackError("no_such_subteam", f"usergroup={group!r} is not a user-group id")
        if group not in self._usergroups:
            raise _SlackError("no_such_subteam", f"no user group {group}", by_app=False)
        return {"ok": True, "users": list(self._usergroups[group])}

    def _reaction_target(self, params: JSON) -> tuple[JSON | None, str]:
        channel = self._channel(params)
        ts = self._required_ts(params, "timestamp", error="bad_timestamp")
        name = params.get("name")
        if not isinstance(name, str) or not REACTION_NAME.match(name):
            raise _SlackError("invalid_name", f"name={name!r}: give the emoji name without colons")
        return self._messages.get(channel, {}).get(str(ts)), name

    def _reactions_add(self, params: JSON) -> JSON:
        message, name = self._reaction_target(params)
        if message is not None:
            reactions = message.setdefault("reactions", [])
            found = next((r for r in reactions if r["name"] == name), None)
            bot = self.workspace.bot_user_id
            if found is not None and bot in found["users"]:
                raise _SlackError("already_reacted", f":{name}: is already there")
            if found is None:
                reactions.append({"name": name, "users": [bot], "count": 1})
            else:
                found["users"].append(bot)
                found["count"] += 1
        return {"ok": True}

    def _reactions_remove(self, params: JSON) -> JSON:
        message, name = self._reaction_target(params)
        bot = self.workspace.bot_user_id
        reactions = message.get("reactions", []) if message else []
        found = next((r for r in reactions if r["name"] == name and bot in r["users"]), None)
        if message is not None:
            if found is None:
                raise _SlackError("no_reaction", f"the bot has no :{name}: there", by_app=False)
            found["users"].remove(bot)
            found["count"] -= 1
            if not found["users"]:
                reactions.remove(found)
        return {"ok": True}

    def _files_get_upload_url(self, params: JSON) -> JSON:
        filename = params.get("filename")
        if not isinstance(filename, str) or not filename:
            raise _SlackError("invalid_arguments", "filename is required")
        length_param = str(params.get("length", ""))
        if not length_param.isdigit():
            raise _SlackError("invalid_arguments", "length must be the size in bytes")
        length = int(length_param)
        file_id = self._new_id("F")
        key = _stable_id(file_id, "upload", length=24).lower()
        self._files[file_id] = UploadedFile(
            id=file_id,
            filename=filename,
            length=length,
            upload_key=key,
            alt_txt=params.get("alt_txt"),
            snippet_type=params.get("snippet_type"),
        )
        return {"ok": True, "upload_url": f"{self.base}/upload/v1/{key}", "file_id": file_id}

    def _files_complete_upload(self, params: JSON) -> JSON:
        items = params.get("files")
        if not isinstance(items, list) or not items:
            raise _SlackError("invalid_arguments", "files must be a JSON array of {id, title}")
        channels = [c.strip() for c in str(params.get("channels") or "").split(",") if c.strip()]
        if params.get("channel_id"):
            channels.insert(0, self._channel(params, "channel_id"))
        for channel in channels:
            if not CHANNEL_ID.match(channel):
                raise _SlackError("channel_not_found", f"{channel!r} is not a channel id")
        thread_ts = self._ts(params, "thread_ts", error="invalid_thread_ts")
        uploads = []
        for item in items:
            upload = self._files.get(str(item.get("id") if isinstance(item, dict) else item))
            if upload is None or upload.content is None:
                raise _SlackError("file_not_found", f"{item!r} was not uploaded")
            uploads.append((upload, item))
        shared = []
        for upload, item in uploads:
            upload.completed = True
            upload.title = item.get("title") or upload.title or upload.filename
            upload.channels, upload.thread_ts = channels, thread_ts
            upload.initial_comment = params.get("initial_comment")
            shared.append(_file_object(self.workspace, upload))
        for channel in channels:
            self._store_message(
                channel,
                self.next_ts(),
                text=params.get("initial_comment") or "",
                blocks=None,
                user=self.workspace.bot_user_id,
                thread_ts=thread_ts,
                extra={"subtype": "file_share", "files": copy.deepcopy(shared), "upload": True},
            )
        return {"ok": True, "files": shared}


def _matches(call: Call, method: str | None, predicate: Callable[[Call], bool] | None) -> bool:
    return (method is None or call.method == method) and (predicate is None or predicate(call))


def _error_body(error: _SlackError) -> JSON:
    body: JSON = {"ok": False, "error": error.error}
    if error.problems:
        body["response_metadata"] = {"messages": [f"[ERROR] {p}" for p in error.problems]}
    return body


def _response_payload_problems(payload: JSON) -> tuple[str, list[str]]:
    if payload.get("delete_original"):
        return "invalid_blocks", []
    blocks = payload.get("blocks")
    if blocks is not None:
        problems = block_problems(blocks)
        if problems:
            return "invalid_blocks", problems
    response_type = payload.get("response_type")
    if response_type not in (None, "ephemeral", "in_channel"):
        return "invalid_payload", [f"response_type={response_type!r}"]
    text = payload.get("text")
    if isinstance(text, str) and len(text) > MESSAGE_TEXT_LIMIT:
        return "msg_too_long", [f"text has {len(text)} characters"]
    if not (text or blocks or payload.get("attachments")):
        return "no_text", ["give text or blocks"]
    return "invalid_blocks", []


def _bot_profile(ws: Workspace) -> JSON:
    icons = {f"image_{size}": f"https://example.com/newjob-{size}.png" for size in (36, 48, 72)}
    return {
        "id": ws.bot_id,
        "deleted": False,
        "name": ws.bot_name,
        "updated": 1_700_000_000,
        "app_id": ws.app_id,
        "icons": icons,
        "team_id": ws.team_id,
    }


def _user_object(
    ws: Workspace,
    user_id: str,
    name: str,
    real_name: str,
    email: str | None,
    tz: str,
    is_bot: bool,
    deleted: bool,
    is_admin: bool,
) -> JSON:
    profile: JSON = {
        "real_name": real_name,
        "real_name_normalized": real_name,
        "display_name": name,
        "display_name_normalized": name,
        "avatar_hash": _stable_id(user_id, length=12).lower(),
        "title": "",
        "phone": "",
        "skype": "",
        "status_text": "",
        "status_emoji": "",
        "fields": None,
        "email": email,
        "team": ws.team_id,
    }
    return {
        "id": user_id,
        "team_id": ws.team_id,
        "name": name,
        "deleted": deleted,
        "real_name": real_name,
        "tz": tz,
        "tz_label": tz,
        "tz_offset": -21_600,
        "profile": profile,
        "is_admin": is_admin,
        "is_owner": False,
        "is_bot": is_bot,
        "is_app_user": False,
        "updated": 1_700_000_000,
    }


def _file_object(ws: Workspace, upload: UploadedFile) -> JSON:
    private = f"{ws.url}files-pri/{ws.team_id}-{upload.id}/{upload.filename}"
    return {
        "id": upload.id,
        "name": upload.filename,
        "title": upload.title,
        "size": upload.length,
        "user": ws.bot_user_id,
        "mimetype": "text/plain",
        "filetype": upload.snippet_type or "text",
        "is_external": False,
        "is_public": any(c.startswith("C") for c in upload.channels),
        "url_private": private,
        "url_private_download": private + "?download=1",
        "permalink": f"{ws.url}files/{ws.bot_user_id}/{upload.id}/{upload.filename}",
        "channels": [c for c in upload.channels if c.startswith("C")],
        "groups": [c for c in upload.channels if c.startswith("G")],
        "ims": [c for c in upload.channels if c.startswith("D")],
    }


# --------------------------------------------------------------------------------------------
# HTTP plumbing
# --------------------------------------------------------------------------------------------


@dataclass
class _Request:
    headers: dict[str, str]
    body: bytes
    params: JSON
    files: dict[str, tuple[str | None, bytes]]
    is_json: bool
    decode_error: str | None = None


@dataclass
class _Reply:
    status: int
    body: JSON | None = None
    headers: Mapping[str, str] = field(default_factory=dict)
    text: str | None = None


def _parse_request(headers: dict[str, str], body: bytes, query: str) -> _Request:
    content_type = headers.get("content-type", "")
    params: JSON = dict(parse_qsl(query, keep_blank_values=True))
    files: dict[str, tuple[str | None, bytes]] = {}
    is_json = content_type.startswith("application/json")
    decode_error = None
    try:
        if is_json:
            decoded = json.loads(body or b"{}")
            if not isinstance(decoded, dict):
                raise ValueError("the JSON body must be an object")
            params.update(decoded)
        elif content_type.startswith("multipart/form-data"):
            fields, files = _parse_multipart(content_type, body)
            params.update(fields)
        elif content_type.startswith("application/x-www-form-urlencoded") or not content_type:
            params.update(parse_qsl(body.decode("utf-8"), keep_blank_values=True))
    except (ValueError, UnicodeDecodeError) as error:
        decode_error = str(error)
    for key in _JSON_PARAMS:
        value = params.get(key)
        if isinstance(value, str) and value[:1] in ("[", "{"):
            # left as a string when it does not parse: the method reports it in Slack's words
            with contextlib.suppress(ValueError):
                params[key] = json.loads(value)
    return _Request(headers, body, params, files, is_json, decode_error)


def _parse_multipart(
    content_type: str, body: bytes
) -> tuple[dict[str, str], dict[str, tuple[str | None, bytes]]]:
    message = BytesParser(policy=email.policy.HTTP).parsebytes(
        f"Content-Type: {content_type}\r\n\r\n".encode() + body
    )
    fields: dict[str, str] = {}
    files: dict[str, tuple[str | None, bytes]] = {}
    for part in message.iter_parts():
        name = str(part.get_param("name", header="content-disposition") or "")
        payload = part.get_payload(decode=True)
        data = payload if isinstance(payload, bytes) else b""
        filename = part.get_filename()
        if filename is None:
            fields[name] = data.decode("utf-8")
        else:
            files[name] = (filename, data)
    return fields, files


class _Server(ThreadingHTTPServer):
    daemon_threads = True
    block_on_close = False
    request_queue_size = 128  # the app calls from many threads at once; 5 would drop SYNs

    def __init__(
        self, address: tuple[str, int], handler: type[BaseHTTPRequestHandler], fake: FakeSlack
    ) -> None:
        self.fake = fake
        super().__init__(address, handler)


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: Any) -> None:
        pass  # the recorded calls are the log

    def do_GET(self) -> None:
        self._dispatch()

    def do_POST(self) -> None:
        self._dispatch()

    def _dispatch(self) -> None:
        fake = self.server.fake
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        headers = {k.lower(): v for k, v in self.headers.items()}
        url = urlsplit(self.path)
        request = _parse_request(headers, body, url.query)
        kind, _, rest = url.path.lstrip("/").partition("/")
        if kind == "api" and rest:
            reply = fake._handle_api(rest, request)
        elif kind in ("response_url", "webhook") and rest and self.command == "POST":
            reply = fake._handle_response_url(kind, rest, request)
        elif kind == "upload" and rest.startswith("v1/") and self.command == "POST":
            reply = fake._handle_upload(rest[3:], request)
        else:
            reply = _Reply(HTTPStatus.NOT_FOUND, text="not found")
        self._send(reply)

    def _send(self, reply: _Reply) -> None:
        if reply.text is not None:
            payload, content_type = reply.text.encode(), "text/plain; charset=utf-8"
        else:
            payload = json.dumps(reply.body or {}).encode()
            content_type = "application/json; charset=utf-8"
        try:
            self.send_response(reply.status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(payload)))
            self.send_header("Connection", "close")
            for name, value in reply.headers.items():
                self.send_header(name, value)
            self.end_headers()
            self.wfile.write(payload)
        except (BrokenPipeError, ConnectionResetError):
            pass  # the client gave up (hang_next); Slack would not notice either
        self.close_connection = True


def iter_block_elements(blocks: Iterable[Any]) -> Iterator[tuple[JSON, JSON]]:
    """Every interactive element of these blocks, with the block holding it."""
    for block in blocks:
        if not isinstance(block, dict):
            continue
        candidates: list[Any] = []
        if isinstance(block.get("accessory"), dict):
            candidates.append(block["accessory"])
        if isinstance(block.get("element"), dict):
            candidates.append(block["element"])
        if block.get("type") == "actions" and isinstance(block.get("elements"), list):
            candidates += block["elements"]
        for element in candidates:
            if isinstance(element, dict) and "action_id" in element:
                yield block, element
