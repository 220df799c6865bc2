"""`newjob serve --http` killed with SIGKILL mid-dialogue and started again: the dialogue continues.

The app runs as a real process against the fake Slack and a SQLite file, as it would be deployed;
the test kills it with no warning, once between two answers and once straight after Slack got
its acknowledgement for an answer, and starts it again on the same port.
"""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import httpx
import pytest

from bot.posting import Posting
from bot.store import DraftStatus, Store
from tests import slack_fixtures
from tests.fake_slack import BOT_TOKEN, FakeSlack
from tests.load_dialogue import Manager, answers_for, text_of
from tests.slack_requests import SIGNING_SECRET, SlackSender

pytestmark = pytest.mark.load

fake_slack = slack_fixtures.fake_slack

ROOT = Path(__file__).resolve().parent.parent


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return int(sock.getsockname()[1])


SERVE = [sys.executable, "-m", "bot.cli", "serve", "--http", "--host", "127.0.0.1"]


def serve_env(**settings: str) -> dict[str, str]:
    """This environment without a developer's Slack or Newjob settings, with the repository
    importable, the test workspace's token and signing secret, and `settings`."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "NEWJOB_"))}
    env.update(
        PYTHONPATH=os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")])),
        SLACK_BOT_TOKEN=BOT_TOKEN,
        SLACK_SIGNING_SECRET=SIGNING_SECRET,
        **settings,
    )
    return env


@contextmanager
def serve(fake: FakeSlack, database_url: str, port: int, workdir: Path) -> Iterator[int]:
    """`newjob serve --http` as a process on 127.0.0.1:port; yields its pid once healthy."""
    env = serve_env(
        SLACK_API_URL=fake.url, DATABASE_URL=database_url, NEWJOB_COMPANY_NAME="Acme Networks"
    )
    with (workdir / "serve.log").open("ab") as log:
        process = subprocess.Popen(
            [*SERVE, "--port", str(port)],
            env=env,
            cwd=workdir,
            stdin=subprocess.DEVNULL,
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    try:
        wait_healthy(process, port, workdir / "serve.log")
        yield process.pid
    finally:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=10)


def wait_healthy(process: subprocess.Popen[bytes], port: int, log: Path) -> None:
    """Wait (30 s at most) until the process on 127.0.0.1:port answers /healthz with 200;
    fails with the end of its log if it exits first."""
    deadline = time.monotonic() + 30
    while True:
        assert process.poll() is None, log.read_text()[-3000:]
        try:
            if httpx.get(f"http://127.0.0.1:{port}/healthz", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        assert time.monotonic() < deadline, f"no answer from /healthz in 30 s: {log.name}"
        time.sleep(0.05)


def kill(pid: int) -> None:
    os.kill(pid, signal.SIGKILL)


def store_step(database_url: str, user: str) -> int:
    store = Store(database_url)
    try:
        [draft] = store.drafts_for(user)
        session = store.session_for_draft(draft.id)
        assert session is not None
        return int(session.state["step"])
    finally:
        store.dispose()


def test_a_dialogue_continues_after_the_process_is_killed(
    fake_slack: FakeSlack, tmp_path: Path
) -> None:
    database_url = f"sqlite:///{tmp_path / 'newjob.db'}"
    port = free_port()
    url = f"http://127.0.0.1:{port}/slack/events"
    manager = Manager(fake_slack, "U0RESTART1", answers_for(21))

    with (
        serve(fake_slack, database_url, port, tmp_path) as pid,
        SlackSender(url, fake=fake_slack) as slack,
    ):
        manager.start(slack)
        for _ in range(3):
            manager.next_step(slack)
        assert "4 of 14" in text_of(manager.latest())
        kill(pid)  # between two answers

    with (
        serve(fake_slack, database_url, port, tmp_path) as pid,
        SlackSender(url, fake=fake_slack) as slack,
    ):
        manager.next_step(slack)  # the fourth answer, to the question asked before the kill
        assert "5 of 14" in text_of(manager.latest())
        response = slack.message(manager.answers[4], user_id=manager.user, thread_ts=manager.thread)
        assert response.status_code == 200
        kill(pid)  # straight after Slack got its 200 for an answer

    with (
        serve(fake_slack, database_url, port, tmp_path),
        SlackSender(url, fake=fake_slack) as slack,
    ):
        # Whether or not that answer was saved, asking shows where the dialogue is; go on.
        manager.step = store_step(database_url, manager.user)
        assert manager.step in (4, 5)
        assert f"{manager.step + 1} of 14" in text_of(manager.type(slack, "help"))
        while not manager.done:
            manager.next_step(slack)
        assert "Submit for review" in text_of(manager.latest())

    store = Store(database_url)
    try:
        [draft] = store.drafts_for(manager.user)
        assert draft.status is DraftStatus.READY and draft.current_version == 1
        version = store.version(draft.id, 1)
        assert version is not None
        posting = Posting.model_validate(version.posting)
        assert posting.organisation.name == "Org 021 Networks"
        assert posting.pay is not None and posting.pay.minimum == 52_100
        assert not posting.missing()
    finally:
        store.dispose()
