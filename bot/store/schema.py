"""The schema's migrations, run by alembic (scripts in bot/store/migrations).

`upgrade` brings a database to the newest revision: a new one is built revision by revision; one
made by a Newjob from before migrations (it has the `newjob_schema` marker and no
`alembic_version`) is first stamped as revision 0001, which is exactly the schema that Newjob
made; one already at a revision this Newjob does not know (a newer Newjob migrated it) is
refused rather than written to."""

from __future__ import annotations

from pathlib import Path

from alembic import command
from alembic.config import Config
from alembic.runtime.migration import MigrationContext
from alembic.script import ScriptDirectory
from sqlalchemy import Connection, inspect

MIGRATIONS = Path(__file__).with_name("migrations")
BEFORE_MIGRATIONS = "0001"  # the revision a database made before migrations is at


class SchemaTooNew(RuntimeError):
    """The database is at a revision this Newjob does not have: a newer Newjob migrated it."""


def alembic_config(connection: Connection | None = None) -> Config:
    """Alembic's configuration, without an .ini file: the scripts, and the connection to use."""
    config = Config()
    config.set_main_option("script_location", str(MIGRATIONS))
    if connection is not None:
        config.attributes["connection"] = connection
    return config


def head() -> str:
    """The newest revision this Newjob has."""
    found = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert found is not None, "no migration scripts"
    return found


def current(connection: Connection) -> tuple[str, ...]:
    """The revisions the database is at (none for a database alembic has not touched)."""
    return tuple(MigrationContext.configure(connection).get_current_heads())


def upgrade(connection: Connection) -> None:
    """Bring the database on `connection` to the newest revision, inside the caller's
    transaction (the caller commits it, and takes turns with other processes first)."""
    config = alembic_config(connection)
    known = {script.revision for script in ScriptDirectory.from_config(config).walk_revisions()}
    at = current(connection)
    unknown = [revision for revision in at if revision not in known]
    if unknown:
        raise SchemaTooNew(
            f"The database schema is at revision {', '.join(unknown)}, newer than this "
            f"Newjob ({head()}); upgrade Newjob."
        )
    if not at and inspect(connection).has_table("newjob_schema"):
        command.stamp(config, BEFORE_MIGRATIONS)
    command.upgrade(config, "head")
