"""`newjob roles search [QUERY] [--json] [--limit N]` and `newjob roles show CODE|TITLE`.

`search` ranks occupations for a typed title. With `--json` it prints one object a query,
`{"query": str, "matches": [{"code", "title", "score", "matched", "via"}, …], "ambiguous": bool,
"suggestions": [str, …]}`, best first; with no QUERY it reads queries from standard input, one a
line, and writes one JSON line (or one block of text) each. `show` prints the merged role for a
code, a role id or a title: the curated file first, then what O*NET 29.3 and BLS OEWS add, each
fact with its source.
"""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from typing import TYPE_CHECKING, Any

from bot.text import say

if TYPE_CHECKING:
    from bot.catalog import Resolution
    from bot.roles.template import RoleTemplate

WIDTH = 100


def register(commands: Any) -> None:
    parser = commands.add_parser(
        "roles",
        help="search the occupation catalogue and show roles",
        description="Search the occupation catalogue (O*NET 29.3) and show merged roles.",
    )
    actions = parser.add_subparsers(dest="roles_command", metavar="ACTION")
    search = actions.add_parser(
        "search",
        help="rank occupations for a typed job title",
        description="Rank occupations for a typed job title. Without QUERY, read one query a "
        "line from standard input.",
    )
    search.add_argument("query", nargs="*", metavar="QUERY", help="a job title as people type it")
    search.add_argument("--json", action="store_true", help="one JSON object a query")
    search.add_argument(
        "--limit", type=_limit, default=5, metavar="N", help=say("cli.roles.limit_help")
    )
    search.set_defaults(func=run_search)
    show = actions.add_parser(
        "show",
        help="show the merged role for a code, role id or title",
        description="Show a role: the curated file over the O*NET catalogue, with sources.",
    )
    show.add_argument(
        "key", nargs="+", metavar="CODE|TITLE", help="15-1231.00, a role id or a title"
    )
    show.add_argument("--json", action="store_true", help='the whole role as JSON, with "curated"')
    show.set_defaults(func=run_show)
    parser.set_defaults(func=lambda args: _usage(parser))


def _limit(value: str) -> int:
    """A --limit of 1 or more; anything else is a usage error (exit 2), not a traceback."""
    try:
        limit = int(value)
    except ValueError:
        limit = 0
    if limit < 1:
        raise argparse.ArgumentTypeError(say("cli.roles.bad_limit", value=value))
    return limit


def _usage(parser: argparse.ArgumentParser) -> int:
    parser.print_help(sys.stderr)
    return 2


def _text(resolution: Resolution) -> str:
    lines = [f"{resolution.query!r}:"]
    if not resolution.matches:
        lines.append("  no occupation matches.")
        if resolution.suggestions:
            lines.append("  Did you mean: " + "; ".join(resolution.suggestions) + "?")
        return "\n".join(lines)
    for number, match in enumerate(resolution.matches, 1):
        how = f'{match.via} "{match.matched}"'
        if match.role_id:
            how += f"; curated role {match.role_id}"
        lines.append(f"  {number}. {match.code}  {match.title}  {match.score:.2f}  ({how})")
    if resolution.ambiguous and len(resolution.matches) > 1:
        first, second = resolution.matches[0], resolution.matches[1]
        lines.append("  " + say("cli.roles.ambiguous", first=first.code, second=second.code))
    elif resolution.ambiguous:
        # The close second is there, but past --limit.
        lines.append("  " + say("cli.roles.ambiguous_hidden"))
    return "\n".join(lines)


def _role_file_error(command: str, exc: Exception) -> int:
    print(f"newjob {command}: {exc}", file=sys.stderr)
    return 1


def run_search(args: argparse.Namespace) -> int:
    from bot.roles.curated import RoleFileError

    try:
        return _search(args)
    except RoleFileError as exc:
        return _role_file_error("roles search", exc)


def _search(args: argparse.Namespace) -> int:
    from bot.catalog import resolve

    limit = args.limit
    queries = [" ".join(args.query)] if args.query else (line.rstrip("\r\n") for line in sys.stdin)
    for query in queries:
        resolution = resolve(query, limit=limit)
        if args.json:
            print(json.dumps(resolution.json_dict(), ensure_ascii=False))
        else:
            print(_text(resolution))
        sys.stdout.flush()
    return 0


def _wrap(label: str, text: str, indent: int = 2) -> str:
    return textwrap.fill(
        text,
        width=WIDTH,
        initial_indent=" " * indent + f"{label}: ",
        subsequent_indent=" " * (indent + 4),
    )


def _bullets(items: list[str], limit: int) -> list[str]:
    out = [
        textwrap.fill(item, width=WIDTH, initial_indent="    - ", subsequent_indent="      ")
        for item in items[:limit]
    ]
    if len(items) > limit:
        out.append(f"    … and {len(items) - limit} more")
    return out


def describe_role(role: RoleTemplate) -> str:
    """A readable summary of a merged role, each section with its source."""
    from bot.catalog import get_catalog

    def cite(field: str) -> str:
        source = role.source_for(field)
        return f" [{source.citation}]" if source else ""

    catalog = get_catalog()
    head = role.title
    if role.curated:
        head += f"  (curated role {role.id})"
    else:
        head += f"  (from the catalogue, role {role.id})"
    lines = [head]
    if role.onet_code:
        lines.append(f"  O*NET {role.onet_code}: {catalog.title(role.onet_code) or '?'}")
    if role.aliases:
        lines.append(_wrap("Also called", ", ".join(role.aliases)))
    if role.summary:
        lines.append(_wrap("Summary", role.summary + cite("summary")))
    for field, label, limit in (
        ("duties", "Duties", 10),
        ("skills", "Skills", 10),
        ("qualifications", "Qualifications", 10),
        ("qualities", "Qualities", 10),
        ("tasks", "Tasks", 8),
    ):
        items: list[str] = getattr(role, field)
        if items:
            lines.append(f"  {label}{cite(field)}:")
            lines.extend(_bullets(items, limit))
    if role.technology:
        names = [t.name + (" (hot)" if t.hot else "") for t in role.technology[:15]]
        more = f", … {len(role.technology) - 15} more" if len(role.technology) > 15 else ""
        lines.append(_wrap("Technology" + cite("technology"), ", ".join(names) + more))
    if role.knowledge:
        lines.append(_wrap("Knowledge" + cite("knowledge"), ", ".join(role.knowledge)))
    if role.work_styles:
        lines.append(_wrap("Work styles" + cite("work_styles"), ", ".join(role.work_styles)))
    if role.education:
        lines.append(_wrap("Education", role.education + cite("education")))
    if role.education_levels:
        shares = ", ".join(f"{e.level} {e.percent:.0f}%" for e in role.education_levels[:5])
        lines.append(_wrap("Education levels" + cite("education_levels"), shares))
    if role.experience:
        lines.append(_wrap("Experience", role.experience + cite("experience")))
    if role.job_zone:
        occupation = catalog.occupation(role.onet_code) if role.onet_code else None
        name = occupation.job_zone.name if occupation and occupation.job_zone else ""
        lines.append(f"  Job zone{cite('job_zone')}: {role.job_zone} {name}".rstrip())
    for benchmark in role.pay:
        source = role.source_by_id(benchmark.source)
        where = source.citation if source else benchmark.source
        lines.append(
            f"  Pay ({benchmark.kind}, {benchmark.area}): {benchmark.currency} "
            f"{benchmark.figure:,.0f} a {benchmark.period} [{where}]"
        )
    if role.related_codes:
        related = [f"{c} {catalog.title(c) or ''}".strip() for c in role.related_codes[:6]]
        lines.append(_wrap("Related" + cite("related_codes"), "; ".join(related)))
    for note in role.notes:
        lines.append(_wrap("Note", note))
    if role.source_list:
        lines.append("  Sources:")
        for source in role.source_list:
            detail = f"{source.title}, {source.publisher}"
            if source.licence:
                detail += f", {source.licence}"
            if source.url:
                detail += f", {source.url}"
            lines.append(
                textwrap.fill(
                    detail,
                    width=WIDTH,
                    initial_indent=f"    [{source.id}] ",
                    subsequent_indent="      ",
                )
            )
    return "\n".join(lines)


def run_show(args: argparse.Namespace) -> int:
    from bot.roles.curated import RoleFileError

    try:
        return _show(args)
    except RoleFileError as exc:
        return _role_file_error("roles show", exc)


def _show(args: argparse.Namespace) -> int:
    from bot.roles.lookup import find_role, role_for

    key = " ".join(args.key)
    role = role_for(key)
    note = ""
    if role is None:
        found = find_role(key)
        role = found.role
        if role is None:
            hint = f" Did you mean: {'; '.join(found.suggestions)}?" if found.suggestions else ""
            print(
                f"newjob roles show: no role or occupation matches {key!r}.{hint}", file=sys.stderr
            )
            return 2
        if found.ambiguous and found.alternatives:
            alt = found.alternatives[0]
            note = f"(also close: {alt.code or alt.key} {alt.title}; pass a code to choose)"
    if args.json:
        print(json.dumps(role.model_dump(mode="json", by_alias=True), ensure_ascii=False))
        return 0
    print(describe_role(role))
    if note:
        print(note)
    return 0
