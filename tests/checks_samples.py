"""Postings the check tests share: a clean Denver posting as a Posting, and the sample files."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from bot.posting import EmploymentType, Organisation, Pay, Posting, parse_location

DATA = Path(__file__).parent / "data" / "checks"
# A fixed day, so that which laws are in force doesn't change under the tests.
TODAY = dt.date(2026, 3, 2)


def sample(name: str) -> str:
    return (DATA / name).read_text(encoding="utf-8")


def denver_posting(**changes: Any) -> Posting:
    """A clean Denver network technician posting with a pay range and benefits."""
    fields: dict[str, Any] = {
        "title": "Network Technician",
        "organisation": Organisation(
            name="Front Range Health",
            url="https://frontrangehealth.example",
            about=(
                "Front Range Health runs three clinics and a small data centre in Denver. Our IT "
                "team of six keeps the network, phones and computers working for four hundred "
                "nurses, doctors and office staff."
            ),
        ),
        "location": parse_location("Denver, CO"),
        "employment_type": EmploymentType.FULL_TIME,
        "pay": Pay(minimum=55000, maximum=65000, currency="USD", period="year"),
        "benefits": [
            "Medical, dental and vision insurance from your first day",
            "A 401(k) plan with a 4% employer match",
            "Three weeks of paid time off, plus ten paid holidays",
            "Twelve weeks of paid parental leave",
        ],
        "summary": (
            "You will join the IT team as a network technician and look after the cabling, "
            "switches and wireless access points that the clinics rely on every day. Most days "
            "are spent at our main site, with visits to the other two clinics. We will train you "
            "on our systems during your first month, and you will have a named colleague to ask "
            "for help while you learn. The clinics are open six days a week, and the team takes "
            "the Saturday calls in turn."
        ),
        "responsibilities": [
            "Install, test and label network cabling, patch panels and wall jacks",
            "Set up and replace switches, routers and wireless access points",
            "Answer tickets from clinic staff and fix network faults on site",
            "Keep the inventory of hardware, cables and spare parts up to date",
            "Plan upgrades with the team so that they happen outside clinic hours",
        ],
        "requirements": [
            "A year or two of hands-on work with networks, in a job, an internship or a course",
            "Working knowledge of TCP/IP, VLANs and DHCP",
            "CompTIA Network+ or CCNA, or the willingness to earn one in your first year",
            "Clear, patient communication with people who are not technical",
        ],
        "nice_to_haves": ["Experience in a hospital or clinic"],
        "schedule": "Monday to Friday, 8 a.m. to 4:30 p.m., one evening a month for maintenance.",
        "physical_demands": (
            "Carrying equipment up to 40 lb and working on ladders, with or without reasonable "
            "accommodation."
        ),
        "how_to_apply": "https://jobs.frontrangehealth.example/network-technician",
        "date_posted": TODAY,
        "closing_date": TODAY + dt.timedelta(days=30),
        "identifier": "FRH-2026-014",
        "equal_opportunity": (
            "Front Range Health is an equal opportunity employer. We provide reasonable "
            "accommodation during hiring; ask us at jobs@frontrangehealth.example."
        ),
    }
    fields.update(changes)
    return Posting(**fields)


def jsonld(**changes: Any) -> dict[str, Any]:
    """A valid Google for Jobs JobPosting dict for `denver_posting()`, with `changes` applied."""
    data: dict[str, Any] = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": "Network Technician",
        "description": "<p>You will join the IT team as a network technician.</p>",
        "datePosted": TODAY.isoformat(),
        "validThrough": (TODAY + dt.timedelta(days=30)).isoformat(),
        "employmentType": "FULL_TIME",
        "hiringOrganization": {"@type": "Organization", "name": "Front Range Health"},
        "jobLocation": {
            "@type": "Place",
            "address": {
                "@type": "PostalAddress",
                "addressLocality": "Denver",
                "addressRegion": "CO",
                "addressCountry": "US",
            },
        },
        "baseSalary": {
            "@type": "MonetaryAmount",
            "currency": "USD",
            "value": {
                "@type": "QuantitativeValue",
                "minValue": 55000,
                "maxValue": 65000,
                "unitText": "YEAR",
            },
        },
        "identifier": {"@type": "PropertyValue", "name": "Front Range Health", "value": "FRH-1"},
        "directApply": True,
    }
    for key, value in changes.items():
        if value is None:
            data.pop(key, None)
        else:
            data[key] = value
    return data


def rules(findings: list[Any]) -> set[str]:
    return {f.rule for f in findings}


def errors(findings: list[Any]) -> list[Any]:
    return [f for f in findings if f.severity == "error"]


# ------------------------------------------------------------------------- the postings corpus

CORPUS = Path(__file__).parent / "data" / "postings_corpus"
# Findings compared on the corpus: errors and warnings, and the abbreviation note. Other notes are
# advice; "length" counts words against a fixed threshold (tested in test_checks_readability) and
# the corpus postings are kept shorter than real ones.
NOT_SCORED = frozenset({"length"})
SCORED_NOTES = frozenset({"jargon:abbreviation"})


def corpus() -> dict[str, Any]:
    import yaml

    data: dict[str, Any] = yaml.safe_load((CORPUS / "expected.yaml").read_text(encoding="utf-8"))
    return data


def scored(findings: list[Any]) -> set[str]:
    """The rule ids of the findings the corpus is scored on."""
    return {
        f.rule
        for f in findings
        if (f.severity != "info" or f.rule in SCORED_NOTES) and f.rule not in NOT_SCORED
    }


def verdict(findings: list[Any]) -> list[tuple[str, str, str]]:
    """Every finding, notes included, as (rule, severity, excerpt): what must not change with the
    format a posting comes in (a heading's excerpt keeps its case as written)."""
    return sorted((f.rule, f.severity, f.excerpt.casefold()) for f in findings)


def _escape(text: str) -> str:
    import html

    return html.escape(text, quote=False)


def as_formats(text: str) -> dict[str, str]:
    """One posting written out again as Markdown, HTML and two plain-text styles, from the
    blocks the reader found in it: the same posting, as other employers' systems write it."""
    import textwrap

    from bot.checks.reader import read

    blocks = read(text).blocks
    markdown: list[str] = []
    html: list[str] = ["<html><body>"]
    caps: list[str] = []
    colons: list[str] = []
    in_list = False
    for index, block in enumerate(blocks):
        if block.kind != "item" and in_list:
            html.append("</ul>")
            in_list = False
        if block.kind == "heading":
            level = 1 if index == 0 else 2
            markdown += ["#" * level + " " + block.text, ""]
            html.append(f"<h{level}>{_escape(block.text)}</h{level}>")
            caps += ["", block.text.upper() if level > 1 else block.text]
            colons += ["", block.text + (":" if level > 1 else "")]
        elif block.kind == "item":
            markdown.append("- " + block.text)
            if not in_list:
                html.append("<ul>")
                in_list = True
            html.append(f"<li>{_escape(block.text)}</li>")
            wrapped = textwrap.wrap(block.text, 76)
            caps += ["• " + wrapped[0], *("  " + line for line in wrapped[1:])]
            colons.append("-- " + block.text)
        else:
            markdown += [block.text, ""]
            html.append(f"<p>{_escape(block.text)}</p>")
            caps += ["", *textwrap.wrap(block.text, 78)]
            colons += ["", block.text]
    if in_list:
        html.append("</ul>")
    html.append("</body></html>")
    return {
        "markdown": "\n".join(markdown),
        "html": "\n".join(html),
        "text-capitals": "\n".join(caps),
        "text-colons": "\n".join(colons),
    }


def corpus_scores() -> dict[str, float]:
    """Precision and recall of the checks on the corpus, and the share of postings that give the
    same findings in every format (as written, Markdown, HTML, plain text two ways)."""
    from bot.checks import check_text

    data = corpus()
    today = data["today"]
    found = right = expected = agree = 0
    for entry in data["postings"]:
        text = (CORPUS / entry["file"]).read_text(encoding="utf-8")
        where = entry.get("location")
        findings = check_text(text, location=where, today=today)
        got = scored(findings)
        wanted = set(entry["expect"])
        found += len(got)
        right += len(got & wanted)
        expected += len(wanted)
        others = [
            verdict(check_text(other, location=where, today=today))
            for other in as_formats(text).values()
        ]
        agree += all(other == verdict(findings) for other in others)
    count = len(data["postings"])
    return {
        "precision": right / found if found else 1.0,
        "recall": right / expected if expected else 1.0,
        "formats_agree": agree / count,
        "postings": count,
    }
