"""Reading pasted postings: headings, bullets, comments and labels in Markdown, HTML and plain
text, and the same findings for one of our Postings in every format it is exported in."""

from __future__ import annotations

import pytest

from bot.checks import Finding, check_posting, check_text
from bot.checks.document import from_text
from bot.checks.reader import Block, read
from bot.posting import Posting
from bot.render import to_html, to_markdown, to_text
from tests.checks_samples import TODAY, denver_posting, scored


def kinds(text: str) -> list[tuple[str, str]]:
    return [(block.kind, block.text) for block in read(text).blocks]


@pytest.mark.parametrize(
    "heading",
    [
        "Responsibilities",
        "Key Responsibilities",
        "Duties & Responsibilities",
        "RESPONSIBILITIES",
        "Responsibilities:",
        "What you'll do",
        "**Responsibilities**",
        "## Responsibilities",
    ],
)
def test_headings_in_every_style_open_the_section(heading: str) -> None:
    text = f"# Cable Installer\n\n{heading}\n- Pull cable\n- Test each run\n- Label panels\n"
    document = from_text(text, today=TODAY)
    assert "responsibilities" in document.sections, heading
    assert document.bullets_in("responsibilities") == 3, heading
    found = check_text(text, location="Austin, TX", today=TODAY)
    assert "missing-section:responsibilities" not in {f.rule for f in found}, heading


def test_capital_headings_with_a_slash_and_no_colon() -> None:
    blocks = kinds("Job\n\nBENEFITS / PERKS\n• Medical and dental insurance\n")
    assert ("heading", "BENEFITS / PERKS") in blocks
    assert ("item", "Medical and dental insurance") in blocks


@pytest.mark.parametrize("bullet", ["-", "--", "*", "•", "·", "1.", "2)", "▪"])
def test_every_bullet_style_is_a_list_item(bullet: str) -> None:
    text = f"Duties\n{bullet} Pull cable\n{bullet} Test each run\n"
    assert [b for b in kinds(text) if b[0] == "item"] == [
        ("item", "Pull cable"),
        ("item", "Test each run"),
    ]


def test_list_items_without_full_stops_are_sentences_of_their_own() -> None:
    # Pasted without bullets: a run of short lines, none ending a sentence.
    text = (
        "Farm Hand\n\nWhat you do\nPlant seedlings in the fields\nWeed by hand and with hoes\n"
        "Harvest and wash vegetables\nLoad the truck for market days\n"
    )
    units = [u for u in from_text(text, today=TODAY).units if u.field == "responsibilities"]
    assert [u.text for u in units][:2] == [
        "Plant seedlings in the fields",
        "Weed by hand and with hoes",
    ]


def test_wrapped_prose_and_wrapped_items_join_up() -> None:
    text = (
        "Technician\n\nWe install and repair network cabling for offices around the Front\n"
        "Range, and we answer calls from customers who have been with us for years.\n\n"
        "Duties\n• Install and test cabling, switches and access points in offices\n"
        "  and clinics around the city\n"
    )
    blocks = read(text).blocks
    assert Block("item", "Install and test cabling, switches and access points in offices and "
                 "clinics around the city", 1) in blocks  # fmt: skip
    assert sum(1 for b in blocks if b.kind == "paragraph") == 2  # the title line and the prose


def test_html_comments_and_scripts_are_not_read() -> None:
    text = (
        "# Nurse\n\n<!-- tracking: https://ats.example.com/t?job=1 -->\n\nCare for patients.\n\n"
        "<script>var apply = 'https://evil.example';</script>\n"
    )
    document = from_text(text, today=TODAY)
    assert "how_to_apply" not in document.sections
    assert "ats.example" not in document.text and "evil" not in document.text


def test_a_bold_location_label_gives_the_place() -> None:
    document = from_text("# Technician\n\n**Location:** Denver, CO\n\nFix things.", today=TODAY)
    assert document.location is not None and document.location.region == "CO"


def test_a_link_in_an_anchor_is_a_way_to_apply() -> None:
    html = (
        "<h1>Agent</h1><p>Answer calls.</p><h2>How to apply</h2>"
        '<p>Apply on our <a href="https://hotel.example/careers">careers page</a>.</p>'
    )
    assert "how_to_apply" in from_text(html, today=TODAY).sections
    markdown = (
        "# Agent\n\nAnswer calls.\n\nApply on our [careers page](https://hotel.example/jobs)."
    )
    assert "how_to_apply" in from_text(markdown, today=TODAY).sections


def test_html_reads_into_the_same_blocks_as_markdown() -> None:
    markdown = (
        "# Welder\n\nNorthstar Fabrication Group builds frames.\n\n## Duties\n\n"
        "- Weld steel parts\n- Check welds\n\n**Pay**\n\n$26 - $34 per hour\n"
    )
    html = (
        "<html><body><h1>Welder</h1><p>Northstar Fabrication Group builds frames.</p>"
        "<h2>Duties</h2><ul><li>Weld steel parts</li><li>Check welds</li></ul>"
        "<p><strong>Pay</strong></p><p>$26 - $34 per hour</p></body></html>"
    )
    assert kinds(markdown) == kinds(html)


PLACES = {
    "clean": {},
    "biased": {"summary": "We want a young rockstar. He will run the network for you."},
    "no benefits": {"benefits": []},
    "no closing date": {"closing_date": None},
    "placeholder": {"schedule": "TBD"},
    "open-ended pay": {"pay": {"minimum": 55000, "currency": "USD", "period": "year"}},
}


def said(findings: list[Finding], *, structured: bool = True) -> list[tuple[str, str, str]]:
    return sorted(
        (f.rule, f.severity, f.message)
        for f in findings
        if structured or f.category != "structured-data"
    )


@pytest.mark.parametrize("change", list(PLACES), ids=list(PLACES))
def test_one_posting_gives_the_same_findings_as_json_markdown_text_and_html(change: str) -> None:
    posting = denver_posting(**PLACES[change])
    as_json = check_posting(Posting.model_validate_json(posting.model_dump_json()), today=TODAY)
    # The HTML page carries the JSON-LD, so it is checked for Google for Jobs as the JSON is.
    assert said(check_text(to_html(posting), today=TODAY)) == said(as_json), change
    for render in (to_markdown, to_text):
        found = check_text(render(posting), today=TODAY)
        assert said(found) == said(as_json, structured=False), (change, render)
    if change != "clean":
        assert scored(as_json), change  # every change but the first is a problem the checks see
