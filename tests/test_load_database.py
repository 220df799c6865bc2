"""The database goes away for a while (PostgreSQL behind a TCP proxy that the test cuts).

While it is gone: every request still gets an answer (never a 500), people who click or type a
command get a plain ephemeral message, events are refused with 503 so that Slack delivers them
again, and /healthz says 503. When it is back, nothing answered before is lost, Slack's
redelivery is handled, and the dialogue carries on to a finished draft.
"""

from __future__ import annotations

import time
from collections.abc import Iterator

import httpx
import pytest

from bot.store.store import HEALTHY_FOR
from bot.text import say
from tests import slack_fixtures
from tests.fake_slack import FakeSlack
from tests.load_dialogue import Manager, answers_for, button, text_of
from tests.newjob_app import Running, running_app
from tests.tcp_proxy import TcpProxy

pytestmark = [pytest.mark.load, pytest.mark.postgres]

fake_slack = slack_fixtures.fake_slack


@pytest.fixture
def proxy() -> Iterator[TcpProxy]:
    with TcpProxy(5432) as running:
        yield running


@pytest.fixture
def run(fake_slack: FakeSlack, pg_url: str, proxy: TcpProxy) -> Iterator[Running]:
    assert "127.0.0.1:5432" in pg_url
    with running_app(
        fake_slack, pg_url.replace("127.0.0.1:5432", f"127.0.0.1:{proxy.port}")
    ) as app:
        yield app


def db_down_notes(run: Running) -> list[str]:
    return [
        str(call.params.get("text"))
        for call in run.fake.calls("chat.postEphemeral")
        if call.params.get("text") == say("slack.db_down")
    ]


def test_the_app_tells_people_and_recovers_when_the_database_comes_back(
    run: Running, proxy: TcpProxy
) -> None:
    manager = Manager(run.fake, "U0DBOUT001", answers_for(11))
    manager.start(run.slack)
    manager.next_step(run.slack)  # the company
    manager.next_step(run.slack)  # the level
    assert "3 of 14" in text_of(manager.latest())
    health = f"{run.base_url}/healthz"
    assert httpx.get(health).status_code == 200

    proxy.stop()
    # The yes /healthz just had stands for HEALTHY_FOR (by design: an event in that moment
    # gets the note from its work instead); the typed answer below must come after it.
    time.sleep(HEALTHY_FOR * 2)

    # A click: acknowledged, then a private note saying what happened.
    question = manager.latest()
    response = run.slack.block_action(
        button(question, "On-site"), message=question, user_id=manager.user
    )
    assert response.status_code == 200
    run.fake.wait_for("chat.postEphemeral", timeout=15)
    assert len(db_down_notes(run)) == 1

    # A command that needs the database: the same note, in the channel it was typed in.
    assert run.slack.command("list", user_id=manager.user).status_code == 200
    run.fake.wait_for("chat.postEphemeral", count=2, timeout=15)
    assert len(db_down_notes(run)) == 2

    # A typed answer: refused, so that Slack delivers it again later.
    response = run.slack.message("on-site", user_id=manager.user, thread_ts=manager.thread)
    assert response.status_code == 503
    typed = len(run.slack.sent) - 1

    # Starting a new draft needs the database too.
    assert run.slack.command("network technician", user_id="U0DBOUT002").status_code == 200
    assert httpx.get(health).status_code == 503

    proxy.start()
    assert httpx.get(health).status_code == 200

    # Slack's redelivery of the typed answer goes through now, once.
    before = len(manager.bot_messages())
    response = run.slack.resend(typed, retry_num=1, retry_reason="http_error")
    assert response.status_code == 200
    reply = manager.wait_bot_messages(before + 1)[-1]
    assert "4 of 14" in text_of(reply)
    manager.step = 3
    while not manager.done:
        manager.next_step(run.slack)

    [draft] = run.store.drafts_for(manager.user)
    assert draft.current_version == 1
    posting = run.store.version(draft.id, 1)
    assert posting is not None
    assert posting.posting["organisation"]["name"] == "Org 011 Networks"
    assert posting.posting["location"]["workplace"] == "on-site"
    # Nothing answered 500 at any point.
    statuses = {sent.response.status_code for sent in run.slack.sent if sent.response is not None}
    assert statuses <= {200, 503}, statuses
