"""Where the database is: one per user, in the platform's data folder, wherever `newjob` runs,
unless DATABASE_URL says otherwise; each command that uses it says where it is (on stderr, so
that JSON on stdout stays JSON). Run as a person would, in processes of their own."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def environment(tmp_path: Path, **extra: str) -> dict[str, str]:
    """A fresh user's environment: no Newjob or Slack settings, a home and a data folder of
    their own (platformdirs reads XDG_DATA_HOME on Linux)."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("SLACK_", "NEWJOB_", "DATABASE_URL", "XDG_"))
    }
    env["HOME"] = str(tmp_path / "home")
    env["XDG_DATA_HOME"] = str(tmp_path / "data")
    env["PYTHONPATH"] = str(ROOT)
    env.update(extra)
    return env


def newjob(
    env: dict[str, str], cwd: Path, *argv: str, stdin: str = ""
) -> subprocess.CompletedProcess[str]:
    cwd.mkdir(parents=True, exist_ok=True)
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *argv],
        input=stdin,
        cwd=cwd,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


@pytest.mark.skipif(sys.platform != "linux", reason="the data folder is set by XDG_DATA_HOME")
def test_one_database_per_user_wherever_newjob_runs(tmp_path: Path) -> None:
    env = environment(tmp_path)
    database = tmp_path / "data" / "newjob" / "newjob.db"
    started = newjob(env, tmp_path / "one", "chat", stdin="/newjob barista\nquit\n")
    assert started.returncode == 0, started.stderr
    assert f"Database: {database}" in started.stderr
    assert "[1 of 14]" in started.stdout
    assert database.exists()
    # From another folder, the same draft.
    shown = newjob(env, tmp_path / "two", "history", "1")
    assert shown.returncode == 0, shown.stderr
    assert shown.stdout.startswith("#1 Barista (drafting, v0)")
    assert shown.stderr.strip() == f"Database: {database}"
    as_json = newjob(env, tmp_path / "two", "history", "1", "--json")
    assert as_json.returncode == 0
    assert [json.loads(line)["event"] for line in as_json.stdout.splitlines()] == ["created"]
    assert f"Database: {database}" in as_json.stderr
    # Nothing left behind where the commands ran.
    assert list((tmp_path / "one").iterdir()) == [] and list((tmp_path / "two").iterdir()) == []


def test_database_url_wins_and_reading_makes_no_database(tmp_path: Path) -> None:
    other = tmp_path / "elsewhere" / "jobs.db"
    env = environment(tmp_path, DATABASE_URL=f"sqlite:///{other}")
    done = newjob(env, tmp_path / "work", "history", "1")
    assert done.returncode == 2 and done.stdout == ""
    assert f"Database: {other} (none yet" in done.stderr
    assert "there are no drafts yet" in done.stderr and "Traceback" not in done.stderr
    asked = newjob(env, tmp_path / "work", "ask", "--json", "what does a plumber do?")
    assert asked.returncode == 0
    assert json.loads(asked.stdout)["answered"] is True
    assert f"Database: {other} (none yet" in asked.stderr
    assert not other.exists() and not (tmp_path / "data").exists()
    assert list((tmp_path / "work").iterdir()) == []


def test_a_database_server_is_named_without_its_password(tmp_path: Path) -> None:
    url = "postgresql://newjob:s3cret@127.0.0.1:1/newjob"
    done = newjob(environment(tmp_path, DATABASE_URL=url), tmp_path, "history", "1")
    assert done.returncode == 2
    assert "Database: postgresql://newjob:***@127.0.0.1:1/newjob" in done.stderr
    assert "s3cret" not in done.stderr and "Check DATABASE_URL" in done.stderr
