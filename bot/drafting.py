"""Drafting: from a typed title to a stored, versioned draft, through the dialogue.

This is the one place that joins the role lookup, the dialogue engine and the store; the Slack
listeners and the terminal playground call it and only decide how to show the result.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

from pydantic import ValidationError

from bot.dialogue import Answer, Dialogue, DialogueState, Preview, Reply
from bot.dialogue.engine import Organisation, Suggestion, pay_benchmark_suggestion
from bot.posting import Location, Posting
from bot.posting.model import describe_errors
from bot.roles.template import RoleTemplate
from bot.settings import Settings
from bot.store import DraftLocked, DraftRecord, DraftStatus, SessionRecord, Store
from bot.text import field_label, say


@dataclass(frozen=True)
class RoleChoice:
    key: str
    title: str
    code: str = ""


@dataclass(frozen=True)
class TitleMatch:
    """What a typed title resolved to: one role, a "did you mean", or nothing."""

    query: str
    role: RoleTemplate | None
    ambiguous: bool = False
    alternatives: list[RoleChoice] = field(default_factory=list)
    suggestions: list[str] = field(default_factory=list)
    unknown_words: list[str] = field(default_factory=list)
    rare: bool = False  # the best match is a rarely used other name of the occupation
    occupation: str = ""  # the best match's O*NET title, shown when it is only a guess

    def why(self) -> str:
        """Why the manager is asked rather than the role taken ('' when it is only close)."""
        if self.unknown_words:
            words = ", ".join(f"“{word}”" for word in self.unknown_words)
            return say("titles.unknown_words", words=words)
        if self.rare and self.role is not None:
            return say("titles.rare", query=self.query, title=self.occupation or self.role.title)
        return ""

    def choices(self, limit: int = 5) -> list[RoleChoice]:
        """For a "did you mean": the best role first, then the others it could be."""
        # A guess is shown under the occupation's own name, not the words typed.
        title = self.occupation if (self.rare or self.unknown_words) and self.occupation else ""
        best = (
            [
                RoleChoice(
                    key=self.role.id,
                    title=title or self.role.title,
                    code=self.role.onet_code or "",
                )
            ]
            if self.role
            else []
        )
        others = [
            choice for choice in self.alternatives if choice.key != (self.role and self.role.id)
        ]
        return (best + others)[:limit]


@dataclass(frozen=True)
class Started:
    draft: DraftRecord
    state: DialogueState
    replies: list[Reply]


@dataclass(frozen=True)
class Step:
    """The result of one answer: what to show, and the draft as it now stands."""

    draft: DraftRecord
    state: DialogueState
    replies: list[Reply]
    stale: bool = False


@dataclass(frozen=True)
class Reopened:
    """A draft picked up again: the active dialogue (None once the questions are done) and
    what to show, the question where it stopped or the preview."""

    draft: DraftRecord
    session: SessionRecord | None
    replies: list[Reply]


class ReopenRefused(ValueError):
    """A draft that cannot be reopened; the message says why, in the manager's words."""


# The drafts their author can pick up again: not yet in review, or sent back with changes.
REOPENABLE = frozenset({DraftStatus.DRAFTING, DraftStatus.READY, DraftStatus.CHANGES_REQUESTED})


class EditRejected(ValueError):
    def __init__(self, problems: dict[str, str]) -> None:
        self.problems = problems
        super().__init__("; ".join(problems.values()))


def match_title(text: str) -> TitleMatch:
    """Resolve what the manager typed: curated roles first, then the O*NET catalogue."""
    from bot.roles.lookup import find_role

    found = find_role(text)
    alternatives = [
        RoleChoice(key=alt.key, title=alt.title, code=alt.code) for alt in found.alternatives
    ]
    best = found.resolution.best
    return TitleMatch(
        query=text,
        role=found.role,
        ambiguous=found.ambiguous,
        alternatives=alternatives,
        suggestions=list(found.suggestions),
        unknown_words=list(found.resolution.unknown_words),
        rare=bool(best and best.rare),
        occupation=best.title if best else "",
    )


def role_for(key: str) -> RoleTemplate | None:
    from bot.roles.lookup import role_for as lookup

    return lookup(key)


def local_pay_suggestion(
    role: RoleTemplate,
    location: Location | None,
    level: str | None = None,
    employment_type: str | None = None,
) -> Suggestion | None:
    """Local pay (BLS OEWS) for the role at its level and basis, else its own benchmark."""
    from bot.dialogue.suggest import bls_pay_suggestion

    return bls_pay_suggestion(role, location, level, employment_type) or pay_benchmark_suggestion(
        role, location
    )


# The states in which a draft takes a new version. A published posting does too, but that
# version goes back to review (in the same transaction as the write) and candidates keep seeing
# the published one until it is approved; an approved one being published takes none.
EDITABLE = frozenset(
    {
        DraftStatus.DRAFTING,
        DraftStatus.READY,
        DraftStatus.IN_REVIEW,
        DraftStatus.CHANGES_REQUESTED,
        DraftStatus.PUBLISHED,
    }
)
BACK_TO_REVIEW = {
    DraftStatus.PUBLISHED: DraftStatus.IN_REVIEW,
    DraftStatus.CHANGES_REQUESTED: DraftStatus.IN_REVIEW,
}


class Drafting:
    def __init__(
        self,
        store: Store,
        settings: Settings,
        *,
        today: dt.date | None = None,
        voice: str = "dialogue",
    ) -> None:
        """`voice`: whose words the dialogue's notes use (Dialogue's `voice`)."""
        self.store = store
        self.settings = settings
        self._today = today
        self.voice = voice

    @property
    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def dialogue(self, role: RoleTemplate) -> Dialogue:
        organisation = Organisation(
            name=self.settings.newjob_company_name,
            url=self.settings.newjob_company_url,
            about=self.settings.newjob_company_about,
        )
        return Dialogue(
            role,
            organisation=organisation,
            pay_suggester=local_pay_suggestion,
            today=self.today,
            voice=self.voice,
            answer_question=self.answer_question,
        )

    def answer_question(self, question: str) -> str:
        """A question typed during the dialogue, answered as `ask` answers it (with sources)."""
        from bot.faq import ask

        answer = ask(question, self.store)
        if answer.sources:
            return f"{answer.answer}\n{say('dialogue.sources', sources='; '.join(answer.sources))}"
        return answer.answer

    # ------------------------------------------------------------------ the dialogue

    def start(self, *, team_id: str, requester: str, title: str, role: RoleTemplate) -> Started:
        """A new draft in the DRAFTING state and the first question."""
        dialogue = self.dialogue(role)
        state, replies = dialogue.start(title)
        draft = self.store.create_draft(
            team_id=team_id, requester=requester, title=title, role_key=role.id
        )
        return Started(draft=draft, state=state, replies=replies)

    def attach(self, started: Started, *, channel_id: str, thread_ts: str) -> SessionRecord:
        """Remember where the dialogue happens, so answers there find it again."""
        self.store.update_draft(started.draft.id, dm_channel=channel_id, dm_thread_ts=thread_ts)
        return self.store.start_session(
            draft_id=started.draft.id,
            user_id=started.draft.requester,
            channel_id=channel_id,
            thread_ts=thread_ts,
            state=started.state.model_dump(mode="json"),
        )

    def session(self, channel_id: str, thread_ts: str | None) -> SessionRecord | None:
        """The dialogue a typed answer belongs to: the one whose thread it was typed in."""
        if not thread_ts:
            return None
        return self.store.session_in_thread(channel_id, thread_ts)

    def resume(self, session: SessionRecord) -> list[Reply]:
        draft = self.store.draft(session.draft_id)
        role = role_for(draft.role_key) if draft else None
        if draft is None or role is None:
            return []
        state = DialogueState.model_validate(session.state)
        return self.dialogue(role).current(state)

    def answer(self, session: SessionRecord, answer: Answer, *, step: int | None = None) -> Step:
        """Apply one answer and store the new state (once: a repeated delivery changes nothing).

        `step` is the question the answer was given to (buttons carry it); an answer to a
        question already answered is reported as stale rather than applied to the next one.
        """
        draft = self.store.draft(session.draft_id)
        if draft is None:
            raise LookupError(session.draft_id)
        role = role_for(draft.role_key)
        if role is None:
            raise LookupError(draft.role_key)
        state = DialogueState.model_validate(session.state)
        if step is not None and step != state.step:
            return Step(draft=draft, state=state, replies=[], stale=True)
        dialogue = self.dialogue(role)
        new_state, replies = dialogue.handle(state, answer)
        status = "cancelled" if new_state.cancelled else "finished" if new_state.finished else None
        saved = self.store.save_session(
            session.id, new_state.model_dump(mode="json"), status=status, expected_step=state.step
        )
        if not saved:
            return Step(draft=draft, state=state, replies=[], stale=True)
        if new_state.cancelled:
            self.store.transition(draft.id, to=DraftStatus.CANCELLED, from_=[DraftStatus.DRAFTING])
            self.store.record(draft.id, "cancelled", draft.requester)
        elif new_state.finished:
            preview = next(reply for reply in replies if isinstance(reply, Preview))
            self.store.add_version(
                draft.id, preview.posting.model_dump(mode="json"), author=draft.requester
            )
            self.store.transition(draft.id, to=DraftStatus.READY, from_=[DraftStatus.DRAFTING])
            self.store.record(draft.id, "answered", draft.requester, version=1)
        draft = self.store.draft(draft.id) or draft
        return Step(draft=draft, state=new_state, replies=replies)

    def reopen(self, draft_id: int, user: str) -> Reopened:
        """Pick up one of `user`'s unfinished drafts where it stopped, after any restart."""
        draft = self.store.draft(draft_id)
        if draft is None or draft.requester != user or draft.status is DraftStatus.CANCELLED:
            raise ReopenRefused(say("drafts.no_such_draft", id=draft_id))
        if draft.status not in REOPENABLE:
            status = say(f"slack.status.{draft.status.value}")
            raise ReopenRefused(say("drafts.not_open", id=draft_id, status=status))
        session = self.store.session_for_draft(draft.id)
        if session is not None and session.status == "active":
            return Reopened(draft=draft, session=session, replies=self.resume(session))
        posting = self.posting(draft)
        if posting is None:
            raise ReopenRefused(say("drafts.no_such_draft", id=draft_id))
        missing = [field_label(name) for name in posting.missing()]
        return Reopened(draft=draft, session=None, replies=[Preview(posting, missing)])

    def cancel(self, draft: DraftRecord, *, reason: str = "") -> bool:
        """Cancel a draft that has not gone to review (once; False if it had moved on)."""
        cancelled = self.store.transition(
            draft.id,
            to=DraftStatus.CANCELLED,
            from_=[DraftStatus.DRAFTING, DraftStatus.READY],
        )
        if cancelled:
            session = self.store.session_for_draft(draft.id)
            if session is not None and session.status == "active":
                self.store.save_session(session.id, session.state, status="cancelled")
            self.store.record(draft.id, "cancelled", draft.requester, reason=reason)
        return cancelled

    # ------------------------------------------------------------------ versions

    def posting(self, draft: DraftRecord, version: int | None = None) -> Posting | None:
        record = self.store.version(draft.id, version or draft.current_version or None)
        return Posting.model_validate(record.posting) if record else None

    def edit(
        self,
        draft: DraftRecord,
        changes: dict[str, Any],
        *,
        actor: str,
        note: str = "",
        base_version: int | None = None,
    ) -> tuple[Posting, int] | None:
        """A new version with `changes` applied; EditRejected names each field's problem.

        Returns None when the draft moved on since `base_version` (someone else edited it):
        the version and the state are checked under the row lock of the write. A new version
        of a published posting (or of one sent back with changes) goes (back) to review in
        that same transaction; the published version stays what candidates see.
        """
        current = self.posting(draft)
        if current is None:
            raise LookupError(draft.id)
        merged = {**current.model_dump(mode="json"), **changes}
        try:
            posting = Posting.model_validate(merged)
        except ValidationError as exc:
            problems: dict[str, str] = {}
            for item, sentence in zip(exc.errors(), describe_errors(exc), strict=True):
                key = str(item["loc"][0]) if item["loc"] else "posting"
                problems.setdefault(key, sentence)
            raise EditRejected(problems) from None
        try:
            record = self.store.add_version(
                draft.id,
                posting.model_dump(mode="json"),
                author=actor,
                note=note,
                expected_version=base_version
                if base_version is not None
                else draft.current_version,
                editable=EDITABLE,
                moves=BACK_TO_REVIEW,
            )
        except DraftLocked as locked:
            # Approved and published postings change only through a new draft: the state is
            # checked under the same row lock as the write, whoever asks and from where.
            status = say(f"slack.status.{locked.status.value}")
            raise EditRejected({"posting": say("edit.locked", status=status)}) from None
        if record is None:
            return None
        self.store.record(draft.id, "edited", actor, version=record.number, note=note)
        return posting, record.number
