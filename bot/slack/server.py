"""Running the Slack app: HTTP mode on waitress (a production WSGI server), or Socket Mode."""

from __future__ import annotations

import json
import logging
import time
from collections.abc import Callable, Iterable, Sequence
from http import HTTPStatus
from typing import Any

from slack_bolt import App, BoltRequest, BoltResponse
from slack_bolt.request.internals import parse_body
from slack_sdk.signature import SignatureVerifier

from bot.store import Store

log = logging.getLogger(__name__)

QUEUE_WARNING_EVERY = 60.0  # seconds between waitress's warnings that requests are queueing
MAX_BODY = 1024 * 1024  # Slack's payloads are far smaller; anything bigger is refused (413)
# Slack's payloads nest a dozen levels or so (rich text in a view's state is the deepest);
# deeper ones are refused (400) before anything walks them recursively.
MAX_DEPTH = 64

StartResponse = Callable[..., Any]
LAZY_ENVIRON = ("HTTP_X_SLACK_BOLT_LAZY_ONLY", "HTTP_X_SLACK_BOLT_LAZY_FUNCTION_NAME")


def wsgi_app(
    app: App, store: Store, *, signing_secret: str
) -> Callable[[dict[str, Any], StartResponse], Iterable[bytes]]:
    """`POST /slack/events` for Slack, `GET /healthz` for load balancers; 404 otherwise.

    A request to /slack/events reaches Bolt only when it is signed with `signing_secret` within
    the last 5 minutes (else 401) and its body is one Bolt can read (else 400): Bolt parses a
    body before it checks the signature, and answered 500 to malformed ones, signed or not.
    """
    verifier = SignatureVerifier(signing_secret)

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
            text, parsed = _parsed(body, str(environ.get("CONTENT_TYPE") or ""))
            if parsed is None:
                return _reply(start_response, "400 Bad Request", {"ok": False})
            try:
                response = app.dispatch(_bolt_request(text, parsed, environ))
            except Exception:  # a signed body of a shape Bolt cannot read
                log.exception("could not read a signed request")
                return _reply(start_response, "400 Bad Request", {"ok": False})
            return _answer(start_response, response)
        if path == "/healthz" and method in ("GET", "HEAD"):
            healthy = store.ping()
            status = "200 OK" if healthy else "503 Service Unavailable"
            return _reply(start_response, status, {"ok": healthy, "database": healthy})
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


def _parsed(body: bytes, content_type: str) -> tuple[str, dict[str, Any] | None]:
    """The body as text, and as Bolt reads it if Bolt can: UTF-8, a JSON object (directly, or
    as the `payload` of a form) or a plain form, with the parts Slack always sends for the
    kinds the app handles, nested no deeper than MAX_DEPTH; else None."""
    try:
        text = body.decode("utf-8")
        parsed = parse_body(text, content_type.split(";")[0].strip() or None)
    # UnicodeDecodeError and json.JSONDecodeError are ValueErrors; the parser is recursive,
    # so JSON nested past Python's recursion limit raises RecursionError.
    except (ValueError, RecursionError):
        return "", None
    if isinstance(parsed, dict) and _shallow(parsed) and _complete(parsed):
        return text, parsed
    return text, None


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


def _bolt_request(raw_body: str, parsed: dict[str, Any], environ: dict[str, Any]) -> BoltRequest:
    """The request as Bolt takes it, from the body parsed once here (Bolt's WSGI adapter parses
    it again, which cost a tenth of an acknowledgement: make bench). Bolt only takes a parsed
    body in Socket Mode, so the request is made as one, then given its raw body (which Bolt
    checks the signature of) and made an HTTP request again."""
    headers: dict[str, str | Sequence[str]] = {
        key[5:].lower().replace("_", "-"): value
        for key, value in environ.items()
        # Only the front makes lazy-only requests, for its worker processes; from outside,
        # the headers that would mark one are ignored.
        if key.startswith("HTTP_") and key not in LAZY_ENVIRON
    }
    for key in ("CONTENT_TYPE", "CONTENT_LENGTH"):
        if key in environ:
            headers[key.lower().replace("_", "-")] = environ[key]
    request = BoltRequest(
        body=parsed, query=environ.get("QUERY_STRING", ""), headers=headers, mode="socket_mode"
    )
    request.raw_body = raw_body
    request.mode = "http"
    return request


def _answer(start_response: StartResponse, response: BoltResponse) -> list[bytes]:
    data = response.body.encode()
    try:
        reason = HTTPStatus(response.status).phrase
    except ValueError:
        reason = "Unknown"
    headers = [
        (name, value)
        for name, values in response.headers.items()
        if name.lower() != "content-length"
        for value in values
    ]
    start_response(f"{response.status} {reason}", [*headers, ("Content-Length", str(len(data)))])
    return [data]


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
    app: App, store: Store, *, signing_secret: str, host: str, port: int, threads: int = 16
) -> None:
    import waitress

    logging.getLogger("waitress.queue").addFilter(NowAndThen(QUEUE_WARNING_EVERY))
    log.info("Newjob listening on http://%s:%s/slack/events", host, port)
    waitress.serve(
        wsgi_app(app, store, signing_secret=signing_secret),
        host=host,
        port=port,
        threads=threads,
        max_request_body_size=MAX_BODY,
        ident="newjob",
    )


def serve_socket(app: App, app_token: str) -> None:
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    SocketModeHandler(app, app_token).start()
