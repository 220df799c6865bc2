"""Running the Slack app: HTTP mode on waitress (a production WSGI server), or Socket Mode."""

from __future__ import annotations

import json
import logging
from collections.abc import Callable, Iterable
from typing import Any

from slack_bolt import App
from slack_bolt.adapter.wsgi import SlackRequestHandler

from bot.store import Store

log = logging.getLogger(__name__)

MAX_BODY = 1024 * 1024  # Slack's payloads are far smaller; anything bigger is refused (413)

StartResponse = Callable[..., Any]


def wsgi_app(app: App, store: Store) -> Callable[[dict[str, Any], StartResponse], Iterable[bytes]]:
    """`POST /slack/events` for Slack, `GET /healthz` for load balancers; 404 otherwise."""
    slack = SlackRequestHandler(app)

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
            result: Iterable[bytes] = slack(environ, start_response)
            return result
        if path == "/healthz" and method in ("GET", "HEAD"):
            healthy = store.ping()
            status = "200 OK" if healthy else "503 Service Unavailable"
            return _reply(start_response, status, {"ok": healthy, "database": healthy})
        return _reply(start_response, "404 Not Found", {"ok": False})

    return application


def _reply(start_response: StartResponse, status: str, body: dict[str, Any]) -> list[bytes]:
    data = json.dumps(body).encode()
    start_response(
        status, [("Content-Type", "application/json"), ("Content-Length", str(len(data)))]
    )
    return [data]


def serve_http(app: App, store: Store, *, host: str, port: int, threads: int = 16) -> None:
    import waitress

    log.info("Newjob listening on http://%s:%s/slack/events", host, port)
    waitress.serve(
        wsgi_app(app, store),
        host=host,
        port=port,
        threads=threads,
        max_request_body_size=MAX_BODY,
        ident="newjob",
    )


def serve_socket(app: App, app_token: str) -> None:
    from slack_bolt.adapter.socket_mode import SocketModeHandler

    SocketModeHandler(app, app_token).start()
