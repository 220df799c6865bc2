"""Persistence: drafts and their versions, dialogue sessions, approvals and the audit trail."""

from bot.store.records import (
    ApprovalRecord,
    AuditRecord,
    DraftRecord,
    DraftStatus,
    SessionRecord,
    VersionRecord,
)
from bot.store.store import MAX_INT, DraftLocked, InvalidData, Store, StoreUnavailable

__all__ = [
    "MAX_INT",
    "ApprovalRecord",
    "AuditRecord",
    "DraftLocked",
    "DraftRecord",
    "DraftStatus",
    "InvalidData",
    "SessionRecord",
    "Store",
    "StoreUnavailable",
    "VersionRecord",
]
