"""`newjob serve --http` as deployed: Bolt's WSGI adapter on waitress, the work after each
acknowledgement in Bolt's listener threads.

The app runs as a real process against the fake Slack and a SQLite file: a slash command and a
typed answer get their replies, an event Slack delivers again is handled once, a failure in the
work still reaches the person as a plain sentence, and a stop (SIGTERM) finishes the work
already acknowledged before the process exits.
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from bot.slack.lazy import WORK_SLOTS
from bot.text import say
from tests import slack_fixtures
from tests.fake_slack import FakeSlack
from tests.load_dialogue import Manager, answers_for, text_of
from tests.slack_requests import SlackSender
from tests.test_load_restart import free_port, serve

pytestmark = pytest.mark.load

fake_slack = slack_fixtures.fake_slack


@contextmanager
def serving(fake: FakeSlack, workdir: Path) -> Iterator[tuple[int, SlackSender]]:
    """`newjob serve --http` on a new SQLite file in `workdir`: its pid, and a sender of
    signed requests to it."""
    port = free_port()
    with (
        serve(fake, f"sqlite:///{workdir / 'newjob.db'}", port, workdir) as pid,
        SlackSender(f"http://127.0.0.1:{port}/slack/events", fake=fake) as slack,
    ):
        yield pid, slack


def test_work_after_the_ack_is_done_by_the_served_app(
    fake_slack: FakeSlack, tmp_path: Path
) -> None:
    manager = Manager(fake_slack, "U0WORKER01", answers_for(7))

    with serving(fake_slack, tmp_path) as (_, slack):
        # A slash command: acknowledged, then its reply at the response_url.
        assert slack.command("help", user_id=manager.user).status_code == 200
        [usage] = fake_slack.wait_for("response_url", timeout=15)
        assert usage.params["text"] == say("slack.usage")

        # `/newjob <title>`, the role picked, then a typed answer: each gets its reply.
        manager.start(slack)
        assert "1 of 14" in text_of(manager.latest())
        manager.next_step(slack)
        assert "2 of 14" in text_of(manager.latest())

        # The same event again (Slack's retry): acknowledged, handled once.
        before = len(manager.bot_messages())
        assert slack.resend(retry_num=1, retry_reason="http_timeout").status_code == 200
        time.sleep(1.0)
        assert len(manager.bot_messages()) == before

        # A failure in the work: the person is told, in plain words.
        fake_slack.fail_next("chat.postMessage", 500, times=3)
        response = slack.message("on-site", user_id=manager.user, thread_ts=manager.thread)
        assert response.status_code == 200
        fake_slack.wait_for(
            "chat.postMessage",
            timeout=15,
            predicate=lambda c: c.ok and c.params.get("text") == say("slack.went_wrong"),
        )
    log = (tmp_path / "serve.log").read_text()
    assert "Traceback" not in log.split("listener failed")[0]


def test_a_stop_finishes_the_work_acknowledged(fake_slack: FakeSlack, tmp_path: Path) -> None:
    """SIGTERM (systemd, Docker, Kubernetes) with more acknowledged work under way than runs at
    once, Slack slow to take the replies: every reply arrives, and the process then exits."""
    users = [f"U0STOP{n:04d}" for n in range(WORK_SLOTS + 4)]
    fake_slack.hang_next("response_url", 1.5, times=WORK_SLOTS)
    with serving(fake_slack, tmp_path) as (pid, slack):
        for user in users:
            assert slack.command("help", user_id=user).status_code == 200
        os.kill(pid, signal.SIGTERM)
        replies = fake_slack.wait_for("response_url", count=len(users), timeout=30)
        assert sorted(r.params["text"] for r in replies) == [say("slack.usage")] * len(users)
        deadline = time.monotonic() + 15
        while Path(f"/proc/{pid}").exists() and _state(pid) != "Z":
            assert time.monotonic() < deadline, "still running 15 s after SIGTERM"
            time.sleep(0.05)
    log = (tmp_path / "serve.log").read_text()
    assert "stopping: finishing the" in log and log.rstrip().endswith("stopped")


def _state(pid: int) -> str:
    try:
        return Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
    except OSError:
        return "Z"
