"""Alembic's environment: the connection Newjob hands over, or (run as `alembic` by hand) the
database the settings name. Batch mode, so that changes SQLite cannot make with ALTER TABLE
are made by copying the table."""

from __future__ import annotations

from alembic import context
from sqlalchemy import Connection

from bot.store.tables import Base


def _run(connection: Connection) -> None:
    context.configure(
        connection=connection,
        target_metadata=Base.metadata,
        render_as_batch=True,
        compare_type=True,
    )
    with context.begin_transaction():
        context.run_migrations()


def _online() -> None:
    connection = context.config.attributes.get("connection")
    if connection is not None:
        _run(connection)
        return
    from bot.settings import Settings
    from bot.store.store import Store

    store = Store(Settings().database_url)
    try:
        with store.engine.begin() as opened:
            _run(opened)
    finally:
        store.dispose()


if context.is_offline_mode():
    raise SystemExit("Newjob's migrations run against a database: use `newjob db upgrade`.")
_online()
