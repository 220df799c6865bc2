"""Review: drafts under review, approvals per version, and publishing once approved.

`Reviewing` (reviewing.py) decides who may do what and keeps the audit; `commands` reads what
reviewers reply, `policy` says who may approve, `diff` says what changed between versions and
`publish` makes the exports and calls the webhook. No Slack here: the adapters show the results.
"""

from bot.review.commands import Command, looks_like_question, parse
from bot.review.diff import Change, describe, diff
from bot.review.policy import ApprovalPolicy
from bot.review.reviewing import (
    UNDER_REVIEW,
    ApprovalResult,
    BoardUnavailable,
    JobBoard,
    PostedAt,
    Publication,
    Reviewing,
    Revision,
)

__all__ = [
    "UNDER_REVIEW",
    "ApprovalPolicy",
    "ApprovalResult",
    "BoardUnavailable",
    "Change",
    "Command",
    "JobBoard",
    "PostedAt",
    "Publication",
    "Reviewing",
    "Revision",
    "describe",
    "diff",
    "looks_like_question",
    "parse",
]
