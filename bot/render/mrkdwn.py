"""Escaping for Slack's mrkdwn, so text people typed shows as typed and never pings anyone.

Slack reads `<…>` as a link or mention (`<!channel>`, `<@U123>`) and `&…;` as an entity, so
`&`, `<` and `>` in user text must become `&amp;`, `&lt;` and `&gt;` (in that order).
"""

from __future__ import annotations

import re

_ENTITIES = (("&", "&amp;"), ("<", "&lt;"), (">", "&gt;"))


def escape(text: str) -> str:
    """`text` safe in a mrkdwn (or message) field: '<!channel>' -> '&lt;!channel&gt;'."""
    for raw, entity in _ENTITIES:
        text = text.replace(raw, entity)
    return text


# A mention of one person as Slack writes it (`<@U0123ABCD>`, `<@W0123ABCD|name>`).
_USER_MENTION = re.compile(r"<@([UW][A-Z0-9]{2,31})(?:\|[^<>]*)?>")


def escape_keeping_mentions(text: str) -> str:
    """`text` escaped like `escape`, but a mention of a person stays a mention (written
    without its label, which Slack fills in): a reviewer's "ask <@U…>" reads as they wrote it.
    Broadcasts (`<!channel>`, `<!here>`, `<!everyone>`), user groups (`<!subteam^…>`),
    channels and links stay plain text."""
    parts: list[str] = []
    last = 0
    for found in _USER_MENTION.finditer(text):
        parts.append(escape(text[last : found.start()]))
        parts.append(f"<@{found.group(1)}>")
        last = found.end()
    parts.append(escape(text[last:]))
    return "".join(parts)
