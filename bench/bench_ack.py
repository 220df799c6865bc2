"""Acknowledgement latency under load: Newjob against a bare Bolt app that only acknowledges.

Newjob runs as `newjob serve --http`, the bare app as Bolt's stock WSGI adapter, each a process
on the same waitress configuration (`serve_wsgi`) on 127.0.0.1, with their Web API client
pointed at the fake Slack in a third process, and get the same sequence of signed
requests from the same load generator: slash commands (`/newjob <title>`), button clicks (a "did
you mean" pick that starts a draft, and a dialogue answer, often a stale double-click) and message
events (typed answers in a dialogue thread). Latency is from sending a request to reading its whole
response, which for Slack is the acknowledgement it waits 3 seconds for.

First every connection sends its next request as soon as it has an answer (the app saturated:
the latency then mostly says how much work each request costs), in several rounds that take
turns between the two apps, each once both are idle; each figure is the median of the rounds
(the slowest is the slowest of all), so one round disturbed by something else on the machine
does not decide the comparison. Then requests arrive at a steady rate, as Slack's traffic does,
with their latency counted from when each was due (so waiting for a free connection is not
hidden).

The fake Slack runs at the lowest CPU priority: it stands in for Slack's servers, which never
share the app's processors, and Newjob calls it after every acknowledgement while the bare app
never does.

Run: `python -m bench.bench_ack [--requests N] [--concurrency C] [--rounds R]
[--paced-rate R] [--paced-requests N] [--database-url URL]` (default database: a new SQLite
file).
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import servers  # noqa: E402
from bench.load import LoadResult, Request, drive, percentile  # noqa: E402

REQUESTS = 2000
CONCURRENCY = 32
USERS = 32
TITLES = ("network technician", "registered nurse", "software developer", "list", "forklift driver")
ANSWERS = ("help", "Acme Networks", "on-site", "Denver, CO", "full time", "60k-70k")
SLACK_DEADLINE_MS = 3000.0
PACED_RATE = 50.0  # requests a second: a busy workspace, well within what the app sustains
PACED_REQUESTS = 600
ROUNDS = 5


def user_ids(count: int = USERS) -> list[str]:
    return [f"U0BENCH{n:04d}" for n in range(count)]


class Traffic:
    """Signed-request bodies shaped exactly as Slack sends them (built with tests/ helpers)."""

    def __init__(self, slack_url: str) -> None:
        from tests.fake_slack import DEFAULT_WORKSPACE

        self.fake_base = slack_url.removesuffix("/").removesuffix("/api")
        self.workspace = DEFAULT_WORKSPACE
        self._serial = 0

    def _next(self) -> int:
        self._serial += 1
        return self._serial

    def ts(self) -> str:
        return f"{1_760_000_000 + self._next()}.{self._serial % 1_000_000:06d}"

    def command(self, user: str, text: str) -> Request:
        from tests.slack_requests import GENERAL_CHANNEL, new_trigger_id, slash_command_payload

        fields = slash_command_payload(
            text,
            user_id=user,
            channel_id=GENERAL_CHANNEL,
            response_url=f"{self.fake_base}/response_url/bench-{self._next()}",
            trigger_id=new_trigger_id(),
        )
        return Request("command", urlencode(fields).encode(), "application/x-www-form-urlencoded")

    def _click(self, user: str, channel: str, action_id: str, value: str) -> Request:
        from tests.slack_requests import block_actions_payload, new_trigger_id

        button = {
            "type": "button",
            "action_id": action_id,
            "text": {"type": "plain_text", "text": "Pick"},
            "value": value,
        }
        message = {
            "ts": self.ts(),
            "blocks": [{"type": "actions", "block_id": "bench", "elements": [button]}],
        }
        payload = block_actions_payload(
            action_id,
            message=message,
            channel_id=channel,
            user_id=user,
            response_url=f"{self.fake_base}/response_url/bench-{self._next()}",
            trigger_id=new_trigger_id(),
        )
        body = urlencode({"payload": json.dumps(payload)}).encode()
        return Request("click", body, "application/x-www-form-urlencoded")

    def pick_role(self, user: str) -> Request:
        from tests.slack_requests import GENERAL_CHANNEL

        value = json.dumps({"k": "network_technician", "t": "network technician"})
        return self._click(user, GENERAL_CHANNEL, "pick_role_0", value)

    def answer_button(self, user: str, draft_id: int) -> Request:
        value = json.dumps({"d": draft_id, "s": 0, "c": "__suggestion__"})
        return self._click(user, self.workspace.dm_channel(user), "dialogue_answer_0", value)

    def typed(self, user: str, thread_ts: str, text: str) -> Request:
        from tests.slack_requests import event_callback, message_event

        event = message_event(
            text,
            user_id=user,
            channel_id=self.workspace.dm_channel(user),
            ts=self.ts(),
            thread_ts=thread_ts,
        )
        body = json.dumps(event_callback(event, event_id=f"EvBENCH{self._next():06d}")).encode()
        return Request("event", body, "application/json")


def warmup(traffic: Traffic, users: list[str]) -> list[Request]:
    """Each user picks a role, so each has a draft and a dialogue thread to answer in."""
    return [traffic.pick_role(user) for user in users]


def mixed(
    traffic: Traffic, users: list[str], threads: dict[str, tuple[int, str]], count: int
) -> list[Request]:
    """Commands, clicks and typed answers in turn, spread over the users."""
    requests = []
    for index in range(count):
        user = users[index % len(users)]
        draft_id, thread_ts = threads[user]
        kind = index % 3
        if kind == 0:
            requests.append(traffic.command(user, TITLES[(index // 3) % len(TITLES)]))
        elif kind == 1 and (index // 3) % 2 == 0:
            requests.append(traffic.pick_role(user))
        elif kind == 1:
            requests.append(traffic.answer_button(user, draft_id))
        else:
            requests.append(traffic.typed(user, thread_ts, ANSWERS[(index // 3) % len(ANSWERS)]))
    return requests


def _threads_from_store(database_url: str, users: list[str]) -> dict[str, tuple[int, str]]:
    """Each user's draft and dialogue thread, once the app has started them all."""
    from bot.store import Store

    store = Store(database_url)
    try:
        deadline = time.monotonic() + 120
        while True:
            threads: dict[str, tuple[int, str]] = {}
            for user in users:
                drafts = store.drafts_for(user, limit=1)
                session = store.session_for_draft(drafts[0].id) if drafts else None
                if session is not None:
                    threads[user] = (session.draft_id, session.thread_ts)
            if len(threads) == len(users):
                return threads
            if time.monotonic() > deadline:
                raise TimeoutError(f"only {len(threads)} of {len(users)} dialogues started")
            time.sleep(0.2)
    finally:
        store.dispose()


def _summary(result: LoadResult) -> dict[str, float]:
    latencies = result.latencies_ms()
    return {
        "p50_ms": round(percentile(latencies, 0.50), 2),
        "p99_ms": round(percentile(latencies, 0.99), 2),
        "max_ms": round(max(latencies), 2),
        "mean_ms": round(statistics.fmean(latencies), 2),
        "rps": round(result.throughput, 1),
        "errors": float(len(result.failures())),
        "over_3s": float(sum(1 for ms in latencies if ms > SLACK_DEADLINE_MS)),
    }


def _combined(rounds: list[dict[str, float]]) -> dict[str, float]:
    """The rounds as one: medians, but the slowest of all and every error counted."""
    combined = {key: round(statistics.median(r[key] for r in rounds), 2) for key in rounds[0]}
    combined["max_ms"] = max(r["max_ms"] for r in rounds)
    combined["errors"] = sum(r["errors"] for r in rounds)
    combined["over_3s"] = sum(r["over_3s"] for r in rounds)
    return combined


@dataclass
class App:
    """One of the two apps under load, and each user's draft and thread in it."""

    name: str
    server: servers.Server
    threads: dict[str, tuple[int, str]]

    def settle(self) -> None:
        servers.settle(self.server.process.pid)


@dataclass(frozen=True)
class Options:
    requests: int = REQUESTS
    concurrency: int = CONCURRENCY
    rounds: int = ROUNDS
    paced_rate: float = PACED_RATE
    paced_requests: int = PACED_REQUESTS
    database_url: str | None = None


def _measure(
    apps: list[App], traffic: Traffic, users: list[str], options: Options
) -> dict[str, float]:
    """The closed-loop rounds, taking turns, then each app's paced run; every run starts with
    both apps idle (the work after the last acknowledgements done)."""
    rounds: dict[str, list[dict[str, float]]] = {app.name: [] for app in apps}
    for number in range(options.rounds):
        for app in apps if number % 2 == 0 else apps[::-1]:  # neither always goes first
            for each in apps:
                each.settle()
            requests = mixed(traffic, users, app.threads, options.requests)
            result = drive(app.server.events_url, requests, options.concurrency)
            rounds[app.name].append(_summary(result))
    figures: dict[str, float] = {}
    for app in apps:
        figures.update({f"ack_{app.name}_{k}": v for k, v in _combined(rounds[app.name]).items()})
    ratios = [
        newjob["p99_ms"] / bare["p99_ms"]
        for newjob, bare in zip(rounds["newjob"], rounds["bare"], strict=True)
    ]
    figures["ack_ratio_p99_lowest"] = round(min(ratios), 2)
    figures["ack_ratio_p99_highest"] = round(max(ratios), 2)
    for app in apps:
        for each in apps:
            each.settle()
        paced = mixed(traffic, users, app.threads, options.paced_requests)
        result = drive(app.server.events_url, paced, options.concurrency, rate=options.paced_rate)
        figures.update({f"paced_{app.name}_{k}": v for k, v in _summary(result).items()})
    return figures


def run(options: Options | None = None) -> dict[str, float]:
    """Figures for both apps (`ack_newjob_*`, `ack_bare_*`, `paced_*`) and their ratios."""
    options = options or Options()
    users = user_ids()
    with (
        tempfile.TemporaryDirectory(prefix="newjob-bench-") as tmp,
        servers.fake_slack_process(Path(tmp), lowest_priority=True) as slack_url,
    ):
        workdir = Path(tmp)
        traffic = Traffic(slack_url)
        database = options.database_url or f"sqlite:///{workdir / 'bench.db'}"
        bare_port, newjob_port = servers.free_port(), servers.free_port()
        bare_command = [sys.executable, "-m", "bench.servers", "bare", "--port", str(bare_port)]
        with (
            servers.running(
                bare_command,
                servers.python_env({"SLACK_API_URL": slack_url}),
                bare_port,
                workdir / "bare.log",
            ) as bare_server,
            servers.running(
                servers.newjob_command(newjob_port),
                servers.newjob_env(slack_url, database),
                newjob_port,
                workdir / "newjob.log",
            ) as newjob_server,
        ):
            drive(bare_server.events_url, warmup(traffic, users), options.concurrency)
            bare = App("bare", bare_server, {u: (n + 1, traffic.ts()) for n, u in enumerate(users)})
            drive(newjob_server.events_url, warmup(traffic, users), options.concurrency)
            newjob = App("newjob", newjob_server, _threads_from_store(database, users))
            figures = _measure([newjob, bare], traffic, users, options)
            newjob.settle()
            figures["newjob_rss_after_load_mb"] = round(newjob_server.peak_rss_mb(), 1)
            log = newjob_server.log.read_text(errors="replace")
    figures["ack_newjob_listener_failures"] = float(log.count("listener failed"))
    figures["paced_rate"] = options.paced_rate
    for prefix in ("ack", "paced"):
        for share in ("p50", "p99"):
            newjob_figure, bare_figure = (
                figures[f"{prefix}_newjob_{share}_ms"],
                figures[f"{prefix}_bare_{share}_ms"],
            )
            figures[f"{prefix}_ratio_{share}"] = round(newjob_figure / bare_figure, 2)
    return figures


def _rows(figures: dict[str, float]) -> Iterator[str]:
    for prefix, heading in (("ack", "every connection busy"), ("paced", "paced")):
        yield f"  {heading}:"
        for app in ("newjob", "bare"):
            name = f"{prefix}_{app}"
            yield (
                f"    {app:<7} p50 {figures[f'{name}_p50_ms']:8.2f} ms  "
                f"p99 {figures[f'{name}_p99_ms']:8.2f} ms  "
                f"max {figures[f'{name}_max_ms']:8.2f} ms  "
                f"{figures[f'{name}_rps']:7.1f} req/s  errors {figures[f'{name}_errors']:.0f}"
            )
        yield (
            f"    Newjob / bare: p50 x{figures[f'{prefix}_ratio_p50']:.2f}, "
            f"p99 x{figures[f'{prefix}_ratio_p99']:.2f}"
        )


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_ack")
    parser.add_argument("--requests", type=int, default=REQUESTS)
    parser.add_argument("--concurrency", type=int, default=CONCURRENCY)
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    parser.add_argument("--paced-rate", type=float, default=PACED_RATE)
    parser.add_argument("--paced-requests", type=int, default=PACED_REQUESTS)
    parser.add_argument("--database-url", help="default: a new SQLite file")
    args = parser.parse_args()
    options = Options(
        args.requests,
        args.concurrency,
        args.rounds,
        args.paced_rate,
        args.paced_requests,
        args.database_url,
    )
    figures = run(options)
    print(
        f"Acknowledgement latency: {options.rounds} rounds of {options.requests} requests on "
        f"{options.concurrency} connections (medians), then {options.paced_requests} at "
        f"{options.paced_rate:g} a second"
    )
    for row in _rows(figures):
        print(row)
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
