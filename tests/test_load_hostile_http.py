"""Hostile HTTP at /slack/events, fuzzed: always a 4xx, never a 500, never a change of state.

Bad, missing or malformed signatures, the wrong secret, timestamps more than 5 minutes old (or
ahead), bodies that are not UTF-8, broken JSON and forms, JSON that is not an object, known
payload kinds missing the parts Slack always sends, unknown payload kinds, and oversized bodies.
Afterwards no table has a new row, the fake Slack got no call, and the app still works.
"""

from __future__ import annotations

import json
import time
from collections.abc import Iterator
from urllib.parse import urlencode

import httpx
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from sqlalchemy import func, select

from bot.slack.server import MAX_BODY
from bot.store.tables import Base
from tests import slack_fixtures
from tests.fake_slack import FakeSlack
from tests.newjob_app import Running, running_app
from tests.slack_requests import (
    SIGNING_SECRET,
    block_actions_payload,
    event_callback,
    message_event,
    sign,
    slash_command_payload,
)

pytestmark = pytest.mark.load

fake_slack = slack_fixtures.fake_slack

FUZZ = settings(
    max_examples=150,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
FORM = "application/x-www-form-urlencoded"


@pytest.fixture
def run(fake_slack: FakeSlack, sqlite_url: str) -> Iterator[Running]:
    with running_app(fake_slack, sqlite_url) as running:
        running.fake.reset()
        before = rows(running)
        yield running
        # Nothing anywhere changed, nothing reached Slack, and the app still answers properly.
        assert rows(running) == before
        assert [c.method for c in running.fake.calls() if c.method != "auth.test"] == []
        assert running.slack.command("help").status_code == 200
        running.fake.wait_for("response_url")


def rows(run: Running) -> dict[str, int]:
    with run.store.engine.connect() as connection:
        return {
            table.name: int(connection.scalar(select(func.count()).select_from(table)) or 0)
            for table in Base.metadata.sorted_tables
        }


def post(run: Running, body: bytes, content_type: str, headers: dict[str, str]) -> int:
    response = run.slack._http.post(
        run.slack.url, content=body, headers={"Content-Type": content_type, **headers}
    )
    return response.status_code


def signed_headers(body: bytes, *, secret: str = SIGNING_SECRET, at: int | None = None) -> dict:
    timestamp = int(time.time()) if at is None else at
    return {
        "X-Slack-Request-Timestamp": str(timestamp),
        "X-Slack-Signature": sign(body, secret, timestamp),
    }


# ---- what a real request looks like, for the tampered cases ---------------------------------


def genuine_bodies() -> st.SearchStrategy[tuple[bytes, str]]:
    command = urlencode(
        slash_command_payload(
            "network technician",
            response_url="http://127.0.0.1:9/x",
            trigger_id="1.2.abcdef0123456789",
        )
    ).encode()
    message = {
        "ts": "1732770000.000100",
        "blocks": [
            {
                "type": "actions",
                "block_id": "b",
                "elements": [
                    {
                        "type": "button",
                        "action_id": "pick_role_0",
                        "text": {"type": "plain_text", "text": "x"},
                        "value": json.dumps({"k": "network_technician", "t": "network technician"}),
                    }
                ],
            }
        ],
    }
    click = urlencode(
        {
            "payload": json.dumps(
                block_actions_payload(
                    "pick_role_0",
                    message=message,
                    channel_id="C0GENERAL01",
                    response_url="http://127.0.0.1:9/x",
                    trigger_id="1.2.abcdef0123456789",
                )
            )
        }
    ).encode()
    event = json.dumps(
        event_callback(
            message_event(
                "hello",
                channel_id="D0123456789",
                ts="1732770000.000200",
                thread_ts="1732770000.000100",
            )
        )
    ).encode()
    return st.sampled_from([(command, FORM), (click, FORM), (event, "application/json")])


def any_bodies() -> st.SearchStrategy[tuple[bytes, str]]:
    content_types = st.sampled_from([FORM, "application/json", "text/plain", ""])
    return st.one_of(genuine_bodies(), st.tuples(st.binary(max_size=512), content_types))


# ---- unsigned, badly signed, stale -----------------------------------------------------------

# Printable header values (a client cannot send others); padded ones are trimmed on the way.
header_text = st.text(
    alphabet=st.characters(min_codepoint=32, max_codepoint=126), min_size=1, max_size=80
).filter(lambda value: value == value.strip())
bad_signatures = st.one_of(
    st.just({}),  # no signature at all
    st.builds(
        lambda s: {"X-Slack-Request-Timestamp": str(int(time.time())), "X-Slack-Signature": s},
        header_text,
    ),
    st.builds(
        lambda t: {"X-Slack-Request-Timestamp": t, "X-Slack-Signature": "v0=" + "0" * 64},
        header_text.filter(lambda t: not t.isdigit()),
    ),
)


@FUZZ
@given(body=any_bodies(), headers=bad_signatures)
def test_unsigned_or_badly_signed_requests_are_refused(
    run: Running, body: tuple[bytes, str], headers: dict[str, str]
) -> None:
    assert post(run, body[0], body[1], headers) == 401


@FUZZ
@given(
    body=any_bodies(), secret=st.text(min_size=1, max_size=40).filter(lambda s: s != SIGNING_SECRET)
)
def test_requests_signed_with_another_secret_are_refused(
    run: Running, body: tuple[bytes, str], secret: str
) -> None:
    assert post(run, body[0], body[1], signed_headers(body[0], secret=secret)) == 401


@FUZZ
@given(
    body=genuine_bodies(), age=st.integers(min_value=301, max_value=10**8), sign_ahead=st.booleans()
)
def test_requests_older_or_newer_than_five_minutes_are_refused(
    run: Running, body: tuple[bytes, str], age: int, sign_ahead: bool
) -> None:
    at = int(time.time()) + (age if sign_ahead else -age)
    assert post(run, body[0], body[1], signed_headers(body[0], at=at)) == 401


# ---- signed, but not something Slack sends ---------------------------------------------------

json_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=12,
)
not_objects = json_values.filter(lambda v: not isinstance(v, dict))


def kind_missing_parts() -> st.SearchStrategy[dict]:
    """Known kinds of payload without the parts Slack always sends with them."""
    wrong = st.one_of(
        st.none(), st.booleans(), st.integers(), st.just(""), st.lists(st.integers(), max_size=3)
    )
    return st.one_of(
        st.builds(lambda e: {"type": "event_callback", "event": e, "event_id": "Ev1"}, wrong),
        st.builds(
            lambda e: {"type": "event_callback", "event": {"type": "message"}, "event_id": e}, wrong
        ),
        st.builds(
            lambda a: {"type": "block_actions", "user": {"id": "U0HIRING001"}, "actions": a}, wrong
        ),
        st.builds(
            lambda u: {"type": "block_actions", "user": u, "actions": [{"action_id": "x"}]}, wrong
        ),
        st.builds(
            lambda v: {"type": "view_submission", "user": {"id": "U0HIRING001"}, "view": v}, wrong
        ),
        st.builds(lambda u: {"type": "view_closed", "user": u, "view": {}}, wrong),
    )


def malformed() -> st.SearchStrategy[tuple[bytes, str]]:
    broken_json = st.text(max_size=200).filter(lambda t: not _is_json(t)).map(str.encode)
    as_form = lambda value: urlencode({"payload": value}).encode()  # noqa: E731
    return st.one_of(
        st.tuples(
            st.binary(min_size=1, max_size=300).filter(lambda b: not _utf8(b)),
            st.sampled_from([FORM, "application/json"]),
        ),
        st.tuples(
            broken_json,
            st.just("application/json"),
        ),
        st.tuples(not_objects.map(lambda v: json.dumps(v).encode()), st.just("application/json")),
        st.tuples(
            st.text(max_size=100).filter(lambda t: not _is_json(t)).map(as_form), st.just(FORM)
        ),
        st.tuples(not_objects.map(lambda v: as_form(json.dumps(v))), st.just(FORM)),
        st.tuples(
            kind_missing_parts().map(lambda v: json.dumps(v).encode()), st.just("application/json")
        ),
        st.tuples(kind_missing_parts().map(lambda v: as_form(json.dumps(v))), st.just(FORM)),
        st.tuples(
            st.dictionaries(
                st.sampled_from(["command", "user_id", "text"]), st.text(max_size=5), max_size=2
            )
            .filter(lambda f: not (f.get("command") and f.get("user_id")) and "command" in f)
            .map(lambda f: urlencode(f).encode()),
            st.just(FORM),
        ),
    )


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def _utf8(raw: bytes) -> bool:
    try:
        raw.decode("utf-8")
    except UnicodeDecodeError:
        return False
    return True


@FUZZ
@given(body=malformed())
def test_signed_malformed_bodies_are_refused(run: Running, body: tuple[bytes, str]) -> None:
    status = post(run, body[0], body[1], signed_headers(body[0]))
    assert 400 <= status < 500, (status, body)


known = {
    "event_callback",
    "block_actions",
    "view_submission",
    "view_closed",
    "url_verification",
    "shortcut",
    "message_action",
    "block_suggestion",
    "interactive_message",
    "app_rate_limited",
    "dialog_submission",
    "dialog_suggestion",
    "dialog_cancellation",
    "workflow_step_edit",
}


@FUZZ
@given(
    kind=st.text(max_size=30).filter(lambda k: k not in known),
    as_form=st.booleans(),
    extra=st.dictionaries(st.text(max_size=8), json_values, max_size=3),
)
def test_unknown_payload_kinds_are_not_handled(
    run: Running, kind: str, as_form: bool, extra: dict
) -> None:
    payload = {**extra, "type": kind}
    if as_form:
        body, content_type = urlencode({"payload": json.dumps(payload)}).encode(), FORM
    else:
        body, content_type = json.dumps(payload).encode(), "application/json"
    status = post(run, body, content_type, signed_headers(body))
    assert 400 <= status < 500, (status, payload)


# ---- too big -------------------------------------------------------------------------------


@pytest.mark.parametrize("size", [MAX_BODY + 1, 3 * MAX_BODY])
@pytest.mark.parametrize("chunked", [False, True])
def test_oversized_bodies_are_refused(run: Running, size: int, chunked: bool) -> None:
    body = b"payload=" + b"x" * (size - 8)
    headers = {"Content-Type": FORM, **signed_headers(body)}
    if chunked:
        content: bytes | Iterator[bytes] = iter(
            [body[i : i + 65536] for i in range(0, size, 65536)]
        )
    else:
        content = body
    try:
        response = run.slack._http.post(run.slack.url, content=content, headers=headers)
    except httpx.TransportError:
        return  # the server closed the connection on the oversized upload: refused too
    assert response.status_code == 413


# ---- too deep ------------------------------------------------------------------------------


@pytest.mark.parametrize("depth", [100_000, 5_000, 900])
@pytest.mark.parametrize("as_form", [False, True])
def test_deeply_nested_bodies_are_refused(run: Running, depth: int, as_form: bool) -> None:
    # A valid Slack envelope carrying a value nested far deeper than any payload Slack sends:
    # Python's parser gives up with a RecursionError past ~1,000 levels, and what it can parse
    # is still too deep to hand on.
    nested = "[" * depth + "]" * depth
    envelope = '{"type": "block_actions", "user": {"id": "U0HIRING001"}, '
    envelope += '"actions": [{"action_id": "x"}], "deep": ' + nested + "}"
    if as_form:
        body, content_type = urlencode({"payload": envelope}).encode(), FORM
    else:
        body, content_type = envelope.encode(), "application/json"
    assert post(run, body, content_type, signed_headers(body)) == 400


# ---- signed, shaped like Slack's, with ids and numbers Slack never sends ------------------------

# Ids past Slack's patterns (and the 32 characters stored), numbers past what a database holds.
bad_ids = st.one_of(
    st.just("U" + "A" * 40),
    st.just("u0lowercase"),
    st.just("U0HIRING001\x00"),
    st.just("<!channel>"),
    st.text(min_size=1, max_size=40).filter(lambda t: not (t[:1] in "UW" and t[1:].isalnum())),
)
bad_numbers = st.one_of(
    st.integers(min_value=2**31),
    st.integers(max_value=0),
    st.just(10**23),
    st.floats(allow_nan=False, allow_infinity=False),
    st.text(max_size=12),
)


ACTIONS = ("draft_edit", "draft_start_over", "draft_submit", "review_approve",
           "review_request_changes", "review_edit", "review_override", "review_retry")  # fmt: skip


@pytest.fixture
def any_store(fake_slack: FakeSlack, store_url: str) -> Iterator[Running]:
    with running_app(fake_slack, store_url) as running:
        running.fake.reset()
        yield running


def _said(run: Running) -> str:
    return json.dumps([call.params for call in run.fake.calls()], ensure_ascii=False)


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(user=bad_ids, where=st.sampled_from(["user_id", "channel_id", "team_id"]))
def test_signed_commands_with_ids_slack_never_sends_are_refused_as_invalid(
    any_store: Running, user: str, where: str
) -> None:
    run = any_store
    before = rows(run)
    fields = slash_command_payload(
        "network technician", response_url="http://127.0.0.1:9/x", trigger_id="1.2.abc"
    )
    fields[where] = user
    body = urlencode(fields).encode()
    response = run.slack._http.post(
        run.slack.url, content=body, headers={"Content-Type": FORM, **signed_headers(body)}
    )
    assert response.status_code == 200, response.text
    assert "isn't valid" in response.json()["text"]
    assert rows(run) == before
    assert [c.method for c in run.fake.calls() if c.method != "auth.test"] == []


@settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(draft=bad_numbers, step=st.one_of(st.none(), bad_numbers))
def test_signed_clicks_with_numbers_no_draft_has_are_not_an_outage(
    any_store: Running, draft: object, step: object
) -> None:
    """Every button that acts on a draft, with a draft or version number past what a database
    holds: "I can't find that draft", never "I can't reach my database", nothing changed."""
    run = any_store
    run.fake.reset()
    before = {table: count for table, count in rows(run).items() if table != "processed_events"}
    value = json.dumps({"d": draft, "s": step, "c": ""})
    for action in ACTIONS:
        button = {"type": "button", "action_id": action, "value": value,
                  "text": {"type": "plain_text", "text": "x"}}  # fmt: skip
        block = {"type": "actions", "block_id": "b", "elements": [button]}
        message = {"ts": "1732770000.000100", "blocks": [block]}
        response = run.slack.block_action(action, message=message, channel_id="C0GENERAL01")
        assert response.status_code == 200, (action, response.text)
    told = run.fake.wait_for("chat.postEphemeral", count=len(ACTIONS))
    assert all("can't find that draft" in str(call.params.get("text")) for call in told), told
    assert "can't reach my database" not in _said(run)
    after = {table: count for table, count in rows(run).items() if table != "processed_events"}
    assert after == before
