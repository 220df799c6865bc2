"""Building the Bolt app: the Web API client (with Slack's retry rules), middleware, listeners."""

from __future__ import annotations

import logging
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from slack_bolt import App, BoltRequest, BoltResponse
from slack_bolt.middleware import Middleware
from slack_sdk import WebClient
from slack_sdk.http_retry import RetryHandler
from slack_sdk.http_retry.builtin_handlers import (
    ConnectionErrorRetryHandler,
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)
from slack_sdk.webhook import WebhookClient, WebhookResponse

from bot.drafting import Drafting
from bot.settings import Settings
from bot.slack import edge
from bot.slack.context import Services, refuses_event
from bot.slack.lazy import on_error, outside_work_slot
from bot.slack.listeners import register_listeners
from bot.store import Store

log = logging.getLogger(__name__)

CLIENT_TIMEOUT = 10  # seconds per Web API call
# Each listener acknowledges in one of Bolt's listener threads, and lazy work runs in them, so a
# listener must always find a free thread: with Bolt's default of 5, five listeners waiting on
# a slow Slack held up every other person's acknowledgement past Slack's 3 seconds. Idle
# threads cost next to nothing; the work itself takes turns (bot.slack.lazy.WORK_SLOTS).
LISTENER_THREADS = 64


class RateLimitWait(RateLimitErrorRetryHandler):
    """slack_sdk's handler for 429s, waiting out Retry-After outside the work slot it holds
    (bot.slack.lazy.outside_work_slot), so that the wait holds up nobody else's work."""

    def prepare_for_next_attempt(self, **kwargs: Any) -> None:
        with outside_work_slot():
            super().prepare_for_next_attempt(**kwargs)


def retry_handlers() -> list[RetryHandler]:
    """Wait out 429s (Retry-After), retry 5xx and dropped connections, and try once more after
    a timeout (at worst a message shows twice; else it would be lost)."""
    return [
        RateLimitWait(max_retry_count=3),
        ServerErrorRetryHandler(max_retry_count=2),
        ConnectionErrorRetryHandler(max_retry_count=2),
        ConnectionErrorRetryHandler(max_retry_count=1, error_types=[TimeoutError]),
    ]


def configure_client(client: WebClient, settings: Settings) -> None:
    """Point Bolt's Web API client at SLACK_API_URL, with our timeout and retry rules.

    Bolt makes the client from the token rather than being given one: it also reads
    SLACK_BOT_TOKEN from the environment, and logs "As you gave `client` as well, `token` will
    be unused" at every start when a client is given too. These are the WebClient's public
    settings, and Bolt copies them into the client each request gets."""
    client.base_url = settings.slack_api_url
    client.timeout = CLIENT_TIMEOUT
    client.retry_handlers = retry_handlers()


class ReplyRefused(RuntimeError):
    """Slack would not take a reply at a response_url, even after the retries."""


class ResponseUrlReply:
    """`respond()` as listeners get it: posts to the request's response_url with the same retry
    rules as the Web API client, and raises when Slack refuses for good, so that the person is
    told (Bolt's own respond() has no retries and leaves a refused reply unsaid)."""

    def __init__(self, url: str) -> None:
        self.url = url

    def __call__(self, text: str = "", **fields: Any) -> WebhookResponse:
        # The client is made here, not for every request: most never reply, and making one
        # reads the proxy settings each time.
        client = WebhookClient(self.url, timeout=CLIENT_TIMEOUT, retry_handlers=retry_handlers())
        message = {"text": text, **{k: v for k, v in fields.items() if v is not None}}
        response = client.send_dict(message)
        if response.status_code != 200:
            raise ReplyRefused(f"response_url answered {response.status_code}: {response.body}")
        return response


class PerRequest(Middleware):
    """The one middleware every request goes through: it gives listeners the services and a
    `respond()` with retries, and refuses events while the database is unreachable.

    A `Middleware` rather than a function: Bolt works out a function middleware's arguments
    on every request, which cost more than what this does with them (make bench)."""

    def __init__(self, app_services: Services) -> None:
        self.app_services = app_services

    def process(
        self, *, req: BoltRequest, resp: BoltResponse, next: Callable[[], BoltResponse]
    ) -> BoltResponse:
        context = req.context
        context["services"] = self.app_services
        if context.response_url:
            context["respond"] = ResponseUrlReply(context.response_url)
        if refuses_event(self.app_services, req, req.body):
            return BoltResponse(status=503, body="")
        return next()


def build_app(
    settings: Settings,
    store: Store | None = None,
    *,
    socket_mode: bool = False,
    verify_token: bool = True,
) -> App:
    """Bolt's `App`, as documented: Bolt answers Slack as soon as a listener calls `ack()`,
    and the work after it runs in Bolt's listener threads (bot.slack.lazy)."""
    store = store or Store(settings.database_url)
    store.migrate()
    signing_secret = (
        settings.slack_signing_secret.get_secret_value() if settings.slack_signing_secret else None
    )
    if not socket_mode:
        signing_secret = settings.require("SLACK_SIGNING_SECRET")
    app = App(
        token=settings.require("SLACK_BOT_TOKEN"),
        signing_secret=signing_secret or "socket-mode-requests-are-not-signed",
        # Bolt would check the token at once, with its client as it is made (at slack.com);
        # it is checked below, once the client points at SLACK_API_URL.
        token_verification_enabled=False,
        raise_error_for_unhandled_request=False,
        listener_executor=ThreadPoolExecutor(LISTENER_THREADS, thread_name_prefix="listener"),
    )
    configure_client(app.client, settings)
    if verify_token:
        app.client.auth_test()  # a token Slack refuses stops the start (SlackApiError)
    app_services = Services(settings=settings, store=store, drafting=Drafting(store, settings))
    app.use(PerRequest(app_services))
    edge.register(app)  # ids and text checked, replayed requests dropped (bot/slack/edge.py)
    register_listeners(app)
    app.error(on_error)
    return app
