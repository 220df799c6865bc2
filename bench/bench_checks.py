"""How long the posting checks take, and how right they are on the postings corpus.

Times `check_posting` on a full Posting (JSON-LD included) and `check_text` on the pasted
samples in tests/data/checks and tests/data/postings_corpus: p50 and p99 in milliseconds (goal:
under 50 ms a posting). Then precision and recall on the corpus (goals: 95 % and 90 %) and the
share of its postings that give the same findings in every format (tests/checks_samples.py
`corpus_scores`; tests/test_checks_corpus.py holds them to the goals). Prints figures; asserts
nothing. Run: `python -m bench.bench_checks` or `python bench/bench_checks.py`.
"""

from __future__ import annotations

import datetime as dt
import statistics
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "tests" / "data" / "checks"
CORPUS = ROOT / "tests" / "data" / "postings_corpus"
ROUNDS = 300


def _percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    index = min(len(ordered) - 1, round(share * (len(ordered) - 1)))
    return ordered[index]


def _time(work: Callable[[], object], rounds: int) -> list[float]:
    work()  # load the data files and compile the patterns once, as a running bot has
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return times


def run(rounds: int = ROUNDS) -> dict[str, float]:
    """p50/p99/mean milliseconds for checking a posting, by kind of input."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from bot.checks import check_posting, check_text
    from tests.checks_samples import corpus_scores, denver_posting

    today = dt.date(2026, 3, 2)
    posting = denver_posting()
    paths = sorted(SAMPLES.glob("*.md")) + sorted(
        p for p in CORPUS.iterdir() if p.suffix != ".yaml"
    )
    texts = [path.read_text(encoding="utf-8") for path in paths]
    figures: dict[str, float] = {}
    cases: dict[str, Callable[[], object]] = {
        "posting": lambda: check_posting(posting, today=today),
        "text": lambda: [check_text(text, today=today) for text in texts],
    }
    for name, work in cases.items():
        times = _time(work, rounds)
        if name == "text":
            times = [t / len(texts) for t in times]
        figures[f"{name}_p50_ms"] = round(_percentile(times, 0.50), 3)
        figures[f"{name}_p99_ms"] = round(_percentile(times, 0.99), 3)
        figures[f"{name}_mean_ms"] = round(statistics.fmean(times), 3)
    # The figures the goal table reads: the slower of the two kinds of input.
    for share in ("p50", "p99"):
        figures[f"{share}_ms"] = max(figures[f"posting_{share}_ms"], figures[f"text_{share}_ms"])
    scores = corpus_scores()
    for name in ("precision", "recall", "formats_agree"):
        figures[f"corpus_{name}"] = round(100 * scores[name], 1)
    figures["corpus_postings"] = scores["postings"]
    return figures


def main() -> None:
    figures = run()
    print("newjob check: milliseconds to check one posting (goal < 50 ms); corpus scores in %")
    for name, value in figures.items():
        print(f"  {name:<16} {value:8.3f}")


if __name__ == "__main__":
    main()
