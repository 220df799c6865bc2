"""Titles (issue 14, item 4): a guess is offered, never taken; the "did you mean" menu has
"none of these" and "cancel", in the terminal and in Slack."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.catalog import resolve
from bot.drafting import match_title
from bot.settings import Settings
from bot.store import Store
from bot.terminal.playground import Playground
from tests import slack_fixtures
from tests.fake_slack import FakeSlack
from tests.newjob_app import Running, running_app
from tests.slack_requests import GENERAL_CHANNEL, HIRING_MANAGER
from tests.test_slack_dialogue import all_text

fake_slack = slack_fixtures.fake_slack


def test_a_rare_alternate_title_is_a_question() -> None:
    found = resolve("growth hacker")
    assert found.best is not None and found.best.rare
    assert found.best.title == "Forest and Conservation Workers"
    assert found.ambiguous
    match = match_title("growth hacker")
    assert match.ambiguous and match.rare
    assert match.choices()[0].title == "Forest and Conservation Workers"
    assert "rarely" in match.why()


def test_a_word_the_catalogue_does_not_know_is_named() -> None:
    found = resolve("zorblax wrangler")
    assert found.unknown_words == ["zorblax"] and found.ambiguous
    assert found.json_dict()["unknown_words"] == ["zorblax"]
    assert "“zorblax”" in match_title("zorblax wrangler").why()


@pytest.mark.parametrize("title", ["barista", "registered nurse", "forest worker"])
def test_common_titles_are_still_taken_at_once(title: str) -> None:
    found = resolve(title)
    assert not found.unknown_words
    assert found.best is not None and not found.best.rare


# ---------------------------------------------------------------------------- the terminal


def _playground(url: str) -> Playground:
    store = Store(url)
    store.migrate()
    settings = Settings(_env_file=None, database_url=url, newjob_company_name="Acme Networks")  # type: ignore[call-arg]
    return Playground(store, settings, user="hana")


def _say(playground: Playground, line: str) -> str:
    return "\n".join(playground.handle(line))


def test_the_menu_has_ways_out_in_the_terminal(sqlite_url: str) -> None:
    playground = _playground(sqlite_url)
    out = _say(playground, "/newjob growth hacker")
    assert "rarely" in out and "1) Forest and Conservation Workers" in out and "none" in out
    assert "no job 9" in _say(playground, "9")
    assert "Type the job title" in _say(playground, "none of these")
    out = _say(playground, "zorblax wrangler")
    assert "“zorblax”" in out and "1)" in out
    assert "no draft was started" in _say(playground, "cancel")
    assert playground.store.drafts_for("hana") == []
    # After the menu, lines mean what they always do.
    assert "I didn't understand" in _say(playground, "9")
    _say(playground, "/newjob growth hacker")
    out = _say(playground, "1")
    assert "[1 of 14]" in out and "Forest and Conservation Worker" in out


# ---------------------------------------------------------------------------- Slack


@pytest.fixture
def run(fake_slack: FakeSlack, store_url: str) -> Iterator[Running]:
    with running_app(fake_slack, store_url) as running:
        yield running


def _menu(run: Running, title: str, count: int) -> dict[str, object]:
    assert run.slack.command(title).status_code == 200
    reply = run.fake.wait_for("response_url", count=count)[-1]
    return {"ts": run.fake.next_ts(), "blocks": reply.params["blocks"]}


def test_the_menu_has_ways_out_in_slack(run: Running) -> None:
    menu = _menu(run, "growth hacker", 1)
    text = all_text(menu["blocks"])  # type: ignore[arg-type]
    assert "rarely" in text and "Forest and Conservation Workers" in text
    assert "None of these" in text and "Cancel" in text
    run.slack.block_action("pick_role_none", message=menu, channel_id=GENERAL_CHANNEL)
    reply = run.fake.wait_for("response_url", count=2)[-1]
    assert "another title" in reply.params["text"] and reply.params.get("replace_original")
    menu = _menu(run, "zorblax wrangler", 3)
    assert "zorblax" in all_text(menu["blocks"])  # type: ignore[arg-type]
    run.slack.block_action("pick_role_cancel", message=menu, channel_id=GENERAL_CHANNEL)
    reply = run.fake.wait_for("response_url", count=4)[-1]
    assert "no draft was started" in reply.params["text"]
    assert run.store.drafts_for(HIRING_MANAGER) == []
    assert run.fake.calls("chat.postMessage") == []
