"""The store on SQLite and PostgreSQL: drafts, versions, sessions, approvals, audit, deliveries."""

from __future__ import annotations

import threading
import time
from typing import Any

import pytest
from sqlalchemy import event

from bot.store import DraftStatus, Store, StoreUnavailable


def _draft(store: Store, requester: str = "U0REQUEST1") -> int:
    return store.create_draft(
        team_id="T0TEAM0001", requester=requester, title="Network Technician", role_key="x"
    ).id


def test_draft_lifecycle_and_versions(store: Store) -> None:
    draft_id = _draft(store)
    draft = store.draft(draft_id)
    assert draft is not None and draft.status is DraftStatus.DRAFTING
    assert draft.current_version == 0
    first = store.add_version(draft_id, {"title": "Network Technician"}, author="U0REQUEST1")
    second = store.add_version(draft_id, {"title": "Senior Network Technician"}, author="U0X")
    assert first is not None and second is not None
    assert (first.number, second.number) == (1, 2)
    assert store.draft(draft_id).current_version == 2  # type: ignore[union-attr]
    assert store.draft(draft_id).title == "Senior Network Technician"  # type: ignore[union-attr]
    assert store.version(draft_id).number == 2  # type: ignore[union-attr]
    assert store.version(draft_id, 1).posting == {"title": "Network Technician"}  # type: ignore[union-attr]
    assert [v.number for v in store.versions(draft_id)] == [1, 2]
    # An edit based on a stale version does not become a version of its own.
    assert store.add_version(draft_id, {"title": "x"}, author="U0X", expected_version=1) is None


def test_transitions_happen_once(store: Store) -> None:
    draft_id = _draft(store)
    assert store.transition(draft_id, to=DraftStatus.READY, from_=[DraftStatus.DRAFTING])
    assert not store.transition(draft_id, to=DraftStatus.READY, from_=[DraftStatus.DRAFTING])
    assert store.draft(draft_id).status is DraftStatus.READY  # type: ignore[union-attr]
    assert not store.transition(
        draft_id, to=DraftStatus.IN_REVIEW, from_=[DraftStatus.READY], version=3
    )


def test_sessions_survive_a_new_store_object(store: Store, store_url: str) -> None:
    draft_id = _draft(store)
    session = store.start_session(
        draft_id=draft_id,
        user_id="U0REQUEST1",
        channel_id="D0DM000001",
        thread_ts="1700000000.000100",
        state={"step": 0, "answers": {}},
    )
    assert store.save_session(session.id, {"step": 1, "answers": {"pay": "55k"}}, expected_step=0)
    # A second delivery of the same answer finds the step moved on and changes nothing.
    assert not store.save_session(session.id, {"step": 1, "answers": {}}, expected_step=0)
    store.dispose()
    reopened = Store(store_url)
    found = reopened.session_in_thread("D0DM000001", "1700000000.000100")
    assert found is not None and found.state == {"step": 1, "answers": {"pay": "55k"}}
    assert reopened.latest_active_session("U0REQUEST1", "D0DM000001") == found
    reopened.save_session(found.id, found.state, status="finished")
    assert reopened.latest_active_session("U0REQUEST1", "D0DM000001") is None
    reopened.dispose()


def test_approvals_count_once_per_person_and_version(store: Store) -> None:
    draft_id = _draft(store)
    assert store.add_approval(draft_id, 1, "U0APPROVE1")
    assert not store.add_approval(draft_id, 1, "U0APPROVE1")
    assert store.add_approval(draft_id, 2, "U0APPROVE1")
    assert [a.approver for a in store.approvals(draft_id, 1)] == ["U0APPROVE1"]


def test_concurrent_approvals_and_deliveries(store: Store) -> None:
    draft_id = _draft(store)
    results: list[bool] = []
    deliveries: list[bool] = []

    def approve() -> None:
        results.append(store.add_approval(draft_id, 1, "U0APPROVE1"))
        deliveries.append(store.first_delivery("Ev0SAME"))

    threads = [threading.Thread(target=approve) for _ in range(8)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert results.count(True) == 1
    assert deliveries.count(True) == 1


def test_audit_trail(store: Store) -> None:
    draft_id = _draft(store)
    store.record(draft_id, "submitted", "U0REQUEST1", version=1, channel="C0REVIEW01")
    kinds = [event.kind for event in store.history(draft_id)]
    assert kinds == ["created", "submitted"]
    assert store.history(draft_id)[1].detail == {"channel": "C0REVIEW01"}
    assert store.count_events(draft_id, "submitted") == 1


def test_unreachable_database_is_reported_plainly() -> None:
    store = Store("postgresql://nobody@127.0.0.1:1/none")
    assert not store.ping()
    with pytest.raises(StoreUnavailable):
        store.migrate()


def test_processes_starting_together_migrate_once(store_url: str) -> None:
    """Instances and their workers start at the same moment on a new database: each migrates,
    none fails, and the schema and its version row exist once."""
    stores = [Store(store_url) for _ in range(6)]
    barrier = threading.Barrier(len(stores))
    failures: list[BaseException] = []

    def start(store: Store) -> None:
        barrier.wait()
        try:
            store.migrate()
        except BaseException as exc:  # collected and asserted below
            failures.append(exc)

    threads = [threading.Thread(target=start, args=(s,)) for s in stores]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    try:
        assert failures == []
        draft = stores[0].create_draft(
            team_id="T1", requester="U1", title="Network Technician", role_key="nt"
        )
        assert stores[-1].draft(draft.id) is not None
    finally:
        for store in stores:
            store.dispose()


def _slow_checks(store: Store, seconds: float) -> list[float]:
    """Make each `SELECT 1` take `seconds` (a listener on the engine); the times they began."""
    began: list[float] = []

    @event.listens_for(store.engine, "before_cursor_execute")
    def slow(_conn: Any, _cursor: Any, statement: str, *_args: Any) -> None:
        if statement == "SELECT 1":
            began.append(time.monotonic())
            time.sleep(seconds)

    return began


def test_callers_at_the_same_moment_share_one_database_check(store: Store) -> None:
    checks = _slow_checks(store, 0.2)
    barrier = threading.Barrier(16)
    answers: list[bool] = []

    def ask() -> None:
        barrier.wait()
        answers.append(store.ping())

    threads = [threading.Thread(target=ask) for _ in range(16)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(10)
    assert answers == [True] * 16
    assert 1 <= len(checks) <= 2  # the first check, and one for those who asked during it


def test_a_yes_runs_out_and_the_next_caller_checks_again(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No check runs in the background: within a yes, callers take it; after it, the next
    caller asks the database itself."""
    healthy_for = 0.5
    monkeypatch.setattr("bot.store.store.HEALTHY_FOR", healthy_for)
    checks = _slow_checks(store, 0)
    assert store.ping()
    time.sleep(healthy_for * 0.8)
    assert store.ping() is True
    assert len(checks) == 1  # within the yes: no check, in the foreground or behind it
    time.sleep(healthy_for * 0.4)
    assert len(checks) == 1
    assert store.ping() is True
    assert len(checks) == 2


def test_a_check_begun_before_the_call_is_not_its_answer(store: Store) -> None:
    checks = _slow_checks(store, 0.3)
    first = threading.Thread(target=store.ping)
    first.start()
    while not checks:
        time.sleep(0.01)
    assert store.ping() is True  # called while the first check was under way
    first.join(10)
    assert len(checks) == 2 and checks[1] >= checks[0] + 0.3


def test_a_yes_stands_for_a_moment_and_a_no_never(
    store: Store, monkeypatch: pytest.MonkeyPatch
) -> None:
    healthy_for = 0.5  # long enough that the first two calls fall in the first half of a yes
    monkeypatch.setattr("bot.store.store.HEALTHY_FOR", healthy_for)
    checks = _slow_checks(store, 0)
    assert store.ping() and store.ping()
    assert len(checks) == 1
    time.sleep(healthy_for * 2)
    assert store.ping()
    assert len(checks) == 2

    nowhere = Store("postgresql://newjob@127.0.0.1:9/none")  # nothing listens on port 9
    attempts: list[int] = []
    event.listen(nowhere.engine, "do_connect", lambda *_: attempts.append(1))
    try:
        assert not nowhere.ping() and not nowhere.ping()
        assert len(attempts) == 2
    finally:
        nowhere.dispose()
