"""The FAQ evaluation set: at least 60 questions, 90% right, no wrong refusal, nothing invented."""

from __future__ import annotations

from tests.faq_eval import PASS_RATE, evaluate, load_cases


def test_the_set_is_large_and_varied() -> None:
    cases = load_cases()
    assert len(cases) >= 60
    expectations = {case["expect"] for case in cases}
    assert expectations == {"answer", "refuse", "clarify"}
    kinds = " ".join(str(case.get("kind", "")) for case in cases)
    for kind in ("faq:", "describe", "duties", "skills", "qualities", "education", "experience"):
        assert kind in kinds, kind
    for kind in ("tools", "pay", "compare", "posting", "unknown_role"):
        assert kind in kinds, kind
    assert sum(1 for case in cases if case["expect"] == "refuse") >= 10
    assert sum(1 for case in cases if any("place" in f for f in case.get("facts") or [])) >= 8


def test_pass_rate_and_honesty() -> None:
    report = evaluate()
    failures = "\n".join(
        f"{outcome.question}: {'; '.join(outcome.problems)}" for outcome in report.failures
    )
    print(f"FAQ evaluation: {report.passed}/{report.total} passed ({report.rate:.1%})")
    assert not report.wrong_refusals, failures
    assert not report.invented, failures
    assert report.rate >= PASS_RATE, failures


def test_a_wrong_answer_fails_its_case() -> None:
    """The checker itself: an invented figure, a refusal and a missing fact are all caught."""
    from bot.faq import FaqAnswer
    from tests.faq_eval import check

    case = {"q": "how much do RNs make", "expect": "answer", "facts": [{"pay": "29-1141.00"}]}
    invented = FaqAnswer(
        question=case["q"], answered=True, answer="About $123,457 a year.", sources=["me"]
    )
    outcome = check(case, invented)
    assert outcome.invented and not outcome.passed
    refused = FaqAnswer(question=case["q"], answered=False, answer="I can't answer that.")
    assert check(case, refused).wrong_refusal
    answered = check({"q": "weather", "expect": "refuse"}, invented)
    assert answered.invented
