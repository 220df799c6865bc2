"""The real Newjob Bolt app served over HTTP (waitress) against the fake Slack Web API.

Tests drive it with signed requests (`SlackSender`) exactly as Slack would, then read what the
app sent to "Slack" from the fake.
"""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import Any

from slack_bolt import App

from bot.settings import Settings
from bot.slack.app import build_app
from bot.slack.server import wsgi_app
from bot.store import Store
from tests.fake_slack import FakeSlack
from tests.slack_fixtures import serve_wsgi
from tests.slack_requests import JOBS_CHANNEL, REVIEW_CHANNEL, SIGNING_SECRET, SlackSender


@dataclass
class Running:
    fake: FakeSlack
    slack: SlackSender
    store: Store
    settings: Settings
    app: App
    base_url: str


def test_settings(fake: FakeSlack, database_url: str, **overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "slack_bot_token": fake.workspace.bot_token,
        "slack_signing_secret": SIGNING_SECRET,
        "slack_api_url": fake.url,
        "database_url": database_url,
        "newjob_review_channel": REVIEW_CHANNEL,
        "newjob_jobs_channel": JOBS_CHANNEL,
        "newjob_company_name": "Acme Networks",
        "newjob_company_url": "https://acme.example.com",
    }
    values.update(overrides)
    return Settings(_env_file=None, **values)  # type: ignore[call-arg]


@contextmanager
def running_app(fake: FakeSlack, database_url: str, **overrides: Any) -> Iterator[Running]:
    settings = test_settings(fake, database_url, **overrides)
    store = Store(settings.database_url)
    app = build_app(settings, store)
    try:
        with (
            serve_wsgi(wsgi_app(app, store, signing_secret=SIGNING_SECRET)) as base,
            SlackSender(f"{base}/slack/events", fake=fake) as slack,
        ):
            yield Running(fake, slack, store, settings, app, base)
    finally:
        store.dispose()
