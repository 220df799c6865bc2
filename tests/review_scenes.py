"""Helpers for the review scenario tests: a ready draft with its preview in the manager's DM,
clicks and replies as Slack sends them, and waiting for the app to finish what they started."""

from __future__ import annotations

import datetime as dt
import json
import time
from collections.abc import Callable, Iterator
from typing import Any

import pytest

from bot.drafting import Drafting, role_for
from bot.posting import Posting
from bot.slack.context import Services
from bot.slack.replies import show_version
from bot.store import DraftRecord, DraftStatus
from tests.fake_slack import Call, FakeSlack
from tests.newjob_app import Running, running_app
from tests.slack_requests import APPROVER, HIRING_MANAGER, JOBS_CHANNEL, REVIEW_CHANNEL


@pytest.fixture(name="run")
def app_with_an_approver(fake_slack: FakeSlack, sqlite_url: str) -> Iterator[Running]:
    """The app on SQLite with APPROVER as the one approver; a test module takes it as
    ``run = review_scenes.app_with_an_approver``."""
    with running_app(fake_slack, sqlite_url, newjob_approvers=APPROVER) as running:
        yield running


def posting_data(**changes: Any) -> dict[str, Any]:
    """A Denver network technician posting the checks find no error in."""
    today = dt.date.today()
    data: dict[str, Any] = {
        "title": "Network Technician",
        "role": {"role_id": "network_technician", "onet_code": "15-1231.00"},
        "organisation": {
            "name": "Acme Networks",
            "url": "https://acme.example.com",
            "about": "Acme Networks builds and runs the networks of hospitals and schools.",
        },
        "location": {"city": "Denver", "region": "CO", "country": "US"},
        "employment_type": "FULL_TIME",
        "pay": {"minimum": 55000, "maximum": 65000, "currency": "USD", "period": "year"},
        "benefits": [
            "Health, dental and vision insurance",
            "401(k) with a 4% match",
            "Paid time off: 20 days a year",
        ],
        "summary": (
            "You will keep our customers' networks running. You will install, test and fix "
            "network equipment, and help people when something breaks."
        ),
        "responsibilities": [
            "Install and configure switches, routers and wireless access points",
            "Find and fix network faults, and write down what you did",
            "Keep the inventory of network hardware up to date",
        ],
        "requirements": [
            "Experience installing network equipment, at work or at school",
            "Clear, friendly communication with people who are not technical",
            "A driving licence: you will visit customer sites around Denver",
        ],
        "how_to_apply": "https://acme.example.com/jobs/42",
        "closing_date": (today + dt.timedelta(days=30)).isoformat(),
        "years_experience": 1,
        "date_posted": today.isoformat(),
    }
    data.update(changes)
    return data


def services(run: Running) -> Services:
    return Services(
        settings=run.settings, store=run.store, drafting=Drafting(run.store, run.settings)
    )


def ready_draft(
    run: Running, *, requester: str = HIRING_MANAGER, **changes: Any
) -> tuple[DraftRecord, dict[str, Any]]:
    """A draft as the dialogue leaves it (version 1, ready), and its preview in the DM thread,
    posted by the app's own code; returns the draft and the preview message."""
    role = role_for("network_technician")
    assert role is not None
    posting = Posting.model_validate(posting_data(**changes))
    dm = run.fake.workspace.dm_channel(requester)
    thread = run.fake.add_message(dm, "📝 New job posting", user=run.fake.workspace.bot_user_id)
    draft = run.store.create_draft(
        team_id=run.fake.workspace.team_id,
        requester=requester,
        title=posting.title,
        role_key=role.id,
        dm_channel=dm,
        dm_thread_ts=thread["ts"],
    )
    run.store.add_version(draft.id, posting.model_dump(mode="json"), author=requester)
    run.store.transition(draft.id, to=DraftStatus.READY, from_=[DraftStatus.DRAFTING])
    run.store.record(draft.id, "answered", requester, version=1)
    before = run.fake.count("chat.postMessage")
    show_version(run.fake.client(), services(run), draft.id)
    call = run.fake.wait_for("chat.postMessage", count=before + 1)[-1]
    preview = run.fake.message(call.response["channel"], call.response["ts"])  # type: ignore[index]
    stored = run.store.draft(draft.id)
    assert stored is not None
    return stored, preview


def text_of(message: dict[str, Any]) -> str:
    return json.dumps(message.get("blocks") or [], ensure_ascii=False) + str(message.get("text"))


def button(message: dict[str, Any], label: str) -> str:
    for block in message.get("blocks") or []:
        for element in block.get("elements") or []:
            if element.get("type") == "button" and element["text"]["text"] == label:
                return str(element["action_id"])
    raise AssertionError(f"no button {label!r} in {text_of(message)}")


def has_button(message: dict[str, Any], label: str) -> bool:
    try:
        button(message, label)
    except AssertionError:
        return False
    return True


def click(run: Running, message: dict[str, Any], label: str, user: str) -> None:
    response = run.slack.block_action(button(message, label), message=message, user_id=user)
    assert response.status_code == 200, response.text


def reply(run: Running, draft: DraftRecord, text: str, user: str, **options: Any) -> str:
    """`user` writes `text` in the draft's review thread; returns the message's ts."""
    response = run.slack.message(
        text, user_id=user, channel_id=REVIEW_CHANNEL, thread_ts=draft.review_ts, **options
    )
    assert response.status_code == 200, response.text
    return str(run.slack.last.event["ts"])


def wait_until(check: Callable[[], Any], timeout: float = 15.0, what: str = "") -> Any:
    deadline = time.monotonic() + timeout
    while True:
        value = check()
        if value:
            return value
        if time.monotonic() > deadline:
            raise AssertionError(f"timed out waiting for {what or check}")
        time.sleep(0.02)


def draft_now(run: Running, draft_id: int) -> DraftRecord:
    draft = run.store.draft(draft_id)
    assert draft is not None
    return draft


def review_post(run: Running, draft_id: int) -> dict[str, Any]:
    draft = draft_now(run, draft_id)
    return run.fake.message(draft.review_channel, draft.review_ts)


def submit(run: Running, preview: dict[str, Any], draft_id: int) -> DraftRecord:
    """Submit, and wait for all it does: the review post, and then the requester's note (so
    that a fault a test scripts next is not taken by that note)."""
    confirmed = run.fake.count("chat.postMessage", predicate=_submitted_note)
    click(run, preview, "Submit for review", HIRING_MANAGER)
    draft = wait_until(
        lambda: (
            (d := draft_now(run, draft_id)).review_ts
            and run.store.count_events(draft_id, "submitted")
            and d
        ),
        what="the review post",
    )
    run.fake.wait_for("chat.postMessage", count=confirmed + 1, predicate=_submitted_note)
    return draft


def _submitted_note(call: Call) -> bool:
    return call.ok and str(call.params.get("text", "")).startswith("Sent version ")


def ephemerals(run: Running, user: str) -> list[str]:
    return [
        str(call.params.get("text"))
        for call in run.fake.calls("chat.postEphemeral")
        if call.params.get("user") == user
    ]


def wait_ephemeral(run: Running, user: str, count: int = 1) -> str:
    calls = run.fake.wait_for(
        "chat.postEphemeral", count=count, predicate=lambda c: c.params.get("user") == user
    )
    return str(calls[count - 1].params.get("text"))


def thread_posts(run: Running, draft: DraftRecord) -> list[dict[str, Any]]:
    """The bot's messages in the draft's review thread, oldest first (not the parent)."""
    return [
        m
        for m in run.fake.messages(REVIEW_CHANNEL, thread_ts=draft.review_ts)
        if m["ts"] != draft.review_ts and m.get("bot_id")
    ]


def kinds(run: Running, draft_id: int) -> list[str]:
    return [event.kind for event in run.store.history(draft_id)]


def published(run: Running, draft_id: int) -> DraftRecord:
    """Wait until the draft is published and the app has finished saying so (the DM to the
    requester is the last thing it sends)."""
    draft = wait_until(
        lambda: (d := draft_now(run, draft_id)).status is DraftStatus.PUBLISHED and d,
        what="published",
    )
    run.fake.wait_for(
        "chat.postMessage",
        predicate=lambda c: (
            c.params.get("channel") == draft.dm_channel
            and "is published" in str(c.params.get("text"))
        ),
    )
    return draft_now(run, draft_id)


def visible_text(blocks: list[dict[str, Any]]) -> str:
    """What a reader sees of `blocks`: every text in them (headers, sections, fields, context,
    button labels), one per line."""
    found: list[str] = []

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            if node.get("type") in ("plain_text", "mrkdwn") and isinstance(node.get("text"), str):
                found.append(node["text"])
                return
            for value in node.values():
                walk(value)
        elif isinstance(node, list):
            for value in node:
                walk(value)

    walk(blocks)
    return "\n".join(found)


def assert_compact(message: dict[str, Any], *, blocks: int = 12, chars: int = 1500) -> str:
    """The message is a card: fewer than `blocks` blocks and `chars` visible characters."""
    shown = visible_text(message.get("blocks") or [])
    assert len(message["blocks"]) < blocks, (len(message["blocks"]), shown)
    assert len(shown) < chars, (len(shown), shown)
    return shown


def apply_url(message: dict[str, Any]) -> str:
    """The `url` of the message's Apply button."""
    for block in message.get("blocks") or []:
        for element in block.get("elements") or []:
            if element.get("type") == "button" and element["text"]["text"] == "Apply":
                return str(element.get("url") or "")
    raise AssertionError(f"no Apply button in {text_of(message)}")


def jobs_card_call(call: Call) -> bool:
    """A post of the #jobs card itself (not a reply in its thread)."""
    return call.params.get("channel") == JOBS_CHANNEL and not call.params.get("thread_ts")
