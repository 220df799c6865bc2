"""The compact cards, over signed requests to the real app and the fake Slack Web API: the review
card in the review channel (the decision first, the whole posting behind *View full posting*)
and the #jobs card (an Apply button, the whole description in its thread, the exports with the
people who made the posting rather than under the public post)."""

from __future__ import annotations

import datetime as dt

from tests import (
    review_scenes,
    slack_fixtures,
)
from tests.newjob_app import Running
from tests.review_scenes import (
    apply_url,
    assert_compact,
    click,
    draft_now,
    has_button,
    published,
    ready_draft,
    reply,
    review_post,
    submit,
    text_of,
    visible_text,
    wait_until,
)
from tests.slack_requests import APPROVER, JOBS_CHANNEL, REVIEW_CHANNEL, REVIEWER

fake_slack = slack_fixtures.fake_slack


run = review_scenes.app_with_an_approver


def test_review_card_puts_the_decision_first_and_the_posting_behind_a_button(run: Running) -> None:
    closes = dt.date.today() + dt.timedelta(days=30)
    draft, preview = ready_draft(run, benefits=[], pay={"minimum": 58000, "maximum": 68000})
    draft = submit(run, preview, draft.id)
    card = review_post(run, draft.id)
    shown = assert_compact(card)
    lines = shown.splitlines()
    # The title, then who asked for it, the version and the approvals.
    assert lines[0] == "Network Technician"
    assert "Draft #1 · *v1* · in review · requested by hana.hiring · approvals 0 of 1" in lines[1]
    # The offer against the local range the manager saw, with its source, once.
    assert "$58,000 – $68,000 a year" in shown
    assert "16% below the local range ($80,880 – $86,100 a year)" in shown
    assert shown.count("BLS OEWS, May 2025") == 1
    assert "Denver-Aurora-Centennial, CO" in shown
    for fact in ("Denver, CO · On-site", "Full-time", "Closes", f"{closes.day}, {closes.year}"):
        assert fact in shown, fact
    # The checks in one line, the error that blocks approval spelled out; then the buttons.
    checks = next(line for line in lines if line.startswith("*Checks:*"))
    assert checks.startswith("*Checks:* ⛔ 1 error · ⚠️ 1 warning")
    assert "Colorado" in shown
    assert card["blocks"][-1]["type"] == "actions"
    labels = [e["text"]["text"] for e in card["blocks"][-1]["elements"]]
    assert labels == ["Approve", "Request changes", "Edit", "View full posting", "Approve anyway…"]
    # Nothing of the body: the duties, requirements and summary are in the modal.
    assert "Install and configure switches" not in shown and "You will keep" not in shown

    # View full posting: a modal, opened at once with the click's trigger.
    click(run, card, "View full posting", REVIEWER)
    [opened] = run.fake.wait_for("views.open")
    modal = opened.response["view"]  # type: ignore[index]
    assert opened.params["trigger_id"]
    whole = visible_text(modal["blocks"])
    for expected in (
        "Install and configure switches",
        "A driving licence",
        "You will keep our customers' networks running",
        "$58,000 – $68,000 a year",
        "For you, not the posting: local pay",
    ):
        assert expected in whole, expected
    assert whole.count("BLS OEWS, May 2025") == 1
    # Every finding counted is shown: errors, warnings and the notes.
    summary = next(line for line in whole.splitlines() if line.startswith("*Checks:*"))
    assert "1 note" in summary
    assert whole.count("⛔ ") == 1 and whole.count("⚠️ ") == 1 and whole.count("ℹ️ ") == 1
    assert modal["title"]["text"] == "Full posting" and "submit" not in opened.params["view"]


def test_review_card_keeps_its_size_for_a_long_posting(run: Running) -> None:
    duties = [f"Duty {n}: " + "keep the network healthy and documented " * 20 for n in range(40)]
    draft, preview = ready_draft(
        run, responsibilities=duties, requirements=duties[:30], summary="Long summary. " * 214
    )
    draft = submit(run, preview, draft.id)
    assert_compact(review_post(run, draft.id))
    click(run, review_post(run, draft.id), "View full posting", REVIEWER)
    [opened] = run.fake.wait_for("views.open")
    assert len(opened.params["view"]["blocks"]) <= 100


def test_jobs_card_apply_button_description_in_thread_exports_to_the_makers(
    run: Running,
) -> None:
    duties = [
        "Install and configure switches, routers and wireless access points",
        "Find and fix network faults, and write down what you did",
        "Keep the inventory of network hardware up to date",
        "Answer support tickets and calls about network faults",
        "Test new equipment before it goes to a customer",
        "Train colleagues on the tools you use",
        "Keep customers informed while a fault is being fixed",
    ]
    draft, preview = ready_draft(run, responsibilities=duties)
    draft = submit(run, preview, draft.id)
    reply(run, draft, "lgtm", APPROVER)
    done = published(run, draft.id)
    card = run.fake.message(JOBS_CHANNEL, done.jobs_ts)
    shown = assert_compact(card)
    lines = shown.splitlines()
    assert lines[0] == "Network Technician"
    assert lines[1] == "*Acme Networks* · You will keep our customers' networks running."
    for fact in ("*Place*", "Denver, CO · On-site", "*Type*", "Full-time", "*Pay*", "*Closes*"):
        assert fact in lines, fact
    assert "$55,000 – $65,000 a year" in shown
    # Five duties of seven, and where the rest are.
    assert sum(1 for line in lines if line.startswith("• ")) == 5
    assert "…and 2 more in the thread" in shown
    # One way to apply: a button opening the application page; the link isn't repeated.
    assert apply_url(card) == "https://acme.example.com/jobs/42"
    assert "acme.example.com/jobs/42" not in shown
    # No "Date posted" (the message has its own time), no market figures, no checks.
    assert "posted" not in shown.lower() and "BLS" not in shown and "Checks" not in shown
    # Clicking Apply opens the link in Slack; the app acknowledges and does nothing else.
    before = len(run.fake.calls())
    click(run, card, "Apply", REVIEWER)
    assert [c.method for c in run.fake.calls()[before:]] == []

    # The whole description is the only reply under the public post.
    replies = [
        m
        for m in run.fake.messages(JOBS_CHANNEL, thread_ts=done.jobs_ts)
        if m["ts"] != done.jobs_ts
    ]
    assert len(replies) == 1 and not replies[0].get("files")
    description = visible_text(replies[0]["blocks"])
    for duty in duties:
        assert duty in description
    assert "A driving licence" in description

    # The exports: in the requester's DM thread and in the review thread, not in #jobs.
    files = wait_until(
        lambda: (f := [f for f in run.fake.files() if f.completed]) and len(f) == 6 and f,
        what="the exports",
    )
    assert {(f.channels[0], f.thread_ts) for f in files} == {
        (done.dm_channel, done.dm_thread_ts),
        (REVIEW_CHANNEL, done.review_ts),
    }
    assert all(JOBS_CHANNEL not in f.channels for f in files)
    # The review card says it's published, with no buttons left but the link.
    wait_until(lambda: "Published in" in text_of(review_post(run, draft.id)))
    assert not has_button(review_post(run, draft.id), "Approve")
    assert draft_now(run, draft.id).status.value == "published"
