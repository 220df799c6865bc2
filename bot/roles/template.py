"""The RoleTemplate: everything Newjob knows about one role, each fact with where it came from."""

from __future__ import annotations

import datetime as dt
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field

PayPeriod = Literal["hour", "day", "week", "month", "year"]


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
    curated: bool = True

    def source_for(self, field: str) -> Source | None:
        """The source of one field's facts, if the role names one."""
        source_id = self.sources.get(field) or self.sources.get("default")
        return next((s for s in self.source_list if s.id == source_id), None)

    def source_by_id(self, source_id: str) -> Source | None:
        return next((s for s in self.source_list if s.id == source_id), None)
