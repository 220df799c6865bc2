"""Every renderer: what it shows (only what the employer says), that user text is escaped for
it, and Block Kit's limits."""

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
from bot.posting.characters import clean_text
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
from bot.roles.template import RolePosting, RoleTemplate

TODAY = dt.date(2026, 11, 28)
CITATION = "Indeed, “Network Technician Job Description: Top Duties and Qualifications” (Sept 2023)"
HOSTILE = "Ping <!channel> and <@U123> & run <script>alert(1)</script> then </script>"
RAW_MARKUP = ("<!channel>", "<@U123>", "<script>", "</script>")
HEADINGS = (
    "What you'll do",
    "What you bring",
    "Nice to have",
    "Pay and benefits",
    "Schedule and working conditions",
    "How to apply",
)
# What reference material looks like; none of it belongs in a posting a candidate reads.
REFERENCE = re.compile(
    r"\bSources?:|Partly from|Typical pay|\$54,683|\bIndeed\b|\bBLS\b|\bOEWS\b|\bmedian\b|"
    r"percentile|%|Many employers|For you, not the posting"
)

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
    "schedule": "Monday to Friday, 9 to 5.",
    "equal_opportunity": "Acme is an equal opportunity employer.",
}


@pytest.fixture(scope="module")
def role() -> RoleTemplate:
    return load_curated_roles()["network_technician"]


@pytest.fixture(scope="module")
def content(role: RoleTemplate) -> RolePosting:
    assert role.posting is not None
    return role.posting


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
        "licences": [HOSTILE],
        "benefits": [HOSTILE],
        "pay_note": HOSTILE,
        "education": HOSTILE,
        "schedule": HOSTILE,
        "physical_demands": HOSTILE,
        "equal_opportunity": HOSTILE,
        "identifier": "<!here>&1",
    }
    return posting_from_role(role, answers, today=TODAY)


def _section(markdown: str, heading: str) -> str:
    """The body of one '## heading' part of a Markdown posting."""
    return markdown.split(f"## {heading}\n", 1)[1].split("\n## ", 1)[0].strip("\n")


# --------------------------------------------------------------------------- what is shown


def test_markdown_follows_the_posting_guide(complete: Posting, content: RolePosting) -> None:
    text = to_markdown(complete)
    lines = text.splitlines()
    assert lines[0] == "# Network Technician"
    # The header line: company, place and workplace, type, pay.
    assert lines[2] == (
        "**Acme Networks · Denver, CO (on-site) · Full-time · $55,000 – $65,000 a year**"
    )
    # The summary comes next, under no heading of its own.
    assert lines[4].startswith("We wire. We're hiring an entry-level Network Technician")
    assert "## About the role" not in text
    positions = [text.index(f"## {heading}\n") for heading in HEADINGS]
    assert positions == sorted(positions)
    assert _section(text, "What you'll do").splitlines() == [
        f"- {duty}" for duty in content.entry_duties
    ]
    bring = _section(text, "What you bring")
    bullets = [line[2:] for line in bring.splitlines() if line.startswith("- ")]
    assert bullets == [content.entry_experience.strip(), content.education.strip()] + [
        item for item in content.must_haves
    ]
    assert _section(text, "Nice to have").count("\n- ") + 1 == len(content.nice_to_haves)
    pay = _section(text, "Pay and benefits")
    assert pay.splitlines()[:3] == [
        "- $55,000 – $65,000 a year",
        "- Health insurance",
        "- Training budget",
    ]
    conditions = _section(text, "Schedule and working conditions")
    assert "Monday to Friday, 9 to 5." in conditions
    assert " ".join(content.physical_demands.split()) in " ".join(conditions.split())
    apply = _section(text, "How to apply")
    assert "[https://acme.example/jobs/42](https://acme.example/jobs/42)" in apply
    assert "Applications close January 31, 2027." in apply
    assert text.rstrip().endswith("Acme is an equal opportunity employer.")


def test_the_pay_note_follows_the_pay(complete: Posting) -> None:
    tipped = complete.model_copy(update={"pay_note": "plus an on-call bonus"})
    assert "- $55,000 – $65,000 a year, plus an on-call bonus\n" in to_markdown(tipped)


def test_the_equal_opportunity_line_offers_an_accommodation(complete: Posting) -> None:
    own = complete.model_copy(update={"equal_opportunity": ""})
    last = to_markdown(own).rstrip().splitlines()[-1]
    assert last.startswith("Acme Networks is an equal opportunity employer.")
    assert "accommodation" in last
    by_email = own.model_copy(update={"how_to_apply": "jobs@acme.example"})
    shown = to_markdown(by_email)
    assert "[jobs@acme.example](mailto:jobs@acme.example)" in _section(shown, "How to apply")
    last = shown.rstrip().splitlines()[-1]
    assert "accommodation" in last and "jobs@acme.example" in last


def test_a_draft_marks_what_is_still_to_fill_in_in_every_format(draft: Posting) -> None:
    for fmt in ("markdown", "html", "text", "slack"):
        shown = render(draft, fmt)
        for label in ("Company", "Location", "Employment type", "Pay", "How to apply"):
            assert f"[to fill in: {label}]" in shown, (fmt, label)
        assert "Still to fill in: Company, Location, Employment type, Pay, How to apply" in shown


def test_required_sections_left_empty_are_marked(complete: Posting) -> None:
    empty = complete.model_copy(
        update={"responsibilities": [], "requirements": [], "experience_note": "", "education": ""}
    )
    text = to_markdown(empty)
    assert "## What you'll do\n\n**[to fill in: Responsibilities]**" in text
    assert "## What you bring\n\n**[to fill in: Requirements]**" in text
    assert "Still to fill in: Responsibilities, Requirements." in text


@pytest.mark.parametrize("fmt", ["markdown", "html", "text", "slack"])
def test_a_complete_posting_has_nothing_to_fill_in(fmt: str, complete: Posting) -> None:
    assert complete.missing() == []
    shown = render(complete, fmt)
    assert "to fill in" not in shown
    for fact in ("Acme Networks", "Denver, CO (on-site)", "$55,000 – $65,000 a year", "Full-time"):
        assert fact in shown, fact
    assert "January 31, 2027" in shown


@pytest.mark.parametrize("fmt", FORMATS)
def test_no_reference_material_in_any_format(
    fmt: str, complete: Posting, role: RoleTemplate
) -> None:
    shown = render(complete, fmt)
    found = REFERENCE.search(shown)
    assert found is None, shown[max(0, found.start() - 80) : found.end() + 80]
    assert CITATION not in shown
    # The role's reference text (the Indeed page's own words) stays with the manager.
    assert role.summary[:60] not in shown
    for skill in role.skills:
        assert skill not in shown, skill
    for quality in role.qualities:
        assert quality not in shown, quality


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_format_renders_both_postings(fmt: str, draft: Posting, complete: Posting) -> None:
    for posting in (draft, complete):
        assert "Network Technician" in render(posting, fmt)


def test_the_command_line_offers_every_format() -> None:
    assert CLI_FORMATS == FORMATS
    with pytest.raises(ValueError, match="unknown format"):
        render(Posting(title="x"), "pdf")


def test_manager_notes_show_only_in_the_slack_preview_as_context(complete: Posting) -> None:
    note = "For you, not the posting: local pay runs $50,000 (25th percentile) (BLS OEWS)."
    blocks = to_blocks(complete, notes=[note])
    assert blocks[-1] == {"type": "context", "elements": [{"type": "mrkdwn", "text": note}]}
    sections = [b for b in blocks if b["type"] != "context"]
    assert "25th percentile" not in json.dumps(sections)
    assert note in render(complete, "slack", [note])
    for fmt in ("markdown", "html", "text", "jsonld", "json"):
        assert "25th percentile" not in render(complete, fmt, [note]), fmt
    # Without notes there is no context block after the posting.
    assert to_blocks(complete)[-1]["type"] == "section"


def test_manager_notes_are_escaped_for_mrkdwn(complete: Posting) -> None:
    blocks = to_blocks(complete, notes=["<!channel> pay & more"])
    assert blocks[-1]["elements"][0]["text"] == "&lt;!channel&gt; pay &amp; more"


def test_an_attribution_is_one_line_at_the_end(complete: Posting) -> None:
    credit = (
        "Parts of this description are adapted from O*NET 29.3 (USDOL/ETA), used under CC BY 4.0."
    )
    credited = complete.model_copy(update={"attribution": credit})
    markdown = to_markdown(credited)
    assert markdown.rstrip().endswith(
        "*Parts of this description are adapted from O\\*NET 29.3 (USDOL/ETA), used under CC BY "
        "4.0.*"
    )
    assert markdown.count("O\\*NET") == 1
    text = to_text(credited)
    assert " ".join(text.rstrip().split("\n\n")[-1].split()) == credit
    assert text.count("O*NET") == 1
    assert to_html(credited).count("O*NET") == 2  # in the page, and in its JSON-LD description
    blocks = to_blocks(credited)
    assert blocks[-1]["text"]["text"] == f"_{credit}_"
    assert to_markdown(complete).count("O\\*NET") == 0  # a curated role needs no credit


def test_text_is_readable_in_a_terminal(complete: Posting, content: RolePosting) -> None:
    text = to_text(complete)
    assert all(len(line) <= 78 for line in text.splitlines()), text
    assert "Network Technician\n==================\n" in text
    assert "Acme Networks · Denver, CO (on-site) · Full-time · $55,000 – $65,000 a year" in text
    assert "What you'll do\n--------------\n" in text
    assert "  * " + content.entry_duties[0][:40] in text


# -------------------------------------------------------------------------------- escaping


def test_markdown_escapes_user_text(hostile: Posting) -> None:
    text = to_markdown(hostile)
    for raw in (*RAW_MARKUP, "<b>", "<!here>"):
        assert raw not in text
    assert "&lt;!channel&gt;" in text
    assert "&lt;@U123&gt;" in text
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in text
    assert "<" not in text and ">" not in text
    # An ampersand that would start a character reference is escaped, so "&lt;" typed by a
    # user shows as typed instead of turning into "<".
    typed = hostile.model_copy(update={"summary": "Fish &amp; chips &lt;b&gt; &#60;i&#62;"})
    summary = to_markdown(typed).split("\n\n")[2]
    assert summary == "Fish &amp;amp; chips &amp;lt;b&amp;gt; &amp;#60;i&amp;#62;"


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


def test_html_escapes_user_text(hostile: Posting) -> None:
    html = to_html(hostile)
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
    hostile: Posting, complete: Posting
) -> None:
    for posting in (hostile, complete):
        inside = _jsonld_in(to_html(posting))
        assert "<" not in inside and ">" not in inside and "&" not in inside
        assert "\\u003c" in inside  # the description's own tags, escaped
        assert json.loads(inside) == to_jsonld(posting)


def test_text_shows_user_text_as_typed_without_control_characters(hostile: Posting) -> None:
    text = to_text(hostile)
    assert "<!channel>" in text  # plain text: nothing reads it as markup
    sneaky = hostile.model_copy(update={"summary": "red \x1b[31mALERT\x1b[0m\x07 done\r"})
    shown = to_text(sneaky)
    assert "ALERT" in shown
    assert not any(ch in shown for ch in "\x1b\x07\r")


def _mrkdwn_texts(blocks: list[dict[str, Any]]) -> list[str]:
    texts: list[str] = []
    for block in blocks:
        objects = [block.get("text") or {}, *block.get("fields", []), *block.get("elements", [])]
        texts.extend(obj["text"] for obj in objects if obj.get("type") == "mrkdwn")
    return texts


def test_slack_escapes_all_user_text(hostile: Posting) -> None:
    blocks = to_blocks(hostile, notes=[HOSTILE])
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
    draft: Posting, complete: Posting, hostile: Posting
) -> None:
    long_note = "A note for the manager & more. " * 200
    for posting in (draft, complete, hostile):
        check_blocks(to_blocks(posting))
        check_blocks(to_blocks(posting, notes=[long_note]))
        check_blocks(json.loads(render(posting, "slack")))
        check_blocks(json.loads(render(posting, "slack", [long_note])))


def test_blocks_show_key_facts_as_fields(complete: Posting) -> None:
    blocks = to_blocks(complete)
    assert blocks[0]["type"] == "header"
    fields = [field["text"] for block in blocks for field in block.get("fields", [])]
    assert fields == [
        "*Company*\nAcme Networks",
        "*Location*\nDenver, CO (on-site)",
        "*Employment type*\nFull-time",
        "*Pay*\n$55,000 – $65,000 a year",
    ]


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


def test_forty_very_long_responsibilities_are_split_across_sections(complete: Posting) -> None:
    items = [f"{index:02d} " + "install and test the network cabling " * 26 for index in range(40)]
    posting = complete.model_copy(update={"responsibilities": [i[:1000] for i in items]})
    blocks = to_blocks(posting)
    check_blocks(blocks)
    shown = _shown_items(blocks, "What you'll do")
    assert [line[2:4] for line in shown] == [f"{index:02d}" for index in range(40)]


def test_past_fifty_blocks_each_list_is_cut_with_a_note(complete: Posting) -> None:
    heavy = "&<>" * 300  # every character triples when escaped
    long_items = [f"{index:02d} {heavy}"[:1000] for index in range(40)]
    posting = Posting.model_validate(
        {
            **complete.model_dump(),
            "responsibilities": long_items,
            "requirements": long_items,
            "experience_note": "",
            "education": "",
            "nice_to_haves": long_items,
            "benefits": long_items,
            "summary": heavy * 3,
        }
    )
    blocks = to_blocks(posting)
    check_blocks(blocks)
    assert len(blocks) >= 45  # the budget is used, not given up
    # "Pay and benefits" lists the pay line before the 40 benefits.
    totals = {
        "What you'll do": 40,
        "What you bring": 40,
        "Nice to have": 40,
        "Pay and benefits": 41,
    }
    for heading, total in totals.items():
        shown = _shown_items(blocks, heading)
        kept = [line for line in shown if line.startswith("•")]
        [note] = [line for line in shown if line.startswith("_…")]
        assert kept, heading
        assert note == f"_… and {total - len(kept)} more_"


def test_a_long_paragraph_past_the_budget_is_shortened_with_a_note() -> None:
    posting = Posting(title="x", summary="&<> " * 750)
    blocks = to_blocks(posting, max_blocks=4)
    check_blocks(blocks, max_blocks=4)
    assert "shortened here" in blocks[-2]["text"]["text"]


def test_blocks_leave_room_when_asked(complete: Posting) -> None:
    long_items = ["word & " * 140 for _ in range(40)]
    posting = complete.model_copy(update={"responsibilities": long_items})
    check_blocks(to_blocks(posting, max_blocks=20), max_blocks=20)
    check_blocks(to_blocks(posting, notes=["A note"], max_blocks=20), max_blocks=20)


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
    title=st.text(min_size=1, max_size=150).filter(lambda t: clean_text(t).strip()),
)
def test_any_posting_gives_blocks_slack_accepts(
    summary: str, items: list[str], more: list[str], title: str
) -> None:
    posting = Posting(
        title=title,
        summary=summary,
        responsibilities=items,
        requirements=more,
        licences=more[::-1],
        benefits=items[::-1],
        equal_opportunity=summary,
        attribution=summary[:400],
    )
    check_blocks(to_blocks(posting, notes=[summary] if summary.strip() else None))


# -------------------------------------------------------------------------------- JSON-LD


def test_json_ld_has_google_required_and_recommended_properties(
    complete: Posting, content: RolePosting
) -> None:
    data = to_jsonld(complete)
    assert data["@context"] == "https://schema.org/"
    assert data["@type"] == "JobPosting"
    assert data["title"] == "Network Technician"
    assert f"<li>{content.entry_duties[0][:40]}" in data["description"]
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
    assert data["jobBenefits"] == "Health insurance; Training budget"
    assert data["workHours"] == "Monday to Friday, 9 to 5."


def test_json_ld_states_the_education_and_experience_the_text_states(
    role: RoleTemplate, complete: Posting
) -> None:
    # Entry level: "An associate degree or certificate …", and no years asked.
    data = to_jsonld(complete)
    assert complete.education.startswith("An associate degree")
    assert data["educationRequirements"] == {
        "@type": "EducationalOccupationalCredential",
        "credentialCategory": "associate degree",
    }
    assert complete.years_experience is None
    assert "experienceRequirements" not in data
    assert "monthsOfExperience" not in json.dumps(data)
    for level, years in (("mid", 2), ("senior", 5), ("lead", 5)):
        posting = posting_from_role(role, {**ANSWERS, "level": level}, today=TODAY)
        assert f"{years}+ years of experience as a Network Technician" in to_markdown(posting)
        assert to_jsonld(posting)["experienceRequirements"] == {
            "@type": "OccupationalExperienceRequirements",
            "monthsOfExperience": years * 12,
        }
    no_school = complete.model_copy(update={"education": ""})
    assert "educationRequirements" not in to_jsonld(no_school)


def test_json_ld_names_licences_as_qualifications_only_when_the_text_does(
    complete: Posting,
) -> None:
    assert complete.licences == []
    assert "qualifications" not in to_jsonld(complete)
    licensed = complete.model_copy(update={"licences": ["A valid Colorado driver's license."]})
    assert "- A valid Colorado driver's license.\n" in to_markdown(licensed)
    assert "Colorado driver's license" in to_jsonld(licensed)["qualifications"]


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
