"""Escaping for Slack's mrkdwn, so text people typed shows as typed and never pings anyone.

Slack reads `<…>` as a link or mention (`<!channel>`, `<@U123>`) and `&…;` as an entity, so
`&`, `<` and `>` in user text must become `&amp;`, `&lt;` and `&gt;` (in that order).
"""

from __future__ import annotations

_ENTITIES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"))


def escape(text: str) -> str:
    """`text` safe in a mrkdwn (or message) field: '<!channel>' -> '&lt;!channel&gt;'."""
    for raw, entity in _ENTITIES:
        text = text.replace(raw, entity)
    return text
