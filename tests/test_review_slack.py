"""Review in Slack end to end: signed requests to the HTTP endpoint, the fake Slack Web API.

Submit → review post; refusals (non-approver, self-approval, checks); a thread edit making v2
with its diff and the parent updated; "lgtm" approving v2; publishing to the jobs channel with
the exports; redelivered events and double clicks counted once; Slack's 429s and failures.
"""

from __future__ import annotations

import time
from typing import Any

from bot.store import DraftStatus
from tests import (
    review_scenes,
    slack_fixtures,
)
from tests.fake_slack import FakeSlack
from tests.newjob_app import Running, running_app
from tests.review_scenes import (
    apply_url,
    assert_compact,
    click,
    draft_now,
    ephemerals,
    has_button,
    jobs_card_call,
    kinds,
    published,
    ready_draft,
    reply,
    review_post,
    submit,
    text_of,
    thread_posts,
    wait_ephemeral,
    wait_until,
)
from tests.slack_requests import (
    APPROVER,
    HIRING_MANAGER,
    JOBS_CHANNEL,
    REVIEW_CHANNEL,
    REVIEWER,
)

fake_slack = slack_fixtures.fake_slack


run = review_scenes.app_with_an_approver


# ------------------------------------------------------------------ the dialogue, as a manager


def _latest(run: Running) -> dict[str, Any]:
    call = run.fake.calls("chat.postMessage")[-1]
    return run.fake.message(call.response["channel"], call.response["ts"])  # type: ignore[index]


def _step(run: Running, act: Any) -> None:
    before = run.fake.count("chat.postMessage")
    act()
    run.fake.wait_for("chat.postMessage", count=before + 1)


def _dialogue_to_preview(run: Running) -> dict[str, Any]:
    """/newjob network technician, answered like a manager in Denver would; the preview."""
    assert run.slack.command("network technician").status_code == 200
    [reply_call] = run.fake.wait_for("response_url")
    # The exact title of a curated role: no "could mean more than one job", the draft starts.
    assert "pick_role" not in str(reply_call.params)
    assert "Starting your *network technician* draft" in str(reply_call.params["text"])
    run.fake.wait_for("chat.postMessage", count=2)
    thread = str(run.fake.calls("chat.postMessage")[0].response["ts"])  # type: ignore[index]
    for label in ("Use the suggestion", "Mid", "On-site"):
        message = _latest(run)
        _step(run, lambda m=message, lbl=label: click(run, m, lbl, HIRING_MANAGER))
    for text in ("Denver, CO", "full time", "55k-65k", "1-3", "all"):
        _step(run, lambda t=text: run.slack.message(t, thread_ts=thread))
    for text in ("https://acme.example.com/jobs/42", "in 30 days"):
        _step(run, lambda t=text: run.slack.message(t, thread_ts=thread))
    # Team, benefits (left out: Colorado's law wants them, which the review shows), schedule and
    # what happens next.
    for text in ("skip", "skip", "skip", "skip"):
        _step(run, lambda t=text: run.slack.message(t, thread_ts=thread))
    preview = _latest(run)
    assert "Submit for review" in text_of(preview)
    return preview


def test_submit_review_edit_approve_publish(run: Running) -> None:
    preview = _dialogue_to_preview(run)
    [draft] = run.store.drafts_for(HIRING_MANAGER)
    assert draft.status is DraftStatus.READY

    # Submit → the review card: the decision first, then the buttons; the posting behind one.
    draft = submit(run, preview, draft.id)
    assert draft.status is DraftStatus.IN_REVIEW and draft.review_channel == REVIEW_CHANNEL
    post = review_post(run, draft.id)
    shown = assert_compact(post)
    for expected in (
        "Network Technician",
        "*v1*",
        "in review",
        "requested by hana.hiring",
        "Denver, CO · On-site",
        "Full-time",
        "$55,000 – $65,000 a year",
        "below the local range ($80,880 – $86,100 a year)",
        "BLS OEWS, May 2025",
        "Closes",
        "Checks:",
        "Colorado",  # the pay-transparency error: Colorado wants the benefits described
    ):
        assert expected in shown, expected
    assert f"<@{HIRING_MANAGER}>" not in text_of(post)  # they submitted it: no ping
    assert "Answer support tickets" not in shown  # the duties are behind View full posting
    for label in ("Approve", "Request changes", "Edit", "View full posting", "Approve anyway…"):
        assert has_button(post, label), label
    assert draft.permalink.startswith("https://")  # the review thread, until it is published
    note = run.fake.wait_for("chat.postMessage", predicate=lambda c: "for review" in str(c.text))
    assert note[-1].params["channel"] == draft.dm_channel

    # A reviewer who is not an approver: refused, privately; nothing changes.
    click(run, post, "Approve", REVIEWER)
    assert "Only the approvers" in wait_ephemeral(run, REVIEWER)
    # The requester approving their own draft: refused.
    click(run, post, "Approve", HIRING_MANAGER)
    assert "can't approve it yourself" in wait_ephemeral(run, HIRING_MANAGER)
    # An approver, while the checks' error stands: refused, told how to fix or override.
    reply(run, draft, "lgtm", APPROVER)
    assert "Approve anyway" in wait_ephemeral(run, APPROVER)
    assert run.store.approvals(draft.id, 1) == []
    assert draft_now(run, draft.id).status is DraftStatus.IN_REVIEW

    # A thread edit: version 2 with its diff in the thread, the parent updated in place.
    updates = run.fake.count("chat.update")
    reply(run, draft, "add benefit Health, dental and vision insurance", APPROVER)
    wait_until(lambda: draft_now(run, draft.id).current_version == 2, what="version 2")
    run.fake.wait_for("chat.update", count=updates + 1)
    version_post = wait_until(
        lambda: [m for m in thread_posts(run, draft) if "Version 2" in text_of(m)], what="diff"
    )[0]
    assert "Benefits: added “Health, dental and vision insurance”" in text_of(version_post)
    post = review_post(run, draft.id)
    assert "*v2*" in text_of(post) and "Colorado" not in text_of(post)
    assert not has_button(post, "Approve anyway…")  # the error is fixed
    # The whole posting, in a modal: the new benefit, the duties, the reviewers' notes.
    opened = run.fake.count("views.open")
    click(run, post, "View full posting", REVIEWER)
    modal = run.fake.wait_for("views.open", count=opened + 1)[-1].response["view"]  # type: ignore[index]
    for expected in ("Health, dental and vision", "Answer support tickets", "BLS OEWS", "Checks:"):
        assert expected in text_of(modal), expected

    # An approver replies "lgtm" to version 2: approved, published to the jobs channel.
    reply(run, draft, "LGTM :+1:", APPROVER)
    done = published(run, draft.id)
    assert [a.approver for a in run.store.approvals(draft.id, 2)] == [APPROVER]
    [jobs_post] = run.fake.calls("chat.postMessage", predicate=jobs_card_call)
    job = run.fake.message(JOBS_CHANNEL, done.jobs_ts)
    assert job["ts"] == jobs_post.response["ts"]  # type: ignore[index]
    assert_compact(job)
    assert apply_url(job) == "https://acme.example.com/jobs/42"
    assert done.permalink.startswith("https://") and JOBS_CHANNEL in done.permalink

    # The exports, to the people who made it: the requester's DM thread and the review thread.
    files = wait_until(
        lambda: (f := [f for f in run.fake.files() if f.completed]) and len(f) == 6 and f,
        what="files",
    )
    where = sorted((f.channels[0], f.thread_ts) for f in files)
    assert where == sorted(
        [(done.dm_channel, done.dm_thread_ts)] * 3 + [(REVIEW_CHANNEL, done.review_ts)] * 3
    )
    assert sorted(f.filename.rsplit(".", 1)[1] for f in files[:3]) == ["html", "json", "md"]
    html = next(f for f in files if f.filename.endswith(".html")).text
    assert "application/ld+json" in html and "JobPosting" in html
    as_json = next(f for f in files if f.filename.endswith(".json")).text
    assert '"title": "Network Technician"' in as_json
    assert "# Network Technician" in next(f for f in files if f.filename.endswith(".md")).text

    # The parent shows it published; the requester hears in a DM.
    wait_until(lambda: "Published in" in text_of(review_post(run, draft.id)), what="parent")
    assert not has_button(review_post(run, draft.id), "Approve")
    dm = wait_until(
        lambda: run.fake.calls(
            "chat.postMessage",
            predicate=lambda c: (
                c.params.get("channel") == draft.dm_channel and "is published" in str(c.text)
            ),
        ),
        what="the DM",
    )
    assert done.permalink in str(dm[0].text)

    history = kinds(run, draft.id)
    for kind in ("created", "answered", "submitted", "refused", "edited", "approved", "published"):
        assert kind in history, kind
    assert history.count("published") == 1 and history.count("approved") == 1
    refused = [e for e in run.store.history(draft.id) if e.kind == "refused"]
    assert {e.detail["reason"] for e in refused} == {"not_approver", "own_draft", "checks"}
    assert {e.actor for e in refused} == {REVIEWER, HIRING_MANAGER, APPROVER}


def test_set_pay_makes_v2_and_old_version_buttons_are_stale(run: Running) -> None:
    draft, preview = ready_draft(run)
    draft = submit(run, preview, draft.id)
    v1_post = review_post(run, draft.id)
    updates = run.fake.count("chat.update")
    reply(run, draft, "set pay 60000-70000 USD/year", HIRING_MANAGER)  # the requester may edit
    wait_until(lambda: draft_now(run, draft.id).current_version == 2, what="v2")
    run.fake.wait_for("chat.update", count=updates + 1)
    diff = wait_until(lambda: [m for m in thread_posts(run, draft) if "Version 2" in text_of(m)])
    assert "Pay: $55,000 – $65,000 a year → $60,000 – $70,000 a year" in text_of(diff[0])
    assert "version 2" in text_of(review_post(run, draft.id))
    # Approve clicked on the post as it was for version 1: refused, v2 needs its own approval.
    click(run, v1_post, "Approve", APPROVER)
    assert "at version 2 now" in wait_ephemeral(run, APPROVER)
    assert run.store.approvals(draft.id, 1) == [] and run.store.approvals(draft.id, 2) == []
    # Other edits by reply, and a bad one answered with the problem, not a guess.
    for text, version in (
        ("set location Boulder, CO", 3),
        ("set type part-time", 4),
        ("remove duty 3", 5),
        ("set closing date in 60 days", 6),
    ):
        reply(run, draft, text, APPROVER)
        wait_until(lambda: draft_now(run, draft.id).current_version == version, what=text)  # noqa: B023
    posting = run.store.version(draft.id)
    assert posting is not None
    assert posting.posting["location"]["city"] == "Boulder"
    assert posting.posting["employment_type"] == "PART_TIME"
    assert len(posting.posting["responsibilities"]) == 2
    reply(run, draft, "remove duty 9", APPROVER)
    assert "no Responsibilities item 9" in wait_ephemeral(run, APPROVER, count=2)
    reply(run, draft, "set pay lots", APPROVER)
    assert "Pay" in wait_ephemeral(run, APPROVER, count=3)
    assert draft_now(run, draft.id).current_version == 6
    # A non-approver may not edit.
    reply(run, draft, "set pay 90000-99000 USD/year", REVIEWER)
    assert "so nothing changed" in wait_ephemeral(run, REVIEWER)
    assert draft_now(run, draft.id).current_version == 6


def test_same_event_twice_and_double_clicks_count_once(
    fake_slack: FakeSlack, sqlite_url: str
) -> None:
    with running_app(
        fake_slack,
        sqlite_url,
        newjob_approvers=f"{APPROVER},{REVIEWER}",
        newjob_required_approvals=2,
    ) as run:
        draft, preview = ready_draft(run)
        draft = submit(run, preview, draft.id)
        reply(run, draft, "approve ✅", APPROVER)
        wait_until(lambda: run.store.approvals(draft.id, 1), what="the first approval")
        # Slack delivers the same event again (same event_id, as a retry).
        assert run.slack.resend().status_code == 200
        # …and the approver also clicks the button, twice.
        post = review_post(run, draft.id)
        click(run, post, "Approve", APPROVER)
        click(run, post, "Approve", APPROVER)
        wait_ephemeral(run, APPROVER, count=2)
        assert "counts once" in ephemerals(run, APPROVER)[-1]
        assert len(run.store.approvals(draft.id, 1)) == 1
        assert kinds(run, draft.id).count("approved") == 1
        assert draft_now(run, draft.id).status is DraftStatus.IN_REVIEW
        approved_notes = [m for m in thread_posts(run, draft) if "approved version 1" in text_of(m)]
        assert len(approved_notes) == 1 and "(1 of 2)" in text_of(approved_notes[0])
        # The second approver: now it is published, once.
        click(run, review_post(run, draft.id), "Approve", REVIEWER)
        published(run, draft.id)
        click(run, post, "Approve", REVIEWER)
        wait_ephemeral(run, REVIEWER)
        assert len(run.store.approvals(draft.id, 1)) == 2
        jobs = run.fake.calls("chat.postMessage", predicate=jobs_card_call)
        assert len(jobs) == 1 and kinds(run, draft.id).count("published") == 1


def test_request_changes_then_requester_edits_with_the_modal(run: Running) -> None:
    draft, preview = ready_draft(run)
    draft = submit(run, preview, draft.id)
    post = review_post(run, draft.id)
    # A non-approver can't send it back.
    click(run, post, "Request changes", REVIEWER)
    assert "Only the approvers" in wait_ephemeral(run, REVIEWER)
    click(run, post, "Request changes", APPROVER)
    [opened] = run.fake.wait_for("views.open")
    view = opened.response["view"]  # type: ignore[index]
    empty = run.slack.view_submission(view, {("comment", "value"): "  "}, user_id=APPROVER)
    assert empty.json()["response_action"] == "errors"
    comment = "The range is below our band. Make it 60k-70k <!channel>"
    response = run.slack.view_submission(view, {("comment", "value"): comment}, user_id=APPROVER)
    assert response.status_code == 200
    wait_until(lambda: draft_now(run, draft.id).status is DraftStatus.CHANGES_REQUESTED)
    dm = run.fake.wait_for(
        "chat.postMessage",
        predicate=lambda c: (
            c.params.get("channel") == draft.dm_channel and "asked for changes" in str(c.text)
        ),
    )[0]
    assert "> The range is below our band. Make it 60k-70k &lt;!channel&gt;" in str(dm.text)
    assert "<!channel>" not in str(dm.params)
    wait_until(lambda: "changes requested" in text_of(review_post(run, draft.id)))
    # Approving now is refused: changes were asked for.
    reply(run, draft, "approved", APPROVER)
    assert "Changes were requested" in wait_ephemeral(run, APPROVER)
    # Only the requester has Edit.
    post = review_post(run, draft.id)
    click(run, post, "Edit", APPROVER)
    assert "Only the person who asked" in wait_ephemeral(run, APPROVER, count=2)
    click(run, post, "Edit", HIRING_MANAGER)
    edit_open = run.fake.wait_for("views.open", count=2)[-1]
    form = edit_open.response["view"]  # type: ignore[index]
    assert form["callback_id"] == "edit_posting"
    response = run.slack.view_submission(form, {("pay", "value"): "60k-70k"})
    assert response.status_code == 200
    wait_until(lambda: draft_now(run, draft.id).current_version == 2, what="v2")
    diff = wait_until(lambda: [m for m in thread_posts(run, draft) if "Version 2" in text_of(m)])
    assert "$60,000 – $70,000 a year" in text_of(diff[0]) and "back in review" in text_of(diff[0])
    assert draft_now(run, draft.id).status is DraftStatus.IN_REVIEW
    wait_until(lambda: "in review" in text_of(review_post(run, draft.id)))
    history = run.store.history(draft.id)
    [changes] = [e for e in history if e.kind == "changes_requested"]
    assert (
        changes.actor == APPROVER
        and changes.version == 1
        and "60k-70k" in changes.detail["comment"]
    )


def test_checks_errors_block_approval_until_overridden_with_a_reason(run: Running) -> None:
    draft, preview = ready_draft(run, benefits=[])  # Colorado wants benefits described
    draft = submit(run, preview, draft.id)
    post = review_post(run, draft.id)
    assert "block approval" in text_of(post)
    reply(run, draft, "Approve", APPROVER)
    assert "1 error blocks approval" in wait_ephemeral(run, APPROVER)
    assert run.store.approvals(draft.id, 1) == []
    # Approve anyway: a non-approver may not; an approver must say why.
    click(run, post, "Approve anyway…", REVIEWER)
    assert "Only the approvers" in wait_ephemeral(run, REVIEWER)
    click(run, post, "Approve anyway…", APPROVER)
    [opened] = run.fake.wait_for("views.open")
    view = opened.response["view"]  # type: ignore[index]
    assert "benefits" in text_of(view)
    short = run.slack.view_submission(view, {("reason", "value"): "ok"}, user_id=APPROVER)
    assert short.json()["response_action"] == "errors"
    reason = "Benefits are on the careers page the link goes to; legal agreed."
    response = run.slack.view_submission(view, {("reason", "value"): reason}, user_id=APPROVER)
    assert response.status_code == 200
    published(run, draft.id)
    [override] = [e for e in run.store.history(draft.id) if e.kind == "override"]
    assert override.actor == APPROVER and override.version == 1
    assert override.detail["reason"] == reason and override.detail["errors"]
    note = wait_until(lambda: [m for m in thread_posts(run, draft) if "despite" in text_of(m)])
    assert "legal agreed" in text_of(note[0])
    wait_until(lambda: "Checks overridden" in text_of(review_post(run, draft.id)), what="note")


def test_no_review_channel_says_how_to_set_one(fake_slack: FakeSlack, sqlite_url: str) -> None:
    with running_app(fake_slack, sqlite_url, newjob_review_channel="") as run:
        draft, preview = ready_draft(run)
        click(run, preview, "Submit for review", HIRING_MANAGER)
        text = wait_ephemeral(run, HIRING_MANAGER)
        assert "NEWJOB_REVIEW_CHANNEL" in text and "C0123456789" in text and ".env" in text
        assert draft_now(run, draft.id).status is DraftStatus.READY
        assert kinds(run, draft.id).count("submitted") == 0


def test_a_429_is_retried_and_a_post_that_fails_for_good_is_told(run: Running) -> None:
    draft, preview = ready_draft(run)
    # Slack answers the review post with 500s until the client gives up.
    run.fake.fail_next("chat.postMessage", status=500, times=3)
    click(run, preview, "Submit for review", HIRING_MANAGER)
    assert "couldn't post to the review channel" in wait_ephemeral(run, HIRING_MANAGER)
    assert draft_now(run, draft.id).status is DraftStatus.READY
    assert run.fake.count("chat.postMessage", predicate=lambda c: c.status == 500) == 3
    # Later, a 429 with Retry-After: the client waits it out and the post goes through.
    run.fake.fail_next("chat.postMessage", status=429, retry_after=1)
    started = time.monotonic()
    draft = submit(run, preview, draft.id)
    assert time.monotonic() - started >= 1.0
    assert draft.status is DraftStatus.IN_REVIEW
    review_calls = run.fake.calls(
        "chat.postMessage", predicate=lambda c: c.params.get("channel") == REVIEW_CHANNEL
    )
    assert [c.status for c in review_calls][-2:] == [429, 200]
    assert kinds(run, draft.id).count("submitted") == 1


def test_bot_not_in_the_review_channel(run: Running) -> None:
    draft, preview = ready_draft(run)
    run.fake.fail_next("chat.postMessage", status=200, error="not_in_channel")
    click(run, preview, "Submit for review", HIRING_MANAGER)
    text = wait_ephemeral(run, HIRING_MANAGER)
    assert "Invite @newjob" in text and f"<#{REVIEW_CHANNEL}>" in text
    assert draft_now(run, draft.id).status is DraftStatus.READY


def test_talk_in_the_thread_is_left_alone_and_half_commands_get_one_line(run: Running) -> None:
    draft, preview = ready_draft(run)
    draft = submit(run, preview, draft.id)
    posts = len(thread_posts(run, draft))
    reply(run, draft, "nice, we really need this role filled", REVIEWER)
    reply(run, draft, "What does the pay law in Colorado require?", REVIEWER)
    reply(run, draft, "set pya to 60k", REVIEWER)  # starts like a command: one line of help
    help_text = wait_ephemeral(run, REVIEWER)
    assert "`approve`" in help_text and "`changes: …`" in help_text
    assert "\n" not in help_text and len(help_text) < 160
    time.sleep(0.5)
    assert len(ephemerals(run, REVIEWER)) == 1
    assert len(thread_posts(run, draft)) == posts
    assert draft_now(run, draft.id).current_version == 1
    # Messages outside a review thread are not review business at all.
    run.slack.message("approve", user_id=APPROVER, channel_id=REVIEW_CHANNEL)
    time.sleep(0.3)
    assert ephemerals(run, APPROVER) == [] and run.store.approvals(draft.id, 1) == []


def test_changes_by_reply_and_the_requester_cannot_send_back_their_own(run: Running) -> None:
    draft, preview = ready_draft(run)
    draft = submit(run, preview, draft.id)
    reply(run, draft, "changes: please add the on-call rota", HIRING_MANAGER)
    assert "rather than asking for changes" in wait_ephemeral(run, HIRING_MANAGER)
    reply(run, draft, "Changes: please add the on-call rota", APPROVER)
    wait_until(lambda: draft_now(run, draft.id).status is DraftStatus.CHANGES_REQUESTED)
    note = wait_until(
        lambda: [m for m in thread_posts(run, draft) if "requested changes" in text_of(m)]
    )
    assert "on-call rota" in text_of(note[0])
    # A new version by reply puts it back in review.
    reply(run, draft, "add duty Take part in the on-call rota, one week in six", HIRING_MANAGER)
    wait_until(lambda: draft_now(run, draft.id).status is DraftStatus.IN_REVIEW)
    assert draft_now(run, draft.id).current_version == 2
    # The same edit again changes nothing: no version 3.
    reply(run, draft, "set pay 55000-65000 USD/year", HIRING_MANAGER)
    assert "already says" in wait_ephemeral(run, HIRING_MANAGER, count=2)
    assert draft_now(run, draft.id).current_version == 2


def test_app_home_lists_drafts_waiting_for_me_through_user_groups(
    fake_slack: FakeSlack, sqlite_url: str
) -> None:
    fake_slack.set_usergroup("S0HIRINGHR", [REVIEWER])
    with running_app(fake_slack, sqlite_url, newjob_approvers=f"S0HIRINGHR,{APPROVER}") as run:
        draft, preview = ready_draft(run)
        draft = submit(run, preview, draft.id)
        run.slack.home_opened(REVIEWER)
        wait_until(lambda: run.fake.home_view(REVIEWER), what="the reviewer's home")
        waiting = text_of(run.fake.home_view(REVIEWER) or {})
        assert "Waiting for your approval" in waiting and "Network Technician" in waiting
        assert draft.permalink in waiting
        assert run.fake.count("usergroups.users.list") >= 1
        # The requester sees it among their drafts, not as waiting for them.
        run.slack.home_opened(HIRING_MANAGER)
        wait_until(lambda: run.fake.home_view(HIRING_MANAGER), what="the requester's home")
        assert "requested by" not in text_of(run.fake.home_view(HIRING_MANAGER) or {})
        # The group member may approve.
        click(run, review_post(run, draft.id), "Approve", REVIEWER)
        published(run, draft.id)
        wait_until(
            lambda: "Approve" not in text_of(run.fake.home_view(REVIEWER) or {}),
            what="the reviewer's home without the draft",
        )


def test_webhook_failure_offers_retry_then_succeeds(fake_slack: FakeSlack, sqlite_url: str) -> None:
    url = fake_slack.webhook_url("ats")
    with running_app(
        fake_slack, sqlite_url, newjob_approvers=APPROVER, newjob_publish_webhook=url
    ) as run:
        draft, preview = ready_draft(run)
        draft = submit(run, preview, draft.id)
        fake_slack.fail_next("webhook", status=503, times=3)
        reply(run, draft, "lgtm", APPROVER)
        failure = wait_until(
            lambda: [m for m in thread_posts(run, draft) if has_button(m, "Retry publishing")],
            what="the Retry button",
        )[0]
        assert "publish webhook" in text_of(failure) and "HTTP 503" in text_of(failure)
        assert draft_now(run, draft.id).status is DraftStatus.APPROVED
        assert run.fake.count("webhook") == 3
        wait_until(lambda: has_button(review_post(run, draft.id), "Retry publishing"))
        # Retry: the jobs post and the files are not made again; the webhook gets the posting.
        click(run, failure, "Retry publishing", APPROVER)
        published(run, draft.id)
        delivered = run.fake.calls("webhook", predicate=lambda c: c.status == 200)
        assert len(delivered) == 1
        assert delivered[0].params["title"] == "Network Technician"
        assert delivered[0].headers["idempotency-key"] == f"newjob-draft-{draft.id}-v1"
        jobs = run.fake.calls("chat.postMessage", predicate=jobs_card_call)
        assert len(jobs) == 1 and len([f for f in run.fake.files() if f.completed]) == 6
        history = kinds(run, draft.id)
        assert history.count("publish_failed") == 1 and history.count("published") == 1
        # A second click on the old Retry button: nothing left to retry.
        click(run, failure, "Retry publishing", APPROVER)
        assert "nothing to retry" in wait_ephemeral(run, APPROVER)


def test_a_thread_post_that_fails_for_good_is_told_and_the_version_kept(run: Running) -> None:
    draft, preview = ready_draft(run)
    draft = submit(run, preview, draft.id)
    updates = run.fake.count("chat.update")
    run.fake.fail_next("chat.postMessage", status=500, times=3)
    reply(run, draft, "set pay 60000-70000 USD/year", APPROVER)
    told = wait_ephemeral(run, APPROVER)
    assert "couldn't post it in the review thread" in told and "internal_error" in told
    assert draft_now(run, draft.id).current_version == 2
    run.fake.wait_for("chat.update", count=updates + 1)
    assert "version 2" in text_of(review_post(run, draft.id))


def test_no_jobs_channel_then_retry_after_it_is_set(fake_slack: FakeSlack, sqlite_url: str) -> None:
    with running_app(
        fake_slack, sqlite_url, newjob_approvers=APPROVER, newjob_jobs_channel=""
    ) as run:
        draft, preview = ready_draft(run)
        draft = submit(run, preview, draft.id)
        reply(run, draft, "lgtm", APPROVER)
        failure = wait_until(
            lambda: [m for m in thread_posts(run, draft) if has_button(m, "Retry publishing")]
        )[0]
        assert "NEWJOB_JOBS_CHANNEL" in text_of(failure)
        assert draft_now(run, draft.id).status is DraftStatus.APPROVED
    # Whoever runs Newjob sets the jobs channel and restarts it; Retry now publishes.
    with running_app(fake_slack, sqlite_url, newjob_approvers=APPROVER) as run:
        click(run, failure, "Retry publishing", HIRING_MANAGER)
        published(run, draft.id)
        assert draft_now(run, draft.id).jobs_channel == JOBS_CHANNEL


def test_a_long_posting_fits_slacks_limits(run: Running) -> None:
    duties = [
        f"Duty number {n}: " + "keep the network healthy and documented " * 20 for n in range(40)
    ]
    draft, preview = ready_draft(
        run, responsibilities=duties, requirements=duties[:30], summary="Long summary. " * 214
    )
    draft = submit(run, preview, draft.id)
    post = review_post(run, draft.id)
    assert len(post["blocks"]) <= 50 and has_button(post, "Approve")
    reply(run, draft, "remove duty 40", APPROVER)
    wait_until(lambda: draft_now(run, draft.id).current_version == 2)
    reply(run, draft, "lgtm", APPROVER)
    published(run, draft.id)
    done = draft_now(run, draft.id)
    job = run.fake.message(JOBS_CHANNEL, done.jobs_ts)
    assert_compact(job)
    assert "and 34 more in the thread" in text_of(job)  # 5 of the 39 duties left
    # The whole description in the thread under it, cut to fit where it must be.
    [description] = [
        m
        for m in run.fake.messages(JOBS_CHANNEL, thread_ts=done.jobs_ts)
        if m["ts"] != done.jobs_ts
    ]
    assert len(description["blocks"]) <= 50 and "acme.example.com/jobs/42" in text_of(description)
    # The fake_slack fixture fails the test if Slack would have refused any of these messages.
