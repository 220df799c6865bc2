"""`newjob check FILE [--location TEXT] [--json]`, as design.md promises it."""

from __future__ import annotations

import io
import json
from pathlib import Path

import pytest

from bot.cli import main
from tests.checks_samples import DATA, TODAY, denver_posting

BIASED = str(DATA / "biased_new_york.md")
CLEAN = str(DATA / "clean_denver.md")
AT = ["--today", TODAY.isoformat()]


def test_a_biased_new_york_posting_fails_with_the_law_and_the_words(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["check", BIASED, "--json", *AT]) == 1
    out = json.loads(capsys.readouterr().out)
    findings = out["findings"]
    assert set(out) == {"findings"}
    for item in findings:
        assert set(item) == {"category", "severity", "message", "excerpt", "suggestion"}
    pay = [f for f in findings if f["category"] == "pay-transparency"]
    assert pay[0]["severity"] == "error"
    assert "New York" in pay[0]["message"]
    assert pay[0]["excerpt"].lower().startswith("competitive salary")
    gendered = [f for f in findings if f["category"] == "gendered-language"]
    said = " ".join(f["message"] for f in gendered)
    assert "“He” assumes" in said and "“guys” speaks to men" in said
    assert all(f["suggestion"] for f in gendered)
    exclusionary = {f["excerpt"] for f in findings if f["category"] == "exclusionary-language"}
    assert "Native English speaker" in exclusionary
    assert "U.S. citizens only" in exclusionary
    assert all(f["suggestion"] for f in findings if f["category"] == "exclusionary-language")


def test_a_clean_denver_posting_passes(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", CLEAN, "--json", *AT]) == 0
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert [f for f in findings if f["severity"] == "error"] == []


def test_the_listing_groups_by_severity_with_suggestions(
    capsys: pytest.CaptureFixture[str],
) -> None:
    assert main(["check", BIASED, *AT]) == 1
    out = capsys.readouterr().out
    first = out.splitlines()[0]
    assert first.split()[1] == "errors,"
    assert out.index("Errors (") < out.index("Warnings (")
    assert "Try: “fluent in English, spoken and written”" in out
    assert "[pay transparency]" in out


def test_the_clean_listing_says_so(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["check", CLEAN, *AT]) == 0
    assert "error" not in capsys.readouterr().out.split("\n")[0]


def test_location_option_decides_the_law(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    posting = tmp_path / "p.txt"
    posting.write_text("Technician\n\nFix the network. Competitive salary.\n", encoding="utf-8")
    assert main(["check", str(posting), "--location", "Austin, TX", "--json", *AT]) == 0
    assert main(["check", str(posting), "--location", "Seattle, WA", "--json", *AT]) == 1
    capsys.readouterr()


def test_a_posting_as_json_is_checked_field_by_field(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "posting.json"
    path.write_text(denver_posting().model_dump_json(), encoding="utf-8")
    assert main(["check", str(path), "--json", *AT]) == 0
    assert json.loads(capsys.readouterr().out) == {"findings": []}
    unpaid = tmp_path / "unpaid.json"
    unpaid.write_text(denver_posting(pay=None).model_dump_json(), encoding="utf-8")
    assert main(["check", str(unpaid), "--location", "Austin, TX", "--json", *AT]) == 0
    assert main(["check", str(unpaid), "--location", "New York, NY", "--json", *AT]) == 1
    capsys.readouterr()


def test_stdin_is_read_with_a_dash(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr("sys.stdin", io.StringIO("# Ninja\n\nLocation: Denver, CO\n"))
    assert main(["check", "-", "--json", *AT]) == 1
    findings = json.loads(capsys.readouterr().out)["findings"]
    assert "jargon" in {f["category"] for f in findings}


@pytest.mark.parametrize(
    "args",
    [
        ["check", "/no/such/file.md"],
        ["check", CLEAN, "--location", "Atlantis, XX, Nowhere, Far, Away"],
        ["check", CLEAN, "--today", "someday"],
    ],
)
def test_unreadable_input_exits_2_with_one_line(
    args: list[str], capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(args) == 2
    err = capsys.readouterr().err
    assert err.startswith("newjob check:")
    assert err.count("\n") == 1


def test_json_that_is_not_a_posting_exits_2(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    path = tmp_path / "bad.json"
    path.write_text('{"title": "", "colour": "red"}', encoding="utf-8")
    assert main(["check", str(path)]) == 2
    assert "is not a Posting" in capsys.readouterr().err


@pytest.mark.parametrize("content", ["", "  \n\n\t\n"])
@pytest.mark.parametrize("as_json", [False, True])
def test_an_empty_file_is_not_a_posting_that_passed(
    content: str, as_json: bool, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    """An empty file exited 0, as if the posting had passed; there is nothing to check."""
    empty = tmp_path / "posting.md"
    empty.write_text(content, encoding="utf-8")
    assert main(["check", str(empty), *(["--json"] if as_json else [])]) == 2
    out, err = capsys.readouterr()
    assert out == ""
    assert err.strip() == f"newjob check: {empty} is empty: there is no posting to check."
