"""Turning a job title, as people type it or as O*NET writes it, into comparable tokens.

One pipeline serves both sides so they meet in the middle: the titles of the catalogue when its
index is built, and what a user types when it is searched. Words go through, in order:

1. ASCII folding, lower case, punctuation to spaces ("Sr. Software Eng." -> sr software eng);
2. (queries only) noise that says nothing about the occupation: shifts ("night shift"), work
   arrangements ("remote", "part time"), hiring words ("urgent", "position"), pay figures;
3. abbreviations expanded ("tech" -> technician, "RN" -> registered nurse, "mgr" -> manager) and
   plurals made singular ("nurses" -> nurse);
4. small words dropped ("and", "of", "the");
5. seniority and level words dropped ("senior", "jr", "lead", "II", "tier 1"), as long as
   something is left.

`NORMALIZER_VERSION` changes whenever the output of this module changes, so a precomputed index
built with another version is rebuilt rather than trusted.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

NORMALIZER_VERSION = 2

# Words and acronyms people write for longer words. Applied to both sides, so "HR Tech" and
# "Human Resources Technician" become the same tokens.
ABBREVIATIONS: dict[str, tuple[str, ...]] = {
    # single words
    "tech": ("technician",),
    "techn": ("technician",),
    "eng": ("engineer",),
    "engr": ("engineer",),
    "engg": ("engineering",),
    "mgr": ("manager",),
    "mngr": ("manager",),
    "mgmt": ("management",),
    "asst": ("assistant",),
    "assoc": ("associate",),
    "rep": ("representative",),
    "coord": ("coordinator",),
    "spec": ("specialist",),
    "dev": ("developer",),
    "svc": ("service",),
    "svcs": ("service",),
    "serv": ("service",),
    "cust": ("customer",),
    "exec": ("executive",),
    "dir": ("director",),
    "supv": ("supervisor",),
    "supvr": ("supervisor",),
    "supvsr": ("supervisor",),
    "supt": ("superintendent",),
    "mktg": ("marketing",),
    "acct": ("accountant",),
    "acctg": ("accounting",),
    "whse": ("warehouse",),
    "mfg": ("manufacturing",),
    "maint": ("maintenance",),
    "mech": ("mechanic",),
    "equip": ("equipment",),
    "opr": ("operator",),
    "oper": ("operator",),
    "drvr": ("driver",),
    "cert": ("certified",),
    "lic": ("licensed",),
    "med": ("medical",),
    "pharm": ("pharmacy",),
    "vet": ("veterinary",),
    "rad": ("radiologic",),
    "sys": ("system",),
    "sw": ("software",),
    "info": ("information",),
    "ops": ("operation",),
    "prog": ("programmer",),
    "para": ("paraprofessional",),
    "ecommerce": ("e", "commerce"),
    "xray": ("x", "ray"),
    "sysadmin": ("system", "admin"),
    "netadmin": ("network", "admin"),
    "infosec": ("information", "security"),
    "cybersecurity": ("cyber", "security"),
    "sped": ("special", "education"),
    "salesman": ("salesperson",),
    "saleswoman": ("salesperson",),
    "salesmen": ("salesperson",),
    "saleswomen": ("salesperson",),
    "salespeople": ("salesperson",),
    "chairman": ("chair",),
    "chairwoman": ("chair",),
    "chairperson": ("chair",),
    # acronyms
    "hr": ("human", "resource"),
    "it": ("information", "technology"),
    "qa": ("quality", "assurance"),
    "qc": ("quality", "control"),
    "rn": ("registered", "nurse"),
    "lpn": ("licensed", "practical", "nurse"),
    "lvn": ("licensed", "vocational", "nurse"),
    "cna": ("certified", "nurse", "assistant"),
    "cma": ("certified", "medical", "assistant"),
    "crna": ("certified", "registered", "nurse", "anesthetist"),
    "np": ("nurse", "practitioner"),
    "pa": ("physician", "assistant"),
    "ma": ("medical", "assistant"),
    "cpa": ("certified", "public", "accountant"),
    "ot": ("occupational", "therapist"),
    "slp": ("speech", "language", "pathologist"),
    "rt": ("respiratory", "therapist"),
    "pct": ("patient", "care", "technician"),
    "stna": ("state", "tested", "nurse", "aide"),
    "hha": ("home", "health", "aide"),
    "pca": ("personal", "care", "aide"),
    "dsp": ("direct", "support", "professional"),
    "lcsw": ("licensed", "clinical", "social", "worker"),
    "lpc": ("licensed", "professional", "counselor"),
    "csr": ("customer", "service", "representative"),
    "sdr": ("sales", "development", "representative"),
    "bdr": ("business", "development", "representative"),
    "gm": ("general", "manager"),
    "vp": ("vice", "president"),
    "svp": ("vice", "president"),
    "evp": ("vice", "president"),
    "avp": ("vice", "president"),
    "ceo": ("chief", "executive", "officer"),
    "cfo": ("chief", "financial", "officer"),
    "coo": ("chief", "operating", "officer"),
    "cto": ("chief", "technology", "officer"),
    "cio": ("chief", "information", "officer"),
    "ea": ("executive", "assistant"),
    "pm": ("project", "manager"),
    "swe": ("software", "engineer"),
    "sde": ("software", "development", "engineer"),
    "sre": ("site", "reliability", "engineer"),
    "dba": ("database", "admin"),
    "ba": ("business", "analyst"),
    "ml": ("machine", "learning"),
    "ai": ("artificial", "intelligence"),
    "ee": ("electrical", "engineer"),
    "ar": ("account", "receivable"),
    "ap": ("account", "payable"),
}

# Different spellings of one idea, folded to one token on both sides.
CANONICAL: dict[str, str] = {
    "administrative": "admin",
    "administrator": "admin",
    "administration": "admin",
    "nursing": "nurse",
    "programme": "program",
    "organisation": "organization",
    "labour": "labor",
    "labourer": "laborer",
    "centre": "center",
    "counsellor": "counselor",
    "theatre": "theater",
}

STOPWORDS = frozenset("a an and or of the for in to with at on by from as".split())

_IRREGULAR = {
    "men": "man",
    "women": "woman",
    "people": "person",
    "children": "child",
    "wives": "wife",
    "knives": "knife",
    "shelves": "shelf",
    "staff": "staff",
    "data": "data",
}

_LEVEL_ALWAYS = frozenset(
    "senior sr snr junior jr jnr ii iii iv vi experienced seasoned entrylevel midlevel".split()
)
_LEVEL_NUMBERS = frozenset("i ii iii iv v vi 1 2 3 4 5 one two three".split())
_LEVEL_EDGE = frozenset({"lead"})  # a level word at the start or the end only
_LEVEL_START = frozenset({"principal", "staff"})  # level words at the start only

# Words that only say seniority or level: never "corrected" into another word.
LEVEL_WORDS = (
    _LEVEL_ALWAYS | _LEVEL_EDGE | _LEVEL_START | {"junior", "entry", "level", "tier", "lead"}
)

_SHIFT_WORDS = frozenset(
    "night nights day days evening evenings overnight overnights swing graveyard weekend "
    "weekends morning mornings afternoon afternoons 1st 2nd 3rd first second third rotating "
    "split".split()
)
_NOISE_ALWAYS = frozenset(
    "remote hybrid onsite wfh telecommute telework fulltime parttime prn perdiem temporary "
    "seasonal freelance permanent perm hiring urgent urgently immediate immediately asap "
    "overnights weekends".split()
)
_NOISE_NOT_FIRST = frozenset(
    "job jobs position positions role roles opening openings vacancy vacancies opportunity "
    "needed wanted now temp".split()
)
_NOISE_PAIRS = {
    ("full", "time"),
    ("part", "time"),
    ("per", "diem"),
    ("on", "site"),
    ("in", "office"),
    ("from", "home"),
}

_PAY = re.compile(
    r"(?:[$£€]\s*\d[\d,.]*\s*k?(?:\s*(?:/|per|an?)\s*(?:hr|hour|h|yr|year|annum))?)"
    r"|(?:\b\d[\d,.]*\s*(?:/|per)\s*(?:hr|hour|h|yr|year)\b)",
    re.IGNORECASE,
)
_BRACKETS = re.compile(r"[\(\[\{]([^\)\]\}]*)[\)\]\}]?")
_SEPARATORS = re.compile(r"\s+[-–—/]+\s+|[–—|•·:;,]|\s@\s|\s+(?:at|in|near|for)\s+", re.IGNORECASE)
_WORD = re.compile(r"[a-z0-9]+")
# US state and territory codes: in the trailing part of a title ("Nurse - Boston, MA") they name
# a place, not a word to expand ("MA" would become medical assistant).
_PLACE_CODES = frozenset(
    "al ak az ar ca co ct de dc fl ga hi id il in ia ks ky la me md ma mi mn ms mo mt ne nv nh "
    "nj nm ny nc nd oh ok or pa ri sc sd tn tx ut vt va wa wv wi wy pr gu vi us usa".split()
)
_ONET_QUALIFIERS = re.compile(r",\s*all other\b|,\s*except\b.*$", re.IGNORECASE)

MAX_QUERY_CHARS = 200


def fold(text: str) -> str:
    """Lower-case ASCII: accents dropped, apostrophes removed, '&' and '+' spelled out."""
    text = unicodedata.normalize("NFKD", text)
    text = text.encode("ascii", "ignore").decode("ascii").lower()
    text = text.replace("'", "").replace("&", " and ")
    return text


def words(text: str) -> list[str]:
    """The raw words of already folded text."""
    return _WORD.findall(text)


def singular(word: str) -> str:
    """A cheap English singular, the same on both sides ("nurses" -> nurse)."""
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if len(word) <= 3 or not word.endswith("s"):
        if word.endswith("men") and len(word) > 4:
            return word[:-3] + "man"
        return word
    if word.endswith("women"):
        return word[:-5] + "woman"
    if word.endswith(("ss", "us", "is")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("ches", "shes", "xes", "zzes", "sses")):
        return word[:-2]
    return word[:-1]


def expand(word: str) -> tuple[str, ...]:
    """Abbreviations spelled out, then singular and canonical forms."""
    if word in ABBREVIATIONS:
        return ABBREVIATIONS[word]
    if word.endswith("s") and word[:-1] in ABBREVIATIONS:
        return ABBREVIATIONS[word[:-1]]
    one = singular(word)
    if one in ABBREVIATIONS:
        return ABBREVIATIONS[one]
    return (CANONICAL.get(one, one),)


def strip_levels(tokens: list[str]) -> tuple[list[str], bool]:
    """Drop seniority and level words, keeping at least one token. Returns (tokens, changed).

    "Senior", "jr", "II", "tier 1", "entry level" go wherever they are; "lead" goes at the start
    ("Lead Carpenter") and becomes "leader" at the end ("Shift Lead" is a shift leader);
    "principal" and "staff" go at the start ("Principal Engineer", "Staff Accountant"); a
    trailing "1"/"I" goes ("Accountant I").
    """
    if len(tokens) < 2:
        return tokens, False
    drop = [False] * len(tokens)
    last = len(tokens) - 1
    for i, token in enumerate(tokens):
        if token in _LEVEL_ALWAYS:
            drop[i] = True
        elif (
            token in ("level", "tier", "grade", "band")
            and (i < last and tokens[i + 1] in _LEVEL_NUMBERS)
        ) or (token in ("entry", "mid") and i < last and tokens[i + 1] == "level"):
            drop[i] = drop[i + 1] = True
    kept = [t for t, d in zip(tokens, drop, strict=True) if not d]
    # Edge words are judged on what is left: "Senior Staff Accountant" -> accountant.
    while len(kept) > 1 and (kept[0] in _LEVEL_EDGE or kept[0] in _LEVEL_START):
        kept = kept[1:]
    if len(kept) > 1 and kept[-1] in _LEVEL_NUMBERS and kept[-1] not in ("one", "two"):
        kept = kept[:-1]
    if len(kept) > 1 and kept[-1] == "lead":
        kept = [*kept[:-1], "leader"]
    if not kept:
        return tokens, False
    return kept, kept != tokens


def _drop_noise(raw: list[str], *, keep_some: bool = True) -> list[str]:
    """Remove words about shifts, arrangements and hiring from raw (unexpanded) words.

    With `keep_some` (the main part of a title), a title that is all noise ("Temp") is kept.
    """
    out: list[str] = []
    i = 0
    n = len(raw)
    while i < n:
        word = raw[i]
        nxt = raw[i + 1] if i + 1 < n else ""
        if word in _SHIFT_WORDS and nxt in ("shift", "shifts"):
            i += 2
            continue
        if (word, nxt) in _NOISE_PAIRS:
            i += 2
            continue
        if word == "work" and nxt == "from" and i + 2 < n and raw[i + 2] == "home":
            i += 3
            continue
        if word in _NOISE_ALWAYS or (word in _NOISE_NOT_FIRST and out):
            i += 1
            continue
        if word in ("ft", "pt") and n > 1:
            i += 1
            continue
        out.append(word)
        i += 1
    if not out and raw and keep_some:
        # Everything looked like noise ("Remote", "Temp"): keep the words rather than nothing.
        return [w for w in raw if w not in ("shift", "shifts")] or raw
    return out


def tokens_of(raw: list[str]) -> list[str]:
    """Expanded, singular, canonical tokens without small words (levels not yet stripped)."""
    out: list[str] = []
    for word in raw:
        if word in ("ft", "pt") and len(raw) == 1:
            out.extend(("physical", "therapist") if word == "pt" else ())
            continue
        for token in expand(word):
            if token not in STOPWORDS:
                out.append(token)
    return out


def title_tokens(text: str) -> tuple[list[str], bool]:
    """The tokens of a catalogue title (index side). Returns (tokens, levels_stripped)."""
    return strip_levels(tokens_of(words(fold(text))))


def title_key(tokens: list[str] | tuple[str, ...]) -> str:
    """An order-free key for exact lookups: sorted distinct tokens."""
    return " ".join(sorted(set(tokens)))


@dataclass
class QueryParts:
    """What a typed title becomes: main tokens, lower-weight trailing tokens, and flags."""

    main: list[str] = field(default_factory=list)
    trailing: list[str] = field(default_factory=list)
    levels_stripped: bool = False
    cleaned: str = ""


def split_segments(text: str) -> tuple[str, list[str]]:
    """The main part of a typed title and the rest (brackets, text after ' - ', ',', ' in ')."""
    extras = [m.group(1) for m in _BRACKETS.finditer(text)]
    outside = _BRACKETS.sub(" ", text)
    parts = [p for p in _SEPARATORS.split(outside) if p and p.strip(" -–—/")]
    if not parts:
        return "", extras
    return parts[0], parts[1:] + extras


def parse_query(text: str) -> QueryParts:
    """Normalise what a user typed into main and trailing tokens."""
    text = (text or "")[:MAX_QUERY_CHARS]
    text = _PAY.sub(" ", text)
    # O*NET's own qualifiers, as in "Engineers, All Other" or "…, Except Special Education".
    text = _ONET_QUALIFIERS.sub("", text)
    main_text, rest = split_segments(text)
    main_raw = _drop_noise(words(fold(main_text)))
    trailing_raw: list[str] = []
    for part in rest:
        kept = _drop_noise(words(fold(part)), keep_some=False)
        trailing_raw.extend(w for w in kept if w not in _PLACE_CODES)
    if not main_raw and trailing_raw:
        main_raw, trailing_raw = trailing_raw, []
    main, stripped = strip_levels(tokens_of(main_raw))
    trailing_tokens = tokens_of(trailing_raw)
    trailing, stripped_trailing = strip_levels(trailing_tokens)
    if len(trailing) == 1 and trailing[0] in _LEVEL_NUMBERS | _LEVEL_ALWAYS | _LEVEL_EDGE:
        trailing = []
    return QueryParts(
        main=main,
        trailing=[t for t in trailing if t not in main],
        levels_stripped=stripped or stripped_trailing,
        cleaned=" ".join(main + trailing),
    )
