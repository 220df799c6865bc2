"""What the catalogue knows about one occupation (O*NET 29.3), as typed models."""

from __future__ import annotations

from typing import Any, Literal

from pydantic import BaseModel, ConfigDict

ONET_SOURCE = "O*NET 29.3"
OEWS_SOURCE = "BLS OEWS, May 2025"

TaskType = Literal["Core", "Supplemental", ""]
SocBasis = Literal["exact", "parent", "combined", "broad", "none"]


class _Frozen(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Task(_Frozen):
    text: str
    type: TaskType = ""

    @property
    def core(self) -> bool:
        return self.type == "Core"


class AlternateTitle(_Frozen):
    title: str
    short_title: str = ""
    sources: int = 1  # how many O*NET sources report it


class ReportedTitle(_Frozen):
    title: str
    shown_in_my_next_move: bool = False


class JobZone(_Frozen):
    zone: int
    name: str
    experience: str
    education: str
    training: str
    examples: str


class EducationLevel(_Frozen):
    """Share of workers saying this level of education is required (category RL)."""

    category: int
    level: str
    percent: float


class Rated(_Frozen):
    """A skill, knowledge area or work style with its O*NET importance (scale IM, 1-5)."""

    name: str
    importance: float


class TechnologySkill(_Frozen):
    name: str
    category: str
    hot: bool = False
    in_demand: bool = False


class RelatedOccupation(_Frozen):
    code: str
    title: str
    tier: str


class PayMapping(_Frozen):
    """Which OEWS SOC code the occupation's pay comes from, and why that one."""

    soc: str | None  # six digits, e.g. "151231"
    basis: SocBasis
    note: str
    soc_title: str = ""
    national_employment: int | None = None  # of the SOC used, for ranking titles

    @property
    def soc_display(self) -> str | None:
        return f"{self.soc[:2]}-{self.soc[2:]}" if self.soc else None


class Occupation(_Frozen):
    code: str
    title: str
    description: str
    tasks: list[Task] = []
    alternate_titles: list[AlternateTitle] = []
    reported_titles: list[ReportedTitle] = []
    job_zone: JobZone | None = None
    education: list[EducationLevel] = []
    skills: list[Rated] = []
    knowledge: list[Rated] = []
    technology: list[TechnologySkill] = []
    work_styles: list[Rated] = []
    related: list[RelatedOccupation] = []
    pay: PayMapping

    @property
    def core_tasks(self) -> list[str]:
        return [t.text for t in self.tasks if t.core]

    @property
    def hot_technologies(self) -> list[str]:
        return [t.name for t in self.technology if t.hot]

    def top_education(self) -> EducationLevel | None:
        """The education level the most workers report as required."""
        if not self.education:
            return None
        return max(self.education, key=lambda e: (e.percent, -e.category))

    def education_sentence(self) -> str:
        """One sentence on required education, from the O*NET distribution (category RL)."""
        ranked = sorted(self.education, key=lambda e: (-e.percent, e.category))
        ranked = [e for e in ranked if e.percent >= 10][:3] or ranked[:1]
        if not ranked:
            return ""
        parts = [f"{e.percent:.0f}% {education_phrase(e)}" for e in ranked]
        listed = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
        return f"Asked what the job requires, {listed} ({ONET_SOURCE} education data)."


# O*NET's "Required Level of Education" categories (scale RL, 1-12) as phrases for a sentence.
_EDUCATION_PHRASES = {
    1: "less than a high school diploma",
    2: "a high school diploma or equivalent",
    3: "a post-secondary certificate",
    4: "some college courses",
    5: "an associate's degree",
    6: "a bachelor's degree",
    7: "a post-baccalaureate certificate",
    8: "a master's degree",
    9: "a post-master's certificate",
    10: "a first professional degree",
    11: "a doctoral degree",
    12: "post-doctoral training",
}


def education_phrase(level: EducationLevel) -> str:
    """'a bachelor's degree' for category 6; the label's first part for anything else."""
    phrase = _EDUCATION_PHRASES.get(level.category)
    if phrase is None:
        return level.level.split(" - ")[0].split(" (")[0].strip()
    return phrase


def occupation_from_raw(code: str, raw: dict[str, Any], header: dict[str, Any]) -> Occupation:
    """Build an Occupation from one line of occupations.tsv.gz and the file's header."""
    zones = header.get("job_zones", {})
    levels = header.get("education_levels", {})
    titles = header.get("titles", {})
    zone_no = raw.get("job_zone")
    job_zone = None
    if zone_no is not None and str(zone_no) in zones:
        ref = zones[str(zone_no)]
        job_zone = JobZone(
            zone=int(zone_no),
            name=ref["name"],
            experience=ref["experience"],
            education=ref["education"],
            training=ref["training"],
            examples=ref["examples"],
        )
    pay = raw.get("pay") or {"soc": None, "basis": "none", "note": ""}
    return Occupation(
        code=code,
        title=raw["title"],
        description=raw["description"],
        tasks=[Task(text=t, type=k) for t, k in raw.get("tasks", [])],
        alternate_titles=[
            AlternateTitle(title=t, short_title=s, sources=n)
            for t, s, n in raw.get("alternate_titles", [])
        ],
        reported_titles=[
            ReportedTitle(title=t, shown_in_my_next_move=shown)
            for t, shown in raw.get("reported_titles", [])
        ],
        job_zone=job_zone,
        education=[
            EducationLevel(category=c, level=levels.get(str(c), str(c)), percent=p)
            for c, p in raw.get("education", [])
        ],
        skills=[Rated(name=n, importance=v) for n, v in raw.get("skills", [])],
        knowledge=[Rated(name=n, importance=v) for n, v in raw.get("knowledge", [])],
        technology=[
            TechnologySkill(name=n, category=c, hot=h, in_demand=d)
            for n, c, h, d in raw.get("technology", [])
        ],
        work_styles=[Rated(name=n, importance=v) for n, v in raw.get("work_styles", [])],
        related=[
            RelatedOccupation(code=c, title=titles.get(c, ""), tier=tier)
            for c, tier in raw.get("related", [])
        ],
        pay=PayMapping(**pay),
    )
