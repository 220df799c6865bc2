"""Run the FAQ's evaluation set (tests/data/faq_eval.yaml) and print the pass rate.

    python scripts/faq_eval.py [-v] [FILE]

FILE defaults to tests/data/faq_eval.yaml; tests/data/faq_questions.yaml is issue #18's set.

Lists each failed question with what was wrong; `-v` prints every answer. Exit 1 below 90%
or on any wrong refusal or invented answer (the same bar as tests/test_faq_eval.py).
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def main() -> int:
    parser = argparse.ArgumentParser(prog="python scripts/faq_eval.py")
    parser.add_argument("-v", "--verbose", action="store_true", help="print every answer")
    parser.add_argument("file", nargs="?", type=Path, help="a question file (YAML)")
    args = parser.parse_args()
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    from tests.faq_eval import PASS_RATE, evaluate, load_cases

    report = evaluate(load_cases(args.file) if args.file else None)
    for outcome in report.outcomes:
        if args.verbose or not outcome.passed:
            mark = "ok  " if outcome.passed else "FAIL"
            print(f"{mark} {outcome.question}  [{outcome.answer.kind}]")
            for problem in outcome.problems:
                print(f"       - {problem}")
            if args.verbose:
                print("       " + outcome.answer.answer.replace("\n", "\n       "))
    print(
        f"FAQ evaluation: {report.passed}/{report.total} passed ({report.rate:.1%}); "
        f"wrong refusals: {len(report.wrong_refusals)}; invented answers: {len(report.invented)}"
    )
    good = report.rate >= PASS_RATE and not report.wrong_refusals and not report.invented
    return 0 if good else 1


if __name__ == "__main__":
    sys.exit(main())
