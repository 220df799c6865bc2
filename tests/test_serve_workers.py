"""`newjob serve --http` doing the work after each acknowledgement in worker processes.

The app runs as a real process (with its default worker processes) against the fake Slack and a
SQLite file: a slash command and a typed answer get their replies, an event Slack delivers again
is handled once, and a failure inside a worker still reaches the person as a plain sentence.
"""

from __future__ import annotations

import os
import signal
import time
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from bot.slack.workers import WORKERS
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


def test_work_after_the_ack_runs_in_worker_processes(fake_slack: FakeSlack, tmp_path: Path) -> None:
    manager = Manager(fake_slack, "U0WORKER01", answers_for(7))

    with serving(fake_slack, tmp_path) as (_, slack):
        assert f"{WORKERS} worker processes ready" in (tmp_path / "serve.log").read_text()

        # A slash command: acknowledged, then its reply at the response_url, from a worker.
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

        # A failure inside a worker: the person is told, in plain words.
        fake_slack.fail_next("chat.postMessage", 500, times=3)
        response = slack.message("on-site", user_id=manager.user, thread_ts=manager.thread)
        assert response.status_code == 200
        fake_slack.wait_for(
            "chat.postMessage",
            timeout=15,
            predicate=lambda c: c.ok and c.params.get("text") == say("slack.went_wrong"),
        )


def workers_of(pid: int) -> list[int]:
    """The worker processes `newjob serve` (process `pid`) started."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        if int(fields[1]) == pid and fields[0] != "Z":
            found.append(int(stat.parent.name))
    return found


def test_work_a_dead_worker_had_not_finished_is_done_by_the_one_in_its_place(
    fake_slack: FakeSlack, tmp_path: Path
) -> None:
    with serving(fake_slack, tmp_path) as (pid, slack):
        [worker] = workers_of(pid)
        os.kill(worker, signal.SIGKILL)
        # Acknowledged as the worker dies or once it is gone: whatever it was given and had
        # not finished, and what came after, is done by the worker started in its place.
        for user in ("U0WORKER02", "U0WORKER03", "U0WORKER04"):
            assert slack.command("help", user_id=user).status_code == 200
        replies = fake_slack.wait_for("response_url", count=3, timeout=30)
        assert [r.params["text"] for r in replies] == [say("slack.usage")] * 3
        [replacement] = workers_of(pid)
        assert replacement != worker
        assert "starting another" in (tmp_path / "serve.log").read_text()


def test_a_stop_lets_the_workers_do_every_job_acknowledged(
    fake_slack: FakeSlack, tmp_path: Path
) -> None:
    users = [f"U0STOP{n:04d}" for n in range(12)]  # more jobs than the worker takes at once
    with serving(fake_slack, tmp_path) as (pid, slack):
        [worker] = workers_of(pid)
        os.kill(worker, signal.SIGSTOP)  # busy: the jobs past its threads wait in the front
        try:
            for user in users:
                assert slack.command("help", user_id=user).status_code == 200
            os.kill(pid, signal.SIGTERM)  # as systemd or Kubernetes stops a service
        finally:
            os.kill(worker, signal.SIGCONT)
        replies = fake_slack.wait_for("response_url", count=len(users), timeout=30)
        assert len(replies) == len(users)
        assert "jobs still waiting" in (tmp_path / "serve.log").read_text()
