"""The review domain without Slack: the approval policy, diffs, the webhook, and Reviewing on a
real store (SQLite and PostgreSQL), racing threads included."""

from __future__ import annotations

import threading
from typing import Any

import pytest

from bot.posting import Posting
from bot.review.diff import describe, diff
from bot.review.policy import ApprovalPolicy
from bot.review.publish import WebhookFailed, deliver, exports, slug
from bot.review.reviewing import PostedAt, Reviewing
from bot.settings import Settings
from bot.store import DraftRecord, DraftStatus, Store
from tests.fake_slack import FakeSlack
from tests.review_scenes import posting_data

# ------------------------------------------------------------------ policy


def test_policy_users_groups_and_the_requester() -> None:
    policy = ApprovalPolicy(frozenset({"U0APPROVE01", "S0HR"}), required=2)
    groups = {"S0HR": ["U0HRPERSON"]}

    def members(group: str) -> list[str]:
        return groups.get(group, [])

    assert policy.refusal("U0HIRING001", "U0APPROVE01", members) is None
    assert policy.refusal("U0HIRING001", "U0HRPERSON", members) is None
    assert policy.refusal("U0HIRING001", "U0STRANGER", members) == "not_approver"
    assert policy.refusal("U0HRPERSON", "U0HRPERSON", members) == "own_draft"
    assert policy.refusal("U0HIRING001", "U0HRPERSON") == "not_approver"  # groups unknown
    assert policy.may_edit("U0HIRING001", "U0HIRING001", members)
    assert not policy.may_edit("U0HIRING001", "U0STRANGER", members)
    assert not policy.enough(1) and policy.enough(2)


def test_policy_without_approvers_lets_anyone_but_the_requester() -> None:
    policy = ApprovalPolicy(frozenset())
    assert policy.anyone
    assert policy.refusal("alice", "bob") is None
    assert policy.refusal("alice", "alice") == "own_draft"


def test_policy_from_settings() -> None:
    settings = Settings(
        _env_file=None, newjob_approvers=" U1AAA, S2BBB ,", newjob_required_approvals=3
    )
    policy = ApprovalPolicy.from_settings(settings)
    assert policy.approvers == {"U1AAA", "S2BBB"} and policy.groups == ["S2BBB"]
    assert policy.required == 3


# ------------------------------------------------------------------ diff


def _posting(**changes: Any) -> Posting:
    return Posting.model_validate(posting_data(**changes))


def test_diff_says_what_changed_in_words() -> None:
    old = _posting()
    new = _posting(
        pay={"minimum": 60000, "maximum": 70000, "currency": "USD", "period": "year"},
        employment_type="PART_TIME",
        responsibilities=[*old.responsibilities[:2], "Configure VLANs for the new office"],
        team="Field Services",
    )
    lines = describe(diff(old, new))
    assert lines == [
        "Team: Field Services (was empty)",
        "Employment type: Full-time → Part-time",
        "Pay: $55,000 – $65,000 a year → $60,000 – $70,000 a year",
        "Responsibilities: removed “Keep the inventory of network hardware up to date”",
        "Responsibilities: added “Configure VLANs for the new office”",
    ]
    assert diff(old, old) == []


def test_diff_of_long_text_reorders_and_removals() -> None:
    old = _posting()
    new = _posting(
        summary="A much longer summary. " * 20,
        requirements=list(reversed(old.requirements)),
        closing_date=None,
    )
    lines = describe(diff(old, new))
    assert lines[0].startswith("Closing date: removed (was ")
    assert lines[1].startswith("Summary: rewritten, now “A much longer summary.")
    assert lines[1].endswith("…”")
    assert lines[2] == "Requirements: same items, new order"


# ------------------------------------------------------------------ publishing


def test_exports_are_markdown_html_with_jsonld_and_json() -> None:
    posting = _posting(title="Network Technician (Nights) <b>")
    files = exports(posting, 7, 2)
    assert [f.filename for f in files] == [
        "network-technician-nights-b-7-v2.md",
        "network-technician-nights-b-7-v2.html",
        "network-technician-nights-b-7-v2.json",
    ]
    assert "application/ld+json" in files[1].content and "<b>" not in files[1].content
    assert Posting.model_validate_json(files[2].content) == posting
    assert slug("Ünïcode — only!") == "unicode-only" and slug("!!!") == "posting"


def test_webhook_retries_with_backoff_then_succeeds() -> None:
    waits: list[float] = []
    with FakeSlack() as fake:
        fake.fail_next("webhook", status=503, times=2)
        status = deliver(fake.webhook_url("ats"), _posting(), key="k-1", sleep=waits.append)
        assert status == 200 and waits == [0.5, 1.0]
        calls = fake.calls("webhook")
        assert [c.status for c in calls] == [503, 503, 200]
        assert calls[-1].params["title"] == "Network Technician"
        assert {c.headers["idempotency-key"] for c in calls} == {"k-1"}


def test_webhook_failure_says_why_and_does_not_retry_a_refusal() -> None:
    with FakeSlack() as fake:
        fake.fail_next("webhook", status=500, times=3)
        with pytest.raises(WebhookFailed, match="HTTP 500"):
            deliver(fake.webhook_url(), _posting(), key="k", sleep=lambda _s: None)
        fake.fail_next("webhook", status=400)
        with pytest.raises(WebhookFailed, match="HTTP 400"):
            deliver(fake.webhook_url(), _posting(), key="k", sleep=lambda _s: None)
        assert fake.count("webhook") == 4  # the 400 was not asked again
    with pytest.raises(WebhookFailed, match="ConnectError"):
        deliver("http://127.0.0.1:9/hook", _posting(), key="k", attempts=2, sleep=lambda _s: None)


# ------------------------------------------------------------------ Reviewing on a real store


def _settings(store_url: str, **values: Any) -> Settings:
    return Settings(_env_file=None, database_url=store_url, **values)


def _ready(store: Store, requester: str = "alice", **changes: Any) -> DraftRecord:
    posting = _posting(**changes)
    draft = store.create_draft(
        team_id="T1", requester=requester, title=posting.title, role_key="network_technician"
    )
    store.add_version(draft.id, posting.model_dump(mode="json"), author=requester)
    store.transition(draft.id, to=DraftStatus.READY, from_=[DraftStatus.DRAFTING])
    found = store.draft(draft.id)
    assert found is not None
    return found


class Board:
    """A job board that remembers what it was given (and can refuse)."""

    def __init__(self) -> None:
        self.posted: list[str] = []
        self.files: list[str] = []
        self.lock = threading.Lock()

    def post(self, draft: DraftRecord, posting: Posting) -> PostedAt:
        with self.lock:
            self.posted.append(posting.title)
        return PostedAt("jobs", f"ts-{draft.id}", "https://example.com/jobs")

    def attach(self, draft: DraftRecord, where: PostedAt, files: list[Any]) -> None:
        with self.lock:
            self.files.extend(f.filename for f in files)


def test_review_from_submit_to_published(store: Store, store_url: str) -> None:
    review = Reviewing(store, _settings(store_url, newjob_approvers="bob,carol"))
    draft = _ready(store)
    assert review.submit(draft.id, "bob").refused == "not_requester"
    assert review.submit(draft.id, "alice").refused is None
    assert review.submit(draft.id, "alice").refused == "already_in_review"
    draft = review.submitted(draft, actor="alice", channel="C1", ts="1.1")
    assert review.approve(draft.id, "alice").refused == "own_draft"
    assert review.approve(draft.id, "mallory").refused == "not_approver"
    result = review.approve(draft.id, "bob")
    assert result.counted and result.publish and result.approvals == 1
    assert review.approve(draft.id, "carol").refused == "already_published"
    board = Board()
    published = review.publish(draft.id, "bob", board)
    assert published.published and board.posted == ["Network Technician"]
    assert len(board.files) == 3
    final = store.draft(draft.id)
    assert final is not None and final.status is DraftStatus.PUBLISHED
    assert final.permalink == "https://example.com/jobs"
    assert review.publish(draft.id, "bob", board).published and len(board.posted) == 1
    kinds = [event.kind for event in store.history(draft.id)]
    assert kinds == [
        "created",
        "submitted",
        "refused",
        "refused",
        "approved",
        "exported",
        "published",
    ]


def test_approvals_belong_to_one_version(store: Store, store_url: str) -> None:
    review = Reviewing(store, _settings(store_url, newjob_required_approvals=2))
    draft = _ready(store)
    review.submit(draft.id, "alice")
    assert review.approve(draft.id, "bob").approvals == 1
    revision = review.revise(draft.id, "bob", {"team": "Field Services"}, note="set team")
    assert revision.made and revision.version == 2
    assert review.approve(draft.id, "carol", version=1).refused == "stale"
    second = review.approve(draft.id, "carol")
    assert second.version == 2 and second.approvals == 1 and not second.publish
    assert review.revise(draft.id, "bob", {"team": "Field Services"}).refused == "unchanged"
    assert review.revise(draft.id, "bob", {"team": "x"}, base_version=1).refused == "conflict"
    assert review.approve(draft.id, "dave").publish


def test_changes_requested_then_a_new_version_reopens(store: Store, store_url: str) -> None:
    review = Reviewing(store, _settings(store_url))
    draft = _ready(store)
    review.submit(draft.id, "alice")
    assert review.request_changes(draft.id, "alice", "hm").refused == "own_draft_changes"
    assert review.request_changes(draft.id, "bob", " ").refused == "no_comment"
    asked = review.request_changes(draft.id, "bob", "Make the pay a range")
    assert asked.draft is not None and asked.draft.status is DraftStatus.CHANGES_REQUESTED
    assert review.approve(draft.id, "carol").refused == "changes_requested"
    revision = review.revise(draft.id, "alice", {"team": "Field"})
    assert revision.reopened and revision.draft is not None
    assert revision.draft.status is DraftStatus.IN_REVIEW


def test_check_errors_need_an_override_with_a_reason(store: Store, store_url: str) -> None:
    review = Reviewing(store, _settings(store_url, newjob_required_approvals=2))
    draft = _ready(store, benefits=[])
    review.submit(draft.id, "alice")
    refused = review.approve(draft.id, "bob")
    assert refused.refused == "checks" and refused.detail == {"errors": 1}
    assert review.approve(draft.id, "bob", override_reason="   ").refused == "checks"
    first = review.approve(draft.id, "bob", override_reason="Benefits are on the careers page")
    assert first.counted and first.overridden
    # The override holds for this version: the next approver needs no reason of their own.
    second = review.approve(draft.id, "carol")
    assert second.counted and not second.overridden and second.publish
    [override] = [e for e in store.history(draft.id) if e.kind == "override"]
    assert override.actor == "bob" and override.detail["reason"].startswith("Benefits")


def test_racing_approvals_publish_once(store: Store, store_url: str) -> None:
    review = Reviewing(store, _settings(store_url, newjob_required_approvals=2))
    for _round in range(3):
        draft = _ready(store)
        review.submit(draft.id, "alice")
        people = ["bob", "carol", "bob", "carol", "bob", "carol"]
        start = threading.Barrier(len(people))
        results: list[Any] = []
        lock = threading.Lock()

        def approve(
            person: str,
            draft_id: int = draft.id,
            start: threading.Barrier = start,
            results: list[Any] = results,
            lock: threading.Lock = lock,
        ) -> None:
            start.wait()
            outcome = Reviewing(store, review.settings).approve(draft_id, person)
            with lock:
                results.append(outcome)

        threads = [threading.Thread(target=approve, args=(p,)) for p in people]
        for thread in threads:
            thread.start()
        for thread in threads:
            thread.join(timeout=30)
        assert len(results) == len(people)
        assert sum(r.counted for r in results) == 2
        assert sum(r.publish for r in results) == 1
        assert sorted(a.approver for a in store.approvals(draft.id, 1)) == ["bob", "carol"]


def test_a_failed_publication_is_retried_once_per_failure(store: Store, store_url: str) -> None:
    review = Reviewing(store, _settings(store_url))
    draft = _ready(store)
    review.submit(draft.id, "alice")
    assert review.approve(draft.id, "bob").publish

    class Refusing(Board):
        def attach(self, draft: DraftRecord, where: PostedAt, files: list[Any]) -> None:
            from bot.review.reviewing import BoardUnavailable

            raise BoardUnavailable("upload refused")

    failed = review.publish(draft.id, "bob", Refusing())
    assert not failed.published and failed.failed_step == "exports"
    assert failed.error == "upload refused"
    assert review.claim_retry(draft.id) and not review.claim_retry(draft.id)
    board = Board()
    assert review.publish(draft.id, "bob", board).published
    assert board.posted == [] and len(board.files) == 3  # the post was already made
    assert not review.claim_retry(draft.id)


def test_waiting_for_me(store: Store, store_url: str) -> None:
    review = Reviewing(store, _settings(store_url, newjob_approvers="bob,S0HR"))
    draft = _ready(store)
    review.submit(draft.id, "alice")
    members = {"S0HR": ["hana"]}.get
    assert [d.id for d in review.waiting_for("bob")] == [draft.id]
    assert [d.id for d in review.waiting_for("hana", lambda g: members(g) or [])] == [draft.id]
    assert review.waiting_for("alice") == [] and review.waiting_for("zed") == []
    review.approve(draft.id, "bob")
    assert review.waiting_for("bob") == []
