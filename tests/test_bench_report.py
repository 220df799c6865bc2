"""The benchmark report: the table against the goals, and the README section it rewrites."""

from __future__ import annotations

from pathlib import Path

from bench import report
from bench.load import percentile

FIGURES = {
    "ack_newjob_p99_ms": 412.0,
    "ack_ratio_p99": 11.66,
    "ack_newjob_max_ms": 1393.0,
    "resolve_title_p99_ms": 3.0,
    "startup_s": 1.07,
    "paced_ratio_p99": 0.98,
    "paced_newjob_p99_ms": 13.86,
    "paced_bare_p99_ms": 14.21,
    "ack_newjob_rps": 130.6,
    "ack_bare_rps": 1621.1,
}
WHERE = {
    "cpu": "Test CPU",
    "cores": 2,
    "memory_gb": 24.0,
    "python": "3.11.7",
    "system": "Linux",
    "date": "2026-11-28 02:00 UTC",
}


def test_the_table_says_which_goals_are_met_missed_or_not_measured() -> None:
    rows = {label: (shown, goal, met) for label, shown, goal, met in report.rows(FIGURES)}
    assert rows["Acknowledgement p99 at 32 connections"] == ("412 ms", "< 100 ms", "MISSED")
    assert rows["Acknowledgement p99, Newjob / bare Bolt"] == ("11.66×", "≤ 1.5×", "MISSED")
    assert rows["Title resolution p99"] == ("3.00 ms", "< 5 ms", "yes")
    assert rows["FAQ answer p99"] == ("not measured", "< 20 ms", "—")
    assert rows["Acknowledgement p99 at a steady rate, Newjob / bare"][0] == "0.98×"
    assert "MISSED" in report.table(FIGURES)


def test_the_readme_section_between_the_markers_is_replaced_and_nothing_else(
    tmp_path: Path,
) -> None:
    readme = tmp_path / "README.md"
    readme.write_text(
        f"# Newjob\n\n## Performance\n\n{report.START}\nold figures\n{report.END}\n\n## Next\n"
    )
    assert report.write_readme(readme, FIGURES, WHERE)
    text = readme.read_text()
    assert text.startswith("# Newjob\n\n## Performance\n\n<!-- bench:start -->\nMeasured 2026")
    assert text.endswith("<!-- bench:end -->\n\n## Next\n")
    assert "old figures" not in text
    assert "| Acknowledgement p99 at 32 connections | 412 ms | < 100 ms | MISSED |" in text
    assert "2 cores (Test CPU)" in text
    assert "p99 is 13.86 ms against the bare app's 14.21 ms (×0.98)" in text  # the miss explained
    # Written again, the section is replaced, not added to.
    assert report.write_readme(readme, FIGURES, WHERE)
    assert readme.read_text() == text


def test_no_section_no_change(tmp_path: Path) -> None:
    readme = tmp_path / "README.md"
    readme.write_text("# Newjob\n")
    assert not report.write_readme(readme, FIGURES, WHERE)
    assert readme.read_text() == "# Newjob\n"
    assert not report.write_readme(tmp_path / "missing.md", FIGURES, WHERE)


def test_percentiles_are_nearest_rank() -> None:
    samples = [float(n) for n in range(1, 101)]
    assert percentile(samples, 0.50) == 51.0
    assert percentile(samples, 0.99) == 99.0
    assert percentile([7.0], 0.99) == 7.0
