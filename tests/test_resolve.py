"""Title resolution: how people really type titles, and honest answers when nothing matches."""

from __future__ import annotations

import pytest

from bot.catalog import get_catalog, resolve
from bot.catalog.normalize import parse_query, singular, strip_levels, title_tokens

# What people type -> the O*NET-SOC code that must come first (a tuple: any of these).
TYPED_TITLES: list[tuple[str, str | tuple[str, ...]]] = [
    ("registered nurse", "29-1141.00"),
    ("registered nurses", "29-1141.00"),
    ("Registered Nurses", "29-1141.00"),
    ("cashier", "41-2011.00"),
    ("cashiers", "41-2011.00"),
    ("barista", "35-3023.01"),
    ("baristas", "35-3023.01"),
    ("electrician", "47-2111.00"),
    ("carpenters", "47-2031.00"),
    ("accountant", "13-2011.00"),
    ("software developer", "15-1252.00"),
    ("data scientist", "15-2051.00"),
    ("welder", "51-4121.00"),
    ("plumber", "47-2152.00"),
    ("janitor", "37-2011.00"),
    ("dental hygienist", "29-1292.00"),
    ("pharmacist", "29-1051.00"),
    ("paralegal", "23-2011.00"),
    ("receptionist", "43-4171.00"),
    ("bookkeeper", "43-3031.00"),
    ("firefighter", "33-2011.00"),
    ("police officer", "33-3051.00"),
    ("bartender", "35-3011.00"),
    ("dishwasher", "35-9021.00"),
    ("security guard", "33-9032.00"),
    ("forklift operator", "53-7051.00"),
    ("network technician", "15-1231.00"),
    ("warehouse associate", "53-7062.00"),
    ("truck driver", "53-3032.00"),
    ("web developer", "15-1254.00"),
    ("graphic designer", "27-1024.00"),
    ("medical assistant", "31-9092.00"),
    ("physical therapist", "29-1123.00"),
    ("teacher assistant", "25-9042.00"),
    ("customer service representative", "43-4051.00"),
    ("project manager", "13-1082.00"),
    ("housekeeper", "37-2012.00"),
    ("maids", "37-2012.00"),
    ("waitress", "35-3031.00"),
    ("line cook", "35-2014.00"),
    ("nurse practitioner", "29-1171.00"),
    ("home health aide", "31-1121.00"),
    ("RN", "29-1141.00"),
    ("LPN", "29-2061.00"),
    ("CNA", "31-1131.00"),
    ("CPA", "13-2011.00"),
    ("QA engineer", "15-1253.00"),
    ("IT support specialist", "15-1232.00"),
    ("HR manager", "11-3121.00"),
    ("HR rep", "13-1071.00"),
    ("admin assistant", "43-6014.00"),
    ("network admin", "15-1244.00"),
    ("sys admin", "15-1244.00"),
    ("HVAC tech", "49-9021.00"),
    ("pharm tech", "29-2052.00"),
    ("vet tech", "29-2056.00"),
    ("CDL driver", "53-3032.00"),
    ("OTR truck driver", "53-3032.00"),
    ("customer svc rep", "43-4051.00"),
    ("sales rep", ("41-4012.00", "41-3091.00")),
    ("ops mgr", "11-1021.00"),
    ("maint tech", "49-9071.00"),
    ("CEO", "11-1011.00"),
    ("dba", "15-1242.00"),
    ("Sr. Software Eng", "15-1252.00"),
    ("senior software engineer", "15-1252.00"),
    ("Junior Accountant", "13-2011.00"),
    ("Accountant II", "13-2011.00"),
    ("Lead Electrician", "47-2111.00"),
    ("Principal Data Scientist", "15-2051.00"),
    ("Help Desk Technician Tier 1", "15-1232.00"),
    ("entry level receptionist", "43-4171.00"),
    ("HVAC tech (night shift)", "49-9021.00"),
    ("CDL driver - OTR", "53-3032.00"),
    ("Registered Nurse (remote)", "29-1141.00"),
    ("Cashier - part time", "41-2011.00"),
    ("Barista, Seattle WA", "35-3023.01"),
    ("Nurse - Night Shift - Denver, CO", "29-1141.00"),
    ("Warehouse Associate - 2nd shift ($18/hr)", "53-7062.00"),
    ("Electrician in Denver", "47-2111.00"),
    ("Software Engineer @ Acme", "15-1252.00"),
    ("Forklift operator [temp]", "53-7051.00"),
    ("netwrok tech", "15-1231.00"),
    ("registerd nurse", "29-1141.00"),
    ("acountant", "13-2011.00"),
    ("electritian", "47-2111.00"),
    ("recepsionist", "43-4171.00"),
    ("pharmasist", "29-1051.00"),
    ("sofware developer", "15-1252.00"),
    ("jaintor", "37-2011.00"),
    ("bookeeper", "43-3031.00"),
    ("welderr", "51-4121.00"),
    ("fork lift driver", "53-7051.00"),
    ("dish washer", "35-9021.00"),
    ("plumer", "47-2152.00"),
    ("secratary", "43-6014.00"),
    ("cook, fast food", "35-2011.00"),
    ("fast food cook", "35-2011.00"),
    ("Nurse, Registered", "29-1141.00"),
    ("15-1231.00", "15-1231.00"),
    ("15-1231", "15-1231.00"),
    # more everyday titles
    ("Dental assistant", "31-9091.00"),
    ("Phlebotomist", "31-9097.00"),
    ("EMT", "29-2042.00"),
    ("Paramedic", "29-2043.00"),
    ("Nanny", "39-9011.01"),
    ("Tutor", "25-3041.00"),
    ("Busser", "35-9011.00"),
    ("Bank teller", "43-3071.00"),
    ("Loan officer", "13-2072.00"),
    ("Insurance agent", "41-3021.00"),
    ("Real estate agent", "41-9022.00"),
    ("Property manager", "11-9141.00"),
    ("Roofer", "47-2181.00"),
    ("Landscaper", "37-3011.00"),
    ("Diesel mechanic", "49-3031.00"),
    ("Machinist", "51-4041.00"),
    ("Recruiter", "13-1071.00"),
    ("Scrum Master", "15-1299.09"),
    ("Penetration tester", "15-1299.04"),
    ("Brand Ambassador", "41-9011.00"),
    ("Picker packer", "53-7064.00"),
    ("Crew Member", "35-3023.00"),
    ("VP of Sales", "11-2022.00"),
    ("Director of Nursing", "11-9111.00"),
    ("Desktop support tech", "15-1232.00"),
    ("Rad Tech", "29-2034.00"),
    ("ER nurse", "29-1141.00"),
    ("Travel RN", "29-1141.00"),
    ("LVN", "29-2061.00"),
    ("Customer Service Rep III", "43-4051.00"),
    ("Senior Staff Accountant", "13-2011.00"),
    ("Shift Lead", "35-1012.00"),
    ("Caregiver (PRN)", "31-1122.00"),
    ("care giver", "31-1122.00"),
    ("book keeper", "43-3031.00"),
    ("Home Health Aide - weekends", "31-1121.00"),
    ("Nurse - Boston, MA", "29-1141.00"),
    ("Medical Assistant - Boston, MA", "31-9092.00"),
    ("PA - Pittsburgh, PA", "29-1071.00"),
]


@pytest.mark.parametrize(("typed", "expected"), TYPED_TITLES)
def test_typed_titles_resolve_to_the_expected_occupation(
    typed: str, expected: str | tuple[str, ...]
) -> None:
    resolution = resolve(typed)
    assert resolution.matches, f"no match for {typed!r} (suggestions: {resolution.suggestions})"
    wanted = (expected,) if isinstance(expected, str) else expected
    best = resolution.matches[0]
    assert best.code in wanted, f"{typed!r}: {best.code} {best.title} via {best.via!r}"
    assert 0.5 <= best.score <= 1.0


def test_the_table_is_broad() -> None:
    assert len(TYPED_TITLES) >= 60
    assert len({code for _, code in TYPED_TITLES if isinstance(code, str)}) >= 60


def test_network_technician_is_ambiguous_between_it_and_telecom() -> None:
    resolution = resolve("network technician")
    codes = [m.code for m in resolution.matches]
    assert codes[0] == "15-1231.00"
    assert "49-2022.00" in codes
    assert resolution.ambiguous
    best = resolution.matches[0]
    assert best.role_id == "network_technician"
    assert best.via in ("curated title", "curated alias")
    assert best.score == 1.0


def test_a_typo_still_finds_the_network_technician_first() -> None:
    resolution = resolve("netwrok tech")
    assert resolution.matches[0].code == "15-1231.00"
    assert resolution.matches[0].score < 1.0  # a corrected word is not a perfect match


def test_curated_aliases_take_part_and_rank_first() -> None:
    for alias in ("network maintenance tech", "Network Support Technician"):
        best = resolve(alias).matches[0]
        assert (best.code, best.role_id, best.via) == (
            "15-1231.00",
            "network_technician",
            "curated alias",
        )


def test_an_official_title_is_not_ambiguous_with_a_rare_alternate_title() -> None:
    resolution = resolve("cashier")
    assert resolution.matches[0].code == "41-2011.00"
    assert resolution.matches[1].code == "41-2012.00"  # "Cashier" is also a booth cashier
    assert not resolution.ambiguous


def test_close_alternatives_are_flagged() -> None:
    for typed in ("truck driver", "QA engineer", "warehouse associate", "store manager"):
        assert resolve(typed).ambiguous, typed


def test_a_clear_title_is_not_ambiguous() -> None:
    for typed in ("registered nurse", "barista", "pharmacy technician", "CPA"):
        assert not resolve(typed).ambiguous, typed


def test_matches_are_ranked_and_limited() -> None:
    resolution = resolve("engineer", limit=3)
    assert len(resolution.matches) == 3
    scores = [m.score for m in resolution.matches]
    assert scores == sorted(scores, reverse=True)
    assert len(resolve("engineer", limit=8).matches) == 8


def test_matches_name_what_matched() -> None:
    best = resolve("CNA").matches[0]
    assert best.code == "31-1131.00"
    # A curated role for the occupation answers with its own title, which "CNA" stands for.
    assert best.matched == "Certified Nursing Assistant"
    assert best.title == "Nursing Assistants"
    assert best.via == "curated title"
    rigger = resolve("CNC machinist").matches[0]
    assert "CNC" in rigger.matched and rigger.via in ("alternate title", "short title")


def test_codes_resolve_directly() -> None:
    for typed in ("15-1231.00", "15-1231", " 29-1141.00 "):
        best = resolve(typed).matches[0]
        assert best.via == "code"
        assert best.score == 1.0
    assert resolve("99-9999.00").matches == []


@pytest.mark.parametrize(
    "typed",
    ["asdfgh", "", "   ", "🙂", "🙂🙂🙂", "x" * 5000, "qwerty uiop", "Happiness Hero", "!!!"],
)
def test_nonsense_gets_no_match_and_no_random_occupation(typed: str) -> None:
    resolution = resolve(typed)
    assert resolution.matches == []
    assert resolution.ambiguous is False
    assert resolution.suggestions == []
    assert resolution.query == typed


def test_five_thousand_characters_of_a_real_title_are_cut_not_choked_on() -> None:
    resolution = resolve("barista " * 700)
    assert resolution.matches[0].code == "35-3023.01"


def test_near_misses_become_suggestions() -> None:
    resolution = resolve("Rockstar Ninja Developer")
    assert resolution.matches == []
    assert "Software Developers" in resolution.suggestions


def test_emoji_around_a_title_are_ignored() -> None:
    assert resolve("☕ barista 🙂").matches[0].code == "35-3023.01"


def test_every_occupation_title_finds_itself() -> None:
    catalog = get_catalog()
    misses = []
    for code in catalog.codes():
        title = catalog.title(code) or ""
        codes = [m.code for m in resolve(title, limit=3).matches]
        if code not in codes:
            misses.append((code, title, codes))
    assert not misses, misses[:10]


# -- the normaliser ---------------------------------------------------------------------------


def test_singular() -> None:
    pairs = {
        "nurses": "nurse",
        "secretaries": "secretary",
        "coaches": "coach",
        "attorneys": "attorney",
        "business": "business",
        "analysis": "analysis",
        "salesmen": "salesman",
        "women": "woman",
        "bus": "bus",
    }
    for plural, one in pairs.items():
        assert singular(plural) == one


def test_title_tokens_expand_abbreviations_both_ways() -> None:
    assert title_tokens("HR Tech")[0] == title_tokens("Human Resources Technician")[0]
    assert title_tokens("Admin Asst")[0] == title_tokens("Administrative Assistant")[0]
    assert title_tokens("RN")[0] == ["registered", "nurse"]
    assert title_tokens("Sr. Software Eng")[0] == ["software", "engineer"]


def test_levels_are_stripped_but_never_everything() -> None:
    assert strip_levels(["senior", "staff", "accountant"]) == (["accountant"], True)
    assert strip_levels(["accountant", "ii"]) == (["accountant"], True)
    assert strip_levels(["help", "desk", "technician", "tier", "1"])[0] == [
        "help",
        "desk",
        "technician",
    ]
    assert strip_levels(["lead", "carpenter"]) == (["carpenter"], True)
    assert strip_levels(["shift", "lead"]) == (["shift", "leader"], True)
    assert strip_levels(["principal"]) == (["principal"], False)
    assert strip_levels(["senior"]) == (["senior"], False)


def test_queries_lose_shift_location_and_pay_noise() -> None:
    parts = parse_query("Warehouse Associate - 2nd shift ($18/hr) (remote)")
    assert parts.main == ["warehouse", "associate"]
    assert parts.trailing == []
    parts = parse_query("CDL driver - OTR")
    assert (parts.main, parts.trailing) == (["cdl", "driver"], ["otr"])
    parts = parse_query("HVAC tech (night shift)")
    assert (parts.main, parts.trailing) == (["hvac", "technician"], [])
    assert parse_query("Remote").main == ["remote"]  # all noise: keep what was typed
