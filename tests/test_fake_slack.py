"""The Slack test kit itself: a real Bolt app served by waitress answers signed requests from
``slack_requests`` and talks to ``FakeSlack``, which must answer like Slack and refuse what Slack
would refuse."""

from __future__ import annotations

import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import httpx
import pytest
from slack_bolt import Ack, App, BoltContext, Respond, Say
from slack_bolt.adapter.wsgi import SlackRequestHandler
from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError
from slack_sdk.http_retry.builtin_handlers import (
    RateLimitErrorRetryHandler,
    ServerErrorRetryHandler,
)
from slack_sdk.signature import Clock, SignatureVerifier
from slack_sdk.webhook import WebhookClient

from tests import slack_fixtures
from tests.fake_slack import (
    CHANNEL_ID,
    TS,
    Call,
    FakeSlack,
    block_problems,
    view_problems,
)
from tests.slack_fixtures import serve_wsgi
from tests.slack_requests import (
    GENERAL_CHANNEL,
    HIRING_MANAGER,
    REVIEW_CHANNEL,
    REVIEWER,
    SIGNING_SECRET,
    SlackSender,
    event_callback,
    message_event,
    sign,
    state_values,
)

fake_slack = slack_fixtures.fake_slack  # the fixture, for this module's tests

SPECS = Path(__file__).resolve().parents[1] / ".." / "shared" / "data" / "slack-specs"

JSON = dict[str, Any]


def _text(text: str) -> JSON:
    return {"type": "mrkdwn", "text": text}


def _plain(text: str) -> JSON:
    return {"type": "plain_text", "text": text}


def _section(text: str) -> JSON:
    return {"type": "section", "text": _text(text)}


def _option(text: str, value: str) -> JSON:
    return {"text": _plain(text), "value": value}


START_MESSAGE = [
    _section("Let's write the posting for *network technician*."),  # no block_id: Slack adds one
    {
        "type": "actions",
        "block_id": "start",
        "elements": [
            {"type": "button", "action_id": "start", "text": _plain("Start"), "value": "draft-1"},
            {
                "type": "static_select",
                "action_id": "level",
                "placeholder": _plain("Level"),
                "options": [_option("Junior", "junior"), _option("Senior", "senior")],
            },
        ],
    },
]

POSTING_FORM: JSON = {
    "type": "modal",
    "callback_id": "posting_form",
    "title": _plain("New job"),
    "submit": _plain("Create"),
    "private_metadata": "draft-1",
    "blocks": [
        _section("Tell us about the role."),
        {
            "type": "input",
            "block_id": "title",
            "label": _plain("Job title"),
            "element": {"type": "plain_text_input", "action_id": "title"},
        },
        {
            "type": "input",
            "block_id": "level",
            "label": _plain("Level"),
            "element": {
                "type": "static_select",
                "action_id": "level",
                "options": [_option("Junior", "junior"), _option("Senior", "senior")],
            },
        },
        {
            "type": "input",
            "block_id": "start",
            "label": _plain("Start date"),
            "element": {"type": "datepicker", "action_id": "start", "initial_date": "2026-03-02"},
        },
        {
            "type": "input",
            "block_id": "perks",
            "optional": True,
            "label": _plain("Perks"),
            "element": {
                "type": "checkboxes",
                "action_id": "perks",
                "options": [_option("Remote", "remote"), _option("Visa", "visa")],
            },
        },
    ],
}


def tiny_app(fake: FakeSlack) -> App:
    """A Bolt app shaped like Newjob's flow: command -> DM with a button -> thread; a modal."""
    client = fake.client(retry_handlers=[RateLimitErrorRetryHandler(max_retry_count=2)])
    app = App(signing_secret=SIGNING_SECRET, client=client)

    @app.command("/newjob")
    def newjob(ack: Ack, command: JSON, body: JSON, respond: Respond, client: WebClient) -> None:
        ack()
        if command["text"] == "form":
            client.views_open(trigger_id=body["trigger_id"], view=POSTING_FORM)
            return
        respond(text=f"Starting {command['text']} in a DM.", response_type="ephemeral")
        dm = client.conversations_open(users=command["user_id"])["channel"]["id"]
        client.chat_postMessage(channel=dm, text="Let's write it.", blocks=START_MESSAGE)

    @app.action("start")
    def start(ack: Ack, body: JSON, client: WebClient) -> None:
        ack()
        channel, ts = body["container"]["channel_id"], body["container"]["message_ts"]
        client.chat_update(channel=channel, ts=ts, text="Started.", blocks=[_section("Started.")])
        client.chat_postMessage(channel=channel, thread_ts=ts, text="What is the job title?")

    @app.action("level")
    def level(ack: Ack, action: JSON, say: Say) -> None:
        ack()
        say(text=f"Level: {action['selected_option']['value']}")

    @app.view("posting_form")
    def submitted(ack: Ack, view: JSON, body: JSON, client: WebClient) -> None:
        values = view["state"]["values"]
        if not values["title"]["title"]["value"].strip():
            ack(response_action="errors", errors={"title": "Give the job a title."})
            return
        ack()
        summary = json.dumps(values, sort_keys=True)
        dm = client.conversations_open(users=body["user"]["id"])["channel"]["id"]
        client.chat_postMessage(channel=dm, text=summary)

    @app.event("message")
    def message(event: JSON, say: Say) -> None:
        if event.get("channel_type") == "im":
            say(text=f"You said: {event['text']}", thread_ts=event.get("thread_ts") or event["ts"])

    @app.event("app_mention")
    def mention(event: JSON, say: Say) -> None:
        say(text="Ask me in a DM.", thread_ts=event.get("thread_ts") or event["ts"])

    @app.event("app_home_opened")
    def home(event: JSON, client: WebClient, context: BoltContext) -> None:
        view = {"type": "home", "blocks": [_section(f"Hello <@{context.user_id}>")]}
        client.views_publish(user_id=event["user"], view=view)

    return app


@pytest.fixture
def sender(fake_slack: FakeSlack) -> Iterator[SlackSender]:
    app = tiny_app(fake_slack)
    with (
        serve_wsgi(SlackRequestHandler(app)) as base,
        SlackSender(f"{base}/slack/events", fake=fake_slack) as sending,
    ):
        yield sending


# --------------------------------------------------------------------------------------------
# The app, through signed requests
# --------------------------------------------------------------------------------------------


def test_slash_command_answers_on_the_response_url_and_opens_a_dm(
    sender: SlackSender,
    fake_slack: FakeSlack,
) -> None:
    response = sender.command("network technician")

    assert response.status_code == 200
    [answer] = fake_slack.wait_for("response_url")
    assert answer.params == {
        "text": "Starting network technician in a DM.",
        "response_type": "ephemeral",
    }
    assert answer.name is not None and answer.name.startswith("command-")
    [posted] = fake_slack.wait_for("chat.postMessage")
    dm = fake_slack.workspace.dm_channel(HIRING_MANAGER)
    assert posted.params["channel"] == dm and posted.ok
    assert posted.headers["authorization"] == f"Bearer {fake_slack.workspace.bot_token}"
    [message] = fake_slack.messages(dm)
    assert message["blocks"][0]["block_id"]  # Slack gives every block an id


def test_button_click_updates_the_message_and_asks_in_its_thread(
    sender: SlackSender,
    fake_slack: FakeSlack,
) -> None:
    sender.command("network technician")
    fake_slack.wait_for("chat.postMessage")
    dm = fake_slack.workspace.dm_channel(HIRING_MANAGER)
    [shown] = fake_slack.messages(dm)

    assert sender.block_action("start", message=shown).status_code == 200

    fake_slack.wait_for("chat.update")
    [question] = fake_slack.wait_for("chat.postMessage", count=2)[1:]
    assert question.params["thread_ts"] == shown["ts"]
    parent, reply = fake_slack.messages(dm, thread_ts=shown["ts"])
    assert parent["text"] == "Started." and parent["reply_count"] == 1
    assert reply["text"] == "What is the job title?"
    payload = sender.last.payload
    assert isinstance(payload, dict)
    assert payload["actions"][0]["value"] == "draft-1"
    assert payload["container"] == {
        "type": "message",
        "message_ts": shown["ts"],
        "channel_id": dm,
        "is_ephemeral": False,
    }


def test_choosing_in_a_menu_sends_the_option_slack_would_send(
    sender: SlackSender,
    fake_slack: FakeSlack,
) -> None:
    sender.command("network technician")
    fake_slack.wait_for("chat.postMessage")
    [shown] = fake_slack.messages()

    sender.block_action("level", message=shown, value="senior")

    said = fake_slack.wait_for("chat.postMessage", count=2)[1]
    assert said.params["text"] == "Level: senior"
    with pytest.raises(ValueError, match="no option 'principal'"):
        sender.block_action("level", message=shown, value="principal")
    with pytest.raises(LookupError, match="nothing with action_id 'approve'"):
        sender.block_action("approve", message=shown)


def test_direct_message_gets_an_answer_in_its_thread(
    sender: SlackSender,
    fake_slack: FakeSlack,
) -> None:
    assert sender.message("hello there").status_code == 200
    asked = sender.last.event

    [reply] = fake_slack.wait_for("chat.postMessage")
    assert reply.params["thread_ts"] == asked["ts"]
    assert (
        reply.params["channel"]
        == asked["channel"]
        == fake_slack.workspace.dm_channel(HIRING_MANAGER)
    )
    assert [m["text"] for m in fake_slack.messages(asked["channel"])] == [
        "hello there",
        "You said: hello there",
    ]

    sender.message("and a follow-up", thread_ts=asked["ts"])
    follow_up = fake_slack.wait_for("chat.postMessage", count=2)[1]
    assert follow_up.params["thread_ts"] == asked["ts"]
    assert sender.last.event["parent_user_id"] == HIRING_MANAGER


def test_mention_in_a_channel_and_home_tab(
    sender: SlackSender,
    fake_slack: FakeSlack,
) -> None:
    sender.mention("help", user_id=REVIEWER, channel_id=REVIEW_CHANNEL)
    [reply] = fake_slack.wait_for("chat.postMessage")
    assert reply.params["channel"] == REVIEW_CHANNEL
    assert reply.params["thread_ts"] == sender.last.event["ts"]
    assert sender.last.event["text"] == f"<@{fake_slack.workspace.bot_user_id}> help"

    sender.home_opened(REVIEWER)
    fake_slack.wait_for("views.publish")
    home = fake_slack.home_view(REVIEWER)
    assert home is not None and home["id"].startswith("V") and home["type"] == "home"


def test_modal_opened_from_a_command_and_submitted(
    sender: SlackSender,
    fake_slack: FakeSlack,
) -> None:
    sender.command("form")
    [opened] = fake_slack.wait_for("views.open")
    assert opened.response is not None
    view = opened.response["view"]
    assert view["id"].startswith("V") and view["hash"] and view["private_metadata"] == "draft-1"

    with pytest.raises(ValueError, match="required input 'title' is empty"):
        sender.view_submission(view, {"level": "senior"})
    response = sender.view_submission(
        view, {"title": "Network technician", "level": "senior", "perks": ["remote"]}
    )

    assert response.status_code == 200
    [summary] = fake_slack.wait_for("chat.postMessage")
    assert json.loads(summary.params["text"]) == {
        "title": {"title": {"type": "plain_text_input", "value": "Network technician"}},
        "level": {
            "level": {"type": "static_select", "selected_option": _option("Senior", "senior")}
        },
        "start": {"start": {"type": "datepicker", "selected_date": "2026-03-02"}},
        "perks": {
            "perks": {"type": "checkboxes", "selected_options": [_option("Remote", "remote")]}
        },
    }


def test_view_submission_errors_come_back_in_the_http_answer(
    sender: SlackSender,
    fake_slack: FakeSlack,
) -> None:
    sender.command("form")
    view = fake_slack.wait_for("views.open")[0].response["view"]  # type: ignore[index]

    response = sender.view_submission(view, {"title": "  ", "level": "junior"})

    assert response.json() == {
        "response_action": "errors",
        "errors": {"title": "Give the job a title."},
    }


def test_bolt_refuses_requests_not_signed_by_slack(
    sender: SlackSender,
    fake_slack: FakeSlack,
) -> None:
    assert sender.command("x", secret="not-the-signing-secret").status_code == 401
    assert sender.command("x", timestamp=1_500_000_000).status_code == 401
    assert sender.command("x", signed=False).status_code == 401
    assert sender.post(b"{}", headers={"X-Slack-Signature": "v0=00"}).status_code == 401
    assert fake_slack.count("chat.postMessage") == 0
    assert sender.command("network technician").status_code == 200


def test_url_verification_and_a_redelivered_event(
    sender: SlackSender,
    fake_slack: FakeSlack,
) -> None:
    assert sender.url_verification("abc123").json() == {"challenge": "abc123"}

    sender.message("hello")
    first = sender.last
    sender.resend(retry_reason="http_timeout")
    again = sender.last

    assert again.body == first.body
    assert json.loads(again.body)["event_id"] == json.loads(first.body)["event_id"]
    assert again.headers["X-Slack-Retry-Num"] == "1"
    assert again.headers["X-Slack-Retry-Reason"] == "http_timeout"
    assert again.headers["X-Slack-Signature"] == sign(
        again.body, SIGNING_SECRET, again.headers["X-Slack-Request-Timestamp"]
    )
    # This tiny app does not deduplicate; Newjob's own tests assert that it does.
    fake_slack.wait_for("chat.postMessage", count=2)


def test_rate_limit_inside_a_listener_is_waited_out(
    sender: SlackSender,
    fake_slack: FakeSlack,
) -> None:
    fake_slack.fail_next("chat.postMessage", 429, retry_after=1)

    sender.message("hello")

    limited, delivered = fake_slack.wait_for("chat.postMessage", count=2, timeout=10)
    assert (limited.status, limited.fault, delivered.status) == (429, "http 429", 200)
    assert delivered.at - limited.at >= 1.0  # Retry-After: 1 was honoured
    assert delivered.ok and not limited.ok


# --------------------------------------------------------------------------------------------
# The fake Web API on its own
# --------------------------------------------------------------------------------------------


def _rejected(fake: FakeSlack, call: Any, error: str) -> list[str]:
    """Call, expect Slack's ``error``, return the recorded problems (and forget them)."""
    with pytest.raises(SlackApiError) as raised:
        call()
    assert raised.value.response["error"] == error
    [rejection] = fake.take_errors()
    assert rejection.error == error
    return list(rejection.problems)


BUTTON = {"type": "button", "action_id": "a", "text": _plain("Go")}


@pytest.mark.parametrize(
    ("blocks", "problem"),
    [
        ([_section("x")] * 51, "51 blocks, at most 50"),
        ([_section("x" * 3001)], "cannot exceed 3000"),
        ([{"type": "section", "fields": [_text("x" * 2001)]}], "2001 characters, at most 2000"),
        ([{"type": "section", "fields": [_text("x")] * 11}], "cannot exceed 10 items"),
        ([{"type": "sections", "text": _text("x")}], "unknown block type 'sections'"),
        ([{"type": "section", "text": _text("x"), "colour": "red"}], "colour: unknown"),
        ([{"type": "section", "text": "x"}], "expected a text object"),
        ([{"type": "section", "text": _text("")}], "non-empty string"),
        ([{"type": "header", "text": _plain("x" * 151)}], "cannot exceed 150"),
        ([{"type": "header", "text": _text("x")}], "header takes a plain_text"),
        ([{"type": "actions", "elements": [{**BUTTON, "text": _plain("x" * 76)}]}], "75"),
        ([{"type": "actions", "elements": [{**BUTTON, "action_id": "a" * 256}]}], "255"),
        ([{"type": "actions", "elements": [{**BUTTON, "value": "v" * 2001}]}], "2000"),
        (
            [{"type": "actions", "elements": [{**BUTTON, "style": "green"}]}],
            "style attribute must be one of",
        ),
        ([{"type": "actions", "elements": [BUTTON, BUTTON]}], "duplicate action_id 'a'"),
        ([{"type": "actions", "elements": []}], "at least one element"),
        ([{"type": "actions", "elements": [{"type": "buton"}]}], "unknown element type"),
        ([{**_section("x"), "block_id": "b"}, {"type": "divider", "block_id": "b"}], "dupl"),
        (
            [
                {
                    **_section("x"),
                    "accessory": {
                        "type": "overflow",
                        "action_id": "o",
                        "options": [_option("x" * 76, "a"), _option("b", "b")],
                    },
                }
            ],
            "at most 75 characters",
        ),
        ("[not json", "not a JSON array"),
    ],
)
def test_blocks_slack_would_refuse_are_refused_and_recorded(
    fake_slack: FakeSlack,
    blocks: Any,
    problem: str,
) -> None:
    client = fake_slack.client()
    post = lambda: client.chat_postMessage(channel=GENERAL_CHANNEL, text="x", blocks=blocks)  # noqa: E731
    error = "invalid_blocks_format" if isinstance(blocks, str) else "invalid_blocks"

    problems = _rejected(fake_slack, post, error)

    assert any(problem in p for p in problems), problems
    assert fake_slack.messages() == []


def test_valid_block_kit_passes_untouched(fake_slack: FakeSlack) -> None:
    client = fake_slack.client()
    blocks = [*START_MESSAGE, _section("y")] + [{"type": "divider"}] * 47

    posted = client.chat_postMessage(channel=GENERAL_CHANNEL, text="fifty blocks", blocks=blocks)

    assert len(posted["message"]["blocks"]) == 50
    assert block_problems(POSTING_FORM["blocks"], limit=100) == []
    assert view_problems(POSTING_FORM) == []


@pytest.mark.parametrize(
    ("view", "problem"),
    [
        ({**POSTING_FORM, "blocks": [_section("x")] * 101}, "101 blocks, at most 100"),
        ({key: v for key, v in POSTING_FORM.items() if key != "submit"}, "submit: required"),
        ({**POSTING_FORM, "title": _plain("A title longer than 24 chars")}, "between 1 and 24"),
        ({**POSTING_FORM, "callbackid": "x"}, "callbackid: unknown"),
        (
            {**POSTING_FORM, "blocks": [{**_section("x"), "accessory": {"type": "bogus"}}]},
            "type 'bogus'",
        ),
    ],
)
def test_views_slack_would_refuse_are_refused_and_recorded(
    fake_slack: FakeSlack,
    view: JSON,
    problem: str,
) -> None:
    client = fake_slack.client()
    trigger = "1000000000001.1000000001.0123456789abcdef0123456789abcdef"

    problems = _rejected(
        fake_slack, lambda: client.views_open(trigger_id=trigger, view=view), "invalid_arguments"
    )

    assert any(problem in p for p in problems), problems


@pytest.mark.filterwarnings("ignore:The top-level `text` argument is missing")
def test_message_arguments_are_checked(fake_slack: FakeSlack) -> None:
    client = fake_slack.client()
    checks: list[tuple[Any, str]] = [
        (lambda: client.chat_postMessage(channel="general", text="x"), "channel_not_found"),
        (lambda: client.chat_postMessage(channel=GENERAL_CHANNEL, text=""), "no_text"),
        (
            lambda: client.chat_postMessage(channel=GENERAL_CHANNEL, text="x" * 40_001),
            "msg_too_long",
        ),
        (
            lambda: client.chat_postMessage(channel=GENERAL_CHANNEL, text="x", thread_ts="17327"),
            "invalid_thread_ts",
        ),
        (
            lambda: client.chat_update(channel=GENERAL_CHANNEL, ts="1732770000.000100", text="x"),
            "message_not_found",
        ),
        (lambda: client.api_call("chat.postMesage", json={"channel": "C1"}), "unknown_method"),
        (lambda: WebClient(base_url=fake_slack.url).auth_test(), "not_authed"),
        (lambda: fake_slack.client(token="xoxb-someone-else").auth_test(), "invalid_auth"),
    ]
    for call, error in checks:
        _rejected(fake_slack, call, error)
    # A user id is a valid channel: Slack posts in the app's DM with that user.
    posted = client.chat_postMessage(channel=HIRING_MANAGER, text="hi")
    assert posted["channel"] == fake_slack.workspace.dm_channel(HIRING_MANAGER)


def test_answers_have_slack_shapes(fake_slack: FakeSlack) -> None:
    client = fake_slack.client()
    posted = client.chat_postMessage(channel=GENERAL_CHANNEL, text="first")
    reply = client.chat_postMessage(channel=GENERAL_CHANNEL, text="second", thread_ts=posted["ts"])

    assert TS.match(posted["ts"]) and reply["ts"] > posted["ts"]
    assert posted["message"]["bot_id"] == fake_slack.workspace.bot_id
    link = client.chat_getPermalink(channel=GENERAL_CHANNEL, message_ts=reply["ts"])["permalink"]
    assert link.endswith(f"?thread_ts={posted['ts']}&cid={GENERAL_CHANNEL}")
    thread = client.conversations_replies(channel=GENERAL_CHANNEL, ts=posted["ts"])["messages"]
    assert [m["text"] for m in thread] == ["first", "second"]
    dm = client.conversations_open(users=HIRING_MANAGER)["channel"]["id"]
    assert dm == client.conversations_open(users=HIRING_MANAGER)["channel"]["id"]
    assert dm != client.conversations_open(users=REVIEWER)["channel"]["id"]
    assert CHANNEL_ID.match(dm) and dm.startswith("D")
    ephemeral = client.chat_postEphemeral(channel=dm, user=HIRING_MANAGER, text="psst")
    assert TS.match(ephemeral["message_ts"])
    client.reactions_add(channel=GENERAL_CHANNEL, timestamp=posted["ts"], name="eyes")
    assert fake_slack.message(GENERAL_CHANNEL, posted["ts"])["reactions"][0]["name"] == "eyes"
    assert client.users_info(user=REVIEWER)["user"]["id"] == REVIEWER
    fake_slack.set_usergroup("S0APPROVERS", [REVIEWER, HIRING_MANAGER])
    members = client.usergroups_users_list(usergroup="S0APPROVERS")["users"]
    assert members == [REVIEWER, HIRING_MANAGER]


def test_file_upload_v2_keeps_the_file(fake_slack: FakeSlack) -> None:
    client = fake_slack.client()
    posted = client.chat_postMessage(channel=GENERAL_CHANNEL, text="posting v1")

    uploaded = client.files_upload_v2(
        channel=GENERAL_CHANNEL,
        thread_ts=posted["ts"],
        filename="network-technician.md",
        content="# Network Technician\n",
        title="Posting (Markdown)",
        initial_comment="The export.",
    )

    assert uploaded["file"]["id"].startswith("F")
    [kept] = fake_slack.files("network-technician.md")
    assert kept.completed and kept.text == "# Network Technician\n"
    assert (kept.channels, kept.thread_ts, kept.title) == (
        [GENERAL_CHANNEL],
        posted["ts"],
        "Posting (Markdown)",
    )
    assert [c.method for c in fake_slack.calls()][-3:] == [
        "files.getUploadURLExternal",
        "file_upload",
        "files.completeUploadExternal",
    ]
    shared = fake_slack.messages(GENERAL_CHANNEL, thread_ts=posted["ts"])[-1]
    assert shared["subtype"] == "file_share" and shared["text"] == "The export."


def test_views_keep_ids_hashes_and_triggers_are_single_use(fake_slack: FakeSlack) -> None:
    client = fake_slack.client()
    trigger = "1000000000001.1000000001.0123456789abcdef0123456789abcdef"
    opened = client.views_open(trigger_id=trigger, view=POSTING_FORM)["view"]

    updated = client.views_update(view_id=opened["id"], hash=opened["hash"], view=POSTING_FORM)
    assert updated["view"]["id"] == opened["id"] and updated["view"]["hash"] != opened["hash"]
    with pytest.raises(SlackApiError, match="hash_conflict"):
        client.views_update(view_id=opened["id"], hash=opened["hash"], view=POSTING_FORM)
    _rejected(
        fake_slack,
        lambda: client.views_open(trigger_id=trigger, view=POSTING_FORM),
        "exchanged_trigger_id",
    )
    assert fake_slack.view(opened["id"])["blocks"][0]["block_id"]


def test_response_url_posts_are_validated(fake_slack: FakeSlack) -> None:
    url = fake_slack.response_url("cmd")

    ok = WebhookClient(url).send(text="Working on it.", response_type="ephemeral")
    bad = WebhookClient(url).send(text="x", blocks=[{"type": "section"}])

    assert (ok.status_code, bad.status_code, bad.body) == (200, 400, "invalid_blocks")
    first, second = fake_slack.response_url_calls("cmd")
    assert first.params["text"] == "Working on it." and not second.ok
    [rejection] = fake_slack.take_errors()
    assert rejection.method == "response_url"


def test_faults_can_be_scripted(fake_slack: FakeSlack) -> None:
    plain = fake_slack.client(retry_handlers=[])
    fake_slack.fail_next("chat.postMessage", 500)
    with pytest.raises(SlackApiError) as raised:
        plain.chat_postMessage(channel=GENERAL_CHANNEL, text="x")
    assert raised.value.response.status_code == 500

    patient = fake_slack.client(retry_handlers=[ServerErrorRetryHandler(max_retry_count=1)])
    fake_slack.fail_next("chat.postMessage", 503)
    assert patient.chat_postMessage(channel=GENERAL_CHANNEL, text="x")["ok"]

    fake_slack.fail_next("conversations.open", 200, error="missing_scope")
    with pytest.raises(SlackApiError, match="missing_scope"):
        plain.conversations_open(users=HIRING_MANAGER)

    fake_slack.set_response("auth.test", {"ok": True, "user_id": "U0OTHER001"})
    assert plain.auth_test()["user_id"] == "U0OTHER001"
    assert plain.auth_test()["user_id"] == fake_slack.workspace.bot_user_id

    fake_slack.hang_next("users.info", 2)
    with pytest.raises(TimeoutError):
        fake_slack.client(timeout=0.3, retry_handlers=[]).users_info(user=REVIEWER)
    [held] = fake_slack.wait_for("users.info")
    assert held.fault == "hang"
    assert fake_slack.errors() == []  # scripted faults are not the app's fault


def test_wait_for_times_out_with_what_did_arrive(fake_slack: FakeSlack) -> None:
    fake_slack.client().auth_test()
    with pytest.raises(AssertionError, match=r"got 0; received: auth\.test"):
        fake_slack.wait_for("chat.postMessage", timeout=0.1)
    fake_slack.reset()
    assert fake_slack.calls() == []


def test_concurrent_calls_are_all_recorded_with_distinct_ts(fake_slack: FakeSlack) -> None:
    def post(n: int) -> None:
        fake_slack.client().chat_postMessage(channel=GENERAL_CHANNEL, text=f"message {n}")

    threads = [threading.Thread(target=post, args=(n,)) for n in range(40)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    calls: list[Call] = fake_slack.wait_for("chat.postMessage", count=40)
    stamps = [c.response["ts"] for c in calls if c.response]
    assert len(set(stamps)) == 40
    assert len(fake_slack.messages(GENERAL_CHANNEL)) == 40


# --------------------------------------------------------------------------------------------
# The request kit against Slack's own descriptions
# --------------------------------------------------------------------------------------------


def test_signature_matches_slack_sdks_verifier() -> None:
    body = "token=x&team_id=T0NEWJOB01&text=a%20b"
    signature = sign(body, SIGNING_SECRET, 1_732_770_000)
    verifier = SignatureVerifier(SIGNING_SECRET, clock=_FixedClock(1_732_770_000))
    assert verifier.is_valid(body, "1732770000", signature)


class _FixedClock(Clock):
    def __init__(self, now: float) -> None:
        self._now = now

    def now(self) -> float:
        return self._now


def test_state_values_follow_slacks_shapes() -> None:
    view = {
        "id": "V0TEST0001",
        "blocks": [
            {**block, "block_id": block.get("block_id", f"b{i}")}
            for i, block in enumerate(POSTING_FORM["blocks"])
        ],
    }
    values = state_values(view, {"title": "Net tech", ("level", "level"): "junior"})
    assert values["title"]["title"] == {"type": "plain_text_input", "value": "Net tech"}
    assert values["perks"]["perks"] == {"type": "checkboxes", "selected_options": []}
    assert values["start"]["start"]["selected_date"] == "2026-03-02"
    with pytest.raises(KeyError, match="salary"):
        state_values(view, {"title": "x", "level": "junior", "salary": "1"})


def _schema(path: Path) -> Any:
    if not path.exists():
        pytest.skip(f"Slack's specs are not at {path.parent} (../shared/data/slack-specs)")
    return json.loads(path.read_text())


def test_event_envelope_matches_slacks_schema() -> None:
    jsonschema = pytest.importorskip("jsonschema")
    schema = _schema(SPECS / "events-api" / "slack_common_event_wrapper_schema.json")
    event = message_event("hi", channel_id="D0ABCDEFGH1", ts="1732770000.000100")

    jsonschema.validate(event_callback(event), schema)


def test_web_api_answers_match_slacks_openapi(fake_slack: FakeSlack) -> None:
    jsonschema = pytest.importorskip("jsonschema")
    spec = _schema(SPECS / "web-api" / "slack_web_openapi_v2_without_examples.json")
    client = fake_slack.client()
    posted = client.chat_postMessage(channel=GENERAL_CHANNEL, text="x", blocks=[_section("x")])
    # (Frozen in 2020, the spec types chat.update's message.blocks as an object: update a plain
    # message so that this spec bug does not hide real mismatches.)
    plain = client.chat_postMessage(channel=GENERAL_CHANNEL, text="plain")
    answers = {
        "/auth.test": client.auth_test(),
        "/chat.postMessage": posted,
        "/chat.update": client.chat_update(channel=GENERAL_CHANNEL, ts=plain["ts"], text="y"),
        "/chat.postEphemeral": client.chat_postEphemeral(
            channel=GENERAL_CHANNEL, user=REVIEWER, text="z"
        ),
        "/chat.getPermalink": client.chat_getPermalink(
            channel=GENERAL_CHANNEL, message_ts=posted["ts"]
        ),
        "/conversations.open": client.conversations_open(users=REVIEWER),
        "/reactions.add": client.reactions_add(
            channel=GENERAL_CHANNEL, timestamp=posted["ts"], name="white_check_mark"
        ),
    }
    for path, answer in answers.items():
        operation = next(iter(spec["paths"][path].values()))
        schema = {**operation["responses"]["200"]["schema"], "definitions": spec["definitions"]}
        jsonschema.Draft4Validator(schema).validate(answer.data)


def test_sender_without_a_fake_never_points_at_slack() -> None:
    with (
        SlackSender("http://127.0.0.1:9/slack/events") as lonely,
        pytest.raises(httpx.ConnectError),
    ):
        lonely.command("x")
    assert "slack.com" not in lonely.sent[0].body.decode()
