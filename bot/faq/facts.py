"""Answers about a role from what Newjob knows: curated role pages, O*NET 29.3 and BLS OEWS.

Each topic (what it does, duties, skills, qualities, education, experience, tools, pay) and the
side-by-side comparison is built from the merged RoleTemplate (`bot.roles.lookup.role_for`),
the catalogue's Occupation and `pay_for`, and worded by a template in `prompts/faq/`. Every
figure comes from those sources with its label; where there is none, the answer says so.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, NamedTuple

from bot.catalog import Occupation, PayFigures, PayReport, get_catalog, pay_for
from bot.catalog.models import education_phrase
from bot.faq.model import Place, RoleMention, Topic
from bot.faq.sources import ONET, Cited, field_citation, from_source, pay_citation
from bot.faq.wording import render
from bot.roles.template import PayBenchmark, RoleTemplate

MAX_LIST = 8
MAX_TOOLS = 12
MAX_COMPARE_TASKS = 3
COMPARE_ASPECTS: tuple[Topic, ...] = (Topic.DUTIES, Topic.EDUCATION, Topic.EXPERIENCE, Topic.PAY)
ENTRY_LEVEL_ZONES = (1, 2)

_KIND_WORDS = {
    "average": "an average",
    "mean": "a mean",
    "median": "a median",
    "p10": "a 10th percentile",
    "p25": "a 25th percentile",
    "p75": "a 75th percentile",
    "p90": "a 90th percentile",
}


class Section(NamedTuple):
    """One part of an answer, and whether it holds facts (rather than saying there are none)."""

    text: str
    grounded: bool


@dataclass(frozen=True)
class RoleFacts:
    """One role as the FAQ sees it: how it was named, the merged role, its O*NET occupation."""

    mention: RoleMention
    role: RoleTemplate
    occupation: Occupation | None

    @property
    def title(self) -> str:
        return self.mention.title

    @property
    def onet_title(self) -> str:
        return self.occupation.title if self.occupation else ""

    def curated(self, field: str) -> bool:
        """Whether `field` holds the curated page's words rather than the catalogue's."""
        source = self.role.sources.get(field) or self.role.sources.get("default")
        return self.role.curated and bool(source) and not str(source).startswith("onet")


def facts_for(mention: RoleMention) -> RoleFacts | None:
    from bot.roles.lookup import role_for

    role = role_for(mention.key)
    if role is None:
        return None
    occupation = get_catalog().occupation(role.onet_code) if role.onet_code else None
    return RoleFacts(mention=mention, role=role, occupation=occupation)


# -- one topic --------------------------------------------------------------------------------


def describe(facts: RoleFacts, cited: Cited) -> Section:
    role = facts.role
    summary = role.summary or (facts.occupation.description if facts.occupation else "")
    if not summary:
        return Section(render("no_data", title=facts.title, topics=["describe"]), False)
    where = role.where_they_work if facts.curated("where_they_work") else ""
    text = render(
        "describe",
        title=facts.title,
        code=role.onet_code or "",
        onet_title=facts.onet_title,
        summary=summary,
        label=cited.use(field_citation(role, "summary")),
        where=where,
        where_label=cited.use(field_citation(role, "where_they_work")) if where else "",
    )
    return Section(text, True)


def _tasks(occupation: Occupation | None, limit: int) -> list[str]:
    if occupation is None:
        return []
    core = occupation.core_tasks
    rest = [t.text for t in occupation.tasks if not t.core]
    return [*core, *rest][:limit]


def duties(facts: RoleFacts, cited: Cited) -> Section:
    role = facts.role
    page_duties = role.duties[:MAX_LIST] if facts.curated("duties") else []
    tasks = _tasks(facts.occupation, 5 if page_duties else MAX_LIST)
    text = render(
        "duties",
        title=facts.title,
        onet_title=facts.onet_title,
        duties=page_duties,
        duties_label=cited.use(field_citation(role, "duties")) if page_duties else "",
        tasks=tasks,
        tasks_label=cited.use(ONET) if tasks else "",
    )
    return Section(text, bool(page_duties or tasks))


def _top(rated: list[Any], limit: int) -> list[str]:
    return [r.name for r in sorted(rated, key=lambda r: -r.importance)[:limit]]


def skills(facts: RoleFacts, cited: Cited) -> Section:
    role = facts.role
    occupation = facts.occupation
    page_skills = role.skills[:MAX_LIST] if facts.curated("skills") else []
    onet_skills = _top(occupation.skills, 6) if occupation else []
    knowledge = _top(occupation.knowledge, 5) if occupation else []
    text = render(
        "skills",
        title=facts.title,
        onet_title=facts.onet_title,
        page_skills=page_skills,
        page_label=cited.use(field_citation(role, "skills")) if page_skills else "",
        skills=onet_skills,
        knowledge=knowledge,
        onet_label=cited.use(ONET) if onet_skills or knowledge else "",
    )
    return Section(text, bool(page_skills or onet_skills or knowledge))


def qualities(facts: RoleFacts, cited: Cited) -> Section:
    role = facts.role
    occupation = facts.occupation
    page_qualities = role.qualities[:MAX_LIST] if facts.curated("qualities") else []
    styles = _top(occupation.work_styles, 6) if occupation else []
    text = render(
        "qualities",
        title=facts.title,
        onet_title=facts.onet_title,
        page_qualities=page_qualities,
        page_label=cited.use(field_citation(role, "qualities")) if page_qualities else "",
        work_styles=styles,
        onet_label=cited.use(ONET) if styles else "",
    )
    return Section(text, bool(page_qualities or styles))


def _percent(value: float) -> str:
    return f"{value:.0f}" if value >= 1 else "under 1"


def _education_levels(occupation: Occupation | None, limit: int = 3) -> list[str]:
    if occupation is None:
        return []
    ranked = sorted(occupation.education, key=lambda e: (-e.percent, e.category))
    chosen = [e for e in ranked if e.percent >= 10][:limit] or ranked[:1]
    return [f"{_percent(e.percent)}% {education_phrase(e)}" for e in chosen]


def education(facts: RoleFacts, cited: Cited) -> Section:
    role = facts.role
    occupation = facts.occupation
    page = role.education if facts.curated("education") else ""
    levels = _education_levels(occupation)
    zone = occupation.job_zone if occupation else None
    text = render(
        "education",
        title=facts.title,
        onet_title=facts.onet_title,
        page_education=page,
        page_label=cited.use(field_citation(role, "education")) if page else "",
        levels=levels,
        zone=zone.zone if zone else None,
        zone_education=zone.education if zone else "",
        onet_label=cited.use(ONET) if levels or zone else "",
    )
    return Section(text, bool(page or levels or zone))


def experience(facts: RoleFacts, cited: Cited) -> Section:
    role = facts.role
    occupation = facts.occupation
    zone = occupation.job_zone if occupation else None
    page = role.experience if facts.curated("experience") else ""
    page_entry = role.curated and role.seniority == "entry"
    disagree = bool(zone) and page_entry and zone is not None and zone.zone not in ENTRY_LEVEL_ZONES
    text = render(
        "experience",
        title=facts.title,
        zone=zone.zone if zone else None,
        zone_name=zone.name.split(": ", 1)[-1] if zone else "",
        zone_experience=zone.experience if zone else "",
        onet_label=cited.use(ONET) if zone else "",
        page_experience=page,
        page_entry=page_entry,
        page_label=cited.use(field_citation(role, "experience")) if page or page_entry else "",
        disagree=disagree,
    )
    return Section(text, bool(zone or page or page_entry))


def _hot_first(occupation: Occupation) -> list[Any]:
    return sorted(occupation.technology, key=lambda t: (not t.hot, not t.in_demand))


def tools(facts: RoleFacts, cited: Cited) -> Section:
    occupation = facts.occupation
    technology = _hot_first(occupation) if occupation else []
    shown = technology[:MAX_TOOLS]
    text = render(
        "tools",
        title=facts.title,
        onet_title=facts.onet_title,
        tools=[{"name": t.name, "hot": t.hot, "category": t.category} for t in shown],
        more=max(0, len(technology) - len(shown)),
        onet_label=cited.use(ONET) if shown else "",
    )
    return Section(text, bool(shown))


# -- pay --------------------------------------------------------------------------------------


def _figures(figures: PayFigures | None) -> dict[str, str | None]:
    """Each published figure as text ('$81,870', '≥ $239,200'); None where BLS gives no number."""
    keys = ("mean", "p10", "p25", "median", "p75", "p90")
    if figures is None:
        return dict.fromkeys(keys)
    out: dict[str, str | None] = {}
    for key in keys:
        value = getattr(figures, key)
        published = value.value is not None or value.mark == "top_coded"
        out[key] = value.text(figures.period) if published else None
    return out


def page_benchmarks(facts: RoleFacts, cited: Cited) -> list[dict[str, str]]:
    """The curated page's own pay figures, each with its source (never BLS's, shown apart)."""
    out = []
    for benchmark in facts.role.pay:
        source = facts.role.source_by_id(benchmark.source)
        if source is None or source.id.startswith("bls"):
            continue
        out.append(_benchmark(benchmark, cited.use(from_source(source))))
    return out


def _benchmark(benchmark: PayBenchmark, label: str) -> dict[str, str]:
    from bot.posting.model import format_money

    return {
        "kind": _KIND_WORDS.get(benchmark.kind, benchmark.kind),
        "figure": format_money(benchmark.figure, benchmark.currency),
        "period": benchmark.period,
        "area": benchmark.area,
        "label": label,
    }


def pay_report(facts: RoleFacts, place: Place | None) -> PayReport | None:
    code = facts.role.onet_code
    if not code:
        return None
    area_text = place.area.query if place and place.area else None
    return pay_for(code, area_text)


def _pay_notes(report: PayReport) -> list[str]:
    notes = list(report.notes)
    # The SOC mapping note repeats what the heading already says when it is exact.
    return [n for n in notes if not n.startswith("OEWS SOC ")]


def pay(facts: RoleFacts, cited: Cited, place: Place | None) -> Section:
    report = pay_report(facts, place)
    benchmarks = page_benchmarks(facts, cited)
    available = bool(report and report.available)
    params: dict[str, Any] = {
        "title": facts.title,
        "available": available,
        "benchmarks": benchmarks,
        "bls_label": "BLS OEWS, May 2025",
        "area": "",
        "notes": [],
    }
    if report is not None:
        params["bls_label"] = cited.use(pay_citation(report))
        params["notes"] = _pay_notes(report)
        params["area"] = report.area_name or (report.requested.area_name if report else "")
    if report is not None and available:
        params.update(
            soc=report.soc,
            soc_title=report.soc_title,
            employment=f"{report.employment:,}" if report.employment else "",
            annual=_figures(report.annual),
            hourly=_figures(report.hourly),
        )
    return Section(render("pay", **params), available or bool(benchmarks))


# -- several topics, and two roles side by side -------------------------------------------


def topic_answer(topic: Topic, facts: RoleFacts, cited: Cited, place: Place | None) -> Section:
    if topic is Topic.PAY:
        return pay(facts, cited, place)
    builders = {
        Topic.DESCRIBE: describe,
        Topic.DUTIES: duties,
        Topic.SKILLS: skills,
        Topic.QUALITIES: qualities,
        Topic.EDUCATION: education,
        Topic.EXPERIENCE: experience,
        Topic.TOOLS: tools,
    }
    return builders[topic](facts, cited)


def _compare_value(topic: Topic, facts: RoleFacts, place: Place | None, cited: Cited) -> Any:
    occupation = facts.occupation
    if topic is Topic.DESCRIBE:
        return (occupation.description if occupation else facts.role.summary) or None
    if topic is Topic.DUTIES:
        return _tasks(occupation, MAX_COMPARE_TASKS) or None
    if topic is Topic.SKILLS:
        return _top(occupation.skills, 5) if occupation else None
    if topic is Topic.QUALITIES:
        return _top(occupation.work_styles, 5) if occupation else None
    if topic is Topic.TOOLS:
        hot = [t.name for t in _hot_first(occupation) if t.hot][:6] if occupation else []
        return hot or None
    if topic is Topic.EDUCATION:
        top = occupation.top_education() if occupation else None
        if top is None:
            return None
        return {"phrase": education_phrase(top), "percent": _percent(top.percent)}
    if topic is Topic.EXPERIENCE:
        zone = occupation.job_zone if occupation else None
        if zone is None:
            return None
        return {"zone": zone.zone, "name": zone.name.split(": ", 1)[-1]}
    report = pay_report(facts, place)
    benchmarks = page_benchmarks(facts, cited)
    if report is None or not report.available:
        return {"median_year": None, "median_hour": None, "area": "", "benchmarks": benchmarks}
    cited.use(pay_citation(report))
    annual = _figures(report.annual)
    hourly = _figures(report.hourly)
    return {
        "median_year": annual["median"],
        "median_hour": hourly["median"],
        "area": report.area_name,
        "benchmarks": benchmarks,
    }


def compare(
    first: RoleFacts,
    second: RoleFacts,
    cited: Cited,
    place: Place | None,
    topics: list[Topic],
) -> str:
    chosen: list[Topic] = [t for t in topics if t is not Topic.DESCRIBE] or list(COMPARE_ASPECTS)
    aspects = []
    disagree = False
    notes: list[str] = []
    for topic in chosen:
        label = cited.use(ONET) if topic is not Topic.PAY else "BLS OEWS, May 2025"
        one = _compare_value(topic, first, place, cited)
        two = _compare_value(topic, second, place, cited)
        if topic is Topic.PAY:
            disagree = any(v and v["benchmarks"] for v in (one, two))
            for facts in (first, second):
                report = pay_report(facts, place)
                if report is not None:
                    notes.extend(n for n in _pay_notes(report) if n not in notes)
        aspects.append({"name": topic.value, "label": label, "first": one, "second": two})
    return render(
        "compare",
        first={"title": first.title},
        second={"title": second.title},
        aspects=aspects,
        disagree=disagree,
        notes=notes,
    )
