"""What the store hands out: plain, immutable records, never live ORM objects."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any


class DraftStatus(StrEnum):
    DRAFTING = "drafting"  # the dialogue is still asking questions
    READY = "ready"  # complete, previewed, not yet sent for review
    IN_REVIEW = "in_review"
    CHANGES_REQUESTED = "changes_requested"
    APPROVED = "approved"  # approvals are in; publishing is under way or failed and can be retried
    PUBLISHED = "published"
    CANCELLED = "cancelled"


@dataclass(frozen=True)
class DraftRecord:
    id: int
    team_id: str
    requester: str
    title: str
    role_key: str
    status: DraftStatus
    current_version: int
    dm_channel: str
    dm_thread_ts: str
    review_channel: str
    review_ts: str
    jobs_channel: str
    jobs_ts: str
    permalink: str
    created_at: dt.datetime
    updated_at: dt.datetime


@dataclass(frozen=True)
class VersionRecord:
    draft_id: int
    number: int
    posting: dict[str, Any]
    author: str
    note: str
    created_at: dt.datetime


@dataclass(frozen=True)
class SessionRecord:
    id: int
    draft_id: int
    user_id: str
    channel_id: str
    thread_ts: str
    state: dict[str, Any]
    status: str
    updated_at: dt.datetime


@dataclass(frozen=True)
class ApprovalRecord:
    draft_id: int
    version: int
    approver: str
    created_at: dt.datetime


@dataclass(frozen=True)
class AuditRecord:
    draft_id: int
    version: int | None
    kind: str
    actor: str
    at: dt.datetime
    detail: dict[str, Any] = field(default_factory=dict)
