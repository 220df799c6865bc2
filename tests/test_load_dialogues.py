"""200 managers drafting at once through the HTTP endpoint, with PostgreSQL as the store.

Every dialogue goes from `/newjob` to a finished draft, interleaved with all the others (32
senders take turns over the 200 managers). Afterwards every draft must be there, complete, and
hold only its own manager's answers; no manager's thread may show another's words.
"""

from __future__ import annotations

import queue
import re
import threading
from collections.abc import Iterator

import pytest

from bot.posting import Posting
from bot.store import DraftStatus
from tests import slack_fixtures
from tests.fake_slack import FakeSlack
from tests.load_dialogue import Manager, answers_for, text_of
from tests.newjob_app import Running, running_app
from tests.slack_requests import SlackSender

pytestmark = [pytest.mark.load, pytest.mark.postgres]

fake_slack = slack_fixtures.fake_slack

MANAGERS = 200
SENDERS = 32


@pytest.fixture
def run(fake_slack: FakeSlack, pg_url: str) -> Iterator[Running]:
    with running_app(fake_slack, pg_url) as running:
        yield running


def drive_all(run: Running, managers: list[Manager], senders: int) -> list[str]:
    """Take turns: each sender gives one manager's next answer, then puts them at the back."""
    ready: queue.Queue[Manager] = queue.Queue()
    for manager in managers:
        ready.put(manager)
    failures: list[str] = []
    remaining = [len(managers)]
    lock = threading.Lock()

    def sender() -> None:
        with SlackSender(run.slack.url, fake=run.fake, timeout=30) as slack:
            while True:
                try:
                    manager = ready.get(timeout=0.2)
                except queue.Empty:
                    with lock:
                        if remaining[0] == 0 or failures:
                            return
                    continue
                try:
                    manager.next_step(slack)
                except Exception as error:  # reported below with the manager's steps
                    with lock:
                        failures.append(f"{manager.user}: {error}")
                        remaining[0] -= 1
                    continue
                if manager.done:
                    with lock:
                        remaining[0] -= 1
                else:
                    ready.put(manager)

    threads = [threading.Thread(target=sender, daemon=True) for _ in range(senders)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=600)
    assert not any(thread.is_alive() for thread in threads), "senders did not finish"
    return failures


def test_200_concurrent_dialogues_each_finish_with_their_own_answers(run: Running) -> None:
    managers = []
    for number in range(MANAGERS):
        user = f"U0LOAD{number:04d}"
        run.fake.add_user(user, name=f"manager.{number:03d}")
        managers.append(Manager(run.fake, user, answers_for(number)))

    failures = drive_all(run, managers, SENDERS)
    assert not failures, "\n".join(failures[:10])

    for number, manager in enumerate(managers):
        mine = f"{number:03d}"
        [draft] = run.store.drafts_for(manager.user)
        assert draft.status is DraftStatus.READY and draft.current_version == 1, draft
        assert draft.requester == manager.user
        assert draft.dm_channel == manager.dm and draft.dm_thread_ts == manager.thread
        session = run.store.session_for_draft(draft.id)
        assert session is not None and session.status == "finished"
        assert session.user_id == manager.user

        version = run.store.version(draft.id, 1)
        assert version is not None
        posting = Posting.model_validate(version.posting)
        assert posting.organisation.name == f"Org {mine} Networks"
        assert posting.how_to_apply == f"https://jobs.example.com/{mine}"
        assert f"Custom duty {mine}" in posting.responsibilities
        assert posting.pay is not None and posting.pay.minimum == 50_000 + number * 100
        assert posting.location is not None and posting.location.city == "Denver"
        assert posting.closing_date is not None and not posting.missing()

        # The thread shows this manager's words and nobody else's.
        thread = [m for m in manager.bot_messages() if m.get("thread_ts") == manager.thread]
        shown = " ".join(text_of(m) for m in thread)
        assert set(re.findall(r"Org (\d{3}) Networks", shown)) == {mine}
        assert set(re.findall(r"Custom duty (\d{3})", shown)) == {mine}
        assert "Submit for review" in text_of(thread[-1])
    assert run.fake.count("chat.postMessage", predicate=lambda c: not c.ok) == 0
