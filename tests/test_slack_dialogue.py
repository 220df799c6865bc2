"""/newjob end to end through signed requests to the HTTP endpoint and the fake Slack Web API."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest

from bot.store import DraftStatus
from tests import slack_fixtures
from tests.fake_slack import FakeSlack
from tests.newjob_app import Running, running_app
from tests.slack_requests import GENERAL_CHANNEL, HIRING_MANAGER, REVIEWER

fake_slack = slack_fixtures.fake_slack


@pytest.fixture
def run(fake_slack: FakeSlack, store_url: str) -> Iterator[Running]:
    with running_app(fake_slack, store_url) as running:
        yield running


def dm(run: Running, user: str = HIRING_MANAGER) -> str:
    return run.fake.workspace.dm_channel(user)


def bot_posts(run: Running) -> list[Any]:
    return run.fake.calls("chat.postMessage")


def wait_posts(run: Running, count: int) -> list[Any]:
    return run.fake.wait_for("chat.postMessage", count=count)


def latest(run: Running) -> dict[str, Any]:
    """The newest message the bot posted (as the fake holds it)."""
    call = bot_posts(run)[-1]
    return run.fake.message(call.response["channel"], call.response["ts"])


def all_text(blocks: list[dict[str, Any]]) -> str:
    return json.dumps(blocks, ensure_ascii=False)


def button_id(message: dict[str, Any], label: str) -> str:
    for block in message.get("blocks") or []:
        for element in block.get("elements") or []:
            if element.get("type") == "button" and element["text"]["text"] == label:
                return str(element["action_id"])
    raise AssertionError(f"no button {label!r} in {all_text(message.get('blocks') or [])}")


def click(run: Running, message: dict[str, Any], label: str, user: str = HIRING_MANAGER) -> None:
    before = len(bot_posts(run))
    response = run.slack.block_action(button_id(message, label), message=message, user_id=user)
    assert response.status_code == 200
    if user == HIRING_MANAGER:
        wait_posts(run, before + 1)


def say_in_thread(run: Running, thread: str, text: str) -> None:
    before = len(bot_posts(run))
    response = run.slack.message(text, thread_ts=thread)
    assert response.status_code == 200
    wait_posts(run, before + 1)


def start(run: Running, title: str = "network technician") -> str:
    """Type /newjob (an exact title starts at once; else pick the first "did you mean" role);
    returns the DM thread's ts."""
    assert run.slack.command(title).status_code == 200
    [reply] = run.fake.wait_for("response_url")
    blocks = reply.params.get("blocks") or []
    if "pick_role_0" in str(blocks):
        assert "Network Technician" in all_text(blocks)
        ephemeral = {"ts": run.fake.next_ts(), "blocks": blocks}
        run.slack.block_action("pick_role_0", message=ephemeral, channel_id=GENERAL_CHANNEL)
    else:
        assert "network technician" in str(reply.params.get("text")).lower()
    posts = wait_posts(run, 2)
    parent = posts[0]
    assert parent.params["channel"] == dm(run)
    return str(parent.response["ts"])


def test_whole_dialogue_to_preview_and_edit(run: Running) -> None:
    thread = start(run)
    first = latest(run)
    assert first["thread_ts"] == thread
    text = all_text(first["blocks"])
    assert "1 of 14" in text and "Indeed" in text and "skip" in text
    click(run, first, "Use the suggestion")  # Acme Networks, the configured company

    level = latest(run)
    level_text = all_text(level["blocks"])
    assert "2 of 14" in level_text and "Entry (what this role usually is)" in level_text
    click(run, level, "Use the suggestion")  # entry, the Network Technician's usual level

    workplace = latest(run)
    assert "3 of 14" in all_text(workplace["blocks"])
    click(run, workplace, "On-site")

    assert "4 of 14" in all_text(latest(run)["blocks"])
    say_in_thread(run, thread, "Denver, CO")
    say_in_thread(run, thread, "full time")

    pay = latest(run)
    pay_text = all_text(pay["blocks"])
    assert "6 of 14" in pay_text
    assert "BLS OEWS, May 2025" in pay_text and "Denver" in pay_text
    assert "25th percentile" in pay_text and "entry-level" in pay_text
    say_in_thread(run, thread, "lots of money")
    pay = latest(run)
    assert "couldn" in all_text(pay["blocks"]) and "6 of 14" in all_text(pay["blocks"])
    click(run, pay, "Use the suggestion")

    duties = latest(run)
    assert "7 of 14" in all_text(duties["blocks"])
    # The entry-level duties are offered: supervised, no leading of others. Each is shown once,
    # whole: as a checkbox, its label going on in the description.
    [ticks] = [
        e for b in duties["blocks"] for e in b.get("elements") or [] if e["type"] == "checkboxes"
    ]
    offered = [
        " ".join(o[part]["text"] for part in ("text", "description") if part in o)
        for o in ticks["options"]
    ]
    assert any("with a senior technician on hand" in duty for duty in offered)
    assert all_text(duties["blocks"]).count("with a senior") == 1
    say_in_thread(run, thread, "1-3, 5\nConfigure VLANs for the new office")

    requirements = latest(run)
    assert "8 of 14" in all_text(requirements["blocks"])
    click(run, requirements, "Use all of these")

    assert "9 of 14" in all_text(latest(run)["blocks"])
    say_in_thread(run, thread, "<!channel> apply now")
    assert "<!channel>" not in json.dumps(bot_posts(run)[-1].params)
    assert "&lt;!channel&gt;" in all_text(latest(run)["blocks"])
    assert "9 of 14" in all_text(latest(run)["blocks"])
    say_in_thread(run, thread, "https://acme.example.com/jobs/42")

    assert "10 of 14" in all_text(latest(run)["blocks"])
    say_in_thread(run, thread, "in 30 days")

    assert "11 of 14" in all_text(latest(run)["blocks"])
    say_in_thread(run, thread, "our IT team of four")
    assert "12 of 14" in all_text(latest(run)["blocks"])
    say_in_thread(run, thread, "Medical, dental and vision; 401(k) with a 4% match")
    assert "13 of 14" in all_text(latest(run)["blocks"])
    say_in_thread(run, thread, "skip")
    assert "14 of 14" in all_text(latest(run)["blocks"])
    say_in_thread(run, thread, "We reply within a week; next is a call with our IT lead.")

    preview = latest(run)
    preview_text = all_text(preview["blocks"])
    for expected in (
        "Acme Networks",
        "Denver",
        "Answer support tickets and calls about network faults",
        "Configure VLANs for the new office",
        "https://acme.example.com/jobs/42",
        "entry-level Network Technician to join our IT team of four",
        "401(k) with a 4% match",
        "We reply within a week",
        "For you, not the posting",  # local market pay, for the manager only
        "Checks:",
        "Submit for review",
    ):
        assert expected in preview_text, expected
    draft = run.store.drafts_for(HIRING_MANAGER)[0]
    assert draft.status is DraftStatus.READY and draft.current_version == 1

    # Edit: the modal opens prefilled; a bad pay is shown on its field; a good one saves v2.
    run.slack.block_action(button_id(preview, "Edit"), message=preview)
    [opened] = run.fake.wait_for("views.open")
    view = opened.response["view"]
    values = {block["block_id"]: block["element"] for block in view["blocks"]}
    assert values["organisation"]["initial_value"] == "Acme Networks"
    response = run.slack.view_submission(view, {("pay", "value"): "plenty"})
    assert response.status_code == 200
    body = response.json()
    assert body["response_action"] == "errors" and "pay" in body["errors"]
    assert "Pay" in body["errors"]["pay"]
    before = len(bot_posts(run))
    response = run.slack.view_submission(view, {("pay", "value"): "60k-70k"})
    assert response.status_code == 200 and not response.content.strip(b"{}")
    wait_posts(run, before + 1)
    assert "version 2" in all_text(latest(run)["blocks"])
    assert "$60,000" in all_text(latest(run)["blocks"])
    assert run.store.draft(draft.id).current_version == 2  # type: ignore[union-attr]


def test_someone_else_cannot_answer_and_stale_clicks_change_nothing(run: Running) -> None:
    thread = start(run)
    first = latest(run)
    before = len(bot_posts(run))
    run.slack.block_action(button_id(first, "Use the suggestion"), message=first, user_id=REVIEWER)
    [note] = run.fake.wait_for("chat.postEphemeral")
    assert note.params["user"] == REVIEWER
    assert len(bot_posts(run)) == before
    click(run, first, "Use the suggestion")
    # The same button again: the question was answered; nothing moves on.
    posts = len(bot_posts(run))
    run.slack.block_action(button_id(first, "Use the suggestion"), message=first)
    run.fake.wait_for("chat.postEphemeral", count=2)
    assert len(bot_posts(run)) == posts
    assert "2 of 14" in all_text(latest(run)["blocks"])
    del thread


def test_help_list_unknown_and_empty(run: Running) -> None:
    run.slack.command("")
    [usage] = run.fake.wait_for("response_url")
    assert "/newjob network technician" in usage.params["text"]
    run.slack.command("asdfgh qwerty")
    unknown = run.fake.wait_for("response_url", count=2)[-1]
    assert "don't know" in unknown.params["text"]
    run.slack.command("list")
    listing = run.fake.wait_for("response_url", count=3)[-1]
    assert "no drafts" in json.dumps(listing.params)


def test_a_dialogue_survives_a_restart(fake_slack: FakeSlack, store_url: str) -> None:
    with running_app(fake_slack, store_url) as run:
        thread = start(run)
        click(run, latest(run), "Use the suggestion")
        click(run, latest(run), "Senior")
        click(run, latest(run), "Remote")
    # A new process: new app, new store connection, same database.
    with running_app(fake_slack, store_url) as run:
        assert "4 of 14" in all_text(latest(run)["blocks"])
        say_in_thread(run, thread, "US")
        assert "5 of 14" in all_text(latest(run)["blocks"])
        draft = run.store.drafts_for(HIRING_MANAGER)[0]
        session = run.store.session_for_draft(draft.id)
        assert session is not None
        assert session.state["answers"]["location"]["remote_regions"] == ["US"]
        assert session.state["answers"]["level"] == "senior"
