"""Where the project's data folders live, from a checkout or from an installed wheel, and the
user's own data folder."""

from __future__ import annotations

from functools import cache
from pathlib import Path

_PACKAGE = Path(__file__).resolve().parent


@cache
def data_dir(name: str) -> Path:
    """The `prompts/` or `roles/` folder: packaged inside the wheel, or at the checkout's top."""
    packaged = _PACKAGE / "_data" / name
    if packaged.is_dir():
        return packaged
    checkout = _PACKAGE.parent / name
    if checkout.is_dir():
        return checkout
    raise FileNotFoundError(
        f"Newjob cannot find its {name}/ folder (looked in {packaged} and {checkout})."
    )


def prompts_dir() -> Path:
    return data_dir("prompts")


def roles_dir() -> Path:
    return data_dir("roles")


def templates_dir() -> Path:
    return _PACKAGE / "templates"


def user_data_path() -> Path:
    """The user's own data folder for Newjob (the default database, the playground's exports):
    ~/.local/share/newjob on Linux (or $XDG_DATA_HOME/newjob), ~/Library/Application
    Support/newjob on macOS, %LOCALAPPDATA%\\newjob on Windows. Not created here."""
    from platformdirs import user_data_path as platform_data_path

    return platform_data_path("newjob", appauthor=False)


def default_database_url() -> str:
    """`sqlite:///…/newjob.db` in the user's data folder: one database per user, wherever
    Newjob is run from (DATABASE_URL names another)."""
    return f"sqlite:///{user_data_path() / 'newjob.db'}"
