"""Running the Slack app: HTTP mode through Bolt's WSGI adapter on waitress, or Socket Mode
through Bolt's SocketModeHandler.

Waitress reads each request's headers and body in its event loop and hands a thread only a
request that has arrived whole, so connections that send part of a request and then nothing
hold no thread; `channel_timeout` closes them (see the README on the reverse proxy in front)."""

from __future__ import annotations

import io
import json
import logging
import time
from collections.abc import Callable, Iterable
from typing import Any
from urllib.parse import parse_qsl

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_sdk.signature import SignatureVerifier

from bot.slack.lazy import backlog
from bot.store import Store

log = logging.getLogger(__name__)

QUEUE_WARNING_EVERY = 60.0  # seconds between waitress's warnings that requests are queueing
MAX_BODY = 1024 * 1024  # Slack's payloads are far smaller; anything bigger is refused (413)
# Slack's payloads nest a dozen levels or so (rich text in a view's state is the deepest);
# deeper ones are refused (400) before anything walks them recursively.
MAX_DEPTH = 64

# Idle or slow connections: waitress closes one that sends nothing for CHANNEL_TIMEOUT seconds
# (a request line and part of a header, say), and keeps up to CONNECTION_LIMIT open at once.
CHANNEL_TIMEOUT = 10
CONNECTION_LIMIT = 1000
THREADS = 16

StartResponse = Callable[..., Any]
# Headers Bolt reads to run one lazy function alone (as its AWS Lambda adapter re-invokes
# itself); they are not part of what Slack signs, so from outside they are dropped.
LAZY_ENVIRON = ("HTTP_X_SLACK_BOLT_LAZY_ONLY", "HTTP_X_SLACK_BOLT_LAZY_FUNCTION_NAME")


def wsgi_app(
    app: App, store: Store, *, signing_secret: str
) -> Callable[[dict[str, Any], StartResponse], Iterable[bytes]]:
    """`POST /slack/events` for Slack (Bolt's own WSGI adapter), `GET /healthz` for load
    balancers; 404 otherwise.

    A request to /slack/events reaches Bolt only when it is signed with `signing_secret` within
    the last 5 minutes (else 401) and its body is one Bolt can read (else 400): Bolt parses a
    body before it checks the signature, and answered 500 to malformed ones, signed or not.
    Bolt checks the signature again itself.
    """
    verifier = SignatureVerifier(signing_secret)
    bolt = SlackRequestHandler(app, path="/slack/events")

    def application(environ: dict[str, Any], start_response: StartResponse) -> Iterable[bytes]:
        path = environ.get("PATH_INFO", "")
        method = environ.get("REQUEST_METHOD", "GET")
        if path == "/slack/events":
            if method != "POST":
                return _reply(start_response, "405 Method Not Allowed", {"ok": False})
            try:
                length = int(environ.get("CONTENT_LENGTH") or 0)
            except ValueError:
                return _reply(start_response, "400 Bad Request", {"ok": False})
            if length > MAX_BODY:
                return _reply(start_response, "413 Payload Too Large", {"ok": False})
            body = environ["wsgi.input"].read(length) if length > 0 else b""
            if not _signed(verifier, body, environ):
                return _reply(start_response, "401 Unauthorized", {"ok": False})
            if _parsed(body, str(environ.get("CONTENT_TYPE") or "")) is None:
                return _reply(start_response, "400 Bad Request", {"ok": False})
            for name in LAZY_ENVIRON:  # Bolt's marks of its own lazy re-runs, never Slack's
                environ.pop(name, None)
            environ["wsgi.input"] = io.BytesIO(body)  # read here once; Bolt reads it again
            environ["CONTENT_LENGTH"] = str(len(body))
            try:
                return bolt(environ, start_response)
            except Exception:  # a signed body of a shape Bolt cannot read
                log.exception("could not read a signed request")
                return _reply(start_response, "400 Bad Request", {"ok": False})
        if path == "/healthz" and method in ("GET", "HEAD"):
            healthy = store.ping()
            status = "200 OK" if healthy else "503 Service Unavailable"
            answer = {"ok": healthy, "database": healthy, "backlog": backlog()}
            return _reply(start_response, status, answer)
        return _reply(start_response, "404 Not Found", {"ok": False})

    return application


def _signed(verifier: SignatureVerifier, body: bytes, environ: dict[str, Any]) -> bool:
    """Slack's v0 signature, made in the last 5 minutes; any malformed part means no."""
    try:
        return verifier.is_valid(
            body,
            environ.get("HTTP_X_SLACK_REQUEST_TIMESTAMP"),
            environ.get("HTTP_X_SLACK_SIGNATURE"),
        )
    except (ValueError, TypeError):  # not a number, not UTF-8, not ASCII
        return False


def _parsed(body: bytes, content_type: str) -> dict[str, Any] | None:
    """The body as Bolt reads it (by Bolt's rules: JSON when so labelled or when it starts with
    a brace, else a form, whose `payload` is JSON), if Bolt can: UTF-8, a JSON object, with the
    parts Slack always sends for the kinds the app handles, nested no deeper than MAX_DEPTH;
    else None."""
    try:
        text = body.decode("utf-8")
        if content_type.split(";")[0].strip() == "application/json" or text.startswith("{"):
            parsed: Any = json.loads(text)
        else:
            form = dict(parse_qsl(text, keep_blank_values=True))
            parsed = json.loads(form["payload"]) if "payload" in form else form
    # UnicodeDecodeError and json.JSONDecodeError are ValueErrors; the parser is recursive,
    # so JSON nested past Python's recursion limit raises RecursionError.
    except (ValueError, RecursionError):
        return None
    if isinstance(parsed, dict) and _shallow(parsed) and _complete(parsed):
        return parsed
    return None


def _shallow(parsed: dict[str, Any]) -> bool:
    """Whether no value in `parsed` is nested more than MAX_DEPTH levels deep; walked without
    recursion, so that the check itself cannot overflow the stack."""
    stack: list[tuple[Any, int]] = [(parsed, 1)]
    while stack:
        value, depth = stack.pop()
        if depth > MAX_DEPTH:
            return False
        if isinstance(value, dict):
            stack.extend((child, depth + 1) for child in value.values())
        elif isinstance(value, list):
            stack.extend((child, depth + 1) for child in value)
    return True


def _complete(parsed: dict[str, Any]) -> bool:
    if "command" in parsed:
        return _text(parsed, "command") and _text(parsed, "user_id")
    kind = parsed.get("type")
    if kind == "event_callback":
        event = parsed.get("event")
        return isinstance(event, dict) and _text(event, "type") and _text(parsed, "event_id")
    if kind in ("block_actions", "view_submission", "view_closed"):
        user = parsed.get("user")
        if not (isinstance(user, dict) and _text(user, "id")):
            return False
        if kind != "block_actions":
            return isinstance(parsed.get("view"), dict)
        actions = parsed.get("actions")
        return (
            isinstance(actions, list)
            and bool(actions)
            and all(isinstance(a, dict) and _text(a, "action_id") for a in actions)
        )
    return True  # other kinds: Bolt answers 404 to those it has no listener for


def _text(data: dict[str, Any], key: str) -> bool:
    value = data.get(key)
    return isinstance(value, str) and bool(value)


def _reply(start_response: StartResponse, status: str, body: dict[str, Any]) -> list[bytes]:
    data = json.dumps(body).encode()
    start_response(
        status, [("Content-Type", "application/json"), ("Content-Length", str(len(data)))]
    )
    return [data]


class NowAndThen(logging.Filter):
    """Lets a logger's records through at most once every `seconds` (saying how many were
    held back): waitress warns of its queue depth on every request it queues while all its
    threads are busy, and writing those lines slowed the loop that reads the requests."""

    def __init__(self, seconds: float) -> None:
        super().__init__()
        self.seconds = seconds
        self._last = float("-inf")
        self._held = 0

    def filter(self, record: logging.LogRecord) -> bool:
        now = time.monotonic()
        if now - self._last < self.seconds:
            self._held += 1
            return False
        if self._held:
            record.msg = f"{record.msg} (and {self._held} more since the last one shown)"
        self._last, self._held = now, 0
        return True


def serve_http(
    app: App, store: Store, *, signing_secret: str, host: str, port: int, threads: int = THREADS
) -> None:
    log.info("Newjob listening on http://%s:%s/slack/events", host, port)
    serve_wsgi(
        wsgi_app(app, store, signing_secret=signing_secret), host=host, port=port, threads=threads
    )


def serve_wsgi(
    application: Callable[[dict[str, Any], StartResponse], Iterable[bytes]],
    *,
    host: str,
    port: int,
    threads: int = THREADS,
) -> None:
    """`application` on waitress, as Newjob is served (make bench serves Bolt's stock adapter
    through this too, so that both have the same server configuration)."""
    import waitress

    logging.getLogger("waitress.queue").addFilter(NowAndThen(QUEUE_WARNING_EVERY))
    waitress.serve(
        application,
        host=host,
        port=port,
        threads=threads,
        max_request_body_size=MAX_BODY,
        channel_timeout=CHANNEL_TIMEOUT,
        connection_limit=CONNECTION_LIMIT,
        cleanup_interval=max(1, CHANNEL_TIMEOUT // 2),
        asyncore_use_poll=True,  # select() stops at 1,024 descriptors
        ident="newjob",
    )


def serve_socket(app: App, app_token: str) -> None:
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    SocketModeHandler(app, app_token).start()
