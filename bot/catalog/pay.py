"""What an occupation pays where the job is: BLS OEWS May 2025 estimates, honestly labelled.

`pay_for(code, location_text)` maps the O*NET-SOC code to the OEWS SOC code its figures come
from (15-1231.00 -> 15-1231; a specialty to its SOC occupation; a code OEWS only publishes
combined or in its broad group to that, saying so), resolves the location to an OEWS area, and
takes the first area in metro -> state -> national order that has an estimate. Values BLS did
not publish as numbers stay flagged: top-coded wages (at or above $115.00 an hour or $239,200 a
year), wages published only hourly or only annually, and estimates not released.
"""

from __future__ import annotations

import json
import lzma
import threading
from collections import OrderedDict
from collections.abc import Iterator, Mapping
from pathlib import Path
from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

from bot.catalog.areas import NATIONAL, AreaMatch, Areas, load_areas, resolve_area_in
from bot.catalog.models import OEWS_SOURCE, SocBasis

PAY_FILE = "pay.tsv.xz"
PAY_META = "pay.json"
RELEASE = "May 2025"

Mark = Literal["", "top_coded", "not_published", "not_released", "missing"]
_MARKS: dict[str, Mark] = {"#": "top_coded", "*": "not_published", "**": "not_released"}
TOP_CODED = {"hour": 115.0, "year": 239200.0}


class PayValue(BaseModel):
    """One published figure, or why there is no number."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    value: float | None = None
    mark: Mark = ""

    @classmethod
    def parse(cls, text: str) -> PayValue:
        if text and text[0].isdigit():
            return cls(value=float(text))
        return cls(mark=_MARKS.get(text, "missing"))

    def text(self, period: Literal["hour", "year"] = "year", floor: float | None = None) -> str:
        """'$81,870', '$39.36', '≥ $239,200', 'not published', 'not released', 'n/a'.

        A top-coded value reads as at least BLS's cap, or at least `floor` (a lower percentile
        published above the cap) when that is higher.
        """
        if self.value is not None:
            return f"${self.value:,.2f}" if period == "hour" else f"${self.value:,.0f}"
        if self.mark == "top_coded":
            cap = max(TOP_CODED[period], floor or 0.0)
            return f"≥ ${cap:,.2f}" if period == "hour" else f"≥ ${cap:,.0f}"
        if self.mark == "not_published":
            return "not published"
        if self.mark == "not_released":
            return "not released"
        return "n/a"


class PayFigures(BaseModel):
    """Mean and percentiles for one pay period."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    period: Literal["hour", "year"]
    mean: PayValue
    p10: PayValue
    p25: PayValue
    median: PayValue
    p75: PayValue
    p90: PayValue

    @property
    def published(self) -> bool:
        """True when at least one figure is a number or top-coded."""
        values = (self.mean, self.p10, self.p25, self.median, self.p75, self.p90)
        return any(v.value is not None or v.mark == "top_coded" for v in values)

    def rows(self) -> list[tuple[str, str]]:
        """(label, text) for the percentiles and the mean, top-coded values bounded honestly."""
        out: list[tuple[str, str]] = []
        floor: float | None = None
        for label, value in (
            ("10th percentile", self.p10),
            ("25th percentile", self.p25),
            ("median", self.median),
            ("75th percentile", self.p75),
            ("90th percentile", self.p90),
        ):
            out.append((label, value.text(self.period, floor)))
            if value.value is not None:
                floor = value.value
        out.append(("mean", self.mean.text(self.period)))
        return out


class PayReport(BaseModel):
    """Pay for one occupation in the best area with data, naming area, SOC, source and release."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    code: str  # the O*NET-SOC code asked about
    title: str
    available: bool
    soc: str | None = None  # the OEWS SOC used, "15-1231"
    soc_title: str = ""
    soc_basis: SocBasis = "none"
    requested: AreaMatch
    area_code: str | None = None
    area_name: str | None = None
    area_type: Literal["metro", "state", "national"] | None = None
    employment: int | None = None
    employment_mark: Mark = ""
    hourly: PayFigures | None = None
    annual: PayFigures | None = None
    notes: list[str] = []
    source: str = OEWS_SOURCE
    release: str = RELEASE

    @property
    def fell_back(self) -> bool:
        return self.available and self.area_code != self.requested.area_code

    def citation(self) -> str:
        where = self.area_name or "United States"
        soc = f"SOC {self.soc} {self.soc_title}".strip() if self.soc else ""
        return f"{self.source} ({where}; {soc})" if soc else f"{self.source} ({where})"

    def headline(self) -> str:
        """One line: 'Median $76,220 a year ($36.64 an hour) in the United States …'."""
        if not self.available:
            return self.notes[0] if self.notes else "No BLS OEWS pay estimate is available."
        parts = []
        if self.annual and self.annual.published:
            parts.append(f"median {self.annual.median.text('year')} a year")
        if self.hourly and self.hourly.published:
            hour = f"{self.hourly.median.text('hour')} an hour"
            parts.append(f"({hour})" if parts else f"median {hour}")
        figure = " ".join(parts) or "no published wage figures"
        return f"{self.title}: {figure} in {self.area_name} ({self.citation()})."


def _figures(values: list[str], period: Literal["hour", "year"]) -> PayFigures:
    mean, p10, p25, p50, p75, p90 = (PayValue.parse(v) for v in values)
    return PayFigures(period=period, mean=mean, p10=p10, p25=p25, median=p50, p75=p75, p90=p90)


class PayRows(Mapping[str, list[str]]):
    """One SOC's rows: area code -> the row's values. Each row stays one string until it is
    asked for (a block holds some 500 areas of 13 values, and 64 blocks are kept)."""

    def __init__(self, lines: dict[str, str]) -> None:
        self._lines = lines

    def __getitem__(self, area: str) -> list[str]:
        return self._lines[area].split("\t")

    def __iter__(self) -> Iterator[str]:
        return iter(self._lines)

    def __len__(self) -> int:
        return len(self._lines)


class PayData:
    """OEWS rows, read one SOC block at a time from pay.tsv.xz and kept in a small cache."""

    CACHE_SIZE = 64

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        meta_path = directory / PAY_META
        self.meta: dict[str, Any] = json.loads(meta_path.read_text(encoding="utf-8"))
        self.blocks: dict[str, list[int]] = self.meta["blocks"]
        self.soc_titles: dict[str, str] = self.meta.get("soc_titles", {})
        self.areas: Areas = load_areas(meta_path)
        self.release: str = self.meta.get("release", OEWS_SOURCE)
        self._cache: OrderedDict[str, PayRows] = OrderedDict()
        self._lock = threading.Lock()

    def rows(self, soc: str) -> PayRows:
        """Area code -> the row's values (employment, hourly mean, annual mean, percentiles)."""
        with self._lock:
            cached = self._cache.get(soc)
            if cached is not None:
                self._cache.move_to_end(soc)
                return cached
        block = self.blocks.get(soc)
        lines: dict[str, str] = {}
        if block is not None:
            offset, length = block[0], block[1]
            with (self.directory / PAY_FILE).open("rb") as handle:
                handle.seek(offset)
                data = lzma.decompress(handle.read(length))
            for line in data.decode("utf-8").splitlines():
                fields = line.split("\t", 2)
                if len(fields) == 3 and fields[0] == soc and fields[2].count("\t") >= 12:
                    lines[fields[1]] = fields[2]
        rows = PayRows(lines)
        with self._lock:
            self._cache[soc] = rows
            while len(self._cache) > self.CACHE_SIZE:
                self._cache.popitem(last=False)
        return rows

    def resolve_area(self, location_text: str | None) -> AreaMatch:
        return resolve_area_in(self.areas, location_text)

    def report(
        self,
        *,
        code: str,
        title: str,
        soc6: str | None,
        basis: SocBasis,
        soc_note: str,
        location_text: str | None,
    ) -> PayReport:
        requested = self.resolve_area(location_text)
        notes: list[str] = []
        if basis not in ("exact",) and soc_note:
            notes.append(soc_note)
        if requested.note:
            notes.append(requested.note)
        if not soc6:
            return PayReport(
                code=code, title=title, available=False, requested=requested, notes=notes
            )
        soc = f"{soc6[:2]}-{soc6[2:]}"
        rows = self.rows(soc6)
        chosen = next((a for a in requested.fallbacks if a in rows), None)
        if chosen is None and NATIONAL in rows:
            chosen = NATIONAL
        if chosen is None:
            notes.append(f"BLS OEWS has no estimate for SOC {soc} in any area.")
            return PayReport(
                code=code,
                title=title,
                available=False,
                soc=soc,
                soc_title=self.soc_titles.get(soc6, ""),
                soc_basis=basis,
                requested=requested,
                notes=notes,
            )
        name = self.areas.name(chosen)
        if chosen != requested.area_code:
            notes.append(
                f"BLS OEWS publishes no estimate for SOC {soc} in {requested.area_name}; "
                f"showing {name}."
            )
        values = rows[chosen]
        employment = PayValue.parse(values[0])
        kind = self.areas.kinds.get(chosen, "N")
        area_type: Literal["metro", "state", "national"] = (
            "metro" if kind == "M" else "state" if kind == "S" else "national"
        )
        return PayReport(
            code=code,
            title=title,
            available=True,
            soc=soc,
            soc_title=self.soc_titles.get(soc6, ""),
            soc_basis=basis,
            requested=requested,
            area_code=chosen,
            area_name=name,
            area_type=area_type,
            employment=int(employment.value) if employment.value is not None else None,
            employment_mark=employment.mark,
            hourly=_figures([values[1], *values[3:8]], "hour"),
            annual=_figures([values[2], *values[8:13]], "year"),
            notes=notes,
            source=self.release,
        )
