"""From a typed job title to ranked occupations: the catalogue's titles plus curated roles.

`resolve("netwrok tech")` -> Resolution(matches=[Match(code="15-1231.00", score=0.9, …), …]).
Curated roles (roles/*.yaml) take part with their title and aliases, rank first when one of them
matches, and carry their role id. When the best two matches are close the resolution says so
(`ambiguous`), so the dialogue can ask; when nothing matches, `matches` is empty and
`suggestions` lists near misses, never a random occupation.
"""

from __future__ import annotations

import threading
from typing import TYPE_CHECKING

from pydantic import BaseModel, ConfigDict, Field

from bot.catalog.normalize import parse_query
from bot.catalog.store import Catalog, get_catalog
from bot.catalog.titles import W_CURATED, Hit, TitleIndex

if TYPE_CHECKING:
    from bot.roles.template import RoleTemplate

AMBIGUITY_GAP = 0.15  # the second match is "close" within this much of the first
AMBIGUITY_FLOOR = 0.8  # … and only if it is itself a strong match


def is_ambiguous(first: Hit, second: Hit, *, names_occupation: bool = False) -> bool:
    """Whether the best two are close enough that the dialogue should ask.

    Close means the second is itself a strong match within AMBIGUITY_GAP of the first, unless
    the query is the first occupation's own O*NET title and only another name of the second
    ("cashier" is Cashiers, even if tellers are sometimes called cashiers).
    """
    if second.score < AMBIGUITY_FLOOR or first.score - second.score > AMBIGUITY_GAP:
        return False
    owns_title = names_occupation or (first.via == "title" and first.text_score >= 0.95)
    return not owns_title or second.via == "title"


def _plain(title: str) -> str:
    """'Cashiers' and 'cashier' alike: lower case, no plural s."""
    return " ".join(word.rstrip("s") for word in title.casefold().split())


class Match(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    code: str = Field(
        description="O*NET-SOC code ('15-1231.00'), or 'role:<id>' for a curated role without one."
    )
    title: str = Field(description="The occupation's O*NET title (or the curated role's title).")
    score: float = Field(ge=0, le=1)
    matched: str = Field(description="The title or alias that matched.")
    via: str = Field(
        description="title, alternate title, short title, reported title, "
        "curated title, curated alias or code."
    )
    role_id: str | None = Field(default=None, description="The curated role for this code.")
    rare: bool = Field(
        default=False,
        description="Matched only through an alternate title that a single O*NET source reports "
        "('Growth Hacker' for Forest and Conservation Workers): offered, never assumed.",
    )


class Resolution(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    query: str
    matches: list[Match] = []
    ambiguous: bool = False
    suggestions: list[str] = []
    unknown_words: list[str] = Field(
        default=[], description="Words of the query the catalogue does not know ('zorblax')."
    )

    @property
    def best(self) -> Match | None:
        return self.matches[0] if self.matches else None

    @property
    def alternatives(self) -> list[Match]:
        return self.matches[1:]

    def json_dict(self) -> dict[str, object]:
        """The `newjob roles search --json` shape (../shared/design.md), plus the extra fields."""
        return {
            "query": self.query,
            "matches": [
                {
                    "code": m.code,
                    "title": m.title,
                    "score": m.score,
                    "matched": m.matched,
                    "via": m.via,
                }
                | ({"role_id": m.role_id} if m.role_id else {})
                for m in self.matches
            ],
            "ambiguous": self.ambiguous,
            "suggestions": self.suggestions,
        } | ({"unknown_words": self.unknown_words} if self.unknown_words else {})


class Resolver:
    """The catalogue's title index extended with curated roles."""

    def __init__(self, catalog: Catalog, curated: dict[str, RoleTemplate]) -> None:
        self.catalog = catalog
        self.index: TitleIndex = catalog.title_index
        self.role_by_code: dict[str, str] = {}
        self.role_titles: dict[str, str] = {}
        titles: list[tuple[str, str, float, str, str]] = []
        for role_id in sorted(curated):
            role = curated[role_id]
            code = role.onet_code or f"role:{role.id}"
            self.role_by_code.setdefault(code, role.id)
            self.role_titles[code] = role.title
            titles.append((role.title, code, W_CURATED, "curated title", role.title))
            for alias in role.aliases:
                titles.append((alias, code, W_CURATED, "curated alias", alias))
        if titles:
            self.index.add_titles(titles)
        # An O*NET title typed exactly ("Engineers, All Other") names its occupation.
        self.exact_titles: dict[str, str] = {
            " ".join(title.casefold().split()): code for code, title in catalog.titles.items()
        }

    def title_for(self, code: str) -> str:
        return self.catalog.title(code) or self.role_titles.get(code, code)

    def _match(self, hit: Hit) -> Match:
        return Match(
            code=hit.code,
            title=self.title_for(hit.code),
            score=round(min(max(hit.score, 0.0), 1.0), 3),
            matched=hit.text,
            via=hit.via,
            role_id=self.role_by_code.get(hit.code),
            rare=self._rare(hit),
        )

    def _rare(self, hit: Hit) -> bool:
        """Whether `hit` is an alternate title that only one O*NET source reports."""
        if hit.via != "alternate title" or hit.code in self.role_by_code:
            return False
        occupation = self.catalog.occupation(hit.code)
        if occupation is None:
            return False
        wanted = hit.text.casefold()
        sources = [
            alt.sources
            for alt in occupation.alternate_titles
            if wanted in (alt.title.casefold(), alt.short_title.casefold())
        ]
        return bool(sources) and max(sources) <= 1

    def unknown_words(self, text: str) -> list[str]:
        """The words of a typed title that the catalogue neither knows nor can correct."""
        parts = parse_query(text)
        return [
            token
            for token in parts.main
            if len(token) >= 3
            and token not in self.index.idf
            and not self.index._corrections(token)
            and not token.isdigit()
        ]

    def resolve(self, text: str, limit: int = 5) -> Resolution:
        query = text if isinstance(text, str) else ""
        limit = max(1, limit)
        code = self.catalog.normalize_code(query)
        if code is not None:
            match = Match(
                code=code,
                title=self.title_for(code),
                score=1.0,
                matched=code,
                via="code",
                role_id=self.role_by_code.get(code),
            )
            return Resolution(query=query, matches=[match])
        strong, weak = self.index.search(query, limit=max(limit, 2))
        exact = self.exact_titles.get(" ".join(query.casefold().split()))
        if exact is not None and (not strong or strong[0].code != exact):
            title = self.title_for(exact)
            strong = [Hit(exact, 1.0, 1.0, "title", title)] + [h for h in strong if h.code != exact]
            weak = []
        matches = [self._match(h) for h in strong[:limit]]
        ambiguous = False
        if len(strong) >= 2:
            names = _plain(query) == _plain(self.title_for(strong[0].code))
            ambiguous = is_ambiguous(strong[0], strong[1], names_occupation=names)
        unknown = self.unknown_words(query) if matches else []
        # A rare alternate title, or a match that leaves out a word we do not know, is a
        # question for the manager ("did you mean …?"), never taken silently.
        if matches and (matches[0].rare or unknown):
            ambiguous = True
        suggestions: list[str] = []
        if not matches:
            seen: set[str] = set()
            for hit in weak:
                title = self.title_for(hit.code)
                if title not in seen:
                    seen.add(title)
                    suggestions.append(title)
                if len(suggestions) >= 5:
                    break
        return Resolution(
            query=query,
            matches=matches,
            ambiguous=ambiguous,
            suggestions=suggestions,
            unknown_words=unknown,
        )


_resolvers: dict[int, Resolver] = {}
_lock = threading.Lock()


def _curated_roles() -> dict[str, RoleTemplate]:
    from bot.roles.curated import load_curated_roles

    return load_curated_roles()


def get_resolver(catalog: Catalog | None = None) -> Resolver:
    """The resolver for a catalogue (the default one unless given), built once."""
    catalog = catalog or get_catalog()
    resolver = _resolvers.get(id(catalog))
    if resolver is None or resolver.catalog is not catalog:
        with _lock:
            resolver = _resolvers.get(id(catalog))
            if resolver is None or resolver.catalog is not catalog:
                resolver = Resolver(catalog, _curated_roles())
                _resolvers[id(catalog)] = resolver
    return resolver


def resolve(text: str, limit: int = 5) -> Resolution:
    """Ranked occupations for a typed job title (see the module docstring)."""
    return get_resolver().resolve(text, limit=limit)
