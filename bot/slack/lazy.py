"""How listeners are registered: an acknowledgement plus lazy work, or a form that validates,
acknowledges and then works; either way, errors are told to the person in a sentence.

`app.command("/newjob")(**after_ack(handle))` registers a handler that acknowledges first and
then works, as Bolt's lazy listeners: Bolt's acknowledgement (`ack()` and nothing else) and the
handler itself as a lazy function, which Bolt runs in its listener threads. The handler's own
`ack()` is then a no-op: Slack has its answer already. Events are acknowledged by Bolt; their
handlers go the same way, and an event Slack delivers again is left alone.

View submissions validate before they acknowledge (errors go in the response), and buttons that
open a form must use Slack's trigger_id within 3 seconds, so both are registered whole, as
`app.view(callback)(reported(handler))`: Bolt runs the handler at once in one of its listener
threads, answers Slack as soon as it calls `ack()`, and the handler goes on working there.
"""

from __future__ import annotations

import inspect
import logging
import threading
from collections.abc import Callable, Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from typing import Any

from slack_bolt import Ack, BoltContext

from bot.slack.context import first_delivery
from bot.slack.replies import tell
from bot.store import InvalidData, StoreUnavailable
from bot.text import say

log = logging.getLogger(__name__)

# Only so many listeners do their work (after acknowledging) at once: more only take turns at
# the one interpreter lock with the threads that acknowledge, and the acknowledgements of a
# busy app then took seconds instead of milliseconds.
WORK_SLOTS = 8
_slots = threading.BoundedSemaphore(WORK_SLOTS)
# The work waits for a slot in threads of its own, never in Bolt's listener threads: those also
# run the acknowledgements, which would otherwise queue behind work waiting for a slot.
WORK_THREADS = 64
_work_threads = ThreadPoolExecutor(WORK_THREADS, thread_name_prefix="work")
_backlog_lock = threading.Lock()
_backlog = 0  # pieces of work acknowledged and not yet finished, in this process


def finish_work() -> None:
    """Wait until every piece of work handed over so far is done, and take no more (a stop)."""
    _work_threads.shutdown(wait=True)


def backlog() -> int:
    """How many pieces of acknowledged work this process has not finished yet (/healthz)."""
    return _backlog


def _count(change: int) -> None:
    global _backlog
    with _backlog_lock:
        _backlog += change


_holding = threading.local()  # whether this thread holds a work slot


@contextmanager
def _work_slot() -> Iterator[None]:
    _slots.acquire()
    _holding.slot = True
    try:
        yield
    finally:
        if _holding.slot:
            _holding.slot = False
            _slots.release()


@contextmanager
def outside_work_slot() -> Iterator[None]:
    """While lazy work only waits (Slack said Retry-After), its slot goes to someone else's
    work, and it takes a slot again before it goes on: one person's rate limit delays nobody
    else's work (it held all eight slots, and an unrelated `/newjob help` waited 28 s)."""
    if not getattr(_holding, "slot", False):
        yield
        return
    _holding.slot = False
    _slots.release()
    try:
        yield
    finally:
        _slots.acquire()
        _holding.slot = True


def acknowledge(ack: Ack) -> None:
    ack()


def after_ack(work: Callable[..., None]) -> dict[str, Any]:
    """Keyword arguments for a Bolt listener decorator: acknowledge now, then `work`."""
    return {"ack": acknowledge, "lazy": [lazy_work(work)]}


def lazy_work(handler: Callable[..., Any]) -> Callable[..., None]:
    """`handler` as a lazy function: run in one of WORK_SLOTS, its errors told to the person,
    its own `ack()` a no-op (Slack was answered before the work started), and an event Slack
    delivered again left alone."""
    names = _argument_names(handler)

    def run(kwargs: dict[str, Any]) -> None:
        arguments = {name: kwargs[name] for name in names}
        if "ack" in arguments:
            arguments["ack"] = _acknowledged
        try:
            with _work_slot():
                if first_delivery(kwargs["body"], kwargs["context"]):
                    handler(**arguments)
        except Exception as error:
            on_error(error, kwargs["body"], kwargs["context"])
        finally:
            _count(-1)

    def work(**kwargs: Any) -> None:
        _count(+1)
        _work_threads.submit(run, kwargs)

    return _taking(work, handler, [*names, *(n for n in ("body", "context") if n not in names)])


def reported(handler: Callable[..., Any]) -> Callable[..., None]:
    """A listener that acknowledges itself (a form's submission, a button opening a form): its
    errors are told to the
    person and never reach Bolt, and one that fails before acknowledging is acknowledged then
    (the form closes; the person is told what went wrong). Bolt (1.30) would otherwise answer
    Slack with an error, or, for an error just after `ack()`, replace the acknowledgement it
    was about to send with nothing."""
    names = _argument_names(handler)

    def listener(**kwargs: Any) -> None:
        acknowledged = False
        bolt_ack: Ack = kwargs["ack"]

        def ack(*args: Any, **options: Any) -> Any:
            nonlocal acknowledged
            acknowledged = True
            return bolt_ack(*args, **options)

        arguments = {name: kwargs[name] for name in names}
        if "ack" in arguments:
            arguments["ack"] = ack
        try:
            handler(**arguments)
        except Exception as error:
            if not acknowledged:
                bolt_ack()
            on_error(error, kwargs["body"], kwargs["context"])

    needed = [*names, *(n for n in ("ack", "body", "context") if n not in names)]
    return _taking(listener, handler, needed)


def _argument_names(handler: Callable[..., Any]) -> list[str]:
    return list(inspect.signature(handler).parameters)


def _taking(
    wrapper: Callable[..., None], handler: Callable[..., Any], names: list[str]
) -> Callable[..., None]:
    """`wrapper` named as `handler` (Bolt tells lazy functions apart by name) and declaring the
    arguments `names` (Bolt passes a listener the arguments its signature names)."""
    wrapper.__name__ = getattr(handler, "__name__", "listener")
    wrapper.__qualname__ = getattr(handler, "__qualname__", wrapper.__name__)
    kind = inspect.Parameter.POSITIONAL_OR_KEYWORD
    signature = inspect.Signature([inspect.Parameter(name, kind) for name in names])
    wrapper.__signature__ = signature  # type: ignore[attr-defined]
    return wrapper


def _acknowledged(*args: Any, **options: Any) -> None:
    """`ack()` inside lazy work: the acknowledgement has gone already."""


def on_error(error: Exception, body: dict[str, Any], context: BoltContext) -> None:
    """Whatever fails, the person gets a plain sentence, never a stack trace."""
    if isinstance(error, StoreUnavailable):
        log.warning("database unavailable: %s", error)
        text = say("slack.db_down")
    elif isinstance(error, InvalidData):
        log.warning("refused a value the database would not take: %s", error)
        text = say("slack.not_valid")
    else:
        log.exception("listener failed", exc_info=error)
        text = say("slack.went_wrong")
    client = context.client
    if client is not None:
        tell(client, body, text)
