"""The occupation catalogue (roles/catalog/): what it holds, how it loads, and roles built on it."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

from bot.catalog import Occupation, get_catalog
from bot.catalog.store import Catalog, CatalogError, catalog_dir
from bot.roles.lookup import find_role, role_for

ROLES = Path(__file__).resolve().parent.parent / "roles"
ONET_ATTRIBUTION = (
    "This product includes information from the O*NET 29.3 Database by the U.S. Department of "
    "Labor, Employment and Training Administration (USDOL/ETA). Used under the CC BY 4.0 "
    "license. O*NET® is a trademark of USDOL/ETA."
)


@pytest.fixture(scope="module")
def network() -> Occupation:
    occupation = get_catalog().occupation("15-1231.00")
    assert occupation is not None
    return occupation


def test_every_onet_occupation_is_there() -> None:
    catalog = get_catalog()
    assert len(catalog) == 1016
    assert catalog.onet_version == "29.3"
    assert catalog.codes()[0] == "11-1011.00"
    assert "15-1231.00" in catalog
    assert catalog.title("29-1141.00") == "Registered Nurses"


def test_get_catalog_is_cached() -> None:
    assert get_catalog() is get_catalog()
    assert get_catalog(catalog_dir()) is get_catalog()


def test_occupation_fields(network: Occupation) -> None:
    assert network.title == "Computer Network Support Specialists"
    assert network.description.startswith("Analyze, test, troubleshoot, and evaluate")
    assert len(network.tasks) >= 20
    assert network.job_zone is not None
    assert (network.job_zone.zone, network.job_zone.name) == (
        4,
        "Job Zone Four: Considerable Preparation Needed",
    )
    assert "considerable amount" in network.job_zone.experience
    titles = {a.title: a.sources for a in network.alternate_titles}
    assert titles["Network Technician"] == 4
    assert any(r.title == "Network Technician" for r in network.reported_titles)
    assert [r.code for r in network.related][:2] == ["15-1244.00", "15-1241.00"]
    assert network.related[0].title == "Network and Computer Systems Administrators"


def test_skills_knowledge_and_work_styles_are_ranked_by_importance(network: Occupation) -> None:
    for rated in (network.skills, network.knowledge, network.work_styles):
        assert rated
        values = [r.importance for r in rated]
        assert values == sorted(values, reverse=True)
        assert all(1 <= v <= 5 for v in values)
    assert network.knowledge[0].name == "Computers and Electronics"
    assert len(network.skills) <= 12
    assert len(network.work_styles) == 16


def test_technology_skills_keep_the_hot_flag(network: Occupation) -> None:
    hot = network.hot_technologies
    assert "Microsoft Active Directory" in hot
    assert len(hot) < len(network.technology)
    first_cold = next(i for i, t in enumerate(network.technology) if not t.hot)
    assert all(t.hot for t in network.technology[:first_cold])  # hot technology first
    assert all(t.category for t in network.technology)


def test_education_distribution_uses_the_category_labels(network: Occupation) -> None:
    levels = {e.category: e for e in network.education}
    assert levels[6].level == "Bachelor's Degree"
    assert levels[6].percent == pytest.approx(46.93)
    assert levels[2].level.startswith("High School Diploma")
    assert sum(e.percent for e in network.education) == pytest.approx(100, abs=1.5)
    sentence = network.education_sentence()
    assert sentence.startswith("Asked what the job requires, 47% a bachelor's degree")
    assert "O*NET 29.3" in sentence


def test_core_tasks_come_first_everywhere() -> None:
    order = {"Core": 0, "Supplemental": 1, "": 2}
    mixed = 0
    for occupation in get_catalog().occupations():
        ranks = [order[t.type] for t in occupation.tasks]
        assert ranks == sorted(ranks), occupation.code
        mixed += len(set(ranks)) > 1
    assert mixed > 100


def test_the_pay_mapping_is_part_of_each_occupation() -> None:
    catalog = get_catalog()
    exact = catalog.occupation("15-1231.00")
    assert exact is not None
    assert (exact.pay.soc, exact.pay.basis, exact.pay.soc_display) == ("151231", "exact", "15-1231")
    assert exact.pay.national_employment == 146190
    cases = {"11-1011.03": "parent", "21-1014.00": "combined", "29-2011.00": "broad"}
    for code, basis in cases.items():
        occupation = catalog.occupation(code)
        assert occupation is not None
        assert occupation.pay.basis == basis
    military = catalog.occupation("55-1011.00")
    assert military is not None
    assert (military.pay.soc, military.pay.basis) == (None, "none")


def test_codes_can_be_written_loosely() -> None:
    catalog = get_catalog()
    assert catalog.normalize_code("15-1231") == "15-1231.00"
    assert catalog.normalize_code("151231") == "15-1231.00"
    assert catalog.normalize_code("99-9999") is None
    assert catalog.normalize_code("network") is None
    occupation = catalog.occupation("15-1231")
    assert occupation is not None and occupation.code == "15-1231.00"
    assert catalog.occupation("nope") is None


def test_a_fresh_load_is_quick_and_lazy() -> None:
    started = time.perf_counter()
    catalog = Catalog(catalog_dir())
    elapsed = time.perf_counter() - started
    assert elapsed < 5  # the benchmark measures the real figure; this only catches disasters
    assert catalog._index is None and catalog._pay is None and not catalog._parsed
    catalog.occupation("29-1141.00")
    assert list(catalog._parsed) == ["29-1141.00"]


def test_only_the_recently_used_occupations_stay_parsed() -> None:
    catalog = Catalog(catalog_dir())
    codes = catalog.codes()
    first = catalog.occupation(codes[0])
    for code in codes[1 : Catalog.PARSED_KEPT + 20]:
        assert catalog.occupation(code) is not None
    assert len(catalog._parsed) == Catalog.PARSED_KEPT
    assert codes[0] not in catalog._parsed
    again = catalog.occupation(codes[0])  # parsed again, equal to the first
    assert again == first and again is not first
    assert catalog.occupation(codes[0]) is again  # and now kept


def test_a_missing_catalogue_says_how_to_rebuild_it(tmp_path: Path) -> None:
    with pytest.raises(CatalogError, match=r"build_catalog\.py"):
        Catalog(tmp_path)


def test_notice_and_manifest() -> None:
    notice = (ROLES / "NOTICE").read_text(encoding="utf-8")
    assert ONET_ATTRIBUTION in notice
    assert "BLS OEWS, May 2025" in notice
    manifest = json.loads((ROLES / "catalog" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["counts"]["occupations"] == 1016
    assert manifest["oews"]["release"] == "BLS OEWS, May 2025"
    total = sum(p.stat().st_size for p in (ROLES / "catalog").iterdir())
    assert total < 15_000_000
    for name, output in manifest["outputs"].items():
        assert (ROLES / "catalog" / name).stat().st_size == output["bytes"]


def test_the_catalogue_names_no_machine_paths() -> None:
    machine_path = re.compile(r"/(?:work|tmp|root)/")
    for path in [ROLES / "NOTICE", *(ROLES / "catalog").glob("*.json")]:
        text = path.read_text(encoding="utf-8")
        assert not machine_path.search(text), path


# -- roles over the catalogue -----------------------------------------------------------------


def test_the_curated_role_wins_and_the_catalogue_fills_the_rest() -> None:
    role = role_for("15-1231.00")
    assert role is not None
    assert role.id == "network_technician" and role.curated
    assert role.title == "Network Technician"
    assert role.duties[0] == "Design and install computer networks, their connections and cabling"
    assert role.tasks and role.technology and role.knowledge and role.work_styles
    assert role.job_zone == 4
    assert role.related_codes[0] == "15-1244.00"
    assert role.education_levels[0].level == "Bachelor's Degree"
    # every catalogue fact names O*NET; the curated ones keep their page
    for field in ("tasks", "technology", "knowledge", "work_styles", "job_zone"):
        source = role.source_for(field)
        assert source is not None and source.id == "onet-29.3", field
    summary_source = role.source_for("summary")
    assert summary_source is not None and summary_source.id == "indeed-2023"
    kinds = {(p.kind, p.source): p.figure for p in role.pay}
    assert kinds[("average", "indeed-2023")] == 54683
    assert kinds[("median", "bls-oews-2025")] == 76220
    assert kinds[("mean", "bls-oews-2025")] == 81870
    bls = role.source_by_id("bls-oews-2025")
    assert bls is not None and bls.citation == "BLS OEWS, May 2025"
    onet = role.source_by_id("onet-29.3")
    assert onet is not None and onet.licence == "CC BY 4.0"


def test_role_for_takes_ids_codes_and_catalogue_ids() -> None:
    by_id = role_for("network_technician")
    by_code = role_for("15-1231.00")
    assert by_id is not None and by_code is not None
    assert by_id.model_dump() == by_code.model_dump()
    nurse = role_for("onet-29-1141-00")
    assert nurse is not None and nurse.onet_code == "29-1141.00"
    assert role_for("nothing-here") is None
    assert role_for("") is None


def test_role_for_hands_out_copies() -> None:
    role = role_for("29-1141.00")
    assert role is not None
    role.duties.clear()
    again = role_for("29-1141.00")
    assert again is not None and again.duties


def test_an_uncurated_occupation_becomes_a_role_from_the_catalogue() -> None:
    role = role_for("17-2141.00")
    assert role is not None
    assert role.id == "onet-17-2141-00"
    assert role.curated is False
    assert role.title == "Mechanical Engineer"
    assert role.summary.startswith("Perform engineering duties")
    assert 1 <= len(role.duties) <= 8
    assert role.skills and role.qualities
    assert "bachelor's degree" in role.education
    assert role.experience
    assert {s.id for s in role.source_list} == {"onet-29.3", "bls-oews-2025"}
    source = role.source_for("summary")
    assert source is not None and "CC BY 4.0" in source.citation
    assert any(p.kind == "median" and p.figure == 104110 for p in role.pay)


def test_a_role_without_bls_pay_says_why() -> None:
    role = role_for("55-1011.00")
    assert role is not None
    assert role.pay == []
    assert {s.id for s in role.source_list} == {"onet-29.3"}


def test_find_role_returns_the_role_and_did_you_mean() -> None:
    # The exact title of a curated role is that role, though O*NET has the title elsewhere too.
    exact = find_role("Network  technician")
    assert exact.role is not None and exact.role.id == "network_technician"
    assert not exact.ambiguous and exact.alternatives
    # A title short of it is offered with the alternatives, not assumed.
    found = find_role("network tech")
    assert found.role is not None and found.role.id == "network_technician"
    assert found.key == "network_technician"
    assert found.ambiguous
    assert found.alternatives[0].code == "49-2022.00"
    assert found.alternatives[0].key == "49-2022.00"
    alternative = role_for(found.alternatives[0].key)
    assert alternative is not None and alternative.curated is False


def test_find_role_drafts_under_the_title_people_typed() -> None:
    # An occupation without a curated role is drafted under the common title people typed.
    found = find_role("line installer")
    assert found.role is not None and not found.role.curated
    assert found.role.title == "Line Installer"
    # A curated role keeps its own title for the titles people type for it.
    curated = find_role("warehouse associate")
    assert curated.role is not None and curated.role.title == "Material Handler"
    assert curated.role.onet_code == "53-7062.00"


def test_find_role_is_honest_when_nothing_matches() -> None:
    found = find_role("asdfgh")
    assert found.role is None and found.key is None
    assert found.alternatives == [] and found.suggestions == []
