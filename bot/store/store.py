"""The Store: every read and write Newjob makes, each in its own short transaction.

State changes that can race (a new version, an approval, publishing) are made atomic in the
database itself (row locks on PostgreSQL, unique constraints, conditional updates), so several
app instances sharing one PostgreSQL stay correct.
"""

from __future__ import annotations

import datetime as dt
import threading
import time
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from contextlib import contextmanager
from typing import Any, TypeVar

from sqlalchemy import Engine, create_engine, delete, event, func, select, text, update
from sqlalchemy.exc import (
    DataError,
    DBAPIError,
    IntegrityError,
    InterfaceError,
    OperationalError,
    StatementError,
)
from sqlalchemy.orm import Session, sessionmaker

from bot.store.location import sqlite_file
from bot.store.records import (
    ApprovalRecord,
    AuditRecord,
    DraftRecord,
    DraftStatus,
    SessionRecord,
    VersionRecord,
)
from bot.store.schema import SchemaTooNew, upgrade
from bot.store.tables import (
    Approval,
    AuditEvent,
    DialogueSession,
    Draft,
    DraftVersion,
    ProcessedEvent,
    utcnow,
)

T = TypeVar("T")
PING_WAIT = 1.0  # seconds a caller waits for a check already under way
HEALTHY_FOR = 0.05  # seconds a yes from the database stands for
MIGRATE_ATTEMPTS = 10  # on SQLite, for a new file turned to WAL mode by another process
MIGRATE_LOCK = 0x4E65776A6F62  # "Newjob": the advisory lock migrations take turns on
REPLAY_MEMORY = 600  # seconds a signed request is remembered (Slack's signatures last 300)
PRUNE_EVERY = 60.0  # seconds between clearing out the requests remembered longer than that
_REQUEST_KEY = "request:"


class DraftLocked(RuntimeError):
    """The draft's state does not allow a new version (approved, published, cancelled)."""

    def __init__(self, status: DraftStatus) -> None:
        self.status = status
        super().__init__(status.value)


class StoreUnavailable(RuntimeError):
    """The database cannot be reached (or refused the work); nothing was changed."""


class InvalidData(ValueError):
    """The database refused a value (too long, out of range, a NUL in text): the input was
    wrong, not the database. Nothing was changed."""


# Integer columns (ids, version numbers) hold a 32-bit signed number on PostgreSQL.
MAX_INT = 2**31 - 1


def _unavailable(exc: DBAPIError) -> bool:
    """Whether a database error means the database is out of reach (a lost or refused
    connection, a lock not granted in time), not that the request was wrong."""
    return isinstance(exc, OperationalError | InterfaceError) or exc.connection_invalidated


def _aware(value: dt.datetime) -> dt.datetime:
    # SQLite hands datetimes back without their zone; they were stored in UTC.
    return value if value.tzinfo else value.replace(tzinfo=dt.UTC)


def _draft(row: Draft) -> DraftRecord:
    return DraftRecord(
        id=row.id,
        team_id=row.team_id,
        requester=row.requester,
        title=row.title,
        role_key=row.role_key,
        status=DraftStatus(row.status),
        current_version=row.current_version,
        dm_channel=row.dm_channel,
        dm_thread_ts=row.dm_thread_ts,
        review_channel=row.review_channel,
        review_ts=row.review_ts,
        jobs_channel=row.jobs_channel,
        jobs_ts=row.jobs_ts,
        permalink=row.permalink,
        created_at=_aware(row.created_at),
        updated_at=_aware(row.updated_at),
    )


def _version(row: DraftVersion) -> VersionRecord:
    return VersionRecord(
        draft_id=row.draft_id,
        number=row.number,
        posting=dict(row.posting),
        author=row.author,
        note=row.note,
        created_at=_aware(row.created_at),
    )


def _session(row: DialogueSession) -> SessionRecord:
    return SessionRecord(
        id=row.id,
        draft_id=row.draft_id,
        user_id=row.user_id,
        channel_id=row.channel_id,
        thread_ts=row.thread_ts,
        state=dict(row.state),
        status=row.status,
        updated_at=_aware(row.updated_at),
    )


_DRAFT_FIELDS = frozenset(
    {
        "title",
        "role_key",
        "status",
        "dm_channel",
        "dm_thread_ts",
        "review_channel",
        "review_ts",
        "jobs_channel",
        "jobs_ts",
        "permalink",
    }
)


class Store:
    def __init__(self, url: str) -> None:
        self.url = url
        self.engine = self._engine(url)
        self._sessions = sessionmaker(self.engine, expire_on_commit=False)
        self._ping_lock = threading.Lock()
        self._last_ping: tuple[float, bool] = (float("-inf"), False)
        self._last_prune = float("-inf")

    @staticmethod
    def _engine(url: str) -> Engine:
        if url.startswith("postgresql://"):
            url = "postgresql+psycopg://" + url.removeprefix("postgresql://")
        if url.startswith("sqlite"):
            path = sqlite_file(url)
            if path is not None:
                # The default file is in the user's data folder, which may not be there yet.
                path.parent.mkdir(parents=True, exist_ok=True)
            engine = create_engine(url, connect_args={"check_same_thread": False, "timeout": 30})

            @event.listens_for(engine, "connect")
            def _pragmas(connection: Any, _record: Any) -> None:
                cursor = connection.cursor()
                cursor.execute("PRAGMA foreign_keys=ON")
                if ":memory:" not in url:
                    cursor.execute("PRAGMA journal_mode=WAL")
                cursor.execute("PRAGMA busy_timeout=30000")
                cursor.close()

            return engine
        return create_engine(
            url,
            pool_pre_ping=True,
            pool_size=10,
            max_overflow=20,
            pool_timeout=10,
            connect_args={"connect_timeout": 5},
        )

    # ------------------------------------------------------------------ plumbing

    @contextmanager
    def _tx(self) -> Iterator[Session]:
        """One transaction. Only a database out of reach is StoreUnavailable; a value it
        refuses (DataError: too long, out of range, NUL) is InvalidData; IntegrityError is
        left to the callers that expect it (a repeated delivery, a second approval)."""
        try:
            with self._sessions.begin() as session:
                yield session
        except IntegrityError:
            raise
        except DataError as exc:
            raise InvalidData(str(exc.orig or exc)) from exc
        except DBAPIError as exc:
            if _unavailable(exc):
                raise StoreUnavailable(str(exc.orig or exc)) from exc
            raise  # a mistake of ours (ProgrammingError and the like): not the user's, nor down
        except (StatementError, OverflowError) as exc:
            # The driver refused a value before sending it (SQLite: an integer over 64 bits;
            # psycopg: a NUL in text).
            raise InvalidData(str(getattr(exc, "orig", None) or exc)) from exc

    def _run(self, work: Callable[[Session], T]) -> T:
        with self._tx() as session:
            return work(session)

    def migrate(self) -> None:
        """Create the schema on a new database, and bring an older one up to date: alembic's
        revisions (bot/store/schema.py), as `newjob db upgrade` runs them.

        Instances and their worker processes starting at the same moment take turns, so none
        sees a half-made schema or races another to create it: on PostgreSQL under one
        transaction-scoped advisory lock; on SQLite in one transaction begun IMMEDIATE, which
        takes the database's write lock at once (its driver would otherwise run each CREATE
        on its own). A new SQLite file can still answer "database is locked" to one of them
        while another turns it to WAL mode (SQLite then does not wait, to avoid a deadlock):
        that one tries again."""
        for attempt in range(1, MIGRATE_ATTEMPTS + 1):
            try:
                self._migrate_once()
                return
            except IntegrityError:
                raise
            except (OperationalError, DBAPIError) as exc:
                locked = "database is locked" in str(exc)
                if not locked or attempt == MIGRATE_ATTEMPTS:
                    raise StoreUnavailable(str(exc.orig or exc)) from exc
                time.sleep(0.05 * attempt)

    def _migrate_once(self) -> None:
        with self.engine.connect() as connection:
            if connection.dialect.name == "sqlite":
                connection.exec_driver_sql("BEGIN IMMEDIATE")
            else:
                connection.execute(
                    text("SELECT pg_advisory_xact_lock(:key)"), {"key": MIGRATE_LOCK}
                )
            try:
                upgrade(connection)
            except SchemaTooNew as exc:
                raise StoreUnavailable(str(exc)) from exc
            connection.commit()

    def ping(self) -> bool:
        """Whether the database answers.

        The front asks before every event it acknowledges, and a check per request took a
        connection per thread and queued the threads behind one another. So a yes is good for
        HEALTHY_FOR seconds (an event that slips through in the moment the database goes away
        gets the "database unavailable" note from the work that follows, as a click does);
        a no is never reused. Callers at the same moment share one check: one at a time asks
        the database, and a caller that waited for it takes the answer of a check that began
        after it called. No answer within PING_WAIT is a no."""
        asked = time.monotonic()
        checked_at, answered = self._last_ping
        if answered and asked - checked_at < HEALTHY_FOR:
            return True
        if not self._ping_lock.acquire(timeout=PING_WAIT):
            return False  # a check is stuck: as good as no answer
        try:
            checked_at, answered = self._last_ping
            if checked_at >= asked:
                return answered
            return self._check()
        finally:
            self._ping_lock.release()

    def _check(self) -> bool:
        """Ask the database, with `_ping_lock` held, and remember the answer."""
        started = time.monotonic()
        try:
            with self.engine.connect() as connection:
                connection.exec_driver_sql("SELECT 1")
            answered = True
        except (OperationalError, DBAPIError):
            answered = False
        self._last_ping = (started, answered)
        return answered

    def dispose(self) -> None:
        self.engine.dispose()

    # ------------------------------------------------------------------ drafts

    def create_draft(
        self, *, team_id: str, requester: str, title: str, role_key: str, **fields: str
    ) -> DraftRecord:
        def work(session: Session) -> DraftRecord:
            row = Draft(
                team_id=team_id,
                requester=requester,
                title=title[:200],
                role_key=role_key,
                status=DraftStatus.DRAFTING.value,
                current_version=0,
                **{key: value for key, value in fields.items() if key in _DRAFT_FIELDS},
            )
            session.add(row)
            session.flush()
            session.add(AuditEvent(draft_id=row.id, kind="created", actor=requester, detail={}))
            return _draft(row)

        return self._run(work)

    def draft(self, draft_id: int) -> DraftRecord | None:
        if not 0 < draft_id <= MAX_INT:
            return None  # no draft has that number
        return self._run(lambda s: ((row := s.get(Draft, draft_id)) and _draft(row)) or None)

    def draft_by_review_message(self, channel: str, ts: str) -> DraftRecord | None:
        def work(session: Session) -> DraftRecord | None:
            row = session.scalars(
                select(Draft).where(Draft.review_channel == channel, Draft.review_ts == ts)
            ).first()
            return _draft(row) if row else None

        return self._run(work)

    def update_draft(self, draft_id: int, **fields: str) -> DraftRecord:
        unknown = set(fields) - _DRAFT_FIELDS
        if unknown:
            raise ValueError(f"not draft fields: {sorted(unknown)}")

        def work(session: Session) -> DraftRecord:
            row = session.get(Draft, draft_id)
            if row is None:
                raise KeyError(draft_id)
            for key, value in fields.items():
                setattr(row, key, value)
            session.flush()
            return _draft(row)

        return self._run(work)

    def transition(
        self,
        draft_id: int,
        *,
        to: DraftStatus,
        from_: Iterable[DraftStatus],
        version: int | None = None,
    ) -> bool:
        """Move a draft to `to` only if it is in one of `from_` (and at `version`); atomic.

        Returns False when another request got there first, so each transition happens once.
        """
        condition = [Draft.id == draft_id, Draft.status.in_([s.value for s in from_])]
        if version is not None:
            condition.append(Draft.current_version == version)

        def work(session: Session) -> bool:
            result = session.execute(
                update(Draft).where(*condition).values(status=to.value, updated_at=utcnow())
            )
            return bool(getattr(result, "rowcount", 0))

        return self._run(work)

    def drafts_for(self, requester: str, limit: int = 20) -> list[DraftRecord]:
        def work(session: Session) -> list[DraftRecord]:
            rows = session.scalars(
                select(Draft)
                .where(Draft.requester == requester, Draft.status != DraftStatus.CANCELLED.value)
                .order_by(Draft.id.desc())
                .limit(limit)
            )
            return [_draft(row) for row in rows]

        return self._run(work)

    def drafts_in(self, statuses: Iterable[DraftStatus], limit: int = 50) -> list[DraftRecord]:
        def work(session: Session) -> list[DraftRecord]:
            rows = session.scalars(
                select(Draft)
                .where(Draft.status.in_([s.value for s in statuses]))
                .order_by(Draft.id.desc())
                .limit(limit)
            )
            return [_draft(row) for row in rows]

        return self._run(work)

    # ------------------------------------------------------------------ versions

    def add_version(
        self,
        draft_id: int,
        posting: dict[str, Any],
        *,
        author: str,
        note: str = "",
        expected_version: int | None = None,
        editable: Collection[DraftStatus] | None = None,
        moves: Mapping[DraftStatus, DraftStatus] | None = None,
    ) -> VersionRecord | None:
        """Store the next version of a draft. With `expected_version`, only if the draft is
        still at that version (so two concurrent edits cannot both become "v3"): else None.
        With `editable`, only while the draft is in one of those states, checked under the
        same row lock as the write: else DraftLocked. `moves` changes the draft's state in the
        same transaction (a new version of a published posting goes back to review)."""

        def work(session: Session) -> VersionRecord | None:
            row = session.get(Draft, draft_id, with_for_update=True)
            if row is None:
                raise KeyError(draft_id)
            status = DraftStatus(row.status)
            if editable is not None and status not in editable:
                raise DraftLocked(status)
            if expected_version is not None and row.current_version != expected_version:
                return None
            if moves and status in moves:
                row.status = moves[status].value
            number = row.current_version + 1
            version = DraftVersion(
                draft_id=draft_id, number=number, posting=posting, author=author, note=note
            )
            session.add(version)
            row.current_version = number
            row.title = str(posting.get("title") or row.title)[:200]
            session.flush()
            return _version(version)

        return self._run(work)

    def version(self, draft_id: int, number: int | None = None) -> VersionRecord | None:
        def work(session: Session) -> VersionRecord | None:
            query = select(DraftVersion).where(DraftVersion.draft_id == draft_id)
            if number is None:
                query = query.order_by(DraftVersion.number.desc())
            else:
                query = query.where(DraftVersion.number == number)
            row = session.scalars(query.limit(1)).first()
            return _version(row) if row else None

        return self._run(work)

    def published_version(self, draft_id: int) -> int:
        """The version candidates see (the last one published), or 0 if none was. A newer
        version in review leaves it as it is until that one is published in turn."""

        def work(session: Session) -> int:
            return int(
                session.scalar(
                    select(func.max(AuditEvent.version)).where(
                        AuditEvent.draft_id == draft_id, AuditEvent.kind == "published"
                    )
                )
                or 0
            )

        return self._run(work)

    def versions(self, draft_id: int) -> list[VersionRecord]:
        def work(session: Session) -> list[VersionRecord]:
            rows = session.scalars(
                select(DraftVersion)
                .where(DraftVersion.draft_id == draft_id)
                .order_by(DraftVersion.number)
            )
            return [_version(row) for row in rows]

        return self._run(work)

    # ------------------------------------------------------------------ dialogue sessions

    def start_session(
        self, *, draft_id: int, user_id: str, channel_id: str, thread_ts: str, state: dict[str, Any]
    ) -> SessionRecord:
        def work(session: Session) -> SessionRecord:
            row = DialogueSession(
                draft_id=draft_id,
                user_id=user_id,
                channel_id=channel_id,
                thread_ts=thread_ts,
                state=state,
                status="active",
            )
            session.add(row)
            session.flush()
            return _session(row)

        return self._run(work)

    def session_for_draft(self, draft_id: int) -> SessionRecord | None:
        def work(session: Session) -> SessionRecord | None:
            row = session.scalars(
                select(DialogueSession).where(DialogueSession.draft_id == draft_id)
            ).first()
            return _session(row) if row else None

        return self._run(work)

    def session_in_thread(self, channel_id: str, thread_ts: str) -> SessionRecord | None:
        def work(session: Session) -> SessionRecord | None:
            row = session.scalars(
                select(DialogueSession).where(
                    DialogueSession.channel_id == channel_id,
                    DialogueSession.thread_ts == thread_ts,
                )
            ).first()
            return _session(row) if row else None

        return self._run(work)

    def latest_active_session(self, user_id: str, channel_id: str) -> SessionRecord | None:
        def work(session: Session) -> SessionRecord | None:
            row = session.scalars(
                select(DialogueSession)
                .where(
                    DialogueSession.user_id == user_id,
                    DialogueSession.channel_id == channel_id,
                    DialogueSession.status == "active",
                )
                .order_by(DialogueSession.id.desc())
                .limit(1)
            ).first()
            return _session(row) if row else None

        return self._run(work)

    def save_session(
        self,
        session_id: int,
        state: dict[str, Any],
        *,
        status: str | None = None,
        expected_step: int | None = None,
    ) -> bool:
        """Save a dialogue's state. With `expected_step`, only if the stored state is still at
        that step: a double-click or a redelivered answer then changes nothing."""

        def work(session: Session) -> bool:
            row = session.get(DialogueSession, session_id, with_for_update=True)
            if row is None:
                return False
            if expected_step is not None and int(row.state.get("step", -1)) != expected_step:
                return False
            row.state = state
            if status is not None:
                row.status = status
            return True

        return self._run(work)

    # ------------------------------------------------------------------ approvals

    def add_approval(self, draft_id: int, version: int, approver: str) -> bool:
        """Record an approval of one version; False if this person already approved it."""
        try:
            with self._tx() as session:
                session.add(Approval(draft_id=draft_id, version=version, approver=approver))
            return True
        except IntegrityError:
            return False

    def approvals(self, draft_id: int, version: int) -> list[ApprovalRecord]:
        def work(session: Session) -> list[ApprovalRecord]:
            rows = session.scalars(
                select(Approval)
                .where(Approval.draft_id == draft_id, Approval.version == version)
                .order_by(Approval.id)
            )
            return [
                ApprovalRecord(row.draft_id, row.version, row.approver, _aware(row.created_at))
                for row in rows
            ]

        return self._run(work)

    # ------------------------------------------------------------------ audit

    def record(
        self, draft_id: int, kind: str, actor: str, *, version: int | None = None, **detail: Any
    ) -> None:
        self._run(
            lambda s: s.add(
                AuditEvent(
                    draft_id=draft_id, version=version, kind=kind, actor=actor, detail=detail
                )
            )
        )

    def history(self, draft_id: int) -> list[AuditRecord]:
        def work(session: Session) -> list[AuditRecord]:
            rows = session.scalars(
                select(AuditEvent).where(AuditEvent.draft_id == draft_id).order_by(AuditEvent.id)
            )
            return [
                AuditRecord(
                    row.draft_id, row.version, row.kind, row.actor, _aware(row.at), dict(row.detail)
                )
                for row in rows
            ]

        return self._run(work)

    def count_events(self, draft_id: int, kind: str, *, version: int | None = None) -> int:
        """How many `kind` events the draft has (of one version, with `version`)."""
        condition = [AuditEvent.draft_id == draft_id, AuditEvent.kind == kind]
        if version is not None:
            condition.append(AuditEvent.version == version)

        def work(session: Session) -> int:
            return int(
                session.scalar(select(func.count()).select_from(AuditEvent).where(*condition)) or 0
            )

        return self._run(work)

    # ------------------------------------------------------------------ deliveries

    def first_request(self, timestamp: str, signature: str) -> bool:
        """True the first time a signed request (its timestamp and signature) is seen; False
        for a replay of it. Slack's signatures are refused after five minutes, so what is
        remembered for this is forgotten after REPLAY_MEMORY seconds (now and then)."""
        now = time.monotonic()
        if now - self._last_prune > PRUNE_EVERY:
            self._last_prune = now
            cutoff = utcnow() - dt.timedelta(seconds=REPLAY_MEMORY)
            self._run(
                lambda s: s.execute(
                    delete(ProcessedEvent).where(
                        ProcessedEvent.key.startswith(_REQUEST_KEY), ProcessedEvent.at < cutoff
                    )
                )
            )
        return self.first_delivery(f"{_REQUEST_KEY}{timestamp[:20]}:{signature[:150]}")

    def first_delivery(self, key: str) -> bool:
        """True the first time `key` (an event_id, an action's id) is seen; False on repeats."""
        try:
            with self._tx() as session:
                session.add(ProcessedEvent(key=key[:200]))
            return True
        except IntegrityError:
            return False

    def prune_deliveries(self, older_than: dt.timedelta) -> int:
        """Forget deliveries seen more than `older_than` ago (Slack retries an event within
        minutes, so a day's memory is plenty); returns how many were removed."""
        cutoff = utcnow() - older_than

        def work(session: Session) -> int:
            result = session.execute(delete(ProcessedEvent).where(ProcessedEvent.at < cutoff))
            return int(getattr(result, "rowcount", 0) or 0)

        return self._run(work)
