"""Per operation, warm, p50 and p99 in milliseconds: what a request costs in the domain, no Slack.

Title resolution (`match_title`, what `/newjob <title>` calls), pay lookup (BLS OEWS for a code
and a place), rendering a posting in every format, all checks on a posting, and one dialogue step
(`Dialogue.handle` with the local pay suggester, as the app runs it). Each is run once before
timing, as in a running bot. FAQ answers have their own benchmark, bench/bench_faq.py.

Run: `python -m bench.bench_ops [--rounds N]`.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
import time
from collections.abc import Callable, Iterator, Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.load import percentile  # noqa: E402

ROUNDS = 300
TODAY = dt.date(2026, 3, 2)

TITLES = (
    "network technician",
    "netwrok tech",
    "registered nurse",
    "software engineer",
    "senior data analyst",
    "forklift driver",
    "barista",
    "hr business partner",
    "ux designer",
    "asdfgh qwerty",
)
PAY_QUERIES = (
    ("15-1231.00", "Denver, CO"),
    ("29-1141.00", "Los Angeles, CA"),
    ("15-1252.00", None),
    ("53-7051.00", "Toledo, Ohio"),
    ("35-3023.00", "Remote"),
)
# One answer a question, in order, as a manager would type them (the preview follows the last).
DIALOGUE = (
    "Acme Networks",
    "on-site",
    "Denver, CO",
    "full time",
    "60k-70k",
    "1-3, 5\nConfigure VLANs for the new office",
    "all",
    "https://acme.example.com/jobs/42",
    "in 30 days",
)


def timed(work: Callable[[], object], rounds: int) -> list[float]:
    """Milliseconds for each of `rounds` calls, after one untimed call."""
    work()
    times = []
    for _ in range(rounds):
        started = time.perf_counter()
        work()
        times.append((time.perf_counter() - started) * 1000)
    return times


def cycling(items: Sequence[Any], call: Callable[[Any], object]) -> Callable[[], object]:
    """A callable that takes the next item on each call, round and round."""
    position = iter(range(sys.maxsize))
    return lambda: call(items[next(position) % len(items)])


def _dialogue_step() -> Callable[[], object]:
    """One answer through the domain: each call answers the next question of a dialogue."""
    from bot.dialogue import Answer, Dialogue
    from bot.dialogue.engine import Organisation
    from bot.drafting import local_pay_suggestion, role_for

    role = role_for("network_technician")
    assert role is not None
    dialogue = Dialogue(
        role,
        organisation=Organisation(name="Acme Networks"),
        pay_suggester=local_pay_suggestion,
        today=TODAY,
    )
    state = dialogue.start("Network Technician")[0]
    start = state

    def step() -> object:
        nonlocal state
        if state.finished:
            state = start
        state, replies = dialogue.handle(state, Answer(text=DIALOGUE[state.step]))
        return replies

    return step


def operations() -> Iterator[tuple[str, Callable[[], object]]]:
    from bot.catalog import pay_for
    from bot.checks import check_posting
    from bot.drafting import match_title, role_for
    from bot.render import FORMATS, render
    from tests.checks_samples import denver_posting

    posting = denver_posting()
    role = role_for("network_technician")
    yield "resolve_title", cycling(TITLES, match_title)
    yield "pay_lookup", cycling(PAY_QUERIES, lambda query: pay_for(*query))
    yield "render_all_formats", lambda: [render(posting, fmt) for fmt in FORMATS]
    yield "checks", lambda: check_posting(posting, role=role, today=TODAY)
    yield "dialogue_step", _dialogue_step()


def run(rounds: int = ROUNDS) -> dict[str, float]:
    figures: dict[str, float] = {}
    for name, work in operations():
        times = timed(work, rounds)
        figures[f"{name}_p50_ms"] = round(percentile(times, 0.50), 3)
        figures[f"{name}_p99_ms"] = round(percentile(times, 0.99), 3)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_ops")
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    args = parser.parse_args()
    figures = run(args.rounds)
    print("Per operation, warm (ms)")
    for name, value in figures.items():
        print(f"  {name:<26} {value:9.3f}")
    print(json.dumps(figures))


if __name__ == "__main__":
    main()
