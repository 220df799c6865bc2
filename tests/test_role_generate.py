"""The rules that turn an O*NET occupation into candidate-facing posting content (issue #13):
O*NET's own task order, plain bullets, the degree's field, tools as postings name them."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest
import yaml

from bot.catalog import get_catalog
from bot.posting.compose import _first_sentences
from bot.posting.draft import posting_from_role
from bot.render import to_markdown
from bot.roles.generate import (
    SUPERVISING,
    duties_for,
    education_for,
    main_work_first,
    plain_duty,
    posting_for,
    short_duty,
    tools_for,
    what_they_do,
)
from bot.roles.lookup import role_for

ROLES_DIR = Path(__file__).resolve().parent.parent / "roles"


def occupation(code: str):  # type: ignore[no-untyped-def]
    found = get_catalog().occupation(code)
    assert found is not None, code
    return found


@pytest.mark.parametrize(
    ("task", "bullet"),
    [
        # O*NET's "or" in a list is the posting's "and"; no Oxford comma.
        (
            "Roll, knead, cut, or shape dough to form sweet rolls, pie crusts, tarts, cookies, "
            "or other products.",
            "Roll, knead, cut and shape dough to form sweet rolls, pie crusts, tarts, cookies "
            "and other products.",
        ),
        # A catch-all at the end goes; "as required by" (a real condition) stays.
        ("Perform maintenance or cleaning, as necessary.", "Do maintenance or cleaning."),
        (
            "Maintain student records as required by laws.",
            "Maintain student records as required by laws.",
        ),
        # A long plain list of examples keeps three; a list of phrases is left alone.
        (
            "Design structures, such as roads, railroads, airports, bridges, harbors, and dams.",
            "Design structures, such as roads, railroads and airports.",
        ),
        (
            "Assist passengers, such as elderly individuals or individuals with disabilities, "
            "on and off the bus.",
            "Help passengers, such as elderly people or people with disabilities, on and off "
            "the bus.",
        ),
        # The words table: plain words for reference-data phrasing.
        (
            "Inspect sites to ensure conformance to design specifications.",
            "Inspect sites to check work against design specifications.",
        ),
        ("Provide advice regarding design.", "Provide advice on design."),
        # Long words where a short one says the same (readability of engineering roles).
        (
            "Recommend design modifications to eliminate machine or system malfunctions.",
            "Recommend design changes to eliminate machine or system faults.",
        ),
    ],
)
def test_a_task_becomes_a_plain_bullet(task: str, bullet: str) -> None:
    assert plain_duty(task) == bullet


def test_duties_keep_o_net_order_with_the_main_work_first() -> None:
    # O*NET lists a hygienist's histories, gum exams and cleanings first and community
    # clinics last (supplemental); the catalogue keeps that order, so the posting does.
    tasks = occupation("29-1292.00").tasks
    assert tasks[0].text == "Record and review patient medical histories."
    assert [t.core for t in tasks] == sorted((t.core for t in tasks), reverse=True)
    own, _ = duties_for(occupation("29-1292.00"))
    assert own[0] == "Record and review patient medical histories."
    assert any("stains from teeth" in duty for duty in own[:4])
    assert not any("community groups" in duty for duty in own[:6])


def test_keeping_up_ones_own_skills_is_no_duty() -> None:
    own, _ = duties_for(occupation("29-1292.00"))
    assert not any("continuing education" in duty.lower() for duty in own)
    own, _ = duties_for(occupation("49-3031.00"))  # "Use handtools, such as …"
    assert not any(duty.startswith("Use hand") for duty in own)


@pytest.mark.parametrize(
    "duty",
    [
        "Direct or coordinate manufacturing, construction and testing activities.",
        "Direct engineering activities, following environmental regulations.",
        "Supervise or coordinate activities of cooks.",
    ],
)
def test_directing_others_is_lead_work(duty: str) -> None:
    assert SUPERVISING.search(duty)


@pytest.mark.parametrize(
    ("code", "education"),
    [
        ("17-2051.00", "Bachelor's degree in civil engineering or a related field"),
        ("17-2141.00", "Bachelor's degree in mechanical engineering or a related field"),
        ("29-2034.00", "Associate degree in radiologic technology or a related field"),
        ("29-1051.00", "A Doctor of Pharmacy (PharmD) degree"),
        # A field of several names reads as one list: no "or … or a related field".
        (
            "15-1212.00",
            "degree in computer science, information security, information systems or a "
            "related field",
        ),
    ],
)
def test_education_names_the_field_of_the_job(code: str, education: str) -> None:
    assert education in education_for(occupation(code))


def test_education_without_a_known_field_stays_general() -> None:
    assert education_for(occupation("51-3011.00")) == "High school diploma or GED."


@pytest.mark.parametrize(
    ("code", "wanted", "unwanted"),
    [
        # The maker's name goes, and a product inside a longer one is named once.
        ("17-2051.00", ["AutoCAD Civil 3D", "Revit", "MicroStation"], ["Autodesk AutoCAD"]),
        ("17-2141.00", ["SolidWorks"], ["Dassault Systemes", "Microsoft Excel"]),
        # A kind of software reads in lower case, its acronym in brackets.
        ("43-4081.00", ["property management system (PMS)"], ["Property management"]),
    ],
)
def test_tools_are_named_as_postings_name_them(
    code: str, wanted: list[str], unwanted: list[str]
) -> None:
    tools = tools_for(occupation(code))
    for name in wanted:
        assert name in tools, tools
    for name in unwanted:
        assert not any(tool.startswith(name) for tool in tools), tools


def test_the_summary_says_the_main_work_plainly() -> None:
    assert what_they_do(occupation("17-2051.00")).startswith(
        "Work on planning, designing and overseeing construction"
    )
    assert posting_for(occupation("51-3011.00")).does.startswith("You'll mix and bake")


@pytest.mark.parametrize("code", ["51-4041.00", "47-2051.00", "35-3041.00", "43-4081.00"])
def test_what_you_bring_has_at_least_four_lines(code: str) -> None:
    role = role_for(code)
    assert role is not None and not role.curated
    posting = posting_from_role(role, {"location": "Cleveland, OH", "level": "entry"})
    markdown = to_markdown(posting)
    bring = markdown.split("## What you bring", 1)[1].split("##", 1)[0]
    assert bring.count("\n- ") >= 4, bring


def test_a_title_of_two_occupations_names_the_first() -> None:
    role = role_for("29-2034.00")
    assert role is not None and role.title == "Radiologic Technologist"


def test_a_company_name_with_a_full_stop_is_one_sentence() -> None:
    about = "Champlain Bread Co. is a bakery in Burlington. We bake every night."
    assert _first_sentences(about, 1) == "Champlain Bread Co. is a bakery in Burlington."


# A duty that hedges between two named products ("in Epic or the unit's health record"):
# Newjob does not know which systems the employer uses, so a duty names none.
HEDGED_TOOL = re.compile(
    r"\b(?:in|on|with|using|through)\s+(?:the\s+\w+,?\s+)?(?:such as\s+)?"
    r"[A-Z][\w.]*(?:\s[A-Z0-9][\w.]*)*\s*,?\s*(?:[A-Z][\w.]*\s*,\s*)*or\s+"
    r"(?:the\s|our\s|a\s)?[A-Z]"
)


def test_curated_duties_name_no_either_or_tools() -> None:
    found = []
    for path in sorted(ROLES_DIR.glob("*.yaml")):
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
        posting = data.get("posting") if isinstance(data, dict) else None
        if not posting:
            continue
        for key in ("duties", "entry_duties", "senior_duties", "lead_duties"):
            found += [f"{path.name}: {d}" for d in posting.get(key, []) if HEDGED_TOOL.search(d)]
    assert found == []


def test_the_hedge_rule_sees_a_hedge() -> None:
    assert HEDGED_TOOL.search("Chart care in Epic or Cerner as you go.")
    assert not HEDGED_TOOL.search("Chart care in the health record as you go.")


@pytest.mark.parametrize("key", ["project_manager", "customer_service_representative"])
def test_curated_roles_that_any_industry_hires_name_no_industry(key: str) -> None:
    role = role_for(key)
    assert role is not None and role.posting is not None
    content = role.posting
    text = " ".join(
        [content.does, *content.duties, *content.entry_duties, *content.nice_to_haves]
    ).lower()
    for word in ("jira", "standup", "scrum", "returns", "exchanges", "orders,"):
        assert word not in text, word


@pytest.mark.parametrize(
    ("duty", "short"),
    [
        # The tools, the purpose or the standard go from a long bullet …
        (
            "Spread, level and smooth concrete, using rake, shovel, hand or power trowel, "
            "hand or power screed and float.",
            "Spread, level and smooth concrete.",
        ),
        (
            "Position imaging equipment and adjust controls to set exposure time and distance, "
            "according to specification of examination.",
            "Position imaging equipment and adjust controls to set exposure time and distance.",
        ),
        # … but not when the cut would leave half a sentence, or the bullet is short.
        (
            "Examine checks for endorsements and to verify other information, such as dates, "
            "bank names and the legality of the documents.",
            "Examine checks for endorsements and to verify other information, such as dates, "
            "bank names and the legality of the documents.",
        ),
        ("Raise trucks using hydraulic jacks.", "Raise trucks using hydraulic jacks."),
    ],
)
def test_a_long_bullet_loses_its_tail(duty: str, short: str) -> None:
    assert short_duty(duty) == short


def test_the_main_work_leads_the_duties() -> None:
    duties = [
        "Dispose of contaminated sharps, following applicable laws.",
        "Match laboratory order forms to specimen tubes.",
        "Draw blood from veins by vacuum tube, syringe and butterfly venipuncture methods.",
    ]
    main = "Draw blood for tests, transfusions, donations and research"
    assert main_work_first(duties, main)[0].startswith("Draw blood")
    # Words in common are not enough: the main work's own verb must open the duty.
    assert main_work_first(duties[:2], "Provide laboratory services for tests") == duties[:2]


def test_a_heavy_task_statement_waits_behind_plain_ones() -> None:
    # Among a supply chain manager's first six tasks, O*NET lists "Select transportation
    # routes to maximize economy by combining shipments or consolidating warehousing …": three
    # words of eleven letters or more, so plainer statements go before it.
    found = occupation("11-3071.04")
    heavy = "Select transportation routes to maximize economy"
    assert any(task.text.startswith(heavy) for task in found.tasks[:6])
    own, _ = duties_for(found)
    assert not any(duty.startswith(heavy) for duty in own[:6])


def test_a_clinical_generated_role_states_its_physical_demands() -> None:
    role = role_for("29-2034.00")
    assert role is not None and role.posting is not None
    assert "on your feet" in role.posting.physical_demands


def test_a_generated_role_has_a_short_nice_to_have_list() -> None:
    role = role_for("51-4041.00")
    assert role is not None and role.posting is not None
    assert 1 <= len(role.posting.nice_to_haves) <= 2
    posting = posting_from_role(role, {"location": "Dallas, TX", "level": "mid"})
    assert "## Nice to have" in to_markdown(posting)


def test_the_summary_drops_catalogue_phrasing() -> None:
    does = posting_for(occupation("29-2034.00")).does
    assert "purposes" not in does and "patient's bloodstream" not in does
    assert "a variety of" not in posting_for(occupation("51-4041.00")).does


def test_a_pay_note_with_its_own_figure_has_its_own_line() -> None:
    # "$41 – $52 an hour, plus $4/hr nights" read as no clear range to `newjob check`.
    from bot.checks import check_text

    role = role_for("registered_nurse")
    assert role is not None
    answers = {
        "location": "Denver, CO",
        "pay": "$41-$52/hr plus $4/hr nights",
        "level": "mid",
        "benefits": "Medical, dental and vision; 403(b) with a 5% match; paid time off",
        "closing_date": "2027-01-15",  # Colorado asks for one (SB 23-105)
    }
    today = date(2026, 12, 1)
    markdown = to_markdown(posting_from_role(role, answers, today=today))
    assert "- $41 – $52 an hour\n- Plus $4/hr nights\n" in markdown
    findings = check_text(markdown, location="Denver, CO", today=today)
    assert not [f for f in findings if f.category == "pay-transparency"]
    tipped = {**answers, "pay": "$15-18/hr plus tips"}
    assert "- $15 – $18 an hour, plus tips\n" in to_markdown(posting_from_role(role, tipped))
