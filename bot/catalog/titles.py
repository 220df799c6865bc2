"""The title index: every way the catalogue names an occupation, searchable in a few milliseconds.

Entries come from O*NET (official titles, alternate titles and their short forms, reported
titles) and from curated roles. Each entry has a prior weight (how strongly that title points at
that occupation: an official title more than an alternate title found by one source). A query is
scored against entries by IDF-weighted token overlap, so rare words ("hvac", "barista") count more
than common ones ("worker"), word order does not matter, and typos are corrected against the
index's own vocabulary with rapidfuzz.

The build script precomputes the normalised rows (`index_rows`) so loading does not re-normalise
56,000 titles; `TitleIndex.from_rows` builds the in-memory structures.
"""

from __future__ import annotations

import math
import re
from bisect import bisect_left, insort
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from typing import Any, NamedTuple

from rapidfuzz import process
from rapidfuzz.distance import OSA

from bot.catalog.normalize import (
    LEVEL_WORDS,
    NORMALIZER_VERSION,
    parse_query,
    title_key,
    title_tokens,
)

# Prior weights: how strongly a title points at an occupation.
W_CURATED = 1.0
W_TITLE = 0.99
W_TITLE_PART = 0.93
W_ALL_OTHER = 0.80
W_REPORTED_SHOWN = 0.90
W_REPORTED = 0.87
LEVEL_PENALTY = 0.95  # an index title whose seniority words were dropped ("Lead Carpenter")
MILITARY_FACTOR = 0.9
PRIOR_MAX = 0.009  # the most an occupation's size adds to a weight (keeps curated titles first)


def w_alternate(sources: int) -> float:
    """An alternate title found by more O*NET sources is a stronger pointer (1: 0.88 … 4+: 0.97)."""
    return 0.85 + 0.03 * min(max(sources, 1), 4)


TRAILING_WEIGHT = 0.35  # words after " - ", in brackets, after a comma
UNMATCHED_TRAILING = 0.3  # how much of that weight still counts when a title lacks the word

_PAREN = re.compile(r"\s*\(([^)]*)\)\s*")
_EXCEPT = re.compile(r",\s*(?:except|including)\b.*$", re.IGNORECASE)
_ALL_OTHER = re.compile(r",?\s*all other\b", re.IGNORECASE)


# An index entry: (code, weight, via, text shown). Plain tuples: 59,000 of them load fast.
Entry = tuple[str, float, str, str]


class Hit(NamedTuple):
    """One occupation found for a query: final score (text match x prior) and what matched."""

    code: str
    score: float
    text_score: float
    via: str
    text: str


def _outside_inside(text: str) -> tuple[str, list[str]]:
    inside = [m.group(1).strip() for m in _PAREN.finditer(text)]
    outside = _PAREN.sub(" ", text).strip()
    return outside, [i for i in inside if i]


def title_variants(title: str) -> Iterator[tuple[str, str, float]]:
    """Texts for an official O*NET title: (text, via, weight)."""
    weight = W_ALL_OTHER if _ALL_OTHER.search(title) else W_TITLE
    base = _ALL_OTHER.sub("", _EXCEPT.sub("", title)).strip(" ,")
    yield base or title, "title", weight
    # "Maids and Housekeeping Cleaners" names two jobs: index each half as well.
    if "," not in base and base.count(" and ") == 1:
        left, right = base.split(" and ")
        if left.endswith("s") and right.endswith("s"):
            for part in (left, right):
                yield (
                    part,
                    "title",
                    min(weight, W_TITLE_PART if " " in part else W_TITLE_PART - 0.05),
                )


def size_prior(code: str, occ: Mapping[str, Any]) -> float:
    """A small bonus (0 … PRIOR_MAX) for occupations employing more people (BLS national
    employment), so that equally good title matches rank the common occupation first. O*NET
    specialties (codes not ending in .00) share their SOC's figure and get half."""
    employment = (occ.get("pay") or {}).get("national_employment") or 0
    if employment <= 0:
        return 0.0
    prior = min(math.log10(employment + 1) / 7.0, 1.0) * PRIOR_MAX
    return prior if code.endswith(".00") else prior / 2


def occupation_texts(occ: Mapping[str, Any]) -> Iterator[tuple[str, str, float, str]]:
    """(text to index, via, weight, text to show) for one raw catalogue occupation."""
    for text, via, weight in title_variants(occ["title"]):
        yield text, via, weight, occ["title"]
    for alt, short, sources in occ.get("alternate_titles", []):
        weight = w_alternate(sources)
        outside, inside = _outside_inside(alt)
        if outside:
            yield outside, "alternate title", weight, alt
        if short:
            for part in inside:
                yield part, "alternate title", weight, alt
            yield short, "short title", weight, alt
    for reported, shown in occ.get("reported_titles", []):
        weight = W_REPORTED_SHOWN if shown else W_REPORTED
        outside, inside = _outside_inside(reported)
        for part in [outside, *inside]:
            if part:
                yield part, "reported title", weight, reported


def index_rows(
    occupations: Mapping[str, Mapping[str, Any]],
) -> list[tuple[str, str, float, str, str]]:
    """Normalised rows (key, code, weight, via, text): the best entry per (key, code), sorted."""
    best: dict[tuple[str, str], tuple[float, str, str]] = {}
    for code in sorted(occupations):
        prior = size_prior(code, occupations[code])
        # Military occupations (55-) are rarely what a job posting means: rank them lower.
        scale = MILITARY_FACTOR if code.startswith("55-") else 1.0
        for text, via, weight, shown in occupation_texts(occupations[code]):
            tokens, stripped = title_tokens(text)
            if not tokens:
                continue
            if stripped:
                weight *= LEVEL_PENALTY
            weight = weight * scale + prior
            key = title_key(tokens)
            weight = round(weight, 3)
            current = best.get((key, code))
            if current is None or (weight, -len(shown)) > (current[0], -len(current[2])):
                best[(key, code)] = (weight, via, shown)
    return [(key, code, w, via, shown) for (key, code), (w, via, shown) in sorted(best.items())]


def index_table(occupations: Mapping[str, Mapping[str, Any]]) -> dict[str, Any]:
    """The index as compact columns for the catalogue file (see `TitleIndex.from_table`).

    `keys` are the sorted normalised keys; `entries` are [key #, code #, weight x 1000, via #,
    text #] rows sorted by key, referring to the `codes`, `vias` and `texts` lists.
    """
    rows = index_rows(occupations)
    codes = sorted({r[1] for r in rows})
    vias = sorted({r[3] for r in rows})
    texts = sorted({r[4] for r in rows})
    keys = sorted({r[0] for r in rows})
    code_no = {c: i for i, c in enumerate(codes)}
    via_no = {v: i for i, v in enumerate(vias)}
    text_no = {t: i for i, t in enumerate(texts)}
    key_no = {k: i for i, k in enumerate(keys)}
    entries = sorted(
        [key_no[k], code_no[c], round(w * 1000), via_no[v], text_no[t]] for k, c, w, v, t in rows
    )
    entries.sort(key=lambda e: (e[0], -e[2], codes[e[1]]))
    return {
        "normalizer": NORMALIZER_VERSION,
        "codes": codes,
        "vias": vias,
        "texts": texts,
        "keys": keys,
        "entries": entries,
    }


class TitleIndex:
    """In-memory search structures over normalised title rows."""

    def __init__(self) -> None:
        self.keys: list[str] = []
        self.key_weight: list[float] = []
        # per key: (code, weight, via, text) entries, best first
        self.entries: list[tuple[Entry, ...]] = []
        self.key_id: dict[str, int] = {}
        self.postings: dict[str, list[int]] = {}
        self.idf: dict[str, float] = {}
        self.unknown_idf = 1.0
        self._by_length: dict[int, list[str]] = {}
        self._sorted_vocab: list[str] = []
        self._fuzzy_cache: dict[str, list[tuple[str, float]]] = {}

    # -- building -------------------------------------------------------------------------
    @classmethod
    def from_table(cls, table: Mapping[str, Any]) -> TitleIndex:
        """Build from `index_table` output (what the catalogue file stores). The table's rows
        are used up as they are read (its `entries` list is left empty), so that the rows and
        the index built from them are never in memory whole at the same time."""
        index = cls()
        codes: list[str] = table["codes"]
        vias: list[str] = table["vias"]
        texts: list[str] = table["texts"]
        keys: list[str] = table["keys"]
        entries: list[tuple[Entry, ...]] = [()] * len(keys)
        # Rows are sorted by key, then best first: taken from the end, each key's come last first.
        rows: list[list[int]] = table["entries"]
        current = -1
        group: list[Entry] = []
        while rows:
            key_no, code_no, weight, via_no, text_no = rows.pop()
            if key_no != current:
                if group:
                    entries[current] = tuple(reversed(group))
                current, group = key_no, []
            group.append((codes[code_no], weight / 1000, vias[via_no], texts[text_no]))
        if group:
            entries[current] = tuple(reversed(group))
        index.keys = list(keys)
        index.key_id = {k: i for i, k in enumerate(keys)}
        index.entries = entries
        postings: dict[str, list[int]] = {}
        key_tokens = [key.split() for key in keys]
        for key_id, tokens in enumerate(key_tokens):
            for token in tokens:
                bucket = postings.get(token)
                if bucket is None:
                    postings[token] = [key_id]
                else:
                    bucket.append(key_id)
        index.postings = postings
        index._finish(key_tokens)
        return index

    @classmethod
    def from_occupations(cls, occupations: Mapping[str, Mapping[str, Any]]) -> TitleIndex:
        """Build from raw catalogue occupations (slow: normalises every title)."""
        return cls.from_table(index_table(occupations))

    def _finish(self, key_tokens: list[list[str]]) -> None:
        total = max(len(self.keys), 1)
        log = math.log
        self.idf = idf = {t: log(1.0 + total / len(ids)) for t, ids in self.postings.items()}
        self.unknown_idf = log(1.0 + total)
        get = idf.__getitem__
        self.key_weight = [sum(map(get, tokens)) for tokens in key_tokens]
        by_length: dict[int, list[str]] = defaultdict(list)
        for token in idf:
            by_length[len(token)].append(token)
        self._by_length = dict(by_length)
        self._sorted_vocab = sorted(idf)
        self._fuzzy_cache = {}

    def add_titles(self, titles: Iterable[tuple[str, str, float, str, str]]) -> None:
        """Add (text, code, weight, via, shown) entries, e.g. curated roles' titles and aliases.

        Words the catalogue does not know get the highest IDF; existing weights are kept, so
        adding a few titles costs little.
        """
        for text, code, weight, via, shown in titles:
            tokens, stripped = title_tokens(text)
            if not tokens:
                continue
            w = weight * (LEVEL_PENALTY if stripped else 1.0)
            entry: Entry = (code, w, via, shown)
            key = title_key(tokens)
            key_id = self.key_id.get(key)
            if key_id is None:
                key_id = len(self.keys)
                self.key_id[key] = key_id
                self.keys.append(key)
                self.entries.append(())
                for token in key.split():
                    if token not in self.idf:
                        self.idf[token] = self.unknown_idf
                        self._by_length.setdefault(len(token), []).append(token)
                        insort(self._sorted_vocab, token)
                    self.postings.setdefault(token, []).append(key_id)
                self.key_weight.append(sum(self.idf[t] for t in key.split()))
            merged = {e[0]: e for e in self.entries[key_id]}
            if code not in merged or merged[code][1] < w:
                merged[code] = entry
            self.entries[key_id] = tuple(sorted(merged.values(), key=lambda e: (-e[1], e[0])))
        self._fuzzy_cache = {}

    # -- searching ------------------------------------------------------------------------
    def _corrections(self, token: str) -> list[tuple[str, float]]:
        """Vocabulary words close to an unknown word, with a similarity in 0..1."""
        cached = self._fuzzy_cache.get(token)
        if cached is not None:
            return cached
        out: list[tuple[str, float]] = []
        n = len(token)
        if n >= 4:
            max_distance = 1 if n < 8 else 2
            choices: list[str] = []
            for length in range(n - max_distance, n + max_distance + 1):
                choices.extend(self._by_length.get(length, ()))
            found = process.extract(
                token, choices, scorer=OSA.distance, score_cutoff=max_distance, limit=12
            )
            ranked = sorted(
                ((choice, int(dist)) for choice, dist, _ in found),
                key=lambda cd: (cd[1], -len(self.postings[cd[0]]), cd[0]),
            )
            ranked = [(c, d) for c, d in ranked if len(c) >= 4]
            for choice, dist in ranked[:3]:
                out.append((choice, 1.0 - dist / max(n, len(choice))))
            if not out:
                start = bisect_left(self._sorted_vocab, token)
                completions: list[str] = []
                for word in self._sorted_vocab[start : start + 200]:
                    if not word.startswith(token):
                        break
                    completions.append(word)
                completions.sort(key=lambda w: (-len(self.postings[w]), w))
                out = [(w, 0.85) for w in completions[:3]]
        if len(self._fuzzy_cache) > 10_000:
            self._fuzzy_cache.clear()
        self._fuzzy_cache[token] = out
        return out

    def _joined(self, tokens: list[str]) -> list[str] | None:
        """'fork lift' -> 'forklift' when the index knows the joined word, else None."""
        out: list[str] = []
        changed = False
        i = 0
        while i < len(tokens):
            if i + 1 < len(tokens):
                joined = tokens[i] + tokens[i + 1]
                if joined in self.idf:
                    out.append(joined)
                    changed = True
                    i += 2
                    continue
            out.append(tokens[i])
            i += 1
        return out if changed else None

    def _positions(
        self, main: list[str], fuzzy: bool = True
    ) -> tuple[list[tuple[float, list[tuple[str, float]]]], float]:
        """Query positions (weight, [(token, similarity), ...]) and their total weight.

        Unknown words are corrected to known ones (`fuzzy`), except level words ("senior").
        """
        positions: list[tuple[float, list[tuple[str, float]]]] = []
        seen: set[str] = set()
        for token in main:
            if token in seen:
                continue
            seen.add(token)
            if token in self.idf:
                positions.append((self.idf[token], [(token, 1.0)]))
                continue
            alts = self._corrections(token) if fuzzy and token not in LEVEL_WORDS else []
            if alts:
                positions.append((self.idf[alts[0][0]], alts))
            else:
                positions.append((self.unknown_idf * 0.8, []))
        return positions, sum(w for w, _ in positions)

    def _accumulate(
        self, positions: list[tuple[float, list[tuple[str, float]]]], total: float, floor: float
    ) -> dict[int, complex]:
        """Matched weight per key: complex(key side, query side).

        Positions are taken heaviest first; once the positions left could not lift a key that
        none has matched yet to `floor`, keys are no longer added, only completed.
        """
        # score = 2*ck*cq/(ck+cq) <= 2*cq/(1+cq); it reaches floor only if cq >= floor/(2-floor)
        need = floor / (2.0 - floor) * total
        ordered = sorted(positions, key=lambda p: -p[0])
        remaining = sum(w for w, alts in ordered if alts)
        idf = self.idf
        postings = self.postings
        acc: dict[int, complex] = {}
        for q_weight, alts in ordered:
            if not alts:
                continue
            admit = remaining >= need
            remaining -= q_weight
            if len(alts) == 1:
                token, sim = alts[0]
                add = complex(idf[token] * sim, q_weight * sim)
                ids = postings[token]
                if admit:
                    get = acc.get
                    for key_id in ids:
                        acc[key_id] = get(key_id, 0j) + add
                else:
                    for key_id in ids:
                        if key_id in acc:
                            acc[key_id] += add
                continue
            best: dict[int, complex] = {}
            for token, sim in alts:
                add = complex(idf[token] * sim, q_weight * sim)
                for key_id in postings[token]:
                    if (admit or key_id in acc) and add.imag > best.get(key_id, 0j).imag:
                        best[key_id] = add
            for key_id, add in best.items():
                acc[key_id] = acc.get(key_id, 0j) + add
        return acc

    def _add_trailing(
        self, acc: dict[int, complex], trailing: list[tuple[str, float]]
    ) -> dict[int, float]:
        """Credit keys already found for the words after the main title; returns the query-side
        weight each key matched (they only ever help: see `_rank`)."""
        matched: dict[int, float] = {}
        for token, weight in trailing:
            add = complex(self.idf[token], weight)
            for key_id in self.postings[token]:
                if key_id in acc:
                    acc[key_id] += add
                    matched[key_id] = matched.get(key_id, 0.0) + weight
        return matched

    def _rank(
        self,
        acc: dict[int, complex],
        total: float,
        floor: float,
        trailing_total: float = 0.0,
        trailing_matched: dict[int, float] | None = None,
    ) -> list[Hit]:
        """Hits from matched weights. The query's weight is its main words, plus the trailing
        words a key matched, plus a fraction (UNMATCHED_TRAILING) of those it did not: "Cook,
        fast food" prefers Fast Food Cooks, while "Nurse - Boston" is still a nurse."""
        key_weight = self.key_weight
        scored: list[tuple[float, int]] = []
        unmatched_all = UNMATCHED_TRAILING * trailing_total
        for key_id, value in acc.items():
            cover_key = value.real / key_weight[key_id]
            if trailing_matched is None:
                cover_query = value.imag / (total + unmatched_all)
            else:
                hit = trailing_matched.get(key_id, 0.0)
                unmatched = UNMATCHED_TRAILING * (trailing_total - hit)
                cover_query = value.imag / (total + hit + unmatched)
            text_score = 2 * cover_key * cover_query / (cover_key + cover_query)
            if text_score >= floor:
                scored.append((text_score, key_id))
        per_code: dict[str, Hit] = {}
        for text_score, key_id in scored:
            for code, weight, via, shown in self.entries[key_id]:
                score = text_score * weight
                current = per_code.get(code)
                if current is None or score > current.score:
                    per_code[code] = Hit(code, score, text_score, via, shown)
        return sorted(per_code.values(), key=lambda h: (-h.score, h.code))

    def _search_variant(
        self, main: list[str], trailing: list[str], floor: float, fuzzy: bool
    ) -> list[Hit]:
        positions, total = self._positions(main, fuzzy)
        if total <= 0 or not any(alts for _, alts in positions):
            return []
        acc = self._accumulate(positions, total, floor)
        extra = [
            (t, self.idf[t] * TRAILING_WEIGHT)
            for t in dict.fromkeys(trailing)
            if t in self.idf and t not in main
        ]
        if not extra:
            return self._rank(acc, total, floor)
        matched = self._add_trailing(acc, extra)
        return self._rank(acc, total, floor, sum(w for _, w in extra), matched)

    def search(self, text: str, limit: int = 10) -> tuple[list[Hit], list[Hit]]:
        """(matches, near misses) for a typed title, best first.

        Matches score at least MATCH_MIN. Near misses (at least WEAK_MIN) are computed only when
        nothing matches, as material for suggestions, and only from words the index knows as
        typed (no typo correction), so that gibberish gets no suggestions. Words that the index
        knows as one ("fork lift" -> forklift) are tried both ways.
        """
        parts = parse_query(text)
        if not parts.main or max(len(t) for t in parts.main) < 2:
            return [], []
        variants = [parts.main]
        joined = self._joined(parts.main)
        if joined is not None:
            variants.append(joined)
        for floor, minimum in ((MATCH_MIN / W_CURATED, MATCH_MIN), (WEAK_MIN, WEAK_MIN)):
            best: dict[str, Hit] = {}
            for main in variants:
                fuzzy = minimum == MATCH_MIN
                for hit in self._search_variant(main, parts.trailing, floor, fuzzy):
                    current = best.get(hit.code)
                    if current is None or hit.score > current.score:
                        best[hit.code] = hit
            ranked = sorted(
                (h for h in best.values() if h.score >= minimum), key=lambda h: (-h.score, h.code)
            )
            if minimum == MATCH_MIN and ranked:
                return ranked[:limit], []
            if minimum == WEAK_MIN:
                return [], ranked[:limit]
        return [], []


MATCH_MIN = 0.5
WEAK_MIN = 0.35
