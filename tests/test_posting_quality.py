"""Newjob never flags its own words: every curated role, and a spread of generated ones, drafted
with complete answers in each pay-transparency place we know, passes `newjob check` in every
format with no error and no warning, and holds no reference material."""

from __future__ import annotations

import datetime as dt
import json
import re
from typing import Any

import pytest

from bot.checks import check_posting, check_text
from bot.posting import Posting
from bot.posting.draft import posting_from_role
from bot.render import to_json, to_markdown, to_text
from bot.roles.curated import load_curated_roles
from bot.roles.lookup import role_for

TODAY = dt.date(2026, 12, 1)
# One place per pay-transparency law, the remote case, and places with no such law.
PLACES = [
    ("Denver, CO", "on-site"),
    ("New York, NY", "on-site"),
    ("Brooklyn, NY", "hybrid"),
    ("San Diego, CA", "on-site"),
    ("Seattle, WA", "on-site"),
    ("Chicago, IL", "hybrid"),
    ("Baltimore, MD", "on-site"),
    ("Honolulu, HI", "on-site"),
    ("Minneapolis, MN", "on-site"),
    ("Newark, NJ", "on-site"),
    ("Burlington, VT", "on-site"),
    ("Boston, MA", "on-site"),
    ("Cleveland, OH", "on-site"),
    ("Washington, DC", "on-site"),
    ("US", "remote"),
    ("Atlanta, GA", "on-site"),
    ("Dallas, TX", "on-site"),
]
LEVELS = ["entry", "mid", "senior", "lead"]
# Occupations with no curated file, from many SOC groups.
GENERATED = [
    "17-2141.00",  # mechanical engineers
    "29-2034.00",  # radiologic technologists
    "27-1024.00",  # graphic designers
    "15-2051.00",  # data scientists
    "39-5012.00",  # hairdressers
    "45-2092.00",  # farmworkers
    "51-4041.00",  # machinists
    "19-1029.04",  # biologists
    "11-9051.00",  # food service managers
    "49-3031.00",  # bus and truck mechanics
    "21-1012.00",  # school counselors
    "47-2141.00",  # painters
]
REFERENCE = re.compile(
    r"typical pay|source:|bls oews|\boews\b|bureau of labor|percentile|median|"
    r"\d+\s?%\s+(?:of|a |an )|many employers|\[to fill in|not elsewhere classified|"
    r"includes all|excludes |job zone",
    re.I,
)


def _answers(place: str, workplace: str, level: str, hourly: bool) -> dict[str, Any]:
    return {
        "company": "Harrow & Pine",
        "workplace": workplace,
        "location": place,
        "employment_type": "full-time",
        "level": level,
        "pay": "24-29/hr" if hourly else "62k-74k",
        "benefits": "Medical, dental and vision; 401(k) with a 4% match; 15 days of paid time off",
        "team": "a team of six",
        "how_to_apply": "https://jobs.example.com/apply",
        "closing_date": "2027-01-29",
        "schedule": "Monday to Friday, 8 a.m. to 4:30 p.m., with some Saturdays in busy months.",
        "next_steps": "We reply to everyone within a week; next come a phone call and a visit.",
        "contact": "jobs@harrowpine.example.com",
    }


def _findings(text: str, place: str, workplace: str, fmt: str) -> list[str]:
    location = "Remote (US)" if workplace == "remote" else place
    if fmt == "json":
        findings = check_posting(Posting.model_validate_json(text), today=TODAY)
    else:
        findings = check_text(text, location=location, today=TODAY)
    return [
        f"{f.severity} {f.category}: {f.message} [{f.excerpt}]"
        for f in findings
        if f.severity in ("error", "warning")
    ]


def _cases() -> list[tuple[str, str, str, str]]:
    keys = sorted(load_curated_roles()) + GENERATED
    cases = []
    for index, key in enumerate(keys):
        # Every role in three places and two levels, rotating so that every place and level
        # is drafted many times over the whole set.
        for shift in range(3):
            place, workplace = PLACES[(index * 3 + shift) % len(PLACES)]
            level = LEVELS[(index + shift) % len(LEVELS)]
            if role_for(key).posting.default_level == "lead":  # type: ignore[union-attr]
                level = "lead" if level in ("entry", "mid") else level  # no entry-level manager
            cases.append((key, place, workplace, level))
    return cases


@pytest.mark.parametrize(("key", "place", "workplace", "level"), _cases())
def test_a_complete_draft_passes_its_own_checks_in_every_format(
    key: str, place: str, workplace: str, level: str
) -> None:
    role = role_for(key)
    assert role is not None and role.posting is not None
    hourly = role.posting.pay_basis == "hour"
    posting = posting_from_role(role, _answers(place, workplace, level, hourly), today=TODAY)
    outputs = {
        "markdown": to_markdown(posting),
        "text": to_text(posting),
        "json": to_json(posting),
    }
    for fmt, text in outputs.items():
        assert _findings(text, place, workplace, fmt) == [], (key, place, level, fmt)
        visible = json.dumps(json.loads(text)) if fmt == "json" else text
        assert not REFERENCE.search(visible), (key, fmt, REFERENCE.search(visible))


@pytest.mark.parametrize("key", sorted(load_curated_roles()))
def test_every_curated_role_reads_like_a_posting(key: str) -> None:
    role = role_for(key)
    assert role is not None and role.curated and role.posting is not None
    content = role.posting
    assert 5 <= len(content.duties) <= 7
    assert content.does.startswith("You'll")
    for line in [*content.duties, *content.must_haves, *content.nice_to_haves]:
        assert line.endswith((".", "?", "!")), (key, line)
        assert not REFERENCE.search(line), (key, line)
    labels = {"active listening", "social perceptiveness", "integrity", "dependability"}
    assert not labels & {line.rstrip(".").casefold() for line in content.must_haves}
