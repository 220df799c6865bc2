"""An approved or published posting changes only through a new draft: the state is checked in
the domain, under the same lock as the write, whichever door the edit comes through (the Edit
form opened earlier, the playground's `edit`, the domain itself), on SQLite and PostgreSQL."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.drafting import Drafting, EditRejected
from bot.settings import Settings
from bot.store import DraftStatus, Store
from tests import slack_fixtures
from tests.fake_slack import FakeSlack
from tests.newjob_app import Running, running_app
from tests.review_scenes import button, posting_data, ready_draft

fake_slack = slack_fixtures.fake_slack


@pytest.fixture
def run(fake_slack: FakeSlack, store_url: str) -> Iterator[Running]:
    with running_app(fake_slack, store_url) as running:
        yield running


@pytest.mark.parametrize("later", [DraftStatus.APPROVED, DraftStatus.PUBLISHED])
def test_an_edit_form_opened_earlier_cannot_change_a_published_posting(
    run: Running, later: DraftStatus
) -> None:
    draft, preview = ready_draft(run)
    # The requester opens Edit while the draft can still change…
    run.slack.block_action(button(preview, "Edit"), message=preview)
    [opened] = run.fake.wait_for("views.open")
    view = opened.response["view"]
    # …meanwhile it is sent for review, approved and (for one case) published…
    assert run.store.transition(draft.id, to=later, from_=[DraftStatus.READY])
    # …and then they press Save with a new pay.
    before = run.fake.count("chat.postMessage")
    response = run.slack.view_submission(view, {("pay", "value"): "90k-95k"})
    assert response.status_code == 200
    # A form submission has no channel: the requester is told in a direct message.
    [told] = run.fake.wait_for("chat.postMessage", count=before + 1)[before:]
    note = str(told.params["text"])
    assert "can't be changed" in note and "/newjob" in note
    stored = run.store.draft(draft.id)
    assert stored is not None and stored.current_version == 1 and stored.status is later
    [version] = run.store.versions(draft.id)
    assert version.posting["pay"]["minimum"] == 55000


@pytest.mark.parametrize(
    "state",
    [DraftStatus.APPROVED, DraftStatus.PUBLISHED, DraftStatus.CANCELLED],
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
