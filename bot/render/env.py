"""The Jinja2 environments for the templates in `bot/templates/`, one per kind of output.

HTML templates are autoescaped. Markdown and terminal text have no autoescape in Jinja2, so every
`{{ … }}` there passes through a `finalize` that escapes it for that format; only markers we
write ourselves (wrapped in `Markup`) go through as they are.
"""

from __future__ import annotations

import textwrap
from collections.abc import Callable
from functools import cache
from typing import Any

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup

from bot.paths import templates_dir
from bot.render import escaping
from bot.render.outline import format_date, to_fill_in
from bot.text import field_label, say


def _trusted_or(escape: Callable[[str], str]) -> Callable[[Any], str]:
    def finalize(value: Any) -> str:
        return str(value) if isinstance(value, Markup) else escape(str(value))

    return finalize


def _wrap(text: str, width: int = 78, indent: str = "", first: str | None = None) -> str:
    """Wrap each paragraph of `text` for a terminal; `first` replaces the indent on line one."""
    paragraphs = [" ".join(part.split()) for part in text.split("\n\n") if part.strip()]
    wrapped = [
        textwrap.fill(
            paragraph,
            width=width,
            initial_indent=(first if first is not None and index == 0 else indent),
            subsequent_indent=indent,
            break_long_words=False,  # a long web address stays whole, to copy
            break_on_hyphens=False,
        )
        for index, paragraph in enumerate(paragraphs)
    ]
    return "\n\n".join(wrapped)


def _marker(field: str) -> Markup:
    return Markup(to_fill_in(field))  # our own words from prompts/, never user text


@cache
def environment(kind: str) -> Environment:
    """The environment for 'html', 'markdown' or 'text' templates."""
    options: dict[str, Any] = {
        "loader": FileSystemLoader(templates_dir()),
        "undefined": StrictUndefined,
        "trim_blocks": True,
        "lstrip_blocks": True,
        "keep_trailing_newline": True,
    }
    if kind == "html":
        env = Environment(autoescape=True, **options)
    elif kind == "markdown":
        env = Environment(autoescape=False, finalize=_trusted_or(escaping.markdown), **options)
        env.filters["link_target"] = lambda url: Markup(escaping.markdown_link_target(url))
    elif kind == "text":
        env = Environment(autoescape=False, finalize=_trusted_or(escaping.terminal), **options)
    else:
        raise ValueError(f"no template environment for {kind!r}")
    env.globals.update(say=say, label=field_label, to_fill_in=_marker, format_date=format_date)
    env.filters["wrap"] = _wrap
    return env
