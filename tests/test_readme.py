"""The README tells a new user what exists: every command and flag of `newjob`, and what
`make test` needs."""

from __future__ import annotations

import argparse
from collections.abc import Iterator
from pathlib import Path

from bot.cli import build_parser

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _commands(
    parser: argparse.ArgumentParser, prefix: str = "newjob"
) -> Iterator[tuple[str, list[str]]]:
    """(`newjob roles search`, its flags) for every command that does something."""
    subparsers = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    flags = [
        option
        for action in parser._actions
        for option in action.option_strings
        if option not in ("-h", "--help")
    ]
    if not subparsers:
        yield prefix, flags
    for group in subparsers:
        for name, child in group.choices.items():
            yield from _commands(child, f"{prefix} {name}")


def _section(heading: str) -> str:
    return README.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0]


def test_every_command_and_flag_is_in_the_readme() -> None:
    table = _section("Command line")
    commands = dict(_commands(build_parser()))
    assert "newjob roles search" in commands and "newjob chat" in commands
    for command, flags in commands.items():
        line = next((row for row in table.splitlines() if f"| `{command}" in row), None)
        assert line is not None, f"{command} is not in the README's command table"
        for flag in flags:
            assert flag in line, f"{command} {flag} is not in the README"


def test_the_readme_says_what_make_test_needs() -> None:
    tests = README.split("### Running the tests\n", 1)[1].split("\n## ", 1)[0]
    for needed in ("postgres@127.0.0.1:5432/test", "NEWJOB_TEST_PG", "skipped", "minutes"):
        assert needed in tests, needed


def test_the_code_points_to_documents_that_are_there() -> None:
    """bot/settings.py sent readers to a design.md that is not in the project; the design
    notes are beside the checkout, in ../shared/."""
    root = Path(__file__).resolve().parents[1]
    for path in sorted((root / "bot").rglob("*")):
        if path.suffix not in (".py", ".yaml") or "_data" in path.parts:
            continue
        text = path.read_text(encoding="utf-8")
        bare = text.replace("../shared/design.md", "")
        assert "design.md" not in bare, f"{path.relative_to(root)} names design.md"
