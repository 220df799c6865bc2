"""`newjob chat`: one line in, some lines out, over the same domain and store as Slack.

`Playground.handle(line)` returns what to print, so the playground is tested like any function;
`run()` wraps it in a read-print loop.
"""

from __future__ import annotations

import re
import sys
from pathlib import Path
from typing import TextIO

from bot.dialogue import Answer, Ask, Cancelled, Note, Preview, Problem, Reply, Shown
from bot.dialogue.suggest import market_notes
from bot.drafting import (
    REOPENABLE,
    Drafting,
    EditRejected,
    ReopenRefused,
    RoleChoice,
    match_title,
    role_for,
)
from bot.paths import user_data_path
from bot.posting.form import changes_from_form, form_values
from bot.posting.vocabulary import fields_help, split_field
from bot.render import to_text
from bot.roles.template import RoleTemplate
from bot.settings import Settings
from bot.store import DraftRecord, DraftStatus, SessionRecord, Store
from bot.terminal import review
from bot.text import say

TERMINAL_TEAM = "T0PLAYGRND"


class Playground:
    def __init__(
        self, store: Store, settings: Settings, *, user: str = "you", exports: Path | None = None
    ) -> None:
        """`exports`: where published postings' files are saved (default: the user's data
        folder's exports/)."""
        self.store = store
        self.settings = settings
        self.drafting = Drafting(store, settings, voice="terminal.dialogue")
        self.user = user
        self.exports = exports or user_data_path() / "exports"
        self.draft: DraftRecord | None = None
        self.session: SessionRecord | None = None
        self.pending_choices: list[RoleChoice] = []
        self.pending_query = ""
        self.awaiting_title = False  # "none of these": the next line is another title
        self.last_ask: Ask | None = None

    # ------------------------------------------------------------------ start

    def greet(self) -> list[str]:
        lines = [say("terminal.welcome")]
        drafts = self.store.drafts_for(self.user)
        latest = next((d for d in drafts if d.status is DraftStatus.DRAFTING), None)
        session = self.store.session_for_draft(latest.id) if latest else None
        if latest is not None and session is not None and session.status == "active":
            self.draft, self.session = latest, session
            lines.append(say("terminal.resumed", title=latest.title, id=latest.id))
            lines.extend(self._show(self.drafting.resume(session)))
        elif drafts:
            # The latest draft stays the one "show", "edit" and "submit" mean, after a restart.
            self.draft = drafts[0]
            if any(d.status in REOPENABLE for d in drafts):
                lines.append(say("terminal.open_hint"))
        return lines

    # ------------------------------------------------------------------ one line

    def handle(self, line: str) -> list[str]:
        text = line.strip()
        lowered = text.lower()
        if not text:
            return []
        if lowered in ("help", "?") and not self._in_dialogue():
            return [say("terminal.help")]
        if lowered.startswith("/newjob"):
            return self._newjob(text[len("/newjob") :].strip())
        if lowered.startswith("ask "):
            return self._ask_faq(text[4:])
        if lowered.startswith("as "):
            self.user = text[3:].strip() or self.user
            return [say("terminal.now_acting_as", user=self.user)]
        if self.pending_choices or self.awaiting_title:
            return self._menu(text)
        if lowered == "list":
            return self._list()
        if match := re.fullmatch(r"(?:re)?open\s+#?(\d{1,9})", lowered):
            return self._open(int(match.group(1)))
        if lowered in ("open", "reopen"):
            return [say("drafts.open_usage")]
        if self._in_dialogue():
            return self._answer(text)
        reviewed = review.handle(self, text)
        if reviewed is not None:
            return reviewed
        if lowered.startswith("edit"):
            return self._edit(text[4:].strip())
        if lowered.startswith("show"):
            return self._render(lowered[4:].strip() or "text")
        if lowered == "start over":
            return self._start_over()
        if text.endswith("?"):
            return self._ask_faq(text)
        return [say("terminal.unknown_command")]

    def _ask_faq(self, question: str) -> list[str]:
        """The same answers as in Slack, from roles, pay data and our postings."""
        from bot.faq import ask

        answer = ask(question, self.store)
        lines = [answer.answer]
        if answer.sources:
            lines.append(say("terminal.sources", sources="; ".join(answer.sources)))
        return lines

    def _in_dialogue(self) -> bool:
        return self.session is not None and self.session.status == "active"

    def _newjob(self, title: str) -> list[str]:
        if title.lower() in ("", "help"):
            return [say("terminal.help")]
        if title.lower() == "list":
            return self._list()
        found = match_title(title)
        if found.role is None:
            names = ", ".join(found.suggestions[:5])
            text = say("slack.unknown_title", query=title[:100])
            return [f"{text} {say('slack.nearest', names=names)}" if names else text]
        if found.ambiguous:
            self.pending_choices = found.choices()
            self.pending_query = title
            why = found.why()
            lines = [(f"{why} " if why else "") + say("terminal.did_you_mean", query=title)]
            for number, choice in enumerate(self.pending_choices, start=1):
                code = f" ({choice.code})" if choice.code else ""
                lines.append(f"  {number}) {choice.title}{code}")
            lines.append("  " + say("titles.menu_help"))
            return lines
        return self._begin(title, found.role.id)

    def _menu(self, text: str) -> list[str]:
        """An answer to "did you mean": a number, "none" (then another title), or "cancel";
        any other line is taken as another title."""
        key = text.lower().strip(" .!")
        if key in ("cancel", "stop", "quit"):
            self.pending_choices, self.awaiting_title = [], False
            return [say("titles.cancelled")]
        if key in ("help", "?"):
            return [say("titles.menu_help")]
        if self.pending_choices and key in ("none", "none of these", "no", "other", "another"):
            self.pending_choices = []
            self.awaiting_title = True
            return [say("titles.type_title")]
        if self.pending_choices and key.isdigit():
            number, total = int(key), len(self.pending_choices)
            if not 1 <= number <= total:
                return [say("titles.out_of_range", number=number, total=total)]
            choice = self.pending_choices[number - 1]
            self.pending_choices = []
            return self._begin(self.pending_query, choice.key)
        self.pending_choices, self.awaiting_title = [], False
        return self._newjob(text.removeprefix("/newjob").strip())

    def _begin(self, typed: str, role_key: str) -> list[str]:
        from bot.slack.drafts import posting_title

        role = role_for(role_key)
        if role is None:
            return [say("terminal.expired")]
        started = self.drafting.start(
            team_id=TERMINAL_TEAM,
            requester=self.user,
            title=posting_title(typed, role),
            role=role,
        )
        self.session = self.drafting.attach(
            started, channel_id="terminal", thread_ts=f"draft-{started.draft.id}"
        )
        self.draft = started.draft
        return self._show(started.replies)

    def _answer(self, text: str) -> list[str]:
        assert self.session is not None
        answer = Answer(text=text)
        ask = self.last_ask
        if ask is not None:
            if text.isdigit() and ask.choices and 1 <= int(text) <= len(ask.choices):
                answer = Answer(choice=ask.choices[int(text) - 1].value)
            elif text.lower() in ("ok", "yes", "y") and ask.suggestion is not None:
                answer = Answer(choice="__suggestion__")
        result = self.drafting.answer(self.session, answer)
        self.draft = result.draft
        self.session = self.store.session_for_draft(result.draft.id)
        return self._show(result.replies)

    def _open(self, draft_id: int) -> list[str]:
        """Pick up one of your unfinished drafts where it stopped (any time, after restarts)."""
        try:
            reopened = self.drafting.reopen(draft_id, self.user)
        except ReopenRefused as refused:
            return [str(refused)]
        self.draft, self.session = reopened.draft, reopened.session
        self.last_ask = None
        note = say("drafts.reopened", title=reopened.draft.title, id=reopened.draft.id)
        return [note, *self._show(reopened.replies)]

    # ------------------------------------------------------------------ after the questions

    def _list(self) -> list[str]:
        drafts = self.store.drafts_for(self.user)
        if not drafts:
            return [say("terminal.no_drafts")]
        return [
            f"#{d.id} {d.title} · v{d.current_version} · {say(f'slack.status.{d.status.value}')}"
            for d in drafts
        ]

    def _edit(self, rest: str) -> list[str]:
        if self.draft is None:
            return [say("terminal.no_draft")]
        draft = self.store.draft(self.draft.id) or self.draft
        posting = self.drafting.posting(draft)
        if posting is None:
            return [say("terminal.not_ready")]
        fields = form_values(posting)
        # One vocabulary: "closing date", "closing_date" and "deadline" are the same field here,
        # in the answers file and in reviewers' "set".
        found = split_field(rest)
        if found is None or found[0] not in fields or not found[1]:
            return [say("terminal.edit_usage", fields=fields_help())]
        field, value = found
        values: dict[str, str | None] = {field: value.replace(";", "\n")}
        if field == "location":
            values["workplace"] = fields["workplace"]
        changes, problems = changes_from_form(values, posting)
        if problems:
            return list(problems.values())
        if draft.status in review.UNDER_REVIEW:
            # In review, an edit is a new version with what changed, as in Slack's thread.
            flow = review.reviewing(self)
            return review.revised(self, flow.revise(draft.id, self.user, changes, note=rest))
        try:
            saved = self.drafting.edit(draft, changes, actor=self.user)
        except EditRejected as rejected:
            return list(rejected.problems.values())
        if saved is None:
            return [say("terminal.edit_conflict")]
        self.draft = self.store.draft(draft.id)
        return [say("terminal.edited", version=saved[1]), *self._render("text")]

    def _render(self, fmt: str) -> list[str]:
        from bot.render import render

        if self.draft is None:
            return [say("terminal.no_draft")]
        draft = self.store.draft(self.draft.id) or self.draft
        posting = self.drafting.posting(draft)
        if posting is None:
            return [say("terminal.not_ready")]
        try:
            notes = market_notes(posting, role_for(draft.role_key)) if fmt == "slack" else None
            return [render(posting, fmt, notes)]
        except ValueError:
            return [say("terminal.unknown_command")]

    def _start_over(self) -> list[str]:
        if self.draft is None:
            return [say("terminal.no_draft")]
        self.drafting.cancel(self.draft, reason="start over")
        return [say("slack.started_over"), *self._begin(self.draft.title, self.draft.role_key)]

    # ------------------------------------------------------------------ showing replies

    def _show(self, replies: list[Reply]) -> list[str]:
        lines: list[str] = []
        for reply in replies:
            if isinstance(reply, Ask):
                self.last_ask = reply
                lines.extend(self._ask(reply))
            elif isinstance(reply, Problem):
                lines.append(f"! {reply.text}")
            elif isinstance(reply, Note | Cancelled | Shown):
                lines.append(reply.text)
            elif isinstance(reply, Preview):
                self.last_ask = None
                lines.append(say("dialogue.finished"))
                lines.append(to_text(reply.posting))
                lines.extend(market_notes(reply.posting, self._role()))
                if reply.missing:
                    lines.append(say("slack.preview_missing", fields=", ".join(reply.missing)))
                lines.extend(self._checks(reply))
        return lines

    def _role(self) -> RoleTemplate | None:
        return role_for(self.draft.role_key) if self.draft else None

    def _checks(self, preview: Preview) -> list[str]:
        from bot.checks import check_posting, summarise

        findings = check_posting(preview.posting, role=self._role())
        summary = summarise(findings)
        lines = [say("terminal.checks_title", summary=summary.line)]
        for finding in findings:
            severity = say(f"terminal.severity.{finding.severity}")
            lines.append(
                "  "
                + say(
                    "terminal.finding",
                    severity=severity,
                    message=finding.message,
                    suggestion=finding.suggestion or "",
                )
            )
        return lines

    @staticmethod
    def _ask(ask: Ask) -> list[str]:
        lines = []
        if ask.intro:
            lines.append(ask.intro)
        progress = say("dialogue.progress", number=ask.number, total=ask.total)
        lines.append(f"[{progress}] {ask.wording}")
        if ask.hint:
            lines.append(f"  ({ask.hint})")
        if ask.current:
            lines.append("  " + say("dialogue.current_answer", answer=ask.current))
        if ask.options:
            lines.append("  " + say("terminal.options_intro"))
            lines.extend(f"    {n}. {option}" for n, option in enumerate(ask.options, start=1))
        if ask.choices:
            choices = ", ".join(f"{n}) {c.label}" for n, c in enumerate(ask.choices, start=1))
            lines.append("  " + say("terminal.choices", choices=choices))
        if ask.suggestion is not None:
            lines.append("  " + say("terminal.suggestion", text=ask.suggestion.text))
            if ask.suggestion.source:
                lines.append("  " + say("terminal.source", source=ask.suggestion.source))
        return lines


def run(playground: Playground, stdin: TextIO = sys.stdin, stdout: TextIO = sys.stdout) -> int:
    def emit(lines: list[str]) -> None:
        for line in lines:
            print(line, file=stdout)

    emit(playground.greet())
    while True:
        if stdin.isatty():
            print(say("terminal.prompt", user=playground.user), end="", file=stdout, flush=True)
        line = stdin.readline()
        if not line or line.strip().lower() in ("quit", "exit", "/quit"):
            emit([say("terminal.bye")])
            return 0
        emit(playground.handle(line))
