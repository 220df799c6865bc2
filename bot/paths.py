"""Where the project's data folders live, from a checkout or from an installed wheel."""

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
