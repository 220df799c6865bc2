"""Shared fixtures: stores on SQLite and on the local PostgreSQL server (database `test`)."""

from __future__ import annotations

import os
import uuid
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlalchemy import create_engine, text

from bot.store import Store

PG_SERVER = os.environ.get("NEWJOB_TEST_PG", "postgresql+psycopg://postgres@127.0.0.1:5432/test")


def _postgres_available() -> bool:
    try:
        engine = create_engine(PG_SERVER, connect_args={"connect_timeout": 3})
        with engine.connect() as connection:
            connection.execute(text("SELECT 1"))
        engine.dispose()
        return True
    except Exception:
        return False


def postgres_url() -> str:
    """A fresh schema of its own on the PostgreSQL server, so test runs never see each other."""
    if not _postgres_available():
        if os.environ.get("CI"):
            pytest.fail("PostgreSQL on 127.0.0.1:5432 (database test) is required in CI")
        pytest.skip("PostgreSQL on 127.0.0.1:5432 (database test) is not running")
    schema = f"nj_{uuid.uuid4().hex[:12]}"
    engine = create_engine(PG_SERVER)
    with engine.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA {schema}"))
    engine.dispose()
    return f"{PG_SERVER}?options=-csearch_path%3D{schema}"


def drop_schema(url: str) -> None:
    schema = url.rsplit("%3D", 1)[-1]
    engine = create_engine(PG_SERVER)
    with engine.begin() as connection:
        connection.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
    engine.dispose()


@pytest.fixture(autouse=True, scope="session")
def user_data_folder(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Path]:
    """The user's data folder (the default database, the playground's exports) in a temporary
    folder, for this process and the commands the tests start, never the real one.
    platformdirs takes it from XDG_DATA_HOME on Linux."""
    folder = tmp_path_factory.mktemp("xdg-data")
    before = os.environ.get("XDG_DATA_HOME")
    os.environ["XDG_DATA_HOME"] = str(folder)
    yield folder
    if before is None:
        os.environ.pop("XDG_DATA_HOME", None)
    else:
        os.environ["XDG_DATA_HOME"] = before


@pytest.fixture
def sqlite_url(tmp_path: Path) -> str:
    return f"sqlite:///{tmp_path / 'newjob.db'}"


@pytest.fixture
def pg_url() -> Iterator[str]:
    url = postgres_url()
    yield url
    drop_schema(url)


@pytest.fixture(params=["sqlite", pytest.param("postgres", marks=pytest.mark.postgres)])
def store_url(request: pytest.FixtureRequest, tmp_path: Path) -> Iterator[str]:
    if request.param == "sqlite":
        yield f"sqlite:///{tmp_path / 'newjob.db'}"
    else:
        url = postgres_url()
        yield url
        drop_schema(url)


@pytest.fixture
def store(store_url: str) -> Iterator[Store]:
    created = Store(store_url)
    created.migrate()
    yield created
    created.dispose()
