"""The work after an acknowledgement, done in worker processes (`newjob serve --http`).

Every listener that acknowledges first is registered as an acknowledgement plus lazy work
(`bot.slack.lazy`). In one process the work took turns at the interpreter lock with the
threads that acknowledge, and a busy app acknowledged in hundreds of milliseconds instead of a
few. Served over HTTP, the front process only checks, acknowledges and hands each piece of work
(the request's body and headers, and which lazy function to run) to a queue; worker processes,
started with `spawn`, build the same app from the same settings and dispatch the request again
as lazy-only, the way Bolt's AWS Lambda adapter runs lazy listeners in another invocation.

The queue is local to the machine and only the front writes to it, so workers do not check
Slack's signature again (the front did, and by the time a queued job runs the signature may be
older than Bolt's five minutes).
"""

from __future__ import annotations

import logging
import multiprocessing
import os
import queue
import threading
import time
from collections.abc import Callable
from dataclasses import dataclass
from multiprocessing.connection import wait
from typing import Any

from slack_bolt import App, BoltRequest
from slack_bolt.lazy_listener import LazyListenerRunner
from slack_bolt.listener.thread_runner import ThreadListenerRunner
from slack_bolt.util.utils import get_name_for_callable

from bot.settings import Settings

log = logging.getLogger(__name__)

WORKERS = 1  # processes: with the front, one a core on a 2-core machine; more for bigger ones
THREADS_PER_WORKER = 8  # jobs at once in a worker: as many as WORK_SLOTS in one process
NICENESS = 10  # the front acknowledges first: workers get the processors it leaves
START_TIMEOUT = 60.0  # seconds for a worker to build its app
LAZY_HEADERS = ("x-slack-bolt-lazy-only", "x-slack-bolt-lazy-function-name")


@dataclass(frozen=True)
class Job:
    """A request to dispatch again as lazy-only: what Bolt needs to rebuild it."""

    body: str | dict[str, Any]
    headers: dict[str, list[str]]
    mode: str = "http"


def lazy_job(request: BoltRequest, function_name: str) -> Job:
    """The job that runs the lazy function `function_name` for `request`."""
    headers = {
        name: list(values) for name, values in request.headers.items() if name not in LAZY_HEADERS
    }
    headers["x-slack-bolt-lazy-only"] = ["1"]
    headers["x-slack-bolt-lazy-function-name"] = [function_name]
    body: str | dict[str, Any] = request.raw_body if request.mode == "http" else request.body
    return Job(body=body, headers=headers, mode=request.mode)


class WorkerPool:
    """`processes` worker processes, each running `threads` jobs at a time from one queue; a
    worker that dies is started again."""

    def __init__(
        self,
        settings: Settings,
        *,
        processes: int = WORKERS,
        threads: int = THREADS_PER_WORKER,
        start_timeout: float = START_TIMEOUT,
    ) -> None:
        if processes < 1:
            raise ValueError("a worker pool needs at least one process")
        self.settings = settings
        self.threads = threads
        self.start_timeout = start_timeout
        self._context = multiprocessing.get_context("spawn")
        self.jobs: Any = self._context.Queue()
        self._ready: Any = self._context.Queue()
        self._processes: list[Any] = [None] * processes
        self._stopping = threading.Event()
        self._watcher: threading.Thread | None = None

    def start(self) -> None:
        """Start every worker and wait until each has built its app."""
        for index in range(len(self._processes)):
            self._processes[index] = self._spawn()
        deadline = time.monotonic() + self.start_timeout
        for _ in self._processes:
            while True:
                try:
                    self._ready.get(timeout=0.2)
                    break
                except queue.Empty:
                    dead = [p for p in self._processes if p.exitcode is not None]
                    if dead or time.monotonic() > deadline:
                        self.stop()
                        raise RuntimeError(
                            "a worker process did not start"
                            + (f" (exit code {dead[0].exitcode})" if dead else "")
                        ) from None
        self._watcher = threading.Thread(target=self._watch, name="worker-watch", daemon=True)
        self._watcher.start()
        log.info("%d worker processes ready", len(self._processes))

    def submit(self, job: Job) -> None:
        self.jobs.put(job)

    def stop(self, timeout: float = 10.0) -> None:
        """Let the workers finish what they have taken, then end them."""
        self._stopping.set()
        started = [p for p in self._processes if p is not None]
        for _ in range(len(started) * self.threads):
            self.jobs.put(None)
        deadline = time.monotonic() + timeout
        for process in started:
            process.join(max(0.0, deadline - time.monotonic()))
            if process.is_alive():
                process.terminate()
                process.join(5)

    def _spawn(self) -> Any:
        process = self._context.Process(
            target=_worker,
            args=(self.settings, self.jobs, self._ready, self.threads),
            name="newjob-worker",
            daemon=True,
        )
        process.start()
        return process

    def _watch(self) -> None:
        while not self._stopping.wait(1.0):
            for index, process in enumerate(self._processes):
                if process.exitcode is not None and not self._stopping.is_set():
                    log.warning(
                        "worker %s exited (%s); starting another", process.pid, process.exitcode
                    )
                    self._processes[index] = self._spawn()


class ProcessLazyListenerRunner(LazyListenerRunner):
    """Bolt's lazy listener runner for the front: hands each lazy function to the workers."""

    def __init__(self, pool: WorkerPool, logger: logging.Logger) -> None:
        self.pool = pool
        self.logger = logger

    def start(self, function: Any, request: BoltRequest) -> None:
        self.pool.submit(lazy_job(request, str(request.lazy_function_name)))


class FrontListenerRunner(ThreadListenerRunner):
    """Bolt's listener runner, but a lazy function goes to the workers straight from the
    request: Bolt first deep-copies the request with its context (its Web API client and all)
    for a thread to use, which cost more than the rest of an acknowledgement; a worker process
    rebuilds the request from its body and headers anyway."""

    pool: WorkerPool

    def _start_lazy_function(self, lazy_func: Callable[..., None], request: BoltRequest) -> None:
        self.pool.submit(lazy_job(request, get_name_for_callable(lazy_func)))


def run_work_in(app: App, pool: WorkerPool) -> None:
    """From now on `app` hands its lazy work to `pool` instead of its own threads."""
    current = app.listener_runner
    runner = FrontListenerRunner(
        logger=current.logger,
        process_before_response=current.process_before_response,
        listener_error_handler=current.listener_error_handler,
        listener_start_handler=current.listener_start_handler,
        listener_completion_handler=current.listener_completion_handler,
        listener_executor=current.listener_executor,
        lazy_listener_runner=ProcessLazyListenerRunner(pool, current.logger),
    )
    runner.pool = pool
    app._listener_runner = runner


def _worker(settings: Settings, jobs: Any, ready: Any, threads: int) -> None:
    """A worker process: the app as the front builds it, dispatching lazy-only requests."""
    logging.basicConfig(level=logging.INFO, format="%(asctime)s %(levelname)s %(name)s %(message)s")
    _end_with_parent()
    os.nice(NICENESS)
    from bot.slack.app import build_app
    from bot.store import Store

    store = Store(settings.database_url)
    app = build_app(settings, store, verify_requests=False)
    ready.put(os.getpid())

    def run() -> None:
        while True:
            job = jobs.get()
            if job is None:
                return
            try:
                request = BoltRequest(body=job.body, headers=job.headers, mode=job.mode)
                app.dispatch(request)
            except Exception:
                log.exception("a worker could not run a job")

    runners = [threading.Thread(target=run, name=f"work-{n}") for n in range(threads)]
    for runner in runners:
        runner.start()
    for runner in runners:
        runner.join()
    store.dispose()


def _end_with_parent() -> None:
    """Exit when the front process is gone (even killed), rather than wait on its queue."""
    parent = multiprocessing.parent_process()
    if parent is None:
        return

    def watch() -> None:
        wait([parent.sentinel])
        os._exit(0)

    threading.Thread(target=watch, name="parent-watch", daemon=True).start()
