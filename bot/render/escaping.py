"""Escaping user text for each output: Markdown, the terminal, and JSON inside an HTML page.

(HTML itself is escaped by Jinja2's autoescape; Slack's mrkdwn by `bot.render.mrkdwn`.)
"""

from __future__ import annotations

import json
import re
import unicodedata
from typing import Any

_HTML_IN_MARKDOWN = (("<", "&lt;"), (">", "&gt;"))
# Only an "&" that would start a character reference ("&copy;", "&#60;") needs escaping: a
# plain one ("Harbor & Vale") reads as itself in Markdown and in every renderer.
_ENTITY_START = re.compile(r"&(?=#?[A-Za-z0-9]+;)")
_MARKDOWN_INLINE = re.compile(r"([\\`*_\[\]|~])")
_MARKDOWN_LINE_START = re.compile(r"^(\s*)([#+=-])", re.MULTILINE)
_MARKDOWN_NUMBERED = re.compile(r"^(\s*\d+)([.)])", re.MULTILINE)


def markdown(text: str) -> str:
    """User text as literal Markdown: no raw HTML (`<script>` -> `&lt;script&gt;`), no links,
    emphasis, headings or list markers of its own."""
    text = _ENTITY_START.sub("&amp;", text)
    for raw, entity in _HTML_IN_MARKDOWN:
        text = text.replace(raw, entity)
    text = _MARKDOWN_INLINE.sub(r"\\\1", text)
    text = _MARKDOWN_LINE_START.sub(r"\1\\\2", text)
    return _MARKDOWN_NUMBERED.sub(r"\1\\\2", text)


def markdown_link_target(url: str) -> str:
    """A URL or mailto: address made safe inside Markdown's `(…)`."""
    return "".join(f"%{ord(ch):02X}" if ch in "()<> \\" else ch for ch in url)


def terminal(text: str) -> str:
    """User text safe to print: control characters (ANSI escapes among them) removed."""
    return "".join(ch for ch in text if ch in "\n\t" or unicodedata.category(ch) not in ("Cc",))


_SCRIPT_UNSAFE = {"<": "\\u003c", ">": "\\u003e", "&": "\\u0026", "\u2028": "\\u2028",
                  "\u2029": "\\u2029"}  # fmt: skip


def script_json(data: Any) -> str:
    """JSON that can sit inside `<script>` as is: `<`, `>` and `&` written as \\u escapes.

    Those characters only ever occur inside JSON strings, where the escapes mean the same thing,
    so any JSON parser reads back exactly the original data.
    """
    text = json.dumps(data, indent=2, ensure_ascii=False)
    return "".join(_SCRIPT_UNSAFE.get(ch, ch) for ch in text)
