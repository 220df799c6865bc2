"""Drafts live until they are done (issue 14, item 6): `/newjob list` and `/newjob open N` in
Slack, `list` and `open N` in the playground, reopen an unfinished draft where it stopped, after
a restart as well."""

from __future__ import annotations

import json

from bot.settings import Settings
from bot.store import DraftStatus, Store
from bot.terminal.playground import Playground
from tests import slack_fixtures
from tests.fake_slack import FakeSlack
from tests.newjob_app import running_app
from tests.slack_requests import GENERAL_CHANNEL, HIRING_MANAGER, REVIEWER
from tests.test_slack_dialogue import all_text, click, latest, say_in_thread, start

fake_slack = slack_fixtures.fake_slack


def _playground(url: str, user: str = "hana") -> Playground:
    store = Store(url)
    store.migrate()
    settings = Settings(_env_file=None, database_url=url, newjob_company_name="Acme Networks")  # type: ignore[call-arg]
    return Playground(store, settings, user=user)


def _say(playground: Playground, line: str) -> str:
    return "\n".join(playground.handle(line))


FULL = (
    "ok", "mid", "on-site", "Denver, CO", "full-time", "60k-70k", "all", "all",
    "jobs@acme.example.com", "in 30 days", "the network team", "Medical; dental",
    "Mon-Fri 8-5", "We reply within a week",
)  # fmt: skip


def test_open_reopens_drafts_after_a_restart_in_the_terminal(sqlite_url: str) -> None:
    first = _playground(sqlite_url)
    _say(first, "/newjob network technician")
    _say(first, "1")
    for answer in FULL:
        _say(first, answer)
    finished = first.store.drafts_for("hana")[0]
    assert finished.status is DraftStatus.READY
    _say(first, "/newjob registered nurse")
    _say(first, "Acme Health")
    _say(first, "senior")
    [unfinished] = [d for d in first.store.drafts_for("hana") if d.id != finished.id]
    first.store.dispose()

    again = _playground(sqlite_url)
    assert "[3 of 14]" in "\n".join(again.greet())  # the latest unfinished one carries on
    # "list" and "open N" are commands during the questions too.
    listing = _say(again, "list")
    assert f"#{finished.id}" in listing and f"#{unfinished.id}" in listing
    out = _say(again, f"open {finished.id}")
    assert "where you left off" in out and "Here is your draft" in out and "Checks:" in out
    assert "$60,000" in _say(again, "show")
    assert "version 2" in _say(again, "edit pay 62k-72k")
    out = _say(again, f"open {unfinished.id}")
    assert "[3 of 14]" in out
    assert "[4 of 14]" in _say(again, "on-site")
    again.store.dispose()

    # A finished draft is still the one "show" means after a restart.
    third = _playground(sqlite_url)
    third.greet()
    assert "[4 of 14]" in _say(third, f"open {unfinished.id}")
    out = _say(third, f"open {finished.id}")
    assert "$62,000" in out
    assert "no draft #999" in _say(third, "open 999")
    other = _playground(sqlite_url, user="ola")
    assert f"no draft #{finished.id}" in _say(other, f"open {finished.id}")


def test_list_and_open_reopen_drafts_in_slack(fake_slack: FakeSlack, store_url: str) -> None:
    with running_app(fake_slack, store_url) as run:
        thread = start(run)
        click(run, latest(run), "Use the suggestion")
        click(run, latest(run), "Mid")
        [draft] = run.store.drafts_for(HIRING_MANAGER)
    # A restart: a new app over the same database.
    with running_app(fake_slack, store_url) as run:
        before = len(run.fake.calls("response_url"))
        assert run.slack.command("list").status_code == 200
        listing = run.fake.wait_for("response_url", count=before + 1)[-1]
        blocks = listing.params["blocks"]
        assert f"Reopen #{draft.id}" in json.dumps(blocks, ensure_ascii=False)
        posts = len(run.fake.calls("chat.postMessage"))
        message = {"ts": run.fake.next_ts(), "blocks": blocks}
        run.slack.block_action(
            f"draft_reopen_{draft.id}", message=message, channel_id=GENERAL_CHANNEL
        )
        run.fake.wait_for("chat.postMessage", count=posts + 1)
        reopened = latest(run)
        assert reopened["thread_ts"] == thread
        text = all_text(reopened["blocks"])
        assert "where you left off" in text and "3 of 14" in text
        say_in_thread(run, thread, "on-site")
        assert "4 of 14" in all_text(latest(run)["blocks"])
        # By number, and refused for someone else's draft.
        before = len(run.fake.calls("response_url"))
        run.slack.command(f"open {draft.id}", user_id=REVIEWER)
        refused = run.fake.wait_for("response_url", count=before + 1)[-1]
        assert f"no draft #{draft.id}" in refused.params["text"]
        run.slack.command(f"open {draft.id}")
        done = run.fake.wait_for("response_url", count=before + 2)[-1]
        assert "open again" in done.params["text"]
