"""Ids, numbers and text checked at the edge (#15 item 4): an id Slack would never send, a
draft number past what a database holds, a NUL in a title are the request's fault, never "I
can't reach my database". Through the real app (signed requests, the fake Slack Web API) and
the store itself, on SQLite and PostgreSQL."""

from __future__ import annotations

import copy
import json
from collections.abc import Iterator
from typing import Any

import pytest
from sqlalchemy import func, select

from bot.store import InvalidData, Store, StoreUnavailable
from bot.store.tables import Draft
from tests import slack_fixtures
from tests.fake_slack import FakeSlack
from tests.newjob_app import Running, running_app
from tests.review_scenes import (
    button,
    draft_now,
    ready_draft,
    reply,
    submit,
    wait_ephemeral,
    wait_until,
)
from tests.slack_requests import HIRING_MANAGER, REVIEWER

fake_slack = slack_fixtures.fake_slack

DB_DOWN = "can't reach my database"


@pytest.fixture
def run(fake_slack: FakeSlack, store_url: str) -> Iterator[Running]:
    with running_app(fake_slack, store_url) as running:
        yield running


def _drafts(run: Running) -> int:
    with run.store.engine.connect() as connection:
        return int(connection.scalar(select(func.count()).select_from(Draft)) or 0)


def _everything_said(run: Running) -> str:
    return json.dumps([call.params for call in run.fake.calls()], ensure_ascii=False)


def test_an_id_slack_would_never_send_is_refused_as_invalid(run: Running) -> None:
    long_user = "U" + "A" * 40
    response = run.slack.command("network technician", user_id=long_user)
    assert response.status_code == 200
    assert "isn't valid" in response.json()["text"]
    response = run.slack.command("network technician", channel_id="C0<!channel>")
    assert "isn't valid" in response.json()["text"]
    _draft, preview = ready_draft(run)
    response = run.slack.block_action(button(preview, "Edit"), message=preview, user_id="bob")
    assert response.status_code == 200
    assert _drafts(run) == 1 and run.fake.count("views.open") == 0
    assert DB_DOWN not in _everything_said(run)


def _with_value(message: dict[str, Any], label: str, value: str) -> dict[str, Any]:
    forged = copy.deepcopy(message)
    for block in forged["blocks"]:
        for element in block.get("elements") or []:
            if element.get("type") == "button" and element["text"]["text"] == label:
                element["value"] = value
    return forged


@pytest.mark.parametrize(
    "value",
    [
        '{"d": 100000000000000000000000, "s": 1, "c": ""}',
        '{"d": 1, "s": 100000000000000000000000, "c": ""}',
        '{"d": -1, "s": null, "c": ""}',
        '{"d": 1e23, "s": null, "c": ""}',
        "[1, 2]",
    ],
)
def test_a_draft_number_no_draft_can_have_is_an_expired_button(run: Running, value: str) -> None:
    _draft, preview = ready_draft(run)
    forged = _with_value(preview, "Edit", value)
    response = run.slack.block_action(button(forged, "Edit"), message=forged)
    assert response.status_code == 200
    said = wait_ephemeral(run, HIRING_MANAGER)
    assert "can't find" in said or "expired" in said or "no longer" in said, said
    assert DB_DOWN not in _everything_said(run)
    assert run.fake.count("views.open") == 0


def test_control_characters_are_taken_out_of_what_is_typed(run: Running) -> None:
    draft, preview = ready_draft(run)
    draft = submit(run, preview, draft.id)
    reply(run, draft, "set title Network\x00 Tech\x1b[31mnician\x07", HIRING_MANAGER)
    wait_until(lambda: draft_now(run, draft.id).current_version == 2, what="version 2")
    latest = run.store.version(draft.id)
    assert latest is not None and latest.posting["title"] == "Network Tech[31mnician"
    assert draft_now(run, draft.id).title == "Network Tech[31mnician"
    reply(run, draft, "changes: mind the\x00 NUL", REVIEWER)
    wait_until(lambda: run.store.count_events(draft.id, "changes_requested"), what="changes")
    [event] = [e for e in run.store.history(draft.id) if e.kind == "changes_requested"]
    assert event.detail["comment"] == "mind the NUL"
    assert DB_DOWN not in _everything_said(run)


def test_the_store_calls_a_refused_value_invalid_not_unavailable(store: Store) -> None:
    with pytest.raises(InvalidData):
        store.version(1, 10**23)
    with pytest.raises(InvalidData):
        store.save_session(10**23, {})
    if store.engine.dialect.name == "postgresql":  # SQLite keeps any length, and NULs
        with pytest.raises(InvalidData):
            store.create_draft(team_id="T1", requester="U" * 41, title="x", role_key="r")
        with pytest.raises(InvalidData):
            store.create_draft(team_id="T1", requester="U1", title="a\x00b", role_key="r")
    assert store.draft(10**23) is None and store.draft(0) is None
    assert not issubclass(InvalidData, StoreUnavailable)
