"""App Home as a dashboard, over signed requests to the real app and the fake Slack Web API:
New posting (a modal, then the draft's DM), my drafts with Continue or Open, the drafts waiting
for my approval with Approve and Request changes, the postings published lately, and the tab
published again whenever a draft changes, not only when it is opened."""

from __future__ import annotations

from typing import Any

from tests import (
    review_scenes,
    slack_fixtures,
)
from tests.newjob_app import Running
from tests.review_scenes import (
    draft_now,
    published,
    ready_draft,
    reply,
    submit,
    text_of,
    visible_text,
    wait_until,
)
from tests.slack_requests import APPROVER, HIRING_MANAGER, REVIEWER

fake_slack = slack_fixtures.fake_slack


run = review_scenes.app_with_an_approver


def _home(run: Running, user: str) -> dict[str, Any]:
    return run.fake.home_view(user) or {"blocks": []}


def _buttons(view: dict[str, Any]) -> list[dict[str, Any]]:
    found = []
    for block in view.get("blocks") or []:
        found += [e for e in block.get("elements") or [] if e.get("type") == "button"]
        accessory = block.get("accessory")
        if accessory and accessory.get("type") == "button":
            found.append(accessory)
    return found


def _labels(view: dict[str, Any]) -> list[str]:
    return [b["text"]["text"] for b in _buttons(view)]


def _url_of(view: dict[str, Any], label: str) -> str:
    return next(str(b.get("url") or "") for b in _buttons(view) if b["text"]["text"] == label)


def test_an_empty_home_says_what_to_do_and_new_posting_starts_a_draft(run: Running) -> None:
    run.slack.home_opened(HIRING_MANAGER)
    home = wait_until(lambda: run.fake.home_view(HIRING_MANAGER), what="the home tab")
    shown = visible_text(home["blocks"])
    assert "Nothing here" not in shown
    assert "No drafts on the go. Click *New posting*" in shown
    assert "Nothing is waiting for your approval." in shown
    assert _labels(home) == ["➕ New posting"]

    # New posting: a modal asking for the title, opened with the click's trigger.
    response = run.slack.block_action("home_new_posting", view=home, user_id=HIRING_MANAGER)
    assert response.status_code == 200
    [opened] = run.fake.wait_for("views.open")
    modal = opened.response["view"]  # type: ignore[index]
    # A title nobody knows is said on the field; the modal stays open.
    unknown = run.slack.view_submission(modal, {("title", "value"): "qqzx flibbertigibbet"})
    assert unknown.json()["response_action"] == "errors"
    assert "I don't know a job called" in unknown.json()["errors"]["title"]
    started = run.slack.view_submission(modal, {("title", "value"): "network technician"})
    assert started.status_code == 200 and not started.content
    # The draft starts in a DM thread, as with /newjob; the home shows it with Continue.
    [draft] = wait_until(
        lambda: (d := run.store.drafts_for(HIRING_MANAGER)) and d[0].dm_thread_ts and d,
        what="the draft in its DM thread",
    )
    assert draft.title == "Network Technician" and draft.dm_thread_ts
    wait_until(lambda: "Continue" in _labels(_home(run, HIRING_MANAGER)), what="Continue")
    home = _home(run, HIRING_MANAGER)
    assert "*Network Technician* · being written" in visible_text(home["blocks"])
    continue_url = _url_of(home, "Continue")
    assert draft.dm_channel in continue_url and draft.dm_thread_ts.replace(".", "") in continue_url


def test_home_is_refreshed_as_the_draft_moves_and_approvers_act_from_it(run: Running) -> None:
    draft, preview = ready_draft(run)
    draft = submit(run, preview, draft.id)
    # Submitting published both tabs without anyone opening them.
    mine = wait_until(lambda: run.fake.home_view(HIRING_MANAGER), what="the requester's tab")
    assert "in review" in visible_text(mine["blocks"]) and "Open" in _labels(mine)
    assert _url_of(mine, "Open") == draft.permalink
    theirs = wait_until(lambda: run.fake.home_view(APPROVER), what="the approver's tab")
    shown = visible_text(theirs["blocks"])
    assert "*Network Technician* · v1 · requested by hana.hiring" in shown
    assert {"Approve", "Request changes", "Open"} <= set(_labels(theirs))
    assert run.fake.home_view(REVIEWER) is None  # not an approver: nothing to show them

    # Request changes from the tab: the same modal as on the card.
    run.slack.block_action("review_request_changes", view=theirs, user_id=APPROVER)
    [opened] = run.fake.wait_for("views.open")
    modal = opened.response["view"]  # type: ignore[index]
    run.slack.view_submission(
        modal, {("comment", "value"): "Add the on-call rota"}, user_id=APPROVER
    )
    wait_until(
        lambda: "changes requested" in visible_text(_home(run, HIRING_MANAGER)["blocks"]),
        what="the requester's tab showing changes requested",
    )
    assert "Continue" in _labels(_home(run, HIRING_MANAGER))
    # The requester's new version puts it back in front of the approver.
    reply(run, draft, "add duty Take part in the on-call rota", HIRING_MANAGER)
    wait_until(
        lambda: "v2 · requested by" in visible_text(_home(run, APPROVER)["blocks"]),
        what="v2 waiting on the approver's tab",
    )
    # Approve from the tab: published, and the tabs say so.
    run.slack.block_action("review_approve", view=_home(run, APPROVER), user_id=APPROVER)
    published(run, draft.id)
    wait_until(
        lambda: (
            "Recently published" in text_of(_home(run, APPROVER))
            and "published" in visible_text(_home(run, APPROVER)["blocks"]).split("Recently")[1]
            and "Approve" not in _labels(_home(run, APPROVER))
        ),
        what="the approver's tab after publishing",
    )
    shown = visible_text(_home(run, HIRING_MANAGER)["blocks"])
    assert "No drafts on the go" in shown
    assert "*Network Technician* · published" in shown
    assert draft_now(run, draft.id).permalink in text_of(_home(run, HIRING_MANAGER))
