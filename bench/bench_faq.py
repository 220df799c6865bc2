"""How long the FAQ takes to answer, warm: p50 and p99 in milliseconds (goal: p99 under 20 ms).

Asks every question of the evaluation set (tests/data/faq_eval.yaml: curated FAQ, catalogue
topics, pay by place, comparisons, postings from a SQLite store, refusals) and of issue #18's
set (tests/data/faq_questions.yaml: two-part questions, two places, licences, career paths,
the scope guard) once to warm the
catalogue and pay caches, as a running bot has them, then times each answer over several
rounds. Answers themselves are never cached. Prints figures; asserts nothing.
Run: `python -m bench.bench_faq` or `python bench/bench_faq.py [--rounds N]`.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ROUNDS = 20

# Which group a question's answer falls in, by the start of FaqAnswer.kind.
GROUPS = {
    "faq:": "curated",
    "pay": "pay",
    "compare": "compare",
    "posting": "posting",
    "licence": "licence",
    "career": "career",
}


def _percentile(samples: list[float], share: float) -> float:
    ordered = sorted(samples)
    index = min(len(ordered) - 1, round(share * (len(ordered) - 1)))
    return ordered[index]


def _group(kind: str, answered: bool) -> str:
    if not answered:
        return "refusal"
    for prefix, group in GROUPS.items():
        if kind.startswith(prefix):
            return group
    return "topic"


def run(rounds: int = ROUNDS) -> dict[str, float]:
    """p50/p99/mean/max milliseconds for one answer, overall and by kind of question."""
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from tests.faq_eval import eval_faq, load_cases

    more = ROOT / "tests" / "data" / "faq_questions.yaml"
    questions = [str(case["q"]) for case in [*load_cases(), *load_cases(more)]]
    times: list[float] = []
    by_group: dict[str, list[float]] = {}
    with eval_faq() as faq:
        groups = {q: _group(a.kind, a.answered) for q in questions if (a := faq.ask(q))}
        for _ in range(rounds):
            for question in questions:
                start = time.perf_counter()
                faq.ask(question)
                elapsed = (time.perf_counter() - start) * 1000
                times.append(elapsed)
                by_group.setdefault(groups[question], []).append(elapsed)
    figures = {
        "faq_answer_p50_ms": round(_percentile(times, 0.50), 3),
        "faq_answer_p99_ms": round(_percentile(times, 0.99), 3),
        "faq_answer_mean_ms": round(statistics.fmean(times), 3),
        "faq_answer_max_ms": round(max(times), 3),
    }
    for group in sorted(by_group):
        figures[f"faq_{group}_p99_ms"] = round(_percentile(by_group[group], 0.99), 3)
    return figures


def main() -> None:
    parser = argparse.ArgumentParser(prog="python -m bench.bench_faq")
    parser.add_argument("--rounds", type=int, default=ROUNDS)
    args = parser.parse_args()
    figures = run(args.rounds)
    print("newjob FAQ: milliseconds to answer one question, warm (goal p99 < 20 ms)")
    for name, value in figures.items():
        print(f"  {name:<24} {value:8.3f}")


if __name__ == "__main__":
    main()
