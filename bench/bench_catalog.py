"""Benchmark of the occupation catalogue: load time, title resolution, pay lookup, memory.

    python bench/bench_catalog.py

prints a table of figures (no asserts). `run()` returns the same figures as a dict for a bench
runner. Targets from the issue: load under 1 s, resolution p99 under 5 ms warm, under 150 MB of
extra memory.
"""

from __future__ import annotations

import gc
import os
import resource
import statistics
import sys
import time
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
if str(REPO) not in sys.path:
    sys.path.insert(0, str(REPO))

QUERIES = [
    "network technician",
    "netwrok tech",
    "registered nurse",
    "RN",
    "registered nurses",
    "Sr. Software Eng",
    "senior software engineer",
    "CDL driver - OTR",
    "HVAC tech (night shift)",
    "QA engineer",
    "CPA",
    "CNA",
    "LPN",
    "warehouse associate",
    "barista",
    "cashier",
    "Cashier - part time",
    "forklift operator",
    "fork lift driver",
    "truck driver",
    "customer service rep",
    "admin assistant",
    "HR manager",
    "sys admin",
    "pharm tech",
    "vet tech",
    "medical assistant",
    "dental hygienist",
    "electritian",
    "acountant",
    "recepsionist",
    "jaintor",
    "plumer",
    "Junior Accountant",
    "Accountant II",
    "Help Desk Technician Tier 1",
    "Lead Electrician",
    "Nurse - Night Shift - Denver, CO",
    "Warehouse Associate - 2nd shift ($18/hr)",
    "Registered Nurse (remote)",
    "machine operator helper",
    "production worker",
    "technician",
    "manager",
    "engineer",
    "teacher",
    "data scientist",
    "machine learning engineer",
    "store manager",
    "shift lead",
    "sales rep",
    "cook, fast food",
    "Rockstar Ninja Developer",
    "asdfgh",
    "",
    "🙂",
    "x" * 5000,
]

PAY_CASES = [
    ("15-1231.00", "Denver, CO"),
    ("15-1231.00", None),
    ("29-1141.00", "San Jose, California"),
    ("29-1141.00", "NYC"),
    ("41-2011.00", "Colorado"),
    ("35-3023.01", "Remote"),
    ("11-1011.00", "Denver, CO"),
    ("53-3032.00", "Toronto, ON, Canada"),
    ("47-2111.00", "Portland"),
    ("43-4051.00", "Austin TX"),
    ("29-2011.00", "Boston, MA"),
    ("13-2011.00", "Springfield"),
]


def _rss_mb() -> float:
    """Resident memory now (Linux), else the peak so far."""
    try:
        with open("/proc/self/statm", encoding="ascii") as handle:
            pages = int(handle.read().split()[1])
        return pages * os.sysconf("SC_PAGE_SIZE") / 1e6
    except (OSError, ValueError):
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        return peak / 1e6 if sys.platform == "darwin" else peak / 1e3


def _percentile(values: list[float], fraction: float) -> float:
    ordered = sorted(values)
    index = min(len(ordered) - 1, max(0, round(fraction * (len(ordered) - 1))))
    return ordered[index]


def run(rounds: int = 20) -> dict[str, float]:
    """Measure and return the figures (seconds as ms where named *_ms, memory in MB)."""
    # Import everything first so that import time is not counted as loading.
    from bot.catalog import pay_for
    from bot.catalog.resolve import get_resolver
    from bot.catalog.store import _load, get_catalog
    from bot.roles.curated import load_curated_roles

    _load.cache_clear()  # measure a real load even if something loaded the catalogue before

    gc.collect()
    rss_before = _rss_mb()

    started = time.perf_counter()
    catalog = get_catalog()
    load = time.perf_counter() - started

    started = time.perf_counter()
    load_curated_roles()
    resolver = get_resolver(catalog)
    index = time.perf_counter() - started

    started = time.perf_counter()
    resolver.resolve("network technician")
    first_query = time.perf_counter() - started

    for query in QUERIES:  # warm up caches (typo corrections)
        resolver.resolve(query)
    resolve_times: list[float] = []
    for _ in range(rounds):
        for query in QUERIES:
            started = time.perf_counter()
            resolver.resolve(query)
            resolve_times.append(time.perf_counter() - started)

    # The first pay lookup opens the pay data; later ones read cached SOC blocks.
    started = time.perf_counter()
    pay_for(*PAY_CASES[0])
    pay_first = time.perf_counter() - started
    for code, location in PAY_CASES:
        pay_for(code, location)
    pay_times: list[float] = []
    for _ in range(rounds):
        for code, location in PAY_CASES:
            started = time.perf_counter()
            pay_for(code, location)
            pay_times.append(time.perf_counter() - started)

    rss_after = _rss_mb()
    return {
        "load_ms": load * 1000,
        "index_ms": index * 1000,
        "load_total_ms": (load + index) * 1000,
        "first_query_ms": first_query * 1000,
        "resolve_p50_ms": statistics.median(resolve_times) * 1000,
        "resolve_p99_ms": _percentile(resolve_times, 0.99) * 1000,
        "resolve_max_ms": max(resolve_times) * 1000,
        "pay_first_ms": pay_first * 1000,
        "pay_p50_ms": statistics.median(pay_times) * 1000,
        "pay_p99_ms": _percentile(pay_times, 0.99) * 1000,
        "extra_rss_mb": rss_after - rss_before,
        "queries": float(len(resolve_times)),
    }


LABELS = {
    "load_ms": ("catalogue load (occupations file)", "ms", "< 1000 with the index"),
    "index_ms": ("title index + curated roles", "ms", ""),
    "load_total_ms": ("load, total", "ms", "< 1000"),
    "first_query_ms": ("first resolution", "ms", ""),
    "resolve_p50_ms": ("resolution p50 (warm)", "ms", ""),
    "resolve_p99_ms": ("resolution p99 (warm)", "ms", "< 5"),
    "resolve_max_ms": ("resolution max (warm)", "ms", ""),
    "pay_first_ms": ("first pay lookup (opens pay data)", "ms", ""),
    "pay_p50_ms": ("pay lookup p50 (warm)", "ms", ""),
    "pay_p99_ms": ("pay lookup p99 (warm)", "ms", ""),
    "extra_rss_mb": ("extra resident memory", "MB", "< 150"),
    "queries": ("timed resolutions", "", ""),
}


def main() -> int:
    figures = run()
    print(f"{'catalogue benchmark':<36}{'value':>12}  {'unit':<4}  target")
    for key, value in figures.items():
        label, unit, target = LABELS.get(key, (key, "", ""))
        shown = f"{value:,.0f}" if key == "queries" else f"{value:,.2f}"
        print(f"{label:<36}{shown:>12}  {unit:<4}  {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
