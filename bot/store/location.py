"""Where the database is, said to the person running Newjob (the default is a SQLite file in
their data folder: bot.paths.default_database_url; DATABASE_URL names another)."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import make_url
from sqlalchemy.exc import ArgumentError


def sqlite_file(url: str) -> Path | None:
    """The file a SQLite URL names; None for another database, or SQLite in memory."""
    try:
        parsed = make_url(url)
    except ArgumentError:
        return None
    if parsed.get_backend_name() != "sqlite":
        return None
    database = parsed.database or ""
    if not database or database == ":memory:" or database.startswith("file:"):
        return None
    return Path(database).expanduser().absolute()


def describe(url: str) -> str:
    """The database for a person: a SQLite file's full path, else the URL without password."""
    path = sqlite_file(url)
    if path is not None:
        return str(path)
    try:
        return make_url(url).render_as_string(hide_password=True)
    except ArgumentError:
        return url


def exists(url: str) -> bool:
    """False only for a SQLite file that is not there yet (a server is assumed to be)."""
    path = sqlite_file(url)
    return path is None or path.exists()
