"""Persistence: drafts and their versions, dialogue sessions, approvals and the audit trail."""

from bot.store.records import (
    ApprovalRecord,
    AuditRecord,
    DraftRecord,
    DraftStatus,
    SessionRecord,
    VersionRecord,
)
from bot.store.store import DraftLocked, Store, StoreUnavailable

__all__ = [
    "ApprovalRecord",
    "AuditRecord",
    "DraftLocked",
    "DraftRecord",
    "DraftStatus",
    "SessionRecord",
    "Store",
    "StoreUnavailable",
    "VersionRecord",
]
