"""A button that opens a form opens it at once, in the listener that acknowledged the click:
Slack's trigger_id is good for 3 seconds, and the work of other people's requests (busy in
every work slot, Slack slow to answer them) must not make it wait."""

from __future__ import annotations

import time
from collections.abc import Iterator

import pytest

from bot.slack.lazy import WORK_SLOTS
from tests import slack_fixtures
from tests.fake_slack import FakeSlack
from tests.newjob_app import Running, running_app
from tests.review_scenes import button, ready_draft

fake_slack = slack_fixtures.fake_slack


@pytest.fixture
def run(fake_slack: FakeSlack, sqlite_url: str) -> Iterator[Running]:
    fake_slack.trigger_ttl = 3.0
    with running_app(fake_slack, sqlite_url) as running:
        yield running


def test_edit_opens_its_form_while_every_work_slot_is_busy(run: Running) -> None:
    _draft, preview = ready_draft(run)
    # Other people's commands take every work slot, Slack holding their replies for 4 s.
    run.fake.hang_next("response_url", 4.0, times=WORK_SLOTS)
    for n in range(WORK_SLOTS):
        assert run.slack.command("help", user_id=f"U0BUSY{n:04d}").status_code == 200
    deadline = time.monotonic() + 5
    while run.fake.count("response_url") < WORK_SLOTS:  # all of them under way
        assert time.monotonic() < deadline
        time.sleep(0.01)

    clicked = time.monotonic()
    assert run.slack.block_action(button(preview, "Edit"), message=preview).status_code == 200
    [opened] = run.fake.wait_for("views.open", timeout=5)
    assert opened.ok, opened.response
    assert time.monotonic() - clicked < 1.0
    assert opened.response["view"]["callback_id"]
    run.fake.wait_for("response_url", count=WORK_SLOTS, timeout=10)
