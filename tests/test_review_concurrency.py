"""Two app instances sharing one PostgreSQL: approvers clicking at once on both are counted
exactly once each, and the posting is published exactly once."""

from __future__ import annotations

import threading

import pytest

from tests import slack_fixtures
from tests.fake_slack import Call, FakeSlack
from tests.newjob_app import Running, running_app
from tests.review_scenes import (
    button,
    draft_now,
    jobs_card_call,
    kinds,
    published,
    ready_draft,
    review_post,
    submit,
    wait_until,
)
from tests.slack_requests import APPROVER, JOBS_CHANNEL, REVIEWER

fake_slack = slack_fixtures.fake_slack

pytestmark = pytest.mark.postgres


def _race(one: Running, two: Running) -> None:
    """One draft; each approver clicks Approve on both instances, all four at the same moment."""
    draft, preview = ready_draft(one)
    draft = submit(one, preview, draft.id)
    post = review_post(one, draft.id)
    action = button(post, "Approve")
    clicks = [(one, APPROVER), (two, REVIEWER), (two, APPROVER), (one, REVIEWER)]
    start = threading.Barrier(len(clicks))
    statuses: list[int] = []

    def click(run: Running, user: str) -> None:
        start.wait()
        response = run.slack.block_action(action, message=post, user_id=user)
        statuses.append(response.status_code)

    threads = [threading.Thread(target=click, args=pair) for pair in clicks]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=15)
    assert statuses == [200] * 4

    published(one, draft.id)
    approvals = one.store.approvals(draft.id, 1)
    assert sorted(a.approver for a in approvals) == sorted([APPROVER, REVIEWER])
    history = kinds(one, draft.id)
    assert history.count("approved") == 2 and history.count("published") == 1
    jobs_ts = draft_now(one, draft.id).jobs_ts

    def this_posting(call: Call) -> bool:
        return (
            call.params.get("channel") == JOBS_CHANNEL
            and (call.response or {}).get("ts") == jobs_ts
        )

    assert len(one.fake.calls("chat.postMessage", predicate=this_posting)) == 1


def test_concurrent_approvals_on_two_instances_publish_once(
    fake_slack: FakeSlack, pg_url: str
) -> None:
    settings = {"newjob_approvers": f"{APPROVER},{REVIEWER}", "newjob_required_approvals": 2}
    with (
        running_app(fake_slack, pg_url, **settings) as one,
        running_app(fake_slack, pg_url, **settings) as two,
    ):
        for _round in range(3):
            _race(one, two)
        all_jobs = fake_slack.calls("chat.postMessage", predicate=jobs_card_call)
        assert len(all_jobs) == 3
        # three files each to the DM thread and the review thread, for each of the three drafts
        wait_until(lambda: len([f for f in fake_slack.files() if f.completed]) == 18, what="files")
