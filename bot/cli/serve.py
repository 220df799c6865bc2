"""`newjob serve [--socket | --http [--port N]]`: run the Slack app."""

from __future__ import annotations

import argparse
import datetime as dt
import logging
import signal
import sys
import threading
import time
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from slack_bolt import App

    from bot.settings import Settings
    from bot.store import Store

log = logging.getLogger(__name__)


def register(commands: argparse._SubParsersAction) -> None:
    parser = commands.add_parser("serve", help="run the Slack app")
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--socket", action="store_true", help="Socket Mode (needs SLACK_APP_TOKEN)")
    mode.add_argument("--http", action="store_true", help="HTTP mode (needs SLACK_SIGNING_SECRET)")
    parser.add_argument("--port", type=int, default=3000, help="HTTP port (default 3000)")
    parser.add_argument("--host", default="0.0.0.0", help="HTTP address (default 0.0.0.0)")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    from bot.cli._database import announce
    from bot.settings import MissingSetting, Settings

    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    settings = Settings()
    socket_mode = args.socket or (not args.http and settings.slack_app_token is not None)
    try:
        _check_mode(settings, socket_mode, chosen=args.socket or args.http)
        from slack_bolt.error import BoltError
        from slack_sdk.errors import SlackApiError

        from bot.slack.app import build_app
        from bot.slack.server import serve_http, serve_socket
        from bot.store import Store, StoreUnavailable
        from bot.text import say

        try:
            store = Store(settings.database_url)
            app = build_app(settings, store, socket_mode=socket_mode)
        except StoreUnavailable as exc:
            print(say("settings.database", reason=str(exc)), file=sys.stderr)
            return 2
        except SlackApiError as exc:  # auth.test at start-up: the token refused
            reason = str(exc.response.get("error"))
            print(say("settings.slack", url=settings.slack_api_url, reason=reason), file=sys.stderr)
            return 2
        except (BoltError, OSError) as exc:  # auth.test at start-up: refused, or no answer
            print(say("settings.slack", url=settings.slack_api_url, reason=exc), file=sys.stderr)
            return 2
        announce(settings.database_url)
        prune_deliveries_now_and_then(store)
        # A stop (SIGTERM, as from systemd, Docker or Kubernetes) ends the server's loop; the
        # requests under way are answered, and the work already acknowledged (in Bolt's
        # listener threads) is finished before the process exits.
        signal.signal(signal.SIGTERM, _stop)
        try:
            if socket_mode:
                serve_socket(app, settings.require("SLACK_APP_TOKEN"))
                return 0
            secret = settings.require("SLACK_SIGNING_SECRET")
            serve_http(app, store, signing_secret=secret, host=args.host, port=args.port)
        finally:
            _finish_work(app)
    except MissingSetting as exc:
        print(f"newjob: {exc}", file=sys.stderr)
        return 2
    return 0


def _check_mode(settings: Settings, socket_mode: bool, *, chosen: bool) -> None:
    """The settings the mode needs are there, or MissingSetting says what to set: for the mode
    asked for, or (none asked for, and neither mode's setting there) for each mode."""
    from bot.settings import MissingSetting
    from bot.text import say

    settings.require("SLACK_BOT_TOKEN")
    needed = settings.slack_app_token if socket_mode else settings.slack_signing_secret
    if needed is not None:
        return
    if not chosen:
        raise MissingSetting(say("settings.no_mode"))
    raise MissingSetting(say("settings.mode_needs." + ("socket" if socket_mode else "http")))


PRUNE_EVERY = 3600.0  # seconds between prunings of the deliveries already handled
KEEP_DELIVERIES = dt.timedelta(days=1)  # Slack repeats an event within minutes, never days


def prune_deliveries_now_and_then(store: Store) -> threading.Thread:
    """Forget the deliveries older than KEEP_DELIVERIES, now and every PRUNE_EVERY seconds, in
    a thread of its own for as long as the process runs (several processes doing it is
    harmless: each deletes what is old by then)."""
    from bot.store import StoreUnavailable

    def prune() -> None:
        while True:
            try:
                removed = store.prune_deliveries(KEEP_DELIVERIES)
                log.info("pruned %d deliveries older than %s", removed, KEEP_DELIVERIES)
            except StoreUnavailable as exc:
                log.warning("could not prune old deliveries: %s", exc)
            time.sleep(PRUNE_EVERY)

    thread = threading.Thread(target=prune, name="prune-deliveries", daemon=True)
    thread.start()
    return thread


def _finish_work(app: App) -> None:
    """Before the process ends: Bolt's listener threads finish the acknowledgements under way
    (each hands its work over), then the work handed over is done. Done here, in the main
    thread, rather than left to the interpreter's exit, which refuses new work to any pool."""
    from bot.slack.lazy import backlog, finish_work

    log.info("stopping: finishing the %d piece(s) of work acknowledged", backlog())
    executor = app.listener_runner.listener_executor
    executor.shutdown(wait=True)
    finish_work()
    log.info("stopped")


def _stop(_signal: int, _frame: Any) -> None:
    raise SystemExit(0)
