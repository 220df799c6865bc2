"""`newjob draft`: what it prints for each format, and how it refuses what it cannot use."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from slack_sdk.models.blocks import Block

from bot.cli import main
from bot.posting import Posting

CITATION = "Indeed, “Network Technician Job Description: Top Duties and Qualifications” (Sept 2023)"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["draft", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_markdown_draft_from_the_role_alone(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "network technician", "--format", "markdown")
    assert (code, err) == (0, "")
    assert out.startswith("# Network Technician\n")
    assert out.count("\n- ") >= 8 + 7  # eight duties, seven skills (and the key facts)
    assert "Design and install computer networks, their connections and cabling" in out
    assert "Manual dexterity for hands-on repairs and tests" in out
    [pay_line] = [line for line in out.splitlines() if "$54,683" in line]
    assert CITATION in pay_line
    assert "[to fill in: Pay]" in out


def test_markdown_is_the_default_and_titles_may_be_unquoted(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "Network", "Tech")
    assert code == 0
    assert out.startswith("# Network Technician\n")


def test_jsonld_is_valid_json_with_the_required_properties(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, _ = run(capsys, "network technician", "--format", "jsonld")
    assert code == 0
    data = json.loads(out)
    assert data["@type"] == "JobPosting"
    for name in ("title", "description", "datePosted", "hiringOrganization", "jobLocation"):
        assert data[name], name
    assert data["occupationalCategory"] == "15-1231.00"


def test_slack_is_a_block_list_slack_accepts(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "network technician", "--format", "slack")
    assert code == 0
    blocks = json.loads(out)
    assert isinstance(blocks, list)
    assert 0 < len(blocks) <= 50
    for block in blocks:
        assert Block.parse(block).to_dict() == block  # type: ignore[union-attr]


@pytest.mark.parametrize("fmt", ["html", "text", "json"])
def test_the_other_formats(capsys: pytest.CaptureFixture[str], fmt: str) -> None:
    code, out, _ = run(capsys, "network technician", "--format", fmt)
    assert code == 0
    assert "Network Technician" in out


def test_answers_fill_in_the_draft(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(
        "organisation: {name: Acme Networks, url: 'https://acme.example'}\n"
        "location: Denver, CO\n"
        "employment_type: full-time\n"
        "pay: 55k-65k\n"
        "closing_date: 2099-01-31\n"
        "how_to_apply: jobs@acme.example\n"
        "benefits:\n  - Health insurance\n  - Training budget\n",
        encoding="utf-8",
    )
    code, out, err = run(capsys, "network tech", "--answers", str(answers), "--format", "json")
    assert (code, err) == (0, "")
    posting = Posting.model_validate_json(out)
    assert posting.missing() == []
    assert posting.pay is not None and (posting.pay.minimum, posting.pay.maximum) == (55e3, 65e3)
    assert posting.benefits == ["Health insurance", "Training budget"]
    assert len(posting.responsibilities) == 8
    code, out, _ = run(capsys, "network tech", "--answers", str(answers))
    assert "to fill in" not in out


def test_answers_may_be_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"pay": "28/hr", "location": "Remote (US)"}), "utf-8")
    code, out, _ = run(
        capsys, "network technician", "--answers", str(answers), "--format", "jsonld"
    )
    assert code == 0
    data = json.loads(out)
    assert data["jobLocationType"] == "TELECOMMUTE"
    assert data["baseSalary"]["value"]["unitText"] == "HOUR"


def test_unknown_title_exits_2_naming_the_nearest_roles(
    capsys: pytest.CaptureFixture[str],
) -> None:
    code, out, err = run(capsys, "dragon tamer")
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1
    assert "“dragon tamer”" in err
    assert "Nearest roles I know: Animal Trainers" in err


def test_titles_resolve_through_the_catalogue(capsys: pytest.CaptureFixture[str]) -> None:
    code, out, _ = run(capsys, "netwrk technican", "--format", "markdown")
    assert code == 0 and "$54,683" in out  # a typo still finds the curated role
    code, out, _ = run(capsys, "registered nurse", "--format", "jsonld")
    assert code == 0
    assert json.loads(out)["occupationalCategory"] == "29-1141.00"


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("pay: 70k-60k\n", "Pay: the minimum ($70,000) is more than the maximum ($60,000)."),
        ("pay: competitive\n", "Pay: “competitive” doesn't say what the job pays"),
        ("closing_date: 2001-01-01\n", "Closing date: the closing date (2001-01-01) must come"),
        ("closing_date: someday\n", "Closing date: I couldn't read “someday” as a date"),
        ("how_to_apply: call Bob\n", "How to apply: “call Bob” is neither a web address"),
        ("location: Remote (Narnia)\n", "Location: I don't know “Narnia”"),
        ("employment_type: sometimes\n", "Employment type: I couldn't tell"),
        ("years_experience: many\n", "Years of experience: give a number of years"),
        ("salary: 50k\n", "“salary” isn't a field of a posting"),
        ("pay: [1\n", "isn't valid YAML (line 2)"),
        ("- just a list\n", "should map the posting's field names to answers"),
    ],
)
def test_invalid_answers_exit_2_with_the_field_and_reason(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: str, words: str
) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(content, encoding="utf-8")
    code, out, err = run(capsys, "network technician", "--answers", str(answers))
    assert code == 2
    assert out == ""
    assert err.count("\n") == 1, err
    assert err.startswith("newjob draft: ")
    assert words in err


def test_a_missing_answers_file_exits_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code, _, err = run(capsys, "network technician", "--answers", str(tmp_path / "nope.yaml"))
    assert code == 2
    assert "can't read the answers file" in err


def test_company_defaults_come_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("NEWJOB_COMPANY_NAME", "Acme Networks")
    monkeypatch.setenv("NEWJOB_COMPANY_URL", "https://acme.example")
    code, out, _ = run(capsys, "network technician", "--format", "jsonld")
    assert code == 0
    assert json.loads(out)["hiringOrganization"] == {
        "@type": "Organization",
        "name": "Acme Networks",
        "sameAs": "https://acme.example",
    }
    monkeypatch.setenv("NEWJOB_COMPANY_URL", "acme dot example")
    code, out, err = run(capsys, "network technician")
    assert code == 2
    assert err.startswith("newjob draft: Company: “acme dot example” isn't a web address")
    assert err.count("\n") == 1
