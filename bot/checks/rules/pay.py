"""Pay transparency: does the law where the job is require pay in the posting, and is it there?

The law table (data/pay_laws.yaml) says, for each state, city or province, since when postings
must state pay, whether as a closed range, whether benefits must be described too and for which
employers. A job is covered by the laws of the place it is done; a remote job open to a whole
country by every covered place in that country. Laws not yet in force on `today` give a note.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from functools import cache

from bot.checks import rulebook
from bot.checks.document import Document
from bot.checks.model import Finding
from bot.checks.rulebook import Law, LawNote
from bot.checks.rules.wording import has_real_benefits
from bot.posting.model import Location, Pay, Workplace, format_money
from bot.posting.places import CA_PROVINCES, US_STATES

RULE = "pay-transparency"
_PER_YEAR = {"hour": 2080, "day": 260, "week": 52, "month": 12, "year": 1}


@dataclass(frozen=True)
class Area:
    """Where a job can be done: a country, or a region in it, or a city in that region."""

    country: str
    region: str = ""
    city: str = ""


def areas(location: Location) -> list[Area] | None:
    """The places a job can be done from; None means anywhere in the world."""
    country = location.country
    region = location.region
    # "Los Angeles, CA": CA is California here, whatever the parser made of it.
    if region and (not country or (country == "CA" and region not in CA_PROVINCES)):
        country = "US" if region in US_STATES else "CA" if region in CA_PROVINCES else country
    if location.workplace is Workplace.REMOTE:
        if not location.remote_regions:
            return [Area(country)] if country else None
        found = []
        for code in location.remote_regions:
            nation, _, region = code.partition("-")
            found.append(Area(nation, region))
        return found
    return [Area(country, region, location.city.lower())]


def _covers(law: Law, area: Area) -> bool:
    if law.country != area.country:
        return False
    if not area.region:
        return True  # open to the whole country
    if law.region != area.region:
        return False
    if law.city is None or not area.city:
        return True  # a state law, or a remote job open to the whole state
    return area.city in law.cities


def covering_laws(location: Location) -> tuple[list[Law], list[LawNote]]:
    """The pay-transparency laws and notes that reach a job at `location`."""
    table = rulebook.law_table()
    places = areas(location)
    if places is None:
        return list(table.laws), list(table.notes)
    laws = [law for law in table.laws if any(_covers(law, area) for area in places)]
    countries = {area.country for area in places}
    notes = [note for note in table.notes if countries.intersection(note.countries)]
    return laws, notes


def _annual(amount: float, pay: Pay) -> float:
    return amount * _PER_YEAR[pay.period]


def _problems(law: Law, document: Document) -> list[str]:
    pay = document.pay
    found: list[str] = []
    if pay is None and document.pay_rate:
        pass  # pay by the mile, visit or piece: stated, in the unit the job is paid by
    elif pay is None:
        found.append("vague" if document.pay_vague or document.pay_text else "missing")
    elif pay.minimum == pay.maximum and document.pay_vague:
        found.append("open_ended")  # "$65,000 DOE": one figure that moves with experience
    else:
        top = pay.maximum if pay.maximum is not None else pay.minimum
        exempt = law.requires.width_exempt_above
        if exempt is not None and top is not None and _annual(top, pay) > exempt:
            return []
        if pay.is_open_ended:
            found.append("open_ended")
        width = law.requires.max_range_width
        if width is not None and pay.is_range:
            assert pay.minimum is not None and pay.maximum is not None
            if _annual(pay.maximum - pay.minimum, pay) > width:
                found.append("too_wide")
    if law.requires.benefits and not _has_benefits(document):
        found.append("benefits")
    return found


@cache
def _deadline_patterns() -> tuple[re.Pattern[str], re.Pattern[str]]:
    data = rulebook.load("content")
    return (
        re.compile(rulebook.tidy(data["deadline"]), re.IGNORECASE),
        re.compile(rulebook.tidy(data["date"]), re.IGNORECASE),
    )


def has_deadline(document: Document) -> bool:
    """Whether the posting says when applications close, as a date."""
    if document.posting is not None:
        return document.posting.closing_date is not None
    words, date = _deadline_patterns()
    if document.closing_date and date.search(document.closing_date):
        return True
    for unit in document.units:
        for match in words.finditer(unit.text):
            if date.search(unit.text[match.start() : match.end() + 60]):
                return True
    return False


def _check_deadline(document: Document, laws: list[Law]) -> Iterator[Finding]:
    which = [
        law
        for law in laws
        if law.requires.deadline_from is not None
        and law.requires.deadline_from <= document.today
        and law.effective <= document.today
    ]
    if not which or has_deadline(document):
        return
    words, _ = _deadline_patterns()
    vague = next((m.group(0) for u in document.units if (m := words.search(u.text))), "")
    params = {"places": _names(which), "sources": _sources(which), "vague": vague}
    yield Finding(
        category="pay-transparency",
        severity="error",
        message=rulebook.say("pay.deadline", **params),
        excerpt=vague,
        suggestion=rulebook.say("pay.fix_deadline"),
        field="closing_date",
        rule=f"{RULE}:deadline",
    )


def _has_benefits(document: Document) -> bool:
    if has_real_benefits(document):
        return True
    perks = rulebook.word_entries("jargon")
    hollow = next(entry.regex for entry in perks if entry.id == "hollow-perks")
    leftover = hollow.sub(" ", document.benefits_text)
    return len([w for w in leftover.split() if w.isalpha()]) >= 3


# Past this many places a finding names them and their short citations only.
_DETAILED = 2


def _who(law: Law, detailed: bool) -> str:
    if detailed and law.min_employees > 1:
        return rulebook.say("pay.who", name=law.name, employers=law.employers)
    return law.name


def _names(laws: list[Law]) -> str:
    names = [_who(law, len(laws) <= _DETAILED) for law in laws]
    if len(names) == 1:
        return names[0]
    return rulebook.say("common.and", first=", ".join(names[:-1]), last=names[-1])


def _sources(laws: list[Law]) -> str:
    if len(laws) <= _DETAILED:
        return "; ".join(law.source for law in laws)
    return "; ".join(law.cite for law in laws)


def check_pay(document: Document) -> Iterator[Finding]:
    """Errors for what the laws in force require and the posting lacks; notes for what's coming."""
    if document.location is None:
        yield Finding(
            category="pay-transparency",
            severity="info",
            message=rulebook.say("pay.no_location"),
            suggestion=rulebook.say("pay.no_location_fix"),
            field="location",
            rule=RULE,
        )
        return
    laws, notes = covering_laws(document.location)
    by_problem: dict[tuple[str, bool], list[Law]] = {}
    for law in laws:
        in_force = law.effective <= document.today
        for problem in _problems(law, document):
            by_problem.setdefault((problem, in_force), []).append(law)
    pay = document.pay
    for (problem, in_force), which in sorted(by_problem.items(), key=lambda kv: not kv[0][1]):
        params = {
            "places": _names(which),
            "sources": _sources(which),
            "pay": pay.describe() if pay else "",
            "vague": document.pay_vague or document.pay_text,
            "width": format_money(which[0].requires.max_range_width or 0, "CAD"),
            "exempt": format_money(which[0].requires.width_exempt_above or 0, "CAD"),
            "dates": ", ".join(f"{law.name} from {law.effective.isoformat()}" for law in which),
        }
        message = rulebook.say(f"pay.{problem}", **params)
        asides = [law.notes for law in which if law.notes and problem in ("missing", "vague")]
        asides = asides if len(which) <= _DETAILED else []
        if asides:
            message = f"{message} {' '.join(asides)}"
        if not in_force:
            message = rulebook.say("pay.coming", dates=params["dates"], message=message)
        yield Finding(
            category="pay-transparency",
            severity="error" if in_force else "info",
            message=message,
            excerpt=(document.pay_vague or document.pay_text)[:120]
            if problem != "benefits"
            else "",
            suggestion=rulebook.say(f"pay.fix_{problem}", **params),
            field="benefits" if problem == "benefits" else "pay",
            rule=f"{RULE}:{problem}",
        )
    yield from _check_deadline(document, laws)
    for note in notes:
        due = "before" if document.today < note.due else "after"
        yield Finding(
            category="pay-transparency",
            severity="info",
            message=rulebook.say(f"pay.eu_{due}", source=note.source, due=note.due.isoformat()),
            suggestion=rulebook.say("pay.fix_eu"),
            field="pay",
            rule=f"{RULE}:{note.id}",
        )
