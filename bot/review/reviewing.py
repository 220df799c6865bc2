"""Reviewing: from a ready draft to a published posting, through review, approvals and checks.

The one place that decides who may do what to a draft under review and keeps the audit; the
Slack listeners and the terminal playground call it and only decide how to show the result.
Every state change that can race goes through the store's atomic `transition`, so a draft is
approved, and published, once however many instances and clicks there are.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any, Protocol

from pydantic import ValidationError

from bot.checks import CheckSummary, Finding, check_posting, summarise
from bot.drafting import Drafting, EditRejected, role_for
from bot.posting import Posting
from bot.posting.model import describe_errors
from bot.review.commands import Edit, to_changes
from bot.review.diff import Change, diff
from bot.review.policy import ApprovalPolicy, MembersOf
from bot.review.publish import Export, WebhookFailed, deliver, exports
from bot.settings import Settings
from bot.store import AuditRecord, DraftRecord, DraftStatus, Store
from bot.text import field_label

UNDER_REVIEW = (DraftStatus.IN_REVIEW, DraftStatus.CHANGES_REQUESTED)


# ---------------------------------------------------------------------------------- results


@dataclass(frozen=True)
class Refusable:
    """`refused` names why nothing happened (a key under `review.refused` in prompts/review.yaml,
    filled in with `detail`); None when the request went through."""

    draft: DraftRecord | None
    refused: str | None = None
    detail: dict[str, Any] = field(default_factory=dict)


@dataclass(frozen=True)
class Submission(Refusable):
    missing: list[str] = field(default_factory=list)


@dataclass(frozen=True)
class ApprovalResult(Refusable):
    version: int = 0
    counted: bool = False  # a new approval was stored (False for a repeat)
    approvals: int = 0
    required: int = 1
    overridden: bool = False  # this approval overrode the checks' errors
    publish: bool = False  # this request completed the approvals: publish now (once)


@dataclass(frozen=True)
class ChangesRequested(Refusable):
    version: int = 0
    comment: str = ""


@dataclass(frozen=True)
class Revision(Refusable):
    """A new version made in review, or why not (`refused`, or `problems` by field)."""

    version: int = 0
    before: Posting | None = None
    after: Posting | None = None
    changes: list[Change] = field(default_factory=list)
    problems: dict[str, str] = field(default_factory=dict)
    reopened: bool = False  # changes had been requested, or it was published: back in review
    published: int = 0  # the version candidates still see while this one is in review

    @property
    def made(self) -> bool:
        return self.refused is None and not self.problems and self.version > 0


@dataclass(frozen=True)
class Publication:
    draft: DraftRecord
    published: bool
    failed_step: str = ""
    error: str = ""


# ---------------------------------------------------------------------------------- job boards


@dataclass(frozen=True)
class PostedAt:
    channel: str
    ts: str
    permalink: str = ""


class BoardUnavailable(RuntimeError):
    """The place postings are published to did not take it; the message says why."""


class JobBoard(Protocol):
    """Where approved postings go: the jobs channel in Slack, the screen in the terminal."""

    def post(self, draft: DraftRecord, posting: Posting) -> PostedAt: ...

    def attach(self, draft: DraftRecord, where: PostedAt, files: list[Export]) -> None: ...

    def update(self, draft: DraftRecord, where: PostedAt, posting: Posting) -> None:
        """Show a newer approved version where the posting was published."""
        ...


# ---------------------------------------------------------------------------------- reviewing


class Reviewing:
    def __init__(
        self,
        store: Store,
        settings: Settings,
        *,
        drafting: Drafting | None = None,
        today: dt.date | None = None,
    ) -> None:
        self.store = store
        self.settings = settings
        self.drafting = drafting or Drafting(store, settings)
        self.policy = ApprovalPolicy.from_settings(settings)
        self._today = today

    # ------------------------------------------------------------------ checks

    def findings(self, draft: DraftRecord, posting: Posting) -> list[Finding]:
        return check_posting(posting, role=role_for(draft.role_key), today=self._today)

    def check_summary(self, draft: DraftRecord, posting: Posting) -> CheckSummary:
        return summarise(self.findings(draft, posting))

    def override(self, draft_id: int, version: int) -> AuditRecord | None:
        """The override of the checks on record for this version, if an approver gave one."""
        return next(
            (
                event
                for event in self.store.history(draft_id)
                if event.kind == "override" and event.version == version
            ),
            None,
        )

    def approvals(self, draft: DraftRecord) -> list[str]:
        """Who approved the draft's current version, first first."""
        return [a.approver for a in self.store.approvals(draft.id, draft.current_version)]

    # ------------------------------------------------------------------ submit

    def submit(self, draft_id: int, actor: str) -> Submission:
        """Claim a ready draft for review (READY -> IN_REVIEW, once). The adapter then posts it
        and calls `submitted`, or `submission_failed` to put it back as it was."""
        draft = self.store.draft(draft_id)
        if draft is None or draft.status is DraftStatus.CANCELLED:
            return Submission(draft, refused="missing")
        if actor != draft.requester:
            return Submission(draft, refused="not_requester")
        if draft.status in UNDER_REVIEW:
            return Submission(draft, refused="already_in_review")
        if draft.status in (DraftStatus.APPROVED, DraftStatus.PUBLISHED):
            return Submission(draft, refused="already_published")
        posting = self.drafting.posting(draft)
        if draft.status is not DraftStatus.READY or posting is None:
            return Submission(draft, refused="not_ready")
        missing = posting.missing()
        if missing:
            labels = ", ".join(field_label(name) for name in missing)
            return Submission(draft, refused="incomplete", detail={"fields": labels})
        claimed = self.store.transition(
            draft.id,
            to=DraftStatus.IN_REVIEW,
            from_=[DraftStatus.READY],
            version=draft.current_version,
        )
        if not claimed:
            return Submission(self.store.draft(draft.id), refused="already_in_review")
        return Submission(self.store.draft(draft.id) or draft)

    def submitted(
        self, draft: DraftRecord, *, actor: str, channel: str, ts: str, permalink: str = ""
    ) -> DraftRecord:
        """The review post is out: remember where, and put the submission in the audit."""
        updated = self.store.update_draft(
            draft.id, review_channel=channel, review_ts=ts, permalink=permalink
        )
        self.store.record(
            draft.id, "submitted", actor, version=draft.current_version, channel=channel
        )
        return updated

    def submission_failed(self, draft: DraftRecord) -> None:
        """The review post could not be made: the draft is ready to submit again."""
        self.store.transition(draft.id, to=DraftStatus.READY, from_=[DraftStatus.IN_REVIEW])

    # ------------------------------------------------------------------ approve

    def approve(
        self,
        draft_id: int,
        actor: str,
        *,
        version: int | None = None,
        members_of: MembersOf | None = None,
        override_reason: str | None = None,
    ) -> ApprovalResult:
        """Approve one version (the current one unless `version` says which was shown).

        Refused, and recorded as refused, when the actor may not approve, the version is not
        the current one, or the checks found errors nobody has overridden. With
        `override_reason`, an approver overrides those errors for this version (recorded).
        """
        required = self.policy.required
        draft = self.store.draft(draft_id)
        if draft is None or draft.status is DraftStatus.CANCELLED:
            return ApprovalResult(draft, refused="missing", required=required)
        shown = version if version is not None else draft.current_version

        def refuse(reason: str, *, audit: bool = True, **detail: Any) -> ApprovalResult:
            if audit:
                self.store.record(
                    draft.id,
                    "refused",
                    actor,
                    version=shown,
                    action="approve",
                    reason=reason,
                    **detail,
                )
            return ApprovalResult(
                draft, refused=reason, detail=detail, version=shown, required=required
            )

        reason = self.policy.refusal(draft.requester, actor, members_of)
        if reason is not None:
            return refuse(reason)
        if draft.status in (DraftStatus.APPROVED, DraftStatus.PUBLISHED):
            return refuse("already_published", audit=False)
        if draft.status is DraftStatus.CHANGES_REQUESTED:
            return refuse("changes_requested", audit=False, version=draft.current_version)
        if draft.status is not DraftStatus.IN_REVIEW:
            return refuse("not_in_review", audit=False)
        if shown != draft.current_version:
            return refuse("stale", shown=shown, current=draft.current_version)
        approved = {a.approver for a in self.store.approvals(draft.id, shown)}
        if actor in approved:
            return refuse("already_approved", audit=False, version=shown)
        posting = self.drafting.posting(draft, shown)
        if posting is None:
            return refuse("missing", audit=False)
        overridden = False
        summary = self.check_summary(draft, posting)
        if summary.blocks_approval and self.override(draft.id, shown) is None:
            reason_given = " ".join((override_reason or "").split())
            if not reason_given:
                return refuse("checks", errors=summary.errors)
            errors = [f.message for f in self.findings(draft, posting) if f.severity == "error"]
            self.store.record(
                draft.id, "override", actor, version=shown, reason=reason_given, errors=errors
            )
            overridden = True
        if not self.store.add_approval(draft.id, shown, actor):
            return refuse("already_approved", audit=False, version=shown)
        count = len(self.store.approvals(draft.id, shown))
        self.store.record(
            draft.id, "approved", actor, version=shown, approvals=count, required=required
        )
        publish = False
        if self.policy.enough(count):
            # Exactly one request wins this (however many instances and clicks race), and only
            # while the version approved is still the current one.
            publish = self.store.transition(
                draft.id, to=DraftStatus.APPROVED, from_=[DraftStatus.IN_REVIEW], version=shown
            )
        return ApprovalResult(
            self.store.draft(draft.id) or draft,
            version=shown,
            counted=True,
            approvals=count,
            required=required,
            overridden=overridden,
            publish=publish,
        )

    def waiting_for(self, user: str, members_of: MembersOf | None = None) -> list[DraftRecord]:
        """Drafts in review that `user` may approve and has not yet approved."""
        waiting = []
        for draft in self.store.drafts_in([DraftStatus.IN_REVIEW], limit=50):
            if self.policy.refusal(draft.requester, user, members_of) is None and (
                user not in self.approvals(draft)
            ):
                waiting.append(draft)
        return waiting

    # ------------------------------------------------------------------ changes requested

    def request_changes(
        self, draft_id: int, actor: str, comment: str, *, members_of: MembersOf | None = None
    ) -> ChangesRequested:
        draft = self.store.draft(draft_id)
        comment = comment.strip()
        if draft is None or draft.status is DraftStatus.CANCELLED:
            return ChangesRequested(draft, refused="missing")
        reason = self.policy.refusal(draft.requester, actor, members_of)
        if reason == "own_draft":
            reason = "own_draft_changes"
        if reason is not None:
            self.store.record(
                draft.id,
                "refused",
                actor,
                version=draft.current_version,
                action="request_changes",
                reason=reason,
            )
            return ChangesRequested(draft, refused=reason)
        if draft.status not in UNDER_REVIEW:
            refused = (
                "already_published"
                if draft.status in (DraftStatus.APPROVED, DraftStatus.PUBLISHED)
                else "not_in_review"
            )
            return ChangesRequested(draft, refused=refused)
        if not comment:
            return ChangesRequested(draft, refused="no_comment")
        self.store.transition(
            draft.id, to=DraftStatus.CHANGES_REQUESTED, from_=[DraftStatus.IN_REVIEW]
        )
        self.store.record(
            draft.id, "changes_requested", actor, version=draft.current_version, comment=comment
        )
        return ChangesRequested(
            self.store.draft(draft.id) or draft, version=draft.current_version, comment=comment
        )

    # ------------------------------------------------------------------ new versions

    def apply(
        self,
        draft_id: int,
        actor: str,
        command: Edit,
        *,
        note: str = "",
        members_of: MembersOf | None = None,
    ) -> Revision:
        """A reviewer's reply edit (`set pay …`, `add duty …`) as a new version."""
        draft = self.store.draft(draft_id)
        current = self.drafting.posting(draft) if draft else None
        if draft is None or current is None:
            return Revision(draft, refused="missing")
        try:
            changes = to_changes(command, current)
        except EditRejected as rejected:
            return Revision(draft, problems=rejected.problems)
        return self.revise(draft.id, actor, changes, note=note, members_of=members_of)

    def revise(
        self,
        draft_id: int,
        actor: str,
        changes: dict[str, Any],
        *,
        base_version: int | None = None,
        note: str = "",
        members_of: MembersOf | None = None,
    ) -> Revision:
        """A new version of a draft under review or published, by its requester or an approver.

        Nothing is stored when the changes change nothing, or when someone else made a version
        since `base_version` (checked in the transaction of the write). A new version after
        "changes requested", or of a published posting, puts the draft (back) in review;
        approvals of older versions stay with them, and a published version stays published
        until the new one is approved and published in its place.
        """
        draft = self.store.draft(draft_id)
        if draft is None or draft.status is DraftStatus.CANCELLED:
            return Revision(draft, refused="missing")
        if not self.policy.may_edit(draft.requester, actor, members_of):
            self.store.record(
                draft.id,
                "refused",
                actor,
                version=draft.current_version,
                action="edit",
                reason="not_editor",
            )
            return Revision(draft, refused="not_editor")
        if draft.status not in (*UNDER_REVIEW, DraftStatus.PUBLISHED):
            refused = "publishing" if draft.status is DraftStatus.APPROVED else "not_in_review"
            return Revision(draft, refused=refused)
        base = base_version if base_version is not None else draft.current_version
        if base != draft.current_version:
            return Revision(draft, refused="conflict")
        before = self.drafting.posting(draft)
        if before is None:
            return Revision(draft, refused="missing")
        try:
            after = Posting.model_validate({**before.model_dump(mode="json"), **changes})
        except ValidationError as exc:
            problems: dict[str, str] = {}
            for item, sentence in zip(exc.errors(), describe_errors(exc), strict=True):
                problems.setdefault(str(item["loc"][0]) if item["loc"] else "posting", sentence)
            return Revision(draft, problems=problems)
        changed = diff(before, after)
        if not changed:
            return Revision(
                draft,
                refused="unchanged",
                detail={"version": draft.current_version},
                version=draft.current_version,
            )
        try:
            saved = self.drafting.edit(draft, changes, actor=actor, note=note, base_version=base)
        except EditRejected as rejected:
            return Revision(draft, problems=rejected.problems)
        if saved is None:
            return Revision(draft, refused="conflict")
        # The state this version was made in was checked (and moved back to review) under the
        # write's row lock: with the version numbers, that was the draft as read here.
        return Revision(
            self.store.draft(draft.id) or draft,
            version=saved[1],
            before=before,
            after=saved[0],
            changes=changed,
            reopened=draft.status is not DraftStatus.IN_REVIEW,
            published=self.store.published_version(draft.id),
        )

    # ------------------------------------------------------------------ publish

    def publish(self, draft_id: int, actor: str, board: JobBoard) -> Publication:
        """Publish an approved draft: post it, attach its exports, call the webhook, then mark
        it published. Each step done is remembered, so after a failure (recorded, the draft
        still approved) a retry carries on from the step that failed and nothing is done twice.
        """
        draft = self.store.draft(draft_id)
        if draft is None:
            raise LookupError(draft_id)
        if draft.status is DraftStatus.PUBLISHED:
            return Publication(draft, published=True)
        posting = self.drafting.posting(draft)
        if draft.status is not DraftStatus.APPROVED or posting is None:
            return Publication(draft, published=False, error="not approved")
        version = draft.current_version
        step = "post"
        try:
            if not draft.jobs_ts:
                where = board.post(draft, posting)
                draft = self.store.update_draft(
                    draft.id,
                    jobs_channel=where.channel,
                    jobs_ts=where.ts,
                    permalink=where.permalink or draft.permalink,
                )
            elif 0 < self.store.published_version(draft.id) < version and not (
                self.store.count_events(draft.id, "reposted", version=version)
            ):
                # A new version of a published posting: the message candidates read changes
                # in place, now that this version is approved.
                board.update(draft, PostedAt(draft.jobs_channel, draft.jobs_ts), posting)
                self.store.record(draft.id, "reposted", actor, version=version)
            step = "exports"
            if not self.store.count_events(draft.id, "exported", version=version):
                files = exports(posting, draft.id, version)
                board.attach(draft, PostedAt(draft.jobs_channel, draft.jobs_ts), files)
                names = [f.filename for f in files]
                self.store.record(draft.id, "exported", actor, version=version, files=names)
            step = "webhook"
            url = self.settings.newjob_publish_webhook
            if url and not self.store.count_events(draft.id, "webhook_delivered", version=version):
                status = deliver(url, posting, key=f"newjob-draft-{draft.id}-v{version}")
                self.store.record(
                    draft.id, "webhook_delivered", actor, version=version, status=status
                )
        except (BoardUnavailable, WebhookFailed) as failure:
            error = str(failure)
            self.store.record(
                draft.id, "publish_failed", actor, version=version, step=step, error=error
            )
            return Publication(draft, published=False, failed_step=step, error=error)
        if self.store.transition(draft.id, to=DraftStatus.PUBLISHED, from_=[DraftStatus.APPROVED]):
            self.store.record(
                draft.id, "published", actor, version=version, permalink=draft.permalink
            )
        return Publication(self.store.draft(draft.id) or draft, published=True)

    def claim_retry(self, draft_id: int) -> bool:
        """One retry of a failed publication, however many people click Retry at once."""
        draft = self.store.draft(draft_id)
        if draft is None or draft.status is not DraftStatus.APPROVED:
            return False
        failures = self.store.count_events(draft_id, "publish_failed")
        return self.store.first_delivery(f"publish-retry:{draft_id}:{failures}")
