"""The front's side of the hand-over to worker processes (`bot.slack.workers`): Bolt's runners,
changed so that each lazy function becomes a job for the workers instead of a thread here."""

from __future__ import annotations

import logging
from collections.abc import Callable, Sequence
from typing import Any

from slack_bolt import App, BoltRequest, BoltResponse
from slack_bolt.lazy_listener import LazyListenerRunner
from slack_bolt.listener.thread_runner import ThreadListenerRunner
from slack_bolt.util.utils import get_name_for_callable

from bot.slack.workers import Job, WorkerPool

LAZY_HEADERS = ("x-slack-bolt-lazy-only", "x-slack-bolt-lazy-function-name")


def lazy_job(request: BoltRequest, function_name: str) -> Job:
    """The job that runs the lazy function `function_name` for `request`."""
    headers: dict[str, str | Sequence[str]] = {
        name: list(values) for name, values in request.headers.items() if name not in LAZY_HEADERS
    }
    headers["x-slack-bolt-lazy-only"] = ["1"]
    headers["x-slack-bolt-lazy-function-name"] = [function_name]
    body: str | dict[str, Any] = request.raw_body if request.mode == "http" else request.body
    return Job(body=body, headers=headers, mode=request.mode)


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

    def _debug_log_completion(self, starting_time: float, response: BoltResponse) -> None:
        # Bolt writes this debug line out (the response and all) before the logger decides
        # whether to keep it: a thirtieth of an acknowledgement, for a line never shown.
        if self.logger.isEnabledFor(logging.DEBUG):
            super()._debug_log_completion(starting_time, response)


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
