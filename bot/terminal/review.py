"""Review in the terminal playground: `submit`, then reviewers simulated by name (`as alice`)
typing what they would reply in Slack: `approve`, `changes: …`, `set pay …`, `add duty …`,
`override: <reason>`, and `retry` after a failed publication.

The same `Reviewing` as in Slack decides everything; the "jobs channel" is the screen.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.posting import Posting
from bot.render import to_text
from bot.review.commands import Approve, RequestChanges, clean, parse
from bot.review.diff import describe
from bot.review.publish import Export
from bot.review.reviewing import (
    UNDER_REVIEW,
    ApprovalResult,
    BoardUnavailable,
    PostedAt,
    Refusable,
    Reviewing,
    Revision,
)
from bot.store import DraftRecord, DraftStatus
from bot.text import has, say

if TYPE_CHECKING:
    from bot.terminal.playground import Playground


class Screen:
    """The terminal as a job board: the posting is shown, and its exports are saved as files
    in `folder` (nothing leaves the machine)."""

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.files: list[str] = []

    def post(self, draft: DraftRecord, posting: Posting) -> PostedAt:
        return PostedAt("terminal", f"draft-{draft.id}")

    def update(self, draft: DraftRecord, where: PostedAt, posting: Posting) -> None:
        """The screen shows the new version when it is published; nothing to change here."""

    def attach(self, draft: DraftRecord, where: PostedAt, files: list[Export]) -> None:
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            for export in files:
                (self.folder / export.filename).write_text(export.content, encoding="utf-8")
        except OSError as exc:
            reason = exc.strerror or str(exc)
            raise BoardUnavailable(
                say("review.terminal.exports_failed", folder=self.folder, reason=reason)
            ) from exc
        self.files = [export.filename for export in files]


def reviewing(playground: Playground) -> Reviewing:
    return Reviewing(playground.store, playground.settings, drafting=playground.drafting)


def _refused(result: Refusable) -> list[str]:
    """Why nothing changed: in the terminal's words where Slack's name its buttons."""
    key = f"review.terminal.refused.{result.refused}"
    if not has(key):
        key = f"review.refused.{result.refused}"
    return [say(key, **result.detail)]


def _draft(playground: Playground) -> DraftRecord | None:
    """The draft the playground is on (fresh from the store), else the latest in review."""
    if playground.draft is not None:
        return playground.store.draft(playground.draft.id)
    in_review = playground.store.drafts_in([*UNDER_REVIEW, DraftStatus.APPROVED], limit=1)
    if in_review:
        playground.draft = in_review[0]
        return in_review[0]
    return None


def handle(playground: Playground, text: str) -> list[str] | None:
    """Lines to print for a review command, or None when `text` is not one."""
    lowered = text.lower().strip()
    if lowered == "submit":
        return submit(playground)
    if lowered in ("review", "status"):
        draft = _draft(playground)
        if draft is None or not draft.review_ts:
            return [say("review.terminal.no_review")]
        return review_post(playground, draft)
    if lowered == "retry":
        return retry(playground)
    if lowered.startswith("override"):
        reason = text.strip()[len("override") :].lstrip(" :-")
        return approve(playground, override_reason=reason or " ")
    command = parse(text)
    if command is None:
        return None
    if isinstance(command, Approve):
        return approve(playground)
    draft = _draft(playground)
    if draft is None or not draft.review_ts:
        return [say("review.terminal.no_review")]
    user = playground.user
    flow = reviewing(playground)
    if isinstance(command, RequestChanges):
        asked = flow.request_changes(draft.id, user, command.comment)
        if asked.refused is not None:
            return _refused(asked)
        return [
            say(
                "review.terminal.changes",
                user=user,
                version=asked.version,
                comment=asked.comment,
                requester=draft.requester,
            )
        ]
    return revised(playground, flow.apply(draft.id, user, command, note=clean(text)[:500]))


def submit(playground: Playground) -> list[str]:
    draft = _draft(playground)
    if draft is None:
        return [say("terminal.no_draft")]
    flow = reviewing(playground)
    claimed = flow.submit(draft.id, playground.user)
    if claimed.refused is not None or claimed.draft is None:
        return _refused(claimed)
    draft = flow.submitted(
        claimed.draft, actor=playground.user, channel="terminal", ts=f"review-{draft.id}"
    )
    return [
        *review_post(playground, draft),
        say("review.terminal.submitted", version=draft.current_version),
    ]


def review_post(playground: Playground, draft: DraftRecord) -> list[str]:
    flow = reviewing(playground)
    posting = playground.drafting.posting(draft)
    if posting is None:
        return [say("terminal.not_ready")]
    header = say(
        "review.terminal.header",
        id=draft.id,
        title=draft.title,
        version=draft.current_version,
        status=say(f"slack.status.{draft.status.value}"),
        requester=draft.requester,
        approvals=len(flow.approvals(draft)),
        required=flow.policy.required,
    )
    summary = flow.check_summary(draft, posting)
    return [header, to_text(posting), say("terminal.checks_title", summary=summary.line)]


def revised(playground: Playground, revision: Revision) -> list[str]:
    if revision.problems:
        return list(revision.problems.values())
    if revision.refused is not None or revision.draft is None or revision.after is None:
        return _refused(revision)
    playground.draft = revision.draft
    flow = reviewing(playground)
    lines = [
        say("review.terminal.version", version=revision.version, user=playground.user),
        *(f"  • {line}" for line in describe(revision.changes)),
    ]
    if revision.reopened:
        lines.append(say("review.reopened"))
    summary = flow.check_summary(revision.draft, revision.after)
    lines.append(say("terminal.checks_title", summary=summary.line))
    return lines


def approve(playground: Playground, *, override_reason: str | None = None) -> list[str]:
    draft = _draft(playground)
    if draft is None or not draft.review_ts:
        return [say("review.terminal.no_review")]
    result: ApprovalResult = reviewing(playground).approve(
        draft.id, playground.user, override_reason=override_reason
    )
    if result.refused is not None:
        return _refused(result)
    lines = [
        say(
            "review.terminal.approved",
            user=playground.user,
            version=result.version,
            approvals=result.approvals,
            required=result.required,
        )
    ]
    if result.publish:
        lines.extend(publish(playground, draft.id))
    return lines


def publish(playground: Playground, draft_id: int) -> list[str]:
    screen = Screen(playground.exports)
    publication = reviewing(playground).publish(draft_id, playground.user, screen)
    draft = publication.draft
    playground.draft = draft
    if not publication.published:
        step = say(f"review.publish_step.{publication.failed_step or 'post'}")
        return [say("review.terminal.publish_failed", step=step, error=publication.error)]
    files: list[Any] = screen.files or [
        name
        for event in playground.store.history(draft.id)
        for name in event.detail.get("files", [])
    ]
    posting = playground.drafting.posting(draft)
    lines = [to_text(posting)] if posting is not None else []
    lines.append(
        say(
            "review.terminal.published",
            id=draft.id,
            title=draft.title,
            folder=playground.exports,
            files=", ".join(files),
        )
    )
    return lines


def retry(playground: Playground) -> list[str]:
    draft = _draft(playground)
    if draft is None or not reviewing(playground).claim_retry(draft.id):
        return [say("review.retry_not_needed")]
    return publish(playground, draft.id)
