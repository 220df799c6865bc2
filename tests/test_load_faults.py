"""Faults on Slack's side: redelivered events, rate limits, server errors and a Slack that hangs.

Each test drives a real dialogue through signed requests and then checks three things: the Web
API call was retried within the client's limits, the person was told in plain words when it
finally failed, and nothing they had answered was lost (the next answer carries on).
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator

import pytest

from bot.slack import app as slack_app
from bot.text import say
from tests import slack_fixtures
from tests.fake_slack import FakeSlack
from tests.load_dialogue import Manager, answers_for, button, text_of
from tests.newjob_app import Running, running_app
from tests.slack_requests import GENERAL_CHANNEL, HIRING_MANAGER

pytestmark = pytest.mark.load

fake_slack = slack_fixtures.fake_slack

CLIENT_TIMEOUT = 1  # seconds; the app's is 10, shortened so that a hang costs the test little


@pytest.fixture
def run(
    fake_slack: FakeSlack, sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Running]:
    monkeypatch.setattr(slack_app, "CLIENT_TIMEOUT", CLIENT_TIMEOUT)
    with running_app(fake_slack, sqlite_url) as running:
        yield running


def started(run: Running, steps: int = 3) -> Manager:
    manager = Manager(run.fake, HIRING_MANAGER, answers_for(7))
    manager.start(run.slack)
    for _ in range(steps):
        manager.next_step(run.slack)
    return manager


def step_of(run: Running, manager: Manager) -> int:
    [draft] = run.store.drafts_for(manager.user)
    session = run.store.session_for_draft(draft.id)
    assert session is not None
    return int(session.state["step"])


def finish(run: Running, manager: Manager) -> None:
    """Ask where we are, answer the rest and check the draft."""
    manager.step = step_of(run, manager)
    assert f"{manager.step + 1} of 14" in text_of(manager.type(run.slack, "help"))
    while not manager.done:
        manager.next_step(run.slack)
    assert "Submit for review" in text_of(manager.latest())
    [draft] = run.store.drafts_for(manager.user)
    assert draft.current_version == 1


def postings_in_thread(manager: Manager) -> list[str]:
    return [text_of(m) for m in manager.bot_messages() if m.get("thread_ts") == manager.thread]


# ---- the same event delivered again ----------------------------------------------------------


def test_a_redelivered_event_is_handled_once(run: Running) -> None:
    manager = started(run)
    before = len(manager.bot_messages())
    manager.type(run.slack, "Denver, CO")
    assert step_of(run, manager) == 4
    # Slack did not see our 200 in time and sends the same event_id again, twice.
    for attempt in (1, 2):
        response = run.slack.resend(retry_num=attempt, retry_reason="http_timeout")
        assert response.status_code == 200
    time.sleep(0.5)
    assert len(manager.bot_messages()) == before + 1
    assert step_of(run, manager) == 4


def test_concurrent_redeliveries_are_handled_once(run: Running) -> None:
    manager = started(run)
    before = len(manager.bot_messages())
    response = run.slack.message("Denver, CO", user_id=manager.user, thread_ts=manager.thread)
    assert response.status_code == 200
    original = len(run.slack.sent) - 1
    statuses: list[int] = []

    def again(attempt: int) -> None:
        sent = run.slack.resend(original, retry_num=attempt, retry_reason="http_error")
        statuses.append(sent.status_code)

    threads = [threading.Thread(target=again, args=(n % 3 + 1,)) for n in range(6)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert statuses == [200] * 6
    manager.wait_bot_messages(before + 1)
    time.sleep(0.5)
    assert len(manager.bot_messages()) == before + 1
    assert step_of(run, manager) == 4
    manager.step = 4
    finish(run, manager)


# ---- rate limits and server errors -------------------------------------------------------------


def test_a_rate_limited_reply_waits_retry_after_and_arrives(run: Running) -> None:
    manager = started(run)
    run.fake.fail_next("chat.postMessage", 429, retry_after=1)
    began = time.monotonic()
    reply = manager.type(run.slack, "Denver, CO")
    assert time.monotonic() - began >= 1.0  # it waited as told
    assert "5 of 14" in text_of(reply)
    calls = run.fake.calls("chat.postMessage")
    assert [c.status for c in calls[-2:]] == [429, 200]
    finish(run, manager)


def test_a_long_retry_after_for_some_people_delays_nobody_else(run: Running) -> None:
    """Slack answers the replies to more people than there are work slots with 429 and a
    Retry-After of 5 s: an unrelated person's `/newjob help` is still answered at once, and the
    held replies arrive once the wait is over."""
    from bot.slack.lazy import WORK_SLOTS

    held = WORK_SLOTS + 2
    run.fake.fail_next("response_url", 429, retry_after=5, times=held)
    began = time.monotonic()
    for n in range(held):
        assert run.slack.command("help", user_id=f"U0LIMIT{n:03d}").status_code == 200
    run.fake.wait_for("response_url", count=held, timeout=5)  # each told to wait
    asked = time.monotonic()
    assert run.slack.command("help", user_id="U0UNRELATE").status_code == 200
    replies = run.fake.wait_for("response_url", count=held + 1, timeout=5)
    assert replies[held].ok and time.monotonic() - asked < 1.5
    assert time.monotonic() - began < 5  # before any held reply's wait was over
    done = run.fake.wait_for("response_url", count=2 * held + 1, timeout=15)
    assert sum(1 for c in done if c.ok) == held + 1
    assert all(c.params["text"] == say("slack.usage") for c in done if c.ok)


def test_server_errors_are_retried(run: Running) -> None:
    manager = started(run)
    run.fake.fail_next("chat.postMessage", 500, times=2)
    reply = manager.type(run.slack, "Denver, CO")
    assert "5 of 14" in text_of(reply)
    assert [c.status for c in run.fake.calls("chat.postMessage")[-3:]] == [500, 500, 200]
    finish(run, manager)


@pytest.mark.parametrize(
    ("status", "attempts"),
    [(429, 4), (500, 3)],  # the first call and every retry the client allows
)
def test_when_slack_keeps_failing_the_person_is_told_and_nothing_is_lost(
    run: Running, status: int, attempts: int
) -> None:
    manager = started(run)
    posts = run.fake.count("chat.postMessage")
    run.fake.fail_next("chat.postMessage", status, retry_after=1, times=attempts)
    response = run.slack.message("Denver, CO", user_id=manager.user, thread_ts=manager.thread)
    assert response.status_code == 200
    # The reply never got through; then the person hears that something went wrong.
    [told] = run.fake.wait_for(
        "chat.postMessage",
        timeout=15,
        predicate=lambda c: c.ok and c.params.get("text") == say("slack.went_wrong"),
    )
    assert told.params["channel"] in (manager.dm, manager.user)
    failed = run.fake.calls("chat.postMessage")[posts : posts + attempts]
    assert [c.status for c in failed] == [status] * attempts
    # The answer itself was kept: the dialogue is on the next question, and carries on.
    assert step_of(run, manager) == 4
    reply = manager.type(run.slack, "help")
    assert "5 of 14" in text_of(reply)
    finish(run, manager)


def test_a_button_whose_reply_fails_is_answered_with_an_ephemeral_note(run: Running) -> None:
    manager = started(run, steps=0)
    run.fake.fail_next("chat.postMessage", 500, times=3)
    message = manager.latest()
    action = button(message, "Use the suggestion")
    response = run.slack.block_action(action, message=message, user_id=manager.user)
    assert response.status_code == 200
    [note] = run.fake.wait_for("chat.postEphemeral", timeout=10)
    assert note.params["user"] == manager.user
    assert note.params["text"] == say("slack.went_wrong")
    assert step_of(run, manager) == 1
    finish(run, manager)


@pytest.mark.parametrize("status", [429, 500])
def test_a_command_reply_at_the_response_url_is_retried(run: Running, status: int) -> None:
    run.fake.fail_next("response_url", status, retry_after=1)
    assert run.slack.command("network technician").status_code == 200
    replies = run.fake.wait_for("response_url", count=2, timeout=10)
    assert [c.status for c in replies] == [status, 200]
    assert "network technician" in text_of(replies[-1].params).lower()


def test_when_a_command_reply_is_refused_for_good_the_person_is_told(run: Running) -> None:
    run.fake.fail_next("response_url", 500, times=3)
    assert run.slack.command("network technician").status_code == 200
    [note] = run.fake.wait_for("chat.postEphemeral", timeout=15)
    assert note.params["user"] == HIRING_MANAGER and note.params["channel"] == GENERAL_CHANNEL
    assert note.params["text"] == say("slack.went_wrong")
    assert [c.status for c in run.fake.calls("response_url")] == [500, 500, 500]
    # Typed again later, it works.
    assert run.slack.command("network technician").status_code == 200
    run.fake.wait_for("response_url", count=4, predicate=None, timeout=10)
    assert run.fake.calls("response_url")[-1].ok


# ---- a Slack that hangs ------------------------------------------------------------------------


def test_a_call_that_hangs_past_the_timeout_is_retried(run: Running) -> None:
    manager = started(run)
    run.fake.hang_next("chat.postMessage", seconds=3)
    reply = manager.type(run.slack, "Denver, CO")
    assert "5 of 14" in text_of(reply)
    finish(run, manager)


def test_when_slack_keeps_hanging_the_person_is_told_and_nothing_is_lost(run: Running) -> None:
    manager = started(run)
    run.fake.hang_next("chat.postMessage", seconds=4, times=2)
    response = run.slack.message("Denver, CO", user_id=manager.user, thread_ts=manager.thread)
    assert response.status_code == 200
    run.fake.wait_for(
        "chat.postMessage",
        timeout=15,
        predicate=lambda c: c.ok and c.params.get("text") == say("slack.went_wrong"),
    )
    assert step_of(run, manager) == 4
    time.sleep(4)  # the held calls go through in the end, as a slow Slack's do
    reply = manager.type(run.slack, "help")
    assert "5 of 14" in text_of(reply)
    finish(run, manager)


@pytest.fixture
def slow_run(
    fake_slack: FakeSlack, sqlite_url: str, monkeypatch: pytest.MonkeyPatch
) -> Iterator[Running]:
    """The app with a client timeout past Slack's 3 s, as in production (10 s)."""
    monkeypatch.setattr(slack_app, "CLIENT_TIMEOUT", 3.5)
    with running_app(fake_slack, sqlite_url) as running:
        yield running


def test_acknowledgements_stay_fast_while_slack_hangs(slow_run: Running) -> None:
    """Listeners stuck on a hanging Slack must not hold up other people's acknowledgements."""
    run = slow_run
    run.fake.hang_next("conversations.open", seconds=4, times=12)
    clicks = []
    for number in range(12):
        value = json.dumps({"k": "network_technician", "t": "network technician"})
        message = {
            "ts": run.fake.next_ts(),
            "blocks": [
                {
                    "type": "actions",
                    "block_id": "pick",
                    "elements": [
                        {
                            "type": "button",
                            "action_id": "pick_role_0",
                            "text": {"type": "plain_text", "text": "Network Technician"},
                            "value": value,
                        }
                    ],
                }
            ],
        }
        user = f"U0HANG{number:04d}"
        began = time.monotonic()
        response = run.slack.block_action(
            "pick_role_0", message=message, channel_id=GENERAL_CHANNEL, user_id=user
        )
        clicks.append((response.status_code, time.monotonic() - began))
    began = time.monotonic()
    response = run.slack.command("list")
    command = (response.status_code, time.monotonic() - began)
    slowest = max(seconds for _, seconds in [*clicks, command])
    assert [status for status, _ in clicks] == [200] * len(clicks)
    assert command[0] == 200
    assert slowest < 1.5, f"an acknowledgement took {slowest:.2f}s while Slack hung"
    # In the end each person has their draft, or a note that it could not start (their call was
    # held again when tried again); then no listener is still running when the fake stops.
    users = {f"U0HANG{number:04d}" for number in range(len(clicks))}

    def settled() -> bool:
        started = {c.params.get("channel") for c in run.fake.calls("chat.postMessage")}
        told = {c.params.get("user") for c in run.fake.calls("chat.postEphemeral")}
        return all(run.fake.workspace.dm_channel(u) in started or u in told for u in users)

    deadline = time.monotonic() + 30
    while not settled():
        assert time.monotonic() < deadline, run.fake.calls()
        time.sleep(0.1)
