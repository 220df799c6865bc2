"""A `changes:` comment keeps the people it mentions (#15 item 8): `<@U…>` shows as the
mention it was, in the review thread and in the requester's DM, while broadcasts (`<!channel>`,
`<!here>`, `<!everyone>`), user groups and links stay plain text. Signed requests through the
real app, the fake Slack Web API."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import pytest

from bot.render.mrkdwn import escape_keeping_mentions
from tests import slack_fixtures
from tests.fake_slack import FakeSlack
from tests.newjob_app import Running, running_app
from tests.review_scenes import ready_draft, reply, submit, wait_until
from tests.slack_requests import HIRING_MANAGER, REVIEWER

fake_slack = slack_fixtures.fake_slack

BROADCAST_OR_LINK = re.compile(r"<(?:!|#|https?://evil|mailto:)", re.I)


@pytest.fixture
def run(fake_slack: FakeSlack, sqlite_url: str) -> Iterator[Running]:
    with running_app(fake_slack, sqlite_url) as running:
        yield running


def test_a_changes_comment_keeps_its_mentions_and_not_its_broadcasts(run: Running) -> None:
    draft, preview = ready_draft(run)
    draft = submit(run, preview, draft.id)
    bot = run.fake.workspace.bot_user_id
    reply(
        run,
        draft,
        f"<@{bot}> changes: ask <@{HIRING_MANAGER}|hana> about the pay, <!channel> <!here> "
        "<!everyone> <!subteam^S0EVIL01|@admins> <#C0EVIL0001|general> "
        "<https://evil.example/login|Click here>",
        REVIEWER,
    )
    said = run.fake.wait_for(
        "chat.postMessage", predicate=lambda c: "about the pay" in json.dumps(c.params), count=2
    )
    wait_until(lambda: run.store.count_events(draft.id, "changes_requested"), what="changes")
    for call in said:
        shown = json.dumps({"text": call.params.get("text"), "blocks": call.params.get("blocks")})
        assert f"ask <@{HIRING_MANAGER}> about the pay" in shown, shown
        assert f"<@{bot}>" not in shown
        assert not BROADCAST_OR_LINK.search(shown), shown
        assert "&lt;!channel&gt;" in shown and "&lt;!subteam^S0EVIL01|@admins&gt;" in shown
    [event] = [e for e in run.store.history(draft.id) if e.kind == "changes_requested"]
    assert f"<@{HIRING_MANAGER}|hana>" in event.detail["comment"]


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("ask <@U0ABC1234>", "ask <@U0ABC1234>"),
        ("ask <@W0ABC1234|bob>!", "ask <@W0ABC1234>!"),
        ("<!channel> & <@U0ABC1234>", "&lt;!channel&gt; &amp; <@U0ABC1234>"),
        ("<@U0ABC1234|a<!here>>", "&lt;@U0ABC1234|a&lt;!here&gt;&gt;"),
        ("<@u0abc1234> <@S0GROUP01>", "&lt;@u0abc1234&gt; &lt;@S0GROUP01&gt;"),
    ],
)
def test_only_mentions_of_people_stay_markup(typed: str, shown: str) -> None:
    assert escape_keeping_mentions(typed) == shown
