"""`newjob pay TITLE [--location TEXT] [--json]`: what an occupation pays, where the job is.

Percentiles and mean, annual and hourly, for the best BLS OEWS area with data (metro, then state,
then national), naming the area, the SOC code used, the source and the release. Exit 2 with a
helpful line when no occupation matches the title; 1 when BLS publishes no wages for it.
"""

from __future__ import annotations

import argparse
import json
import sys
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from bot.catalog import PayReport


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "pay",
        help="pay percentiles for a job title (BLS OEWS, May 2025)",
        description="Pay percentiles for a job title in the best BLS OEWS area with data.",
    )
    parser.add_argument("title", nargs="+", metavar="TITLE", help="a job title or O*NET code")
    parser.add_argument("--location", metavar="TEXT", help='e.g. "Denver, CO", "Remote"')
    parser.add_argument("--json", action="store_true", help="print the report as JSON")
    parser.set_defaults(func=run)


def _table(report: PayReport) -> list[str]:
    if report.annual is None or report.hourly is None:
        return []
    annual = dict(report.annual.rows())
    hourly = dict(report.hourly.rows())
    lines = [f"  {'':<17}{'Annual':>16}{'Hourly':>16}"]
    for label in annual:
        lines.append(f"  {label:<17}{annual[label]:>16}{hourly[label]:>16}")
    return lines


def format_report(report: PayReport, matched: str = "") -> str:
    lines = [
        f"{report.title} (O*NET {report.code})" + (f", matched {matched!r}" if matched else "")
    ]
    if report.available:
        kind = {"metro": "metro area", "state": "state", "national": "national"}[
            report.area_type or "national"
        ]
        lines.append(f"  Area: {report.area_name} ({kind})")
        lines.append(f"  Source: {report.source}; SOC {report.soc} {report.soc_title}")
        if report.employment is not None:
            lines.append(f"  Employment: {report.employment:,}")
        elif report.employment_mark:
            lines.append("  Employment: not released")
        lines.extend(_table(report))
    for note in report.notes:
        lines.append(f"  Note: {note}")
    return "\n".join(lines)


def run(args: argparse.Namespace) -> int:
    from bot.roles.curated import RoleFileError

    try:
        return _run(args)
    except RoleFileError as exc:
        print(f"newjob pay: {exc}", file=sys.stderr)
        return 1


def _run(args: argparse.Namespace) -> int:
    from bot.catalog import get_catalog, pay_for
    from bot.roles.lookup import find_role

    title = " ".join(args.title)
    code = get_catalog().normalize_code(title)
    matched = ""
    also: list[str] = []
    if code is None:
        found = find_role(title)
        role = found.role
        if role is None or not role.onet_code:
            hint = f" Did you mean: {'; '.join(found.suggestions)}?" if found.suggestions else ""
            print(
                f"newjob pay: no occupation matches {title!r}.{hint} "
                "Try another wording or an O*NET code such as 15-1231.00.",
                file=sys.stderr,
            )
            return 2
        code = role.onet_code
        best = found.resolution.best
        matched = best.matched if best else role.title
        # Other occupations sharing the title are worth a word even when the curated role
        # is clearly meant (the resolution's own flag, not whether to ask).
        if found.ambiguous or found.resolution.ambiguous:
            also = [f"{a.code} {a.title}" for a in found.alternatives[:2] if a.code]
    report = pay_for(code, args.location)
    if args.json:
        data = report.model_dump(mode="json")
        data["query"] = title
        data["matched"] = matched
        data["also_matches"] = also
        print(json.dumps(data, ensure_ascii=False))
    else:
        print(format_report(report, matched))
        if also:
            print("  Also matches: " + "; ".join(also) + " (pass the code to choose)")
    return 0 if report.available else 1
