"""The curated Network Technician role, and the message a broken role file gives."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
import yaml

from bot.paths import roles_dir
from bot.roles.curated import RoleFileError, load_curated_roles, load_role_file, load_roles_from
from bot.roles.template import RoleTemplate

CITATION = "Indeed, “Network Technician Job Description: Top Duties and Qualifications” (Sept 2023)"


@pytest.fixture(scope="module")
def role() -> RoleTemplate:
    return load_curated_roles()["network_technician"]


def test_network_technician_keeps_every_fact_of_its_page(role: RoleTemplate) -> None:
    assert role.title == "Network Technician"
    assert role.onet_code == "15-1231.00"
    assert len(role.duties) == 8
    assert len(role.skills) == 7
    assert len(role.faq) == 3
    assert {"network tech", "network maintenance technician"} <= set(role.aliases)
    assert role.summary and role.education and role.experience and role.daily_duties
    assert (role.min_years_experience, role.max_years_experience) == (5, 10)


def test_its_pay_figure_names_its_source(role: RoleTemplate) -> None:
    [benchmark] = role.pay
    assert (benchmark.figure, benchmark.period, benchmark.currency) == (54_683, "year", "USD")
    assert benchmark.kind == "average"
    assert benchmark.date == dt.date(2023, 9, 27)
    source = role.source_by_id(benchmark.source)
    assert source is not None
    assert source.publisher == "Indeed"
    assert source.citation == CITATION


def test_every_narrative_field_names_its_source(role: RoleTemplate) -> None:
    for field in ("summary", "duties", "skills", "education", "experience", "pay", "qualities"):
        source = role.source_for(field)
        assert source is not None, field
        assert source.citation == CITATION


def test_the_faq_answers_the_three_questions_of_the_page(role: RoleTemplate) -> None:
    answers = {entry.id: entry.answer for entry in role.faq}
    assert set(answers) == {"technician-vs-administrator", "typical-day", "qualities"}
    assert "entry-level" in answers["technician-vs-administrator"]
    assert "inventory" in answers["typical-day"]
    assert "investigative" in answers["qualities"]
    assert all(len(entry.questions) >= 2 for entry in role.faq)


def test_the_file_notes_the_entry_level_contradiction(role: RoleTemplate) -> None:
    assert any("entry-level" in note and "5 to 10 years" in note for note in role.notes)


# ----------------------------------------------------------------------- broken role files


def _valid() -> dict[str, object]:
    data = yaml.safe_load((roles_dir() / "network_technician.yaml").read_text(encoding="utf-8"))
    assert isinstance(data, dict)
    return data


def _message(path: Path) -> str:
    with pytest.raises(RoleFileError) as caught:
        load_role_file(path)
    return str(caught.value)


def test_a_copy_of_the_real_file_loads(tmp_path: Path) -> None:
    path = tmp_path / "copy.yaml"
    path.write_text(yaml.safe_dump(_valid(), allow_unicode=True), encoding="utf-8")
    assert load_role_file(path).id == "network_technician"


def test_yaml_syntax_error_names_the_file_and_line(tmp_path: Path) -> None:
    path = tmp_path / "broken.yaml"
    path.write_text("id: broken\ntitle: Broken\nduties:\n  - [unclosed\n", encoding="utf-8")
    message = _message(path)
    assert message.startswith("Role file broken.yaml: ")
    assert "not valid YAML" in message
    assert "line " in message


def test_wrong_type_names_the_file_the_field_and_the_problem(tmp_path: Path) -> None:
    data = _valid()
    data["duties"] = "install networks"
    path = tmp_path / "wrong_type.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    message = _message(path)
    assert message.startswith("Role file wrong_type.yaml: ")
    assert "field 'duties'" in message
    assert "valid list" in message


def test_a_nested_wrong_type_names_the_full_field(tmp_path: Path) -> None:
    data = _valid()
    data["pay"] = [{"figure": "a lot", "source": "indeed-2023"}]
    path = tmp_path / "pay.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    message = _message(path)
    assert "field 'pay.0.figure'" in message
    assert "valid number" in message


def test_an_unknown_source_id_names_the_field_and_the_id(tmp_path: Path) -> None:
    data = _valid()
    data["sources"] = {"duties": "nowhere-2020"}
    path = tmp_path / "sources.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    message = _message(path)
    assert message.startswith("Role file sources.yaml: ")
    assert "field 'sources.duties'" in message
    assert "'nowhere-2020'" in message
    assert "not in source_list" in message


def test_an_unknown_pay_source_names_its_field(tmp_path: Path) -> None:
    data = _valid()
    data["pay"] = [{"figure": 50_000, "source": "glassdoor"}]
    path = tmp_path / "pay_source.yaml"
    path.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    assert "field 'pay.0.source' names source 'glassdoor'" in _message(path)


def test_a_file_that_is_not_a_mapping_says_so(tmp_path: Path) -> None:
    path = tmp_path / "list.yaml"
    path.write_text("- just\n- a list\n", encoding="utf-8")
    assert _message(path) == "Role file list.yaml: expected a mapping of fields at the top."


def test_a_broken_file_stops_loading_the_folder(tmp_path: Path) -> None:
    (tmp_path / "good.yaml").write_text(
        yaml.safe_dump(_valid(), allow_unicode=True), encoding="utf-8"
    )
    (tmp_path / "zz_bad.yaml").write_text("id: Bad Id\ntitle: Bad\n", encoding="utf-8")
    with pytest.raises(RoleFileError) as caught:
        load_roles_from(tmp_path)
    assert str(caught.value).startswith("Role file zz_bad.yaml: field 'id'")


def test_the_same_id_twice_is_refused(tmp_path: Path) -> None:
    for name in ("a.yaml", "b.yaml"):
        (tmp_path / name).write_text(yaml.safe_dump(_valid(), allow_unicode=True), "utf-8")
    with pytest.raises(RoleFileError) as caught:
        load_roles_from(tmp_path)
    assert "b.yaml: field 'id'" in str(caught.value)
    assert "used twice" in str(caught.value)
