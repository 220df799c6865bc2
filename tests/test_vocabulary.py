"""One vocabulary (issue 14, item 7): the same field names and aliases in the answers file, the
dialogue's and the playground's `edit`, and the reviewers' `set`; listed in `help`."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.drafting import role_for
from bot.posting.draft import posting_from_role
from bot.posting.vocabulary import field_for, fields_help, split_field
from bot.review.commands import SetField, parse
from bot.settings import Settings
from bot.store import Store
from bot.terminal.playground import Playground

NAMES = ["closing date", "closing_date", "deadline", "Closing-Date"]


@pytest.mark.parametrize("name", NAMES)
def test_every_name_of_a_field_means_it_everywhere(name: str) -> None:
    assert field_for(name) == "closing_date"
    assert split_field(f"{name} 2027-01-31") == ("closing_date", "2027-01-31")
    command = parse(f"set {name.lower()} 2027-01-31")
    assert isinstance(command, SetField) and command.field == "closing_date"
    role = role_for("network_technician")
    assert role is not None
    posting = posting_from_role(
        role, {name: "2027-01-31", "company": "Acme"}, today=dt.date(2026, 12, 1)
    )
    assert posting.closing_date == dt.date(2027, 1, 31)


@pytest.mark.parametrize(
    ("name", "field"),
    [
        ("company", "organisation"),
        ("organization", "organisation"),
        ("type", "employment_type"),
        ("duties", "responsibilities"),
    ],
)
def test_aliases(name: str, field: str) -> None:
    assert field_for(name) == field


def test_help_lists_the_names() -> None:
    listed = fields_help()
    for text in ("organisation (company", "closing_date (", "deadline", "employment_type (type"):
        assert text in listed


def test_the_playground_edits_by_any_name(sqlite_url: str) -> None:
    store = Store(sqlite_url)
    store.migrate()
    settings = Settings(_env_file=None, database_url=sqlite_url, newjob_company_name="Acme")  # type: ignore[call-arg]
    playground = Playground(store, settings, user="hana")
    playground.handle("/newjob network technician")
    playground.handle("1")
    for answer in (
        "ok", "mid", "on-site", "Denver, CO", "full-time", "60k-70k", "all", "all",
        "jobs@acme.example.com", "in 30 days", "skip", "Medical; dental", "skip",
    ):  # fmt: skip
        playground.handle(answer)
    assert "Here is your draft" in "\n".join(playground.handle("skip"))
    for number, name in enumerate(NAMES, start=2):
        out = "\n".join(playground.handle(f"edit {name} 2027-02-{number:02d}"))
        assert f"version {number}" in out, out
    assert "organisation (company" in "\n".join(playground.handle("edit nonsense 3"))
    out = "\n".join(playground.handle("edit company Acme West"))
    assert "Acme West" in out
