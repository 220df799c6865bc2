"""Living messages in the manager's DM, over signed requests to the real app and the fake Slack
Web API: an answered question loses its buttons and shows the answer; a preview, once
submitted, shows the draft's status instead of its buttons and follows it to publication; the
thread's first message says where the draft stands."""

from __future__ import annotations

from typing import Any

from tests import (
    review_scenes,
    slack_fixtures,
)
from tests.newjob_app import Running
from tests.review_scenes import (
    click,
    draft_now,
    has_button,
    published,
    ready_draft,
    reply,
    submit,
    visible_text,
    wait_until,
)
from tests.slack_requests import APPROVER, HIRING_MANAGER

fake_slack = slack_fixtures.fake_slack


run = review_scenes.app_with_an_approver


def _now(run: Running, message: dict[str, Any]) -> dict[str, Any]:
    return run.fake.message(run.fake.channel_of(message["ts"]), message["ts"])


def _latest(run: Running) -> dict[str, Any]:
    call = run.fake.calls("chat.postMessage")[-1]
    return run.fake.message(call.response["channel"], call.response["ts"])  # type: ignore[index]


def _live(message: dict[str, Any]) -> bool:
    return any(block["type"] == "actions" for block in message.get("blocks") or [])


def _step(run: Running, act: Any) -> dict[str, Any]:
    before = run.fake.count("chat.postMessage")
    act()
    run.fake.wait_for("chat.postMessage", count=before + 1)
    return _latest(run)


def test_answered_questions_lose_their_buttons_and_show_the_answer(run: Running) -> None:
    assert run.slack.command("network technician").status_code == 200
    run.fake.wait_for("chat.postMessage", count=2)
    thread = str(run.fake.calls("chat.postMessage")[0].response["ts"])  # type: ignore[index]
    company = _latest(run)
    level = _step(run, lambda: click(run, company, "Use the suggestion", HIRING_MANAGER))
    answered = _now(run, company)
    assert not _live(answered)
    assert visible_text(answered["blocks"]).endswith("✅ Use the suggestion")
    assert "1 of 14" in visible_text(answered["blocks"])  # the question itself stays

    workplace = _step(run, lambda: click(run, level, "Mid", HIRING_MANAGER))
    assert visible_text(_now(run, level)["blocks"]).endswith("✅ Mid")
    where = _step(run, lambda: click(run, workplace, "On-site", HIRING_MANAGER))
    assert visible_text(_now(run, workplace)["blocks"]).endswith("✅ On-site")
    assert not _live(_now(run, workplace))

    # A typed answer: the question above it loses its buttons too.
    kind = _step(run, lambda: run.slack.message("Denver, CO", thread_ts=thread))
    wait_until(lambda: not _live(_now(run, where)), what="the location question settled")
    assert visible_text(_now(run, where)["blocks"]).endswith("✅ Answered below")
    # Skip, by button: said as skipped.
    pay = _step(run, lambda: click(run, kind, "Skip", HIRING_MANAGER))
    assert visible_text(_now(run, kind)["blocks"]).endswith("⏭️ Skipped")
    # A typed answer that is refused: the question is asked again below, with the problem;
    # the copy above loses its buttons, so only one copy can be answered.
    again = _step(run, lambda: run.slack.message("lots of money", thread_ts=thread))
    assert "couldn't find an amount" in visible_text(again["blocks"]) and _live(again)
    assert visible_text(_now(run, pay)["blocks"]).endswith("↪️ Asked again below")
    # Only the open question has live buttons in the whole thread.
    messages = run.fake.messages(run.fake.channel_of(thread), thread_ts=thread)
    assert [m["ts"] for m in messages if _live(m)] == [again["ts"]]


def test_the_preview_and_the_thread_follow_the_draft_to_publication(run: Running) -> None:
    draft, preview = ready_draft(run)
    parent_ts = draft.dm_thread_ts
    assert has_button(preview, "Submit for review")
    draft = submit(run, preview, draft.id)
    settled = wait_until(
        lambda: (m := _now(run, preview)) and not _live(m) and m, what="the preview settled"
    )
    line = visible_text(settled["blocks"]).splitlines()[-1]
    assert line.startswith("📤 In review, version 1 · <https://") and draft.permalink in line
    parent = run.fake.message(draft.dm_channel, parent_ts)
    assert "in review" in parent["text"] and "Network Technician" in parent["text"]
    # Clicking the old Submit is no longer possible: the buttons are gone.
    assert not has_button(settled, "Submit for review") and not has_button(settled, "Edit")

    reply(run, draft, "lgtm", APPROVER)
    done = published(run, draft.id)
    wait_until(
        lambda: "✅ Published" in visible_text(_now(run, preview)["blocks"]),
        what="the preview published",
    )
    last = visible_text(_now(run, preview)["blocks"]).splitlines()[-1]
    assert last.startswith("✅ Published · <") and done.permalink in last
    assert visible_text(_now(run, preview)["blocks"]).count("📤 In review") == 0  # replaced
    wait_until(lambda: "published" in run.fake.message(draft.dm_channel, parent_ts)["text"])
    assert draft_now(run, draft.id).status.value == "published"
