"""An approved or published posting changes only through a new draft: the state is checked in
the domain, under the same lock as the write, whichever door the edit comes through (the Edit
form opened earlier, the playground's `edit`, the domain itself), on SQLite and PostgreSQL.
A published posting changes through a new version that is reviewed again, while candidates
keep seeing the published one; a form opened on an older version never overwrites a newer."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.drafting import Drafting, EditRejected
from bot.faq.service import Faq
from bot.settings import Settings
from bot.store import DraftStatus, Store
from tests import slack_fixtures
from tests.fake_slack import FakeSlack
from tests.newjob_app import Running, running_app
from tests.review_scenes import (
    button,
    draft_now,
    posting_data,
    published,
    ready_draft,
    reply,
    submit,
    text_of,
    thread_posts,
    wait_until,
)
from tests.slack_requests import REVIEWER

fake_slack = slack_fixtures.fake_slack
STRANGER = "U0STRANGER"


@pytest.fixture
def run(fake_slack: FakeSlack, store_url: str) -> Iterator[Running]:
    with running_app(fake_slack, store_url) as running:
        yield running


def test_an_edit_form_opened_earlier_cannot_change_a_posting_being_published(
    run: Running,
) -> None:
    draft, preview = ready_draft(run)
    # The requester opens Edit while the draft can still change…
    run.slack.block_action(button(preview, "Edit"), message=preview)
    [opened] = run.fake.wait_for("views.open")
    view = opened.response["view"]
    # …meanwhile it is sent for review and approved (publishing under way)…
    assert run.store.transition(draft.id, to=DraftStatus.APPROVED, from_=[DraftStatus.READY])
    # …and then they press Save with a new pay.
    before = run.fake.count("chat.postMessage")
    response = run.slack.view_submission(view, {("pay", "value"): "90k-95k"})
    assert response.status_code == 200
    # A form submission has no channel: the requester is told in a direct message.
    [told] = run.fake.wait_for("chat.postMessage", count=before + 1)[before:]
    assert "being published" in str(told.params["text"])
    stored = run.store.draft(draft.id)
    assert stored is not None and stored.current_version == 1
    assert stored.status is DraftStatus.APPROVED
    [version] = run.store.versions(draft.id)
    assert version.posting["pay"]["minimum"] == 55000


def _pay_answer(run: Running, asker: str) -> str:
    return Faq(run.store).ask("What does the network technician job pay?", asker=asker).answer


def test_changing_a_published_posting_goes_through_review_again(run: Running) -> None:
    """The tester's case: Edit opened in review, saved after the posting was published. The
    save makes version 2 in review; candidates keep reading version 1 until it is approved."""
    draft, preview = ready_draft(run)
    run.slack.block_action(button(preview, "Edit"), message=preview)
    [opened] = run.fake.wait_for("views.open")
    view = opened.response["view"]
    submit(run, preview, draft.id)
    reply(run, draft_now(run, draft.id), "lgtm", REVIEWER)
    first = published(run, draft.id)
    jobs_post = run.fake.message(first.jobs_channel, first.jobs_ts)
    assert "55,000" in text_of(jobs_post)

    response = run.slack.view_submission(view, {("pay", "value"): "90k-95k"})
    assert response.status_code == 200
    told = run.fake.wait_for(
        "chat.postMessage",
        predicate=lambda c: "candidates keep seeing" in str(c.params.get("text")),
    )
    assert "version 2" in str(told[-1].params["text"])
    revising = draft_now(run, draft.id)
    assert revising.status is DraftStatus.IN_REVIEW and revising.current_version == 2
    assert run.store.published_version(draft.id) == 1
    # What candidates read has not changed: the jobs message, and the FAQ to a stranger.
    assert "55,000" in text_of(run.fake.message(first.jobs_channel, first.jobs_ts))
    answer = _pay_answer(run, STRANGER)
    assert "55,000" in answer and "90,000" not in answer and "version 1" in answer
    # The new version is in the review thread for approval.
    wait_until(
        lambda: any("Version 2" in text_of(m) for m in thread_posts(run, revising)),
        what="version 2 in the review thread",
    )
    # Approved: version 2 is published in place of version 1.
    reply(run, revising, "lgtm", REVIEWER)
    wait_until(lambda: run.store.published_version(draft.id) == 2, what="version 2 published")
    after = draft_now(run, draft.id)
    assert after.status is DraftStatus.PUBLISHED and after.jobs_ts == first.jobs_ts
    wait_until(
        lambda: "90,000" in text_of(run.fake.message(first.jobs_channel, first.jobs_ts)),
        what="the jobs message updated",
    )
    assert "90,000" in _pay_answer(run, STRANGER)


def test_a_form_opened_on_an_older_version_does_not_overwrite_a_newer_one(run: Running) -> None:
    draft, preview = ready_draft(run)
    run.slack.block_action(button(preview, "Edit"), message=preview)
    [opened] = run.fake.wait_for("views.open")
    view = opened.response["view"]
    submit(run, preview, draft.id)
    # A reviewer makes version 2 in the thread while the form is open on version 1.
    reply(run, draft_now(run, draft.id), "set team Field Operations", REVIEWER)
    wait_until(lambda: draft_now(run, draft.id).current_version == 2, what="version 2")
    response = run.slack.view_submission(view, {("pay", "value"): "90k-95k"})
    assert response.status_code == 200
    told = run.fake.wait_for(
        "chat.postMessage",
        predicate=lambda c: "new version while you were working" in str(c.params.get("text")),
    )
    assert told
    assert draft_now(run, draft.id).current_version == 2
    latest = run.store.version(draft.id)
    assert latest is not None and latest.posting["team"] == "Field Operations"
    assert latest.posting["pay"]["minimum"] == 55000


@pytest.mark.parametrize(
    "state",
    [DraftStatus.APPROVED, DraftStatus.CANCELLED],
)
def test_the_domain_refuses_a_new_version_once_the_draft_has_moved_on(
    store: Store, state: DraftStatus
) -> None:
    drafting = Drafting(store, Settings(_env_file=None))  # type: ignore[call-arg]
    draft = store.create_draft(
        team_id="T0NEWJOB01",
        requester="U0HIRING01",
        title="Network Technician",
        role_key="network_technician",
        dm_channel="D0HIRING01",
        dm_thread_ts="1.0",
    )
    store.add_version(draft.id, posting_data(), author="U0HIRING01")
    assert store.transition(draft.id, to=state, from_=[DraftStatus.DRAFTING])
    stale = store.draft(draft.id)
    assert stale is not None
    with pytest.raises(EditRejected) as refused:
        drafting.edit(stale, {"team": "a new team"}, actor="U0HIRING01")
    assert "can't be changed" in refused.value.problems["posting"]
    assert len(store.versions(draft.id)) == 1
    # While it can still change, the same edit makes version 2.
    assert store.transition(draft.id, to=DraftStatus.READY, from_=[state])
    fresh = store.draft(draft.id)
    assert fresh is not None
    saved = drafting.edit(fresh, {"team": "a new team"}, actor="U0HIRING01")
    assert saved is not None and saved[1] == 2
