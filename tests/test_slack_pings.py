"""Pings for the people who must act, and for nobody else, over signed requests to the real app
and the fake Slack Web API: approvers when a version waits for them (a user-group mention on the
review card, a DM to each approver named in NEWJOB_APPROVERS), the requester when changes are
asked, the approver who asked for changes when the new version arrives; nobody @-mentioned about
their own action."""

from __future__ import annotations

import json

from tests import slack_fixtures
from tests.fake_slack import Call, FakeSlack
from tests.newjob_app import Running, running_app
from tests.review_scenes import (
    draft_now,
    published,
    ready_draft,
    reply,
    review_post,
    submit,
    text_of,
    thread_posts,
    wait_until,
)
from tests.slack_requests import APPROVER, HIRING_MANAGER, REVIEW_CHANNEL, REVIEWER

fake_slack = slack_fixtures.fake_slack
GROUP = "S0HIRINGHR"


def _mention(user: str) -> str:
    return f"<@{user}>"


def _posts_to(run: Running, channel: str) -> list[Call]:
    return run.fake.calls(
        "chat.postMessage", predicate=lambda c: c.ok and c.params.get("channel") == channel
    )


def _said(call: Call) -> str:
    return str(call.params.get("text")) + json.dumps(call.params.get("blocks") or [])


def _waiting_dms(run: Running, user: str) -> list[Call]:
    dm = run.fake.workspace.dm_channel(user)
    return [c for c in _posts_to(run, dm) if "waiting for your approval" in _said(c)]


def test_approvers_are_pinged_and_nobody_about_their_own_action(
    fake_slack: FakeSlack, sqlite_url: str
) -> None:
    fake_slack.set_usergroup(GROUP, [REVIEWER])
    with running_app(fake_slack, sqlite_url, newjob_approvers=f"{GROUP},{APPROVER}") as run:
        draft, preview = ready_draft(run)
        draft = submit(run, preview, draft.id)

        # The card's first post mentions the approvers' group: that pings its members.
        [card] = [c for c in _posts_to(run, REVIEW_CHANNEL) if not c.params.get("thread_ts")]
        assert f"<!subteam^{GROUP}>" in _said(card)
        # The approver named by id hears by DM, with a link to the review.
        [dm] = wait_until(lambda: _waiting_dms(run, APPROVER), what="the approver's DM")
        assert "Network Technician" in _said(dm) and draft.permalink in _said(dm)
        # The requester isn't pinged about their own submission, anywhere.
        assert _mention(HIRING_MANAGER) not in _said(card)
        assert not _waiting_dms(run, HIRING_MANAGER)

        # Changes asked: the requester hears in their draft's DM thread, shown in the DM too;
        # the approver who asked is named, not pinged.
        reply(run, draft, "changes: please add the on-call rota", APPROVER)
        wait_until(lambda: draft_now(run, draft.id).status.value == "changes_requested")
        asked = wait_until(
            lambda: [
                c for c in _posts_to(run, draft.dm_channel) if "asked for changes" in _said(c)
            ],
            what="the requester's DM",
        )[0]
        assert asked.params["thread_ts"] == draft.dm_thread_ts
        assert asked.params["reply_broadcast"] is True
        assert "ada.approve asked for changes" in _said(asked)
        assert _mention(APPROVER) not in _said(asked)
        note = wait_until(
            lambda: [m for m in thread_posts(run, draft) if "requested changes" in text_of(m)]
        )[0]
        assert "ada.approve requested changes" in text_of(note)
        assert _mention(APPROVER) not in text_of(note)

        # The requester makes version 2: the approver who asked for changes is pinged in the
        # thread, with the group (it waits for them again); the requester is only named.
        dms_before = len(_waiting_dms(run, APPROVER))
        reply(run, draft, "add duty Take part in the on-call rota", HIRING_MANAGER)
        posted = wait_until(
            lambda: [m for m in thread_posts(run, draft) if "Version 2" in text_of(m)],
            what="version 2",
        )[0]
        head = posted["blocks"][0]["text"]["text"]
        assert head.startswith(
            f"{_mention(APPROVER)} <!subteam^{GROUP}>: *Version 2* by hana.hiring"
        )
        assert _mention(HIRING_MANAGER) not in text_of(posted)
        # …and no second ping by DM for the approver the thread already pinged.
        assert len(_waiting_dms(run, APPROVER)) == dms_before

        # A group member approves: named in the thread and on the card, never mentioned.
        reply(run, draft, "lgtm", REVIEWER)
        approved = wait_until(
            lambda: [m for m in thread_posts(run, draft) if "approved version 2" in text_of(m)],
            what="the approval",
        )[0]
        assert "rui.review approved version 2" in text_of(approved)
        assert _mention(REVIEWER) not in text_of(approved)
        published(run, draft.id)
        review_posts = _posts_to(run, REVIEW_CHANNEL)
        updates = run.fake.calls("chat.update")
        for call in [*review_posts, *updates]:
            assert _mention(REVIEWER) not in _said(call)
            assert _mention(HIRING_MANAGER) not in _said(call)


def test_an_approver_editing_in_review_pings_those_who_approved_before(
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
        # Both approvers were told by DM; the requester was not.
        wait_until(lambda: _waiting_dms(run, APPROVER) and _waiting_dms(run, REVIEWER))
        reply(run, draft, "lgtm", REVIEWER)
        wait_until(lambda: run.store.approvals(draft.id, 1), what="the first approval")
        # The other approver edits: version 2. The one who approved v1 must look again.
        reply(run, draft, "set pay 60000-70000 USD/year", APPROVER)
        posted = wait_until(
            lambda: [m for m in thread_posts(run, draft) if "Version 2" in text_of(m)],
            what="version 2",
        )[0]
        head = posted["blocks"][0]["text"]["text"]
        assert head.startswith(f"{_mention(REVIEWER)}: *Version 2* by ada.approve")
        assert _mention(APPROVER) not in text_of(posted)
        wait_until(lambda: "*v2*" in text_of(review_post(run, draft.id)), what="the card")
