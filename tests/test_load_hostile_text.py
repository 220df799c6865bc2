"""Hostile text in every answer, fuzzed: shown as typed everywhere, never as markup.

Through the app: a manager types hostile text as the job title and as every answer of the
dialogue (then a proper answer where it was refused); no message, note or reply the fake Slack
receives may carry a mention (`<!channel>`, `<@U…>`, `<#C…>`), a link (`<http…|…>`) or an
evaluated template from it. In the exports: the same posting rendered with hostile text and with
plain text of the same length must have exactly the same markup, in HTML (the page and its
JSON-LD), Markdown and Slack blocks, so no character typed becomes a tag, a link or a script.
"""

from __future__ import annotations

import itertools
import json
import re
import time
from collections.abc import Iterator
from html.parser import HTMLParser
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from bot.posting import Organisation, Posting
from bot.render import to_blocks, to_html, to_jsonld, to_markdown
from bot.render.escaping import script_json
from bot.roles.lookup import role_for
from tests import slack_fixtures
from tests.checks_samples import denver_posting
from tests.fake_slack import FakeSlack
from tests.load_dialogue import Manager
from tests.newjob_app import Running, running_app
from tests.review_scenes import click, draft_now, ready_draft, reply, review_post, submit
from tests.slack_requests import HIRING_MANAGER, REVIEWER

pytestmark = pytest.mark.load

fake_slack = slack_fixtures.fake_slack

FRAGMENTS = (
    "<!channel>",
    "<!here|here>",
    "<!everyone>",
    "<!subteam^S0EVIL01|@admins>",
    "<@U0EVIL0001>",
    "<@W0EVIL0001|boss>",
    "<#C0EVIL0001|general>",
    "<https://evil.example/login|Click to apply>",
    "<mailto:hr@evil.example|HR>",
    "&lt;!channel&gt;",
    "&amp;lt;@U0EVIL0001&amp;gt;",
    "&",
    "<script>alert(1)</script>",
    "</script><script>alert(2)</script>",
    '"><img src=x onerror=alert(3)>',
    "<svg onload=alert(4)>",
    "javascript:alert(5)",
    "<!-- comment -->",
    '{{ "pw" ~ "ned" }}',
    "{% if true %}pwned{% endif %}",
    "*bold* _it_ ~strike~ `code` [link](https://evil.example)",
    "# heading",
    "\u202eevil\u200b",
)
hostile = (
    st.lists(st.one_of(st.sampled_from(FRAGMENTS), st.text(max_size=12)), min_size=1, max_size=5)
    .map(" ".join)
    .filter(lambda text: any(ch in text for ch in "<&{") and text.strip() != "")
)

MENTION_OR_LINK = re.compile(r"<[!@#]|<(?:https?|mailto):[^>]*evil", re.I)
TEMPLATE_RAN = "pwned"
UNRUN_TEMPLATE = re.compile(r"%\}\s*pwned")


# ---- through the app -------------------------------------------------------------------------

VALID = ("Acme Networks", "mid", "on-site", "Denver, CO", "full time", "60k-70k", "1-3", "all",
         "https://jobs.example.com/42", "in 30 days", "our IT team", "Medical and dental",
         "Weekdays, 8 to 5", "We reply within a week.")  # fmt: skip
_users = itertools.count(1)


def mrkdwn_texts(node: Any) -> Iterator[str]:
    """Every string Slack reads as mrkdwn: text objects of that type, and messages' `text`."""
    if isinstance(node, dict):
        if node.get("type") == "plain_text":
            return
        if node.get("type") == "mrkdwn" and isinstance(node.get("text"), str):
            yield node["text"]
        for key, value in node.items():
            if key == "text" and isinstance(value, str) and node.get("type") is None:
                yield value
            elif isinstance(value, dict | list):
                yield from mrkdwn_texts(value)
    elif isinstance(node, list):
        for item in node:
            yield from mrkdwn_texts(item)


def draft_with_hostile_answers(run: Running, text: str) -> Manager:
    user = f"U0HOSTILE{next(_users):03d}"
    manager = Manager(run.fake, user, list(VALID))
    # /newjob with the text as the title (by a colleague, in case it starts a draft of its own):
    # whatever it says back is checked below.
    name = f"title-{user}"
    colleague = user.replace("U0HOSTILE", "U0COLLEAG")
    run.slack.command(text[:150], user_id=colleague, response_url=run.fake.response_url(name))
    run.fake.wait_for("response_url", predicate=lambda c: c.name == name, timeout=20)
    # Then the role picked from "did you mean", which carries the title as typed.
    value = json.dumps({"k": "network_technician", "t": text[:150]})
    button = {"type": "button", "action_id": "pick_role_0", "value": value,
              "text": {"type": "plain_text", "text": "Network Technician"}}  # fmt: skip
    message = {"ts": run.fake.next_ts(),
               "blocks": [{"type": "actions", "block_id": "b", "elements": [button]}]}  # fmt: skip
    before = len(manager.bot_messages())
    run.slack.block_action("pick_role_0", message=message, channel_id="C0GENERAL01", user_id=user)
    manager.thread = manager.wait_bot_messages(before + 2, timeout=20)[before]["ts"]
    manager.started = True
    [draft] = run.store.drafts_for(user)
    for step, valid in enumerate(VALID):
        manager.type(run.slack, f"1\n{text}" if step in (6, 7) else text)
        session = run.store.session_for_draft(draft.id)
        assert session is not None
        if session.state["step"] == step and not session.state["finished"]:
            manager.type(run.slack, valid)  # refused: the proper answer moves on
    manager.step = len(VALID)
    # The draft as listed, with its title.
    name = f"list-{user}"
    run.slack.command("list", user_id=user, response_url=run.fake.response_url(name))
    run.fake.wait_for("response_url", predicate=lambda c: c.name == name, timeout=20)
    return manager


@settings(
    max_examples=25,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=hostile)
def test_hostile_answers_never_become_mentions_links_or_templates(
    fake_slack: FakeSlack, tmp_path_factory: pytest.TempPathFactory, text: str
) -> None:
    database = tmp_path_factory.mktemp("hostile") / "newjob.db"
    with running_app(fake_slack, f"sqlite:///{database}") as run:
        manager = draft_with_hostile_answers(run, text)
        [draft] = run.store.drafts_for(manager.user)
        assert draft.current_version == 1, manager.log
        calls = run.fake.calls()
    for call in calls:
        if call.method in ("auth.test", "conversations.open"):
            continue
        for shown in mrkdwn_texts(call.params):
            assert not MENTION_OR_LINK.search(shown), (call.method, shown)
            assert TEMPLATE_RAN not in shown or TEMPLATE_RAN in text, (call.method, shown)
    fake_slack.assert_no_errors()
    fake_slack.reset()


# ---- the exports -----------------------------------------------------------------------------


class Markup(HTMLParser):
    """The tags and attribute names of a page, and the text of its scripts."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, tuple[str, ...]]] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, tuple(name for name, _ in attrs)))
        self._in_script = tag == "script"
        if self._in_script:
            self.scripts.append("")

    def handle_endtag(self, tag: str) -> None:
        self.tags.append(("/" + tag, ()))
        self._in_script = False

    def handle_data(self, data: str) -> None:
        if self._in_script:
            self.scripts[-1] += data


def markup(page: str) -> Markup:
    parser = Markup()
    parser.feed(page)
    parser.close()
    return parser


def posting_with(text: str) -> Posting:
    """The Denver posting with `text` in every free-text field a manager fills in."""
    base = denver_posting()
    return base.model_copy(
        update={
            "title": text[:150],
            "organisation": Organisation(name=text[:200], about=text, url=base.organisation.url),
            "team": text[:200],
            "summary": text,
            "responsibilities": [text, *base.responsibilities[:2]],
            "requirements": [text, *base.requirements[:2]],
            "benefits": [text],
            "schedule": text,
            "education": text,
        }
    )


def plain_like(text: str) -> str:
    """The same text with each character that could be markup made a full stop (punctuation
    for punctuation, so the renderers treat both texts alike)."""
    return "".join("." if ch in "<>&{}%\"'`*_~[]()#|!@:\\/=;^-" else ch for ch in text)


def safe(page: Markup) -> None:
    """No tag, attribute or script that the template does not write itself."""
    names = {tag.lstrip("/") for tag, _ in page.tags}
    assert not names & {"img", "svg", "iframe", "object", "embed", "form", "base"}
    assert not [a for _, attrs in page.tags for a in attrs if a.lower().startswith("on")]
    assert [tag for tag, _ in page.tags].count("script") == 1


ROLE = role_for("network_technician")


@settings(max_examples=200, deadline=None)
@given(text=hostile)
def test_hostile_text_never_changes_the_markup_of_an_export(text: str) -> None:
    evil, plain = posting_with(text), posting_with(plain_like(text))

    # The published page (no role): exactly the markup of the plain text's page.
    page, calm = markup(to_html(evil)), markup(to_html(plain))
    assert page.tags == calm.tags
    [script] = page.scripts
    assert "<" not in script and json.loads(script) == to_jsonld(evil)
    assert "<" not in script_json(to_jsonld(evil))
    safe(page)
    assert to_markdown(evil).count("<") == to_markdown(plain).count("<")

    shown = list(mrkdwn_texts(to_blocks(evil)))
    calm_blocks = list(mrkdwn_texts(to_blocks(plain)))
    assert [s.count("<") for s in shown] == [s.count("<") for s in calm_blocks]
    # Notes for the manager (the preview's context lines) are escaped like the posting.
    for line in [*shown, *mrkdwn_texts(to_blocks(evil, notes=[text]))]:
        assert not MENTION_OR_LINK.search(line), line


def test_the_checks_would_see_markup_that_got_through() -> None:
    """Not vacuous: raw mentions and links are caught, and a raw tag changes the markup."""
    assert all(MENTION_OR_LINK.search(f) for f in FRAGMENTS[:9])
    assert not any(
        MENTION_OR_LINK.search(f) for f in ("&lt;!channel&gt;", "<https://ok.example|x>")
    )
    assert markup("<p>a <img src=x onerror=y></p>").tags != markup("<p>a aaaaaaaaaaaaaaaa</p>").tags


# ---- invisible and reordering characters -------------------------------------------------------

BIDI_AND_ZERO_WIDTH = re.compile("[\u202a-\u202e\u2066-\u2069\u200e\u200f\u061c\u200b\u2060\ufeff]")
PERSIAN = "کار\u200cشناس"  # "expert": the non-joiner inside the word is part of its spelling


def strings(node: Any) -> Iterator[str]:
    if isinstance(node, str):
        yield node
    elif isinstance(node, dict):
        for value in node.values():
            yield from strings(value)
    elif isinstance(node, list):
        for item in node:
            yield from strings(item)


def test_a_title_cannot_read_differently_from_what_it_is(
    fake_slack: FakeSlack, tmp_path_factory: pytest.TempPathFactory
) -> None:
    # Shown right to left after the override, "naicinhceT" reads "Technician".
    text = f"\u200fNetwork \u202enaicinhceT\u202c \u2066{PERSIAN}\u2069"
    text += "\u200b\u2060\ufeff\u061c\u200e"
    seen = f"network naicinhcet {PERSIAN}"  # (the title is shown in title case)
    database = tmp_path_factory.mktemp("bidi") / "newjob.db"
    with running_app(fake_slack, f"sqlite:///{database}") as run:
        manager = draft_with_hostile_answers(run, text)
        [draft] = run.store.drafts_for(manager.user)
        versions = run.store.versions(draft.id)
        calls = run.fake.calls()
    assert draft.title.lower() == seen
    for version in versions:
        posting = Posting.model_validate(version.posting)
        assert posting.title.lower() == seen
        for shown in [*strings(version.posting), to_html(posting), to_markdown(posting)]:
            assert not BIDI_AND_ZERO_WIDTH.search(shown), shown
    for call in calls:
        for shown in strings(call.params):
            assert not BIDI_AND_ZERO_WIDTH.search(shown), (call.method, shown)
    fake_slack.reset()


# ---- every field the Edit form and the thread commands change ------------------------------

# Beyond markup: characters no text may keep (NUL, escapes, a bell) and more than any field holds.
CONTROLS = ("\x00", "\x1b[31m", "\x07", "\x7f", "\x9b")
edit_text = st.one_of(
    hostile,
    st.tuples(hostile, st.sampled_from(CONTROLS)).map(lambda pair: pair[1].join(pair[0].split())),
    st.tuples(hostile, st.integers(min_value=150, max_value=3500)).map(
        lambda pair: (pair[0] + " ") * (pair[1] // max(len(pair[0]), 1) + 1)
    ),
)
# The form's text inputs, and what the thread commands set and add, by the words people use.
FORM_FIELDS = ("title", "organisation", "team", "location", "pay", "summary", "responsibilities",
               "requirements", "nice_to_haves", "benefits", "education", "years_experience",
               "schedule", "physical_demands", "how_to_apply", "equal_opportunity")  # fmt: skip
HOSTILE_MARKUP = re.compile(r"<!|<[@#][UWC]0EVIL|<(?:https?|mailto):[^>]*evil", re.I)
BROKEN = ("can't reach my database", "Something went wrong")


def _set_words() -> list[str]:
    from bot.posting.vocabulary import SET_FIELDS

    first: dict[str, str] = {}
    for words, field in SET_FIELDS.items():
        first.setdefault(field, words)
    return sorted(first.values())


def _add_words() -> list[str]:
    from bot.posting.vocabulary import LIST_FIELDS

    first: dict[str, str] = {}
    for words, field in LIST_FIELDS.items():
        first.setdefault(field, words)
    return sorted(first.values())


def settle(run: Running, quiet: float = 0.3, timeout: float = 20.0) -> None:
    """Wait until the app has said all it will about the last request (no new call for
    `quiet` seconds), so the next edit starts from the version this one made."""
    deadline = time.monotonic() + timeout
    seen, since = len(run.fake.calls()), time.monotonic()
    while time.monotonic() < deadline:
        time.sleep(0.05)
        now = len(run.fake.calls())
        if now != seen:
            seen, since = now, time.monotonic()
        elif time.monotonic() - since >= quiet:
            return


@pytest.fixture
def editing(fake_slack: FakeSlack, store_url: str) -> Iterator[Running]:
    with running_app(fake_slack, store_url) as running:
        yield running


@settings(
    max_examples=4,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)
@given(text=edit_text)
def test_hostile_edits_in_every_field_are_shown_as_typed_or_refused(
    editing: Running, fake_slack: FakeSlack, text: str
) -> None:
    """Hostile text in each field of the Edit form, and in each `set`/`add`/`remove` reply in
    the review thread: each is saved (without control characters) or refused with a sentence;
    nothing reaches Slack as markup, nothing is taken for the database being down, and every
    version stored is a valid posting."""
    run = editing
    fake_slack.reset()
    draft, preview = ready_draft(run)
    draft = submit(run, preview, draft.id)
    for field in FORM_FIELDS:
        before = run.fake.count("views.open")
        click(run, review_post(run, draft.id), "Edit", HIRING_MANAGER)
        [opened] = run.fake.wait_for("views.open", count=before + 1)[before:]
        response = run.slack.view_submission(opened.response["view"], {(field, "value"): text})
        assert response.status_code == 200, (field, response.text)
        if response.content.strip():
            # Refused on the field (Slack shows these as plain text: no markup to escape).
            errors = response.json()["errors"]
            assert errors and all(isinstance(m, str) and m for m in errors.values())
            assert not any(words in m for words in BROKEN for m in errors.values())
        settle(run)
    for words in _set_words():
        reply(run, draft_now(run, draft.id), f"set {words} {text}", HIRING_MANAGER)
        settle(run)
    for words in _add_words():
        reply(run, draft_now(run, draft.id), f"add {words} {text}", REVIEWER)
        settle(run)
        reply(run, draft_now(run, draft.id), f"remove {words} {10**23}", REVIEWER)
        settle(run)
    for version in run.store.versions(draft.id):
        Posting.model_validate(version.posting)
        for stored in strings(version.posting):
            assert not any(ch in stored for ch in "\x00\x1b\x07\x7f\x9b"), stored
    for call in run.fake.calls():
        if call.method in ("auth.test", "conversations.open", "views.open"):
            continue
        for shown in mrkdwn_texts(call.params):
            assert not HOSTILE_MARKUP.search(shown), (call.method, shown)
            # A template that ran leaves its word without the braces around it. (App Home lists
            # every draft, so an earlier example's title may show here, braces and all.)
            assert TEMPLATE_RAN not in UNRUN_TEMPLATE.sub("", shown) or TEMPLATE_RAN in text, (
                call.method,
                shown,
            )
        for shown in strings(call.params):
            assert not any(words in shown for words in BROKEN), (call.method, shown)
    fake_slack.assert_no_errors()
