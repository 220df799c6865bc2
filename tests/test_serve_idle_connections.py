"""Connections that send part of a request and then nothing (#15 item 3): a few hundred of them,
with no signature, must not stop `newjob serve --http` answering Slack and /healthz, and the
server closes them after its timeout."""

from __future__ import annotations

import socket
import time
from pathlib import Path

import httpx
import pytest

from bot.slack.server import CHANNEL_TIMEOUT
from bot.text import say
from tests import slack_fixtures
from tests.fake_slack import FakeSlack
from tests.slack_requests import SlackSender
from tests.test_load_restart import free_port, serve

pytestmark = pytest.mark.load

fake_slack = slack_fixtures.fake_slack

IDLE = 300
HEADER_ONLY = b"POST /slack/events HTTP/1.1\r\nHost: newjob\r\nContent-Type: text/plain\r\n"
PART_OF_A_BODY = (
    b"POST /slack/events HTTP/1.1\r\nHost: newjob\r\n"
    b"Content-Type: application/x-www-form-urlencoded\r\nContent-Length: 5000\r\n\r\ncommand="
)


def test_idle_connections_do_not_stop_the_endpoint(fake_slack: FakeSlack, tmp_path: Path) -> None:
    port = free_port()
    idle: list[socket.socket] = []
    with (
        serve(fake_slack, f"sqlite:///{tmp_path / 'newjob.db'}", port, tmp_path),
        SlackSender(f"http://127.0.0.1:{port}/slack/events", fake=fake_slack) as slack,
    ):
        try:
            for n in range(IDLE):
                sock = socket.create_connection(("127.0.0.1", port), timeout=5)
                sock.sendall(HEADER_ONLY if n % 2 else PART_OF_A_BODY)
                idle.append(sock)
            opened = time.monotonic()

            # A signed slash command, while they hang: acknowledged within a second.
            started = time.monotonic()
            response = slack.command("help", user_id="U0IDLE0001")
            assert response.status_code == 200
            assert time.monotonic() - started < 1.0
            [reply] = fake_slack.wait_for("response_url", timeout=5)
            assert reply.params["text"] == say("slack.usage")
            started = time.monotonic()
            health = httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1)
            assert health.status_code == 200 and time.monotonic() - started < 1.0

            # And the server closes them once they have been quiet for its timeout.
            deadline = opened + CHANNEL_TIMEOUT * 2 + 5
            for sock in idle:
                sock.settimeout(max(0.1, deadline - time.monotonic()))
                assert _closed(sock), "an idle connection was still open"
            assert time.monotonic() - opened >= CHANNEL_TIMEOUT - 1  # not closed at once
        finally:
            for sock in idle:
                sock.close()


def _closed(sock: socket.socket) -> bool:
    """Whether the server closes `sock` (end of stream, or reset) before its timeout runs out;
    what it sends first (a 400 for a request cut short, say) is read and passed over."""
    try:
        while sock.recv(65536):
            pass
        return True
    except ConnectionResetError:
        return True
    except TimeoutError:
        return False
