"""The terminal playground: the same dialogue and store as Slack, one typed line at a time."""

from __future__ import annotations

import io
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from bot.settings import Settings
from bot.store import DraftStatus, Store
from bot.terminal.playground import Playground, run


def _playground(url: str, user: str = "hana") -> Playground:
    store = Store(url)
    store.migrate()
    settings = Settings(_env_file=None, database_url=url, newjob_company_name="Acme Networks")  # type: ignore[call-arg]
    return Playground(store, settings, user=user)


def _say(playground: Playground, line: str) -> str:
    return "\n".join(playground.handle(line))


def _to_preview(playground: Playground, answers: tuple[str, ...], apply: str) -> str:
    """The answers up to the duties and requirements, then how to apply, a closing date in 30
    days, and nothing for team, benefits, hours and next steps: the preview it ends with."""
    for answer in (*answers, apply, "in 30 days", "skip", "skip", "skip"):
        _say(playground, answer)
    return _say(playground, "skip")


def test_a_whole_draft_in_the_terminal(sqlite_url: str) -> None:
    playground = _playground(sqlite_url)
    assert "Newjob playground" in "\n".join(playground.greet())
    # The exact title of a curated role starts at once, with no "did you mean".
    out = _say(playground, "/newjob network technician")
    assert "more than one job" not in out
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
    assert "“skip” leaves this question empty" in _say(playground, "help")
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


# A whole session as a new user types it: help, a draft from an O*NET occupation (so its
# licence notice is shown), the dialogue's own commands, review and publication.
SESSION = """help
/newjob barista
help
skip
back
ok
entry
1
Denver, CO
2
$15-18/hr
1-3
1-2
jobs@acme.example.com
in 30 days
skip
skip
skip
skip
list
show json
submit
changes: say more about the shifts
as alice
changes: say more about the shifts
as you
edit pay 16-19/hr
as alice
override: the benefits are on the careers page
quit
"""

# Slack's mrkdwn: *bold*, _italic_ and `code` around words; O*NET's star is inside a word.
SLACK_MARKUP = re.compile(r"(?<![\w*])\*[^\s*][^*\n]*?\*(?![\w*])|`|(?<!\w)_[^\s_][^_\n]*_(?!\w)")


def _transcript(sqlite_url: str, tmp_path: Path) -> str:
    playground = _playground(sqlite_url, user="you")
    playground.exports = tmp_path / "exports"
    out = io.StringIO()
    assert run(playground, io.StringIO(SESSION), out) == 0
    return out.getvalue()


def test_the_playground_speaks_plain_text(sqlite_url: str, tmp_path: Path) -> None:
    """No Slack wording or markup in the terminal, and O*NET keeps its star."""
    text = _transcript(sqlite_url, tmp_path)
    assert "Published #1" in text
    assert SLACK_MARKUP.findall(text) == []
    for slack_only in ("by button", "in this thread", "with Edit", "use Edit", "Told you"):
        assert slack_only not in text, slack_only
    assert "O*NET 29.3" in text and "ONET" not in text
    # The dialogue's own words are said as words to type.
    assert "Type “skip”" in text and "“edit <field> <value>”" in text
    # `show json` is in help, and works.
    assert "show [text|markdown|html|jsonld|json]" in text
    assert '"title": "Barista"' in text


def test_published_exports_are_written_where_the_message_says(
    sqlite_url: str, tmp_path: Path
) -> None:
    """After approval the playground named exports that were never written anywhere."""
    text = _transcript(sqlite_url, tmp_path)
    folder = tmp_path / "exports"
    names = ["barista-1-v2.md", "barista-1-v2.html", "barista-1-v2.json"]
    assert f"Published #1 Barista. Its exports are in {folder}: {', '.join(names)}." in text
    assert sorted(p.name for p in folder.iterdir()) == sorted(names)
    assert (folder / "barista-1-v2.md").read_text().startswith("# Barista")
    assert json.loads((folder / "barista-1-v2.json").read_text())["title"] == "Barista"
    assert "application/ld+json" in (folder / "barista-1-v2.html").read_text()


def test_exports_default_to_the_user_data_folder(sqlite_url: str, user_data_folder: Path) -> None:
    assert _playground(sqlite_url).exports == user_data_folder / "newjob" / "exports"


def test_a_preview_names_each_source_once(sqlite_url: str) -> None:
    """The O*NET licence notice was printed after every section (five times a preview) and
    again in the greeting; now the posting credits O*NET in one line at its end, and the
    market figures, for the manager only, name their source once beside it."""
    playground = _playground(sqlite_url)
    intro = _say(playground, "/newjob barista")
    assert "drafted from the Barista role (O*NET 29.3)" in intro
    assert "This product includes" not in intro
    answers = ("ok", "entry", "1", "Denver, CO", "2", "$15-18/hr", "1-3", "1-2")
    preview = _to_preview(playground, answers, "jobs@acme.example.com")
    assert "Here is your draft" in preview
    assert "This product includes" not in preview and "Source:" not in preview
    assert preview.count("adapted from O*NET 29.3") == 1
    notes = [line for line in preview.splitlines() if line.startswith("For you, not the posting")]
    [pay] = [note for note in notes if "local pay" in note]
    assert pay.count("BLS OEWS, May 2025") == 1


def test_the_checks_notes_are_shown_as_well_as_counted(sqlite_url: str) -> None:
    """The summary said "3 notes" and the playground showed only errors and warnings."""
    playground = _playground(sqlite_url)
    _say(playground, "/newjob network technician")
    _say(playground, "1")
    answers = ("ok", "mid", "1", "Denver, CO", "1", "55k-65k", "1-3", "all")
    preview = _to_preview(playground, answers, "https://acme.example.com/jobs/42")
    summary = next(line for line in preview.splitlines() if line.startswith("Checks:"))
    notes = int(re.search(r"(\d+) notes?", summary).group(1))  # type: ignore[union-attr]
    assert notes > 0
    assert preview.count("  [note] ") == notes


def test_tips_commission_and_bonus_stay_with_the_pay(sqlite_url: str) -> None:
    """ "$15-18/hr plus tips" used to become "$15 – $18 an hour", the tips silently dropped."""
    playground = _playground(sqlite_url)
    _say(playground, "/newjob barista")
    answers = ("ok", "entry", "1", "Denver, CO", "2", "$15-18/hr plus tips", "1-3", "1-2")
    preview = _to_preview(playground, answers, "jobs@acme.example.com")
    assert "$15 – $18 an hour, plus tips" in preview


def test_a_typed_title_follows_the_same_rule_as_newjob_draft(
    sqlite_url: str, capsys: pytest.CaptureFixture[str]
) -> None:
    """ "RN" stayed "RN" in the playground and became "Registered Nurse" with newjob draft."""
    from bot.cli import main

    playground = _playground(sqlite_url)
    _say(playground, "/newjob RN")
    answers = ("ok", "mid", "1", "Denver, CO", "1", "$42-51/hr", "1-3", "all")
    preview = _to_preview(playground, answers, "jobs@acme.example.com")
    assert "Registered Nurse\n" in preview and "\nRN\n" not in preview
    assert main(["draft", "RN", "--format", "text"]) == 0
    assert capsys.readouterr().out.startswith("Registered Nurse\n")
    # A typed title that says more than another name of the role is kept.
    assert main(["draft", "ICU", "nurse", "--format", "text"]) == 0
    assert capsys.readouterr().out.startswith("ICU Nurse\n")
