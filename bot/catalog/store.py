"""Loading the committed catalogue (roles/catalog/) once, and lazily.

`get_catalog()` reads the occupations file (one JSON line per occupation, parsed only when an
occupation is asked for, and only the most recently used kept parsed: all 1,016 as models would
take about 100 MB, and one parses in well under a millisecond) in a few tens of milliseconds.
The title index is built on first use, and pay data is read on the first pay question, one
SOC's block at a time.
"""

from __future__ import annotations

import gzip
import json
import re
import threading
from collections import OrderedDict
from collections.abc import Iterator
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from bot.catalog.models import Occupation, occupation_from_raw
from bot.paths import roles_dir

if TYPE_CHECKING:
    from bot.catalog.pay import PayData
    from bot.catalog.titles import TitleIndex

OCCUPATIONS_FILE = "occupations.tsv.gz"
TITLES_FILE = "titles.json.gz"

_CODE = re.compile(r"^\s*(\d{2})-?(\d{4})(?:\.(\d{2}))?\s*$")


class CatalogError(RuntimeError):
    """The catalogue files are missing or unreadable."""


def catalog_dir() -> Path:
    return roles_dir() / "catalog"


class Catalog:
    """Every O*NET occupation, its titles, and (lazily) OEWS pay."""

    PARSED_KEPT = 64  # occupations kept as models, the most recently used

    def __init__(self, directory: Path) -> None:
        self.directory = directory
        path = directory / OCCUPATIONS_FILE
        try:
            data = gzip.decompress(path.read_bytes())
        except OSError as exc:
            raise CatalogError(
                f"Cannot read the occupation catalogue {path.name} in {directory}: {exc}. "
                "Rebuild it with `python scripts/build_catalog.py`."
            ) from exc
        lines = data.split(b"\n")
        head, _, header_json = lines[0].partition(b"\t")
        if head != b"header":
            raise CatalogError(f"{path.name} does not start with its header line.")
        self.header: dict[str, Any] = json.loads(header_json)
        self._lines: dict[str, bytes] = {}
        for line in lines[1:]:
            if line:
                code, _, payload = line.partition(b"\t")
                self._lines[code.decode()] = payload
        self.titles: dict[str, str] = self.header.get("titles", {})
        self._parsed: OrderedDict[str, Occupation] = OrderedDict()
        self._lock = threading.Lock()
        self._index: TitleIndex | None = None
        self._pay: PayData | None = None

    # -- occupations ----------------------------------------------------------------------
    @property
    def onet_version(self) -> str:
        return str(self.header.get("onet_version", ""))

    @property
    def attribution(self) -> str:
        return str(self.header.get("attribution", ""))

    def __len__(self) -> int:
        return len(self._lines)

    def __contains__(self, code: object) -> bool:
        return isinstance(code, str) and code in self._lines

    def codes(self) -> list[str]:
        return sorted(self._lines)

    def normalize_code(self, text: str) -> str | None:
        """'15-1231.00', '15-1231' or '151231' -> '15-1231.00' when the catalogue has it."""
        match = _CODE.match(text or "")
        if not match:
            return None
        major, minor, detail = match.groups()
        code = f"{major}-{minor}.{detail or '00'}"
        return code if code in self._lines else None

    def occupation(self, code: str) -> Occupation | None:
        """The occupation for an O*NET-SOC code ('15-1231.00'; '15-1231' works too)."""
        normal = code if code in self._lines else self.normalize_code(code)
        if normal is None:
            return None
        with self._lock:
            found = self._parsed.get(normal)
            if found is not None:
                self._parsed.move_to_end(normal)
                return found
        found = occupation_from_raw(normal, json.loads(self._lines[normal]), self.header)
        with self._lock:
            self._parsed[normal] = found
            while len(self._parsed) > self.PARSED_KEPT:
                self._parsed.popitem(last=False)
        return found

    def occupations(self) -> Iterator[Occupation]:
        """Every occupation, in code order (parses all of them on the first full pass)."""
        for code in self.codes():
            occupation = self.occupation(code)
            if occupation is not None:
                yield occupation

    def title(self, code: str) -> str | None:
        return self.titles.get(code)

    # -- title index ----------------------------------------------------------------------
    @property
    def title_index(self) -> TitleIndex:
        """The title index, built on first use from the precomputed table."""
        if self._index is None:
            with self._lock:
                if self._index is None:
                    self._index = self._load_index()
        return self._index

    def _load_index(self) -> TitleIndex:
        from bot.catalog.normalize import NORMALIZER_VERSION
        from bot.catalog.titles import TitleIndex

        path = self.directory / TITLES_FILE
        try:
            table = json.loads(gzip.decompress(path.read_bytes()))
        except OSError:
            table = None
        if table is not None and table.get("normalizer") == NORMALIZER_VERSION:
            return TitleIndex.from_table(table)
        # The committed index was built by another normaliser: rebuild it here (slower).
        raw = {code: json.loads(line) for code, line in self._lines.items()}
        return TitleIndex.from_occupations(raw)

    # -- pay ------------------------------------------------------------------------------
    @property
    def pay(self) -> PayData:
        """OEWS pay data, opened on first use."""
        if self._pay is None:
            from bot.catalog.pay import PayData

            with self._lock:
                if self._pay is None:
                    self._pay = PayData(self.directory)
        return self._pay


@cache
def _load(directory: Path) -> Catalog:
    return Catalog(directory)


def get_catalog(directory: Path | None = None) -> Catalog:
    """The catalogue, loaded once per process (from roles/catalog/ unless told otherwise)."""
    return _load((directory or catalog_dir()).resolve())
