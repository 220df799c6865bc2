"""Building the Bolt app: the Web API client (with Slack's retry rules), middleware, listeners."""

from __future__ import annotations

import inspect
import logging
import threading
from collections.abc import Callable
from concurrent.futures import ThreadPoolExecutor
from typing import Any

from slack_bolt import App, BoltContext, BoltRequest, BoltResponse
from slack_bolt.listener import CustomListener
from slack_bolt.listener_matcher import ListenerMatcher
from slack_bolt.listener_matcher.builtins import BuiltinListenerMatcher
from slack_bolt.middleware import Middleware
from slack_bolt.util.utils import get_arg_names_of_callable
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
from bot.slack.context import (
    Services,
    first_delivery,
    refuses_event,
)
from bot.slack.listeners import register_listeners
from bot.slack.replies import tell
from bot.store import Store, StoreUnavailable
from bot.text import say

log = logging.getLogger(__name__)

CLIENT_TIMEOUT = 10  # seconds per Web API call
# A view submission validates and acknowledges in a listener thread, and lazy work runs in them
# when it is not sent to worker processes, so a listener must always find a free thread: with
# Bolt's default of 5, five listeners waiting on a slow Slack held up every other person's
# acknowledgement past Slack's 3 seconds. Idle threads cost next to nothing.
LISTENER_THREADS = 64
# But only so many listeners do their work (after acknowledging) at once: more only take turns
# at the one interpreter lock with the threads that acknowledge, and the acknowledgements of a
# busy app then took seconds instead of milliseconds (make bench).
WORK_SLOTS = 8
ACK_WAIT = 3.0  # seconds a view submission may take to validate: Slack waits no longer


def retry_handlers() -> list[RetryHandler]:
    """Wait out 429s (Retry-After), retry 5xx and dropped connections, and try once more after
    a timeout (at worst a message shows twice; else it would be lost)."""
    return [
        RateLimitErrorRetryHandler(max_retry_count=3),
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
        # The client is made here, not for every request: most never reply (the front only
        # acknowledges), and making one reads the proxy settings each time.
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


class BodyMatcher(ListenerMatcher):
    """One of Bolt's own matchers (which command, action, view or event a listener is for),
    given the request body directly. Bolt's `BuiltinListenerMatcher` works out the arguments
    of the function on every call, for every listener, until one matches; for Newjob's
    listeners that was a tenth of what an acknowledgement cost (make bench)."""

    def __init__(self, func: Callable[..., Any]) -> None:
        self.func = func

    def matches(self, req: BoltRequest, resp: BoltResponse) -> bool:
        return bool(self.func(body=req.body))


def _quick_matchers(app: App) -> None:
    """Each listener's matchers that only read the body become `BodyMatcher`s."""
    for listener in app._listeners:
        listener.matchers = [
            BodyMatcher(m.func)
            if isinstance(m, BuiltinListenerMatcher) and m.arg_names == ["body"]
            else m
            for m in listener.matchers
        ]


def build_app(
    settings: Settings,
    store: Store | None = None,
    *,
    socket_mode: bool = False,
    verify_token: bool = True,
    verify_requests: bool = True,
) -> App:
    """The app; `verify_requests=False` only for worker processes, which take requests from
    the front's local queue, never from the network (see bot.slack.workers)."""
    store = store or Store(settings.database_url)
    store.migrate()
    signing_secret = (
        settings.slack_signing_secret.get_secret_value() if settings.slack_signing_secret else None
    )
    if not socket_mode:
        signing_secret = settings.require("SLACK_SIGNING_SECRET")
    listeners = ThreadPoolExecutor(LISTENER_THREADS, thread_name_prefix="listener")
    app = App(
        token=settings.require("SLACK_BOT_TOKEN"),
        signing_secret=signing_secret or "socket-mode-requests-are-not-signed",
        # Bolt would check the token at once, with its client as it is made (at slack.com);
        # it is checked below, once the client points at SLACK_API_URL.
        token_verification_enabled=False,
        request_verification_enabled=verify_requests,
        # Bolt runs each acknowledgement in the request's own thread and answers as soon as
        # it returns, rather than handing it to a listener thread and looking every 10 ms
        # whether it is done: the work that follows is lazy, or (view submissions) goes on
        # in a listener thread after `ack()` (`_reporting`).
        process_before_response=True,
        raise_error_for_unhandled_request=False,
        listener_executor=listeners,
    )
    configure_client(app.client, settings)
    if verify_token:
        app.client.auth_test()  # a token Slack refuses stops the start (SlackApiError)
    app_services = Services(settings=settings, store=store, drafting=Drafting(store, settings))
    app.use(PerRequest(app_services))
    edge.register(app)  # ids and text checked, replayed requests dropped (bot/slack/edge.py)
    register_listeners(app)
    _quick_matchers(app)
    _report_errors_in_listeners(app, listeners)
    app.error(_on_error)
    return app


def _report_errors_in_listeners(app: App, executor: ThreadPoolExecutor) -> None:
    """Each listener tells the person about its own errors and returns normally, and does its
    work (what follows its acknowledgement) in one of WORK_SLOTS.

    When a listener raises after `ack()`, Bolt (1.30) replaces the acknowledgement it was about
    to send with None, so Slack got a 404 after 3 seconds instead of the 200: a command typed
    while the database was down showed Slack's own error on top of ours.

    A listener registered with lazy work (bot.slack.lazy) only acknowledges; its lazy functions
    are wrapped instead. The others (view submissions) work after their `ack()` as before.
    """
    slots = threading.BoundedSemaphore(WORK_SLOTS)
    for listener in app._listeners:
        if isinstance(listener, CustomListener) and listener.lazy_functions:
            listener.lazy_functions = [_working(f, slots) for f in listener.lazy_functions]
        elif isinstance(listener, CustomListener):
            names = list(listener.arg_names)
            listener.ack_function = _reporting(listener.ack_function, names, slots, executor)
            needed = ("ack", "body", "context")
            listener.arg_names = [*names, *(n for n in needed if n not in names)]


def _reporting(
    handler: Callable[..., Any],
    names: list[str],
    slots: threading.BoundedSemaphore,
    executor: ThreadPoolExecutor,
) -> Callable[..., Any]:
    """A listener that validates before it acknowledges and works after (view submissions):
    run in one of the listener threads, and returned from once it has acknowledged (or
    finished), so that Slack gets its answer while the work goes on."""

    def listener(**kwargs: Any) -> None:
        answered = threading.Event()
        executor.submit(_answer_then_work, handler, names, slots, answered, kwargs)
        answered.wait(ACK_WAIT)

    listener.__name__ = getattr(handler, "__name__", "listener")
    return listener


def _answer_then_work(
    handler: Callable[..., Any],
    names: list[str],
    slots: threading.BoundedSemaphore,
    answered: threading.Event,
    kwargs: dict[str, Any],
) -> None:
    held = False

    def ack(*args: Any, **options: Any) -> Any:
        # Slack gets its answer at once; the work after it waits for a slot.
        nonlocal held
        response = kwargs["ack"](*args, **options)
        answered.set()
        if not held:
            slots.acquire()
            held = True
        return response

    arguments = {name: kwargs[name] for name in names}
    if "ack" in arguments:
        arguments["ack"] = ack
    else:  # acknowledged by Bolt already (events)
        answered.set()
        slots.acquire()
        held = True
    try:
        handler(**arguments)
    except Exception as error:
        _on_error(error, kwargs["body"], kwargs["context"])
    finally:
        answered.set()
        if held:
            slots.release()


def _working(handler: Callable[..., Any], slots: threading.BoundedSemaphore) -> Callable[..., None]:
    """A lazy function: `handler` in one of the work slots, its errors told to the person, its
    own `ack()` a no-op (Slack was answered before the work started), and an event Slack
    delivered again left alone."""
    names = get_arg_names_of_callable(handler)

    def work(**kwargs: Any) -> None:
        arguments = {name: kwargs[name] for name in names}
        if "ack" in arguments:
            arguments["ack"] = _acknowledged
        with slots:
            try:
                if first_delivery(kwargs["body"], kwargs["context"]):
                    handler(**arguments)
            except Exception as error:
                _on_error(error, kwargs["body"], kwargs["context"])

    # Bolt finds a lazy function by its name, and gives it the arguments its signature names.
    work.__name__ = handler.__name__
    needed = [*names, *(n for n in ("body", "context") if n not in names)]
    kind = inspect.Parameter.POSITIONAL_OR_KEYWORD
    signature = inspect.Signature([inspect.Parameter(name, kind) for name in needed])
    work.__signature__ = signature  # type: ignore[attr-defined]
    return work


def _acknowledged(*args: Any, **options: Any) -> None:
    """`ack()` inside lazy work: the acknowledgement has gone already."""


def _on_error(error: Exception, body: dict[str, Any], context: BoltContext) -> None:
    """Whatever fails, the person gets a plain sentence, never a stack trace."""
    if isinstance(error, StoreUnavailable):
        log.warning("database unavailable: %s", error)
        text = say("slack.db_down")
    else:
        log.exception("listener failed", exc_info=error)
        text = say("slack.went_wrong")
    client = context.client
    if client is not None:
        tell(client, body, text)
