"""Candidate-facing posting content for an occupation no curated file covers.

The rules a recruiter follows, applied to O*NET 29.3: core tasks first, no supervising outside
lead postings, no classification prose, tools a candidate would recognise rather than office
software, education as the employer's requirement, and the pay basis the job is usually paid
in. The wording that is not O*NET's own (why the work matters, plain must-haves) comes from
`prompts/roles.yaml`, by SOC major group.
"""

from __future__ import annotations

import re
from functools import cache, partial
from typing import Any

import yaml

from bot.catalog.models import Occupation
from bot.paths import prompts_dir
from bot.roles.template import Level, RolePosting, RoleTemplate
from bot.text import say

MAX_DUTIES = 6
_MAX_DUTY_WORDS = 26

# Work that only someone leading others does.
SUPERVISING = re.compile(
    r"\b(supervis(?:e|es|ed|ing|ion)\b|"
    r"(?:manage and )?direct(?:s|ing)? (?:and coordinate )?(?:the )?"
    r"(?:work|activities|staff|workers|employees|personnel|construction)|"
    r"assign\w* (?:work|duties|tasks)|hire\w*|hiring|recruit\w*|"
    r"(?:evaluate|appraise|review)\w* (?:the )?(?:work )?performance|discipline\w*|"
    r"observe (?:nurses|workers|staff|employees)|monitor (?:workers|staff|employees)|"
    r"train(?:s|ing)? (?:and supervise )?(?:new |other )?(?:workers|staff|employees|personnel)|"
    r"schedul\w* (?:work|staff|workers|employees)|subordinates?|manage (?:staff|personnel))\b",
    re.I,
)
# Occupations paid by the hour in most US workplaces, by SOC major group.
_HOURLY_GROUPS = frozenset({"31", "33", "35", "37", "39", "43", "45", "47", "49", "51", "53"})
_LEAD_TITLE = re.compile(r"\b(supervisors?|managers?|directors?|chief|executives?|heads?)\b", re.I)


@cache
def _text() -> dict[str, Any]:
    data = yaml.safe_load((prompts_dir() / "roles.yaml").read_text(encoding="utf-8"))
    return data if isinstance(data, dict) else {}


def _group(code: str) -> dict[str, Any]:
    groups: dict[str, Any] = _text().get("groups", {})
    return groups.get(code[:2], {}) or {}


def pay_basis_for(code: str, job_zone: int | None) -> str:
    """'hour' or 'year': how the occupation is usually paid in the US."""
    group = code[:2]
    if group in _HOURLY_GROUPS:
        return "hour"
    if group == "41":  # retail and counter sales are hourly; sales representatives salaried
        return "hour" if code.startswith("41-2") else "year"
    if group == "29":  # clinical technicians and most nurses by the hour; doctors salaried
        return "year" if (job_zone or 0) >= 5 else "hour"
    return "year"


def default_level_for(occupation: Occupation) -> Level:
    if occupation.code.startswith("11-") or _LEAD_TITLE.search(occupation.title):
        return "lead"
    zone = occupation.job_zone.zone if occupation.job_zone else 3
    return "entry" if zone <= 2 else "mid"


def plain_duty(task: str) -> str:
    """A task statement as a posting bullet: plain words, no asides, one full stop."""
    text = re.sub(r"\s*\([^)]*\)", "", task).strip()
    text = re.sub(r"\s+", " ", text)
    for pattern, plain in _plain_words():
        text = pattern.sub(partial(_same_case, plain), text)
    return text if text.endswith((".", "!", "?")) else text + "."


@cache
def _plain_words() -> tuple[tuple[re.Pattern[str], str], ...]:
    table: dict[str, str] = _text().get("plain_words", {})
    return tuple((re.compile(rf"\b{re.escape(k)}\b", re.I), v) for k, v in table.items())


def _same_case(plain: str, found: re.Match[str]) -> str:
    return plain[:1].upper() + plain[1:] if found.group(0)[:1].isupper() else plain


_WORD = re.compile(r"[a-z]{4,}")
_COMMON = frozenset({"with", "from", "that", "such", "other", "into", "their", "them", "using"})


def _stems(text: str) -> set[str]:
    return {word[:5] for word in _WORD.findall(text.lower()) if word not in _COMMON}


# Description sentences that classify rather than describe the work.
_NOT_WORK = re.compile(
    r"^(?:all |may|includes?|excludes?|licens|certif|usually|often|typically|duties|"
    r"work(?:s)? (?:in|for|under))",
    re.I,
)
_SUCH_AS = re.compile(r"(,? such as )([^.;]+)")


def _shorter_list(match: re.Match[str]) -> str:
    """'such as roads, railroads, airports, bridges and dams' -> 'such as roads, railroads
    and airports'."""
    items = [i.strip() for i in re.split(r",\s*(?:and |or )?|\s+(?:and|or)\s+", match.group(2))]
    items = [i for i in items if i]
    if len(items) <= 3:
        return match.group(0)
    return f"{match.group(1)}{items[0]}, {items[1]} and {items[2]}"


def description_duties(occupation: Occupation) -> list[str]:
    """The main work the occupation's description names, one bullet a sentence.

    O*NET lists tasks alphabetically, so the description is the only word on what the job is
    mostly about; its "may", "includes" and licensing sentences are classification, not work.
    """
    duties = []
    for sentence in re.split(r"(?<=\.)\s+", occupation.description):
        sentence = sentence.strip()
        if not sentence or _NOT_WORK.match(sentence) or SUPERVISING.search(sentence):
            continue
        text = plain_duty(_SUCH_AS.sub(_shorter_list, sentence))
        if len(text.split()) <= _MAX_DUTY_WORDS:
            duties.append(text)
    return duties


def _same_work(one: str, other: str) -> bool:
    mine, theirs = _stems(one), _stems(other)
    return bool(mine) and len(mine & theirs) >= max(2, (2 * len(mine)) // 3)


def duties_for(occupation: Occupation) -> tuple[list[str], list[str]]:
    """(the job's own duties, main work first; the lead duties O*NET lists).

    O*NET lists tasks alphabetically. The occupation's description names its main work, so
    core tasks that share the most words with it come first; supplemental tasks follow.
    """
    described = _stems(occupation.description)

    def weight(task: Any) -> tuple[bool, float]:
        # Main work first; among equals, the plainer statement (fewer long words) first.
        words = task.text.split()
        heavy = sum(1 for word in words if len(word.strip(",.;")) >= 11)
        plain = 0.7 * heavy + 0.2 * max(0, len(words) - 14)
        return (not task.core, plain - len(_stems(task.text) & described))

    ordered = sorted(occupation.tasks, key=weight)
    own: list[str] = description_duties(occupation)
    leading: list[str] = []
    for task in ordered:
        text = plain_duty(task.text)
        if len(text.split()) > _MAX_DUTY_WORDS:
            continue
        if SUPERVISING.search(text):
            leading.append(text)
        elif not any(_same_work(text, earlier) for earlier in own):
            own.append(text)
    return list(dict.fromkeys(own)), list(dict.fromkeys(leading))


def tools_for(occupation: Occupation, limit: int = 4) -> list[str]:
    """Technology that job postings for this occupation ask for (O*NET's "in demand"), less
    the office software every job uses."""
    generic = {name.casefold() for name in _text().get("generic_tools", [])}
    names = [t.name for t in occupation.technology if t.in_demand]
    chosen = [_tool_name(n) for n in dict.fromkeys(names) if n.casefold() not in generic]
    return [name for name in chosen if name][:limit]


def _tool_name(name: str) -> str:
    """'Amazon Web Services AWS software' -> 'Amazon Web Services AWS'."""
    if len(name.split()) < 3:
        return name
    return re.sub(r"\s+software$", "", name).strip()


def education_for(occupation: Occupation) -> str:
    """The employer's requirement for the education level most workers report."""
    top = occupation.top_education()
    zone = occupation.job_zone.zone if occupation.job_zone else 2
    category = top.category if top else {1: 1, 2: 2, 3: 3, 4: 6, 5: 8}.get(zone, 2)
    return say(f"compose.education.{category}")


def _lower_first(text: str) -> str:
    return text[:1].lower() + text[1:] if text[:2] != text[:2].upper() else text


def does_for(duties: list[str], description: str = "") -> str:
    """'You'll record patients' vital signs …': the main duty, in the second person.

    Of the first few duties, the short one closest to what the occupation is said to do first.
    """
    lead = _stems(re.split(r"(?<=\.)\s", description, maxsplit=1)[0]) if description else set()
    short = [duty for duty in duties[:4] if len(duty.split()) <= 16] or duties[:1]
    short.sort(key=lambda duty: -len(_stems(duty) & lead))
    first = short[0].rstrip(".") if short else "do the work of this job"
    return say("compose.does", duty=_lower_first(first))


def posting_for(occupation: Occupation) -> RolePosting:
    """The RolePosting a curated file would give, built from the catalogue by rule."""
    group = _group(occupation.code)
    own, leading = duties_for(occupation)
    level = default_level_for(occupation)
    generic: dict[str, list[str]] = {
        "senior": list(_text().get("senior_duties", [])),
        "lead": list(_text().get("lead_duties", [])),
    }
    if level == "lead":
        duties = (leading[:3] + own)[:MAX_DUTIES]
        lead_duties: list[str] = []
    else:
        duties = own[:MAX_DUTIES]
        lead_duties = (leading[:2] or generic["lead"])[:3]
    if len(duties) < 5:  # a thin occupation: longer task statements rather than none
        longer = [plain_duty(t.text) for t in occupation.tasks if not SUPERVISING.search(t.text)]
        duties = list(dict.fromkeys(duties + longer))[:MAX_DUTIES]
    for extra in _text().get("generic_duties", []):
        if len(duties) >= 5:  # an occupation O*NET gives few tasks (or none)
            break
        duties.append(extra)
    # The summary says the main work in one sentence; the list then goes on from there.
    main = description_duties(occupation)[:1] or duties[:1]
    does = does_for(main, occupation.description)
    if main and main[0] in duties and len(duties) > 5:
        duties.remove(main[0])
    tools = tools_for(occupation)
    must_haves = list(group.get("must_haves", []))
    if tools:
        must_haves.insert(0, say("compose.tools", tools=_joined(tools)))
    while len(must_haves) < 2:
        must_haves.append(say("compose.generic_must_have"))
    zone = occupation.job_zone.zone if occupation.job_zone else 3
    physical = _text().get("physical", {}).get(occupation.code[:2], "")
    return RolePosting(
        default_level=level,
        pay_basis="hour" if pay_basis_for(occupation.code, zone) == "hour" else "year",
        does=does,
        matters=group.get("matters", ""),
        duties=duties[:7],
        senior_duties=generic["senior"],
        lead_duties=lead_duties,
        must_haves=must_haves[:5],
        education=education_for(occupation),
        entry_experience=say("compose.entry_trained" if zone <= 2 else "compose.entry_school"),
        tools=tools,
        physical_demands=physical,
    )


def _joined(items: list[str]) -> str:
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " or " + items[-1]


def fallback_posting(role: RoleTemplate) -> RolePosting:
    """Posting content for a role file that has none: its own duties, plain must-haves."""
    group = _group(role.onet_code or "")
    duties = [plain_duty(d) for d in (role.duties or role.tasks) if not SUPERVISING.search(d)]
    duties = list(dict.fromkeys(duties))[:MAX_DUTIES]
    padding = [d for d in _text().get("generic_duties", []) if d not in duties]
    duties += padding[: max(0, 5 - len(duties))]
    must_haves = list(group.get("must_haves", [])) or [say("compose.generic_must_have")]
    if len(must_haves) < 2:
        must_haves.append(say("compose.careful_work"))
    return RolePosting(
        default_level=role.seniority or "mid",
        pay_basis="hour"
        if pay_basis_for(role.onet_code or "", role.job_zone) == "hour"
        else "year",
        does=does_for(duties),
        matters=group.get("matters", ""),
        duties=duties,
        senior_duties=list(_text().get("senior_duties", [])),
        lead_duties=list(_text().get("lead_duties", []))[:3],
        must_haves=must_haves[:5],
        education=say("compose.education.2"),
    )
