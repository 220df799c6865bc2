"""Rendering a Posting: Markdown, HTML with JSON-LD, plain text, Slack Block Kit, JSON.

Every format shows only what the employer says to candidates. The Block Kit preview may carry
`notes` for the manager (local market pay with its source), set apart as context.
"""

from __future__ import annotations

import json
from typing import Any

from bot.posting import Posting
from bot.render.blocks import to_blocks
from bot.render.documents import to_html, to_markdown, to_text
from bot.render.escaping import script_json
from bot.render.jsonld import to_jsonld

FORMATS = ("markdown", "html", "text", "slack", "jsonld", "json")


def to_json(posting: Posting) -> str:
    """The Posting itself as JSON (reads back with `Posting.model_validate_json`)."""
    return script_json(posting.model_dump(mode="json"))


def render(posting: Posting, fmt: str, notes: list[str] | None = None) -> str:
    """`posting` in one of FORMATS, as text ready to print; `notes` only in the Slack preview."""
    if fmt == "markdown":
        return to_markdown(posting)
    if fmt == "html":
        return to_html(posting)
    if fmt == "text":
        return to_text(posting)
    if fmt == "slack":
        blocks: list[dict[str, Any]] = to_blocks(posting, notes=notes)
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
