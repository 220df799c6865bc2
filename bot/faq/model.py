"""What the FAQ reads in a question, and what it answers."""

from __future__ import annotations

from enum import StrEnum

from pydantic import BaseModel, ConfigDict

from bot.catalog import AreaMatch


class Topic(StrEnum):
    """What a question about a role asks for, in the order answers give them."""

    DESCRIBE = "describe"
    DUTIES = "duties"
    SKILLS = "skills"
    QUALITIES = "qualities"
    EDUCATION = "education"
    EXPERIENCE = "experience"
    TOOLS = "tools"
    LICENCE = "licence"
    CAREER = "career"
    PAY = "pay"


class PostingField(StrEnum):
    """What a question about one of our postings asks for."""

    WORKPLACE = "workplace"
    LOCATION = "location"
    CLOSING = "closing"
    APPLY = "apply"
    PAY = "pay"
    EMPLOYMENT = "employment"
    POSTED = "posted"


class RoleMention(BaseModel):
    """A role named in a question, resolved through the title resolver."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    typed: str  # the words of the question that named it
    key: str  # for bot.roles.lookup.role_for
    code: str  # O*NET-SOC code, or "" for a curated role without one
    title: str  # how the answer names it
    onet_title: str = ""
    score: float
    curated: bool = False
    others: list[str] = []  # titles it could also mean, when the resolver found it ambiguous
    other_keys: list[str] = []  # … and their keys for role_for, in the same order


class Place(BaseModel):
    """Where a pay question asks about."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    typed: str
    area: AreaMatch | None = None  # None: the whole United States
    found: bool = True  # False: named, but no US state or metro area the data knows
    note: str = ""  # which of several places of that name it took, and how to ask for another

    @property
    def national(self) -> bool:
        return self.area is None or self.area.area_type == "national"


class PayAsk(BaseModel):
    """How a pay question wants its figure: per hour or year, a percentile, starting pay."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    period: str = ""  # "hour", "year" or "" (not said)
    percentile: int | None = None  # 10, 25, 50, 75 or 90
    mean: bool = False
    starting: bool = False


class Understanding(BaseModel):
    """Everything read from one question, before any answer is looked up."""

    model_config = ConfigDict(extra="forbid")

    question: str
    words: list[str] = []
    topics: dict[Topic, float] = {}
    compare: float = 0.0
    posting: float = 0.0  # how surely it is about one of our postings
    posting_fields: dict[PostingField, float] = {}
    help: bool = False
    roles: list[RoleMention] = []
    unknown: list[str] = []  # phrases that looked like a title but matched none
    unknown_words: list[str] = []  # … and the words in them no title has ("zorblax")
    leftovers: list[str] = []  # words nothing explained
    employers: list[str] = []  # "at Kaiser": employers named, whose own pay is not in the data
    unanswered: list[str] = []  # parts of a compound question that ask nothing it reads
    openings: bool = False  # asks where our published postings are
    positions: dict[Topic, int] = {}  # the word where each topic is first asked
    what_it_does: bool = False  # "what does a … do", alone or as one part of the question
    places: list[Place] = []
    pay_ask: PayAsk = PayAsk()
    direction: str = ""  # career paths: "up", "down" or "" (either)

    @property
    def place(self) -> Place | None:
        return self.places[0] if self.places else None

    def main_topics(self, floor: float = 0.6, share: float = 0.75) -> list[Topic]:
        """The topics asked about: strong cues, and any nearly as strong as the strongest."""
        if not self.topics:
            return []
        top = max(self.topics.values())
        chosen = [t for t, w in self.topics.items() if w >= floor and w >= top * share]
        return [t for t in Topic if t in chosen]

    def asked(self) -> list[Topic]:
        """Every topic asked about, for a question of several parts: the main topics and any
        other clearly cued one. "What is a…" gives way to a clearer topic; "what does a … do"
        is a part of its own."""
        chosen = set(self.main_topics(floor=0.5))
        chosen.update(t for t, w in self.topics.items() if w >= 0.7)
        if Topic.DESCRIBE in chosen and len(chosen) > 1 and not self.what_it_does:
            chosen.discard(Topic.DESCRIBE)
        order = list(Topic)
        return sorted(chosen, key=lambda t: (self.positions.get(t, 999), order.index(t)))

    @property
    def role(self) -> RoleMention | None:
        return max(self.roles, key=lambda r: r.score) if self.roles else None


class FaqAnswer(BaseModel):
    """An answer (or an honest refusal) in plain text, with the sources its facts came from."""

    model_config = ConfigDict(extra="forbid")

    question: str
    answered: bool
    answer: str
    sources: list[str] = []
    kind: str = ""  # faq, describe, pay, compare, posting, refuse, unknown_role, …
    confidence: float = 0.0
    link: str | None = None

    def json_dict(self) -> dict[str, object]:
        """The `newjob ask --json` shape (../shared/design.md)."""
        return {
            "question": self.question,
            "answered": self.answered,
            "answer": self.answer,
            "sources": list(self.sources),
        }
