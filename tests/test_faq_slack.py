"""The FAQ in Slack end to end: signed requests to the real app over HTTP, the fake Web API.

An @mention answered in a thread of the mentioning message (and once, though Slack also sends
the message event); a DM answered and a DM refused; a question in a draft's review thread and
in a published posting's thread answered from that posting; user text escaped; the bot's own
messages ignored; chatter in threads left alone.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from typing import Any

import pytest

from bot.catalog import pay_for
from bot.posting import Posting
from bot.store import DraftRecord, DraftStatus
from tests import slack_fixtures
from tests.fake_slack import FakeSlack
from tests.faq_eval import NETWORK_TECHNICIAN
from tests.newjob_app import Running, running_app
from tests.review_scenes import ready_draft, reply, submit
from tests.slack_requests import (
    GENERAL_CHANNEL,
    HIRING_MANAGER,
    JOBS_CHANNEL,
    REVIEW_CHANNEL,
    REVIEWER,
)

fake_slack = slack_fixtures.fake_slack

DONE_QUESTION = "What's the difference between a network technician and a network administrator?"


@pytest.fixture
def run(fake_slack: FakeSlack, sqlite_url: str) -> Iterator[Running]:
    with running_app(fake_slack, sqlite_url) as running:
        yield running


def posts(run: Running, channel: str | None = None) -> list[Any]:
    return [
        call
        for call in run.fake.calls("chat.postMessage")
        if channel is None or call.params.get("channel") == channel
    ]


def wait_post(run: Running, channel: str, count: int = 1) -> Any:
    calls = run.fake.wait_for(
        "chat.postMessage", count=count, predicate=lambda c: c.params.get("channel") == channel
    )
    return calls[count - 1]


def shown(call: Any) -> str:
    """Everything the message shows: its fallback text and its blocks."""
    return str(call.params.get("text")) + json.dumps(call.params.get("blocks"), ensure_ascii=False)


def settle(run: Running, quiet: float = 0.4) -> None:
    """Wait until the app has sent nothing for `quiet` seconds (for 'nothing was sent')."""
    count = run.fake.count()
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        time.sleep(quiet)
        now = run.fake.count()
        if now == count:
            return
        count = now


def published_posting(run: Running, data: dict[str, Any]) -> DraftRecord:
    """A posting published in the jobs channel, as the review flow leaves it."""
    parent = run.fake.add_message(
        JOBS_CHANNEL, "📣 We're hiring", user=run.fake.workspace.bot_user_id
    )
    posting = Posting.model_validate(data)
    link = f"https://acme.slack.com/archives/{JOBS_CHANNEL}/p{parent['ts'].replace('.', '')}"
    draft = run.store.create_draft(
        team_id=run.fake.workspace.team_id,
        requester=HIRING_MANAGER,
        title=posting.title,
        role_key="network_technician",
        jobs_channel=JOBS_CHANNEL,
        jobs_ts=parent["ts"],
        permalink=link,
    )
    run.store.add_version(draft.id, posting.model_dump(mode="json"), author=HIRING_MANAGER)
    assert run.store.transition(draft.id, to=DraftStatus.PUBLISHED, from_=[DraftStatus.DRAFTING])
    stored = run.store.draft(draft.id)
    assert stored is not None
    return stored


def test_an_app_mention_is_answered_in_a_thread_of_the_message(run: Running) -> None:
    assert run.slack.mention(DONE_QUESTION).status_code == 200
    mention_ts = run.slack.last.event["ts"]
    call = wait_post(run, GENERAL_CHANNEL)
    assert call.params["thread_ts"] == mention_ts
    text = shown(call)
    assert "The difference is seniority and the scope of the job" in text
    assert "Sources: Indeed, “Network Technician Job Description" in text
    assert "<@" not in text
    run.fake.assert_no_errors()


def test_a_mention_is_answered_once_though_slack_sends_the_message_too(run: Running) -> None:
    run.slack.mention("how much does a network tech make in Colorado?")
    event = run.slack.last.event
    # Slack's message.channels event for the same message, with the mention in its text.
    run.slack.message(event["text"], channel_id=GENERAL_CHANNEL)
    call = wait_post(run, GENERAL_CHANNEL)
    settle(run)
    assert len(posts(run, GENERAL_CHANNEL)) == 1
    report = pay_for("15-1231.00", "Colorado")
    assert report.annual is not None
    assert report.annual.median.text("year") in shown(call)
    assert call.params["thread_ts"] == event["ts"]


def test_a_dm_is_answered(run: Running) -> None:
    dm = run.fake.workspace.dm_channel(HIRING_MANAGER)
    assert run.slack.message("how much does a netwrok tech make in Colorado?").status_code == 200
    call = wait_post(run, dm)
    assert "thread_ts" not in call.params
    text = shown(call)
    report = pay_for("15-1231.00", "Colorado")
    assert report.annual is not None
    assert f"in Colorado: median {report.annual.median.text('year')} a year" in text
    assert "BLS OEWS, May 2025" in text
    # A local answer leaves the source page's national average out (#18 item 7).
    assert "$54,683" not in text and "Indeed, Sept 2023" not in text
    run.fake.assert_no_errors()


def test_a_dm_about_candidates_is_refused_before_any_lookup(run: Running) -> None:
    dm = run.fake.workspace.dm_channel(HIRING_MANAGER)
    run.slack.message("should I hire Priya or Marcus for the analyst role?")
    text = shown(wait_post(run, dm))
    assert "I don't judge candidates or applicants" in text and "Priya and Marcus" in text
    assert "open Analyst posting" not in text and "$" not in text
    run.fake.assert_no_errors()


def test_a_dm_comparing_two_places_gives_both_and_the_difference(run: Running) -> None:
    dm = run.fake.workspace.dm_channel(HIRING_MANAGER)
    run.slack.message("RN pay in austin vs dallas")
    text = shown(wait_post(run, dm))
    austin, dallas = pay_for("29-1141.00", "Austin, TX"), pay_for("29-1141.00", "Dallas, TX")
    assert austin.annual is not None and dallas.annual is not None
    a, d = austin.annual.median.value, dallas.annual.median.value
    assert a is not None and d is not None
    assert austin.annual.median.text("year") in text and dallas.annual.median.text("year") in text
    assert f"${abs(a - d):,.0f}" in text
    run.fake.assert_no_errors()


def test_a_dm_out_of_scope_is_refused_saying_what_it_can_answer(run: Running) -> None:
    dm = run.fake.workspace.dm_channel(REVIEWER)
    run.slack.message("what's the weather in Paris?", user_id=REVIEWER)
    text = shown(wait_post(run, dm))
    assert "I can't answer that." in text and "what it pays nationally" in text


def test_a_question_in_a_review_thread_is_answered_from_the_draft(run: Running) -> None:
    draft, preview = ready_draft(run)
    draft = submit(run, preview, draft.id)
    before = len(posts(run, REVIEW_CHANNEL))
    # Review threads are quiet: Newjob answers there when asked (@mentioned).
    thread = {"user_id": REVIEWER, "channel_id": REVIEW_CHANNEL, "thread_ts": draft.review_ts}
    run.slack.mention("what's the pay range?", **thread)
    call = wait_post(run, REVIEW_CHANNEL, before + 1)
    assert call.params["thread_ts"] == draft.review_ts
    text = shown(call)
    assert "The Network Technician posting pays $55,000 – $65,000 a year." in text
    assert "Newjob posting #" in text and "in review" in text
    # A question about the role, in the thread, is about the draft's role.
    run.slack.mention("is it an entry-level job?", **thread)
    text = shown(wait_post(run, REVIEW_CHANNEL, before + 2))
    assert "Job Zone 4" in text and "(O*NET 29.3)" in text
    # Talk between people gets no reply, even a question the FAQ could answer.
    reply(run, draft, "did legal sign off on this?", REVIEWER)
    reply(run, draft, "what's the pay range?", REVIEWER)
    settle(run)
    assert len(posts(run, REVIEW_CHANNEL)) == before + 2


def test_a_draft_in_review_is_spoken_of_in_dms_only_to_its_author(run: Running) -> None:
    draft, preview = ready_draft(run)
    submit(run, preview, draft.id)
    question = "what's the pay range for the network technician opening?"
    run.slack.message(question, user_id=REVIEWER)
    text = shown(wait_post(run, run.fake.workspace.dm_channel(REVIEWER)))
    assert "I don't know of an open Network Technician posting" in text
    assert "$55,000" not in text
    author_dm = run.fake.workspace.dm_channel(HIRING_MANAGER)
    before = len(posts(run, author_dm))
    run.slack.message(question, user_id=HIRING_MANAGER)
    text = shown(wait_post(run, author_dm, before + 1))
    assert "The Network Technician posting pays $55,000 – $65,000 a year." in text


def test_a_mention_in_a_published_postings_thread_is_about_that_posting(run: Running) -> None:
    draft = published_posting(run, NETWORK_TECHNICIAN)
    run.slack.mention("is this job remote?", channel_id=JOBS_CHANNEL, thread_ts=draft.jobs_ts)
    call = wait_post(run, JOBS_CHANNEL)
    assert call.params["thread_ts"] == draft.jobs_ts
    text = shown(call)
    assert "Yes: the Network Technician job is remote" in text
    assert draft.permalink in text


def test_user_and_posting_text_is_escaped(run: Running) -> None:
    published_posting(run, {**NETWORK_TECHNICIAN, "title": "Network Technician <!channel> & Co"})
    dm = run.fake.workspace.dm_channel(HIRING_MANAGER)
    run.slack.message("is the network technician job remote? <!here>")
    call = wait_post(run, dm)
    sent = json.dumps(call.params, ensure_ascii=False)
    assert "<!channel>" not in sent and "<!here>" not in sent
    assert "Network Technician &lt;!channel&gt; &amp; Co" in shown(call)


def test_the_bots_own_mentions_and_messages_are_ignored(run: Running) -> None:
    bot = run.fake.workspace.bot_user_id
    run.slack.mention("how much do RNs make?", user_id=bot)
    run.slack.message("how much do RNs make?", user_id=bot)
    settle(run)
    assert posts(run) == []
    # And the app is still listening.
    run.slack.message("how much do RNs make?")
    wait_post(run, run.fake.workspace.dm_channel(HIRING_MANAGER))


def test_top_level_channel_messages_are_not_the_faqs(run: Running) -> None:
    run.slack.message("how much do RNs make?", channel_id=GENERAL_CHANNEL)
    settle(run)
    assert posts(run) == []
