"""The HTTP server's own logging: waitress's queue-depth warning, shown now and then."""

from __future__ import annotations

import logging
import time

import pytest

from bot.slack.server import NowAndThen


def test_a_warning_repeated_on_every_request_is_shown_now_and_then(
    caplog: pytest.LogCaptureFixture,
) -> None:
    logger = logging.getLogger("newjob.test.queue")
    sieve = NowAndThen(0.2)
    logger.addFilter(sieve)
    try:
        with caplog.at_level(logging.WARNING, logger=logger.name):
            for depth in range(1, 51):
                logger.warning("Task queue depth is %d", depth)
            time.sleep(0.25)
            logger.warning("Task queue depth is %d", 7)
    finally:
        logger.removeFilter(sieve)
    assert [r.getMessage() for r in caplog.records] == [
        "Task queue depth is 1",
        "Task queue depth is 7 (and 49 more since the last one shown)",
    ]
