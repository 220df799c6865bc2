"""Every renderer: what it shows, that user text is escaped for it, and Block Kit's limits."""

from __future__ import annotations

import datetime as dt
import json
import re
from html.parser import HTMLParser
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from slack_sdk.models.blocks import Block

from bot.cli.draft import FORMATS as CLI_FORMATS
from bot.posting import Posting
from bot.posting.draft import posting_from_role
from bot.render import (
    FORMATS,
    render,
    to_blocks,
    to_html,
    to_json,
    to_jsonld,
    to_markdown,
    to_text,
)
from bot.render.mrkdwn import escape
from bot.roles.curated import load_curated_roles
from bot.roles.template import RoleTemplate

TODAY = dt.date(2026, 11, 28)
CITATION = "Indeed, “Network Technician Job Description: Top Duties and Qualifications” (Sept 2023)"
HOSTILE = "Ping <!channel> and <@U123> & run <script>alert(1)</script> then </script>"
RAW_MARKUP = ("<!channel>", "<@U123>", "<script>", "</script>")

ANSWERS: dict[str, Any] = {
    "organisation": {"name": "Acme Networks", "url": "https://acme.example", "about": "We wire."},
    "team": "IT operations",
    "location": "Denver, CO",
    "employment_type": "full-time",
    "pay": "55k-65k",
    "closing_date": "Jan 31",
    "how_to_apply": "https://acme.example/jobs/42",
    "identifier": "NT-42",
    "benefits": "Health insurance\nTraining budget",
    "schedule": "Monday to Friday, 9 to 5",
    "equal_opportunity": "Acme is an equal opportunity employer.",
}


@pytest.fixture(scope="module")
def role() -> RoleTemplate:
    return load_curated_roles()["network_technician"]


@pytest.fixture(scope="module")
def draft(role: RoleTemplate) -> Posting:
    return posting_from_role(role, today=TODAY)


@pytest.fixture(scope="module")
def complete(role: RoleTemplate) -> Posting:
    return posting_from_role(role, ANSWERS, today=TODAY)


@pytest.fixture(scope="module")
def hostile(role: RoleTemplate) -> Posting:
    """User text carrying mentions, markup and ampersands into every kind of field."""
    answers = {
        **ANSWERS,
        "title": "Tech <!channel> & <@U123> </script>",
        "organisation": {"name": f"Acme {HOSTILE}", "about": HOSTILE},
        "team": HOSTILE,
        "summary": HOSTILE,
        "responsibilities": [HOSTILE, "Install <b>networks</b> & cabling"],
        "requirements": [HOSTILE],
        "nice_to_haves": [HOSTILE],
        "benefits": [HOSTILE],
        "education": HOSTILE,
        "schedule": HOSTILE,
        "physical_demands": HOSTILE,
        "equal_opportunity": HOSTILE,
        "identifier": "<!here>&1",
    }
    return posting_from_role(role, answers, today=TODAY)


# --------------------------------------------------------------------------- what is shown


def test_markdown_shows_the_duties_skills_and_pay_with_its_source(
    draft: Posting, role: RoleTemplate
) -> None:
    text = to_markdown(draft, role)
    for duty in role.duties:
        assert f"- {duty}\n" in text
    for skill in role.skills:
        assert f"- {skill}\n" in text
    [pay_line] = [line for line in text.splitlines() if "$54,683" in line]
    assert CITATION in pay_line
    assert text.startswith("# Network Technician\n")


def test_a_draft_marks_what_is_still_to_fill_in_in_every_format(
    draft: Posting, role: RoleTemplate
) -> None:
    for fmt in ("markdown", "html", "text", "slack"):
        shown = render(draft, fmt, role)
        for label in ("Company", "Location", "Employment type", "Pay", "How to apply"):
            assert f"[to fill in: {label}]" in shown, (fmt, label)
        assert "Still to fill in: Company, Location, Employment type, Pay, How to apply" in shown


@pytest.mark.parametrize("fmt", ["markdown", "html", "text", "slack"])
def test_a_complete_posting_has_nothing_to_fill_in(
    fmt: str, complete: Posting, role: RoleTemplate
) -> None:
    assert complete.missing() == []
    shown = render(complete, fmt, role)
    assert "to fill in" not in shown
    for fact in ("Acme Networks", "Denver, CO, US", "$55,000 – $65,000 a year", "Full-time"):
        assert fact in shown, fact
    assert "January 31, 2027" in shown


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_renders_both_postings(
    fmt: str, draft: Posting, complete: Posting, role: RoleTemplate
) -> None:
    for posting in (draft, complete):
        assert "Network Technician" in render(posting, fmt, role)
        assert "Network Technician" in render(posting, fmt)


def test_the_command_line_offers_every_format() -> None:
    assert CLI_FORMATS == FORMATS
    with pytest.raises(ValueError, match="unknown format"):
        render(Posting(title="x"), "pdf")


def test_facts_from_the_role_name_their_source_and_answers_do_not(
    role: RoleTemplate, complete: Posting
) -> None:
    shown = to_markdown(complete, role)
    responsibilities = shown.split("## Responsibilities", 1)[1].split("##", 1)[0]
    assert f"*Source: {CITATION}*" in responsibilities
    benefits = shown.split("## Benefits", 1)[1].split("##", 1)[0]
    assert "Source" not in benefits
    mixed = complete.model_copy(update={"responsibilities": [role.duties[0], "Run the help desk"]})
    assert f"Partly from: {CITATION}" in to_markdown(mixed, role)
    own = complete.model_copy(update={"responsibilities": ["Run the help desk"]})
    own_section = to_markdown(own, role).split("## Responsibilities", 1)[1].split("##", 1)[0]
    assert CITATION not in own_section
    # Without the role nothing claims a source, and no benchmark is shown.
    assert "Source" not in to_markdown(complete)
    assert "$54,683" not in to_markdown(complete)


def test_text_is_readable_in_a_terminal(complete: Posting, role: RoleTemplate) -> None:
    text = to_text(complete, role)
    assert all(len(line) <= 78 for line in text.splitlines()), text
    assert "Network Technician\n==================\n" in text
    assert "  * Design and install computer networks" in text


# -------------------------------------------------------------------------------- escaping


def test_markdown_escapes_user_text(hostile: Posting, role: RoleTemplate) -> None:
    text = to_markdown(hostile, role)
    for raw in (*RAW_MARKUP, "<b>", "<!here>"):
        assert raw not in text
    assert "&lt;!channel&gt;" in text
    assert "&lt;@U123&gt;" in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "&amp; run" in text
    assert " & " not in text
    assert "<" not in text and ">" not in text


class _Page(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[str] = []
        self.scripts: list[dict[str, str | None]] = []
        self.text: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append(tag)
        if tag == "script":
            self.scripts.append(dict(attrs))
            self._in_script = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "script":
            self._in_script = False

    def handle_data(self, data: str) -> None:
        if not self._in_script:
            self.text.append(data)


def _page(html: str) -> _Page:
    page = _Page()
    page.feed(html)
    page.close()
    return page


def test_html_escapes_user_text(hostile: Posting, role: RoleTemplate) -> None:
    html = to_html(hostile, role)
    page = _page(html)
    assert page.scripts == [{"type": "application/ld+json"}]
    assert "b" not in page.tags
    # The text reads exactly as typed once the browser decodes it.
    assert HOSTILE in "".join(page.text)
    assert "Install <b>networks</b> & cabling" in "".join(page.text)
    assert html.count("</script>") == 1
    assert "&lt;!channel&gt;" in html


def _jsonld_in(html: str) -> str:
    match = re.search(r'<script type="application/ld\+json">(.*?)</script>', html, re.S)
    assert match, "no JSON-LD script in the page"
    return match.group(1)


def test_the_json_ld_in_the_page_parses_and_cannot_close_its_script(
    hostile: Posting, complete: Posting, role: RoleTemplate
) -> None:
    for posting in (hostile, complete):
        inside = _jsonld_in(to_html(posting, role))
        assert "<" not in inside and ">" not in inside and "&" not in inside
        assert "\\u003c" in inside  # the description's own tags, escaped
        assert json.loads(inside) == to_jsonld(posting)


def test_text_shows_user_text_as_typed_without_control_characters(
    hostile: Posting, role: RoleTemplate
) -> None:
    text = to_text(hostile, role)
    assert "<!channel>" in text  # plain text: nothing reads it as markup
    sneaky = hostile.model_copy(update={"summary": "red \x1b[31mALERT\x1b[0m\x07 done\r"})
    shown = to_text(sneaky, role)
    assert "ALERT" in shown
    assert not any(ch in shown for ch in "\x1b\x07\r")


def _mrkdwn_texts(blocks: list[dict[str, Any]]) -> list[str]:
    texts: list[str] = []
    for block in blocks:
        objects = [block.get("text") or {}, *block.get("fields", []), *block.get("elements", [])]
        texts.extend(obj["text"] for obj in objects if obj.get("type") == "mrkdwn")
    return texts


def test_slack_escapes_all_user_text(hostile: Posting, role: RoleTemplate) -> None:
    blocks = to_blocks(hostile, role)
    texts = _mrkdwn_texts(blocks)
    joined = "\n".join(texts)
    for raw in (*RAW_MARKUP, "<!here>", "<b>"):
        assert raw not in joined
    assert "<" not in joined and ">" not in joined
    assert not re.search(r"&(?!amp;|lt;|gt;)", joined), "a bare & reached mrkdwn"
    assert escape(HOSTILE) in joined
    # The header is plain_text, which Slack never reads for mentions: the title goes in as typed.
    assert blocks[0]["text"] == {
        "type": "plain_text",
        "text": "Tech <!channel> & <@U123> </script>",
        "emoji": True,
    }


def test_slack_header_extra_is_the_callers_mrkdwn(draft: Posting) -> None:
    blocks = to_blocks(draft, header_extra="Draft v2 · asked by <@U0123ABCD>")
    assert blocks[1] == {
        "type": "context",
        "elements": [{"type": "mrkdwn", "text": "Draft v2 · asked by <@U0123ABCD>"}],
    }


def test_escape_handles_ampersands_first() -> None:
    assert escape("a & <b> &amp;") == "a &amp; &lt;b&gt; &amp;amp;"


def test_json_ld_escapes_user_text(hostile: Posting) -> None:
    text = render(hostile, "jsonld")
    assert not set("<>&") & set(text)
    data = json.loads(text)
    assert data["title"] == "Tech <!channel> & <@U123> </script>"
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in data["description"]
    assert "<script>" not in data["description"]
    assert data["hiringOrganization"]["name"] == f"Acme {HOSTILE}"


def test_json_escapes_user_text_and_reads_back(hostile: Posting, complete: Posting) -> None:
    for posting in (hostile, complete):
        text = to_json(posting)
        assert not set("<>&") & set(text)
        assert Posting.model_validate_json(text) == posting


# ------------------------------------------------------------------------------- Block Kit


def check_blocks(blocks: list[dict[str, Any]], max_blocks: int = 50) -> None:
    """What Slack accepts: slack_sdk's own checks, plus the limits it leaves to the server."""
    assert 0 < len(blocks) <= max_blocks
    for block in blocks:
        assert Block.parse(block).to_dict() == block  # type: ignore[union-attr]
        if block["type"] == "header":
            assert 0 < len(block["text"]["text"]) <= 150
        if block["type"] == "section":
            if "text" in block:
                assert 0 < len(block["text"]["text"]) <= 3000
            fields = block.get("fields", [])
            assert len(fields) <= 10
            assert all(0 < len(field["text"]) <= 2000 for field in fields)
            assert "text" in block or fields
        if block["type"] == "context":
            assert 0 < len(block["elements"]) <= 10
            assert all(0 < len(element["text"]) <= 3000 for element in block["elements"])


def test_blocks_for_every_posting_are_valid(
    draft: Posting, complete: Posting, hostile: Posting, role: RoleTemplate
) -> None:
    for posting in (draft, complete, hostile):
        check_blocks(to_blocks(posting, role))
        check_blocks(to_blocks(posting))
        check_blocks(json.loads(render(posting, "slack", role)))


def test_blocks_show_key_facts_as_fields(complete: Posting, role: RoleTemplate) -> None:
    blocks = to_blocks(complete, role)
    assert blocks[0]["type"] == "header"
    fields = [field["text"] for block in blocks for field in block.get("fields", [])]
    assert "*Pay*\n$55,000 – $65,000 a year" in fields
    assert "*Location*\nDenver, CO, US" in fields
    assert any(text.startswith("*Typical pay for this role*\n$54,683") for text in fields)


def _shown_items(blocks: list[dict[str, Any]], heading: str) -> list[str]:
    """The '• …' lines of one part of the body, joined back across the sections it spans."""
    lines: list[str] = []
    inside = False
    for block in blocks:
        text = block.get("text", {}).get("text", "")
        if block["type"] != "section" or not text:
            continue
        first = text.split("\n", 1)[0]
        if first.startswith("*") and first.endswith("*"):
            inside = first == f"*{heading}*"
        if inside:
            lines.extend(line for line in text.split("\n") if line.startswith(("•", "_…")))
    return lines


def test_forty_very_long_responsibilities_are_split_across_sections(
    complete: Posting, role: RoleTemplate
) -> None:
    items = [f"{index:02d} " + "install and test the network cabling " * 26 for index in range(40)]
    posting = complete.model_copy(update={"responsibilities": [i[:1000] for i in items]})
    blocks = to_blocks(posting, role)
    check_blocks(blocks)
    shown = _shown_items(blocks, "Responsibilities")
    assert [line[2:4] for line in shown] == [f"{index:02d}" for index in range(40)]


def test_past_fifty_blocks_each_list_is_cut_with_a_note(complete: Posting) -> None:
    heavy = "&<>" * 300  # every character triples when escaped
    long_items = [f"{index:02d} {heavy}"[:1000] for index in range(40)]
    posting = Posting.model_validate(
        {
            **complete.model_dump(),
            "responsibilities": long_items,
            "requirements": long_items,
            "nice_to_haves": long_items,
            "benefits": long_items,
            "summary": heavy * 5,
        }
    )
    blocks = to_blocks(posting)
    check_blocks(blocks)
    assert len(blocks) >= 45  # the budget is used, not given up
    for heading in ("Responsibilities", "Requirements", "Nice to have", "Benefits"):
        shown = _shown_items(blocks, heading)
        kept = [line for line in shown if line.startswith("•")]
        [note] = [line for line in shown if line.startswith("_…")]
        assert kept, heading
        assert note == f"_… and {40 - len(kept)} more_"


def test_a_long_paragraph_past_the_budget_is_shortened_with_a_note() -> None:
    posting = Posting(title="x", summary="&<> " * 1250)
    blocks = to_blocks(posting, max_blocks=4)
    check_blocks(blocks, max_blocks=4)
    assert "shortened here" in blocks[-2]["text"]["text"]


def test_blocks_leave_room_when_asked(complete: Posting, role: RoleTemplate) -> None:
    long_items = ["word & " * 140 for _ in range(40)]
    posting = complete.model_copy(update={"responsibilities": long_items})
    check_blocks(to_blocks(posting, role, max_blocks=20), max_blocks=20)


def test_a_title_at_its_limit_fits_the_header() -> None:
    posting = Posting(title="🛠" + "x" * 149)
    check_blocks(to_blocks(posting))


hostile_text = st.lists(
    st.sampled_from([*"ab <>&!@#*_~`\n", "<!channel>", "&amp;", "é", "🛠", "word "]), max_size=120
).map("".join)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    summary=hostile_text,
    items=st.lists(
        st.text(alphabet=st.sampled_from(list("ab &<>")), min_size=1, max_size=1000),
        max_size=40,
    ),
    more=st.lists(hostile_text.filter(str.strip), max_size=40),
    title=st.text(min_size=1, max_size=150).filter(str.strip),
)
def test_any_posting_gives_blocks_slack_accepts(
    summary: str, items: list[str], more: list[str], title: str
) -> None:
    posting = Posting(
        title=title,
        summary=summary,
        responsibilities=items,
        requirements=more,
        benefits=items[::-1],
        equal_opportunity=summary,
    )
    check_blocks(to_blocks(posting))


# -------------------------------------------------------------------------------- JSON-LD


def test_json_ld_has_google_required_and_recommended_properties(complete: Posting) -> None:
    data = to_jsonld(complete)
    assert data["@context"] == "https://schema.org/"
    assert data["@type"] == "JobPosting"
    assert data["title"] == "Network Technician"
    assert "<li>Design and install computer networks" in data["description"]
    assert data["datePosted"] == "2026-11-28"
    assert data["hiringOrganization"] == {
        "@type": "Organization",
        "name": "Acme Networks",
        "sameAs": "https://acme.example",
    }
    assert data["jobLocation"] == {
        "@type": "Place",
        "address": {
            "@type": "PostalAddress",
            "addressLocality": "Denver",
            "addressRegion": "CO",
            "addressCountry": "US",
        },
    }
    assert data["validThrough"] == "2027-01-31"
    assert data["employmentType"] == "FULL_TIME"
    assert data["baseSalary"] == {
        "@type": "MonetaryAmount",
        "currency": "USD",
        "value": {
            "@type": "QuantitativeValue",
            "minValue": 55000,
            "maxValue": 65000,
            "unitText": "YEAR",
        },
    }
    assert data["identifier"] == {
        "@type": "PropertyValue",
        "name": "Acme Networks",
        "value": "NT-42",
    }
    assert data["directApply"] is True
    assert data["occupationalCategory"] == "15-1231.00"
    assert data["educationRequirements"] == {
        "@type": "EducationalOccupationalCredential",
        "credentialCategory": "bachelor degree",
    }
    assert data["experienceRequirements"] == {
        "@type": "OccupationalExperienceRequirements",
        "monthsOfExperience": 60,
    }


def test_json_ld_for_a_remote_job(role: RoleTemplate) -> None:
    remote = posting_from_role(role, {"location": "Remote (US)", "pay": "28/hr"}, today=TODAY)
    data = to_jsonld(remote)
    assert data["jobLocationType"] == "TELECOMMUTE"
    assert data["applicantLocationRequirements"] == [{"@type": "Country", "name": "US"}]
    assert "jobLocation" not in data
    assert data["baseSalary"]["value"] == {
        "@type": "QuantitativeValue",
        "value": 28,
        "unitText": "HOUR",
    }
    states = posting_from_role(role, {"location": "Remote (Colorado, Canada)"}, today=TODAY)
    assert to_jsonld(states)["applicantLocationRequirements"] == [
        {"@type": "State", "name": "Colorado"},
        {"@type": "Country", "name": "CA"},
    ]


def test_json_ld_of_a_bare_draft_still_has_every_required_property(draft: Posting) -> None:
    data = json.loads(render(draft, "jsonld"))
    for name in ("title", "description", "datePosted", "hiringOrganization", "jobLocation"):
        assert data[name], name
    assert data["hiringOrganization"]["name"] == "[to fill in: Company]"
    assert data["jobLocation"]["address"]["addressLocality"] == "[to fill in: Location]"
    assert "to fill in" not in data["description"]


def test_json_ld_for_an_email_application_is_not_direct(complete: Posting) -> None:
    by_email = complete.model_copy(update={"how_to_apply": "jobs@acme.example"})
    assert to_jsonld(by_email)["directApply"] is False


def test_text_cites_each_source_once_by_number(role: RoleTemplate, complete: Posting) -> None:
    """The text format (the playground's preview, `newjob draft --format text`) repeated the
    whole citation after every section; it numbers them and spells each out once."""
    shown = to_text(complete, role)
    assert " ".join(shown.split()).count(CITATION) == 1  # wrapped over lines at the end
    assert shown.count("Source: [1]") >= 3
    body, sources = shown.split("\nSources:\n", 1)
    assert "Indeed" not in body
    numbered = re.findall(r"^  \[(\d)\] ", sources, flags=re.M)
    assert numbered == [str(n) for n in range(1, len(numbered) + 1)]
