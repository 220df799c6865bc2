"""The dialogue engine: a state (plain JSON, stored between answers) and the replies to show.

`Dialogue.handle(state, answer)` is a pure step: it never talks to Slack or the database, so the
same engine serves Slack, the terminal playground and the tests, and a stored state can be picked
up again after a restart exactly where it was.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from pydantic import BaseModel, ValidationError

from bot.dialogue.commands import Command, read_command
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
    parse_pay,
    parse_workplace,
    split_pay_note,
)
from bot.posting.characters import clean_text
from bot.posting.compose import duties_at, level_for, role_posting
from bot.posting.draft import parse_level, posting_from_role
from bot.posting.locate import PlaceError, find_places, read_location
from bot.posting.model import LIMITS, format_money
from bot.posting.places import COUNTRY_CURRENCY
from bot.posting.vocabulary import fields_help, split_field
from bot.roles.template import RoleTemplate
from bot.text import field_label, say

MAX_OPTIONS = 10  # Block Kit checkboxes take at most 10 options
MAX_TEXT = 2000

SKIP, BACK, CANCEL, HELP = "skip", "back", "cancel", "help"
USE_SUGGESTION, USE_ALL = "__suggestion__", "__all__"
_COMMANDS = {SKIP, BACK, CANCEL, HELP}
# Words that take what the dialogue offered ("did you mean Denver, CO?", "switch to remote?").
_YES = frozenset({"yes", "y", "ok", "okay", "sure", "yes please", "switch", "use it", "that one"})
# Fields the role fills in by itself: skipped, they are left out rather than filled.
_LEFT_EMPTY_WHEN_SKIPPED = (
    "responsibilities",
    "requirements",
    "benefits",
    "schedule",
    "team",
    "next_steps",
    "pay",
    "closing_date",
)
# Questions that read several fields from one answer ("full-time in Denver, 60-70k").
_SHORT_ANSWERS = ("choice", "location", "pay")
# A typed answer to a question of no field of its own is held to this many characters; the
# others to the Posting's own limit (bot.posting.model.LIMITS, the Edit form's too).
_OTHER_TEXT_LIMIT = 200


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
    # What the dialogue offered to the last answer ("did you mean Denver, CO?"): the answers a
    # "yes" stores, and how to say them.
    offer: dict[str, Any] | None = None


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


@dataclass(frozen=True)
class Shown:
    """The draft so far, as asked for with "show …" during the questions (plain text)."""

    text: str


Reply = Ask | Problem | Note | Preview | Cancelled | Shown

# (role, place, level, employment type) -> the pay to suggest
PaySuggester = Callable[[RoleTemplate, Location | None, str | None, str | None], Suggestion | None]
# A question typed during the dialogue ("is the job remote?") -> the answer to show.
QuestionAnswerer = Callable[[str], str]


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
        answer_question: QuestionAnswerer | None = None,
        skip_settled: bool = False,
    ) -> None:
        """`skip_settled`: leave out the questions the company's settings answer (its name)."""
        self.role = role
        self.skip_settled = skip_settled
        self.answer_question = answer_question
        self.voice = voice
        self.organisation = organisation or Organisation()
        self.pay_suggester = pay_suggester
        self.questions = questions or load_questions()
        self.today = today or dt.date.today()

    # ------------------------------------------------------------------ the flow

    def start(self, title: str) -> tuple[DialogueState, list[Reply]]:
        from bot.faq.sources import from_source

        state = self._fresh(title)
        source = self.role.source_for("summary")
        intro = say(
            f"{self.voice}.intro",
            title=title,
            role_title=self.role.title,
            source=source.citation if source else "",
            source_label=from_source(source).label if source else "",
            total=len(self.questions),
        )
        if "organisation" in state.answers:
            intro += " " + say("dialogue.company_from_settings", name=state.answers["organisation"])
        ask = self._ask(state)
        return state, [Ask(**{**ask.__dict__, "intro": intro})]

    def _fresh(self, title: str) -> DialogueState:
        """A new dialogue; what the company's settings answer is answered already."""
        answers: dict[str, Any] = {}
        settled = self.skip_settled and self.organisation.name
        if settled and any(q.id == "organisation" for q in self.questions):
            answers["organisation"] = self.organisation.name
        state = DialogueState(title=title, role_key=self.role.id, answers=answers)
        step = self._next_step(state, -1)
        return state.model_copy(update={"step": step if step is not None else 0})

    def _next_step(self, state: DialogueState, after: int) -> int | None:
        """The first question after `after` that is neither answered nor skipped."""
        for index in range(after + 1, len(self.questions)):
            question_id = self.questions[index].id
            if question_id not in state.answers and question_id not in state.skipped:
                return index
        return None

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
        if command is not None:
            return self._run(state, command)
        question = self.questions[state.step]
        offer = state.offer
        state = state.model_copy(update={"offer": None})
        if offer is not None and self._takes_offer(answer):
            answers = {**state.answers, **offer["answers"]}
            state = state.model_copy(update={"answers": answers})
            return self._advance(state, [Note(say("dialogue.offer_taken", what=offer["text"]))])
        try:
            value, extras = self._read(question, state, answer)
        except PlaceError as error:
            return self._offer_place(state, error)
        except _Switch as switch:
            offer = {"answers": switch.answers, "text": switch.text}
            state = state.model_copy(update={"offer": offer})
            return state, [Problem(switch.message), self._ask(state)]
        except ParseError as error:
            return state, [Problem(error.message), self._ask(state)]
        answers = {**state.answers, question.id: value}
        if question.kind == "pay":
            # "$15-18/hr plus tips": the tips are kept beside the pay, not dropped.
            typed = answer.text if answer.choice is None else ""
            answers["pay_note"] = split_pay_note(typed or "")[1]
        replies: list[Reply] = []
        if extras:
            answers.update(extras)
            said = "; ".join(
                f"{field_label(key)}: {self.describe(question_of, extras[key])}"
                for key in extras
                if (question_of := self._question(key)) is not None
            )
            replies.append(Note(say("dialogue.also_noted", fields=said)))
        skipped = [item for item in state.skipped if item != question.id and item not in extras]
        state = state.model_copy(update={"answers": answers, "skipped": skipped})
        return self._advance(state, replies)

    def _run(self, state: DialogueState, command: Command) -> tuple[DialogueState, list[Reply]]:
        """A command typed (or pressed) during a question; it is never stored as an answer."""
        name = command.name
        if name not in ("help", "show", "question"):
            state = state.model_copy(update={"offer": None})  # what was offered is declined
        if name == "help":
            return state, [Note(say(f"{self.voice}.help", title=state.title)), self._ask(state)]
        if name == "cancel":
            state = state.model_copy(update={"cancelled": True})
            return state, [Cancelled(say("dialogue.cancelled"))]
        if name == "start_over":
            fresh = self._fresh(state.title)
            return fresh, [Note(say("dialogue.started_over")), self._ask(fresh)]
        if name == "back":
            if not state.history:
                return state, [Note(say("dialogue.nothing_to_go_back_to")), self._ask(state)]
            previous = state.history[-1]
            state = state.model_copy(update={"step": previous, "history": state.history[:-1]})
            return state, [self._ask(state)]
        if name == "show":
            return state, [*self._show(state, command.rest), self._ask(state)]
        if name == "question":
            return state, [Note(self._answer_question(command.rest)), self._ask(state)]
        if name == "edit":
            return self._edit(state, command.rest)
        question = self.questions[state.step]
        answers = {k: v for k, v in state.answers.items() if k != question.id}
        skipped = [*dict.fromkeys([*state.skipped, question.id])]
        state = state.model_copy(update={"answers": answers, "skipped": skipped})
        return self._advance(state, [Note(self._skip_note(question, state))])

    def _answer_question(self, text: str) -> str:
        if self.answer_question is None:
            return say("dialogue.no_questions_here")
        try:
            return self.answer_question(text)
        except Exception:  # a failed look-up must not lose the dialogue
            return say("dialogue.question_failed")

    def _show(self, state: DialogueState, what: str) -> list[Reply]:
        from bot.render import FORMATS, render

        if what == "answers":
            lines = [
                f"{field_label(q.id)}: {self.describe(q, state.answers[q.id])}"
                for q in self.questions
                if q.id in state.answers
            ]
            return [Shown("\n".join(lines) or say("dialogue.no_answers_yet"))]
        fmt = {"": "text", "draft": "text", "posting": "text", "preview": "text", "md": "markdown"}
        fmt_name = fmt.get(what, what)
        if fmt_name not in FORMATS:
            return [Problem(say("dialogue.show_usage", formats=", ".join(FORMATS)))]
        try:
            posting = self.posting(state)
        except (ValueError, ValidationError):
            return [Problem(say("dialogue.nothing_to_show"))]
        return [Shown(render(posting, fmt_name))]

    def _edit(self, state: DialogueState, rest: str) -> tuple[DialogueState, list[Reply]]:
        """ "edit pay 60k-70k" during the questions: that answer changes, the question asked
        stays. "edit pay" alone goes back to that question."""
        found = split_field(rest)
        names = fields_help()
        question = self._question(found[0]) if found else None
        if found is None or question is None:
            return state, [Problem(say("dialogue.edit_usage", fields=names)), self._ask(state)]
        if not found[1]:
            index = self.questions.index(question)
            history = [*state.history, state.step]
            state = state.model_copy(update={"step": index, "history": history})
            return state, [self._ask(state)]
        try:
            value, _extras = self._read(question, state, Answer(text=found[1]), extras=False)
        except PlaceError as error:
            return state, [Problem(error.message), self._ask(state)]
        except _Switch as switch:
            return state, [Problem(switch.message), self._ask(state)]
        except ParseError as error:
            return state, [Problem(error.message), self._ask(state)]
        answers = {**state.answers, question.id: value}
        skipped = [item for item in state.skipped if item != question.id]
        state = state.model_copy(update={"answers": answers, "skipped": skipped})
        said = self.describe(question, value)
        note = Note(say("dialogue.edited", field=field_label(question.id), value=said))
        if question.id == self.questions[state.step].id:
            return self._advance(state, [note])
        return state, [note, self._ask(state)]

    def _question(self, field_id: str) -> Question | None:
        return next((q for q in self.questions if q.id == field_id), None)

    def _takes_offer(self, answer: Answer) -> bool:
        if answer.choice == USE_SUGGESTION:
            return True
        return (answer.text or "").strip().lower().strip(" .!") in _YES

    def _offer_place(
        self, state: DialogueState, error: PlaceError
    ) -> tuple[DialogueState, list[Reply]]:
        """A misspelt place: "did you mean Denver, CO?", and a "yes" takes it."""
        if error.suggestion:
            try:
                place = read_location(error.suggestion, self._workplace(state))
            except ParseError:
                place = None
            if place is not None:
                offer = {
                    "answers": {"location": place.model_dump(mode="json")},
                    "text": place.describe(),
                }
                state = state.model_copy(update={"offer": offer})
                problem = Problem(f"{error.message} {say('dialogue.say_yes')}")
                return state, [problem, self._ask(state)]
        return state, [Problem(error.message), self._ask(state)]

    def _skip_note(self, question: Question, state: DialogueState) -> str:
        required = question.id in {
            "organisation",
            "location",
            "employment_type",
            "pay",
            "responsibilities",
            "requirements",
            "how_to_apply",
        }
        laws = self._laws_requiring(question.id, state)
        means = say(
            "dialogue.skip_means",
            field=field_label(question.id),
            required=required,
            laws=laws,
            checked=question.id in ("pay", "benefits"),
        )
        return f"{means} {say(f'{self.voice}.skipped', name=question.id)}"

    def _advance(
        self, state: DialogueState, replies: list[Reply]
    ) -> tuple[DialogueState, list[Reply]]:
        history = [*state.history, state.step]
        step = self._next_step(state, state.step)
        if step is None:
            step = self._next_step(state, -1)
        if step is None:
            state = state.model_copy(update={"history": history, "finished": True})
            return state, [*replies, self.preview(state)]
        state = state.model_copy(update={"step": step, "history": history})
        return state, [*replies, self._ask(state)]

    @staticmethod
    def _command(answer: Answer) -> Command | None:
        if answer.choice in _COMMANDS:
            return read_command(answer.choice)
        if answer.choice is None and answer.picks is None:
            return read_command(answer.text)
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
            hint=self._hint(question, state),
            choices=list(question.choices),
            options=self.options(question, state),
            suggestion=self._suggestion(question, state),
            current=self.describe(question, state.answers.get(question.id)),
        )

    def _hint(self, question: Question, state: DialogueState) -> str:
        """The question's hint, with what the law where the job is requires of this answer."""
        laws = self._laws_requiring(question.id, state)
        if not laws:
            return question.hint
        return f"{say(f'dialogue.law_requires.{question.id}', laws=laws)} {question.hint}".strip()

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
        if state.offer is not None:
            text = say("dialogue.offer", what=state.offer["text"])
            return Suggestion(text=text, value=USE_SUGGESTION)
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

    def _read(
        self, question: Question, state: DialogueState, answer: Answer, *, extras: bool = True
    ) -> tuple[Any, dict[str, Any]]:
        """The answer to `question`, and the other fields a short answer also named ("full-time
        in Denver, 60-70k" answers the employment type, the location and the pay)."""
        typed = answer.text if answer.choice is None and answer.picks is None else None
        if not extras or typed is None or question.kind not in _SHORT_ANSWERS:
            return self._value(question, state, answer), {}
        found = self._fields_in(state, typed)
        try:
            value = self._value(question, state, answer)
        except _Switch:
            raise
        except ParseError:
            if question.id not in found:
                raise
            value = found[question.id]
        others = {
            key: item
            for key, item in found.items()
            if key != question.id and key not in state.answers
        }
        return value, others

    def _fields_in(self, state: DialogueState, text: str) -> dict[str, Any]:
        """The fields each comma-separated part of a short answer surely names."""
        found: dict[str, Any] = {}
        parts = [part.strip() for part in re.split(r"[;,]|\band\b", text) if part.strip()]
        if len(parts) < 2:
            return found
        for part in parts:
            if "employment_type" not in found and not re.search(r"\d", part):
                with contextlib.suppress(ParseError):
                    found["employment_type"] = parse_employment_type(part).value
            if "pay" not in found and re.search(r"\d", part):
                try:
                    found["pay"] = self._pay(state, part).model_dump(mode="json")
                    continue
                except ParseError:
                    pass
            if "location" not in found and (places := find_places(part)):
                workplace = self._workplace(state)
                place = places[0].location.model_copy(update={"workplace": workplace})
                found["location"] = place.model_dump(mode="json")
        return found

    def _workplace(self, state: DialogueState) -> Workplace:
        return Workplace(state.answers.get("workplace", Workplace.ON_SITE.value))

    def _location(self, state: DialogueState, text: str) -> Location:
        """The place typed, read by the one place parser. A place that says remote (or hybrid)
        on a job that is not raises _Switch, which offers to change the workplace."""
        workplace = self._workplace(state)
        said = parse_workplace_words(text)
        if said is not None and said is not workplace:
            place = read_location(text)
            answers: dict[str, Any] = {
                "workplace": place.workplace.value,
                "location": place.model_dump(mode="json"),
            }
            raise _Switch(
                say(
                    "dialogue.switch_workplace",
                    chosen=workplace.label,
                    said=place.workplace.label,
                    place=place.describe(),
                ),
                answers,
                say("dialogue.switch_offer", said=place.workplace.label, place=place.describe()),
            )
        if workplace is Workplace.REMOTE and said is None:
            text = f"Remote ({text})"
        return read_location(text, workplace=workplace)

    def _pay(self, state: DialogueState, text: str) -> Pay:
        """The pay typed, held to the pay-transparency law where the job is: a range with both
        ends, no wider than the law allows."""
        text = split_pay_note(text)[0]
        location = state.answers.get("location") or {}
        currency = COUNTRY_CURRENCY.get(location.get("country") or "", "USD")
        pay = parse_pay(text, default_currency=currency)
        laws = self._laws(state)
        if laws and pay.is_open_ended:
            names = _law_names(laws)
            raise ParseError("pay", say("dialogue.law_wants_both_ends", laws=names))
        for law in laws:
            width = law.requires.max_range_width
            exempt = law.requires.width_exempt_above
            top = pay.maximum or pay.minimum or 0
            yearly = _PER_YEAR[pay.period]
            if exempt is not None and top * yearly > exempt:
                continue
            if (
                width is not None
                and pay.is_range
                and pay.maximum
                and pay.minimum
                and (pay.maximum - pay.minimum) * yearly > width
            ):
                raise ParseError(
                    "pay",
                    say(
                        "dialogue.law_range_too_wide",
                        law=law.name,
                        width=format_money(width, pay.currency),
                    ),
                )
        return pay

    def _laws(self, state: DialogueState) -> list[Any]:
        """The pay-transparency laws that reach the job where it is (none before the place)."""
        from bot.checks.rules.pay import covering_laws

        location = state.answers.get("location")
        if not location:
            return []
        try:
            place = Location.model_validate(location)
        except ValidationError:
            return []
        laws, _notes = covering_laws(place)
        return [law for law in laws if law.effective <= self.today]

    def _laws_requiring(self, field_id: str, state: DialogueState) -> str:
        """The names of the laws here that require `field_id` in the posting ('' if none)."""
        laws = self._laws(state)
        if field_id == "benefits":
            laws = [law for law in laws if law.requires.benefits]
        elif field_id == "closing_date":
            laws = [law for law in laws if law.id in _DEADLINE_LAWS]
        elif field_id != "pay":
            return ""
        return _law_names(laws) if laws else ""

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
            return self._location(state, text).model_dump(mode="json")
        if kind == "pay":
            return self._pay(state, text).model_dump(mode="json")
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
        limit = LIMITS.get(question.id, _OTHER_TEXT_LIMIT)
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
        if question.kind == "choice":
            return next((c.label for c in question.choices if c.value == value), str(value))
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
        for key in _LEFT_EMPTY_WHEN_SKIPPED:
            if key in state.skipped and key not in answers:
                result[key] = None  # skipped stays empty: the role does not fill it in
        return result

    def posting(self, state: DialogueState) -> Posting:
        return posting_from_role(
            self.role, self.posting_answers(state), today=self.today, typed_title=state.title
        )

    def preview(self, state: DialogueState) -> Preview:
        posting = self.posting(state)
        return Preview(posting=posting, missing=[field_label(f) for f in posting.missing()])


_PER_YEAR = {"hour": 2080, "day": 260, "week": 52, "month": 12, "year": 1}
# Pay-transparency laws that also want the date applications close in the posting: Colorado's
# Equal Pay for Equal Work Act as amended by SB 23-105 (from 2024; 7 CCR 1103-13).
_DEADLINE_LAWS = frozenset({"us-co"})


class _Switch(ParseError):
    """A place that says the job is remote (or hybrid) when another workplace was chosen."""

    def __init__(self, message: str, answers: dict[str, Any], text: str) -> None:
        super().__init__("location", message)
        self.message = message
        self.answers = answers
        self.text = text


def parse_workplace_words(text: str) -> Workplace | None:
    """The workplace a place's words name ("Remote (US)", "Hybrid – Seattle"), or None."""
    try:
        return (
            parse_workplace(text)
            if re.search(r"remote|hybrid|on[\s-]?site|wfh|work from home|in[\s-]office", text, re.I)
            else None
        )
    except ParseError:
        return None


def _law_names(laws: list[Any]) -> str:
    names = list(dict.fromkeys(law.name for law in laws))
    if len(names) <= 3:
        return say("dialogue.law_list", names=names, more=0)
    return say("dialogue.law_list", names=names[:3], more=len(names) - 3)


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
