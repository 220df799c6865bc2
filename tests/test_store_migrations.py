"""Schema migrations (alembic), on SQLite and PostgreSQL: a new database upgraded is exactly the
schema in bot/store/tables.py; a database made before migrations is adopted with its data; one
migrated by a newer Newjob is refused; old deliveries are pruned; `newjob db upgrade` works."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.runtime.migration import MigrationContext
from sqlalchemy import create_engine, text

from bot.store import DraftStatus, Store, StoreUnavailable
from bot.store.schema import current, head
from bot.store.tables import Base

BEFORE = Path(__file__).parent / "data" / "schema_before_migrations"


def _differences(store: Store) -> list[object]:
    with store.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        return list(compare_metadata(context, Base.metadata))


def _revisions(store: Store) -> tuple[str, ...]:
    with store.engine.connect() as connection:
        return current(connection)


def test_a_new_database_upgraded_is_the_declared_schema(store_url: str) -> None:
    store = Store(store_url)
    try:
        assert _revisions(store) == ()
        store.migrate()
        assert _differences(store) == []
        assert _revisions(store) == (head(),)
        store.migrate()  # again: nothing to do, nothing breaks
        assert _revisions(store) == (head(),)
    finally:
        store.dispose()


def _make_old_database(store: Store) -> None:
    """The schema as the Newjob before migrations made it, with its marker and a draft."""
    dialect = store.engine.dialect.name
    script = (BEFORE / f"{dialect}.sql").read_text(encoding="utf-8")
    statements = [
        "\n".join(line for line in part.splitlines() if not line.startswith("--")).strip()
        for part in script.split(";")
    ]
    with store.engine.begin() as connection:
        for statement in statements:
            if statement:
                connection.exec_driver_sql(statement)
        connection.execute(text("INSERT INTO newjob_schema (id, version) VALUES (1, 1)"))
        connection.execute(
            text(
                "INSERT INTO drafts (team_id, requester, title, role_key, status, "
                "current_version, dm_channel, dm_thread_ts, review_channel, review_ts, "
                "jobs_channel, jobs_ts, permalink, created_at, updated_at) VALUES ('T1', "
                "'U0OLD00001', 'Night Baker', 'baker', 'drafting', 0, '', '', '', '', '', '', "
                "'', :at, :at)"
            ),
            {"at": dt.datetime(2026, 1, 1, tzinfo=dt.UTC)},
        )
        connection.execute(
            text("INSERT INTO processed_events (key, at) VALUES ('Ev0OLD', :at)"),
            {"at": dt.datetime(2026, 1, 1, tzinfo=dt.UTC)},
        )


def test_a_database_made_before_migrations_is_adopted(store_url: str) -> None:
    store = Store(store_url)
    try:
        _make_old_database(store)
        assert _revisions(store) == ()
        store.migrate()
        assert _revisions(store) == (head(),)
        assert _differences(store) == []
        drafts = store.drafts_for("U0OLD00001")
        assert [(d.title, d.status) for d in drafts] == [("Night Baker", DraftStatus.DRAFTING)]
        assert not store.first_delivery("Ev0OLD")  # what it had seen, it still knows
        with store.engine.connect() as connection:
            marker = connection.execute(text("SELECT version FROM newjob_schema")).scalar_one()
        assert marker == 2  # a Newjob from before migrations now refuses this database
    finally:
        store.dispose()


def test_a_database_from_a_newer_newjob_is_refused(store_url: str) -> None:
    store = Store(store_url)
    try:
        store.migrate()
        with store.engine.begin() as connection:
            connection.execute(text("UPDATE alembic_version SET version_num = 'f00dfeed'"))
        with pytest.raises(StoreUnavailable, match="f00dfeed, newer than this Newjob"):
            store.migrate()
    finally:
        store.dispose()


def test_old_deliveries_are_pruned(store: Store) -> None:
    assert store.first_delivery("Ev0LONGAGO")
    assert store.first_delivery("Ev0RECENT")
    with store.engine.begin() as connection:
        connection.execute(
            text("UPDATE processed_events SET at = :at WHERE key = 'Ev0LONGAGO'"),
            {"at": dt.datetime.now(dt.UTC) - dt.timedelta(days=2)},
        )
    assert store.prune_deliveries(dt.timedelta(days=1)) == 1
    assert not store.first_delivery("Ev0RECENT")  # still remembered
    assert store.first_delivery("Ev0LONGAGO")  # forgotten, so new again


def test_newjob_db_upgrade(store_url: str, tmp_path: Path) -> None:
    env = {**os.environ, "DATABASE_URL": store_url}
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli", "db", "upgrade"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert f"revision {head()}" in done.stdout
    engine = create_engine(store_url.replace("postgresql://", "postgresql+psycopg://"))
    try:
        with engine.connect() as connection:
            assert current(connection) == (head(),)
    finally:
        engine.dispose()


def test_newjob_db_upgrade_says_when_it_cannot_reach_the_database() -> None:
    env = {**os.environ, "DATABASE_URL": "postgresql://nobody@127.0.0.1:1/none"}
    done = subprocess.run(
        [sys.executable, "-m", "bot.cli", "db", "upgrade"],
        env=env,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 2
    assert "newjob db: cannot open the database" in done.stderr
    assert "Traceback" not in done.stderr
