"""Questions from what the posting needs (issue 14, items 1 and 2): the law where the job is
shapes the pay and benefits questions, places are read by the one place parser, and complete
answers in every pay-transparency jurisdiction we know end at a preview with no check error."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from bot.checks import check_posting
from bot.drafting import role_for
from bot.settings import Settings
from bot.store import DraftStatus, Store
from bot.terminal.playground import Playground
from tests import slack_fixtures
from tests.fake_slack import FakeSlack
from tests.newjob_app import Running, running_app
from tests.slack_requests import HIRING_MANAGER
from tests.test_slack_dialogue import all_text, click, latest, say_in_thread, start

fake_slack = slack_fixtures.fake_slack

# (workplace, place) for each jurisdiction; the rest of the answers are the same everywhere.
JURISDICTIONS = {
    "Colorado": ("on-site", "Denver CO"),
    "New York City": ("on-site", "NYC"),
    "California": ("hybrid", "San Francisco, CA"),
    "Washington": ("on-site", "Seattle, WA"),
    "Illinois": ("on-site", "Chicago, IL"),
    "remote-US": ("remote", "US"),
}
REST = (
    "full-time",
    "60k-70k",
    "all",
    "all",
    "jobs@acme.example.com",
    "in 30 days",
    "the network team of five",
    "Medical, dental and vision; 401(k) with a 4% match; 15 days of paid time off",
    "Monday to Friday, 8 a.m. to 4:30 p.m.",
    "We reply to everyone within a week; next is a phone call, then a visit.",
)


def _playground(url: str) -> Playground:
    store = Store(url)
    store.migrate()
    settings = Settings(_env_file=None, database_url=url, newjob_company_name="Acme Networks")  # type: ignore[call-arg]
    return Playground(store, settings, user="hana")


def _say(playground: Playground, line: str) -> str:
    return "\n".join(playground.handle(line))


def _errors(store: Store, user: str) -> list[str]:
    [draft] = store.drafts_for(user)
    assert draft.status is DraftStatus.READY
    version = store.version(draft.id, draft.current_version)
    assert version is not None
    from bot.posting import Posting

    posting = Posting.model_validate(version.posting)
    findings = check_posting(posting, role=role_for(draft.role_key))
    return [f.message for f in findings if f.severity == "error"]


@pytest.mark.parametrize("where", list(JURISDICTIONS))
def test_complete_answers_end_without_a_check_error_in_the_terminal(
    sqlite_url: str, where: str
) -> None:
    workplace, place = JURISDICTIONS[where]
    playground = _playground(sqlite_url)
    _say(playground, "/newjob network technician")
    for answer in ("ok", "mid", workplace, place, *REST[:-1]):
        out = _say(playground, answer)
        assert not out.startswith("!"), (answer, out)
    out = _say(playground, REST[-1])
    assert "Here is your draft" in out and "Checks:" in out
    assert " error" not in out.split("Checks:")[1].splitlines()[0]
    assert _errors(playground.store, "hana") == []


def test_the_law_where_the_job_is_shapes_the_questions(sqlite_url: str) -> None:
    playground = _playground(sqlite_url)
    _say(playground, "/newjob network technician")
    for answer in ("ok", "mid", "on-site", "Denver, CO"):
        _say(playground, answer)
    out = _say(playground, "full-time")
    assert "Required here by Colorado" in out  # the pay question says what the law asks
    out = _say(playground, "from 60k")
    assert out.startswith("! Pay:") and "both ends" in out
    for answer in ("60k-70k", "all", "all"):
        _say(playground, answer)
    out = _say(playground, "jobs@acme.example.com")
    assert "Required here by Colorado: the date applications close" in out
    out = _say(playground, "skip")
    assert "Colorado requires it in the posting" in out
    out = _say(playground, "the network team")
    assert "Required here by Colorado" in out and "benefits" in out  # the benefits question


def test_ontario_caps_the_width_of_the_range(sqlite_url: str) -> None:
    playground = _playground(sqlite_url)
    _say(playground, "/newjob network technician")
    for answer in ("ok", "mid", "on-site", "Toronto, ON, Canada", "full-time"):
        _say(playground, answer)
    out = _say(playground, "60k-140k")
    # Ontario's law (in force from 2026) allows a range at most C$50,000 wide.
    assert out.startswith("! Pay:") and "Ontario" in out and "wide" in out
    assert "[7 of 14]" in _say(playground, "60k-75k")


def test_places_the_manager_types(sqlite_url: str) -> None:
    playground = _playground(sqlite_url)
    _say(playground, "/newjob network technician")
    for answer in ("ok", "mid", "on-site"):
        _say(playground, answer)
    out = _say(playground, "the moon")
    assert out.startswith("! Location:") and "Denver, CO" in out and "[4 of 14]" in out
    out = _say(playground, "Denvr CO")
    assert "Did you mean Denver, CO?" in out and "[4 of 14]" in out
    out = _say(playground, "yes")
    assert "Using Denver, CO" in out and "[5 of 14]" in out
    assert playground.session is not None
    session = playground.store.session_for_draft(playground.session.draft_id)
    assert session is not None
    location = session.state["answers"]["location"]
    assert (location["city"], location["region"]) == ("Denver", "CO")


def test_remote_on_an_on_site_job_offers_to_switch(sqlite_url: str) -> None:
    playground = _playground(sqlite_url)
    _say(playground, "/newjob network technician")
    for answer in ("ok", "mid", "on-site"):
        _say(playground, answer)
    out = _say(playground, "Remote (US)")
    assert "On-site" in out and "switch" in out and "[4 of 14]" in out
    out = _say(playground, "yes")
    assert "[5 of 14]" in out
    assert playground.session is not None
    session = playground.store.session_for_draft(playground.session.draft_id)
    assert session is not None
    answers = session.state["answers"]
    assert answers["workplace"] == "remote"
    assert answers["location"]["remote_regions"] == ["US"]


def test_several_answers_at_once(sqlite_url: str) -> None:
    playground = _playground(sqlite_url)
    _say(playground, "/newjob network technician")
    for answer in ("ok", "mid", "on-site"):
        _say(playground, answer)
    out = _say(playground, "Denver, CO, full-time, 60k-70k")
    assert "I also noted" in out and "Full-time" in out and "$60,000" in out
    assert "[7 of 14]" in out  # the employment type and the pay are not asked again


# ---------------------------------------------------------------------------- Slack


@pytest.fixture
def run(fake_slack: FakeSlack, store_url: str) -> Iterator[Running]:
    with running_app(fake_slack, store_url) as running:
        yield running


@pytest.mark.parametrize("where", ["Colorado", "New York City", "remote-US"])
def test_complete_answers_end_without_a_check_error_in_slack(run: Running, where: str) -> None:
    workplace, place = JURISDICTIONS[where]
    thread = start(run)
    click(run, latest(run), "Use the suggestion")
    click(run, latest(run), "Mid")
    click(
        run, latest(run), {"on-site": "On-site", "hybrid": "Hybrid", "remote": "Remote"}[workplace]
    )
    for answer in (place, *REST):
        say_in_thread(run, thread, answer)
        assert "⚠️" not in all_text(latest(run)["blocks"]), answer
    assert "Here is your draft" in all_text(latest(run)["blocks"])
    assert _errors(run.store, HIRING_MANAGER) == []


def test_places_and_the_workplace_switch_in_slack(run: Running) -> None:
    thread = start(run)
    click(run, latest(run), "Use the suggestion")
    click(run, latest(run), "Mid")
    click(run, latest(run), "On-site")
    say_in_thread(run, thread, "Denvr CO")
    text = all_text(latest(run)["blocks"])
    assert "Did you mean Denver, CO?" in text and "4 of 14" in text
    click(run, latest(run), "Use the suggestion")
    assert "5 of 14" in all_text(latest(run)["blocks"])
    say_in_thread(run, thread, "back")
    say_in_thread(run, thread, "Remote (US)")
    text = all_text(latest(run)["blocks"])
    assert "switch" in text and "4 of 14" in text
    say_in_thread(run, thread, "yes")
    assert "5 of 14" in all_text(latest(run)["blocks"])


def test_several_answers_at_once_in_slack(run: Running) -> None:
    thread = start(run)
    click(run, latest(run), "Use the suggestion")
    click(run, latest(run), "Mid")
    click(run, latest(run), "On-site")
    say_in_thread(run, thread, "Denver, CO, part-time, $28-32/hr")
    text = all_text(latest(run)["blocks"])
    assert "I also noted" in text and "Part-time" in text and "7 of 14" in text
    [draft] = run.store.drafts_for(HIRING_MANAGER)
    session = run.store.session_for_draft(draft.id)
    assert session is not None
    answers = session.state["answers"]
    assert answers["employment_type"] == "PART_TIME"
    assert (answers["pay"]["minimum"], answers["pay"]["period"]) == (28, "hour")
