"""Reading a question without a language model: topics, roles, a place, postings.

The question is split into words; cue phrases from the lexicon say what it asks (pay, duties,
a comparison, one of our postings…), a place after "in"/"near" (or a state's name) says where,
and the words left between stopwords and cues are tried as job titles with the catalogue's
title resolver (`bot.catalog.resolve`), which copes with typos, plurals and abbreviations.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from itertools import pairwise

from bot.catalog import Match, get_catalog, resolve
from bot.catalog.normalize import ABBREVIATIONS, CANONICAL, expand
from bot.catalog.resolve import get_resolver
from bot.faq.lexicon import Cue, Lexicon, lexicon, strongest
from bot.faq.model import PayAsk, Place, PostingField, RoleMention, Topic, Understanding
from bot.faq.places import places_in
from bot.faq.scope import OutOfScope, ScopeGuard, scope_cues
from bot.roles.lookup import key_for

ROLE_MIN = 0.8  # a phrase is a role when the resolver scores it at least this
ACRONYM_PENALTY = 0.85  # 'cats' is not CAT (Certified Appliance Technician)
MAX_QUESTION_CHARS = 500
MAX_RUN_WORDS = 6

_APOSTROPHES = str.maketrans({"’": "'", "‘": "'", "`": "'"})
_CONTRACTIONS = (
    (re.compile(r"n't\b", re.IGNORECASE), " not"),
    (re.compile(r"'re\b", re.IGNORECASE), " are"),
    (re.compile(r"'m\b", re.IGNORECASE), " am"),
    (re.compile(r"'ll\b", re.IGNORECASE), " will"),
    (re.compile(r"'ve\b", re.IGNORECASE), " have"),
    (re.compile(r"'d\b", re.IGNORECASE), " would"),
    (re.compile(r"'s\b", re.IGNORECASE), " is"),
    (re.compile(r"s'(?=\s|$)", re.IGNORECASE), "s"),
)
_WORD = re.compile(r"[A-Za-z0-9]+")
_ALIAS_TITLES = ("alternate title", "reported title", "short title")
_PAREN = re.compile(r"\s*\([^)]*\)")


def _fold(text: str) -> str:
    text = unicodedata.normalize("NFKD", text.translate(_APOSTROPHES))
    return text.encode("ascii", "ignore").decode("ascii")


def split_words(question: str) -> list[str]:
    """The question's words as typed (case kept), contractions spelled out."""
    text = _fold(question[:MAX_QUESTION_CHARS])
    for pattern, replacement in _CONTRACTIONS:
        text = pattern.sub(replacement, text)
    return _WORD.findall(text)


# Word kinds: STOP and HARD (a word of a multi-word cue) and PLACE end a title phrase; CUE and
# SOFT may sit at a title's edge and are dropped when the title resolves better without them.
STOP, HARD, PLACE, CUE, SOFT, OTHER = "stop", "hard", "place", "cue", "soft", "other"


@dataclass
class _Run:
    start: int
    end: int
    text: str = ""
    match: Match | None = None
    score: float = 0.0
    others: tuple[Match, ...] = ()


class Reader:
    """Reads questions with one lexicon and the catalogue's resolver."""

    def __init__(self, words: Lexicon | None = None) -> None:
        self.lexicon = words or lexicon()
        self.vocabulary = get_resolver().index.idf
        # Words the resolver only knows in a canonical form ("administrator" is "admin" there)
        # cannot be put right there when misspelt: put them right here.
        self.lexicon.add_words(CANONICAL)
        self.guard = ScopeGuard(
            scope_cues(self.lexicon.scope), self.lexicon.known, self.vocabulary, self.lexicon
        )

    def out_of_scope(self, question: str) -> OutOfScope | None:
        """Why the question is one the FAQ must refuse before any lookup (bot.faq.scope)."""
        raw = split_words(question)
        norms = [self.lexicon.slang.get(w.lower(), w.lower()) for w in raw]
        asked = strongest(self.lexicon.topics.find(norms))
        return self.guard.check(raw, norms, "pay" in asked, "tools" in asked)

    # -- words ------------------------------------------------------------------------------

    def _title_word(self, norm: str) -> bool:
        return all(token in self.vocabulary for token in expand(norm))

    def _normalise(self, raw: list[str]) -> list[str]:
        norms = []
        for word in raw:
            norm = word.lower()
            norm = self.lexicon.slang.get(norm, norm)
            if not self.lexicon.known(norm) and not self._title_word(norm):
                norm = self.lexicon.correct(norm) or norm
            norms.append(norm)
        return norms

    # -- places -----------------------------------------------------------------------------

    def _national_at(
        self, norms: list[str], raw: list[str], start: int
    ) -> tuple[Place, int] | None:
        """'in the US', 'across the country': national figures, asked for."""
        for stop in range(min(len(raw), start + 4), start, -1):
            if " ".join(norms[start:stop]) in self.lexicon.national_words:
                return Place(typed=" ".join(raw[start:stop]), area=None), stop
        return None

    def _known_word(self, norm: str) -> bool:
        return self.lexicon.known(norm) or self._title_word(norm)

    def _find_places(
        self, question: str, raw: list[str], norms: list[str]
    ) -> list[tuple[Place, int, int]]:
        """Every place the question names, in order: after "in"/"near", a state's name, a
        city after "vs"/"or"/"than" once a place is named, and a place at the end."""
        n = len(raw)
        taken = [False] * n
        found: list[tuple[Place, int, int]] = []

        def keep(place: Place, start: int, end: int) -> None:
            found.append((place, start, end))
            for k in range(start, end):
                taken[k] = True

        # The dialogue's place parser finds the places ("pay nyc", "austin vs dallas").
        for place, start, end in places_in(question, raw):
            if not any(taken[start:end]):
                keep(place, start, end)
        for i in range(n - 1):
            if taken[i] or norms[i] not in self.lexicon.place_prepositions:
                continue
            at = self._national_at(norms, raw, i + 1)
            if at is not None and not any(taken[i + 1 : at[1]]):
                keep(at[0], i, at[1])
                continue
            if i + 1 < n and taken[i + 1]:
                continue
            # "in Narnia": a place named at the end that no state or metro area matches.
            tail = [k for k in range(i + 1, n) if norms[k] not in self.lexicon.place_trailers]
            if tail and tail[-1] - i <= 3 and not any(self._known_word(norms[k]) for k in tail):
                text = " ".join(raw[tail[0] : tail[-1] + 1])
                keep(Place(typed=text, area=None, found=False), i, tail[-1] + 1)
        found.sort(key=lambda item: item[1])
        return found

    # -- titles -----------------------------------------------------------------------------

    def _score(self, match: Match, raw: list[str]) -> float:
        score = match.score
        if len(raw) == 1 and match.via in _ALIAS_TITLES:
            word = raw[0]
            lowered = word.lower()
            acronym = f"({word.upper().rstrip('S')})"
            typed_as_acronym = word.isupper() or lowered.rstrip("s") in ABBREVIATIONS
            if acronym in match.matched and not typed_as_acronym:
                score *= ACRONYM_PENALTY
        return score

    def _candidate(
        self, raw: list[str], norms: list[str], kinds: list[str], left: int, right: int
    ) -> _Run | None:
        words = [raw[i] if raw[i].lower() == norms[i] else norms[i] for i in range(left, right)]
        text = " ".join(words)
        resolution = resolve(text, limit=3)
        match = resolution.best
        if match is None:
            return None
        candidate = _Run(left, right, text, match, self._score(match, raw[left:right]))
        if resolution.ambiguous:
            candidate.others = tuple(m for m in resolution.matches[1:3] if m.code != match.code)
        return candidate

    def _resolve_run(self, raw: list[str], norms: list[str], kinds: list[str], run: _Run) -> None:
        """The best title in a run of words: cue and generic words at its edges may go."""
        trimmable = (CUE, SOFT)
        best: tuple[float, int, _Run] | None = None
        tried: set[tuple[int, int]] = set()
        left = run.start
        while left < run.end:
            right = run.end
            while right > left:
                inner = kinds[left:right]
                if OTHER in inner:
                    tried.add((left, right))
                    candidate = self._candidate(raw, norms, kinds, left, right)
                    if candidate is not None:
                        # Equal scores: the phrase without cue words names the role.
                        padding = sum(1 for k in inner if k != OTHER)
                        rank = (round(candidate.score, 3), -padding)
                        if best is None or rank > best[:2]:
                            best = (rank[0], rank[1], candidate)
                if kinds[right - 1] not in trimmable:
                    break
                right -= 1
            if kinds[left] not in trimmable:
                break
            left += 1
        chosen = best[2] if best is not None else None
        if (chosen is None or chosen.score < ROLE_MIN) and kinds[run.start : run.end].count(
            OTHER
        ) > 1:
            # A word that is no title ("is a network technician happy?"): the title without it,
            # keeping as many of the other words as still make a title.
            inside: tuple[int, float, _Run] | None = None
            for left in range(run.start, run.end):
                for right in range(left + 1, run.end + 1):
                    if (left, right) in tried or OTHER not in kinds[left:right]:
                        continue
                    candidate = self._candidate(raw, norms, kinds, left, right)
                    if candidate is None or candidate.score < ROLE_MIN:
                        continue
                    kept = (kinds[left:right].count(OTHER), round(candidate.score, 3))
                    if inside is None or kept > inside[:2]:
                        inside = (kept[0], kept[1], candidate)
            if inside is not None:
                chosen = inside[2]
        if chosen is not None:
            run.text, run.match, run.score, run.others = (
                chosen.text,
                chosen.match,
                chosen.score,
                chosen.others,
            )
            run.start, run.end = chosen.start, chosen.end
        else:
            run.text = " ".join(raw[run.start : run.end])

    def _mention(self, run: _Run) -> RoleMention:
        from bot.roles.lookup import role_for

        match = run.match
        assert match is not None
        key = key_for(match)
        role = role_for(key)
        title = role.title if role else match.title
        if role is not None and not role.curated and match.via in _ALIAS_TITLES:
            typed = _PAREN.sub("", match.matched).strip()
            title = typed or title
        code = "" if match.code.startswith("role:") else match.code
        onet_title = (get_catalog().title(code) or "") if code else ""
        return RoleMention(
            typed=run.text,
            key=key,
            code=code,
            title=title,
            onet_title=onet_title,
            score=round(run.score, 3),
            curated=match.role_id is not None,
            others=[] if match.role_id else [m.title for m in run.others],
            other_keys=[] if match.role_id else [key_for(m) for m in run.others],
        )

    # -- the whole question -----------------------------------------------------------------

    def read(self, question: str) -> Understanding:
        raw = split_words(question)
        norms = self._normalise(raw)
        n = len(raw)
        kinds = [STOP if w in self.lexicon.stopwords else OTHER for w in norms]
        for i, word in enumerate(norms):
            if kinds[i] == OTHER and word in self.lexicon.soft_words:
                kinds[i] = SOFT
        understanding = Understanding(question=question, words=norms)

        places = self._find_places(question, raw, norms)
        for _place, start, end in places:
            for i in range(start, end):
                kinds[i] = PLACE
        seen: set[str] = set()
        for place, _start, _end in places:
            key = place.area.area_code if place.area and place.found else place.typed.lower()
            if key not in seen:
                seen.add(key)
                understanding.places.append(place)

        cues: list[Cue] = []
        topic_cues = self.lexicon.topics.find(norms)
        compare_cues = self.lexicon.compare.find(norms)
        marker_cues = self.lexicon.posting_markers.find(norms)
        field_cues = self.lexicon.posting_fields.find(norms)
        help_cues = self.lexicon.help.find(norms)
        cues = [*topic_cues, *compare_cues, *marker_cues, *field_cues]
        for cue in cues:
            for i in range(cue.start, cue.end):
                if kinds[i] == PLACE:
                    continue
                if cue.multiword:
                    kinds[i] = HARD
                elif kinds[i] in (OTHER, SOFT):
                    kinds[i] = CUE
        understanding.compare = strongest(compare_cues).get("compare", 0.0)
        understanding.posting_fields = {
            PostingField(k): v for k, v in strongest(field_cues).items()
        }
        understanding.help = bool(help_cues)
        # "on a network tech posting" speaks of postings in general, not of one of ours.
        marker_cues = [c for c in marker_cues if not self._indefinite(norms, c.start)]
        plural = any(c.phrase[-1].endswith("s") for c in marker_cues)
        hiring = any(c.phrase[-1] == "hiring" for c in marker_cues)
        listing = {"link", "links", "list", "url", "where", "all", "any", "see", "what", "which"}
        understanding.openings = hiring or (plural and bool(listing & set(norms)))
        posting = 1.0 if marker_cues else 0.0
        if not posting and self._determined_job(norms):
            posting = 0.9
        understanding.posting = posting

        runs: list[_Run] = []
        i = 0
        while i < n:
            if kinds[i] in (CUE, SOFT, OTHER):
                j = i
                while j < n and kinds[j] in (CUE, SOFT, OTHER) and j - i < MAX_RUN_WORDS:
                    j += 1
                if OTHER in kinds[i:j]:
                    runs.append(_Run(i, j))
                i = j
            else:
                i += 1
        spans = [(run.start, run.end) for run in runs]
        for run in runs:
            self._resolve_run(raw, norms, kinds, run)
        roles: list[RoleMention] = []
        explained: set[int] = set()
        for run, (start, _end) in zip(runs, spans, strict=True):
            # A word before the title that no title has ("zorblax wrangler"): the title as
            # typed is unknown; a job is never guessed from its last word.
            dropped = [
                k
                for k in range(start, run.start)
                if kinds[k] == OTHER and not self._known_word(norms[k])
            ]
            if dropped and run.match is not None:
                understanding.unknown.append(" ".join(raw[dropped[0] : run.end]))
                understanding.unknown_words.extend(raw[k] for k in dropped)
                explained.update(range(dropped[0], run.end))
                continue
            if run.match is not None and run.score >= ROLE_MIN:
                mention = self._mention(run)
                if all(r.code != mention.code or r.key != mention.key for r in roles):
                    roles.append(mention)
                explained.update(range(run.start, run.end))
            else:
                understanding.unknown.append(run.text)
        understanding.roles = roles
        # A cue word inside a title ("software" in "software developer") asks nothing.
        topic_cues = [c for c in topic_cues if not explained.intersection(range(c.start, c.end))]
        topics = {Topic(k): v for k, v in strongest(topic_cues).items()}
        # Where each topic is first asked: the parts of the answer follow the question's order.
        positions: dict[Topic, int] = {}
        for cue in topic_cues:
            for label in cue.weights:
                positions.setdefault(Topic(label), cue.start)
        # "What does a network technician do?" asks what the job is, also as one part of a
        # question ("what does a phlebotomist do and what do they make?").
        joiners = self.lexicon.conjunctions.find(norms)
        ends = {c.start for c in joiners} | {n}
        if "what" in norms and any(
            w in ("do", "does") and i > norms.index("what") + 1 and i + 1 in ends
            for i, w in enumerate(norms)
        ):
            topics[Topic.DESCRIBE] = max(topics.get(Topic.DESCRIBE, 0.0), 0.8)
            understanding.what_it_does = True
            positions[Topic.DESCRIBE] = min(positions.get(Topic.DESCRIBE, n), norms.index("what"))
        # "what do they make", "how much do RNs earn": pay, however weak "make" is alone.
        making = [k for k, w in enumerate(norms) if w in ("make", "makes", "making")]
        in_cues = {
            k for c in topic_cues if c.weights.get("pay") is None for k in range(c.start, c.end)
        }
        making = [k for k in making if k not in in_cues]
        if making and {"what", "how"} & set(norms) and not explained.intersection(making):
            topics[Topic.PAY] = max(topics.get(Topic.PAY, 0.0), 0.9)
            positions[Topic.PAY] = min(positions.get(Topic.PAY, n), making[0])
        understanding.topics = topics
        understanding.positions = positions
        understanding.pay_ask = self._pay_ask(norms)
        directions = strongest(self.lexicon.direction.find(norms))
        if len(directions) == 1:
            understanding.direction = next(iter(directions))
        understanding.leftovers = [
            norms[k] for k in range(n) if kinds[k] == OTHER and k not in explained
        ]
        # "nurses at Kaiser": an employer, whose own pay no source here has.
        understanding.employers = [
            raw[k]
            for k in range(1, n)
            if norms[k - 1] in ("at", "for")
            and raw[k][:1].isupper()
            and kinds[k] == OTHER
            and k not in explained
        ]
        understanding.unanswered = self._unanswered_parts(
            raw, norms, kinds, explained, topic_cues, joiners
        )
        return understanding

    @staticmethod
    def _unanswered_parts(
        raw: list[str],
        norms: list[str],
        kinds: list[str],
        explained: set[int],
        topic_cues: list[Cue],
        joiners: list[Cue],
    ) -> list[str]:
        """The parts of a question of several ("… and are they happy?") that ask nothing the
        FAQ reads: words no title, place or cue explains, and no topic."""
        if not joiners:
            return []
        cued = {k for c in topic_cues for k in range(c.start, c.end)}
        bounds = [0, *(c.start for c in joiners), len(raw)]
        parts = []
        for left, right in pairwise(bounds):
            span = range(left + (1 if left else 0), right)
            unexplained = [k for k in span if kinds[k] == OTHER and k not in explained]
            if unexplained and not cued.intersection(span):
                parts.append(" ".join(raw[k] for k in span))
        return parts

    def _indefinite(self, norms: list[str], start: int) -> bool:
        window = norms[max(0, start - 4) : start]
        return bool({"a", "an", "any"} & set(window)) and not (
            self.lexicon.determiners & set(window)
        )

    def _pay_ask(self, norms: list[str]) -> PayAsk:
        asked = strongest(self.lexicon.pay_ask.find(norms))
        period = "hour" if "hour" in asked and "year" not in asked else ""
        if "year" in asked and "hour" not in asked:
            period = "year"
        percentiles = [int(k[1:]) for k in asked if k.startswith("p")]
        return PayAsk(
            period=period,
            percentile=percentiles[0] if len(percentiles) == 1 else None,
            mean="mean" in asked,
            starting="starting" in asked,
        )

    def _determined_job(self, norms: list[str]) -> bool:
        """'the network technician job', 'our nurse role' (not 'the role of a nurse')."""
        for i, word in enumerate(norms):
            if word not in self.lexicon.job_words:
                continue
            if i + 1 < len(norms) and norms[i + 1] == "of":
                continue
            window = norms[max(0, i - 6) : i]
            if any(w in self.lexicon.determiners for w in window):
                return True
        return False


_reader: Reader | None = None


def reader() -> Reader:
    global _reader
    if _reader is None:
        _reader = Reader()
    return _reader


def understand(question: str) -> Understanding:
    """What a question asks, about which roles and where (see the module docstring)."""
    return reader().read(question)
