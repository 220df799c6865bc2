"""`newjob roles search`, `newjob roles show` and `newjob pay`, run through bot.cli.main."""

from __future__ import annotations

import io
import json
import subprocess
import sys

import pytest

from bot.cli import main


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_search_json_puts_the_network_technician_first(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "roles", "search", "netwrok tech", "--json")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert len(lines) == 1
    data = json.loads(lines[0])
    assert data["query"] == "netwrok tech"
    first = data["matches"][0]
    assert first["code"] == "15-1231.00"
    assert first["title"] == "Computer Network Support Specialists"
    assert isinstance(first["score"], float) and 0 < first["score"] <= 1
    scores = [m["score"] for m in data["matches"]]
    assert scores == sorted(scores, reverse=True)
    assert len(data["matches"]) <= 5


def test_search_words_need_no_quotes_and_limit_works(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "roles", "search", "network", "technician", "--json", "--limit", "2")
    assert code == 0
    data = json.loads(out)
    assert [m["code"] for m in data["matches"]] == ["15-1231.00", "49-2022.00"]
    assert data["ambiguous"] is True


def test_search_reads_stdin_one_json_line_a_query(
    capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("RN\nbarista\n\nasdfgh\n"))
    code, out, _ = run(capsys, "roles", "search", "--json")
    assert code == 0
    results = [json.loads(line) for line in out.splitlines()]
    assert [r["query"] for r in results] == ["RN", "barista", "", "asdfgh"]
    assert results[0]["matches"][0]["code"] == "29-1141.00"
    assert results[1]["matches"][0]["code"] == "35-3023.01"
    assert results[2]["matches"] == [] and results[3]["matches"] == []


def test_search_text_output(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "roles", "search", "network technician")
    assert code == 0
    assert "1. 15-1231.00  Computer Network Support Specialists  1.00" in out
    assert "curated role network_technician" in out
    assert "Ambiguous: 15-1231.00 or 49-2022.00?" in out
    code, out, _ = run(capsys, "roles", "search", "asdfgh")
    assert code == 0 and "no occupation matches" in out


def test_show_a_curated_role_with_its_sources(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "roles", "show", "15-1231.00")
    assert (code, err) == (0, "")
    assert out.startswith("Network Technician  (curated role network_technician)")
    assert "O*NET 15-1231.00: Computer Network Support Specialists" in out
    assert "[Indeed, “Network Technician Job Description" in out
    assert "Tasks [This product includes information from the O*NET 29.3 Database" in out
    assert "(hot)" in out
    assert "USD 76,220 a year [BLS OEWS, May 2025]" in out
    assert "[onet-29.3] O*NET 29.3 Database" in out


def test_show_by_title_builds_from_the_catalogue(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "roles", "show", "mechanical", "engineer")
    assert code == 0
    assert out.startswith("Mechanical Engineer  (from the catalogue, role onet-17-2141-00)")
    assert "Summary: Perform engineering duties" in out


def test_show_a_curated_role_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "roles", "show", "registered", "nurse")
    assert code == 0
    assert out.startswith("Registered Nurse  (curated role registered_nurse)")
    code, out, _ = run(capsys, "roles", "show", "29-1141.00", "--json")
    assert code == 0 and json.loads(out)["curated"] is True


def test_show_unknown_exits_2(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "roles", "show", "asdfgh")
    assert code == 2 and out == ""
    assert "no role or occupation matches 'asdfgh'" in err


def test_roles_without_an_action_prints_usage(capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "roles")
    assert code == 2 and "search" in err


def test_pay_in_denver_names_area_source_and_release(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "pay", "network technician", "--location", "Denver, CO")
    assert (code, err) == (0, "")
    assert "Area: Denver-Aurora-Centennial, CO (metro area)" in out
    assert "BLS OEWS, May 2025" in out
    assert "SOC 15-1231 Computer Network Support Specialists" in out
    assert "Employment: 3,580" in out
    median = next(line for line in out.splitlines() if line.strip().startswith("median"))
    assert "$82,750" in median and "$39.78" in median
    assert "Also matches: 49-2022.00" in out


def test_pay_json(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "pay", "registered nurse", "--json")
    assert code == 0
    data = json.loads(out)
    assert data["code"] == "29-1141.00"
    assert data["area_name"] == "United States"
    assert data["source"] == "BLS OEWS, May 2025"
    assert data["annual"]["median"] == {"value": 97550.0, "mark": ""}
    assert data["query"] == "registered nurse"


def test_pay_outside_the_us_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "pay", "barista", "--location", "Toronto, ON, Canada")
    assert code == 0
    assert "Area: United States (national)" in out
    assert "United States only" in out


def test_pay_for_an_unknown_title_exits_2_with_help(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "pay", "asdfgh")
    assert code == 2 and out == ""
    assert err.startswith("newjob pay: no occupation matches 'asdfgh'.")
    assert "15-1231.00" in err


def test_pay_for_an_occupation_bls_does_not_cover_exits_1(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "pay", "55-1011.00")
    assert code == 1
    assert "no wage estimates" in out


def newjob(*argv: str) -> subprocess.CompletedProcess[str]:
    """`newjob …` in a process of its own, as a person types it."""
    return subprocess.run(
        [sys.executable, "-m", "bot.cli", *argv],
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_search_limit_1_on_an_ambiguous_title_prints_one_match(
    capsys: pytest.CaptureFixture[str],
) -> None:
    """`nurse` is ambiguous; with --limit 1 only the best match is shown, and the note about
    the others says how to see them (it used to end in an IndexError)."""
    code, out, err = run(capsys, "roles", "search", "--limit", "1", "nurse")
    assert (code, err) == (0, "")
    assert "1. 29-1141.00  Registered Nurses" in out
    assert "2." not in out
    assert "--limit 2" in out
    code, out, _ = run(capsys, "roles", "search", "--limit", "1", "--json", "nurse")
    data = json.loads(out)
    assert len(data["matches"]) == 1 and data["ambiguous"] is True


@pytest.mark.parametrize("limit", ["0", "-5", "two"])
def test_search_refuses_a_limit_below_1(limit: str) -> None:
    """--limit 0 used to be taken as 1 (and 0 or -5 on an ambiguous title as a traceback)."""
    for query in ("nurse", "barista"):
        done = newjob("roles", "search", "--limit", limit, query)
        assert done.returncode == 2, done.stderr
        assert done.stdout == ""
        assert "Traceback" not in done.stderr
        assert f"--limit: “{limit}” is not a number of matches: give 1 or more" in done.stderr
