"""The FAQ's vocabulary (bot/faq/data/lexicon.yaml): cue phrases, stopwords and place words.

`Lexicon.cues(tokens)` finds cue phrases in a question's words, longest first, so that one
phrase is read once ("soft skills" is a quality, not a skill); `correct(word)` puts a misspelt
cue word right ("salery" -> salary) using rapidfuzz.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from rapidfuzz import process
from rapidfuzz.distance import OSA

LEXICON_FILE = Path(__file__).resolve().parent / "data" / "lexicon.yaml"

Phrase = tuple[str, ...]


@dataclass(frozen=True)
class Cue:
    """One cue phrase found in a question: where, and what it says about which topics."""

    start: int
    end: int  # exclusive
    phrase: Phrase
    weights: Mapping[str, float]

    @property
    def multiword(self) -> bool:
        return len(self.phrase) > 1


@dataclass
class PhraseTable:
    """Cue phrases -> {label: weight}, matched longest first over a list of words."""

    phrases: dict[Phrase, dict[str, float]] = field(default_factory=dict)
    longest: int = 1

    def add(self, text: str, label: str, weight: float) -> None:
        phrase = tuple(text.lower().split())
        if not phrase:
            return
        self.phrases.setdefault(phrase, {})[label] = float(weight)
        self.longest = max(self.longest, len(phrase))

    def find(self, tokens: list[str]) -> list[Cue]:
        found: list[Cue] = []
        i = 0
        n = len(tokens)
        while i < n:
            for length in range(min(self.longest, n - i), 0, -1):
                phrase = tuple(tokens[i : i + length])
                weights = self.phrases.get(phrase)
                if weights is not None:
                    found.append(Cue(i, i + length, phrase, weights))
                    i += length
                    break
            else:
                i += 1
        return found

    def words(self) -> set[str]:
        return {word for phrase in self.phrases for word in phrase}


class Lexicon:
    def __init__(self, data: Mapping[str, Any]) -> None:
        self.topics = PhraseTable()
        for intent, cues in (data.get("intents") or {}).items():
            for text, weight in cues.items():
                self.topics.add(str(text), str(intent), weight)
        self.compare = PhraseTable()
        for text, weight in (data.get("compare") or {}).items():
            self.compare.add(str(text), "compare", weight)
        posting = data.get("posting") or {}
        self.posting_markers = PhraseTable()
        for text in posting.get("markers") or []:
            self.posting_markers.add(str(text), "posting", 1.0)
        self.posting_fields = PhraseTable()
        for name, cues in (posting.get("fields") or {}).items():
            for text, weight in cues.items():
                self.posting_fields.add(str(text), str(name), weight)
        self.determiners = frozenset(posting.get("determiners") or [])
        self.job_words = frozenset(posting.get("job_words") or [])
        self.help = PhraseTable()
        for text in data.get("help") or []:
            self.help.add(str(text), "help", 1.0)
        self.place_prepositions = frozenset(data.get("place_prepositions") or [])
        self.place_trailers = frozenset(data.get("place_trailers") or [])
        self.national_words = frozenset(
            " ".join(str(w).lower().split()) for w in data.get("national_words") or []
        )
        self.stopwords = frozenset(str(w) for w in data.get("stopwords") or [])
        self.soft_words = frozenset(str(w) for w in data.get("soft_words") or [])
        self.scope: Mapping[str, Any] = data.get("scope") or {}
        pay_ask = data.get("pay_ask") or {}
        self.pay_ask = PhraseTable()
        for label in ("hour", "year", "mean", "starting"):
            for text in pay_ask.get(label) or []:
                self.pay_ask.add(str(text), label, 1.0)
        for value, texts in (pay_ask.get("percentiles") or {}).items():
            for text in texts or []:
                self.pay_ask.add(str(text), f"p{value}", 1.0)
        self.direction = PhraseTable()
        for label, texts in (data.get("career_direction") or {}).items():
            for text in texts or []:
                self.direction.add(str(text), str(label), 1.0)
        self.conjunctions = PhraseTable()
        for text in data.get("conjunctions") or []:
            self.conjunctions.add(str(text), "and", 1.0)
        self.slang: dict[str, str] = {
            str(k).lower(): str(v).lower() for k, v in (data.get("slang") or {}).items()
        }
        vocabulary = (
            self.topics.words()
            | self.compare.words()
            | self.posting_fields.words()
            | self.posting_markers.words()
        )
        # Only words long enough to correct safely; short ones are too easily another word.
        self._vocabulary = sorted(w for w in vocabulary if len(w) >= 4)
        self._known = vocabulary | self.stopwords | self.soft_words
        self._corrections: dict[str, str | None] = {}

    def known(self, word: str) -> bool:
        return word in self._known

    def add_words(self, words: Iterable[str]) -> None:
        """More words to put misspellings right to (title words the resolver cannot correct,
        such as 'administrator', which it only knows by its canonical form 'admin')."""
        extra = {w for w in words if len(w) >= 4 and w.isalpha()}
        self._vocabulary = sorted(set(self._vocabulary) | extra)
        self._corrections.clear()

    def correct(self, word: str) -> str | None:
        """The cue word a misspelt word stands for ("salery" -> "salary"), or None."""
        if word in self._corrections:
            return self._corrections[word]
        result: str | None = None
        if len(word) >= 5 and word.isalpha():
            limit = 1 if len(word) < 8 else 2
            found = process.extractOne(
                word, self._vocabulary, scorer=OSA.distance, score_cutoff=limit
            )
            if found is not None:
                result = str(found[0])
        if len(self._corrections) > 5000:
            self._corrections.clear()
        self._corrections[word] = result
        return result


def load_lexicon(path: Path) -> Lexicon:
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return Lexicon(data)


@cache
def lexicon() -> Lexicon:
    return load_lexicon(LEXICON_FILE)


def strongest(cues: Iterable[Cue]) -> dict[str, float]:
    """Each label's best weight among the cues."""
    best: dict[str, float] = {}
    for cue in cues:
        for label, weight in cue.weights.items():
            if weight > best.get(label, 0.0):
                best[label] = weight
    return best
