"""`newjob draft`: what it prints for each format, and how it refuses what it cannot use."""

from __future__ import annotations

import datetime as dt
import json
import re
from pathlib import Path

import pytest
from slack_sdk.models.blocks import Block

from bot.cli import main
from bot.posting import Pay, Posting
from bot.posting.draft import ANSWER_KEYS
from bot.roles.curated import load_curated_roles
from bot.roles.template import RolePosting

# Reference material: for the manager, never in what `newjob draft` prints as the posting.
REFERENCE = re.compile(
    r"\bSources?:|Partly from|Typical pay|\$54,683|\bIndeed\b|\bBLS\b|\bOEWS\b|\bmedian\b|"
    r"percentile|%|Many employers"
)
CLOSING = (dt.date.today() + dt.timedelta(days=45)).isoformat()
COMPLETE = (
    "company: Acme Networks\n"
    "workplace: on-site\n"
    "location: Denver, CO\n"
    "employment_type: full-time\n"
    "level: mid\n"
    "salary: 55k-65k\n"
    "benefits:\n  - Health insurance\n  - Training budget\n"
    "team: our IT operations team\n"
    "how_to_apply: jobs@acme.example\n"
    f"closing_date: {CLOSING}\n"
)


@pytest.fixture(scope="module")
def content() -> RolePosting:
    posting = load_curated_roles()["network_technician"].posting
    assert posting is not None
    return posting


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(["draft", *argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_markdown_draft_from_the_role_alone(
    capsys: pytest.CaptureFixture[str], content: RolePosting
) -> None:
    code, out, err = run(capsys, "network technician", "--format", "markdown")
    assert (code, err) == (0, "")
    assert out.startswith("# Network Technician\n")
    assert "We're hiring an entry-level Network Technician." in out
    for duty in content.entry_duties:
        assert f"- {duty}\n" in out
    for must in content.must_haves:
        assert f"- {must}\n" in out
    assert "## What you'll do" in out and "## What you bring" in out
    assert "[to fill in: Pay]" in out
    assert REFERENCE.search(out) is None


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
    # Entry level by default: the text asks no years, and neither does the structured data.
    assert "experienceRequirements" not in data


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


def test_answers_fill_in_the_draft(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], content: RolePosting
) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(COMPLETE, encoding="utf-8")
    code, out, err = run(capsys, "network tech", "--answers", str(answers), "--format", "json")
    assert (code, err) == (0, "")
    posting = Posting.model_validate_json(out)
    assert posting.missing() == []
    assert posting.organisation.name == "Acme Networks"
    assert posting.pay == Pay(minimum=55_000, maximum=65_000, period="year")
    assert posting.benefits == ["Health insurance", "Training budget"]
    assert posting.level == "mid"
    assert posting.years_experience == 2
    assert posting.responsibilities == content.duties
    assert posting.summary.startswith(
        "Acme Networks is hiring a Network Technician to join our IT operations team in Denver, CO."
    )
    code, out, _ = run(capsys, "network tech", "--answers", str(answers))
    assert "to fill in" not in out
    assert "**Acme Networks · Denver, CO (on-site) · Full-time · $55,000 – $65,000 a year**" in out
    assert "\n- 2+ years of experience as a Network Technician" in out


@pytest.mark.parametrize("fmt", ["markdown", "html", "text", "slack", "jsonld", "json"])
def test_a_complete_draft_holds_no_reference_material(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], fmt: str
) -> None:
    answers = tmp_path / "answers.yaml"
    answers.write_text(COMPLETE, encoding="utf-8")
    code, out, err = run(capsys, "network technician", "--answers", str(answers), "--format", fmt)
    assert (code, err) == (0, "")
    if fmt == "slack":
        # Local market pay is for the manager: a context block after the posting, nowhere else.
        blocks = json.loads(out)
        posting_blocks = [block for block in blocks if block["type"] != "context"]
        out = json.dumps(posting_blocks, ensure_ascii=False)
        [note] = [b for b in blocks if b["type"] == "context"]
        assert blocks[-1] is note
        assert "For you, not the posting" in note["elements"][0]["text"]
        assert "BLS OEWS" in note["elements"][0]["text"]
    found = REFERENCE.search(out)
    assert found is None, out[max(0, found.start() - 80) : found.end() + 80]
    assert "to fill in" not in out
    assert "For you, not the posting" not in out


def test_answers_may_be_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"wage": "28/hr", "workplace": "remote"}), "utf-8")
    code, out, _ = run(
        capsys, "network technician", "--answers", str(answers), "--format", "jsonld"
    )
    assert code == 0
    data = json.loads(out)
    assert data["jobLocationType"] == "TELECOMMUTE"
    assert data["applicantLocationRequirements"] == [{"@type": "Country", "name": "US"}]
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


def test_titles_resolve_through_the_catalogue(
    capsys: pytest.CaptureFixture[str], content: RolePosting
) -> None:
    code, out, _ = run(capsys, "netwrk technican", "--format", "markdown")
    assert code == 0 and content.entry_duties[0] in out  # a typo still finds the curated role
    code, out, _ = run(capsys, "registered nurse", "--format", "jsonld")
    assert code == 0
    assert json.loads(out)["occupationalCategory"] == "29-1141.00"


@pytest.mark.parametrize("title", ["infantry", "computer occupations, all other"])
def test_an_occupation_without_tasks_never_ends_in_a_traceback(
    capsys: pytest.CaptureFixture[str], title: str
) -> None:
    # O*NET lists no tasks for the "All Other" and military codes; the command still answers
    # with a posting or with one line saying why it can't.
    code, out, err = run(capsys, title)
    assert code in (0, 2), err
    if code == 2:
        assert out == "" and err.count("\n") == 1
    else:
        assert out.startswith("# ")


def test_help_names_the_answer_keys(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exited:
        main(["draft", "--help"])
    assert exited.value.code == 0
    out = " ".join(capsys.readouterr().out.split())
    for name in ANSWER_KEYS:
        assert name in out, name


@pytest.mark.parametrize(
    ("content", "words"),
    [
        ("pay: 70k-60k\n", "Pay: the minimum ($70,000) is more than the maximum ($60,000)."),
        ("salary: 70k-60k\n", "Pay: the minimum ($70,000) is more than the maximum ($60,000)."),
        ("pay: competitive\n", "Pay: “competitive” doesn't say what the job pays"),
        ("closing_date: 2001-01-01\n", "Closing date: the closing date (2001-01-01) must come"),
        ("closing_date: someday\n", "Closing date: I couldn't read “someday” as a date"),
        ("how_to_apply: call Bob\n", "How to apply: “call Bob” is neither a web address"),
        ("location: Remote (Narnia)\n", "Location: I don't know “Narnia”"),
        ("employment_type: sometimes\n", "Employment type: I couldn't tell"),
        ("years_experience: many\n", "Years of experience: give a number of years"),
        ("level: wizard\n", "say entry, mid, senior or lead."),
        ("workplace: underwater\nlocation: Denver, CO\n", "“underwater” isn't a workplace type"),
        ("colour: red\n", "“colour” isn't a field of a posting. Use one of: company, workplace,"),
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
    code, out, _ = run(capsys, "network technician")
    assert "Acme Networks is hiring an entry-level Network Technician." in out
    monkeypatch.setenv("NEWJOB_COMPANY_URL", "acme dot example")
    code, out, err = run(capsys, "network technician")
    assert code == 2
    assert err.startswith("newjob draft: Company: “acme dot example” isn't a web address")
    assert err.count("\n") == 1
