"""The candidate-facing parts of a posting, drafted from a role at one level in one place.

A role's posting content (curated, or generated from O*NET by rule) says what the job is; the
level decides which duties apply, how many years are asked and whether supervising belongs in
it; the place decides how a licence is named ("Current Colorado RN license"). The summary
speaks for the employer: who is hiring, the team, what the person will do and why it matters.
Nothing here is reference material: market pay and sources stay with the manager.
"""

from __future__ import annotations

import re
from typing import Any

from bot.posting.model import Level, Location, Workplace
from bot.posting.places import US_STATES
from bot.roles.licences import licences_for
from bot.roles.template import RolePosting, RoleTemplate
from bot.text import say

YEARS_BY_LEVEL: dict[str, int | None] = {"entry": None, "mid": 2, "senior": 5, "lead": 5}
# Jobs that need little preparation (O*NET job zones 1-3) rarely ask this many years; the
# requirement checks use the same caps (bot/checks/data/requirements.yaml).
YEARS_CAP_BY_ZONE = {1: 1, 2: 2, 3: 5}
MAX_BRING = 6  # "What you bring": four to six must-haves in all
MAX_DUTIES = 7
MAX_NICE = 3
_LEADS_ALREADY = re.compile(
    r"\b(supervisor|manager|director|lead|chief|head|superintendent)\b", re.I
)


def role_posting(role: RoleTemplate) -> RolePosting:
    """The role's posting content; a role file without one gets the catalogue's rules."""
    if role.posting is not None:
        return role.posting
    from bot.roles.generate import fallback_posting

    return fallback_posting(role)


def level_for(role: RoleTemplate, level: str | None) -> Level:
    if level in YEARS_BY_LEVEL:
        return level  # type: ignore[return-value]
    return role_posting(role).default_level


def state_of(location: Location | None) -> str | None:
    """The US state's name a licence is issued by, when the posting has one."""
    if location is None:
        return None
    if location.country in ("US", "") and location.region in US_STATES:
        return US_STATES[location.region]
    states = [c.removeprefix("US-") for c in location.remote_regions if c.startswith("US-")]
    if len(states) == 1 and states[0] in US_STATES:
        return US_STATES[states[0]]
    return None


def posting_title(role: RoleTemplate, level: Level | None = None) -> str:
    """The title candidates search for: 'Senior Registered Nurse', 'Lead Line Cook'."""
    content = role.posting
    title = content.title if content is not None and content.title else role.title
    if level == "senior" and not title.lower().startswith("senior"):
        return f"Senior {title}"
    leads = content is not None and content.default_level == "lead"
    if level == "lead" and not leads and not _LEADS_ALREADY.search(title):
        return f"Lead {title}"
    return title


_LEVEL_WORDS = re.compile(
    r"\b(?:senior|sr\.?|junior|jr\.?|lead|entry[- ]level|mid[- ]level|trainee)\b", re.I
)


def title_for(typed: str, role: RoleTemplate, level: Level) -> str:
    """One rule for a posting's title, in Slack, the playground and `newjob draft` alike.

    The role's proper title ('RN' and 'registered nurse' -> 'Registered Nurse'; 'Senior …' by
    level), unless the typed title says more than another name of the role does ('ICU Nurse',
    'Night Shift Cashier'): then the typed words, capitalised, with the level's word.
    """
    proper = posting_title(role, level)
    words = " ".join(_LEVEL_WORDS.sub(" ", typed).split()).strip(" -,")
    if not words:
        return proper
    names = {role.title, posting_title(role), *role.aliases}
    if words.casefold() in {name.casefold() for name in names} or (
        words.isupper() and len(words) <= 6
    ):
        return proper
    shown = " ".join(w if w.isupper() else w[:1].upper() + w[1:] for w in words.split())
    return posting_title(role.model_copy(update={"title": shown, "posting": None}), level)


def article(phrase: str) -> str:
    """'an' before a vowel sound ('an HVAC Technician', 'an entry-level …'), else 'a'."""
    first = phrase.split()[0] if phrase.split() else ""
    if first.isupper() and len(first) > 1:
        return "an" if first[0] in "AEFHILMNORSX" else "a"
    return "an" if first[:1].lower() in "aeiou" else "a"


def duties_at(content: RolePosting, level: Level) -> list[str]:
    """The duties a posting at this level lists, biggest share of time first."""
    if level == "entry":
        duties = content.entry_duties or content.duties
    elif level == "senior":
        # The job's own work still takes most of the time; the senior extras follow the core.
        duties = [*content.duties[:3], *content.senior_duties, *content.duties[3:]]
    elif level == "lead" and content.default_level != "lead":
        duties = [*content.lead_duties, *content.duties]
    else:
        duties = content.duties
    return list(dict.fromkeys(duties))[:MAX_DUTIES]


def a_title(title: str, level: Level) -> str:
    """'an entry-level Network Technician', 'a senior Registered Nurse', 'a Cook'."""
    word = say(f"compose.level_word.{level}")
    if (level == "lead" and _LEADS_ALREADY.search(title)) or title.lower().startswith(word or "-"):
        word = ""
    phrase = f"{word} {title}".strip()
    return f"{article(phrase)} {phrase}"


def summary_for(
    role: RoleTemplate,
    level: Level,
    *,
    title: str,
    company: str = "",
    about: str = "",
    team: str = "",
    place: str = "",
) -> str:
    """Two to four sentences: who is hiring, the team, what the person will do, why it matters."""
    content = role_posting(role)
    sentences = [
        say(
            "compose.hiring",
            about=_first_sentences(about, 1),
            # "Kai Kitchen is a restaurant in Honolulu. We're hiring…": the company's own words
            # already say who and where (the header line says where too).
            company="" if about else company,
            a_title=a_title(title, level),
            team=team,
            place="" if about else place,
        ),
        content.does,
    ]
    # Four sentences at most. That we train new people is said once, under What you bring.
    if content.matters:
        sentences.append(content.matters)
    return " ".join(" ".join(s.split()) for s in sentences if s.strip())


def education_for(education: str, *, licensed: bool) -> str:
    """A licensed job's schooling is the licence's: experience does not stand in for it."""
    if not licensed:
        return education
    text = education.replace(", or equivalent experience.", ".")
    return text.replace("in a related field", "from an accredited program in the field")


def years_for(level: Level, job_zone: int | None) -> int | None:
    """Years of experience a posting at this level asks for: none at entry."""
    years = YEARS_BY_LEVEL[level]
    if years is None:
        return None
    cap = YEARS_CAP_BY_ZONE.get(job_zone or 4)
    if cap is not None:
        years = min(years, cap if level in ("senior", "lead") else max(1, cap // 2))
    return years


def experience_note(content: RolePosting, level: Level) -> str:
    if level != "entry":
        return ""
    return content.entry_experience or say("compose.entry_trained")


# A full stop that ends a name, not a sentence: "Champlain Bread Co. is a bakery".
_ABBREVIATION = re.compile(r"\b(?:Co|Corp|Inc|Ltd|LLC|Bros|St|Ave|Dr|Mt|Ft|Jr|Sr|U\.S|No)\.$")


def _first_sentences(text: str, count: int) -> str:
    parts = re.split(r"(?<=[.!?])\s+", " ".join(text.split()))
    sentences: list[str] = []
    for part in parts:
        if sentences and _ABBREVIATION.search(sentences[-1]) and part[:1].islower():
            sentences[-1] += " " + part
        else:
            sentences.append(part)
    return " ".join(sentences[:count]).strip()


_TOKEN = re.compile(r"\b(?:[A-Z][A-Za-z]*[A-Z][A-Za-z0-9]*|[A-Z]{2,}\d*)\b")


_CONTENT = re.compile(r"[a-z]{4,}")


def _words(text: str) -> set[str]:
    return set(_CONTENT.findall(text.lower()))


def _repeats(item: str, other: str) -> bool:
    """Whether two bullets say the same thing: the same credential, or mostly the same words."""
    named = set(_TOKEN.findall(item))
    if named and named & set(_TOKEN.findall(other)):
        return True
    mine, theirs = _words(item), _words(other)
    return bool(mine) and len(mine & theirs) >= max(2, len(mine) // 2)


def _without_repeats(items: list[str], licences: list[str]) -> list[str]:
    """Nice-to-haves that do not name what is already listed (a CPA, hazmat) twice."""
    kept: list[str] = []
    for item in items:
        if any(_repeats(item, other) for other in [*licences, *kept]):
            continue
        kept.append(item)
    return kept


def must_haves(content: RolePosting, *, licences: list[str]) -> list[str]:
    """The role's must-haves, within four to six lines for "What you bring" in all.

    Experience and education take a line each and licences one each; physical demands already
    stated under working conditions are not repeated as a must-have.
    """
    physical = content.physical_demands.lower()
    items = [
        item
        for item in content.must_haves
        if not ("pounds" in item.lower() and "pounds" in physical)
    ]
    education = 0 if content.education.lower().startswith("no ") else 1
    room = MAX_BRING - 1 - education - len(licences)
    return items[: max(2, room)]


def place_phrase(location: Location | None) -> str:
    """'Denver, CO' for a summary; '' for a remote job (the header says where it is open)."""
    if location is None or location.workplace is Workplace.REMOTE:
        return ""
    return ", ".join(part for part in (location.city, location.region) if part)


def drafted(
    role: RoleTemplate,
    *,
    level: Level,
    location: Location | None = None,
    company: str = "",
    about: str = "",
    team: str = "",
) -> dict[str, Any]:
    """The Posting fields a role gives at `level` in `location`, ready for the answers on top."""
    content = role_posting(role)
    state = state_of(location)
    rows = licences_for(role.onet_code, level)
    must = [row.bullet(level, state) for row in rows if row.required]
    nice = [row.bullet(level, state) for row in rows if not row.required]
    title = posting_title(role, level)
    return {
        "title": title,
        "level": level,
        "summary": summary_for(
            role,
            level,
            title=title,
            company=company,
            about=about,
            team=team,
            place=place_phrase(location),
        ),
        "responsibilities": duties_at(content, level),
        "requirements": must_haves(content, licences=must),
        "nice_to_haves": _without_repeats([*nice, *content.nice_to_haves], must)[:MAX_NICE],
        "licences": must,
        "education": education_for(content.education, licensed=bool(must)),
        "years_experience": years_for(level, role.job_zone),
        "experience_note": experience_note(content, level),
        "schedule": content.schedule,
        "physical_demands": content.physical_demands,
        "attribution": "" if role.curated else say("compose.attribution"),
    }
