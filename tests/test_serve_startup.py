"""`newjob serve --http` refusing to start, in plain words, when the database or Slack is not
there: exit code 2, one sentence naming the setting to check."""

from __future__ import annotations

import subprocess
import sys
import time
from pathlib import Path

from tests import slack_fixtures
from tests.fake_slack import FakeSlack
from tests.test_load_restart import SERVE, free_port, serve_env, wait_healthy

fake_slack = slack_fixtures.fake_slack


def serve(tmp_path: Path, **settings: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [*SERVE, "--port", str(free_port())],
        env=serve_env(**settings),
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_database_that_does_not_answer(fake_slack: FakeSlack, tmp_path: Path) -> None:
    done = serve(
        tmp_path,
        SLACK_API_URL=fake_slack.url,
        DATABASE_URL=f"postgresql://newjob@127.0.0.1:{free_port()}/newjob",
    )
    assert done.returncode == 2
    assert "newjob: cannot open the database" in done.stderr
    assert "Check DATABASE_URL." in done.stderr
    assert "Traceback" not in done.stderr


def test_a_token_slack_refuses(fake_slack: FakeSlack, tmp_path: Path) -> None:
    fake_slack.set_response("auth.test", {"ok": False, "error": "invalid_auth"})
    started = time.monotonic()
    done = serve(
        tmp_path, SLACK_API_URL=fake_slack.url, DATABASE_URL=f"sqlite:///{tmp_path / 'n.db'}"
    )
    assert time.monotonic() - started < 10  # it took over 20 s with the worker pool
    assert done.returncode == 2
    assert "newjob: Slack did not accept the bot token" in done.stderr
    assert "invalid_auth" in done.stderr and "Check SLACK_BOT_TOKEN" in done.stderr
    assert "Traceback" not in done.stderr


def test_slack_out_of_reach(tmp_path: Path) -> None:
    nowhere = f"http://127.0.0.1:{free_port()}/api/"
    done = serve(tmp_path, SLACK_API_URL=nowhere, DATABASE_URL=f"sqlite:///{tmp_path / 'n.db'}")
    assert done.returncode == 2
    assert f"could not be reached at {nowhere}" in done.stderr
    assert "Check SLACK_BOT_TOKEN" in done.stderr
    assert "Traceback" not in done.stderr


def test_newjob_run_with_tokens_serves_the_slack_app(fake_slack: FakeSlack, tmp_path: Path) -> None:
    """`make run` (newjob run) with a bot token and signing secret: the HTTP app, with its
    answering /healthz."""
    port = free_port()
    env = serve_env(SLACK_API_URL=fake_slack.url, DATABASE_URL=f"sqlite:///{tmp_path / 'n.db'}")
    command = [sys.executable, "-m", "bot.cli", "run", "--host", "127.0.0.1", "--port", str(port)]
    with (tmp_path / "run.log").open("wb") as log:
        process = subprocess.Popen(command, env=env, cwd=tmp_path, stdout=log, stderr=log)
    try:
        wait_healthy(process, port, tmp_path / "run.log")
        assert "Newjob listening on" in (tmp_path / "run.log").read_text()
    finally:
        process.terminate()
        process.wait(10)


def newjob(tmp_path: Path, *argv: str, **settings: str) -> subprocess.CompletedProcess[str]:
    env = serve_env(DATABASE_URL=f"sqlite:///{tmp_path / 'n.db'}", **settings)
    del env["SLACK_SIGNING_SECRET"]
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *argv],
        env=env,
        cwd=tmp_path,
        stdin=subprocess.DEVNULL,
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_a_bot_token_alone_says_what_each_mode_needs(tmp_path: Path) -> None:
    """`SLACK_BOT_TOKEN=… newjob run` said only "The setting SLACK_SIGNING_SECRET is not set"."""
    done = newjob(tmp_path, "run")
    assert done.returncode == 2 and "Traceback" not in done.stderr
    said = " ".join(done.stderr.split())
    assert "SLACK_APP_TOKEN (xapp-…) for Socket Mode" in said
    assert "SLACK_SIGNING_SECRET for HTTP mode" in said
    assert "The README recommends Socket Mode" in said
    # Asked for a mode, it names what that mode needs.
    socket = newjob(tmp_path, "serve", "--socket")
    assert socket.returncode == 2
    assert "Socket Mode needs SLACK_APP_TOKEN" in " ".join(socket.stderr.split())
    http = newjob(tmp_path, "serve", "--http")
    assert http.returncode == 2
    assert "HTTP mode needs SLACK_SIGNING_SECRET" in " ".join(http.stderr.split())


def test_a_correct_start_logs_no_bolt_warning(fake_slack: FakeSlack, tmp_path: Path) -> None:
    """Every start logged Bolt's "As you gave `client` as well, `token` will be unused"."""
    port = free_port()
    env = serve_env(SLACK_API_URL=fake_slack.url, DATABASE_URL=f"sqlite:///{tmp_path / 'n.db'}")
    command = [*SERVE, "--port", str(port)]
    with (tmp_path / "serve.log").open("wb") as log:
        process = subprocess.Popen(command, env=env, cwd=tmp_path, stdout=log, stderr=log)
    try:
        wait_healthy(process, port, tmp_path / "serve.log")
    finally:
        process.terminate()
        process.wait(10)
    logged = (tmp_path / "serve.log").read_text()
    assert "Newjob listening on" in logged
    assert "will be unused" not in logged and "WARNING" not in logged
    assert fake_slack.count("auth.test") >= 1  # the token was checked at start, at the fake


def test_serve_migrates_and_prunes_old_deliveries(fake_slack: FakeSlack, tmp_path: Path) -> None:
    """The server brings the schema up to date on start, and forgets deliveries older than a
    day (Slack's repeats of an event come within minutes) while keeping recent ones."""
    import datetime as dt

    from sqlalchemy import text

    from bot.store import Store

    url = f"sqlite:///{tmp_path / 'n.db'}"
    store = Store(url)
    store.migrate()
    assert store.first_delivery("event:Ev0OLD") and store.first_delivery("event:Ev0NEW")
    with store.engine.begin() as connection:
        connection.execute(
            text("UPDATE processed_events SET at = :at WHERE key = 'event:Ev0OLD'"),
            {"at": dt.datetime.now(dt.UTC) - dt.timedelta(days=3)},
        )
    port = free_port()
    env = serve_env(SLACK_API_URL=fake_slack.url, DATABASE_URL=url)
    with (tmp_path / "serve.log").open("wb") as log:
        process = subprocess.Popen(
            [*SERVE, "--port", str(port)], env=env, cwd=tmp_path, stdout=log, stderr=log
        )
    try:
        wait_healthy(process, port, tmp_path / "serve.log")
        deadline = time.monotonic() + 10
        while "pruned 1 deliveries" not in (tmp_path / "serve.log").read_text():
            assert time.monotonic() < deadline, (tmp_path / "serve.log").read_text()
            time.sleep(0.05)
    finally:
        process.terminate()
        process.wait(10)
    assert store.first_delivery("event:Ev0OLD")  # forgotten
    assert not store.first_delivery("event:Ev0NEW")  # still known
    store.dispose()
