"""Servers the benchmarks start as their own processes, on 127.0.0.1 only.

`newjob serve --http` (the real entry point), a bare Bolt app that only acknowledges (Bolt's
stock WSGI adapter, served by the same `serve_wsgi`, so the same waitress configuration), and the
fake Slack Web API from tests/ (so that no benchmark ever reaches slack.com). Each runs in a
process of its own so the load generator measures the servers, not its own threads.

    python -m bench.servers fake-slack          # prints its base URL, serves until stdin closes
    python -m bench.servers bare --port N       # SLACK_API_URL from the environment
"""

from __future__ import annotations

import argparse
import contextlib
import os
import re
import socket
import subprocess
import sys
import time
from collections.abc import Callable, Iterable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parent.parent
HOST = "127.0.0.1"
START_TIMEOUT = 30.0  # seconds for a server to answer /healthz


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind((HOST, 0))
        return int(sock.getsockname()[1])


def python_env(extra: Mapping[str, str] | None = None) -> dict[str, str]:
    """This environment with the repository importable and Newjob's own settings cleared, so a
    developer's SLACK_* variables never leak into a benchmark."""
    env = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("SLACK_", "NEWJOB_", "DATABASE_URL"))
    }
    env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), env.get("PYTHONPATH")]))
    env.update(extra or {})
    return env


def newjob_env(slack_url: str, database_url: str, **extra: str) -> dict[str, str]:
    """What `newjob serve --http` needs to run against the fake Slack."""
    from tests.fake_slack import BOT_TOKEN
    from tests.slack_requests import JOBS_CHANNEL, REVIEW_CHANNEL, SIGNING_SECRET

    return python_env(
        {
            "SLACK_BOT_TOKEN": BOT_TOKEN,
            "SLACK_SIGNING_SECRET": SIGNING_SECRET,
            "SLACK_API_URL": slack_url,
            "DATABASE_URL": database_url,
            "NEWJOB_REVIEW_CHANNEL": REVIEW_CHANNEL,
            "NEWJOB_JOBS_CHANNEL": JOBS_CHANNEL,
            "NEWJOB_COMPANY_NAME": "Acme Networks",
            **extra,
        }
    )


def newjob_command(port: int) -> list[str]:
    """`newjob serve --http` on 127.0.0.1:port, through this interpreter."""
    return [
        sys.executable,
        "-m",
        "bot.cli",
        "serve",
        "--http",
        "--host",
        HOST,
        "--port",
        str(port),
    ]


@dataclass
class Server:
    """A server process on 127.0.0.1:port."""

    process: subprocess.Popen[bytes]
    port: int
    log: Path

    @property
    def base(self) -> str:
        return f"http://{HOST}:{self.port}"

    @property
    def events_url(self) -> str:
        return f"{self.base}/slack/events"

    def wait_healthy(self, timeout: float = START_TIMEOUT) -> float:
        """Poll /healthz until it answers 200; the seconds it took."""
        started = time.perf_counter()
        deadline = started + timeout
        with httpx.Client(timeout=1.0) as http:
            while time.perf_counter() < deadline:
                if self.process.poll() is not None:
                    raise RuntimeError(f"server exited ({self.process.returncode}): {self.tail()}")
                try:
                    if http.get(f"{self.base}/healthz").status_code == 200:
                        return time.perf_counter() - started
                except httpx.TransportError:
                    pass
                time.sleep(0.01)
        raise TimeoutError(f"no answer from {self.base}/healthz in {timeout:.0f}s: {self.tail()}")

    def peak_rss_mb(self) -> float:
        """The most memory the process has held so far (VmHWM), in MB, with that of any
        process it started added (an upper bound: each peak may have come at a different time)."""
        pids = [self.process.pid, *children(self.process.pid)]
        return sum(peak_rss_mb(pid) for pid in pids)

    def tail(self, lines: int = 20) -> str:
        try:
            text = self.log.read_text(errors="replace")
        except OSError:
            return ""
        return "\n".join(text.splitlines()[-lines:])

    def stop(self) -> None:
        if self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(timeout=10)


def peak_rss_mb(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    match = re.search(r"^VmHWM:\s+(\d+) kB", status, re.M)
    return int(match.group(1)) / 1024 if match else float("nan")


def children(pid: int) -> list[int]:
    """The processes `pid` started (none, since Newjob does its work in the server process)."""
    found = []
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:  # ended meanwhile
            continue
        if int(fields[1]) == pid:
            found.append(int(stat.parent.name))
    return found


def cpu_seconds(pid: int) -> float:
    """User and system CPU time the process and any it started have used so far."""
    total = 0.0
    for each in [pid, *children(pid)]:
        try:
            fields = Path(f"/proc/{each}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        total += (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    return total


def settle(pid: int, timeout: float = 60.0) -> None:
    """Wait until the process and its workers have (almost) stopped using CPU: the work after
    the acknowledgements has caught up."""
    deadline = time.monotonic() + timeout
    before = cpu_seconds(pid)
    while time.monotonic() < deadline:
        time.sleep(0.5)
        now = cpu_seconds(pid)
        if now - before < 0.02:
            return
        before = now


def start(command: list[str], env: Mapping[str, str], port: int, log: Path) -> Server:
    with log.open("wb") as out:
        process = subprocess.Popen(
            command,
            env=dict(env),
            cwd=log.parent,  # never a developer's .env
            stdin=subprocess.DEVNULL,
            stdout=out,
            stderr=subprocess.STDOUT,
        )
    return Server(process, port, log)


@contextlib.contextmanager
def running(command: list[str], env: Mapping[str, str], port: int, log: Path) -> Iterator[Server]:
    server = start(command, env, port, log)
    try:
        server.wait_healthy()
        yield server
    finally:
        server.stop()


@contextlib.contextmanager
def fake_slack_process(workdir: Path, *, lowest_priority: bool = False) -> Iterator[str]:
    """The fake Slack Web API in a process of its own; yields its Web API URL (…/api/).
    `lowest_priority`: it gets the processors only when nothing else wants them, as Slack's
    own servers, which it stands in for, take nothing from the app's."""
    nice = ["--nice", "19"] if lowest_priority else []
    process = subprocess.Popen(
        [sys.executable, "-m", "bench.servers", "fake-slack", *nice],
        env=python_env(),
        cwd=workdir,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
    )
    try:
        assert process.stdout is not None
        line = process.stdout.readline().decode().strip()
        if not line.startswith("http://"):
            raise RuntimeError(f"the fake Slack did not start: {line!r}")
        yield line
    finally:
        if process.stdin is not None:
            process.stdin.close()  # the fake stops when its stdin closes
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait(timeout=10)


def _serve_fake_slack(nice: int) -> None:
    from tests.fake_slack import FakeSlack

    os.nice(nice)

    with FakeSlack() as fake:
        print(fake.url, flush=True)
        sys.stdin.read()  # until the benchmark closes our stdin


def bare_app(slack_url: str) -> object:
    """A Bolt app with the same client settings as Newjob's that only acknowledges."""
    from slack_bolt import Ack, App
    from slack_sdk import WebClient

    from tests.fake_slack import BOT_TOKEN
    from tests.slack_requests import SIGNING_SECRET

    app = App(
        client=WebClient(token=BOT_TOKEN, base_url=slack_url),
        signing_secret=SIGNING_SECRET,
        process_before_response=False,
        raise_error_for_unhandled_request=False,
    )

    def acknowledge(ack: Ack) -> None:
        ack()

    def ignore() -> None:
        return None

    app.command(re.compile(".*"))(acknowledge)
    app.action(re.compile(".*"))(acknowledge)
    app.view(re.compile(".*"))(acknowledge)
    app.event(re.compile(".*"))(ignore)
    return app


def _serve_bare(port: int) -> None:
    """The bare app as Bolt documents it for WSGI servers: its `SlackRequestHandler`, on the
    same waitress configuration as Newjob's (`serve_wsgi`), with a /healthz beside it."""
    from slack_bolt.adapter.wsgi import SlackRequestHandler

    from bot.slack.server import serve_wsgi

    handler = SlackRequestHandler(bare_app(os.environ["SLACK_API_URL"]))  # type: ignore[arg-type]

    def application(environ: dict, start_response: Callable) -> Iterable[bytes]:
        if environ.get("PATH_INFO") == "/healthz":
            start_response("200 OK", [("Content-Type", "text/plain"), ("Content-Length", "2")])
            return [b"ok"]
        return handler(environ, start_response)

    serve_wsgi(application, host=HOST, port=port)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.servers")
    parser.add_argument("what", choices=["fake-slack", "bare"])
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--nice", type=int, default=0, help="fake-slack: lower its priority")
    args = parser.parse_args()
    if args.what == "fake-slack":
        _serve_fake_slack(args.nice)
    else:
        _serve_bare(args.port)


if __name__ == "__main__":
    main()
