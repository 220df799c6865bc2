"""A captured signed request replayed within Slack's five minutes does nothing (#15 item 6):
the same timestamp and signature are the same request, wherever it is sent again (another
instance sharing the database). Signed requests through the real app, the fake Slack Web API,
SQLite and PostgreSQL."""

from __future__ import annotations

import json
from collections.abc import Iterator

import httpx
import pytest

from bot.store import Store
from tests import slack_fixtures
from tests.fake_slack import FakeSlack
from tests.newjob_app import Running, running_app
from tests.slack_requests import GENERAL_CHANNEL, HIRING_MANAGER, SentRequest

fake_slack = slack_fixtures.fake_slack


@pytest.fixture
def run(fake_slack: FakeSlack, store_url: str) -> Iterator[Running]:
    with running_app(fake_slack, store_url) as running:
        yield running


def replay(run: Running, sent: SentRequest) -> httpx.Response:
    """`sent` again, byte for byte, with its own timestamp and signature (as captured)."""
    return run.slack._http.post(
        run.slack.url,
        content=sent.body,
        headers={"Content-Type": sent.content_type, **sent.headers},
    )


def _pick_role(run: Running) -> SentRequest:
    value = json.dumps({"k": "network_technician", "t": "network technician"})
    button = {"type": "button", "action_id": "pick_role_0", "value": value,
              "text": {"type": "plain_text", "text": "Network Technician"}}  # fmt: skip
    message = {"ts": run.fake.next_ts(),
               "blocks": [{"type": "actions", "block_id": "b", "elements": [button]}]}  # fmt: skip
    response = run.slack.block_action("pick_role_0", message=message, channel_id=GENERAL_CHANNEL)
    assert response.status_code == 200
    return run.slack.sent[-1]


def test_a_replayed_newjob_starts_one_draft(run: Running, fake_slack: FakeSlack) -> None:
    reply_to = run.fake.response_url("newjob")
    assert run.slack.command("network technician", response_url=reply_to).status_code == 200
    command = run.slack.sent[-1]
    run.fake.wait_for("response_url")
    run.fake.wait_for("chat.postMessage")  # the draft starts in the DM (an exact title)
    for _ in range(3):
        assert replay(run, command).status_code == 200
    assert len(run.store.drafts_for(HIRING_MANAGER)) == 1
    # A role picked from a menu starts a draft of its own; its click replayed starts no more.
    started = _pick_role(run)
    run.fake.wait_for("chat.postMessage", count=2)
    for _ in range(3):
        assert replay(run, started).status_code == 200
    # Another instance on the same database knows it too.
    with running_app(fake_slack, run.settings.database_url) as other:
        assert replay(other, started).status_code == 200
        assert replay(other, command).status_code == 200
    assert len(run.store.drafts_for(HIRING_MANAGER)) == 2
    assert len(run.fake.response_url_calls("newjob")) == 1
    # A new request (a new timestamp and signature) is not a replay.
    _pick_role(run)
    run.fake.wait_for("chat.postMessage", count=3)
    assert len(run.store.drafts_for(HIRING_MANAGER)) == 3


def test_requests_are_remembered_for_a_while_then_forgotten(store: Store) -> None:
    assert store.first_request("1732770000", "v0=abc")
    assert not store.first_request("1732770000", "v0=abc")
    assert store.first_request("1732770000", "v0=abd")
    assert store.first_request("1732770001", "v0=abc")
