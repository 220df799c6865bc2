"""Rendering a Posting: Markdown, HTML with JSON-LD, plain text, Slack Block Kit, JSON.

Pass the role a posting was drafted from to show where its facts came from (and the role's pay
benchmark, for comparison); leave it out for the published posting.
"""

from __future__ import annotations

import json
from typing import Any

from bot.posting import Posting
from bot.render.blocks import to_blocks
from bot.render.documents import to_html, to_markdown, to_text
from bot.render.escaping import script_json
from bot.render.jsonld import to_jsonld
from bot.roles.template import RoleTemplate

FORMATS = ("markdown", "html", "text", "slack", "jsonld", "json")


def to_json(posting: Posting) -> str:
    """The Posting itself as JSON (reads back with `Posting.model_validate_json`)."""
    return script_json(posting.model_dump(mode="json"))


def render(posting: Posting, fmt: str, role: RoleTemplate | None = None) -> str:
    """`posting` in one of FORMATS, as text ready to print."""
    if fmt == "markdown":
        return to_markdown(posting, role)
    if fmt == "html":
        return to_html(posting, role)
    if fmt == "text":
        return to_text(posting, role)
    if fmt == "slack":
        blocks: list[dict[str, Any]] = to_blocks(posting, role)
        return json.dumps(blocks, indent=2, ensure_ascii=False) + "\n"
    if fmt == "jsonld":
        return script_json(to_jsonld(posting)) + "\n"
    if fmt == "json":
        return to_json(posting) + "\n"
    raise ValueError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")


__all__ = [
    "FORMATS",
    "render",
    "to_blocks",
    "to_html",
    "to_json",
    "to_jsonld",
    "to_markdown",
    "to_text",
]
