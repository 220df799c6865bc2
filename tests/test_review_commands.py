"""Reading reviewers' replies: approvals, change requests, edits; anything else is None."""

from __future__ import annotations

import pytest

from bot.drafting import EditRejected
from bot.posting import Posting
from bot.review.commands import (
    AddItem,
    Approve,
    RemoveItem,
    RequestChanges,
    SetField,
    looks_like_question,
    parse,
    to_changes,
)
from tests.review_scenes import posting_data


@pytest.mark.parametrize(
    "text",
    [
        "approve",
        "Approved",
        "LGTM",
        "lgtm!",
        "Approved.",
        "lgtm :+1:",
        ":white_check_mark: approve",
        "✅ approved",
        "LGTM 👍🏽",
        "<@U0NEWJOBBOT> lgtm",
        "  approve  ",
        ":+1::skin-tone-3: LGTM",
    ],
)
def test_approvals(text: str) -> None:
    assert parse(text) == Approve()


@pytest.mark.parametrize(
    "text",
    [
        "approve?",
        "lgtm but fix the pay",
        "I approve of the pay",
        "not approved",
        "approval",
        "looks good to me",
        "",
        ":+1:",
        "hmm",
        "set",
        "set pay",
        "set colour blue",
        "add duty",
        "remove duty three",
        "remove colour 3",
        "changes:",
        "changes:   ",
        "what are the changes: none?",
    ],
)
def test_anything_else_is_none(text: str) -> None:
    assert parse(text) is None


def test_change_requests_keep_the_comment_whole() -> None:
    assert parse("changes: the pay is too low") == RequestChanges("the pay is too low")
    assert parse("Changes - say 'hybrid'") == RequestChanges("say 'hybrid'")
    assert parse("request changes: fix the title\nand the pay") == RequestChanges(
        "fix the title\nand the pay"
    )
    assert parse("CHANGE: shorter summary") == RequestChanges("shorter summary")


@pytest.mark.parametrize(
    ("text", "command"),
    [
        ("set pay 60000-70000 USD/year", SetField("pay", "60000-70000 USD/year")),
        ("Set pay: 60k-70k", SetField("pay", "60k-70k")),
        ("set salary to $28-32/hr", SetField("pay", "$28-32/hr")),
        ("set location Denver, CO", SetField("location", "Denver, CO")),
        ("set type part-time", SetField("employment_type", "part-time")),
        ("set job type contract", SetField("employment_type", "contract")),
        ("set closing date Jan 31", SetField("closing_date", "Jan 31")),
        ("set closing date to 2027-01-31", SetField("closing_date", "2027-01-31")),
        ("set deadline in 30 days", SetField("closing_date", "in 30 days")),
        ("set title Senior Network Technician", SetField("title", "Senior Network Technician")),
        (
            "set how to apply jobs@acme.example.com",
            SetField("how_to_apply", "jobs@acme.example.com"),
        ),
        ("add duty Configure VLANs", AddItem("responsibilities", "Configure VLANs")),
        ("add requirement CCNA; or equivalent", AddItem("requirements", "CCNA; or equivalent")),
        ("add benefit Dental", AddItem("benefits", "Dental")),
        ("add nice to have Python", AddItem("nice_to_haves", "Python")),
        ("remove duty 3", RemoveItem("responsibilities", 3)),
        ("remove duty #2", RemoveItem("responsibilities", 2)),
        ("delete requirement 1", RemoveItem("requirements", 1)),
    ],
)
def test_edits(text: str, command: object) -> None:
    assert parse(text) == command


@pytest.mark.parametrize(
    ("text", "question"),
    [
        ("What does DOE mean?", True),
        ("how much do network techs make in Denver", True),
        ("Is this remote", True),
        ("should we say hybrid", True),
        ("the pay looks low?", True),
        ("hmm not sure", False),
        ("lgtm", False),
        ("set pay 1", False),
    ],
)
def test_questions(text: str, question: bool) -> None:
    assert looks_like_question(text) is question


def _posting(**changes: object) -> Posting:
    return Posting.model_validate(posting_data(**changes))


def test_to_changes_reads_each_field_like_the_edit_form() -> None:
    posting = _posting()
    pay = to_changes(SetField("pay", "60000-70000 USD/year"), posting)
    assert pay["pay"] == {"minimum": 60000, "maximum": 70000, "currency": "USD", "period": "year"}
    assert to_changes(SetField("employment_type", "part-time"), posting) == {
        "employment_type": "PART_TIME"
    }
    location = to_changes(SetField("location", "Boulder, CO"), posting)["location"]
    assert (location["city"], location["region"], location["workplace"]) == (
        "Boulder",
        "CO",
        "on-site",
    )
    remote = to_changes(SetField("location", "Remote (US)"), posting)["location"]
    assert remote["workplace"] == "remote" and remote["remote_regions"] == ["US"]
    closing = to_changes(SetField("closing_date", "in 10 days"), posting)["closing_date"]
    assert closing > posting.date_posted.isoformat()


def test_lists_change_item_by_item() -> None:
    posting = _posting()
    added = to_changes(AddItem("responsibilities", "Configure VLANs; and trunks"), posting)
    assert added["responsibilities"][-1] == "Configure VLANs; and trunks"
    assert len(added["responsibilities"]) == 4
    removed = to_changes(RemoveItem("responsibilities", 1), posting)
    assert removed["responsibilities"] == posting.responsibilities[1:]


def test_bad_edits_say_what_is_wrong() -> None:
    posting = _posting()
    with pytest.raises(EditRejected) as pay:
        to_changes(SetField("pay", "lots of money"), posting)
    assert "pay" in pay.value.problems
    with pytest.raises(EditRejected) as item:
        to_changes(RemoveItem("responsibilities", 7), posting)
    assert "no Responsibilities item 7" in item.value.problems["responsibilities"]
    with pytest.raises(EditRejected) as kind:
        to_changes(SetField("employment_type", "sometimes"), posting)
    assert "employment_type" in kind.value.problems
