"""Driving one person's /newjob dialogue over signed requests, for the load and fault tests.

A `Manager` types `/newjob`, picks the role, then answers each question by typing in their DM
thread or clicking the question's buttons, waiting after each step for the bot's reply in the fake
Slack. Many managers can be driven from many threads at once: each step takes the sender to use.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from tests.fake_slack import FakeSlack
from tests.slack_requests import GENERAL_CHANNEL, SlackSender

REPLY_TIMEOUT = 60.0  # seconds; generous, as 200 dialogues share two cores


def answers_for(number: int) -> list[str]:
    """Answers that only manager `number` gives, so a mixed-up draft shows at once."""
    low = 50_000 + number * 100
    return [
        f"Org {number:03d} Networks",
        "mid",
        "on-site",
        "Denver, CO",
        "full time",
        f"{low}-{low + 10_000} USD a year",
        f"1-3\nCustom duty {number:03d}",
        "all",
        f"https://jobs.example.com/{number:03d}",
        "in 30 days",
        f"network team {number:03d}",
        "Medical, dental and vision; 401(k) with a 4% match",
        "Monday to Friday, 8 a.m. to 4:30 p.m.",
        "We reply within a week; next is a phone call.",
    ]


@dataclass
class Manager:
    """One hiring manager and where their dialogue stands."""

    fake: FakeSlack
    user: str
    answers: list[str]
    title: str = "network technician"
    thread: str = ""
    step: int = 0
    started: bool = False
    log: list[str] = field(default_factory=list)

    @property
    def dm(self) -> str:
        return self.fake.workspace.dm_channel(self.user)

    @property
    def done(self) -> bool:
        return self.started and self.step >= len(self.answers)

    def bot_messages(self) -> list[dict[str, Any]]:
        bot = self.fake.workspace.bot_user_id
        return [m for m in self.fake.messages(self.dm) if m["user"] == bot]

    def wait_bot_messages(self, count: int, timeout: float = REPLY_TIMEOUT) -> list[dict[str, Any]]:
        try:
            return self.fake.wait_for_messages(
                self.dm, count, user=self.fake.workspace.bot_user_id, timeout=timeout
            )
        except AssertionError as error:
            raise AssertionError(f"{self.user}: {error}; steps: {self.log}") from None

    def latest(self) -> dict[str, Any]:
        return self.bot_messages()[-1]

    # ---- steps -------------------------------------------------------------------------------

    def start(self, slack: SlackSender) -> None:
        """`/newjob <title>`, then the first "did you mean" button if one is offered."""
        name = f"newjob-{self.user}"
        response = slack.command(
            self.title, user_id=self.user, response_url=self.fake.response_url(name)
        )
        assert response.status_code == 200, response.text
        [reply] = self.fake.wait_for(
            "response_url", timeout=REPLY_TIMEOUT, predicate=lambda c: c.name == name
        )
        before = 0
        if "pick_role_0" in str(reply.params.get("blocks")):  # a "did you mean"
            message = {"ts": self.fake.next_ts(), "blocks": reply.params["blocks"]}
            before = len(self.bot_messages())
            response = slack.block_action(
                "pick_role_0", message=message, channel_id=GENERAL_CHANNEL, user_id=self.user
            )
            assert response.status_code == 200, response.text
        posted = self.wait_bot_messages(before + 2)
        self.thread = posted[before]["ts"]
        self.started = True
        self.log.append("started")

    def type(self, slack: SlackSender, text: str) -> dict[str, Any]:
        before = len(self.bot_messages())
        response = slack.message(text, user_id=self.user, thread_ts=self.thread)
        assert response.status_code == 200, response.text
        self.log.append(f"typed {text[:30]!r}")
        return self.wait_bot_messages(before + 1)[-1]

    def click(self, slack: SlackSender, label: str) -> dict[str, Any]:
        message = self.latest()
        before = len(self.bot_messages())
        response = slack.block_action(button(message, label), message=message, user_id=self.user)
        assert response.status_code == 200, response.text
        self.log.append(f"clicked {label!r}")
        return self.wait_bot_messages(before + 1)[-1]

    def next_step(self, slack: SlackSender) -> None:
        """Start, or give the next answer (the workplace by its button, the rest typed)."""
        if not self.started:
            self.start(slack)
            return
        answer = self.answers[self.step]
        if self.step == 1 and answer == "on-site":
            self.click(slack, "On-site")
        else:
            self.type(slack, answer)
        self.step += 1


def button(message: dict[str, Any], label: str) -> str:
    for block in message.get("blocks") or []:
        for element in block.get("elements") or []:
            if element.get("type") == "button" and element["text"]["text"] == label:
                return str(element["action_id"])
    raise AssertionError(f"no button {label!r} in {json.dumps(message.get('blocks'))[:2000]}")


def text_of(message: dict[str, Any]) -> str:
    return json.dumps([message.get("text"), message.get("blocks")], ensure_ascii=False)
