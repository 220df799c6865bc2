"""The check summary shown under a preview or a review post: a line, then the details."""

from __future__ import annotations

from bot.checks import Finding, check_posting, summarise
from bot.posting import Posting
from bot.render.mrkdwn import escape
from bot.slack import blocks as bk
from bot.store import DraftRecord
from bot.text import say

_ICONS = {"error": "⛔", "warning": "⚠️", "info": "ℹ️"}
MAX_DETAILS = 8


def findings_for(posting: Posting, draft: DraftRecord) -> list[Finding]:
    from bot.drafting import role_for

    return check_posting(posting, role=role_for(draft.role_key))


def check_blocks(posting: Posting, draft: DraftRecord) -> list[bk.Block]:
    """At most two blocks: the summary line, and the errors and warnings behind it."""
    findings = findings_for(posting, draft)
    summary = summarise(findings)
    blocks = [bk.section(say("slack.checks_summary", line=escape(summary.line)))]
    shown = [finding for finding in findings if finding.severity != "info"]
    if shown:
        lines = []
        for finding in shown[:MAX_DETAILS]:
            text = finding.message + (f" → {finding.suggestion}" if finding.suggestion else "")
            lines.append(
                say("slack.checks_details", icon=_ICONS[finding.severity], message=escape(text))
            )
        if len(shown) > MAX_DETAILS:
            lines.append(say("slack.checks_more", count=len(shown) - MAX_DETAILS))
        blocks.append(bk.context("\n".join(lines)))
    return blocks
