"""The terminal playground: the same dialogue and store as Slack, one typed line at a time."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from bot.settings import Settings
from bot.store import DraftStatus, Store
from bot.terminal.playground import Playground


def _playground(url: str, user: str = "hana") -> Playground:
    store = Store(url)
    store.migrate()
    settings = Settings(_env_file=None, database_url=url, newjob_company_name="Acme Networks")  # type: ignore[call-arg]
    return Playground(store, settings, user=user)


def _say(playground: Playground, line: str) -> str:
    return "\n".join(playground.handle(line))


def test_a_whole_draft_in_the_terminal(sqlite_url: str) -> None:
    playground = _playground(sqlite_url)
    assert "Newjob playground" in "\n".join(playground.greet())
    out = _say(playground, "/newjob network technician")
    assert "more than one job" in out and "1) Network Technician" in out
    out = _say(playground, "1")
    assert "[1 of 14]" in out and "Acme Networks" in out
    assert "[2 of 14]" in _say(playground, "ok")
    assert "[3 of 14]" in _say(playground, "mid")
    assert "[4 of 14]" in _say(playground, "1")  # On-site, by number
    out = _say(playground, "Denver, CO")
    assert "[5 of 14]" in out
    out = _say(playground, "2")  # Part-time
    assert "[6 of 14]" in out and "an hour" in out  # part-time pay is suggested by the hour
    out = _say(playground, "competitive")
    assert out.startswith("! Pay:") and "[6 of 14]" in out
    assert "[7 of 14]" in _say(playground, "$28-32/hr")
    assert "[8 of 14]" in _say(playground, "1-4")
    assert "[9 of 14]" in _say(playground, "all")
    assert "[10 of 14]" in _say(playground, "jobs@acme.example.com")
    assert "[11 of 14]" in _say(playground, "in 2 weeks")
    assert "[12 of 14]" in _say(playground, "skip")
    assert "[13 of 14]" in _say(playground, "Paid sick leave; a free transit pass")
    assert "[14 of 14]" in _say(playground, "Saturdays and Sundays, 9 a.m. to 5 p.m.")
    out = _say(playground, "We call you back within three days.")
    assert "Here is your draft" in out
    assert "$28 – $32 an hour" in out and "Checks:" in out
    out = _say(playground, "edit pay 30-34/hr")
    assert "version 2" in out and "$30 – $34 an hour" in out
    assert "Pay:" in _say(playground, "edit pay nothing")
    [draft] = playground.store.drafts_for("hana")
    assert draft.status is DraftStatus.READY and draft.current_version == 2


def test_the_playground_carries_on_after_a_restart(sqlite_url: str) -> None:
    first = _playground(sqlite_url)
    _say(first, "/newjob registered nurse")
    _say(first, "ok")
    first.store.dispose()
    again = _playground(sqlite_url)
    greeting = "\n".join(again.greet())
    assert "where you left off" in greeting and "[2 of 14]" in greeting
    assert "[3 of 14]" in _say(again, "senior")
    assert "[4 of 14]" in _say(again, "remote")


def test_back_skip_cancel_and_help(sqlite_url: str) -> None:
    playground = _playground(sqlite_url)
    _say(playground, "/newjob registered nurse")
    assert "[2 of 14]" in _say(playground, "skip")
    assert "[1 of 14]" in _say(playground, "back")
    assert "Commands:" in _say(playground, "help")
    assert "Cancelled" in _say(playground, "cancel")
    assert playground.draft is not None
    assert playground.store.drafts_for("hana") == []  # cancelled drafts are not listed
    cancelled = playground.store.draft(playground.draft.id)
    assert cancelled is not None and cancelled.status is DraftStatus.CANCELLED
    assert "don't know" in _say(playground, "/newjob asdfgh qwerty")


def test_make_run_without_tokens_opens_the_playground(tmp_path: Path) -> None:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("SLACK_", "NEWJOB_"))}
    env["DATABASE_URL"] = f"sqlite:///{tmp_path / 'newjob.db'}"
    env["PYTHONPATH"] = str(Path(__file__).resolve().parents[1])
    result = subprocess.run(
        [sys.executable, "-m", "bot.cli", "run"],
        input="/newjob network technician\n1\nquit\n",
        cwd=tmp_path,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr
    assert "SLACK_BOT_TOKEN" in result.stdout  # one line on how to connect Slack
    assert "[1 of 14]" in result.stdout


def test_questions_in_the_playground_get_sourced_answers(sqlite_url: str) -> None:
    playground = _playground(sqlite_url)
    out = _say(playground, "ask how much does a network tech make in Colorado?")
    assert "BLS OEWS, May 2025" in out and "Colorado" in out
    out = _say(
        playground,
        "what's the difference between a network technician and a network administrator?",
    )
    assert "entry-level" in out and "Indeed" in out
    assert "can't answer" in _say(playground, "what's the weather in Paris?").lower()
