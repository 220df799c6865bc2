"""Pytest fixtures and helpers for Slack-facing tests: the fake Web API and a WSGI app served by
waitress on 127.0.0.1. Import the fixtures into ``conftest.py`` (or a test module) by name."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any

import pytest
from waitress import wasyncore
from waitress.server import BaseWSGIServer, create_server

from tests.fake_slack import FakeSlack

if TYPE_CHECKING:
    from wsgiref.types import WSGIApplication

__all__ = ["fake_slack", "serve_wsgi"]


@pytest.fixture
def fake_slack() -> Iterator[FakeSlack]:
    """A started ``FakeSlack``. The test fails if the app sent anything Slack would have refused
    and the test did not collect it with ``fake_slack.take_errors()``."""
    with FakeSlack() as fake:
        yield fake
    errors = fake.errors()
    if errors:
        listing = "\n".join(f"  {e}" for e in errors)
        pytest.fail(f"Slack would have rejected {len(errors)} call(s):\n{listing}", pytrace=False)


@contextmanager
def serve_wsgi(app: WSGIApplication, *, threads: int = 8) -> Iterator[str]:
    """Serve a WSGI app (e.g. ``SlackRequestHandler(bolt_app)``) with waitress on a free port of
    127.0.0.1 in a background thread; yields its base URL, ``http://127.0.0.1:PORT``."""
    sockets: dict[int, Any] = {}
    server = create_server(app, map=sockets, host="127.0.0.1", port=0, threads=threads)
    assert isinstance(server, BaseWSGIServer)  # one listening socket, so never a multi-server
    port = int(server.getsockname()[1])
    stop = threading.Event()

    def run() -> None:
        # waitress's own run() loops until its socket map is empty; this loop also checks `stop`,
        # so everything is closed from the thread that polls the sockets.
        while sockets and not stop.is_set():
            wasyncore.loop(timeout=0.05, map=sockets, count=1)
        wasyncore.close_all(sockets)

    thread = threading.Thread(target=run, name="waitress", daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{port}"
    finally:
        stop.set()
        thread.join(timeout=5)
        server.task_dispatcher.shutdown(timeout=5)
