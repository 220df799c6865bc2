"""Quiet threads, over signed requests to the real app and the fake Slack Web API: in a review
thread Newjob answers only what starts with a command or mentions it; refusals are one short
line that names no setting; an off-topic @mention gets one short line; an @mention that is a
command is carried out once, not also answered as a question."""

from __future__ import annotations

import time

from tests import (
    review_scenes,
    slack_fixtures,
)
from tests.newjob_app import Running
from tests.review_scenes import (
    click,
    ephemerals,
    published,
    ready_draft,
    reply,
    review_post,
    submit,
    wait_ephemeral,
)
from tests.slack_requests import (
    APPROVER,
    GENERAL_CHANNEL,
    HIRING_MANAGER,
    REVIEW_CHANNEL,
    REVIEWER,
)

fake_slack = slack_fixtures.fake_slack


run = review_scenes.app_with_an_approver


def _one_short_line(text: str, limit: int = 160) -> None:
    assert "\n" not in text and len(text) <= limit, text
    assert "NEWJOB_" not in text, text


def test_refusals_are_one_short_line_without_setting_names(run: Running) -> None:
    draft, preview = ready_draft(run)
    draft = submit(run, preview, draft.id)
    card = review_post(run, draft.id)
    click(run, card, "Approve", REVIEWER)
    _one_short_line(wait_ephemeral(run, REVIEWER))
    click(run, card, "Request changes", REVIEWER)
    _one_short_line(wait_ephemeral(run, REVIEWER, count=2))
    reply(run, draft, "set pay 90000-99000 USD/year", REVIEWER)
    _one_short_line(wait_ephemeral(run, REVIEWER, count=3))
    click(run, card, "Approve", HIRING_MANAGER)
    _one_short_line(wait_ephemeral(run, HIRING_MANAGER))
    click(run, card, "Edit", APPROVER)
    _one_short_line(wait_ephemeral(run, APPROVER))
    texts = [
        *ephemerals(run, REVIEWER),
        *ephemerals(run, HIRING_MANAGER),
        *ephemerals(run, APPROVER),
    ]
    assert "Only the approvers" in texts[0] and "yourself" in texts[3]


def test_an_off_topic_mention_gets_one_short_line(run: Running) -> None:
    bot = run.fake.workspace.bot_user_id
    run.slack.mention(f"<@{bot}> what's for lunch today?", user_id=REVIEWER)
    [call] = run.fake.wait_for(
        "chat.postMessage", predicate=lambda c: c.params.get("channel") == GENERAL_CHANNEL
    )
    text = str(call.params["text"])
    _one_short_line(text)
    assert "job postings" in text and call.params["thread_ts"]
    # A real question is still answered in full, with its sources.
    run.slack.mention(
        f"<@{bot}> how much does a network technician make in Denver?", user_id=REVIEWER
    )
    answer = run.fake.wait_for(
        "chat.postMessage", count=2, predicate=lambda c: c.params.get("channel") == GENERAL_CHANNEL
    )[-1]
    assert "BLS" in str(answer.params.get("blocks"))


def test_a_mention_that_is_a_command_is_carried_out_once(run: Running) -> None:
    draft, preview = ready_draft(run)
    draft = submit(run, preview, draft.id)
    bot = run.fake.workspace.bot_user_id
    text = f"<@{bot}> lgtm"
    # Slack sends both: the message in the channel, and the app_mention.
    reply(run, draft, text, APPROVER)
    run.slack.mention(text, user_id=APPROVER, channel_id=REVIEW_CHANNEL, thread_ts=draft.review_ts)
    published(run, draft.id)
    time.sleep(0.3)
    assert len(run.store.approvals(draft.id, 1)) == 1
    answers = run.fake.calls(
        "chat.postMessage",
        predicate=lambda c: (
            c.params.get("thread_ts") == draft.review_ts and "job postings" in str(c.text)
        ),
    )
    assert answers == [] and ephemerals(run, APPROVER) == []
    # A mention in the thread that isn't a command is answered (the mention listener's).
    run.slack.mention(
        f"<@{bot}> tell me a joke",
        user_id=REVIEWER,
        channel_id=REVIEW_CHANNEL,
        thread_ts=draft.review_ts,
    )
    [short] = run.fake.wait_for(
        "chat.postMessage",
        predicate=lambda c: (
            c.params.get("thread_ts") == draft.review_ts and "job postings" in str(c.text)
        ),
    )
    _one_short_line(str(short.text))
