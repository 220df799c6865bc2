"""The Document: a posting as the checks read it, whether it came as a Posting or as pasted text.

A Document is a list of text units (a paragraph or a bullet), each tagged with the Posting field
or section it belongs to, plus the facts the rules need: pay, location, benefits, years asked.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass, field
from functools import cache

from bot.checks import reader, rulebook
from bot.posting.model import Location, Pay, Posting
from bot.posting.parse import ParseError, parse_location, parse_pay
from bot.roles.template import RoleTemplate

_LABEL_LINE = re.compile(r"^\s*([A-Za-z][A-Za-z /]{0,24}?)\s*:\s*(.+)$")
_ADDRESS = re.compile(r"(?:https?://|www\.)\S+|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")
# Two or more capitalised words in a row, not at the start of the text or a sentence.
_PROPER_NAME = re.compile(
    r"(?<![.!?:]\s)(?<!^)(?<=\s)[A-Z][\w&'’-]*(?:\s+(?:of\s+|&\s+)?[A-Z][\w&'’-]*)+"
)
_END_STOP = re.compile(r"[.!?]$")
_APPLY_WORDS = re.compile(r"\b(?:apply|send|submit|email|e-mail|call|visit)\b", re.I)
_MARKUP = re.compile(r"(\*\*|__|`|\[([^\]]*)\]\([^)]*\))")
_MONEY = re.compile(
    r"(?:[$€£¥₹]|\b(?:usd|cad|eur|gbp|aud)\b)\s?\d|\b\d{1,3}(?:,\d{3})+(?:\.\d+)?\b"
    r"|\b\d+(?:\.\d+)?\s?k\b"
    # Figures with cents and no currency sign, as ATS exports write them: "32.10 - 41.85".
    r"|\b\d{1,3}(?:,\d{3})*\.\d{2}\s*(?:-|–|—|to)\s*\d{1,3}(?:,\d{3})*\.\d{2}\b",
    re.IGNORECASE,
)
_PAY_WORDS = re.compile(
    r"\b(?:pay|paid|salary|salaries|compensation|wages?|rate|range|per hour|hourly|an hour"
    r"|a year|per year|per annum|annual(?:ly)?|base)\b|/\s*(?:hr|hour|yr|year)\b",
    re.IGNORECASE,
)
# A link or an e-mail address to apply to, wherever the text gives it.
_APPLY = re.compile(
    r"https?://\S+|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b|\bwww\.[\w-]+\.\S+"
    # A bare address with a path, as a link's text shows it: "summitledger.example/jobs".
    r"|\b[\w-]+(?:\.[\w-]+)*\.(?:com|org|net|example|io|co|jobs|careers|gov|edu|us|uk|ca)/\S*"
)
_SENTENCE_SPLIT = re.compile(r"(?<=[.!?])\s+(?=[A-Z0-9“\"(])")
_YEARS = re.compile(
    r"(?:(?:at least|minimum(?: of)?|min\.?)\s+)?(\d{1,2})\s*\+?\s*"
    r"(?:(?:-|–|—|to)\s*(\d{1,2})\s*\+?\s*)?(?:years?|yrs?)(?:'|’)?\s+(?:of\s+)?"
    r"(?:[\w/-]+\s+){0,4}?(?:experience|exp\b)",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class Unit:
    """One paragraph or bullet, and the Posting field (or pasted section) it belongs to."""

    field: str
    text: str
    bullet: bool = False


@dataclass(frozen=True)
class Heading:
    """A section heading as written, what kind of section it opens, and whether it is empty."""

    kind: str
    text: str
    empty: bool


@dataclass(frozen=True)
class YearsAsked:
    low: int
    high: int | None
    excerpt: str
    field: str


@dataclass
class Document:
    """What the rules read. Build one with `from_posting` or `from_text`."""

    title: str
    units: list[Unit]
    sections: set[str]
    today: dt.date
    pay: Pay | None = None
    pay_text: str = ""
    pay_vague: str = ""
    pay_field: str | None = None
    location: Location | None = None
    benefits_text: str = ""
    employment_type: str | None = None
    years: list[YearsAsked] = field(default_factory=list)
    posting: Posting | None = None
    role: RoleTemplate | None = None
    fields_of_work: frozenset[str] = frozenset()
    pay_rate: str = ""  # pay by the mile, visit, load or piece, which Pay has no period for
    headings: list[Heading] = field(default_factory=list)
    links: list[str] = field(default_factory=list)
    closing_date: str = ""
    employer: str = ""
    # Words as candidates read them, when the units don't hold them all (a Posting's rendering).
    word_count: int | None = None
    _masked: dict[tuple[str, int], str] = field(default_factory=dict, repr=False)

    @property
    def text(self) -> str:
        return "\n".join(unit.text for unit in self.units)

    @property
    def has_benefits(self) -> bool:
        return bool(self.benefits_text.strip())

    def bullets_in(self, section: str) -> int:
        return sum(1 for unit in self.units if unit.bullet and unit.field == section)

    def masked(self, rule: str, index: int) -> str:
        """Unit `index` with the allow-listed phrases for `rule` blanked out (same length)."""
        key = (rule, index)
        if key not in self._masked:
            pattern = _allow_pattern(rule, self.fields_of_work)
            text = self.units[index].text
            blank = lambda m: " " * len(m.group(0))  # noqa: E731
            # Addresses are no wording: "support@…", "https://trust.example/lead".
            text = _ADDRESS.sub(blank, text)
            if pattern is not None:
                text = pattern.sub(blank, text)
            if rule == "gendered-coding":
                # Names of products, places and organisations ("Active Directory", "Loyal
                # Companion Vets") are nobody's trait; a sentence's first word may be a trait.
                text = _PROPER_NAME.sub(blank, text)
            self._masked[key] = text
        return self._masked[key]


@cache
def _allow_pattern(rule: str, fields: frozenset[str]) -> re.Pattern[str] | None:
    patterns = [
        entry.pattern
        for entry in rulebook.allow_list().entries
        if (not entry.only_for or rule in entry.only_for)
        and ("any" in entry.fields or fields.intersection(entry.fields))
    ]
    return rulebook.words_pattern(patterns) if patterns else None


@cache
def _signal_patterns() -> dict[str, re.Pattern[str]]:
    return {
        name: rulebook.words_pattern([re.escape(word) for word in words])
        for name, words in rulebook.allow_list().field_signals.items()
    }


def _fields_of_work(text: str, role: RoleTemplate | None) -> frozenset[str]:
    found: set[str] = set()
    if role is not None and role.onet_code:
        major = rulebook.allow_list().onet_fields.get(role.onet_code[:2])
        if major:
            found.add(major)
    for name, pattern in _signal_patterns().items():
        if pattern.search(text):
            found.add(name)
    return frozenset(found)


def _sentences(text: str) -> list[str]:
    return [part.strip() for part in _SENTENCE_SPLIT.split(text) if part.strip()]


def _years_asked(units: list[Unit]) -> list[YearsAsked]:
    asked = []
    for unit in units:
        if unit.field not in ("requirements", "nice_to_haves", "summary", "education", "other"):
            continue
        for match in _YEARS.finditer(unit.text):
            low = int(match.group(1))
            high = int(match.group(2)) if match.group(2) else None
            if high is not None and high < low:
                continue
            asked.append(YearsAsked(low, high, match.group(0), unit.field))
    return asked


# ------------------------------------------------------------------------------------- Posting


def from_posting(
    posting: Posting, *, role: RoleTemplate | None = None, today: dt.date | None = None
) -> Document:
    """The Document for one of our own postings: every field is known."""
    units: list[Unit] = [Unit("title", posting.title)]

    def paragraphs(name: str, text: str) -> None:
        for part in re.split(r"\n\s*\n", text):
            if part.strip():
                units.append(Unit(name, " ".join(part.split())))

    paragraphs("summary", posting.summary)
    paragraphs("organisation", posting.organisation.about)
    for name in ("responsibilities", "requirements", "nice_to_haves"):
        units.extend(Unit(name, item, bullet=True) for item in getattr(posting, name))
    for name in ("education", "schedule", "physical_demands"):
        paragraphs(name, getattr(posting, name))
    units.extend(Unit("benefits", item, bullet=True) for item in posting.benefits)
    if posting.pay is not None:
        units.append(Unit("pay", posting.pay.describe()))
    paragraphs("equal_opportunity", posting.equal_opportunity)

    sections = {
        name
        for name, present in (
            ("summary", posting.summary),
            ("responsibilities", posting.responsibilities),
            ("requirements", posting.requirements),
            ("pay", posting.pay),
            ("benefits", posting.benefits),
            ("how_to_apply", posting.how_to_apply),
        )
        if present
    }
    benefits = " ".join(posting.benefits)
    years = _years_asked(units)
    if posting.years_experience is not None:
        years.insert(
            0,
            YearsAsked(
                posting.years_experience,
                None,
                f"{posting.years_experience} years of experience",
                "years_experience",
            ),
        )
    text = "\n".join(unit.text for unit in units)
    return Document(
        title=posting.title,
        units=units,
        sections=sections,
        today=today or dt.date.today(),
        pay=posting.pay,
        pay_text=posting.pay.describe() if posting.pay else "",
        pay_vague=_vague(text) if posting.pay is None else "",
        pay_field="pay",
        location=posting.location,
        benefits_text=benefits,
        employment_type=posting.employment_type.value if posting.employment_type else None,
        years=years,
        posting=posting,
        role=role,
        fields_of_work=_fields_of_work(text, role),
    )


# Words that say a sentence offers benefits, not that the work is about them ("dental offices").
_BENEFIT_CUE = re.compile(
    r"\b(?:insurance|benefits?|401\(?k|403\(?b|pension|paid (?:time off|leave|holidays?|vacation)"
    r"|pto|vacation|sick (?:leave|time|pay|days)|retirement|coverage|rrsp|parental leave"
    r"|equity|stock|rsus?|bonus)\b",
    re.IGNORECASE,
)
# Sections that describe the work or the candidate, where benefit words name the job instead.
_NOT_BENEFITS = frozenset(
    {"title", "responsibilities", "requirements", "nice_to_haves", "how_to_apply", "details"}
)


def _benefit_sentences(units: list[Unit]) -> str:
    """Benefits described outside a benefits section: sentences that offer them."""
    pattern = rulebook.real_benefits()
    return " ".join(
        sentence
        for unit in units
        if unit.field not in _NOT_BENEFITS
        for sentence in _sentences(unit.text)
        if pattern.search(sentence) and _BENEFIT_CUE.search(sentence)
    )


def _vague(text: str) -> str:
    match = rulebook.law_table().vague_regex.search(text)
    return match.group(0) if match else ""


# ---------------------------------------------------------------------------------------- text


@cache
def _heading_patterns() -> list[tuple[str, re.Pattern[str]]]:
    data = rulebook.load("sections")
    return [
        (item["kind"], re.compile("|".join(item["patterns"]), re.IGNORECASE))
        for item in data["headings"]
    ]


@cache
def _labels() -> dict[str, str]:
    data = rulebook.load("sections")
    return {label: kind for kind, labels in data["labels"].items() for label in labels}


def heading_kind(heading: str, *, leading: bool = False) -> str:
    """'What you'll do' -> 'responsibilities'; unknown headings -> 'other'. With `leading`, only
    a section name the heading starts with counts ("Pay and benefits", not "Welder - 2nd Shift")."""
    text = heading.strip(" :*#_").lower()
    for kind, pattern in _heading_patterns():
        if pattern.match(text) if leading else pattern.search(text):
            return kind
    return "other"


def _role_titled(title: str) -> RoleTemplate | None:
    """The role a pasted posting's title names without doubt, for what is usual in the job."""
    from bot.roles.lookup import find_role

    found = find_role(title)
    return found.role if found.found and not found.ambiguous else None


def _plain(line: str) -> str:
    return " ".join(_MARKUP.sub(lambda m: m.group(2) or "", line).split())


def from_text(
    text: str,
    *,
    location: str | Location | None = None,
    role: RoleTemplate | None = None,
    today: dt.date | None = None,
) -> Document:
    """Read a pasted posting (Markdown, plain text or HTML) into sections and facts."""
    return from_reading(reader.read(text), location=location, role=role, today=today)


def from_reading(
    reading: reader.Reading,
    *,
    location: str | Location | None = None,
    role: RoleTemplate | None = None,
    today: dt.date | None = None,
) -> Document:
    """The Document for a posting read into blocks (bot/checks/reader.py), whatever its format."""
    units: list[Unit] = []
    labels: dict[str, str] = {}
    title = ""
    kind = "summary"
    sections: set[str] = set()
    preamble: list[str] = []
    headings: list[Heading] = []
    blocks = reading.blocks
    for position, block in enumerate(blocks):
        text = _plain(block.text)
        if not text:
            continue
        if block.kind == "heading":
            first = not title and not units
            if first and heading_kind(text, leading=True) == "other" and len(text.split()) <= 12:
                title = text
                continue
            kind = heading_kind(text)
            if kind == "pay_benefits":
                sections.update(("pay", "benefits"))
            following = blocks[position + 1] if position + 1 < len(blocks) else None
            empty = following is None or (
                following.kind == "heading" and (following.level or 2) <= (block.level or 2)
            )
            headings.append(Heading(kind, text, empty))
            continue
        if block.kind == "paragraph":
            label = _LABEL_LINE.match(text)
            if label and label.group(1).strip().lower() in _labels():
                label_kind = _labels()[label.group(1).strip().lower()]
                value = label.group(2).strip()
                labels.setdefault(label_kind, value)
                unit_kind = label_kind if label_kind in ("pay", "how_to_apply") else "details"
                units.append(Unit(unit_kind, f"{label.group(1).strip()}: {value}"))
                sections.add(unit_kind)
                continue
            if not title and not units and len(text.split()) <= 12 and not _END_STOP.search(text):
                title = text
                continue
            if not headings and len(units) < 4 and len(text.split()) <= 16:
                preamble.append(text)  # the lines under the title: company, place, job type
            units.append(Unit(kind, text))
        else:
            units.append(Unit(kind, text, bullet=True))
        sections.add(kind)

    if title:
        units.insert(0, Unit("title", title))
        role = role or _role_titled(title)
    for unit_index, unit in enumerate(units):
        if unit.field == "pay_benefits":
            units[unit_index] = Unit(
                "pay" if _MONEY.search(unit.text) else "benefits", unit.text, unit.bullet
            )
    found_pay, pay_text, pay_field = _find_pay(units, labels.get("pay", ""))
    full = "\n".join(unit.text for unit in units)
    vague = ""
    rate = ""
    if found_pay is None:
        rate = _find_rate(units, labels.get("pay", ""))
        vague = "" if rate else (_vague(labels.get("pay", "")) or _vague(full))
        if labels.get("pay") and not vague and not rate:
            pay_text = labels["pay"]
    elif found_pay.minimum == found_pay.maximum and _vague(pay_text):
        # "$65,000 DOE": one figure that depends on experience is no fixed pay and no range.
        vague = _vague(pay_text)
    if found_pay is not None or rate:
        sections.add("pay")
    else:
        sections.discard("pay")  # a pay heading or label with no figure under it ("DOE")
    links = [link for link in reading.links if _APPLY.match(link) or link.startswith("mailto:")]
    if (
        "how_to_apply" in labels
        or links
        or any(_APPLY.search(unit.text) for unit in units)
        or any(_APPLY_WORDS.search(unit.text) for unit in units if unit.field == "how_to_apply")
    ):
        sections.add("how_to_apply")
    where = _find_location(location, labels.get("location", ""), units, preamble)
    benefits = " ".join(unit.text for unit in units if unit.field == "benefits")
    if not rulebook.real_benefits().search(benefits):
        benefits = benefits if benefits.strip() else _benefit_sentences(units)
    if benefits:
        sections.add("benefits")
    return Document(
        title=title,
        units=units,
        sections=sections,
        today=today or dt.date.today(),
        pay=found_pay,
        pay_text=pay_text or rate,
        pay_vague=vague,
        pay_field=pay_field,
        pay_rate=rate,
        location=where,
        benefits_text=benefits,
        employment_type=labels.get("employment_type"),
        years=_years_asked(units),
        role=role,
        fields_of_work=_fields_of_work(full, role),
        headings=headings,
        links=reading.links,
        closing_date=labels.get("closing_date", ""),
        employer=labels.get("employer", ""),
    )


# A range of money with a currency, as written: "$165,000 - $260,000", "€45.000–55.000".
_CURRENCY = r"(?:[$€£¥₹]|\b(?:usd|cad|eur|gbp|aud|chf|inr|mxn)\b)"
_AMOUNT = r"\d[\d.,]*\s?[kK]?|\.\d+"
_MONEY_RANGE = re.compile(
    rf"{_CURRENCY}\s?(?:{_AMOUNT})\s*(?:-|–|—|to)\s*{_CURRENCY}?\s?(?:{_AMOUNT})"
    rf"|\b\d{{2,3}}\s?[kK]\s*(?:-|–|—|to)\s*\d{{2,3}}\s?[kK]\b",
    re.IGNORECASE,
)
# Money that is not the job's pay: budgets, revenue, funding, sign-on bonuses alone.
_NOT_PAY = re.compile(
    r"\b(?:budgets?|revenue|raised|funding|valuation|portfolio|assets|sales of"
    r"|projects? (?:of|worth)|million|billion|bn|mm|tuition|stipend for|reimburse\w*|allowance)\b",
    re.IGNORECASE,
)
# Pay by the mile, visit, load or piece: "$.46–.60 cpm", "$45 per visit".
_RATE = re.compile(
    rf"(?:{_CURRENCY}\s?)?(?:\d+(?:\.\d+)?|\.\d+)\s*(?:¢|cents?)?"
    rf"(?:\s*(?:-|–|—|to)\s*(?:{_CURRENCY}\s?)?(?:\d+(?:\.\d+)?|\.\d+)\s*(?:¢|cents?)?)?"
    r"\s*(?:cpm\b|c\.p\.m\.?|(?:per|a|/)\s?(?:mile|visit|load|piece|delivery|stop|drop|route"
    r"|case|session|patient visit|home visit|shift)s?\b)",
    re.IGNORECASE,
)


def normalise_money(text: str) -> str:
    """Amounts written the European or Indian way, or without a leading zero, made plain."""
    if re.search(r"€|\beur\b|\bchf\b", text, re.IGNORECASE):
        # "45.000,50 €" -> "45000.50"
        text = re.sub(
            r"\b(\d{1,3}(?:\.\d{3})+)(?:,(\d{1,2}))?\b",
            lambda m: m.group(1).replace(".", "") + (f".{m.group(2)}" if m.group(2) else ""),
            text,
        )
    text = re.sub(r"\b\d{1,2}(?:,\d{2})+,\d{3}\b", lambda m: m.group(0).replace(",", ""), text)
    return re.sub(r"(?<![\d.])\.(\d{1,2})\b", r"0.\1", text)


def _find_pay(units: list[Unit], label: str) -> tuple[Pay | None, str, str | None]:
    """The pay the text states, the sentence that states it and its section."""
    candidates: list[tuple[str, str]] = []
    if label:
        candidates.append((label, "pay"))
    for unit in units:
        if unit.field == "pay":
            candidates.extend((sentence, "pay") for sentence in _sentences(unit.text))
    for unit in units:
        if unit.field not in ("pay", "title") and _PAY_WORDS.search(unit.text):
            candidates.extend(
                (sentence, unit.field)
                for sentence in _sentences(unit.text)
                if _PAY_WORDS.search(sentence)
            )
    # A bare range of money with no pay word near it ("$165,000 - $260,000") is the pay too.
    for unit in units:
        if unit.field != "title":
            candidates.extend(
                (sentence, unit.field)
                for sentence in _sentences(unit.text)
                if _MONEY_RANGE.search(sentence) and not _NOT_PAY.search(sentence)
            )
    for sentence, where in candidates:
        if not _MONEY.search(sentence) or _RATE.search(sentence):
            continue
        if (pay := _pay_in(sentence)) is not None:
            return pay, sentence, where
    return None, "", None


_CLAUSE = re.compile(r"[;(]|,\s(?!\d{3})|\s(?:plus|with|and|including|\+)\s", re.IGNORECASE)


def _pay_in(sentence: str) -> Pay | None:
    """The pay one sentence states: the whole of it, else its first clause that reads as pay
    ("$52.00 - $68.50 hourly, with a night differential of $4.00 an hour")."""
    text = normalise_money(sentence[:400])
    for attempt in [text, *_CLAUSE.split(text)]:
        if not attempt or not _MONEY.search(attempt):
            continue
        try:
            return parse_pay(attempt)
        except ParseError:
            continue
    return None


def _find_rate(units: list[Unit], label: str) -> str:
    """Pay stated by the mile, visit, load or piece: the words that state it."""
    texts = [label] + [unit.text for unit in units if unit.field != "title"]
    for text in texts:
        for match in _RATE.finditer(text):
            words = match.group(0)
            if re.search(r"\d", words) and (
                re.search(_CURRENCY + r"|¢|cents?|cpm", words, re.IGNORECASE)
                or _PAY_WORDS.search(text)
            ):
                return words.strip()
    return ""


def _find_location(
    given: str | Location | None, label: str, units: list[Unit], preamble: list[str]
) -> Location | None:
    if isinstance(given, Location):
        return given
    tries = [given] if given else []
    tries.append(label)
    tries.extend(unit.text for unit in units if unit.field == "location")
    for line in preamble:
        tries.extend(part for part in re.split(r"\s+[·|•–—-]\s+|\s{2,}", line) if part)
    for index, attempt in enumerate(tries):
        if not attempt:
            continue
        try:
            found = parse_location(attempt)
        except ParseError:
            if given and index == 0:
                raise
            continue
        # A guess from the preamble must name a region, a country or remote work to count.
        if attempt in (given, label) or found.region or found.country or found.remote_regions:
            return found
        if found.workplace.value == "remote":
            return found
    return None
