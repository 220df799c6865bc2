"""Block Kit for review: the review post, its thread messages, and the published posting.

Plain functions from domain objects to lists of blocks, like `bot.slack.blocks`. Every piece of
user text is escaped before it reaches mrkdwn; user ids become mentions only when they are ids.
"""

from __future__ import annotations

import json
import re
from typing import Any

from bot.dialogue.suggest import market_notes
from bot.posting import Posting
from bot.render import to_blocks
from bot.render.mrkdwn import escape, escape_keeping_mentions
from bot.review.publish import Export
from bot.roles.template import RoleTemplate
from bot.slack import blocks as bk
from bot.store import AuditRecord, DraftRecord, DraftStatus
from bot.text import say

Block = bk.Block
_USER_ID = re.compile(r"^[UW][A-Z0-9]{2,}$")
_CHANNEL_ID = re.compile(r"^[CGD][A-Z0-9]{2,}$")
MAX_DIFF_BLOCKS = 10

APPROVE = "review_approve"
REQUEST_CHANGES = "review_request_changes"
EDIT = "review_edit"
OVERRIDE = "review_override"
RETRY = "review_retry"


def mention(user: str) -> str:
    """`<@U123>` for a Slack user id; anything else (a name in tests) escaped as text."""
    return f"<@{user}>" if _USER_ID.match(user) else escape(user)


def channel_link(channel: str) -> str:
    return f"<#{channel}>" if _CHANNEL_ID.match(channel) else escape(channel)


def link_target(url: str) -> str:
    """A URL safe inside `<…|…>`: no character that would end the link early."""
    return escape(url).replace("|", "%7C")


def status_label(status: DraftStatus) -> str:
    return say(f"slack.status.{status.value}")


def review_post(
    draft: DraftRecord,
    posting: Posting,
    *,
    checks: list[Block],
    approvers: list[str],
    required: int,
    blocked: bool,
    override: AuditRecord | None = None,
    failure: str = "",
    role: RoleTemplate | None = None,
) -> tuple[str, list[Block]]:
    """The review channel's message for a draft, as it stands now: header with version and
    status, the posting, the checks, who approved, and the buttons that still make sense."""
    version = draft.current_version
    header = say(
        "review.header",
        id=draft.id,
        version=version,
        status=status_label(draft.status),
        requester=mention(draft.requester),
        approvals=len(approvers),
        required=required,
    )
    bottom: list[Block] = list(checks)
    if override is not None:
        reason = str(override.detail.get("reason", ""))
        bottom.append(
            bk.context(
                say("review.override_note", user=mention(override.actor), reason=escape(reason))
            )
        )
    if approvers:
        people = ", ".join(mention(user) for user in approvers)
        bottom.append(bk.context(say("review.approvals_by", version=version, people=people)))
    bottom.extend(_state_blocks(draft, blocked=blocked and override is None, failure=failure))
    body = to_blocks(
        posting,
        header_extra=header,
        notes=market_notes(posting, role),
        max_blocks=bk.MAX_BLOCKS - len(bottom),
    )
    text = say(
        "review.post_text",
        title=escape(posting.title),
        version=version,
        status=status_label(draft.status),
    )
    return text, [*body, *bottom]


def _state_blocks(draft: DraftRecord, *, blocked: bool, failure: str) -> list[Block]:
    value = bk.action_value(draft.id, draft.current_version)
    if draft.status in (DraftStatus.IN_REVIEW, DraftStatus.CHANGES_REQUESTED):
        buttons = [
            bk.button(say("review.approve"), APPROVE, value, style="primary"),
            bk.button(say("review.request_changes"), REQUEST_CHANGES, value),
            bk.button(say("review.edit"), EDIT, value),
        ]
        if blocked:
            buttons.append(bk.button(say("review.approve_anyway"), OVERRIDE, value, style="danger"))
        return [bk.actions(f"review-{draft.id}-{draft.current_version}", buttons)]
    if draft.status is DraftStatus.APPROVED:
        if failure:
            return [
                bk.section(say("review.publish_stuck", error=escape(failure))),
                bk.actions(
                    f"retry-{draft.id}", [bk.button(say("review.retry"), RETRY, value, "primary")]
                ),
            ]
        return [bk.section(say("review.approved_publishing"))]
    if draft.status is DraftStatus.PUBLISHED:
        # The requester can still change it: the new version comes back here for review.
        edit = bk.button(say("review.edit"), EDIT, value)
        return [bk.section(published_line(draft)), bk.actions(f"published-{draft.id}", [edit])]
    return []


def published_line(draft: DraftRecord) -> str:
    channel = channel_link(draft.jobs_channel)
    if draft.permalink.startswith("https://") and draft.jobs_ts:
        return say("review.published_line", channel=channel, link=link_target(draft.permalink))
    return say("review.published_line_nolink", channel=channel)


def version_post(
    version: int, user: str, lines: list[str], *, checks_line: str, reopened: bool
) -> tuple[str, list[Block]]:
    """A new version in the thread: who made it, what changed, and what the checks say now."""
    head = say("review.version_posted", version=version, user=mention(user))
    blocks: list[Block] = [bk.section(head)]
    bullets = [f"• {escape(line)}" for line in lines]
    chunk: list[str] = []
    for bullet in bullets:
        if chunk and len("\n".join([*chunk, bullet])) > bk.SECTION_LIMIT:
            blocks.append(bk.section("\n".join(chunk)))
            chunk = []
        chunk.append(bullet)
    if chunk:
        blocks.append(bk.section("\n".join(chunk)))
    blocks = blocks[: 1 + MAX_DIFF_BLOCKS]
    notes = [say("review.checks_line", line=escape(checks_line)), say("review.approvals_reset")]
    if reopened:
        notes.insert(0, say("review.reopened"))
    blocks.append(bk.context("\n".join(notes)))
    text = head + "\n" + "\n".join(bullets)
    return text[:3000], blocks


def quoted(comment: str) -> str:
    """A reviewer's comment as a quote: the people it mentions stay mentions; nothing else in
    it is markup (no broadcasts, no links)."""
    return "\n".join(
        f"> {escape_keeping_mentions(line)}" if line.strip() else ">"
        for line in comment.splitlines()
    )


def changes_post(user: str, version: int, comment: str) -> tuple[str, list[Block]]:
    head = say("review.changes_thread", user=mention(user), version=version)
    text = f"{head}\n{quoted(comment)}"
    return text[:3000], [bk.section(text)]


def failure_post(draft: DraftRecord, step: str, error: str) -> tuple[str, list[Block]]:
    text = say(
        "review.publish_failed",
        version=draft.current_version,
        step=say(f"review.publish_step.{step}"),
        error=escape(error),
    )
    value = bk.action_value(draft.id, draft.current_version)
    return text, [
        bk.section(text),
        bk.actions(
            f"retry-{draft.id}-thread",
            [bk.button(say("review.retry"), RETRY, value, style="primary")],
        ),
    ]


def published_post(posting: Posting) -> tuple[str, list[Block]]:
    """The posting in the jobs channel, for candidates and colleagues to read, with the link to
    apply at the end."""
    tail: list[Block] = []
    if posting.apply_url:
        tail.append(bk.section(say("review.apply", link=link_target(posting.apply_url))))
    body = to_blocks(posting, max_blocks=bk.MAX_BLOCKS - len(tail))
    text = say(
        "review.jobs_text",
        title=escape(posting.title),
        company=escape(posting.organisation.name),
    )
    return text, [*body, *tail]


def upload_list(files: list[Export]) -> list[dict[str, Any]]:
    """The files for `files_upload_v2`."""
    return [
        {"content": export.content, "filename": export.filename, "title": export.title}
        for export in files
    ]


# ------------------------------------------------------------------ modals

CHANGES_CALLBACK = "review_changes"
OVERRIDE_CALLBACK = "review_override"
MIN_REASON = 10


def _metadata(draft: DraftRecord, version: int) -> str:
    return json.dumps({"d": draft.id, "v": version})


def changes_view(draft: DraftRecord, version: int) -> dict[str, Any]:
    return {
        "type": "modal",
        "callback_id": CHANGES_CALLBACK,
        "private_metadata": _metadata(draft, version),
        "title": bk.plain(say("review.changes_title"), 24),
        "submit": bk.plain(say("review.changes_submit"), 24),
        "close": bk.plain(say("review.cancel"), 24),
        "blocks": [
            bk.section(f"*{escape(draft.title)}* · v{version}"),
            {
                "type": "input",
                "block_id": "comment",
                "label": bk.plain(say("review.changes_label"), 2000),
                "element": {
                    "type": "plain_text_input",
                    "action_id": "value",
                    "multiline": True,
                    "max_length": 2000,
                    "placeholder": bk.plain(say("review.changes_placeholder"), 150),
                },
            },
        ],
    }


def override_view(draft: DraftRecord, version: int, errors: list[str]) -> dict[str, Any]:
    listing = "\n".join(f"⛔ {escape(message)}" for message in errors[:8])
    return {
        "type": "modal",
        "callback_id": OVERRIDE_CALLBACK,
        "private_metadata": _metadata(draft, version),
        "title": bk.plain(say("review.override_title"), 24),
        "submit": bk.plain(say("review.override_submit"), 24),
        "close": bk.plain(say("review.cancel"), 24),
        "blocks": [
            bk.section(say("review.override_intro", version=version)),
            bk.section(listing or "—"),
            {
                "type": "input",
                "block_id": "reason",
                "label": bk.plain(say("review.override_label"), 2000),
                "hint": bk.plain(say("review.override_hint"), 2000),
                "element": {
                    "type": "plain_text_input",
                    "action_id": "value",
                    "multiline": True,
                    "min_length": MIN_REASON,
                    "max_length": 1000,
                },
            },
        ],
    }


def read_text(view: dict[str, Any], block_id: str) -> str:
    values = ((view.get("state") or {}).get("values") or {}).get(block_id) or {}
    return str((values.get("value") or {}).get("value") or "").strip()
