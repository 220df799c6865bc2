"""Licences and certifications a job needs, keyed by SOC code (`roles/licences.yaml`).

Our own table: each row names the credential as an employer would write it in a posting, in the
state the job is in ("Current Colorado RN license …") or, where the state is not known, for
the state where the person will work. A row may apply only from some level up (a PE license
for senior civil engineers) or be a nice-to-have rather than a must-have.
"""

from __future__ import annotations

import re
from functools import cache

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from bot.paths import roles_dir
from bot.roles.template import LEVELS, Level

_STATE = "{state}"
_CONDITIONAL = re.compile(r"\bwhere\b[^.;]*\b(?:requires?|required|allows?)\b", re.I)


class Licence(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    soc: list[str] = Field(
        min_length=1, description="'29-1141' (every O*NET code under it) or '29-1141.01'."
    )
    name: str = Field(min_length=2, description="Short name for answers: 'RN license'.")
    text: str = Field(
        min_length=5, description="The posting's bullet; '{state}' is the state's name."
    )
    text_anywhere: str = Field(min_length=5, description="The bullet when the state is not known.")
    entry_text: str = ""
    entry_text_anywhere: str = ""
    # Where a state names the credential its own way ("California" -> "… Multiple Subject
    # Teaching Credential …"): the state's full name to the bullet, and at entry level.
    by_state: dict[str, str] = {}
    by_state_entry: dict[str, str] = {}
    levels: list[Level] = list(LEVELS)
    required: bool = True
    varies: str = Field(default="", description="For the manager: how the rule differs by state.")
    basis: str = Field(min_length=5, description="What the row rests on, named for the manager.")

    @field_validator("soc")
    @classmethod
    def _codes(cls, value: list[str]) -> list[str]:
        for code in value:
            if not (len(code) in (7, 10) and code[2] == "-" and code[:2].isdigit()):
                raise ValueError(f"'{code}' is not a SOC code like 29-1141 or 29-1141.01")
        return value

    @property
    def conditional(self) -> bool:
        """Whether the row holds only where a state or city says so ("… where Hawaii or the
        county requires one"). Without each state's rule at hand, such a row is a question
        for the manager, not a line in the posting."""
        return bool(_CONDITIONAL.search(self.text))

    def applies_to(self, onet_code: str) -> bool:
        return any(onet_code == code or onet_code.startswith(code + ".") for code in self.soc)

    def bullet(self, level: Level, state: str | None) -> str:
        """The requirement as the posting states it, for this level and state."""
        if state and level == "entry" and state in self.by_state_entry:
            return self.by_state_entry[state]
        if state and state in self.by_state:
            return self.by_state[state]
        if level == "entry" and self.entry_text:
            text, anywhere = self.entry_text, self.entry_text_anywhere or self.text_anywhere
        else:
            text, anywhere = self.text, self.text_anywhere
        if state and _STATE in text:
            return text.replace(_STATE, state)
        if _STATE in text:
            return anywhere
        return text


class LicenceFileError(ValueError):
    """`roles/licences.yaml` cannot be used; the message names the row and the problem."""


@cache
def load_licences() -> tuple[Licence, ...]:
    path = roles_dir() / "licences.yaml"
    if not path.exists():
        return ()
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    rows = []
    for index, row in enumerate(data.get("licences", [])):
        try:
            rows.append(Licence.model_validate(row))
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(part) for part in first["loc"])
            raise LicenceFileError(
                f"licences.yaml, row {index + 1} ({row.get('name', '?')}): {where}: {first['msg']}"
            ) from None
    return tuple(rows)


def licences_for(
    onet_code: str | None, level: Level, *, conditional: bool = False
) -> list[Licence]:
    """The rows that apply to an occupation at a level, must-haves first; the rows that hold
    only where a state requires them with `conditional=True`."""
    if not onet_code:
        return []
    rows = [
        r
        for r in load_licences()
        if r.applies_to(onet_code) and level in r.levels and r.conditional == conditional
    ]
    return sorted(rows, key=lambda row: not row.required)
