"""The FAQ's answers in words: Jinja2 templates in `prompts/faq/`, one a kind of answer.

Templates get plain values (titles, lists, figures already formatted with their source labels)
and return plain text; the Slack adapter escapes it for mrkdwn.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from functools import cache
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined, Template

from bot.paths import prompts_dir

_BLANK_LINES = re.compile(r"\n{3,}")
_TRAILING_SPACES = re.compile(r"[ \t]+\n")


def join_and(items: Iterable[Any], word: str = "and") -> str:
    """'a', 'a and b', 'a, b and c'."""
    parts = [str(item) for item in items if str(item)]
    if len(parts) <= 1:
        return "".join(parts)
    return ", ".join(parts[:-1]) + f" {word} " + parts[-1]


def join_or(items: Iterable[Any]) -> str:
    return join_and(items, "or")


def lower_first(text: str) -> str:
    """'Bachelor's degree' -> 'bachelor's degree' (keeps 'IT' and other acronyms)."""
    if len(text) > 1 and text[0].isupper() and not text[1].isupper():
        return text[0].lower() + text[1:]
    return text


def a_an(text: str) -> str:
    """'an Electrician', 'a Network Technician' (by the first letter: good enough for titles)."""
    text = str(text)
    first = text.split(" ", 1)[0]
    if len(first) > 1 and first.isupper():  # an acronym is read by its letters: "an HVAC…"
        return f"an {text}" if first[0] in "AEFHILMNORSX" else f"a {text}"
    return f"an {text}" if text[:1].lower() in "aeiou" else f"a {text}"


def sentence(text: str) -> str:
    """The text ending in a full stop."""
    text = text.strip()
    return text if not text or text[-1] in ".!?" else text + "."


def unsentence(text: str) -> str:
    """The text without its final full stop (to put a source after it)."""
    return text.strip().rstrip(".")


def pick(keys: Iterable[Any], table: dict[Any, Any]) -> list[Any]:
    """The values of `table` for `keys`, in order ('skills' -> 'skills', 'tools' -> …)."""
    return [table[key] for key in keys]


def place(name: str) -> str:
    """'the United States' for the nation; other areas as BLS names them."""
    return f"the {name}" if name in ("United States", "United States of America") else name


@cache
def _environment() -> Environment:
    env = Environment(
        loader=FileSystemLoader(str(prompts_dir() / "faq")),
        undefined=StrictUndefined,
        autoescape=False,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=False,
    )
    env.filters["join_and"] = join_and
    env.filters["join_or"] = join_or
    env.filters["lower_first"] = lower_first
    env.filters["sentence"] = sentence
    env.filters["a_an"] = a_an
    env.filters["unsentence"] = unsentence
    env.filters["place"] = place
    env.filters["pick"] = pick
    return env


@cache
def _template(name: str) -> Template:
    return _environment().get_template(f"{name}.j2")


def render(name: str, **params: Any) -> str:
    """The text of template `prompts/faq/<name>.j2` with `params`, tidied."""
    text = _template(name).render(**params)
    text = _TRAILING_SPACES.sub("\n", text)
    return _BLANK_LINES.sub("\n\n", text).strip()


def template_names() -> list[str]:
    return sorted(path.stem for path in (prompts_dir() / "faq").glob("*.j2"))
