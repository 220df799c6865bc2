"""Who may approve, change or send back a draft: the approval policy from the settings.

NEWJOB_APPROVERS lists user ids (U…/W…) and user-group ids (S…); with none listed, any member
may approve. The requester never approves their own draft. Group membership comes from the
adapter (`members_of`), so this module needs no Slack.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from bot.settings import Settings

MembersOf = Callable[[str], Iterable[str]]


def _nobody(_group: str) -> Iterable[str]:
    return ()


@dataclass(frozen=True)
class ApprovalPolicy:
    approvers: frozenset[str]
    required: int = 1

    @classmethod
    def from_settings(cls, settings: Settings) -> ApprovalPolicy:
        return cls(settings.approvers, settings.newjob_required_approvals)

    @property
    def anyone(self) -> bool:
        """No approvers configured: any member but the requester may approve."""
        return not self.approvers

    @property
    def groups(self) -> list[str]:
        return sorted(entry for entry in self.approvers if entry.startswith("S"))

    def is_approver(self, user: str, members_of: MembersOf | None = None) -> bool:
        if self.anyone or user in self.approvers:
            return True
        lookup = members_of or _nobody
        return any(user in set(lookup(group)) for group in self.groups)

    def refusal(self, requester: str, user: str, members_of: MembersOf | None = None) -> str | None:
        """Why `user` may not approve (or send back) `requester`'s draft: 'own_draft',
        'not_approver', or None when they may."""
        if user == requester:
            return "own_draft"
        if not self.is_approver(user, members_of):
            return "not_approver"
        return None

    def may_edit(self, requester: str, user: str, members_of: MembersOf | None = None) -> bool:
        """The requester and the approvers may make a new version while a draft is in review."""
        return user == requester or self.is_approver(user, members_of)

    def enough(self, approvals: int) -> bool:
        return approvals >= self.required
