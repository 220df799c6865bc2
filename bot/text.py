"""What Newjob says, looked up by key in `prompts/*.yaml` and filled in with Jinja2.

Keeping the words in `prompts/` lets them be reworded without touching code. Every YAML file
there (but the dialogue's questions.yaml) joins one catalogue of nested keys, looked up dotted
by topic (`pay.no_amount`, `dialogue.intro`).
"""

from __future__ import annotations

from functools import cache
from pathlib import Path
from typing import Any

import yaml
from jinja2 import Environment, StrictUndefined, Template

from bot.paths import prompts_dir

_ENV = Environment(undefined=StrictUndefined, autoescape=False, keep_trailing_newline=False)
# Files in prompts/ that are not message catalogues.
_NOT_CATALOGUES = frozenset({"questions.yaml", "roles.yaml"})


def _flatten(prefix: str, node: Any, into: dict[str, str]) -> None:
    if isinstance(node, dict):
        for key, value in node.items():
            _flatten(f"{prefix}.{key}" if prefix else str(key), value, into)
    else:
        into[prefix] = str(node)


@cache
def _catalogue() -> dict[str, str]:
    entries: dict[str, str] = {}
    paths: list[Path] = sorted(prompts_dir().glob("*.yaml"))
    for path in paths:
        if path.name not in _NOT_CATALOGUES:
            _flatten("", yaml.safe_load(path.read_text(encoding="utf-8")) or {}, entries)
    return entries


@cache
def _template(key: str) -> Template:
    try:
        source = _catalogue()[key]
    except KeyError:
        raise KeyError(f"prompts/ has no text for '{key}'") from None
    return _ENV.from_string(source)


def say(key: str, **params: Any) -> str:
    """The text for `key`, filled in with `params`. Raises KeyError for an unknown key."""
    return _template(key).render(**params).strip()


def has(key: str) -> bool:
    """Whether prompts/ has text for `key` (for a wording that only some places need)."""
    return key in _catalogue()


def field_label(field: str) -> str:
    """The hiring manager's name for a Posting field ('closing_date' -> 'Closing date')."""
    return _catalogue().get(f"fields.{field}", field.replace("_", " ").capitalize())
