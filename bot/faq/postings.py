"""Answers about our own open and published postings, from the store.

A question names the posting by its role ("the network technician job"), by the thread it is
asked in (a draft's review thread, its message in the jobs channel, the manager's DM thread),
or not at all when only one posting is open. Answers come from the posting's current version,
with its status and a link; a field the posting leaves empty is said to be empty, never guessed.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable
from dataclasses import dataclass, replace
from typing import Any

from pydantic import ValidationError
from rapidfuzz import fuzz

from bot.faq.model import PostingField, RoleMention
from bot.faq.sources import Cited
from bot.faq.wording import render
from bot.posting import Location, Posting, Workplace
from bot.posting.places import CA_PROVINCES, COUNTRY_NAMES, US_STATES
from bot.render.outline import format_date
from bot.store import DraftRecord, DraftStatus, Store
from bot.text import say

OPEN_STATUSES = (DraftStatus.PUBLISHED, DraftStatus.APPROVED, DraftStatus.IN_REVIEW)
_RANK = {status: rank for rank, status in enumerate(OPEN_STATUSES)}
TITLE_MATCH = 85.0  # rapidfuzz token_set_ratio for a posting title typed another way


@dataclass(frozen=True)
class OpenPosting:
    draft: DraftRecord
    posting: Posting
    version: int

    @property
    def link(self) -> str | None:
        link = self.draft.permalink
        return link if link.startswith("https://") else None


def _ranked(drafts: Iterable[DraftRecord]) -> list[DraftRecord]:
    return sorted(drafts, key=lambda d: (_RANK.get(d.status, 9), -d.id))


class Postings:
    """Our open postings (in review, approved or published) as the FAQ sees them."""

    def __init__(self, store: Store) -> None:
        self.store = store

    def open_drafts(self) -> list[DraftRecord]:
        return _ranked(self.store.drafts_in(OPEN_STATUSES, limit=200))

    def in_thread(self, channel: str, thread_ts: str | None) -> DraftRecord | None:
        """The draft a Slack thread belongs to: its review message, its published message, or
        the manager's DM thread where it was drafted."""
        if not channel or not thread_ts:
            return None
        draft = self.store.draft_by_review_message(channel, thread_ts)
        if draft is not None:
            return draft
        for candidate in self.store.drafts_in([*OPEN_STATUSES], limit=200):
            if candidate.jobs_channel == channel and candidate.jobs_ts == thread_ts:
                return candidate
        session = self.store.session_in_thread(channel, thread_ts)
        return self.store.draft(session.draft_id) if session is not None else None

    def published(self, draft: DraftRecord) -> bool:
        """Candidates can read it: it is published, or a newer version of it is in review."""
        return draft.status is DraftStatus.PUBLISHED or self.store.published_version(draft.id) > 0

    def load(self, draft: DraftRecord) -> OpenPosting | None:
        """The posting as it stands: the published version while a newer one is in review."""
        number = draft.current_version or None
        if draft.status is not DraftStatus.PUBLISHED:
            published = self.store.published_version(draft.id)
            if published:
                number = published
                draft = replace(draft, status=DraftStatus.PUBLISHED)
        record = self.store.version(draft.id, number)
        if record is None:
            return None
        try:
            posting = Posting.model_validate(record.posting)
        except ValidationError:
            return None
        return OpenPosting(draft=draft, posting=posting, version=record.number)

    def for_role(self, mention: RoleMention) -> list[DraftRecord]:
        from bot.roles.lookup import role_for

        found = []
        for draft in self.open_drafts():
            if draft.role_key == mention.key:
                found.append(draft)
                continue
            role = role_for(draft.role_key)
            if mention.code and role is not None and role.onet_code == mention.code:
                found.append(draft)
                continue
            if fuzz.token_set_ratio(draft.title.lower(), mention.typed.lower()) >= TITLE_MATCH:
                found.append(draft)
        return found


def _status(draft: DraftRecord) -> str:
    return say(f"slack.status.{draft.status.value}")


def _region(code: str) -> str:
    """'US' -> 'United States', 'US-CO' -> 'Colorado' (as the posting renders them)."""
    country, _, region = code.partition("-")
    if region:
        names = US_STATES if country == "US" else CA_PROVINCES if country == "CA" else {}
        return names.get(region, code)
    return COUNTRY_NAMES.get(code, code)


def _based(location: Location) -> str:
    return ", ".join(part for part in (location.city, location.region) if part)


def _workplace(posting: Posting) -> dict[str, Any]:
    location = posting.location
    if location is None:
        return {"known": False}
    return {
        "known": True,
        "kind": location.workplace.value,
        "remote": location.workplace is Workplace.REMOTE,
        "label": location.workplace.label,
        "where": location.describe(),
        "open_to": [_region(code) for code in location.remote_regions],
        "based": _based(location),
    }


def source_line(found: OpenPosting) -> str:
    return render(
        "posting_source",
        id=found.draft.id,
        title=found.posting.title,
        version=found.version,
        status=_status(found.draft),
        link=found.link or "",
    )


def answer_posting(
    found: OpenPosting, fields: list[PostingField], cited: Cited, today: dt.date
) -> str:
    posting = found.posting
    cited.add(source_line(found))
    closing = posting.closing_date
    return render(
        "posting",
        title=posting.title,
        status=_status(found.draft),
        version=found.version,
        fields=[f.value for f in fields],
        workplace=_workplace(posting),
        pay=posting.pay.describe() if posting.pay else "",
        closing=format_date(closing) if closing else "",
        closed=bool(closing and closing < today),
        posted=format_date(posting.date_posted),
        apply=posting.how_to_apply,
        employment=posting.employment_type.label if posting.employment_type else "",
        organisation=posting.organisation.name,
        link=found.link or "",
    )


def choose(drafts: list[DraftRecord]) -> tuple[DraftRecord | None, list[DraftRecord]]:
    """The posting meant, or None with the ones it could be (all of one role count as one:
    the published one is meant)."""
    if not drafts:
        return None, []
    keys = {d.role_key for d in drafts}
    if len(keys) == 1 or len(drafts) == 1:
        return drafts[0], []
    return None, drafts


def which(drafts: list[DraftRecord]) -> str:
    return render(
        "posting_which",
        postings=[{"id": d.id, "title": d.title, "status": _status(d)} for d in drafts[:6]],
    )
