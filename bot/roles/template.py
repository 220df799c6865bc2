"""The RoleTemplate: everything Newjob knows about one role, each fact with where it came from."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

PayPeriod = Literal["hour", "day", "week", "month", "year"]
Level = Literal["entry", "mid", "senior", "lead"]
LEVELS: tuple[Level, ...] = ("entry", "mid", "senior", "lead")


class Source(BaseModel):
    """Where a fact comes from, named the way a reader can check it."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str = Field(description="Short key used by facts, e.g. 'indeed-2023'.")
    title: str
    publisher: str
    url: str | None = None
    date: dt.date | None = None
    licence: str | None = None
    citation: str = Field(description="How the source is named next to a fact shown to a user.")


class PayBenchmark(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    figure: float = Field(gt=0)
    kind: Literal["average", "median", "mean", "p10", "p25", "p75", "p90"] = "average"
    period: PayPeriod = "year"
    currency: str = Field(default="USD", pattern=r"^[A-Z]{3}$")
    area: str = "United States"
    source: str = Field(description="A Source id.")
    date: dt.date | None = None


class FaqEntry(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    questions: list[str] = Field(min_length=1, description="Ways people ask it.")
    answer: str
    source: str


class Technology(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str
    hot: bool = False


class EducationShare(BaseModel):
    """Share of workers at one education level (O*NET 'Education, Training, and Experience')."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    level: str
    percent: float


class RolePosting(BaseModel):
    """What a posting for this role says to candidates, in the employer's voice (curated roles).

    Everything here is our own wording, grounded in O*NET 29.3 (and, for the Network Technician,
    the source page): duties by share of time, must-haves a recruiter would write, and the
    working conditions candidates ask about. Experience, education and licences follow the level
    and the place, so they are not listed among the must-haves.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    title: str = Field(
        default="", description="The title candidates search for, if not the role's."
    )
    default_level: Level = "mid"
    pay_basis: Literal["hour", "year"]
    does: str = Field(
        min_length=10,
        description="Second person, one sentence for the summary: 'You'll install and fix …'.",
    )
    matters: str = Field(
        default="", description="One sentence on why the work matters to the people it serves."
    )
    duties: list[str] = Field(min_length=3, max_length=7, description="Mid level, biggest first.")
    entry_duties: list[str] = Field(default=[], max_length=7)
    senior_duties: list[str] = Field(default=[], max_length=3)
    lead_duties: list[str] = Field(default=[], max_length=3)
    must_haves: list[str] = Field(min_length=2, max_length=5)
    nice_to_haves: list[str] = Field(default=[], max_length=3)
    education: str = Field(
        min_length=3, description="As the employer asks: 'High school diploma or GED'."
    )
    entry_experience: str = Field(
        default="", description="What an entry-level posting asks instead of years of experience."
    )
    tools: list[str] = []
    schedule: str = Field(default="", description="Hours or shifts the job has wherever it is.")
    physical_demands: str = ""


class RoleTemplate(BaseModel):
    """A role a posting can be drafted from.

    Curated files in `roles/` fill the narrative fields from a named page; the O*NET catalogue
    fills the rest (tasks, technology, job zone). `sources` maps each field name to the source id
    its content came from, so any fact shown to a user can name where it came from.
    """

    model_config = ConfigDict(extra="forbid")

    id: str = Field(pattern=r"^[a-z0-9][a-z0-9_-]*$")
    title: str = Field(min_length=1)
    aliases: list[str] = []
    onet_code: str | None = Field(default=None, pattern=r"^\d{2}-\d{4}\.\d{2}$")
    summary: str = ""
    duties: list[str] = []
    skills: list[str] = []
    qualifications: list[str] = []
    where_they_work: str = ""
    education: str = ""
    experience: str = ""
    min_years_experience: int | None = Field(default=None, ge=0)
    max_years_experience: int | None = Field(default=None, ge=0)
    seniority: Literal["entry", "mid", "senior"] | None = None
    pay: list[PayBenchmark] = []
    daily_duties: str = ""
    qualities: list[str] = []
    faq: list[FaqEntry] = []
    notes: list[str] = []
    # Filled from the O*NET catalogue when the role has a code.
    tasks: list[str] = []
    technology: list[Technology] = []
    knowledge: list[str] = []
    work_styles: list[str] = []
    job_zone: int | None = Field(default=None, ge=1, le=5)
    education_levels: list[EducationShare] = []
    related_codes: list[str] = []
    source_list: list[Source] = Field(default=[], alias="source_list")
    sources: dict[str, str] = Field(
        default={}, description="Field name -> Source id for the facts in that field."
    )
    posting: RolePosting | None = None
    curated: bool = True

    def source_for(self, field: str) -> Source | None:
        """The source of one field's facts, if the role names one."""
        source_id = self.sources.get(field) or self.sources.get("default")
        return next((s for s in self.source_list if s.id == source_id), None)

    def source_by_id(self, source_id: str) -> Source | None:
        return next((s for s in self.source_list if s.id == source_id), None)
