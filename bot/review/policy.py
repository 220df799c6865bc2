"""Who may approve a draft: the approval policy from the settings."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any


def may_approve(app: Any, user: str, groups: Iterable[str] = ()) -> bool:
    """Approvers are NEWJOB_APPROVERS (users, or members of listed user groups); with none
    configured, any member may approve (never the requester: that is checked per draft)."""
    approvers = app.settings.approvers
    if not approvers:
        return True
    return user in approvers or any(group in approvers for group in groups)
