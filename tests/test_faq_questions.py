"""Issue #18's question set (tests/data/faq_questions.yaml): at least 80 questions as people type
them in Slack, 95% answered right, nothing invented, every answer with its source."""

from __future__ import annotations

from pathlib import Path

from tests.faq_eval import evaluate, load_cases

QUESTIONS = Path(__file__).resolve().parent / "data" / "faq_questions.yaml"
PASS_RATE = 0.95


def test_the_set_covers_what_people_ask() -> None:
    cases = load_cases(QUESTIONS)
    assert len(cases) >= 80
    kinds = " ".join(str(case.get("kind", "")) for case in cases)
    for kind in ("compare", "compare_places", "licence", "career", "unknown_word", "openings"):
        assert kind in kinds, kind
    for kind in ("scope_candidate", "scope_person_pay", "scope_person", "scope_legal"):
        assert kind in kinds, kind
    two_part = [c for c in cases if len(c.get("facts") or []) >= 2]
    assert len(two_part) >= 8


def test_pass_rate_and_honesty() -> None:
    report = evaluate(load_cases(QUESTIONS))
    failures = "\n".join(
        f"{outcome.question}: {'; '.join(outcome.problems)}" for outcome in report.failures
    )
    print(f"FAQ questions: {report.passed}/{report.total} passed ({report.rate:.1%})")
    assert not report.invented, failures
    assert all(o.answer.sources for o in report.outcomes if o.answer.answered), failures
    assert report.rate >= PASS_RATE, failures
