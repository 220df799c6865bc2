"""The scope guard: questions the FAQ must not answer, recognised before anything is looked up.

The FAQ answers about occupations and our postings from public data. It refuses, saying why and
what it can do instead:

- anything about a candidate or an applicant ("should I hire Priya or Marcus?");
- legal advice about a case ("can I fire him for that?", "should we sue?");
- a named or known person's pay or a decision about them ("how much does Jessica in
  accounting make?", "Bob the network tech on my team").

Cue phrases live in `bot/faq/data/lexicon.yaml` (`scope`). A name is a capitalised word inside
the question that is no title word, cue, place or technology the catalogue knows (or any word
followed by "in accounting", "on my team"…).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from bot.faq.lexicon import PhraseTable

CANDIDATE, LEGAL, PERSON, PERSON_PAY = "candidate", "legal", "person", "person_pay"
# After these a capitalised word is a place or an employer ("in Narnia", "at Kaiser"), no name.
_PLACE_WORDS = frozenset(
    {"in", "near", "around", "across", "within", "outside", "inside", "at", "for", "with"}
)
_ARTICLES = frozenset({"a", "an", "the", "this", "that", "our", "your", "my"})
TITLE_CASE_SHARE = 0.6  # a question This Much In Title Case tells no names by capitals


@dataclass(frozen=True)
class OutOfScope:
    """Why a question is refused before any lookup, and the names it mentions."""

    reason: str
    names: list[str] = field(default_factory=list)


@dataclass
class ScopeCues:
    candidate: PhraseTable
    legal: PhraseTable
    person: PhraseTable
    name_markers: PhraseTable


def scope_cues(data: Mapping[str, Any]) -> ScopeCues:
    tables = []
    for name in ("candidate", "legal", "person", "name_markers"):
        table = PhraseTable()
        for text in data.get(name) or []:
            table.add(str(text), name, 1.0)
        tables.append(table)
    return ScopeCues(*tables)


@cache
def _technology_words() -> frozenset[str]:
    """Words of the technology names O*NET lists ("Cisco", "Linux"): never a person's name."""
    from bot.catalog import get_catalog

    words: set[str] = set()
    for occupation in get_catalog().occupations():
        for tech in occupation.technology:
            words.update(w.lower() for w in tech.name.split())
    return frozenset(words)


def _is_place(word: str) -> bool:
    """Whether the dialogue's place parser reads the word as a place ("Denver", "SF")."""
    from bot.posting.locate import find_places

    return bool(find_places(word))


class ScopeGuard:
    def __init__(self, cues: ScopeCues, known: Any, vocabulary: Any, lexicon: Any) -> None:
        self.cues = cues
        self._known = known  # word -> bool: a cue or stopword of the lexicon
        self._vocabulary = vocabulary  # the title resolver's words
        self._lexicon = lexicon

    def _ordinary(self, lowered: str) -> bool:
        """A word the catalogue or the lexicon knows (so not taken for a name)."""
        return (
            self._known(lowered)
            or lowered in self._vocabulary
            or (self.tools_asked and lowered in _technology_words())
            or _is_place(lowered)
        )

    def names(self, raw: list[str], norms: list[str]) -> list[str]:
        """Words of the question that name a person."""
        from bot.posting.locate import find_places

        found: list[str] = []
        # Words of the places the dialogue's parser finds ("New York") are no names.
        place_words = {
            w.lower() for p in find_places(" ".join(raw)) for w in p.typed.replace(",", " ").split()
        }
        long_words = [w for w in raw if len(w) > 3]
        title_case = sum(1 for w in long_words if w[:1].isupper())
        by_capitals = not long_words or title_case / len(long_words) < TITLE_CASE_SHARE
        markers = {cue.start for cue in self.cues.name_markers.find(norms)}
        for i, word in enumerate(raw):
            lowered = word.lower()
            if len(word) < 2 or not word.isalpha() or lowered in place_words:
                continue
            if i > 0 and (norms[i - 1] in _ARTICLES or norms[i - 1] in _PLACE_WORDS):
                continue  # "a Zorblax wrangler", "in Narnia": no name
            capitalised = word[0].isupper() and word[1:].islower()
            named = (by_capitals and i > 0 and capitalised) or (i + 1) in markers
            if named and not self._ordinary(lowered):
                found.append(word)
        return found

    tools_asked = False

    def check(
        self, raw: list[str], norms: list[str], asks_pay: bool, asks_tools: bool = False
    ) -> OutOfScope | None:
        self.tools_asked = asks_tools
        if self.cues.candidate.find(norms):
            return OutOfScope(CANDIDATE, self.names(raw, norms))
        if self.cues.legal.find(norms):
            return OutOfScope(LEGAL, self.names(raw, norms))
        names = self.names(raw, norms)
        if names or self.cues.person.find(norms):
            return OutOfScope(PERSON_PAY if asks_pay else PERSON, names)
        return None
