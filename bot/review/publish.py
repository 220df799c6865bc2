"""What publishing hands out: the exports of an approved posting, and the optional webhook.

The exports are the posting as Markdown, as an HTML page with its JSON-LD, and as the Posting's
own JSON. `deliver` POSTs the Posting JSON to NEWJOB_PUBLISH_WEBHOOK, retrying what may pass
(timeouts, dropped connections, 429 and 5xx) with growing pauses; WebhookFailed says why not.
"""

from __future__ import annotations

import json
import re
import time
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

import httpx

from bot.posting import Posting
from bot.render import to_html, to_json, to_markdown

WEBHOOK_TIMEOUT = 10.0  # seconds for each attempt
WEBHOOK_ATTEMPTS = 3
WEBHOOK_BACKOFF = 0.5  # seconds before the second attempt, doubling after
MAX_RETRY_AFTER = 30.0  # a Retry-After longer than this is not waited out here


@dataclass(frozen=True)
class Export:
    filename: str
    title: str
    content: str
    snippet_type: str


def slug(title: str) -> str:
    """'Network Technician (Night Shift)' -> 'network-technician-night-shift'."""
    ascii_title = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    words = re.sub(r"[^a-z0-9]+", "-", ascii_title.lower()).strip("-")
    return words[:60].strip("-") or "posting"


def exports(posting: Posting, draft_id: int, version: int) -> list[Export]:
    base = f"{slug(posting.title)}-{draft_id}-v{version}"
    return [
        Export(f"{base}.md", f"{posting.title} (Markdown)", to_markdown(posting), "markdown"),
        Export(f"{base}.html", f"{posting.title} (HTML with JSON-LD)", to_html(posting), "html"),
        Export(f"{base}.json", f"{posting.title} (Posting JSON)", to_json(posting) + "\n", "json"),
    ]


class WebhookFailed(RuntimeError):
    """The webhook did not take the posting; the message says what it answered, or why not."""


def deliver(
    url: str,
    posting: Posting,
    *,
    key: str,
    attempts: int = WEBHOOK_ATTEMPTS,
    timeout: float = WEBHOOK_TIMEOUT,
    backoff: float = WEBHOOK_BACKOFF,
    sleep: Callable[[float], None] = time.sleep,
) -> int:
    """POST the Posting as JSON to `url`; returns the HTTP status of the answer that took it.

    `key` goes out as the Idempotency-Key header (the same for every attempt and every retry of
    one version), so a receiver can tell a retry from a new posting.
    """
    body = json.dumps(posting.model_dump(mode="json"), ensure_ascii=False).encode()
    headers = {
        "Content-Type": "application/json",
        "Idempotency-Key": key,
        "User-Agent": "Newjob",
    }
    problem = ""
    with httpx.Client(timeout=timeout, follow_redirects=False) as client:
        for attempt in range(1, attempts + 1):
            wait = backoff * 2 ** (attempt - 1)
            try:
                response = client.post(url, content=body, headers=headers)
            except httpx.HTTPError as exc:
                problem = f"{type(exc).__name__}: {exc}" if str(exc) else type(exc).__name__
            else:
                if 200 <= response.status_code < 300:
                    return response.status_code
                problem = f"HTTP {response.status_code}"
                if response.status_code != 429 and response.status_code < 500:
                    break  # the receiver refused the posting itself; asking again won't help
                wait = max(wait, _retry_after(response))
            if attempt < attempts:
                sleep(min(wait, MAX_RETRY_AFTER))
    raise WebhookFailed(problem)


def _retry_after(response: httpx.Response) -> float:
    try:
        return float(response.headers.get("Retry-After", "0"))
    except ValueError:
        return 0.0
