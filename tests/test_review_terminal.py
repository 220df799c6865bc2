"""The same review in `newjob chat`: submit, reviewers simulated by name, publish; and the audit
that `newjob history` prints."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from bot.cli import main
from bot.settings import Settings
from bot.store import DraftStatus, Store
from bot.terminal.playground import Playground, run
from tests.fake_slack import FakeSlack


def _playground(url: str, user: str = "hana", **settings: object) -> Playground:
    store = Store(url)
    store.migrate()
    values: dict[str, object] = {
        "database_url": url,
        "newjob_company_name": "Acme Networks",
        "newjob_approvers": "alice,bob",
    }
    values.update(settings)
    return Playground(store, Settings(_env_file=None, **values), user=user)  # type: ignore[arg-type]


def _say(playground: Playground, line: str) -> str:
    return "\n".join(playground.handle(line))


def _draft_to_preview(playground: Playground) -> None:
    _say(playground, "/newjob network technician")
    for answer in ("1", "ok", "mid", "1", "Denver, CO", "1", "55k-65k", "1-3", "all"):
        _say(playground, answer)
    _say(playground, "https://acme.example.com/jobs/42")
    _say(playground, "in 30 days")
    for _ in ("team", "benefits", "schedule"):  # benefits left out: Colorado's law wants them
        _say(playground, "skip")
    assert "Here is your draft" in _say(playground, "skip")


def test_review_in_the_terminal(sqlite_url: str) -> None:
    playground = _playground(sqlite_url)
    assert "no draft in review" in _say(playground, "approve")
    _draft_to_preview(playground)
    out = _say(playground, "submit")
    assert "[Review] #1 Network Technician · version 1 · in review · requested by hana" in out
    assert "Checks: 1 error" in out and "as <name>" in out
    assert "already in review" in _say(playground, "submit")
    assert "can't approve it yourself" in _say(playground, "approve")
    assert "You are now zed" in _say(playground, "as zed")
    assert "Only the approvers" in _say(playground, "lgtm")
    _say(playground, "as alice")
    assert "override: <why>" in _say(playground, "LGTM 👍")  # Colorado: benefits missing
    out = _say(playground, "add benefit Health, dental and vision insurance")
    assert "Version 2 by alice" in out
    assert "Benefits: added “Health, dental and vision insurance”" in out
    out = _say(playground, "set pay 60000-70000 USD/year")
    assert "Pay: $55,000 – $65,000 a year → $60,000 – $70,000 a year" in out
    assert "on-call" in _say(playground, "changes: mention the on-call rota")
    assert "Changes were requested" in _say(playground, "approve")
    _say(playground, "as hana")
    out = _say(playground, "add duty Take part in the on-call rota")
    assert "Version 4 by hana" in out and "back in review" in out
    assert "hmm" not in _say(playground, "hmm")  # not a command: the playground's own answer
    _say(playground, "as bob")
    out = _say(playground, "approve")
    assert "bob approved version 4 (1 of 1)" in out and "Published #1" in out
    assert ".md" in out and ".html" in out and ".json" in out
    [draft] = playground.store.drafts_for("hana")
    assert draft.status is DraftStatus.PUBLISHED and draft.current_version == 4
    # A change to the published posting is a new version, reviewed again; version 4 stays
    # what candidates see until it is approved.
    out = _say(playground, "set pay 1-2 USD/hour")
    assert "Version 5 by bob" in out and "back in review" in out
    [draft] = playground.store.drafts_for("hana")
    assert draft.status is DraftStatus.IN_REVIEW and draft.current_version == 5
    assert playground.store.published_version(draft.id) == 4
    history = [e.kind for e in playground.store.history(draft.id)]
    assert history.count("edited") == 4 and history.count("published") == 1
    assert (
        history.index("submitted") < history.index("changes_requested") < history.index("approved")
    )


def test_override_and_a_failed_webhook_retried(sqlite_url: str) -> None:
    with FakeSlack() as fake:
        playground = _playground(sqlite_url, newjob_publish_webhook=fake.webhook_url("ats"))
        _draft_to_preview(playground)
        _say(playground, "submit")
        _say(playground, "as alice")
        fake.fail_next("webhook", status=500, times=3)
        out = _say(playground, "override: the benefits are on the careers page")
        assert "alice approved version 1" in out
        assert "couldn't deliver it to the publish webhook: HTTP 500" in out and "retry" in out
        [draft] = playground.store.drafts_for("hana")
        assert draft.status is DraftStatus.APPROVED
        assert "Published #1" in _say(playground, "retry")
        assert fake.count("webhook", predicate=lambda c: c.status == 200) == 1
        assert "nothing to retry" in _say(playground, "retry")
        [override] = [e for e in playground.store.history(draft.id) if e.kind == "override"]
        assert override.actor == "alice" and "careers page" in override.detail["reason"]


def test_newjob_chat_and_history(
    sqlite_url: str,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    playground = _playground(sqlite_url, newjob_approvers="")
    lines = [
        "/newjob network technician",
        "1",
        "ok",
        "entry",
        "1",
        "Denver, CO",
        "1",
        "55k-65k",
        "1-3",
        "all",
        "https://acme.example.com/jobs/42",
        "in 30 days",
        "skip",
        "skip",
        "skip",
        "skip",
        "add benefit Health insurance",  # not in review yet: not a command here
        "edit benefits Health insurance",
        "submit",
        "as rui",
        "lgtm",
        "quit",
    ]
    out = io.StringIO()
    assert run(playground, io.StringIO("\n".join(lines) + "\n"), out) == 0
    text = out.getvalue()
    assert "no draft in review" in text and "Saved as version 2" in text
    assert "rui approved version 2 (1 of 1)" in text and "Published #1" in text
    # `newjob history 1` prints the audit from the same database.
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("DATABASE_URL", sqlite_url)
    capsys.readouterr()
    assert main(["history", "1"]) == 0
    printed = capsys.readouterr().out
    for kind in ("created", "answered", "edited", "submitted", "approved", "exported", "published"):
        assert kind in printed, kind
    assert main(["history", "1", "--json"]) == 0
    events = [json.loads(line) for line in capsys.readouterr().out.splitlines()]
    approved = next(e for e in events if e["event"] == "approved")
    assert approved["who"] == "rui" and approved["version"] == 2


def test_history_reads_as_sentences_not_python(
    sqlite_url: str, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    """`newjob history` printed lists as Python wrote them: `files: ['a.md', …]`."""
    playground = _playground(sqlite_url)
    _draft_to_preview(playground)
    _say(playground, "submit")
    _say(playground, "as alice")
    assert "Published #1" in _say(playground, "override: the benefits are on the careers page")
    monkeypatch.setenv("DATABASE_URL", sqlite_url)
    capsys.readouterr()
    assert main(["history", "1"]) == 0
    printed = capsys.readouterr().out
    assert "['" not in printed and "']" not in printed
    exported = next(line for line in printed.splitlines() if " exported " in line)
    assert exported.endswith(
        "(files: network-technician-1-v1.md, network-technician-1-v1.html, "
        "network-technician-1-v1.json)"
    )
    override = next(line for line in printed.splitlines() if " override " in line)
    assert "reason: the benefits are on the careers page; errors: “The law in Colorado" in override
