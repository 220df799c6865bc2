"""The check summary shown under a preview or in the full posting: a line, then the details.

Every finding counted in the line is also listed under it (notes included), so a count never
stands for something the reader can't see.
"""

from __future__ import annotations

from bot.checks import Finding, check_posting, summarise
from bot.posting import Posting
from bot.render.mrkdwn import escape
from bot.slack import blocks as bk
from bot.store import DraftRecord
from bot.text import say

_ICONS = {"error": "⛔", "warning": "⚠️", "info": "ℹ️"}
MAX_DETAILS = 10


def findings_for(posting: Posting, draft: DraftRecord) -> list[Finding]:
    from bot.drafting import role_for

    return check_posting(posting, role=role_for(draft.role_key))


def check_blocks(posting: Posting, draft: DraftRecord) -> list[bk.Block]:
    """At most two blocks: the summary line, and the findings behind it."""
    return findings_blocks(findings_for(posting, draft))


def findings_blocks(findings: list[Finding]) -> list[bk.Block]:
    summary = summarise(findings)
    blocks = [bk.section(say("slack.checks_summary", line=escape(summary.line)))]
    if findings:
        lines = []
        for finding in findings[:MAX_DETAILS]:
            text = finding.message + (f" → {finding.suggestion}" if finding.suggestion else "")
            lines.append(
                say("slack.checks_details", icon=_ICONS[finding.severity], message=escape(text))
            )
        if len(findings) > MAX_DETAILS:
            lines.append(say("slack.checks_more", count=len(findings) - MAX_DETAILS))
        blocks.append(bk.context("\n".join(lines)))
    return blocks
