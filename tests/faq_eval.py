"""The FAQ evaluation: every question of tests/data/faq_eval.yaml asked, each answer checked.

Expected facts are computed from the same data the FAQ answers from (O*NET 29.3 occupations,
BLS OEWS pay, the curated role file, the postings set up here), never typed in by hand, so the
set checks that the right fact reached the answer rather than a number someone copied.

A case passes when the outcome is the one expected (answer, refuse, clarify), its kind matches,
every fact and literal is in the answer, every expected source is named, and no dollar figure
in the answer is one the data does not hold. `scripts/faq_eval.py` prints the pass rate;
`tests/test_faq_eval.py` fails under 90% or on any wrong refusal or invented answer.
"""

from __future__ import annotations

import datetime as dt
import re
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml

from bot.catalog import PayReport, get_catalog, pay_for
from bot.catalog.models import education_phrase
from bot.faq import Faq, FaqAnswer
from bot.posting import Posting
from bot.posting.model import format_money
from bot.render.outline import format_date
from bot.roles.curated import load_curated_roles
from bot.roles.licences import load_licences
from bot.store import DraftStatus, Store

EVAL_FILE = Path(__file__).resolve().parent / "data" / "faq_eval.yaml"
TODAY = dt.date(2026, 6, 1)
PASS_RATE = 0.90
_DOLLARS = re.compile(r"\$\d[\d,]*(?:\.\d+)?")

# The postings the posting questions are about: (role key, draft title, posting, how it stands).
NETWORK_TECHNICIAN: dict[str, Any] = {
    "title": "Network Technician",
    "role": {"role_id": "network_technician", "onet_code": "15-1231.00"},
    "organisation": {"name": "Acme Networks"},
    "location": {"workplace": "remote", "remote_regions": ["US"]},
    "employment_type": "FULL_TIME",
    "pay": {"minimum": 60000, "maximum": 70000, "currency": "USD", "period": "year"},
    "how_to_apply": "https://acme.example.com/jobs/42",
    "date_posted": "2026-05-15",
    "closing_date": "2026-06-30",
}
REGISTERED_NURSE: dict[str, Any] = {
    "title": "Registered Nurse",
    "role": {"onet_code": "29-1141.00"},
    "organisation": {"name": "Acme Health"},
    "location": {"city": "Denver", "region": "CO", "country": "US"},
    "employment_type": "PART_TIME",
    "pay": {"minimum": 40, "maximum": 48, "currency": "USD", "period": "hour"},
    "date_posted": "2026-05-20",
}
PERMALINK = "https://acme.slack.com/archives/C0JOBS00001/p1767225600000100"
POSTINGS = {"network_technician": NETWORK_TECHNICIAN, "registered_nurse": REGISTERED_NURSE}


def seed_postings(store: Store) -> None:
    """A published network technician posting (remote) and a nurse posting in review."""
    store.migrate()
    nt = store.create_draft(
        team_id="T0EVAL00001",
        requester="U0MANAGER01",
        title="Network Technician",
        role_key="network_technician",
        jobs_channel="C0JOBS00001",
        jobs_ts="1767225600.000100",
        permalink=PERMALINK,
    )
    store.add_version(nt.id, _posting(NETWORK_TECHNICIAN), author="U0MANAGER01")
    store.transition(nt.id, to=DraftStatus.PUBLISHED, from_=[DraftStatus.DRAFTING])
    rn = store.create_draft(
        team_id="T0EVAL00001",
        requester="U0MANAGER02",
        title="Registered Nurse",
        role_key="onet-29-1141-00",
        review_channel="C0REVIEW001",
        review_ts="1767225700.000200",
    )
    store.add_version(rn.id, _posting(REGISTERED_NURSE), author="U0MANAGER02")
    store.transition(rn.id, to=DraftStatus.IN_REVIEW, from_=[DraftStatus.DRAFTING])


def _posting(data: dict[str, Any]) -> dict[str, Any]:
    return Posting.model_validate(data).model_dump(mode="json")


@contextmanager
def eval_faq() -> Iterator[Faq]:
    """The FAQ over a fresh SQLite store holding the evaluation's postings."""
    with tempfile.TemporaryDirectory() as folder:
        store = Store(f"sqlite:///{Path(folder) / 'faq-eval.db'}")
        try:
            seed_postings(store)
            yield Faq(store, today=TODAY)
        finally:
            store.dispose()


# -- expected facts -------------------------------------------------------------------------------


def _report(code: str, place: str | None) -> PayReport:
    return pay_for(code, place)


def _median(report: PayReport) -> str:
    annual = report.annual
    if annual is not None and annual.median.value is not None:
        return annual.median.text("year")
    assert report.hourly is not None
    return report.hourly.median.text("hour")


def _top(rated: list[Any]) -> str:
    return max(rated, key=lambda r: r.importance).name


def _first_words(text: str, count: int = 8) -> str:
    return " ".join(text.rstrip(".").split()[:count])


def expected(fact: dict[str, Any]) -> tuple[list[str], list[str]]:
    """(texts the answer must contain, texts some source line must contain) for one fact."""
    catalog = get_catalog()
    if "faq" in fact:
        entry = next(
            e for role in load_curated_roles().values() for e in role.faq if e.id == fact["faq"]
        )
        return [_first_words(entry.answer)], ["Indeed"]
    if "pay" in fact or "median" in fact:
        code = str(fact.get("pay") or fact.get("median"))
        report = _report(code, fact.get("place"))
        texts = [_median(report)]
        if "pay" in fact:
            texts.append(str(report.area_name))
        return texts, [report.citation()]
    if "gap" in fact:
        first, second = (_report(str(c), fact.get("place")) for c in fact["gap"])
        return [_median(first), _median(second), _gap(first, second)], [
            first.citation(),
            second.citation(),
        ]
    if "place_gap" in fact:
        one, two = (_report(str(fact["place_gap"]), str(p)) for p in fact["places"])
        texts = [_median(one), _median(two), _gap(one, two), str(one.area_name)]
        return [*texts, str(two.area_name)], [one.citation(), two.citation()]
    if "licence" in fact:
        code = str(fact["licence"])
        rows = [row for row in load_licences() if row.applies_to(code)]
        assert rows, f"no licence row for {code}"
        return [rows[0].name], ["Newjob licence table"]
    if "step_up" in fact or "step_down" in fact:
        return [_step(fact)], ["O*NET 29.3", "BLS OEWS, May 2025"]
    if "posting" in fact:
        return _posting_fact(str(fact["posting"]), str(fact["field"])), ["Newjob posting"]
    kind, code = next(iter(fact.items()))
    occupation = catalog.occupation(str(code))
    assert occupation is not None, code
    if kind == "describe":
        return [_first_words(occupation.description, 6)], ["O*NET 29.3"]
    if kind == "tasks":
        core = occupation.core_tasks or [t.text for t in occupation.tasks]
        return [_first_words(core[0], 6)], ["O*NET 29.3"]
    if kind == "skills":
        return [_top(occupation.skills)], ["O*NET 29.3"]
    if kind == "knowledge":
        return [_top(occupation.knowledge)], ["O*NET 29.3"]
    if kind == "work_styles":
        return [_top(occupation.work_styles)], ["O*NET 29.3"]
    if kind == "education":
        top = occupation.top_education()
        assert top is not None
        return [f"{top.percent:.0f}%", education_phrase(top)], ["O*NET 29.3"]
    if kind == "job_zone":
        assert occupation.job_zone is not None
        return [f"Job Zone {occupation.job_zone.zone}"], ["O*NET 29.3"]
    if kind == "tools":
        # The technology that marks the occupation most: the one the fewest others list, hot
        # ones first when O*NET flags any that is not everyone's (Excel, Acrobat…).
        listed_by = _listed_by()
        names = [t.name for t in occupation.technology]
        hot = [n for n in occupation.hot_technologies if listed_by[n] < 150] or names
        return [min(hot, key=lambda name: (listed_by[name], name))], ["O*NET 29.3"]
    raise ValueError(f"unknown fact {fact}")


def _gap(one: PayReport, two: PayReport) -> str:
    assert one.annual is not None and two.annual is not None
    a, b = one.annual.median.value, two.annual.median.value
    assert a is not None and b is not None
    return f"${abs(a - b):,.0f}"


def _step(fact: dict[str, Any]) -> str:
    """The first of O*NET's related occupations that is a step up (or down): a higher (lower)
    Job Zone, or the same one with a national median at least 10% higher (lower)."""
    up = "step_up" in fact
    catalog = get_catalog()
    own = catalog.occupation(str(fact.get("step_up") or fact.get("step_down")))
    assert own is not None and own.job_zone is not None
    own_median = pay_for(own.code).annual
    assert own_median is not None and own_median.median.value is not None
    for related in own.related:
        other = catalog.occupation(related.code)
        if other is None or other.job_zone is None:
            continue
        annual = pay_for(other.code).annual
        median = annual.median.value if annual is not None else None
        ratio = median / own_median.median.value - 1 if median is not None else 0.0
        zone, own_zone = other.job_zone.zone, own.job_zone.zone
        if up and (zone > own_zone or (zone == own_zone and ratio >= 0.10)):
            return other.title
        if not up and (zone < own_zone or (zone == own_zone and ratio <= -0.10)):
            return other.title
    raise AssertionError(f"no step in {fact}")


def lead_texts(fact: dict[str, Any]) -> list[str]:
    """What the first line of a pay answer must say: the figure asked for."""
    code = str(fact.get("pay"))
    report = _report(code, fact.get("place"))
    period = "hour" if fact.get("period") == "hour" else "year"
    figures = report.hourly if period == "hour" else report.annual
    assert figures is not None
    if fact.get("starting"):
        return [figures.p10.text(period), figures.p25.text(period)]
    key = f"p{fact['percentile']}" if fact.get("percentile") else "median"
    if fact.get("mean"):
        key = "mean"
    return [getattr(figures, key).text(period)]


@cache
def _listed_by() -> dict[str, int]:
    """How many O*NET occupations list each technology."""
    counts: dict[str, int] = {}
    for occupation in get_catalog().occupations():
        for name in {t.name for t in occupation.technology}:
            counts[name] = counts.get(name, 0) + 1
    return counts


def _posting_fact(key: str, name: str) -> list[str]:
    posting = Posting.model_validate(POSTINGS[key])
    if name == "workplace":
        assert posting.location is not None
        return [posting.location.workplace.value]
    if name == "location":
        assert posting.location is not None
        return [posting.location.city or posting.location.describe()]
    if name == "pay":
        assert posting.pay is not None
        return [posting.pay.describe()]
    if name == "closing":
        assert posting.closing_date is not None
        return [format_date(posting.closing_date)]
    if name == "apply":
        return [posting.how_to_apply]
    if name == "employment":
        assert posting.employment_type is not None
        return [posting.employment_type.label.lower()]
    if name == "link":
        return [PERMALINK]
    raise ValueError(f"unknown posting field {name}")


def _allowed_figures(case: dict[str, Any]) -> set[str]:
    """Every dollar figure the data holds for the roles the case is about."""
    codes: set[tuple[str, str | None]] = set()
    for fact in case.get("facts") or []:
        code = next(iter(fact.values()))
        listed = code if isinstance(code, list) else [code]
        for item in listed:
            if isinstance(item, str) and re.match(r"^\d{2}-\d{4}\.\d{2}$", item):
                codes.add((item, fact.get("place")))
                codes.add((item, None))
                for place in fact.get("places") or []:
                    codes.add((item, str(place)))
        step = fact.get("step_up") or fact.get("step_down")
        if step:
            occupation = get_catalog().occupation(str(step))
            assert occupation is not None
            codes.update((r.code, None) for r in occupation.related)
    for code in case.get("codes") or []:
        codes.add((code, None))
    for place in case.get("places") or []:
        codes.update((code, str(place)) for code, _ in list(codes))
    figures: set[str] = set()
    medians: list[float] = []
    for code, place in codes:
        report = _report(code, place)
        for figure_set in (report.annual, report.hourly):
            if figure_set is None:
                continue
            for _label, text in figure_set.rows():
                figures.update(_DOLLARS.findall(text))
        if report.annual is not None and report.annual.median.value is not None:
            medians.append(report.annual.median.value)
    # A comparison states the difference between two of those medians.
    figures.update(f"${abs(a - b):,.0f}" for a in medians for b in medians)
    for role in load_curated_roles().values():
        for benchmark in role.pay:
            figures.add(format_money(benchmark.figure, benchmark.currency))
    for data in POSTINGS.values():
        pay = Posting.model_validate(data).pay
        if pay is not None:
            for amount in (pay.minimum, pay.maximum):
                if amount is not None:
                    figures.add(format_money(amount, pay.currency))
    return figures


# -- running the set ------------------------------------------------------------------------------


@dataclass
class Outcome:
    question: str
    expect: str
    answer: FaqAnswer
    problems: list[str] = field(default_factory=list)
    wrong_refusal: bool = False
    invented: bool = False

    @property
    def passed(self) -> bool:
        return not self.problems


@dataclass
class Report:
    outcomes: list[Outcome]

    @property
    def total(self) -> int:
        return len(self.outcomes)

    @property
    def passed(self) -> int:
        return sum(1 for o in self.outcomes if o.passed)

    @property
    def rate(self) -> float:
        return self.passed / self.total if self.total else 0.0

    @property
    def wrong_refusals(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.wrong_refusal]

    @property
    def invented(self) -> list[Outcome]:
        return [o for o in self.outcomes if o.invented]

    @property
    def failures(self) -> list[Outcome]:
        return [o for o in self.outcomes if not o.passed]


def load_cases(path: Path = EVAL_FILE) -> list[dict[str, Any]]:
    """The cases of one question file (the evaluation set, or tests/data/faq_questions.yaml)."""
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert isinstance(cases, list)
    return cases


def check(case: dict[str, Any], answer: FaqAnswer) -> Outcome:
    expect = str(case["expect"])
    outcome = Outcome(question=str(case["q"]), expect=expect, answer=answer)
    problems = outcome.problems
    if expect == "answer" and not answer.answered:
        outcome.wrong_refusal = True
        problems.append(f"refused ({answer.kind}) a question it should answer")
    if expect in ("refuse", "clarify") and answer.answered:
        outcome.invented = True
        problems.append(f"answered ({answer.kind}) a question it should have declined")
    kind = case.get("kind")
    if kind and not answer.kind.startswith(str(kind)):
        problems.append(f"kind {answer.kind!r}, expected {kind!r}")
    must_say = list(case.get("contains") or [])
    must_cite = list(case.get("sources") or [])
    for fact in case.get("facts") or []:
        texts, sources = expected(fact)
        must_say.extend(texts)
        must_cite.extend(sources)
    first_line = answer.answer.splitlines()[0] if answer.answer else ""
    for fact in case.get("facts") or []:
        if "pay" in fact and case.get("lead", True) and answer.answered:
            for text in lead_texts(fact):
                if text not in first_line:
                    problems.append(f"the first line does not lead with {text!r}")
        if "pay" in fact and fact.get("local"):
            national = _median(_report(str(fact["pay"]), None))
            if national in answer.answer:
                problems.append(f"a local answer repeats the national median {national}")
    folded = answer.answer.casefold()
    for text in must_say:
        if text.casefold() not in folded:
            problems.append(f"missing {text!r}")
    for text in case.get("absent") or []:
        if str(text).casefold() in folded:
            problems.append(f"says {text!r}, which it should not")
    for text in must_cite:
        if not any(text in line for line in answer.sources):
            problems.append(f"no source naming {text!r}")
    if answer.answered and not answer.sources:
        problems.append("an answer with no source")
    allowed = _allowed_figures(case)
    unknown = [f for f in _DOLLARS.findall(answer.answer) if f not in allowed]
    if unknown:
        outcome.invented = True
        problems.append(f"figures not in the data: {unknown}")
    return outcome


def evaluate(cases: list[dict[str, Any]] | None = None) -> Report:
    cases = cases if cases is not None else load_cases()
    outcomes = []
    with eval_faq() as faq:
        for case in cases:
            outcomes.append(check(case, faq.ask(str(case["q"]))))
    return Report(outcomes)
