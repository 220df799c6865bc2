"""Block Kit for review: the review post, its thread messages, and the published posting.

Plain functions from domain objects to lists of blocks, like `bot.slack.blocks`. Every piece of
user text is escaped before it reaches mrkdwn; user ids become mentions only when they are ids.
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable
from typing import Any

from bot.checks import Finding
from bot.posting import Posting
from bot.render import to_blocks
from bot.render.blocks import card_facts, fields_block, header, one_line
from bot.render.market import MarketRange
from bot.render.mrkdwn import escape, escape_keeping_mentions
from bot.review.publish import Export
from bot.slack import blocks as bk
from bot.slack.checks import findings_blocks
from bot.store import AuditRecord, DraftRecord, DraftStatus
from bot.text import say

Block = bk.Block
Name = Callable[[str], str]
_USER_ID = re.compile(r"^[UW][A-Z0-9]{2,}$")
_GROUP_ID = re.compile(r"^S[A-Z0-9]{2,}$")
_CHANNEL_ID = re.compile(r"^[CGD][A-Z0-9]{2,}$")
MAX_DIFF_BLOCKS = 10

APPROVE = "review_approve"
REQUEST_CHANGES = "review_request_changes"
EDIT = "review_edit"
OVERRIDE = "review_override"
RETRY = "review_retry"
VIEW_POSTING = "review_view_posting"
APPLY = "jobs_apply"
FULL_POSTING_CALLBACK = "review_full_posting"
MAX_VIEW_BLOCKS = 100


def mention(user: str) -> str:
    """`<@U123>` for a Slack user id; anything else (a name in tests) escaped as text."""
    return f"<@{user}>" if _USER_ID.match(user) else escape(user)


def is_user_id(user: str) -> bool:
    return bool(_USER_ID.match(user))


def group_mention(group: str) -> str:
    """`<!subteam^S123>` for a user-group id: it pings the group's members."""
    return f"<!subteam^{group}>" if _GROUP_ID.match(group) else escape(group)


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
    findings: list[Finding],
    approvers: list[str],
    required: int,
    blocked: bool,
    name: Name,
    override: AuditRecord | None = None,
    failure: str = "",
    market: MarketRange | None = None,
    waiting: str = "",
) -> tuple[str, list[Block]]:
    """The review channel's card for a draft, as it stands now: the decision first (title,
    requester, version, approvals; pay against the local market; place, type, closing date; the
    checks in one line) and then the buttons. The whole posting is behind *View full posting*.

    `name` shows a user id as a name (no ping); `waiting` is mrkdwn naming who should act now
    (mentions, which ping them when the card is first posted)."""
    version = draft.current_version
    blocks: list[Block] = [
        header(posting.title),
        bk.context(
            say(
                "review.card.head",
                id=draft.id,
                version=version,
                status=status_label(draft.status),
                requester=name(draft.requester),
                approvals=len(approvers),
                required=required,
            )
        ),
    ]
    pay_extra = ""
    if market is not None:
        position = market.compare(posting)
        if position:
            pay_extra = say(
                f"review.market.{position}",
                range=escape(market.describe()),
                gap=market.gap(posting),
            )
    facts = card_facts(posting, pay_extra=pay_extra)
    if facts:
        blocks.append(fields_block(facts))
    if market is not None:
        blocks.append(
            bk.context(
                say(
                    "review.market.source",
                    occupation=escape(market.occupation),
                    area=escape(market.area),
                    range=escape(market.describe()),
                    source=escape(market.source),
                )
            )
        )
    blocks.append(bk.section(checks_line(findings)))
    if override is not None:
        reason = str(override.detail.get("reason", ""))
        blocks.append(
            bk.context(
                say("review.override_note", user=name(override.actor), reason=escape(reason))
            )
        )
    if approvers:
        people = ", ".join(name(user) for user in approvers)
        blocks.append(bk.context(say("review.approvals_by", version=version, people=people)))
    if waiting and draft.status is DraftStatus.IN_REVIEW:
        blocks.append(bk.context(say("review.waiting_for", people=waiting)))
    blocks.extend(_state_blocks(draft, blocked=blocked and override is None, failure=failure))
    text = say(
        "review.post_text",
        title=escape(posting.title),
        version=version,
        status=status_label(draft.status),
    )
    return text, blocks


_ICONS = {"error": "⛔", "warning": "⚠️", "info": "ℹ️"}
MAX_CARD_ERRORS = 2
CARD_ERROR_LENGTH = 200  # the first sentence, if it is this short; else cut at a word


def checks_line(findings: list[Finding]) -> str:
    """'*Checks:* ⛔ 1 error · ⚠️ 2 warnings', then the errors (which block approval), short."""
    counts = {severity: sum(1 for f in findings if f.severity == severity) for severity in _ICONS}
    parts = [
        say(f"review.card.count.{severity}", icon=_ICONS[severity], count=count)
        for severity, count in counts.items()
        if count
    ]
    line = say("review.card.checks", counts=" · ".join(parts) or say("review.card.clean"))
    errors = [f for f in findings if f.severity == "error"]
    lines = [line]
    for finding in errors[:MAX_CARD_ERRORS]:
        lines.append(f"⛔ {escape(one_line(finding.message, CARD_ERROR_LENGTH))}")
    if errors:
        lines.append(say("review.card.blocks_approval"))
    return "\n".join(lines)


def _state_blocks(draft: DraftRecord, *, blocked: bool, failure: str) -> list[Block]:
    value = bk.action_value(draft.id, draft.current_version)
    if draft.status in (DraftStatus.IN_REVIEW, DraftStatus.CHANGES_REQUESTED):
        buttons = [
            bk.button(say("review.approve"), APPROVE, value, style="primary"),
            bk.button(say("review.request_changes"), REQUEST_CHANGES, value),
            bk.button(say("review.edit"), EDIT, value),
            bk.button(say("review.view_full"), VIEW_POSTING, value),
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
    version: int,
    user: str,
    lines: list[str],
    *,
    checks_line: str,
    reopened: bool,
    ping: str = "",
) -> tuple[str, list[Block]]:
    """A new version in the thread: who made it (`user`, mrkdwn: a name), what changed, and
    what the checks say now; `ping` (mentions) names who should look at it again."""
    head = say("review.version_posted", version=version, user=user, ping=ping)
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
    """Changes asked for, in the thread; `user` is mrkdwn (a name)."""
    head = say("review.changes_thread", user=user, version=version)
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


MAX_CARD_DUTIES = 5


def published_post(posting: Posting) -> tuple[str, list[Block]]:
    """The #jobs card, for candidates and colleagues to read at a glance: the title, one line
    about the job, its key facts, the first duties and an Apply button. The whole description
    follows in the thread (`description_post`)."""
    blocks: list[Block] = [header(posting.title)]
    about = one_line(posting.summary) if posting.summary else ""
    line = say(
        "review.jobs.summary",
        company=escape(posting.organisation.name),
        about=escape(about),
    )
    if line:
        blocks.append(bk.section(line))
    facts = card_facts(posting)
    if facts:
        blocks.append(fields_block(facts))
    duties = [f"• {escape(_short(duty, 150))}" for duty in posting.responsibilities]
    if duties:
        shown = duties[:MAX_CARD_DUTIES]
        more = len(duties) - len(shown)
        text = "\n".join([say("review.jobs.duties"), *shown])
        if more:
            text += "\n" + say("review.jobs.more_duties", count=more)
        blocks.append(bk.section(text))
    if posting.apply_url:
        blocks.append(
            bk.actions(
                "apply",
                [
                    {
                        **bk.button(say("review.jobs.apply"), APPLY, "apply", style="primary"),
                        "url": posting.apply_url[:3000],
                    }
                ],
            )
        )
    blocks.append(bk.context(say("review.jobs.thread_note")))
    text = say(
        "review.jobs_text",
        title=escape(posting.title),
        company=escape(posting.organisation.name),
    )
    return text, blocks


def description_post(posting: Posting) -> tuple[str, list[Block]]:
    """The whole posting, for the thread under the #jobs card."""
    text = say("review.jobs.description_text", title=escape(posting.title))
    return text, to_blocks(posting)


def _short(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1].rstrip() + "…"


def full_posting_view(
    draft: DraftRecord,
    posting: Posting,
    *,
    findings: list[Finding],
    notes: list[str],
) -> dict[str, Any]:
    """A modal with the whole posting as candidates will read it, the notes for reviewers
    (local pay with its source, once) and every finding of the checks."""
    checks = findings_blocks(findings)
    body = to_blocks(
        posting,
        header_extra=say("review.full.head", id=draft.id, version=draft.current_version),
        notes=notes,
        max_blocks=MAX_VIEW_BLOCKS - len(checks) - 1,
    )
    return {
        "type": "modal",
        "callback_id": FULL_POSTING_CALLBACK,
        "title": bk.plain(say("review.full.title"), 24),
        "close": bk.plain(say("review.full.close"), 24),
        "blocks": [*body, {"type": "divider"}, *checks],
    }


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
