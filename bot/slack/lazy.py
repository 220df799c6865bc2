"""Listeners as an acknowledgement plus lazy work.

`app.command("/newjob")(**after_ack(handle))` registers a handler that acknowledges first and
then works as two parts: Bolt's acknowledgement (`ack()` and nothing else), and the handler
itself as a lazy listener, which Bolt runs in its threads or, when served over HTTP, a worker
process runs (`bot.slack.workers`). The handler's own `ack()` is then a no-op: Slack has its
answer already. Events are acknowledged by Bolt; their handlers go the same way.

View submissions are not registered like this: their validation is their acknowledgement
(errors go in the response), so they run whole before Slack gets its answer.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from slack_bolt import Ack


def acknowledge(ack: Ack) -> None:
    ack()


def after_ack(work: Callable[..., None]) -> dict[str, Any]:
    """Keyword arguments for a Bolt listener decorator: acknowledge now, then `work`."""
    return {"ack": acknowledge, "lazy": [work]}
