"""A small loopback load generator: N keep-alive HTTP/1.1 connections sending Slack-signed requests.

Written on asyncio streams rather than an HTTP client library so that its own overhead per request
stays far below what it measures, and identical for every server it drives. Each request is
signed just before it is sent (the signature covers a timestamp Slack checks to 5 minutes).
"""

from __future__ import annotations

import asyncio
import gc
import itertools
import time
from collections.abc import Sequence
from dataclasses import dataclass, field
from urllib.parse import urlsplit

from tests.slack_requests import SIGNING_SECRET, sign

READ_LIMIT = 30.0  # seconds: far past Slack's 3 s, so a stuck server shows as a long time


@dataclass(frozen=True)
class Request:
    kind: str  # "command", "click", "event": how results are grouped
    body: bytes
    content_type: str


@dataclass
class Outcome:
    kind: str
    status: int
    seconds: float


@dataclass
class LoadResult:
    outcomes: list[Outcome] = field(default_factory=list)
    wall_seconds: float = 0.0

    @property
    def throughput(self) -> float:
        return len(self.outcomes) / self.wall_seconds if self.wall_seconds else 0.0

    def latencies_ms(self, kind: str | None = None) -> list[float]:
        return [o.seconds * 1000 for o in self.outcomes if kind is None or o.kind == kind]

    def failures(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.status != 200]


def percentile(samples: Sequence[float], share: float) -> float:
    """The nearest-rank percentile (`share` 0.5 for p50, 0.99 for p99)."""
    if not samples:
        return float("nan")
    ordered = sorted(samples)
    index = min(len(ordered) - 1, max(0, round(share * (len(ordered) - 1))))
    return ordered[index]


def _raw(request: Request, host: str, path: str) -> bytes:
    timestamp = int(time.time())
    head = (
        f"POST {path} HTTP/1.1\r\n"
        f"Host: {host}\r\n"
        f"User-Agent: Slackbot 1.0 (+https://api.slack.com/robots)\r\n"
        f"Content-Type: {request.content_type}\r\n"
        f"Content-Length: {len(request.body)}\r\n"
        f"X-Slack-Request-Timestamp: {timestamp}\r\n"
        f"X-Slack-Signature: {sign(request.body, SIGNING_SECRET, timestamp)}\r\n"
        "\r\n"
    )
    return head.encode() + request.body


async def _read_response(reader: asyncio.StreamReader) -> tuple[int, bool]:
    """The status, and whether the server keeps the connection open."""
    head = await reader.readuntil(b"\r\n\r\n")
    lines = head.decode("latin-1").split("\r\n")
    status = int(lines[0].split()[1])
    headers = {}
    for line in lines[1:]:
        if ":" in line:
            name, value = line.split(":", 1)
            headers[name.strip().lower()] = value.strip()
    if "content-length" in headers:
        await reader.readexactly(int(headers["content-length"]))
    elif headers.get("transfer-encoding", "").lower() == "chunked":
        while True:
            size = int((await reader.readuntil(b"\r\n")).split(b";")[0], 16)
            await reader.readexactly(size + 2)
            if size == 0:
                break
    keep = headers.get("connection", "").lower() != "close" and lines[0].startswith("HTTP/1.1")
    return status, keep


async def _connection(
    host: str,
    port: int,
    path: str,
    work: itertools.count[int],
    requests: Sequence[Request],
    schedule: tuple[float, float] | None,
) -> list[Outcome]:
    outcomes: list[Outcome] = []
    reader, writer = await asyncio.open_connection(host, port)
    try:
        while (index := next(work)) < len(requests):
            request = requests[index]
            raw = _raw(request, f"{host}:{port}", path)
            started = time.perf_counter()
            if schedule is not None:
                # Paced: request `index` is due at a fixed time, and its latency counts from
                # then, so time spent waiting for a free connection is not hidden.
                begin, rate = schedule
                due = begin + index / rate
                if due > started:
                    await asyncio.sleep(due - started)
                started = due
            writer.write(raw)
            try:
                status, keep = await asyncio.wait_for(_read_response(reader), READ_LIMIT)
            except (TimeoutError, asyncio.IncompleteReadError, ConnectionError):
                status, keep = 0, False
            outcomes.append(Outcome(request.kind, status, time.perf_counter() - started))
            if not keep:
                writer.close()
                reader, writer = await asyncio.open_connection(host, port)
    finally:
        writer.close()
    return outcomes


async def _drive(
    url: str, requests: Sequence[Request], concurrency: int, rate: float | None
) -> LoadResult:
    parts = urlsplit(url)
    host, port = parts.hostname or "127.0.0.1", parts.port or 80
    if host not in ("127.0.0.1", "localhost", "::1"):
        raise ValueError("the load generator only sends to the loopback address")
    work = itertools.count()
    started = time.perf_counter()
    schedule = (started, rate) if rate else None
    per_connection = await asyncio.gather(
        *(_connection(host, port, parts.path, work, requests, schedule) for _ in range(concurrency))
    )
    result = LoadResult(wall_seconds=time.perf_counter() - started)
    for outcomes in per_connection:
        result.outcomes.extend(outcomes)
    return result


def drive(
    url: str, requests: Sequence[Request], concurrency: int, rate: float | None = None
) -> LoadResult:
    """Send every request once over `concurrency` connections: each as soon as a connection is
    free, or with `rate`, at that many a second (an open loop, as Slack's traffic arrives).

    The generator's own garbage collector is off meanwhile: `make bench` runs it in the
    process that has loaded the catalogue for the other benchmarks, and a pass over all that
    would have counted as the server's latency for every request in flight."""
    gc.collect()
    was_on = gc.isenabled()
    gc.disable()
    try:
        return asyncio.run(_drive(url, requests, concurrency, rate))
    finally:
        if was_on:
            gc.enable()
