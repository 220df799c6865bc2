"""`newjob ask [QUESTION] [--json]` (design.md), run through bot.cli.main."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from bot.catalog import pay_for
from bot.cli import main
from bot.store import Store
from tests.faq_eval import PERMALINK, seed_postings


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture(autouse=True)
def no_database(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Path:
    """Run where there is no .env and no database, as on a fresh machine."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.delenv("DATABASE_URL", raising=False)
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    return tmp_path


def test_the_done_question(capsys: pytest.CaptureFixture[str]) -> None:
    question = "What's the difference between a network technician and a network administrator?"
    code, out, err = run(capsys, "ask", question, "--json")
    assert code == 0
    # stderr says where the database is (there is none yet); stdout is the JSON alone.
    assert err.startswith("Database: ") and err.count("\n") == 1
    data = json.loads(out)
    assert list(data) == ["question", "answered", "answer", "sources"]
    assert data["question"] == question and data["answered"] is True
    assert "seniority" in data["answer"] and "(Indeed, Sept 2023)" in data["answer"]
    assert data["sources"] == [
        "Indeed, “Network Technician Job Description: Top Duties and Qualifications” (Sept 2023)"
    ]


def test_pay_for_the_place_asked(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "ask", "how much does a network tech make in Colorado?", "--json")
    data = json.loads(out)
    report = pay_for("15-1231.00", "Colorado")
    assert report.annual is not None
    assert code == 0 and data["answered"]
    assert report.annual.median.text("year") in data["answer"]
    assert report.citation() in data["sources"]


def test_the_weather_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "ask", "what's", "the", "weather", "in", "Paris?", "--json")
    data = json.loads(out)
    assert code == 1
    assert data["question"] == "what's the weather in Paris?"
    assert data["answered"] is False and data["sources"] == []
    assert data["answer"].startswith("I can't answer that.")


def test_text_output_lists_the_sources(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "ask", "what does a plumber do?")
    assert code == 0
    assert out.startswith("Plumber (O*NET 47-2152.00")
    assert "\nSources:\n  - O*NET 29.3 Database" in out


def test_stdin_one_json_line_a_question(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(
        "sys.stdin", io.StringIO("RN vs CNA\n\ntell me a joke\nplumber pay in Texas\n")
    )
    code, out, _ = run(capsys, "ask", "--json")
    assert code == 0
    results = [json.loads(line) for line in out.splitlines()]
    assert [r["question"] for r in results] == [
        "RN vs CNA",
        "",
        "tell me a joke",
        "plumber pay in Texas",
    ]
    assert [r["answered"] for r in results] == [True, False, False, True]
    assert "Texas" in results[3]["answer"]


def test_no_database_file_is_created(capsys: pytest.CaptureFixture[str], no_database: Path) -> None:
    code, out, _ = run(capsys, "ask", "is the network technician job remote?", "--json")
    assert code == 1 and json.loads(out)["answered"] is False
    assert not (no_database / "newjob.db").exists()
    assert not (no_database / "data").exists()


def test_postings_come_from_the_database(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch, no_database: Path
) -> None:
    url = f"sqlite:///{no_database / 'jobs.db'}"
    store = Store(url)
    seed_postings(store)
    store.dispose()
    monkeypatch.setenv("DATABASE_URL", url)
    code, out, _ = run(capsys, "ask", "is the network technician job remote?", "--json")
    data = json.loads(out)
    assert code == 0 and data["answered"]
    assert data["answer"].startswith("Yes: the Network Technician job is remote")
    assert PERMALINK in data["answer"]
    assert data["sources"][0].startswith("Newjob posting #1")
