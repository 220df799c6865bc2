"""Start-up time and peak memory of `newjob serve --http`, and its first answers.

Starts the real command as a process (against the fake Slack, so the token check at start-up and
every later call stay on this machine, and a new SQLite file), times it until /healthz answers,
reads its peak resident memory (VmHWM), then times the first `/newjob` from a cold process: the
acknowledgement, and the reply reaching Slack's response_url.

Run: `python -m bench.bench_startup [--runs N]`.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import servers  # noqa: E402

RUNS = 3


def _once(workdir: Path) -> dict[str, float]:
    from tests.fake_slack import FakeSlack
    from tests.slack_requests import SlackSender

    with FakeSlack() as fake:
        port = servers.free_port()
        env = servers.newjob_env(fake.url, f"sqlite:///{workdir / 'startup.db'}")
        server = servers.start(servers.newjob_command(port), env, port, workdir / "startup.log")
        try:
            seconds = server.wait_healthy()
            rss = server.peak_rss_mb()
            with SlackSender(server.events_url, fake=fake) as slack:
                started = time.perf_counter()
                response = slack.command("network technician")
                acked = time.perf_counter() - started
                response.raise_for_status()
                fake.wait_for("response_url", timeout=30)
                replied = time.perf_counter() - started
        finally:
            server.stop()
    return {
        "startup_s": seconds,
        "startup_rss_mb": rss,
        "first_ack_ms": acked * 1000,
        "first_reply_ms": replied * 1000,
    }


def run(runs: int = RUNS) -> dict[str, float]:
    """The median of `runs` cold starts (the most memory of any)."""
    results = []
    for _ in range(runs):
        with tempfile.TemporaryDirectory(prefix="newjob-startup-") as tmp:
            results.append(_once(Path(tmp)))
    figures = {
        key: round(statistics.median(r[key] for r in results), 3)
        for key in ("startup_s", "first_ack_ms", "first_reply_ms")
    }
    figures["startup_rss_mb"] = round(max(r["startup_rss_mb"] for r in results), 1)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_startup")
    parser.add_argument("--runs", type=int, default=RUNS)
    args = parser.parse_args()
    figures = run(args.runs)
    print("newjob serve --http, from a cold process")
    for name, value in figures.items():
        print(f"  {name:<16} {value:9.3f}")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
