"""Render the drafts a blind-read round judges (docs/quality.md, "How a round is run").

Each draft is made with `posting_from_role`, exactly as `newjob draft --answers` makes it, from
the answers in scripts/sample_drafts.yaml: what a hiring manager would give in the dialogue.
Duties and requirements are left to Newjob.

    python scripts/sample_drafts.py OUT_DIR              # the round's drafts, 01.md, 02.md, …
    python scripts/sample_drafts.py OUT_DIR --generated  # one draft per generated sample role

Writes the Markdown drafts only, and prints one line per draft (role, place, level, curated or
generated) for the index a round keeps apart from the drafts.
"""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path
from typing import Any

import yaml

from bot.posting.draft import posting_from_role
from bot.render import to_markdown
from bot.roles.lookup import role_for

TODAY = dt.date(2026, 12, 1)
CLOSING = "2027-01-15"
CASES = Path(__file__).with_suffix(".yaml")
# The place and answers every generated sample role is drafted with.
GENERATED_ANSWERS = {
    "place": "Cleveland, OH",
    "workplace": "on-site",
    "type": "full-time",
    "company": "Harrow & Pine",
    "about": "Harrow & Pine is a family-owned company in Cleveland with 200 employees.",
    "team": "a team of six",
    "schedule": "Monday to Friday, 8 a.m. to 4:30 p.m.",
    "benefits": "Medical, dental and vision; 401(k) with a 4% match; 15 days of paid time off",
}


def _answers(case: dict[str, Any]) -> tuple[dict[str, Any], dict[str, str]]:
    company = case["company"]
    slug = company.lower().replace("&", "and").replace(".", "").replace(" ", "")
    answers = {
        "workplace": case["workplace"],
        "location": case["place"],
        "employment_type": case["type"],
        "level": case["level"],
        "pay": case["pay"],
        "benefits": case["benefits"],
        "team": case["team"],
        "schedule": case["schedule"],
        "how_to_apply": f"https://{slug}.example.com/careers",
        "next_steps": "We reply to everyone within a week; next come a phone call and a visit.",
        "contact": f"jobs@{slug}.example.com",
        "closing_date": CLOSING,
    }
    return answers, {"name": company, "url": f"https://{slug}.example.com", "about": case["about"]}


def _draft(case: dict[str, Any]) -> tuple[str, str]:
    role = role_for(case["role"])
    if role is None:
        raise SystemExit(f"no role for {case['role']}")
    answers, company = _answers(case)
    posting = posting_from_role(role, answers, organisation_defaults=company, today=TODAY)
    kind = "curated" if role.curated else "generated"
    place = "Remote (US)" if case["workplace"] == "remote" else case["place"]
    return to_markdown(posting), f"{posting.title} | {place} | {case['level']} | {kind}"


def _generated_cases(items: list[dict[str, str]]) -> list[dict[str, Any]]:
    cases = []
    for item in items:
        role = role_for(item["code"])
        if role is None or role.curated or role.posting is None:
            continue
        hourly = role.posting.pay_basis == "hour"
        pay = "$24-$29/hr" if hourly else "68k-82k"
        case = {**GENERATED_ANSWERS, "role": item["code"], "level": item["level"], "pay": pay}
        cases.append(case)
    return cases


def main() -> None:
    parser = argparse.ArgumentParser(description="Render a blind-read round's drafts.")
    parser.add_argument("out", type=Path)
    parser.add_argument("--generated", action="store_true", help="every generated sample role")
    args = parser.parse_args()
    data = yaml.safe_load(CASES.read_text(encoding="utf-8"))
    cases = _generated_cases(data["generated"]) if args.generated else data["round"]
    args.out.mkdir(parents=True, exist_ok=True)
    for number, case in enumerate(cases, start=1):
        text, line = _draft(case)
        (args.out / f"{number:02d}.md").write_text(text, encoding="utf-8")
        print(f"{number:02d} | {line}")


if __name__ == "__main__":
    main()
