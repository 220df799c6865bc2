"""The work after an acknowledgement, done in worker processes (`newjob serve --http`).

Every listener that acknowledges first is registered as an acknowledgement plus lazy work
(`bot.slack.lazy`). In one process the work took turns at the interpreter lock with the
threads that acknowledge, and a busy app acknowledged in hundreds of milliseconds instead of a
few. Served over HTTP, the front process only checks, acknowledges and hands each piece of work
(the request's body and headers, and which lazy function to run) to a worker process over a
pipe; workers (`python -m bot.slack.workers`, started by the front with its environment) build
the same app from the same settings and dispatch the request again as lazy-only, the way
Bolt's AWS Lambda adapter runs lazy listeners in another invocation.

Only the front can write to a worker's stdin, so workers do not check Slack's signature again
(the front did, and by the time a queued job runs the signature may be older than Bolt's five
minutes). A worker exits when its stdin ends, even if the front was killed.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import itertools
import json
import logging
import os
import queue
import select
import subprocess
import sys
import threading
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any

log = logging.getLogger(__name__)

WORKERS = 1  # processes: with the front, one a core on a 2-core machine; more for bigger ones
THREADS_PER_WORKER = 8  # jobs at once in a worker: as many as WORK_SLOTS in one process
NICENESS = 19  # the front acknowledges first: workers get the processors it leaves
START_TIMEOUT = 60.0  # seconds for a worker to build its app
STOP_TIMEOUT = 20.0  # seconds the workers get to finish the jobs given when the front stops
READY = b"ready"  # a worker has built its app
DONE = b"done"  # a worker has finished a job (followed by a tab and the job's number)
_SOURCE = str(Path(__file__).resolve().parents[2])  # the directory `bot` is imported from


class WorkerStartError(RuntimeError):
    """A worker process exited, or took too long, while building its app."""


@dataclass(frozen=True)
class Job:
    """A request to dispatch again as lazy-only: what Bolt needs to rebuild it."""

    body: str | dict[str, Any]
    headers: dict[str, str | Sequence[str]]
    mode: str = "http"

    def encode(self) -> bytes:
        """One line of JSON, as a worker reads it."""
        data = {"body": self.body, "headers": self.headers, "mode": self.mode}
        return json.dumps(data, separators=(",", ":")).encode() + b"\n"

    @classmethod
    def decode(cls, line: bytes) -> Job:
        data = json.loads(line)
        return cls(body=data["body"], headers=data["headers"], mode=data["mode"])


class WorkerPool:
    """`processes` worker processes, each running `threads` jobs at a time; a worker that dies
    is started again.

    Each worker is `python -m bot.slack.workers`, started with this process's environment and
    working directory (so it reads the same settings), fed one numbered JSON line per job on
    its stdin, and answering "done" with the number on its stdout as each job ends. Jobs wait
    here, in one queue, until a worker has a thread free. When a worker dies, the jobs it had
    not finished go back to the queue for the others or the worker started in its place: a job
    it was part way through runs again rather than being lost. Plain pipes rather than
    `multiprocessing`, which would start a resource-tracker process besides the workers.
    """

    def __init__(
        self,
        *,
        processes: int = WORKERS,
        threads: int = THREADS_PER_WORKER,
        start_timeout: float = START_TIMEOUT,
    ) -> None:
        if processes < 1:
            raise ValueError("a worker pool needs at least one process")
        self.threads = threads
        self.start_timeout = start_timeout
        self.jobs: queue.SimpleQueue[bytes | None] = queue.SimpleQueue()
        self._workers: list[_Worker | None] = [None] * processes
        self._stopping = threading.Event()
        self._watcher: threading.Thread | None = None

    def start(self) -> None:
        """Start every worker and wait until each has built its app."""
        self.launch()
        self.wait_ready()

    def launch(self) -> None:
        """Start every worker; they build their apps while this process goes on."""
        for index in range(len(self._workers)):
            self._workers[index] = _Worker(self.threads, self.jobs)

    def wait_ready(self) -> None:
        """Wait until each worker has built its app; WorkerStartError (and every worker ended)
        if one exits first or takes longer than `start_timeout`."""
        deadline = time.monotonic() + self.start_timeout
        try:
            for worker in self._workers:
                assert worker is not None
                worker.wait_ready(deadline)
        except WorkerStartError:
            self.stop()
            raise
        self._watcher = threading.Thread(target=self._watch, name="worker-watch", daemon=True)
        self._watcher.start()
        log.info("%d worker processes ready", len(self._workers))

    def submit(self, job: Job) -> None:
        self.jobs.put(job.encode())

    def stop(self, timeout: float = STOP_TIMEOUT) -> None:
        """Let the workers finish the jobs given so far, then end them."""
        self._stopping.set()
        started = [w for w in self._workers if w is not None]
        if waiting := self.jobs.qsize():
            log.info("stopping once the workers have done the %d jobs still waiting", waiting)
        for _ in started:
            self.jobs.put(None)  # each worker's feed takes one, and closes the worker's stdin
        deadline = time.monotonic() + timeout
        for worker in started:
            worker.end(max(0.0, deadline - time.monotonic()))

    def _watch(self) -> None:
        while not self._stopping.wait(1.0):
            for index, worker in enumerate(self._workers):
                if worker is None or worker.process.poll() is None or self._stopping.is_set():
                    continue
                log.warning(
                    "worker %s exited (%s); starting another",
                    worker.process.pid,
                    worker.process.returncode,
                )
                worker.end(0)
                worker.give_back()
                replacement = _Worker(self.threads, self.jobs)
                try:
                    replacement.wait_ready(time.monotonic() + self.start_timeout)
                except WorkerStartError:
                    log.exception("a worker process did not start again")
                    replacement.end(0)
                    continue  # tried again in a second
                self._workers[index] = replacement


class _Worker:
    """One worker process; a thread that feeds it a job whenever one of its threads is free,
    and a thread that reads its "done" lines."""

    def __init__(self, threads: int, jobs: queue.SimpleQueue[bytes | None]) -> None:
        env = dict(os.environ)
        # The worker imports Newjob from wherever this process did.
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [_SOURCE, env.get("PYTHONPATH")]))
        self.process = subprocess.Popen(
            [sys.executable, "-m", "bot.slack.workers", "--threads", str(threads)],
            stdin=subprocess.PIPE,
            stdout=subprocess.PIPE,
            env=env,
        )
        self._jobs = jobs
        self._free = threading.Semaphore(threads)
        self._gone = threading.Event()
        self._numbers = itertools.count(1)
        self._running: dict[bytes, bytes] = {}  # number -> job, given and not yet done
        self._running_lock = threading.Lock()
        self._feed = threading.Thread(target=self._write, name="worker-feed", daemon=True)
        self._done = threading.Thread(target=self._read, name="worker-done", daemon=True)

    def wait_ready(self, deadline: float) -> None:
        """Wait for the worker's "ready" line; WorkerStartError if it exits or takes too long."""
        assert self.process.stdout is not None
        while True:
            ready, _, _ = select.select([self.process.stdout], [], [], 0.2)
            if ready:
                line = self.process.stdout.readline()
                if line.strip() == READY:
                    self._done.start()
                    self._feed.start()
                    return
                code = self.process.wait(5)
                raise WorkerStartError(f"a worker process did not start (exit code {code})")
            if time.monotonic() > deadline:
                self.process.kill()
                raise WorkerStartError("a worker process did not start in time")

    def end(self, timeout: float) -> None:
        try:
            self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.terminate()
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait(5)
        self._gone.set()
        self._free.release()  # a feed waiting for a free thread sees the worker is gone

    def give_back(self) -> None:
        """Once the worker has exited: put the jobs it had not finished back in the queue."""
        self._feed.join(5)
        with self._running_lock:
            unfinished = list(self._running.values())
            self._running.clear()
        if unfinished:
            log.warning(
                "worker %s ended with %d jobs unfinished; they go to another worker",
                self.process.pid,
                len(unfinished),
            )
        for job in unfinished:
            self._jobs.put(job)

    def _read(self) -> None:
        assert self.process.stdout is not None
        for line in self.process.stdout:
            word, _, number = line.strip().partition(b"\t")
            if word == DONE:
                with self._running_lock:
                    self._running.pop(number, None)
                self._free.release()
        self._gone.set()  # its stdout ended: the worker exited
        self._free.release()

    def _write(self) -> None:
        stdin = self.process.stdin
        assert stdin is not None
        while True:
            self._free.acquire()
            if self._gone.is_set():
                return
            line = self._jobs.get()
            if self._gone.is_set():
                self._jobs.put(line)  # a job, or the word to stop, for a worker still there
                return
            if line is None:
                break
            number = str(next(self._numbers)).encode()
            with self._running_lock:
                self._running[number] = line
            try:
                stdin.write(number + b"\t" + line)
                stdin.flush()
            except (BrokenPipeError, ValueError):  # gone: the worker in its place takes it
                with self._running_lock:
                    self._running.pop(number, None)
                self._jobs.put(line)
                return
        with contextlib.suppress(BrokenPipeError):
            stdin.close()


def serve_jobs(threads: int = THREADS_PER_WORKER) -> None:
    """A worker process: build the app as the front does, say "ready" on stdout, then dispatch
    each job read from stdin as a lazy-only request, `threads` at a time, saying "done" after
    each, until stdin ends (the front stopped, or died)."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    _yield_to_the_front()
    from slack_bolt import BoltRequest
    from slack_bolt.error import BoltError
    from slack_sdk.errors import SlackApiError

    from bot.settings import MissingSetting, Settings
    from bot.slack.app import build_app
    from bot.store import Store, StoreUnavailable

    settings = Settings()
    try:
        store = Store(settings.database_url)
        app = build_app(settings, store, verify_requests=False)
    except (MissingSetting, StoreUnavailable, BoltError, SlackApiError, OSError) as exc:
        log.error("a worker could not start: %s", exc)  # the front says why, in its words
        sys.exit(2)
    replies = os.fdopen(os.dup(sys.stdout.fileno()), "wb")
    os.dup2(sys.stderr.fileno(), sys.stdout.fileno())  # anything printed goes to the log
    replies_lock = threading.Lock()

    def reply(word: bytes) -> None:
        # The front may be gone (killed): then there is no one to tell.
        with replies_lock, contextlib.suppress(BrokenPipeError, ValueError):
            replies.write(word + b"\n")
            replies.flush()

    gc.freeze()
    reply(READY)
    jobs: queue.SimpleQueue[tuple[bytes, Job] | None] = queue.SimpleQueue()  # <= `threads`

    def run() -> None:
        while True:
            taken = jobs.get()
            if taken is None:
                return
            number, job = taken
            try:
                request = BoltRequest(body=job.body, headers=job.headers, mode=job.mode)
                app.dispatch(request)  # a lazy-only request: returns when the work is done
            except Exception:
                log.exception("a worker could not run a job")
            reply(DONE + b"\t" + number)

    runners = [threading.Thread(target=run, name=f"work-{n}") for n in range(threads)]
    for runner in runners:
        runner.start()
    for line in sys.stdin.buffer:
        number, _, data = line.partition(b"\t")
        try:
            jobs.put((number, Job.decode(data)))
        except (ValueError, KeyError):
            log.error("a worker was given a job it cannot read")
            reply(DONE + b"\t" + number)
    for _ in runners:
        jobs.put(None)
    for runner in runners:
        runner.join()
    store.dispose()


def _yield_to_the_front() -> None:
    """Run this process (and the threads it starts) only when the processors have nothing
    else to do: Linux's SCHED_IDLE, which a thread acknowledging a request preempts the moment
    it wakes; elsewhere, the lowest priority."""
    try:
        os.sched_setscheduler(0, os.SCHED_IDLE, os.sched_param(0))
    except (AttributeError, OSError):
        os.nice(NICENESS)


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bot.slack.workers")
    parser.add_argument("--threads", type=int, default=THREADS_PER_WORKER)
    serve_jobs(parser.parse_args().threads)


if __name__ == "__main__":
    main()
