"""The curated FAQ entries of `roles/*.yaml`, matched by meaning rather than wording.

Each entry's question variants are read with the same reader as a user's question, so an entry
knows what it is about (a comparison, the duties, the qualities) and which roles it names. A
question matches an entry when it asks the same thing about the same roles; rapidfuzz's
similarity to the closest variant then sets the confidence, and on its own (very close
wording) can match a question whose topic the lexicon missed.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass

from rapidfuzz import fuzz

from bot.faq.model import Understanding
from bot.faq.understand import Reader
from bot.roles.template import FaqEntry, RoleTemplate

COMPARE = "compare"
CLOSE_WORDING = 88.0  # rapidfuzz score (0-100) at which wording alone matches an entry
MEANING_BASE = 0.75  # confidence of a match by topic and roles, before wording adds to it


@dataclass(frozen=True)
class CuratedEntry:
    role: RoleTemplate
    entry: FaqEntry
    topic: str  # a Topic value, or "compare"
    codes: frozenset[str]  # the roles it is about (O*NET codes or curated role keys)
    variants: tuple[str, ...]


@dataclass(frozen=True)
class CuratedMatch:
    item: CuratedEntry
    confidence: float


def _role_codes(understanding: Understanding) -> frozenset[str]:
    return frozenset(r.code or r.key for r in understanding.roles)


def _asks(understanding: Understanding) -> list[str]:
    """What a question asks, in the terms entries are filed under."""
    if len(understanding.roles) >= 2 and understanding.compare > 0:
        return [COMPARE]
    return [topic.value for topic in understanding.main_topics()]


def _fold(text: str) -> str:
    return " ".join(text.lower().replace("?", " ").split())


class CuratedFaq:
    def __init__(self, roles: dict[str, RoleTemplate], reader: Reader) -> None:
        self.reader = reader
        self.entries: list[CuratedEntry] = []
        for role_id in sorted(roles):
            role = roles[role_id]
            for entry in role.faq:
                readings = [reader.read(q) for q in entry.questions]
                asks = Counter(a for r in readings for a in _asks(r)[:1])
                codes: Counter[frozenset[str]] = Counter(
                    _role_codes(r) for r in readings if r.roles
                )
                topic = asks.most_common(1)[0][0] if asks else ""
                about = codes.most_common(1)[0][0] if codes else frozenset()
                self.entries.append(
                    CuratedEntry(
                        role=role,
                        entry=entry,
                        topic=topic,
                        codes=about or frozenset({role.onet_code or role.id}),
                        variants=tuple(_fold(q) for q in entry.questions),
                    )
                )

    def match(self, understanding: Understanding) -> CuratedMatch | None:
        """The entry that answers the question, if one does."""
        asked = _asks(understanding)
        codes = _role_codes(understanding)
        if not codes:
            return None
        folded = _fold(understanding.question)
        best: CuratedMatch | None = None
        for item in self.entries:
            wording = max(fuzz.token_set_ratio(folded, v) for v in item.variants)
            same_roles = item.codes == codes if item.topic == COMPARE else item.codes <= codes
            if not same_roles:
                continue
            if item.topic in asked:
                confidence = MEANING_BASE + (1 - MEANING_BASE) * wording / 100
            elif not asked and wording >= CLOSE_WORDING:
                confidence = wording / 100
            else:
                continue
            if best is None or confidence > best.confidence:
                best = CuratedMatch(item, round(confidence, 3))
        return best

    def topics(self) -> dict[str, str]:
        """Entry id -> what it was filed under (for tests and for maintainers)."""
        return {item.entry.id: item.topic for item in self.entries}
