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
_MAX_DUTY_WORDS = 22

# Work that only someone leading others does.
SUPERVISING = re.compile(
    r"\b(supervis(?:e|es|ed|ing|ion)\b|"
    r"direct(?:s|ing)? (?:and|or) coordinate|"
    r"(?:manage and )?direct(?:s|ing)? (?:the )?(?:\w+ )?"
    r"(?:work|activities|staff|workers|employees|personnel|construction)|"
    r"assign\w* (?:work|duties|tasks)|hire\w*|hiring|recruit\w*|"
    r"(?:evaluate|appraise|review)\w* (?:the )?(?:work )?performance|discipline\w*|"
    r"observe (?:nurses|workers|staff|employees)|monitor (?:workers|staff|employees)|"
    r"train(?:s|ing)? (?:and supervise )?(?:new |other )?(?:workers|staff|employees|personnel)|"
    r"schedul\w* (?:work|staff|workers|employees)|subordinates?|manage (?:staff|personnel))\b",
    re.I,
)
# Occupations paid by the hour in most US workplaces, by SOC major group.
# What a lead's own duties do: assign, direct, schedule, supervise, train or hire.
_LEADS_PEOPLE = re.compile(
    r"\b(?:assign\w*|supervis\w*|direct\w*|schedul\w*|train\w*|coach\w*|hire|hiring)\b", re.I
)
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
    """A task statement as a posting bullet: plain words, no asides, one full stop.

    O*NET writes "or" where a posting means "and" ("Roll, knead, cut, or shape dough … cookies,
    or other products"): a list reads as a list, the catch-all "as necessary" goes, and a list
    of more than four examples keeps its first three.
    """
    text = re.sub(r"\s*\([^)]*\)", "", task).strip()
    text = re.sub(r"\s+", " ", text)
    text = _AS_NEEDED.sub("", text.rstrip(".")).strip()
    for pattern, plain in _plain_words():
        text = pattern.sub(partial(_same_case, plain), text)
    text = _SUCH_AS.sub(_shorter_list, text)
    text = _OR_OTHER.sub(r"\1and other ", text)
    text = _LIST_OR.sub(" and ", text)
    text = _OXFORD.sub(" and ", text)
    text = text[:1].upper() + text[1:]
    return text if text.endswith((".", "!", "?")) else text + "."


_AS_NEEDED = re.compile(
    r",?\s+(?:as (?:necessary|needed|required|appropriate)|accordingly)(?=[,.;]|$)", re.I
)
_OR_OTHER = re.compile(r"(,?\s)or other ", re.I)
# ", or shape" / ", or other" at the end of a comma list: the list's "and".
_LIST_OR = re.compile(r",\s+or\s+(?=\w)")
_OXFORD = re.compile(r"(?<=\w),\s+and\s+(?=\w)")


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
    # Only a plain list of examples: five or more short names ("roads, railroads, …").
    if len(items) < 5 or any(len(item.split()) > 3 for item in items):
        return match.group(0)
    return f"{match.group(1)}{items[0]}, {items[1]} and {items[2]}"


def _same_work(one: str, other: str) -> bool:
    mine, theirs = _stems(one), _stems(other)
    return bool(mine) and len(mine & theirs) >= max(2, (2 * len(mine)) // 3)


# Tasks about keeping oneself current, not about the job's work: no posting lists them.
_NOT_A_DUTY = re.compile(
    r"\b(?:continuing education|professional development|keep abreast|stay (?:current|abreast)|"
    r"maintain (?:or update |and update )?(?:\w+ )?(?:skills|knowledge|licens\w*|certification)|"
    r"attend (?:\w+ )?(?:conferences|seminars|workshops|training|courses|meetings)|"
    r"read (?:\w+ )?(?:journals|literature|publications)|professional (?:journals|literature)|"
    r"participate in (?:\w+ )?(?:professional|continuing)|"
    r"^use (?:hand ?tools|handtools)\b|^dress (?:in|with) )",
    re.I,
)


def duties_for(occupation: Occupation) -> tuple[list[str], list[str]]:
    """(the job's own duties, main work first; the lead duties O*NET lists).

    The catalogue keeps O*NET's own task order, core tasks first, which puts an occupation's
    main work at the top (a hygienist's gum exams and cleanings before community clinics).
    Supervising goes to the lead list; keeping up one's own skills is no duty; a task that
    says mostly what an earlier one said is left out.
    """
    own: list[str] = []
    heavy: list[str] = []
    leading: list[str] = []
    for task in occupation.tasks:
        if _NOT_A_DUTY.search(task.text):
            continue
        text = short_duty(plain_duty(task.text))
        if len(text.split()) > _MAX_DUTY_WORDS:
            continue
        if SUPERVISING.search(text):
            leading.append(text)
        elif any(_same_work(text, earlier) for earlier in own):
            continue
        elif _hard_to_read(text):
            heavy.append(text)
        else:
            own.append(text)
    # Heavy statements only where the plain ones run out, in O*NET's order after them.
    own += heavy[: max(0, MAX_DUTIES - len(own))]
    return list(dict.fromkeys(own)), list(dict.fromkeys(leading))


def _hard_to_read(text: str) -> bool:
    """A statement of reference-data words: three or more words of eleven letters or more
    ("specifications", "conformance", "environmental", …)."""
    return sum(1 for word in re.findall(r"[A-Za-z-]+", text) if len(word) >= 11) >= 3


def tools_for(occupation: Occupation, limit: int = 4) -> list[str]:
    """Technology that job postings for this occupation ask for (O*NET's "in demand"), less
    the office software every job uses; a product named inside a longer one it is part of
    ("Autodesk AutoCAD" in "Autodesk AutoCAD Civil 3D") is named once."""
    generic = {name.casefold() for name in _text().get("generic_tools", [])}
    names = [t.name for t in occupation.technology if t.in_demand]
    chosen = [_tool_name(n) for n in dict.fromkeys(names) if n.casefold() not in generic]
    chosen = [name for name in chosen if name]
    distinct = [
        name
        for name in chosen
        if not any(other != name and other.startswith(name + " ") for other in chosen)
    ]
    return distinct[:limit]


def _tool_name(name: str) -> str:
    """A technology as a posting names it.

    'Amazon Web Services AWS software' -> 'Amazon Web Services (AWS)'; a kind of software
    rather than a product ('Property management system PMS') in lower case:
    'property management system (PMS)'.
    """
    if len(name.split()) >= 3:
        name = re.sub(r"\s+software$", "", name).strip()
    words = name.split()
    for vendor in _text().get("tool_vendors", []):
        if name.startswith(vendor + " ") and len(name) > len(vendor) + 2:
            words = name[len(vendor) + 1 :].split()  # "Autodesk AutoCAD" -> "AutoCAD"
            break
    if len(words) >= 3 and words[-1].isupper() and not words[-2].isupper():
        initials = "".join(w[0] for w in words[:-1] if w[:1].isalpha()).upper()
        if words[-1] == initials or initials.startswith(words[-1]) or words[-1] in initials:
            words = [*words[:-1], f"({words[-1]})"]
    if len(words) >= 3 and words[-1].startswith("(") and words[1][:1].islower():
        # A kind of software named with its acronym, not a product: lower case.
        words[0] = words[0].lower()
    return " ".join(words)


_FIELD_TITLE = re.compile(r"^(?P<field>[A-Z][\w ,-]*?) Engineers?$")


def field_for(occupation: Occupation) -> str:
    """The field a degree for this job is in ('civil engineering'), or '' if no rule knows it.

    Our own table in prompts/roles.yaml, keyed by O*NET-SOC code; engineers by their title."""
    fields: dict[str, str] = _text().get("education_fields", {})
    field = fields.get(occupation.code) or fields.get(occupation.code[:7], "")
    if field:
        return field
    title = re.sub(r",.*$", "", occupation.title)
    match = _FIELD_TITLE.match(title)
    if match and "," not in match.group("field"):
        return f"{match.group('field').lower()} engineering"
    return ""


def education_for(occupation: Occupation) -> str:
    """The employer's requirement for the education level most workers report, in the job's
    field where the table or the title says which field that is."""
    lines: dict[str, str] = _text().get("education_lines", {})
    if occupation.code in lines:
        return lines[occupation.code]
    top = occupation.top_education()
    zone = occupation.job_zone.zone if occupation.job_zone else 2
    category = top.category if top else {1: 1, 2: 2, 3: 3, 4: 6, 5: 8}.get(zone, 2)
    text = say(f"compose.education.{category}")
    field = field_for(occupation)
    if field and "in a related field" in text:
        # "computer science, information security or information systems" + "a related field"
        listed = ", ".join(part.strip() for part in re.split(r",| or ", field) if part.strip())
        text = text.replace("in a related field", f"in {listed} or a related field")
    return text


def what_they_do(occupation: Occupation) -> str:
    """The description's first sentence as the work a candidate will do ('mix and bake …').

    "Perform engineering duties in planning …" says "work on planning …"; "or supervise" among
    the verbs goes (supervising is lead work); a long sentence ends before its qualifying
    clause ("…, including …", "… that improve …"); a list of examples keeps its first three."""
    first = next(
        (s for s in re.split(r"(?<=\.)\s+", occupation.description) if not _NOT_WORK.match(s)),
        "",
    )
    first = re.sub(r",? (?:or|and) supervise\b", "", first)
    if not first or SUPERVISING.search(first):
        return ""
    text = plain_duty(first).rstrip(".")
    text = re.sub(r"^(?:Perform|Do) (?:\w+ )?duties (?:in|of|related to) ", "Work on ", text)
    if len(text.split()) > _MAX_DUTY_WORDS:
        text = _QUALIFIER.split(text, maxsplit=1)[0]
    return text if 4 <= len(text.split()) <= _MAX_DUTY_WORDS else ""


# Where a long description sentence stops naming the work and starts qualifying it.
_QUALIFIER = re.compile(r",? (?:including|that|which|resulting|in order|so that)\b|, such as ")


def main_work_first(duties: list[str], main: str) -> list[str]:
    """The duty that says most of what the description calls the main work goes first: a
    phlebotomist's "Draw blood …" before "Dispose of contaminated sharps …"."""
    wanted = _stems(main)
    verb = main.split()[0].lower()[:4] if main.split() else ""
    if not wanted or not duties or verb == "work":
        return duties

    def score(duty: str) -> int:
        # The main work's own verb among the duty's first words ("Apply paint …"), and
        # two more words in common.
        opening = {word.lower()[:4] for word in re.findall(r"[A-Za-z]+", duty)[:4]}
        return len(_stems(duty) & wanted) if verb in opening else 0

    scores = [score(duty) for duty in duties]
    best = max(range(len(duties)), key=lambda i: (scores[i], -i))
    if scores[best] < 2 or best == 0:
        return duties
    return [duties[best], *duties[:best], *duties[best + 1 :]]


# Where a long task statement stops saying what is done and starts saying why or how:
# its tools (", using …"), its purpose ("to determine …") or its standard ("according to …").
_TAIL = re.compile(
    r", using |,? according to |,? in accordance with | to (?:determine|ensure|make sure|"
    r"comply|verify|assure|ascertain|identify|establish) |,? so that | in order to ",
    re.I,
)


def short_duty(duty: str) -> str:
    """A long bullet without its tools, purpose or standard: "Spread, level and smooth
    concrete, using rake, shovel, …" -> "Spread, level and smooth concrete." """
    if len(duty.split()) <= 14:
        return duty
    cut = _TAIL.split(duty, maxsplit=1)[0].rstrip(".,")
    if len(cut.split()) < 5 or re.search(r"\b(?:and|or|of|for|with)$", cut):
        return duty  # the cut would leave half a sentence
    return cut + "."


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
        lead_duties = leading[:2]
        if not any(_LEADS_PEOPLE.search(duty) for duty in lead_duties):
            # "Participate in … student recruitment" is O*NET's, but no lead's main work.
            lead_duties = [*generic["lead"][:1], *lead_duties][:2]
    if len(duties) < 5:  # a thin occupation: longer task statements rather than none
        longer = [plain_duty(t.text) for t in occupation.tasks if not SUPERVISING.search(t.text)]
        duties = list(dict.fromkeys(duties + longer))[:MAX_DUTIES]
    for extra in _text().get("generic_duties", []):
        if len(duties) >= 5:  # an occupation O*NET gives few tasks (or none)
            break
        duties.append(extra)
    # The summary says the main work in one sentence, in the description's words; the duty
    # closest to it leads the list, unless the summary already says it in the same words.
    main = what_they_do(occupation)
    does = say("compose.does", duty=_lower_first(main)) if main else does_for(duties)
    if main and level != "lead":
        duties = main_work_first(duties, main)
        if len(duties) > 5 and _same_work(main, duties[0]) and _same_work(duties[0], main):
            duties = duties[1:]
    elif not main and len(duties) > 5:
        # The summary borrowed a duty's words: the list does not say them again.
        duties = [d for d in duties if _lower_first(d.rstrip(".")) not in does] or duties
    tools = tools_for(occupation)
    must_haves = list(group.get("must_haves", []))
    if tools:
        must_haves.insert(0, say("compose.tools", tools=_joined(tools)))
    # Four to six lines under What you bring: pad with plain lines true of any job, counting
    # only what working conditions do not already say (compose.must_haves drops the pounds).
    for extra in (say("compose.careful_work"), say("compose.generic_must_have")):
        if len([m for m in must_haves if "pounds" not in m]) >= 3:
            break
        if not any(len(_stems(extra) & _stems(m)) >= 2 for m in must_haves):
            must_haves.append(extra)
    zone = occupation.job_zone.zone if occupation.job_zone else 3
    physical = _text().get("physical", {}).get(occupation.code[:2], "")
    return RolePosting(
        default_level=level,
        pay_basis="hour" if pay_basis_for(occupation.code, zone) == "hour" else "year",
        does=does,
        matters=group.get("matters", ""),
        duties=duties[:MAX_DUTIES],
        senior_duties=generic["senior"],
        lead_duties=lead_duties,
        must_haves=must_haves[:5],
        nice_to_haves=list(group.get("nice_to_haves", []))[:2],
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
