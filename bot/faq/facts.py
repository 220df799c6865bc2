"""Answers about a role from what Newjob knows: curated role pages, O*NET 29.3 and BLS OEWS.

Each topic (what it does, duties, skills, qualities, education, experience, tools, pay) and the
side-by-side comparison is built from the merged RoleTemplate (`bot.roles.lookup.role_for`),
the catalogue's Occupation and `pay_for`, and worded by a template in `prompts/faq/`. Every
figure comes from those sources with its label; where there is none, the answer says so.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache
from typing import Any, NamedTuple

from bot.catalog import Occupation, PayFigures, PayReport, get_catalog, pay_for
from bot.catalog.models import education_phrase
from bot.faq.model import PayAsk, Place, RoleMention, Topic
from bot.faq.sources import ONET, Citation, Cited, field_citation, from_source, pay_citation
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


GENERIC_TECHNOLOGY = 150  # listed by this many occupations or more (Excel, Acrobat): shown last


@cache
def _technology_counts() -> dict[str, int]:
    """How many occupations list each technology: Excel is everyone's, BGP a network job's."""
    counts: dict[str, int] = {}
    for occupation in get_catalog().occupations():
        for name in {t.name for t in occupation.technology}:
            counts[name] = counts.get(name, 0) + 1
    return counts


def _hot_first(occupation: Occupation) -> list[Any]:
    """Hot technologies first, those that mark this occupation (listed by fewest others) first."""
    counts = _technology_counts()
    return sorted(
        occupation.technology,
        key=lambda t: (
            counts.get(t.name, 0) >= GENERIC_TECHNOLOGY,
            not t.hot,
            counts.get(t.name, 0),
            not t.in_demand,
            t.name,
        ),
    )


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


_NTH = {10: "10th", 25: "25th", 50: "50th", 75: "75th", 90: "90th"}


def place_note(place: Place | None) -> str:
    """Which of several places of a name the answer took, and how to ask for another."""
    return place.note if place is not None else ""


def pay(facts: RoleFacts, cited: Cited, place: Place | None, ask: PayAsk | None = None) -> Section:
    ask = ask or PayAsk()
    found = place if place is not None and place.found else None
    report = pay_report(facts, found)
    local = found is not None and not found.national
    # The source page's figure is national: beside a local answer it only confuses.
    benchmarks = [] if local else page_benchmarks(facts, cited)
    available = bool(report and report.available)
    params: dict[str, Any] = {
        "title": facts.title,
        "available": available,
        "benchmarks": benchmarks,
        "bls_label": "BLS OEWS, May 2025",
        "area": "",
        "notes": [],
        "unfound": place.typed if place is not None and not place.found else "",
        "place_note": place_note(found),
        "period": "year",
    }
    if report is not None:
        params["bls_label"] = cited.use(pay_citation(report))
        params["notes"] = _pay_notes(report)
        params["area"] = report.area_name or (report.requested.area_name if report else "")
    if report is not None and available:
        annual, hourly = _figures(report.annual), _figures(report.hourly)
        hour_first = ask.period == "hour" or not annual["median"]
        mode = "median"
        if ask.starting:
            mode = "starting"
        elif ask.percentile and ask.percentile != 50:
            mode = "percentile"
        elif ask.mean:
            mode = "mean"
        params.update(
            soc=report.soc,
            soc_title=report.soc_title,
            employment=f"{report.employment:,}" if report.employment else "",
            period="hour" if hour_first else "year",
            first=hourly if hour_first else annual,
            second=annual if hour_first else hourly,
            mode=mode,
            pkey=f"p{ask.percentile}" if ask.percentile else "median",
            nth=_NTH.get(ask.percentile or 50, ""),
        )
    return Section(render("pay", **params), available or bool(benchmarks))


# -- several topics, and two roles side by side -------------------------------------------


def topic_answer(
    topic: Topic,
    facts: RoleFacts,
    cited: Cited,
    place: Place | None,
    ask: PayAsk | None = None,
    direction: str = "",
) -> Section:
    if topic is Topic.PAY:
        return pay(facts, cited, place, ask)
    if topic is Topic.LICENCE:
        return licence(facts, cited, place)
    if topic is Topic.CAREER:
        return career(facts, cited, direction)
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
    if topic is Topic.LICENCE:
        from bot.roles.licences import load_licences

        code = facts.role.onet_code or ""
        names = [r.name for r in load_licences() if code and r.applies_to(code)]
        if names:
            cited.use(LICENCE_TABLE)
        return names or ["none in our licence table"]
    report = pay_report(facts, place)
    local = place is not None and not place.national
    benchmarks = [] if local else page_benchmarks(facts, cited)
    if report is None or not report.available:
        return {
            "median_year": None,
            "median_hour": None,
            "area": "",
            "benchmarks": benchmarks,
            "value": None,
        }
    cited.use(pay_citation(report))
    annual = _figures(report.annual)
    hourly = _figures(report.hourly)
    value = report.annual.median.value if report.annual is not None else None
    return {
        "median_year": annual["median"],
        "median_hour": hourly["median"],
        "area": report.area_name,
        "benchmarks": benchmarks,
        "value": value,
    }


def difference(
    first: str, first_value: float | None, second: str, second_value: float | None
) -> dict[str, str] | None:
    """Which of two medians is higher, by how much and by what share of the lower."""
    if first_value is None or second_value is None:
        return None
    if first_value == second_value:
        return {"higher": "", "lower": "", "amount": "$0", "percent": "0%"}
    high, low = (first, second) if first_value > second_value else (second, first)
    big, small = max(first_value, second_value), min(first_value, second_value)
    return {
        "higher": high,
        "lower": low,
        "amount": f"${big - small:,.0f}",
        "percent": f"{(big / small - 1) * 100:.0f}%",
    }


def compare(
    first: RoleFacts,
    second: RoleFacts,
    cited: Cited,
    place: Place | None,
    topics: list[Topic],
) -> str:
    chosen: list[Topic] = [t for t in topics if t not in (Topic.DESCRIBE, Topic.CAREER)] or list(
        COMPARE_ASPECTS
    )
    aspects = []
    disagree = False
    notes: list[str] = []
    for topic in chosen:
        label = "BLS OEWS, May 2025"
        if topic is Topic.LICENCE:
            label = LICENCE_TABLE.label
        elif topic is not Topic.PAY:
            label = cited.use(ONET)
        one = _compare_value(topic, first, place, cited)
        two = _compare_value(topic, second, place, cited)
        gap = None
        if topic is Topic.PAY:
            gap = difference(first.title, one["value"], second.title, two["value"])
            disagree = any(v and v["benchmarks"] for v in (one, two))
            for facts in (first, second):
                report = pay_report(facts, place)
                if report is not None:
                    notes.extend(n for n in _pay_notes(report) if n not in notes)
        aspects.append(
            {"name": topic.value, "label": label, "first": one, "second": two, "gap": gap}
        )
    return render(
        "compare",
        first={"title": first.title},
        second={"title": second.title},
        aspects=aspects,
        disagree=disagree,
        notes=notes,
    )


# -- licences and certifications ---------------------------------------------------------------

LICENCE_TABLE = Citation(
    "Newjob licence table",
    "Newjob licence table (roles/licences.yaml), written from O*NET 29.3 and state licensing",
)
_LICENCE_WORDS = re.compile(r"\b(licen[cs]\w*|certif\w*|CDL|commercial driver|permit)", re.I)
MAX_LICENCE_LINES = 2


def _onet_licence_lines(occupation: Occupation | None) -> list[str]:
    """Sentences of O*NET's description and tasks that speak of a licence or certificate."""
    if occupation is None:
        return []
    texts = [*re.split(r"(?<=\.)\s+", occupation.description), *(t.text for t in occupation.tasks)]
    return [t.strip() for t in texts if _LICENCE_WORDS.search(t)][:MAX_LICENCE_LINES]


def licence(facts: RoleFacts, cited: Cited, place: Place | None) -> Section:
    from bot.posting.places import US_STATES
    from bot.roles.licences import load_licences

    code = facts.role.onet_code or ""
    rows = [row for row in load_licences() if code and row.applies_to(code)]
    state_code = place.area.state if place and place.area and place.found else None
    state = US_STATES.get(state_code or "") if place and place.area and not place.national else None
    items = [
        {
            "name": row.name,
            "text": row.bullet("mid", state),
            "required": row.required and not row.conditional,
            "conditional": row.conditional,
            "levels": list(row.levels),
            "varies": row.varies,
        }
        for row in rows
    ]
    onet_lines = _onet_licence_lines(facts.occupation)
    text = render(
        "licence",
        title=facts.title,
        onet_title=facts.onet_title,
        items=items,
        state=state or "",
        table_label=cited.use(LICENCE_TABLE) if items else "",
        onet_lines=onet_lines,
        onet_label=cited.use(ONET) if onet_lines or not items else ONET.label,
    )
    # Saying that neither source names a licence is an answer too, from O*NET's text.
    return Section(text, facts.occupation is not None or bool(items))


# -- career paths ------------------------------------------------------------------------------

STEP_SHARE = 0.10  # a related job at the same Job Zone is a step up (down) when its median pay
# is at least this much higher (lower)
MAX_STEPS = 4


@cache
def _title_and_zone(code: str) -> tuple[str, int] | None:
    """An occupation's title and Job Zone, kept: a career answer reads twenty of them, and the
    catalogue keeps only the most recently parsed occupations."""
    other = get_catalog().occupation(code)
    if other is None or other.job_zone is None:
        return None
    return other.title, other.job_zone.zone


@cache
def _national_median(code: str) -> float | None:
    report = pay_for(code)
    if not report.available or report.annual is None:
        return None
    return report.annual.median.value


def career(facts: RoleFacts, cited: Cited, direction: str) -> Section:
    occupation = facts.occupation
    if occupation is None or not occupation.related or occupation.job_zone is None:
        return Section(render("no_data", title=facts.title, topics=["career"]), False)
    own_zone = occupation.job_zone.zone
    own_pay = _national_median(occupation.code)
    up: list[dict[str, Any]] = []
    down: list[dict[str, Any]] = []
    side: list[dict[str, Any]] = []
    for related in occupation.related:
        known = _title_and_zone(related.code)
        if known is None:
            continue
        title, zone = known
        median = _national_median(related.code)
        item = {
            "title": title,
            "zone": zone,
            "median": f"${median:,.0f}" if median is not None else "",
        }
        ratio = (median / own_pay - 1) if median is not None and own_pay else 0.0
        if zone > own_zone or (zone == own_zone and ratio >= STEP_SHARE):
            up.append(item)
        elif zone < own_zone or ratio <= -STEP_SHARE:
            down.append(item)
        else:
            side.append(item)
    cited.use(ONET)
    pay_label = "BLS OEWS, May 2025"
    cited.add(
        f"BLS OEWS, May 2025 (United States; national medians of {facts.onet_title} "
        "and its related occupations)"
    )
    text = render(
        "career",
        title=facts.title,
        onet_title=facts.onet_title,
        zone=own_zone,
        own_median=f"${own_pay:,.0f}" if own_pay is not None else "",
        up=up[:MAX_STEPS] if direction != "down" else [],
        down=down[:MAX_STEPS] if direction != "up" else [],
        side=side[:MAX_STEPS] if not direction else [],
        direction=direction,
        onet_label=ONET.label,
        pay_label=pay_label,
    )
    return Section(text, bool(up or down or side))


def compare_places(
    facts: RoleFacts, places: list[Place], cited: Cited, ask: PayAsk | None = None
) -> Section:
    """One role's pay in two places, side by side, with the difference."""
    rows: list[dict[str, Any]] = []
    values: list[float | None] = []
    unfound = [p.typed for p in places if not p.found]
    for place in places[:2]:
        if not place.found:
            continue
        report = pay_report(facts, place)
        if report is None or not report.available:
            rows.append({"area": place.typed, "median_year": None, "median_hour": None})
            values.append(None)
            continue
        cited.use(pay_citation(report))
        annual, hourly = _figures(report.annual), _figures(report.hourly)
        rows.append(
            {
                "area": report.area_name,
                "median_year": annual["median"],
                "median_hour": hourly["median"],
                "note": place_note(place),
                "fell_back": report.fell_back,
            }
        )
        values.append(report.annual.median.value if report.annual is not None else None)
    gap = None
    if len(rows) == 2:
        gap = difference(str(rows[0]["area"]), values[0], str(rows[1]["area"]), values[1])
    text = render(
        "compare_places",
        title=facts.title,
        rows=rows,
        gap=gap,
        unfound=unfound,
        bls_label="BLS OEWS, May 2025",
        hourly=bool(ask and ask.period == "hour"),
    )
    return Section(text, any(v is not None for v in values))


def tools_named(facts: RoleFacts, cited: Cited, words: list[str]) -> Section | None:
    """ "Does a network tech use Cisco?": whether O*NET lists a technology with those words for
    the occupation, or None when the words are no technology name O*NET knows at all."""
    occupation = facts.occupation
    if occupation is None or not words:
        return None
    wanted = {w.lower() for w in words}
    known = set(_technology_counts())

    def named(name: str) -> bool:
        return bool(wanted & set(re.findall(r"[a-z0-9+#]+", name.lower())))

    if not any(named(name) for name in known):
        return None
    listed = [t.name for t in _hot_first(occupation) if named(t.name)]
    text = render(
        "tools_named",
        title=facts.title,
        onet_title=facts.onet_title,
        words=words,
        listed=listed[:MAX_LIST],
        total=len(occupation.technology),
        onet_label=cited.use(ONET),
    )
    return Section(text, True)
