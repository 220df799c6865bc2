"""The rules added for postings written by other people: pay written every way, placeholders,
empty postings and sections, unnamed employers, field abbreviations, appearance requirements,
Colorado's closing date, and gendered words judged in context."""

from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

import pytest

from bot.checks import check_text
from bot.checks.document import from_text
from bot.cli import main
from tests.checks_samples import TODAY, rules

BENEFITS = "## Benefits\n\n- Medical, dental and vision insurance\n- 401(k) with a match\n"
CLOSES = "Applications close March 31, 2026."


def posting(body: str, *, title: str = "Network Technician") -> str:
    return (
        f"# {title}\n\nGranite Peak Systems is hiring.\n\n{body}\n\n{BENEFITS}\n"
        f"## How to apply\n\nApply at https://granitepeak.example/jobs. {CLOSES}\n"
    )


def pay_rules(body: str, where: str) -> set[str]:
    found = check_text(posting(body), location=where, today=TODAY)
    return {f.rule for f in found if f.category == "pay-transparency"}


# ------------------------------------------------------------------------------------------ pay


@pytest.mark.parametrize(
    ("written", "low", "high", "period", "currency"),
    [
        ("Compensation: 165k – 260k", 165000, 260000, "year", "USD"),
        ("$165,000 - $260,000", 165000, 260000, "year", "USD"),
        ("Pay range: $22.50 - $26.00 per hour", 22.5, 26, "hour", "USD"),
        ("$220 – $260 per day, paid every two weeks.", 220, 260, "day", "USD"),
        ("Salary: €65.000 – €78.000 per year, plus a pension.", 65000, 78000, "year", "EUR"),
        ("₹12,00,000 – ₹16,00,000 per annum, plus health insurance.", 1200000, 1600000, "year",
         "INR"),
        ("£32,000 – £38,000 a year, a pension with an 8% contribution.", 32000, 38000, "year",
         "GBP"),
        ("$52.00 - $68.50 hourly, with a night differential of $4.00 an hour.", 52, 68.5,
         "hour", "USD"),
    ],
)  # fmt: skip
def test_pay_written_every_way_is_read(
    written: str, low: float, high: float, period: str, currency: str
) -> None:
    pay = from_text(posting(written), today=TODAY).pay
    assert pay is not None, written
    assert (pay.minimum, pay.maximum, pay.period, pay.currency) == (low, high, period, currency)


def test_a_bare_range_counts_as_pay_in_california() -> None:
    assert pay_rules("$165,000 - $260,000", "San Jose, CA") == set()
    assert pay_rules("We run a $2,000,000 - $3,000,000 budget.", "San Jose, CA") == {
        "pay-transparency:missing"
    }


@pytest.mark.parametrize("rate", ["$.46–.60 cpm", "$0.52 - $0.64 per mile", "$45 – $60 per visit"])
def test_pay_by_the_mile_or_visit_is_pay(rate: str) -> None:
    document = from_text(posting(f"Pay: {rate}"), today=TODAY)
    assert document.pay_rate and "pay" in document.sections
    assert pay_rules(f"Pay: {rate}", "Fresno, CA") == set()


def test_up_to_starting_at_and_doe_are_no_range_where_the_law_wants_one() -> None:
    assert pay_rules("Pay: up to $85,000 a year", "Boston, MA") == {"pay-transparency:open_ended"}
    assert pay_rules("Starting at $28 per hour", "Seattle, WA") == {"pay-transparency:open_ended"}
    assert pay_rules("Compensation: $65,000 DOE", "Boulder, CO") == {"pay-transparency:open_ended"}
    assert pay_rules("Pay: DOE", "Boulder, CO") == {"pay-transparency:vague"}
    assert pay_rules("Starting at $28 per hour", "Houston, TX") == set()


def test_dei_equity_is_no_stock_pay() -> None:
    body = "Pay: $20 - $24 per hour\n\nWe believe in diversity, equity and inclusion."
    text = f"# Barista\n\nCedar Coffee is hiring.\n\n{body}\n\nApply at https://cedar.example."
    found = {f.rule for f in check_text(text, location="Seattle, WA", today=TODAY)}
    assert "pay-transparency:benefits" in found
    stock = text.replace("We believe in", "Plus equity in the company. We believe in")
    assert "pay-transparency:benefits" not in {
        f.rule for f in check_text(stock, location="Seattle, WA", today=TODAY)
    }


# ------------------------------------------------------------------------------ Colorado's date


@pytest.mark.parametrize(
    "closes",
    [
        "Applications close March 31, 2026.",
        "Apply at the link above by 31 March.",
        "Applications accepted through 3/31/2026.",
        "Application deadline: 2026-03-31",
    ],
)
def test_colorado_asks_for_the_closing_date(closes: str) -> None:
    body = "Pay: $55,000 - $65,000 a year"
    text = posting(body).replace(CLOSES, closes)
    assert "pay-transparency:deadline" not in rules(check_text(text, location="Denver, CO",
                                                                today=TODAY))  # fmt: skip
    missing = posting(body).replace(CLOSES, "Open until filled.")
    (finding,) = [
        f for f in check_text(missing, location="Denver, CO", today=TODAY)
        if f.rule == "pay-transparency:deadline"
    ]  # fmt: skip
    assert finding.severity == "error" and "SB 23-105" in finding.message
    assert "pay-transparency:deadline" not in rules(
        check_text(missing, location="Austin, TX", today=TODAY)
    )
    before = check_text(missing, location="Denver, CO", today=dt.date(2023, 12, 31))
    assert "pay-transparency:deadline" not in rules(before)


# ---------------------------------------------------------------------- placeholders and emptiness


@pytest.mark.parametrize(
    "left_in", ["[to fill in: Pay]", "Start date: TBD", "Lorem ipsum dolor sit amet.", "[Company]"]
)
def test_placeholder_text_is_an_error(left_in: str) -> None:
    findings = check_text(posting(f"Pay: $55,000 - $65,000 a year\n\n{left_in}"),
                          location="Austin, TX", today=TODAY)  # fmt: skip
    (found,) = [f for f in findings if f.rule == "placeholder"]
    assert found.severity == "error"


def test_empty_and_near_empty_files_fail_on_the_command_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    empty = tmp_path / "empty.md"
    empty.write_text("  \n\n", encoding="utf-8")
    assert main(["check", str(empty)]) == 2
    near = tmp_path / "near.md"
    near.write_text("# \n\n<!-- paste the posting here -->\n\n---\n", encoding="utf-8")
    assert main(["check", str(near), "--json"]) == 1
    (finding,) = json.loads(capsys.readouterr().out)["findings"]
    assert finding["severity"] == "error"
    placeholder = tmp_path / "tbd.md"
    placeholder.write_text(posting("Pay: TBD"), encoding="utf-8")
    assert main(["check", str(placeholder), "--location", "Austin, TX"]) == 1


def test_an_empty_section_is_reported() -> None:
    text = posting("Pay: $55,000 - $65,000 a year").replace(BENEFITS, "## Benefits\n\n")
    found = [f for f in check_text(text, location="Austin, TX", today=TODAY)
             if f.rule == "missing-section:empty"]  # fmt: skip
    assert [f.excerpt for f in found] == ["Benefits"]


# --------------------------------------------------------------------------- employer, words


@pytest.mark.parametrize(
    ("intro", "named"),
    [
        ("Granite Peak Systems is hiring.", True),
        ("Harborview Analytics, Inc. sells data.", True),
        ("**Company:** Bluebird Provisions", True),
        ("Our client, a leading logistics company, is hiring.", False),
        ("We are hiring in Lakewood, CO.", False),
    ],
)
def test_a_posting_must_name_its_employer(intro: str, named: bool) -> None:
    text = f"# Technician\n\n{intro}\n\nFix the network.\n"
    found = "missing-section:employer" in rules(check_text(text, location="Austin, TX"))
    assert found is not named, intro


def test_field_abbreviations_need_their_meaning_once() -> None:
    text = "# Driver\n\nValley Haul Transport pays $.50 cpm. Keep your CMV card and DQ file."
    (note,) = [
        f for f in check_text(text, location="Austin, TX") if f.rule == "jargon:abbreviation"
    ]
    assert note.severity == "info"
    assert "“cpm”" in note.message and "“CMV”" in note.message and "“DQ”" in note.message
    explained = text.replace("CMV card", "commercial motor vehicle (CMV) card")
    (note,) = [
        f for f in check_text(explained, location="Austin, TX") if f.rule == "jargon:abbreviation"
    ]
    assert "CMV" not in note.message


@pytest.mark.parametrize(
    "words",
    ["Professional appearance required.", "Must be well-groomed.", "Please attach a recent photo.",
     "No visible tattoos."],
)  # fmt: skip
def test_appearance_requirements_are_flagged(words: str) -> None:
    found = rules(check_text(posting(words), location="Austin, TX", today=TODAY))
    assert "exclusionary-wording:appearance" in found


def test_gendered_coding_leaves_work_words_names_and_addresses_alone() -> None:
    text = (
        "# Network Technician\n\nGranite Peak Systems builds networks. Terminate the cabling "
        "connections, analyze faults individually using engineering principles, manage users in "
        "Active Directory and check for tenderness or swelling. Write to lead@granite.example "
        "or see https://granite.example/competitive-leader.\n"
    )
    found = [f for f in check_text(text, location="Austin, TX") if f.rule == "gendered-coding"]
    assert found == []
    coded = text.replace("Granite Peak Systems builds", "We want an aggressive, dominant, "
                         "competitive person who builds")  # fmt: skip
    (finding,) = [
        f for f in check_text(coded, location="Austin, TX") if f.rule == "gendered-coding"
    ]
    assert "masculine" in finding.message


def test_notes_are_shown_in_the_text_output(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "driver.txt"
    path.write_text("Driver\n\nValley Haul Transport pays $.50 cpm on regional lanes.\n")
    main(["check", str(path), "--location", "Austin, TX"])
    out = capsys.readouterr().out
    assert "Notes (" in out and "“cpm”" in out
