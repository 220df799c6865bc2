"""The dialogue engine: a state (plain JSON, stored between answers) and the replies to show.

`Dialogue.handle(state, answer)` is a pure step: it never talks to Slack or the database, so the
same engine serves Slack, the terminal playground and the tests, and a stored state can be picked
up again after a restart exactly where it was.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError

from bot.dialogue.questions import Choice, Question, load_questions
from bot.posting import (
    EmploymentType,
    Location,
    ParseError,
    Pay,
    Posting,
    Workplace,
    parse_date,
    parse_employment_type,
    parse_list,
    parse_location,
    parse_pay,
    parse_workplace,
    split_pay_note,
)
from bot.posting.characters import clean_text
from bot.posting.compose import duties_at, level_for, role_posting
from bot.posting.draft import parse_level, posting_from_role
from bot.posting.model import format_money
from bot.posting.places import COUNTRY_CURRENCY
from bot.roles.template import RoleTemplate
from bot.text import field_label, say

MAX_OPTIONS = 10  # Block Kit checkboxes take at most 10 options
MAX_TEXT = 2000

SKIP, BACK, CANCEL, HELP = "skip", "back", "cancel", "help"
USE_SUGGESTION, USE_ALL = "__suggestion__", "__all__"
_COMMANDS = {SKIP, BACK, CANCEL, HELP}
# Longest typed answer per question, as the Posting holds it (the rest: 200 characters).
_TEXT_LIMITS = {"schedule": 1000, "next_steps": 500}


class DialogueState(BaseModel):
    """Everything needed to carry on a dialogue, JSON-serialisable for the store."""

    title: str
    role_key: str
    step: int = 0
    answers: dict[str, Any] = {}
    skipped: list[str] = []
    history: list[int] = []
    finished: bool = False
    cancelled: bool = False


@dataclass(frozen=True)
class Answer:
    """What the manager did: typed text, pressed a button (`choice`) or ticked boxes (`picks`)."""

    text: str | None = None
    choice: str | None = None
    picks: list[str] | None = None


@dataclass(frozen=True)
class Suggestion:
    text: str
    value: str
    source: str = ""


@dataclass(frozen=True)
class Ask:
    question: Question
    number: int
    total: int
    wording: str
    hint: str
    choices: list[Choice] = field(default_factory=list)
    options: list[str] = field(default_factory=list)
    suggestion: Suggestion | None = None
    current: str = ""
    intro: str = ""


@dataclass(frozen=True)
class Problem:
    text: str


@dataclass(frozen=True)
class Note:
    text: str


@dataclass(frozen=True)
class Preview:
    posting: Posting
    missing: list[str]


@dataclass(frozen=True)
class Cancelled:
    text: str


Reply = Ask | Problem | Note | Preview | Cancelled

# (role, place, level, employment type) -> the pay to suggest
PaySuggester = Callable[[RoleTemplate, Location | None, str | None, str | None], Suggestion | None]


@dataclass
class Organisation:
    name: str = ""
    url: str | None = None
    about: str = ""


class Dialogue:
    """The questions for one role, and how each answer is checked and stored.

    `voice` is the prompts/ section of the few notes that depend on where the dialogue takes
    place (the intro, help and "skipped"): in Slack they name its buttons and threads
    (`dialogue.intro`), in the terminal the words to type (`terminal.dialogue.intro`).
    """

    def __init__(
        self,
        role: RoleTemplate,
        *,
        organisation: Organisation | None = None,
        pay_suggester: PaySuggester | None = None,
        questions: tuple[Question, ...] | None = None,
        today: dt.date | None = None,
        voice: str = "dialogue",
    ) -> None:
        self.role = role
        self.voice = voice
        self.organisation = organisation or Organisation()
        self.pay_suggester = pay_suggester
        self.questions = questions or load_questions()
        self.today = today or dt.date.today()

    # ------------------------------------------------------------------ the flow

    def start(self, title: str) -> tuple[DialogueState, list[Reply]]:
        from bot.faq.sources import from_source

        state = DialogueState(title=title, role_key=self.role.id)
        source = self.role.source_for("summary")
        intro = say(
            f"{self.voice}.intro",
            title=title,
            role_title=self.role.title,
            source=source.citation if source else "",
            source_label=from_source(source).label if source else "",
            total=len(self.questions),
        )
        ask = self._ask(state)
        return state, [Ask(**{**ask.__dict__, "intro": intro})]

    def current(self, state: DialogueState) -> list[Reply]:
        """What to show to carry on from a stored state (after a restart, or on 'help')."""
        if state.cancelled:
            return [Cancelled(say("dialogue.cancelled"))]
        if state.finished:
            return [self.preview(state)]
        return [self._ask(state)]

    def handle(self, state: DialogueState, answer: Answer) -> tuple[DialogueState, list[Reply]]:
        if state.cancelled:
            return state, [Note(say("dialogue.not_active"))]
        if state.finished:
            return state, [Note(say("dialogue.already_done"))]
        command = self._command(answer)
        if command == HELP:
            return state, [Note(say(f"{self.voice}.help", title=state.title)), self._ask(state)]
        if command == CANCEL:
            state = state.model_copy(update={"cancelled": True})
            return state, [Cancelled(say("dialogue.cancelled"))]
        if command == BACK:
            if not state.history:
                return state, [Note(say("dialogue.nothing_to_go_back_to")), self._ask(state)]
            previous = state.history[-1]
            state = state.model_copy(update={"step": previous, "history": state.history[:-1]})
            return state, [self._ask(state)]
        question = self.questions[state.step]
        if command == SKIP:
            answers = {k: v for k, v in state.answers.items() if k != question.id}
            skipped = [*dict.fromkeys([*state.skipped, question.id])]
            state = state.model_copy(update={"answers": answers, "skipped": skipped})
            return self._advance(state, [Note(say(f"{self.voice}.skipped"))])
        try:
            value = self._value(question, state, answer)
        except ParseError as error:
            return state, [Problem(error.message), self._ask(state)]
        answers = {**state.answers, question.id: value}
        if question.kind == "pay":
            # "$15-18/hr plus tips": the tips are kept beside the pay, not dropped.
            typed = answer.text if answer.choice is None else ""
            answers["pay_note"] = split_pay_note(typed or "")[1]
        skipped = [item for item in state.skipped if item != question.id]
        state = state.model_copy(update={"answers": answers, "skipped": skipped})
        return self._advance(state, [])

    def _advance(
        self, state: DialogueState, replies: list[Reply]
    ) -> tuple[DialogueState, list[Reply]]:
        history = [*state.history, state.step]
        step = state.step + 1
        if step >= len(self.questions):
            state = state.model_copy(update={"history": history, "finished": True})
            return state, [*replies, self.preview(state)]
        state = state.model_copy(update={"step": step, "history": history})
        return state, [*replies, self._ask(state)]

    @staticmethod
    def _command(answer: Answer) -> str | None:
        if answer.choice in _COMMANDS:
            return answer.choice
        if answer.text is not None:
            word = answer.text.strip().lower().strip(".!")
            if word in _COMMANDS:
                return word
        return None

    # ------------------------------------------------------------------ questions

    def _ask(self, state: DialogueState) -> Ask:
        question = self.questions[state.step]
        workplace = state.answers.get("workplace", "")
        return Ask(
            question=question,
            number=state.step + 1,
            total=len(self.questions),
            wording=question.wording(
                role_title=self.role.title, workplace=workplace, answers=state.answers
            ),
            hint=question.hint,
            choices=list(question.choices),
            options=self.options(question, state),
            suggestion=self._suggestion(question, state),
            current=self.describe(question, state.answers.get(question.id)),
        )

    def options(self, question: Question, state: DialogueState) -> list[str]:
        """The role's duties or must-haves at the level chosen, to tick."""
        content = role_posting(self.role)
        level = level_for(self.role, state.answers.get("level"))
        if question.options == "duties":
            items = duties_at(content, level)
        elif question.options == "skills":
            items = list(content.must_haves)
        else:
            return []
        return list(items[:MAX_OPTIONS])

    def _suggestion(self, question: Question, state: DialogueState) -> Suggestion | None:
        if question.suggest == "company" and self.organisation.name:
            name = self.organisation.name
            return Suggestion(text=say("dialogue.company_suggestion", name=name), value=name)
        if question.suggest == "level":
            level = role_posting(self.role).default_level
            label = next((c.label for c in question.choices if c.value == level), level)
            return Suggestion(text=say("dialogue.level_suggestion", level=label), value=level)
        if question.suggest == "closing_date":
            date = self.today + dt.timedelta(days=30)
            text = say("dialogue.closing_suggestion", date=date.strftime("%B %-d, %Y"))
            return Suggestion(text=text, value=date.isoformat())
        if question.suggest == "pay" and self.pay_suggester is not None:
            location = state.answers.get("location")
            place = Location.model_validate(location) if location else None
            return self.pay_suggester(
                self.role, place, state.answers.get("level"), state.answers.get("employment_type")
            )
        return None

    # ------------------------------------------------------------------ answers

    def _value(self, question: Question, state: DialogueState, answer: Answer) -> Any:
        if answer.choice == USE_SUGGESTION:
            suggestion = self._suggestion(question, state)
            if suggestion is None:
                raise ParseError(question.id, say("errors.empty"))
            answer = Answer(text=suggestion.value)
        if question.kind == "pick_list":
            return self._picks(question, state, answer)
        text = answer.choice if answer.choice is not None else answer.text
        if text is not None:
            text = clean_text(text)  # what is echoed back must read as what is kept
        if text is None or not text.strip():
            raise ParseError(question.id, say("errors.empty"))
        if len(text) > MAX_TEXT:
            raise ParseError(question.id, say("dialogue.text_too_long", limit=MAX_TEXT))
        kind = question.kind
        if kind == "choice" and question.id == "workplace":
            return parse_workplace(text).value
        if kind == "choice" and question.id == "employment_type":
            return parse_employment_type(text).value
        if kind == "choice" and question.id == "level":
            return parse_level(text)
        if kind == "list":
            return parse_list(text, field=question.id)
        if kind == "choice":
            values = {choice.value for choice in question.choices}
            if text not in values:
                raise ParseError(question.id, say("errors.choice", expected=", ".join(values)))
            return text
        if kind == "location":
            workplace = Workplace(state.answers.get("workplace", Workplace.ON_SITE.value))
            if workplace is Workplace.REMOTE and not re.search(r"remote", text, re.I):
                text = f"Remote ({text})"
            return parse_location(text, workplace=workplace).model_dump(mode="json")
        if kind == "pay":
            text = split_pay_note(text)[0]
            currency = "USD"
            location = state.answers.get("location") or {}
            country = location.get("country") or ""
            currency = COUNTRY_CURRENCY.get(country, currency)
            return parse_pay(text, default_currency=currency).model_dump(mode="json")
        if kind == "apply":
            value = " ".join(text.split())
            try:
                Posting(title="x", how_to_apply=value)
            except ValidationError:
                raise ParseError(
                    question.id, say("dialogue.apply_invalid", text=value[:80])
                ) from None
            return value.removeprefix("mailto:")
        if kind == "date":
            date = parse_date(text, today=self.today, field=question.id)
            if date <= self.today:
                raise ParseError(question.id, say("errors.date_past", date=date.isoformat()))
            return date.isoformat()
        value = " ".join(text.split())
        limit = _TEXT_LIMITS.get(question.id, 200)
        if len(value) > limit:
            raise ParseError(question.id, say("dialogue.text_too_long", limit=limit))
        return value

    def _picks(self, question: Question, state: DialogueState, answer: Answer) -> list[str]:
        options = self.options(question, state)
        if answer.choice == USE_ALL:
            return list(options)
        chosen: list[str] = []
        for pick in answer.picks or []:
            if pick.isdigit() and 0 <= int(pick) < len(options):
                chosen.append(options[int(pick)])
        if answer.text and answer.text.strip():
            if answer.text.strip().lower() in ("all", "all of them", "everything", "yes"):
                return list(options)
            for line in parse_list(answer.text, field=question.id):
                numbers = _numbers(line)
                if numbers is None:
                    chosen.append(line)
                    continue
                for number in numbers:
                    if not 1 <= number <= len(options):
                        raise ParseError(
                            question.id,
                            say(
                                "dialogue.pick_numbers_out_of_range",
                                number=number,
                                total=len(options),
                            ),
                        )
                    chosen.append(options[number - 1])
        chosen = list(dict.fromkeys(chosen))
        if not chosen:
            raise ParseError(question.id, say("dialogue.pick_none"))
        return chosen

    def describe(self, question: Question, value: Any) -> str:
        """An answer as the manager would say it back."""
        if value is None or value == "" or value == []:
            return ""
        if question.kind == "pay":
            return Pay.model_validate(value).describe()
        if question.kind == "location":
            return Location.model_validate(value).describe()
        if question.id == "employment_type":
            return EmploymentType(value).label
        if question.id == "workplace":
            return Workplace(value).label
        if question.kind in ("pick_list", "list"):
            return "; ".join(value)
        if question.kind == "date":
            return dt.date.fromisoformat(value).strftime("%B %-d, %Y")
        return str(value)

    # ------------------------------------------------------------------ the result

    def posting_answers(self, state: DialogueState) -> dict[str, Any]:
        """The answers under the Posting's field names."""
        answers = state.answers
        result: dict[str, Any] = {}
        organisation: dict[str, Any] = {
            "name": answers.get("organisation") or "",
            "about": self.organisation.about,
        }
        if self.organisation.url and answers.get("organisation") == self.organisation.name:
            organisation["url"] = self.organisation.url
        result["organisation"] = organisation
        if "location" in answers:
            location = dict(answers["location"])
            location["workplace"] = answers.get("workplace", location.get("workplace"))
            result["location"] = location
        for key in (
            "level",
            "team",
            "employment_type",
            "pay",
            "pay_note",
            "benefits",
            "schedule",
            "next_steps",
            "responsibilities",
            "requirements",
        ):
            if key in answers:
                result[key] = answers[key]
        if "how_to_apply" in answers:
            result["how_to_apply"] = answers["how_to_apply"]
        if "closing_date" in answers:
            result["closing_date"] = answers["closing_date"]
        return result

    def posting(self, state: DialogueState) -> Posting:
        return posting_from_role(
            self.role, self.posting_answers(state), today=self.today, typed_title=state.title
        )

    def preview(self, state: DialogueState) -> Preview:
        posting = self.posting(state)
        return Preview(posting=posting, missing=[field_label(f) for f in posting.missing()])


def _numbers(line: str) -> list[int] | None:
    """'1-3, 5' -> [1, 2, 3, 5]; None when the line is not just numbers."""
    if not re.fullmatch(r"[\d\s,;–\-]+|(\d+\s*(,|and)\s*)*\d+", line.strip()):
        return None
    numbers: list[int] = []
    for part in re.split(r",|\band\b|;|\s+(?=\d)", line):
        part = part.strip()
        if not part:
            continue
        if match := re.fullmatch(r"(\d+)\s*[–-]\s*(\d+)", part):
            low, high = int(match.group(1)), int(match.group(2))
            if high - low > 50:
                return None
            numbers.extend(range(low, high + 1))
        elif part.isdigit():
            numbers.append(int(part))
        else:
            return None
    return numbers


def pay_benchmark_suggestion(
    role: RoleTemplate,
    _location: Location | None,
    _level: str | None = None,
    _employment_type: str | None = None,
) -> Suggestion | None:
    """The role's own pay benchmark, for when no local pay data is at hand."""
    for benchmark in role.pay:
        source = role.source_by_id(benchmark.source)
        amount = format_money(benchmark.figure, benchmark.currency)
        per = say(f"pay_period.{benchmark.period}")
        return Suggestion(
            text=say("dialogue.pay_benchmark", amount=amount, per=per),
            value=f"{benchmark.figure:.0f} {benchmark.currency}/{benchmark.period}",
            source=source.citation if source else "",
        )
    return None
