"""The HTTP front passes Slack's own housekeeping requests to Bolt and Bolt's answers back
unchanged: the server parses each body once and writes Bolt's response itself."""

from __future__ import annotations

import time
from collections.abc import Iterator
from urllib.parse import urlencode

import pytest

from tests import slack_fixtures
from tests.fake_slack import FakeSlack
from tests.newjob_app import Running, running_app
from tests.slack_requests import VERIFICATION_TOKEN

fake_slack = slack_fixtures.fake_slack


@pytest.fixture
def run(fake_slack: FakeSlack, sqlite_url: str) -> Iterator[Running]:
    with running_app(fake_slack, sqlite_url) as running:
        yield running


def test_slack_checking_the_request_url_gets_its_challenge_back(run: Running) -> None:
    """What Slack sends when an admin saves the Events API Request URL."""
    response = run.slack.url_verification("kf8Qk2Rr0tG4xZp9")
    assert response.status_code == 200
    assert response.headers["content-type"].startswith("application/json")
    assert response.json() == {"challenge": "kf8Qk2Rr0tG4xZp9"}
    assert int(response.headers["content-length"]) == len(response.content)


def test_slack_checking_the_certificate_gets_an_empty_200(run: Running) -> None:
    body = urlencode({"ssl_check": "1", "token": VERIFICATION_TOKEN})
    response = run.slack.post(body, content_type="application/x-www-form-urlencoded")
    assert response.status_code == 200
    assert response.content == b""


def test_an_unsigned_challenge_is_refused(run: Running) -> None:
    response = run.slack.url_verification("kf8Qk2Rr0tG4xZp9", signed=False)
    assert response.status_code == 401
    assert "kf8Qk2Rr0tG4xZp9" not in response.text


def test_a_lazy_only_header_from_outside_is_ignored(run: Running) -> None:
    """Only the front marks a request as a worker's lazy-only replay; one from outside that
    claims to be one is the ordinary command it is: acknowledged, then answered."""
    response = run.slack.command(
        "network technician",
        headers={"X-Slack-Bolt-Lazy-Only": "1", "X-Slack-Bolt-Lazy-Function-Name": "resolve"},
    )
    assert response.status_code == 200
    [reply] = run.fake.wait_for("response_url")
    assert "network technician" in str(reply.params.get("blocks") or reply.params["text"]).lower()


def test_healthz_reports_the_database_and_the_work_not_yet_done(run: Running) -> None:
    """/healthz: the database answers, and how much acknowledged work is still to do (Slack
    holding the replies to three commands); once they are done, none."""
    import httpx

    health = f"{run.base_url}/healthz"
    deadline = time.monotonic() + 10
    while (state := httpx.get(health).json())["backlog"] != 0:  # what earlier tests left
        assert time.monotonic() < deadline, state
        time.sleep(0.05)
    assert state == {"ok": True, "database": True, "backlog": 0}
    run.fake.hang_next("response_url", 1.5, times=3)
    for n in range(3):
        assert run.slack.command("help", user_id=f"U0HEALTH{n:02d}").status_code == 200
    run.fake.wait_for("response_url", count=3, timeout=5)  # all three held at the fake
    assert httpx.get(health).json()["backlog"] == 3
    deadline = time.monotonic() + 10
    while httpx.get(health).json()["backlog"] != 0:
        assert time.monotonic() < deadline, "the backlog never went back to 0"
        time.sleep(0.05)
