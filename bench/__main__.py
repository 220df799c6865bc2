"""`make bench`: every benchmark, a table of the figures against their goals, then one JSON line.

    python -m bench                          # run them all
    python -m bench --readme README.md       # ... and write them into its performance section
    python -m bench --from-json FILE --readme README.md   # write an earlier run's JSON line

The README section is what lies between `<!-- bench:start -->` and `<!-- bench:end -->`.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench import (  # noqa: E402
    bench_ack,
    bench_catalog,
    bench_checks,
    bench_faq,
    bench_ops,
    bench_startup,
    report,
)

# (name, prefix for its figures, how to run it); the in-process ones first, on a quiet machine.
BENCHES: list[tuple[str, str, Callable[[], dict[str, float]]]] = [
    ("catalogue", "catalog_", bench_catalog.run),
    ("checks", "checks_", bench_checks.run),
    ("faq", "", bench_faq.run),
    ("operations", "", bench_ops.run),
    ("start-up", "", bench_startup.run),
    ("acknowledgement", "", bench_ack.run),
]


def measure() -> dict[str, float]:
    figures: dict[str, float] = {}
    for name, prefix, run in BENCHES:
        started = time.perf_counter()
        print(f"running {name} ...", file=sys.stderr, flush=True)
        found = run()
        figures.update({f"{prefix}{key}": round(float(value), 3) for key, value in found.items()})
        print(f"  {name}: {time.perf_counter() - started:.0f} s", file=sys.stderr, flush=True)
    return figures


def _from_json(path: Path) -> tuple[dict[str, float], dict[str, Any]]:
    """The figures and machine of an earlier run: its last JSON line."""
    lines = [line for line in path.read_text().splitlines() if line.startswith("{")]
    data = json.loads(lines[-1])
    where = data.pop("machine", report.machine())
    return {key: float(value) for key, value in data.items()}, where


def main() -> int:
    parser = argparse.ArgumentParser(prog="python -m bench", description=__doc__.splitlines()[0])
    parser.add_argument("--readme", type=Path, help="write the figures into this README's section")
    parser.add_argument("--from-json", type=Path, help="use an earlier run's output, don't measure")
    args = parser.parse_args()
    if args.from_json:
        figures, where = _from_json(args.from_json)
    else:
        figures, where = measure(), report.machine()
    print(report.table(figures))
    if args.readme:
        if report.write_readme(args.readme, figures, where):
            print(f"wrote the figures into {args.readme}", file=sys.stderr)
        else:
            print(
                f"{args.readme}: no {report.START} ... {report.END} section; nothing written",
                file=sys.stderr,
            )
    print(json.dumps({**figures, "machine": where}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
