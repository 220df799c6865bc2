"""One set of length limits for the posting and the Edit form (#15 item 2): the form never shows
part of a field (a field it cannot show whole is left out, with a note, and kept as it was), and
text over a limit is refused where it is typed, with a message naming the limit. Through the
real app: signed requests, the fake Slack Web API, SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest

from bot.posting.form import FORM_TEXT_LIMIT, form_limit
from bot.posting.model import ITEM_LIMIT, LIMITS
from tests import slack_fixtures
from tests.fake_slack import FakeSlack
from tests.newjob_app import Running, running_app
from tests.review_scenes import (
    button,
    draft_now,
    ready_draft,
    reply,
    submit,
    text_of,
    wait_ephemeral,
    wait_until,
)
from tests.slack_requests import HIRING_MANAGER, REVIEWER

fake_slack = slack_fixtures.fake_slack

# What the tester typed in the dialogue: 40 duties and 40 requirements of about 1,000 characters.
LONG_ITEMS = [f"Item {n}: " + "keep the network healthy and written down " * 23 for n in range(40)]
LONG_ITEMS = [item.strip() for item in LONG_ITEMS]


@pytest.fixture
def run(fake_slack: FakeSlack, store_url: str) -> Iterator[Running]:
    with running_app(fake_slack, store_url) as running:
        yield running


def _open_edit(run: Running, preview: dict[str, Any]) -> dict[str, Any]:
    before = run.fake.count("views.open")
    run.slack.block_action(button(preview, "Edit"), message=preview)
    opened = run.fake.wait_for("views.open", count=before + 1)[-1]
    view: dict[str, Any] = opened.response["view"]  # type: ignore[index]
    return view


def _inputs(view: dict[str, Any]) -> dict[str, dict[str, Any]]:
    return {
        str(block["block_id"]): block["element"]
        for block in view["blocks"]
        if block.get("type") == "input"
    }


def test_the_form_and_the_posting_share_one_set_of_limits() -> None:
    assert form_limit("title") == LIMITS["title"]
    assert form_limit("summary") == LIMITS["summary"] <= FORM_TEXT_LIMIT
    assert form_limit("equal_opportunity") == LIMITS["equal_opportunity"]
    assert all(min(limit, FORM_TEXT_LIMIT) == form_limit(name) for name, limit in LIMITS.items())
    assert form_limit("responsibilities") == FORM_TEXT_LIMIT


def test_saving_the_form_unchanged_keeps_fields_it_could_not_show_whole(run: Running) -> None:
    assert all(len(item) <= ITEM_LIMIT for item in LONG_ITEMS)
    draft, preview = ready_draft(run, responsibilities=LONG_ITEMS, requirements=LONG_ITEMS)
    view = _open_edit(run, preview)
    inputs = _inputs(view)
    # Shown whole or not at all: no input is prefilled with part of a field.
    assert "responsibilities" not in inputs and "requirements" not in inputs
    assert "isn't in this form" in text_of(view)
    for name, element in inputs.items():
        initial = str(element.get("initial_value") or "")
        assert len(initial) <= int(element.get("max_length") or FORM_TEXT_LIMIT), name
    assert inputs["summary"]["max_length"] == LIMITS["summary"]
    response = run.slack.view_submission(view, {("team", "value"): "Field Operations"})
    assert response.status_code == 200 and not response.content.strip()
    wait_until(lambda: draft_now(run, draft.id).current_version == 2, what="version 2")
    latest = run.store.version(draft.id)
    assert latest is not None and latest.posting["team"] == "Field Operations"
    assert latest.posting["responsibilities"] == LONG_ITEMS
    assert latest.posting["requirements"] == LONG_ITEMS


def test_over_long_text_in_the_form_is_refused_naming_the_limit(run: Running) -> None:
    draft, preview = ready_draft(run)
    view = _open_edit(run, preview)
    # Slack's client stops at max_length; a request made without it is refused all the same.
    response = run.slack.view_submission(view, {("summary", "value"): "Long summary. " * 300})
    assert response.status_code == 200
    answer = response.json()
    assert answer["response_action"] == "errors"
    assert f"at most {LIMITS['summary']}" in answer["errors"]["summary"]
    assert draft_now(run, draft.id).current_version == 1


def test_over_long_thread_commands_are_refused_naming_the_limit(run: Running) -> None:
    draft, preview = ready_draft(run)
    draft = submit(run, preview, draft.id)
    reply(run, draft, "set summary " + "Long summary. " * 300, HIRING_MANAGER)
    assert f"at most {LIMITS['summary']}" in wait_ephemeral(run, HIRING_MANAGER)
    reply(run, draft, "add duty " + "x" * (ITEM_LIMIT + 1), REVIEWER)
    assert f"under {ITEM_LIMIT}" in wait_ephemeral(run, REVIEWER)
    assert draft_now(run, draft.id).current_version == 1
