"""Commands are never answers (issue 14, item 3): back, skip, cancel, start over, help, show …,
edit … and a question ending in "?" work at every step, in the terminal and in Slack alike."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.dialogue.commands import read_command
from bot.settings import Settings
from bot.store import Store
from bot.terminal.playground import Playground
from tests import slack_fixtures
from tests.fake_slack import FakeSlack
from tests.newjob_app import Running, running_app
from tests.slack_requests import HIRING_MANAGER
from tests.test_slack_dialogue import all_text, click, latest, say_in_thread, start

fake_slack = slack_fixtures.fake_slack


@pytest.mark.parametrize(
    ("text", "name", "rest"),
    [
        ("back", "back", ""),
        ("Skip.", "skip", ""),
        ("cancel", "cancel", ""),
        ("start over", "start_over", ""),
        ("Start again!", "start_over", ""),
        ("help", "help", ""),
        ("?", "help", ""),
        ("show text", "show", "text"),
        ("show me the draft", "show", "draft"),
        ("show", "show", ""),
        ("edit pay 60k-70k", "edit", "pay 60k-70k"),
        ("change closing date to Jan 31", "edit", "closing date to Jan 31"),
        ("is the network technician job remote?", "question", ""),
    ],
)
def test_commands_are_read_as_commands(text: str, name: str, rest: str) -> None:
    command = read_command(text)
    assert command is not None and command.name == name
    if name == "question":
        assert command.rest == text
    else:
        assert command.rest == rest


@pytest.mark.parametrize(
    "text",
    [
        "Acme Networks",
        "Show customers how to reset their router",  # a duty, not "show"
        "Change failed switches and patch cables",  # a duty, not "edit"
        "Denver, CO",
        "skipping stones club",
    ],
)
def test_answers_are_not_commands(text: str) -> None:
    assert read_command(text) is None


# ---------------------------------------------------------------------------- the terminal


def _playground(url: str) -> Playground:
    store = Store(url)
    store.migrate()
    settings = Settings(_env_file=None, database_url=url, newjob_company_name="Acme Networks")  # type: ignore[call-arg]
    return Playground(store, settings, user="hana")


def _say(playground: Playground, line: str) -> str:
    return "\n".join(playground.handle(line))


def _answers(playground: Playground) -> dict[str, object]:
    assert playground.session is not None
    session = playground.store.session_for_draft(playground.session.draft_id)
    assert session is not None
    return dict(session.state["answers"])


def test_no_command_becomes_an_answer_in_the_terminal(sqlite_url: str) -> None:
    playground = _playground(sqlite_url)
    out = _say(playground, "/newjob network technician")
    assert "[1 of 14]" in out
    out = _say(playground, "start over")
    assert "Starting over" in out and "[1 of 14]" in out
    assert "organisation" not in _answers(playground)
    _say(playground, "Acme Networks")
    _say(playground, "mid")
    _say(playground, "on-site")
    out = _say(playground, "show text")
    assert "Network Technician" in out and "[4 of 14]" in out
    assert "location" not in _answers(playground)
    out = _say(playground, "help")
    assert "skip" in out and "[4 of 14]" in out
    _say(playground, "Denver, CO")
    out = _say(playground, "is the network technician job remote?")
    assert "Employment type" not in out and "[5 of 14]" in out
    assert "employment_type" not in _answers(playground)
    _say(playground, "full-time")
    # "edit" during the questions changes that answer and asks the same question again.
    out = _say(playground, "edit location Boulder, CO")
    assert "Changed Location to Boulder, CO" in out and "[6 of 14]" in out
    assert _answers(playground)["location"]["city"] == "Boulder"  # type: ignore[index]
    out = _say(playground, "back")
    assert "[5 of 14]" in out
    _say(playground, "full-time")
    _say(playground, "60k-70k")
    out = _say(playground, "skip")
    assert "Skipped: Responsibilities stays empty" in out and "review" in out
    out = _say(playground, "skip")
    assert "Skipped: Requirements stays empty" in out
    for answer in ("jobs@acme.example.com", "in 30 days", "the network team"):
        _say(playground, answer)
    out = _say(playground, "skip")
    # Colorado's law requires the benefits: skipping says so.
    assert "Skipped: Benefits stays empty" in out and "Colorado" in out
    _say(playground, "Mon-Fri 8-5")
    out = _say(playground, "We reply within a week")
    assert "Here is your draft" in out
    # The skipped duties and requirements stay empty: not filled in from the role.
    posting = playground.drafting.posting(playground.store.drafts_for("hana")[0])
    assert posting is not None
    assert posting.responsibilities == [] and posting.requirements == []
    assert posting.benefits == []


def test_cancel_is_a_command_at_any_step(sqlite_url: str) -> None:
    playground = _playground(sqlite_url)
    _say(playground, "/newjob network technician")
    _say(playground, "Acme Networks")
    out = _say(playground, "cancel")
    assert "Cancelled" in out
    assert playground.draft is not None
    draft = playground.store.draft(playground.draft.id)
    assert draft is not None and draft.status.value == "cancelled"
    assert playground.store.drafts_for("hana") == []


# ---------------------------------------------------------------------------- Slack


@pytest.fixture
def run(fake_slack: FakeSlack, store_url: str) -> Iterator[Running]:
    with running_app(fake_slack, store_url) as running:
        yield running


def _state(run: Running) -> dict[str, object]:
    [draft] = run.store.drafts_for(HIRING_MANAGER)
    session = run.store.session_for_draft(draft.id)
    assert session is not None
    return dict(session.state)


def test_no_command_becomes_an_answer_in_slack(run: Running) -> None:
    thread = start(run)
    say_in_thread(run, thread, "start over")
    text = all_text(latest(run)["blocks"])
    assert "Starting over" in text and "1 of 14" in text
    click(run, latest(run), "Use the suggestion")
    click(run, latest(run), "Mid")
    click(run, latest(run), "On-site")
    say_in_thread(run, thread, "show text")
    text = all_text(latest(run)["blocks"])
    assert "```" in text and "4 of 14" in text
    assert "location" not in _state(run)["answers"]  # type: ignore[operator]
    say_in_thread(run, thread, "Denver, CO")
    say_in_thread(run, thread, "is the network technician job remote?")
    text = all_text(latest(run)["blocks"])
    assert "5 of 14" in text and "Employment type:" not in text
    assert "employment_type" not in _state(run)["answers"]  # type: ignore[operator]
    say_in_thread(run, thread, "edit company Acme Networks West")
    text = all_text(latest(run)["blocks"])
    assert "Changed Company to Acme Networks West" in text and "5 of 14" in text
    say_in_thread(run, thread, "full time")
    say_in_thread(run, thread, "60k-70k")
    say_in_thread(run, thread, "skip")
    text = all_text(latest(run)["blocks"])
    assert "Skipped: Responsibilities stays empty" in text and "8 of 14" in text
    assert "responsibilities" not in _state(run)["answers"]  # type: ignore[operator]
