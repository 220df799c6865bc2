"""The questions of the dialogue, read from `prompts/questions.yaml`."""

from __future__ import annotations

from functools import cache
from typing import Any, Literal

import yaml
from jinja2 import Environment, StrictUndefined, Template
from pydantic import BaseModel, ConfigDict

from bot.paths import prompts_dir

QuestionKind = Literal["text", "choice", "location", "pay", "pick_list", "list", "apply", "date"]
_ENV = Environment(undefined=StrictUndefined, autoescape=False)


class Choice(BaseModel):
    model_config = ConfigDict(frozen=True)

    value: str
    label: str


class Question(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")

    id: str
    kind: QuestionKind
    ask: str
    hint: str = ""
    choices: list[Choice] = []
    options: Literal["duties", "skills"] | None = None
    suggest: Literal["company", "pay", "closing_date", "level"] | None = None

    def wording(self, **context: Any) -> str:
        return " ".join(_compiled(self.ask).render(**context).split())


@cache
def _compiled(source: str) -> Template:
    # Compiling a template costs far more than rendering it; each question is asked often.
    return _ENV.from_string(source)


@cache
def load_questions() -> tuple[Question, ...]:
    data = yaml.safe_load((prompts_dir() / "questions.yaml").read_text(encoding="utf-8"))
    return tuple(Question.model_validate(item) for item in data["questions"])
