"""The Posting model and its parts. Validation errors name the field in the manager's words."""

from __future__ import annotations

import datetime as dt
import re
from enum import StrEnum
from typing import Any, Literal

from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    ValidationInfo,
    field_validator,
    model_validator,
)

from bot.posting.characters import clean_text
from bot.posting.places import CA_PROVINCES, COUNTRY_NAMES, ISO_4217, US_STATES
from bot.text import field_label, say

PayPeriod = Literal["hour", "day", "week", "month", "year"]
Level = Literal["entry", "mid", "senior", "lead"]

# The longest text each field holds, in characters: one set of numbers for the model, the Edit
# form (bot.posting.form) and every place text is typed. A form field holds at most 3,000
# characters (what Slack's text input takes), so no field the form shows is longer than that.
LIMITS: dict[str, int] = {
    "title": 150,
    "organisation": 200,
    "about": 3000,
    "team": 200,
    "city": 100,
    "region": 100,
    "pay_note": 300,
    "summary": 3000,
    "education": 1000,
    "experience_note": 300,
    "schedule": 1000,
    "physical_demands": 1000,
    "how_to_apply": 500,
    "next_steps": 500,
    "contact": 200,
    "equal_opportunity": 2000,
    "identifier": 100,
    "attribution": 400,
}
ITEM_LIMIT = 1000  # characters in one item of a list (a duty, a requirement, a benefit)
ITEMS_LIMIT = 40  # items in one list

_EMAIL = re.compile(r"^[^@\s<>]+@[^@\s<>]+\.[A-Za-z]{2,}$")
_URL = re.compile(r"^https?://[^\s<>\"]+\.[^\s<>\"]+$", re.IGNORECASE)


class EmploymentType(StrEnum):
    """schema.org JobPosting employmentType values."""

    FULL_TIME = "FULL_TIME"
    PART_TIME = "PART_TIME"
    CONTRACTOR = "CONTRACTOR"
    TEMPORARY = "TEMPORARY"
    INTERN = "INTERN"
    VOLUNTEER = "VOLUNTEER"
    PER_DIEM = "PER_DIEM"
    OTHER = "OTHER"

    @property
    def label(self) -> str:
        return say(f"employment_type.{self.value}")


class Workplace(StrEnum):
    ON_SITE = "on-site"
    HYBRID = "hybrid"
    REMOTE = "remote"

    @property
    def label(self) -> str:
        return say(f"workplace.{self.value}")


class _Part(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    @field_validator("*", mode="before")
    @classmethod
    def _visible(cls, value: Any) -> Any:
        # Every way into a posting (dialogue, Edit form, `set`, files, stored versions) passes
        # here, so no text in it can read differently from what it is.
        if isinstance(value, str):
            return clean_text(value)
        if isinstance(value, list):
            return [clean_text(item) if isinstance(item, str) else item for item in value]
        return value


class RoleRef(_Part):
    """Which role the posting was drafted from: a curated role id and/or an O*NET-SOC code."""

    role_id: str | None = None
    onet_code: str | None = Field(default=None, pattern=r"^\d{2}-\d{4}\.\d{2}$")


class Organisation(_Part):
    name: str = Field(default="", max_length=LIMITS["organisation"])
    url: str | None = None
    about: str = Field(default="", max_length=LIMITS["about"])

    @field_validator("url")
    @classmethod
    def _url(cls, value: str | None) -> str | None:
        if value and not _URL.match(value):
            raise ValueError(say("errors.url", value=value))
        return value or None


class Location(_Part):
    city: str = Field(default="", max_length=LIMITS["city"])
    region: str = Field(default="", max_length=LIMITS["region"])
    country: str = Field(default="", max_length=3)
    workplace: Workplace = Workplace.ON_SITE
    remote_regions: list[str] = Field(
        default=[], description="Countries or regions a remote job is open to ('US', 'CA', 'CO')."
    )

    @model_validator(mode="after")
    def _needs_a_place(self) -> Location:
        if self.workplace is not Workplace.REMOTE and not (self.city or self.region):
            raise ValueError(say("errors.location_needs_place"))
        return self

    def describe(self) -> str:
        """'Denver, CO, US', 'Remote (US)', 'Hybrid: Toronto, ON, CA'."""
        place = ", ".join(part for part in (self.city, self.region, self.country) if part)
        if self.workplace is Workplace.REMOTE:
            names = [_region_name(code) for code in self.remote_regions]
            open_to = f" ({', '.join(names)})" if names else ""
            based = ", ".join(part for part in (self.city, self.region) if part)
            return f"{Workplace.REMOTE.label}{open_to}" + (f", based in {based}" if based else "")
        if self.workplace is Workplace.HYBRID:
            return f"{Workplace.HYBRID.label}: {place}"
        return place


def _region_name(code: str) -> str:
    """'US' -> 'United States', 'US-CO' -> 'Colorado', 'CA-ON' -> 'Ontario'."""
    country, _, region = code.partition("-")
    if region:
        names = US_STATES if country == "US" else CA_PROVINCES if country == "CA" else {}
        return names.get(region, code)
    return COUNTRY_NAMES.get(code, code)


class Pay(_Part):
    """A pay range, one fixed figure (minimum == maximum) or, flagged by the checks, one end."""

    minimum: float | None = None
    maximum: float | None = None
    currency: str = "USD"
    period: PayPeriod = "year"

    @field_validator("currency")
    @classmethod
    def _currency(cls, value: str) -> str:
        code = value.upper()
        if code not in ISO_4217:
            raise ValueError(say("errors.currency", value=value))
        return code

    @field_validator("minimum", "maximum")
    @classmethod
    def _positive(cls, value: float | None) -> float | None:
        if value is not None and not value > 0:
            raise ValueError(say("errors.pay_not_positive"))
        if value is not None and value > 1e9:
            raise ValueError(say("errors.pay_too_large"))
        return value

    @model_validator(mode="after")
    def _ordered(self) -> Pay:
        if self.minimum is None and self.maximum is None:
            raise ValueError(say("errors.pay_empty"))
        if self.minimum is not None and self.maximum is not None and self.minimum > self.maximum:
            raise ValueError(
                say(
                    "errors.pay_order",
                    minimum=format_money(self.minimum, self.currency),
                    maximum=format_money(self.maximum, self.currency),
                )
            )
        return self

    @property
    def is_range(self) -> bool:
        return self.minimum is not None and self.maximum is not None

    @property
    def is_open_ended(self) -> bool:
        return self.minimum is None or self.maximum is None

    def describe(self) -> str:
        """'$55,000 – $65,000 a year', '$28 an hour', 'from $60,000 a year'."""
        per = say(f"pay_period.{self.period}")
        if self.minimum is not None and self.maximum is not None:
            if self.minimum == self.maximum:
                return f"{format_money(self.minimum, self.currency)} {per}"
            low = format_money(self.minimum, self.currency)
            high = format_money(self.maximum, self.currency)
            return f"{low} – {high} {per}"
        if self.minimum is not None:
            return say("pay.from", amount=format_money(self.minimum, self.currency), per=per)
        assert self.maximum is not None
        return say("pay.up_to", amount=format_money(self.maximum, self.currency), per=per)


_SIGNS = {"USD": "$", "CAD": "C$", "AUD": "A$", "GBP": "£", "EUR": "€", "JPY": "¥", "INR": "₹"}


def format_money(amount: float, currency: str) -> str:
    """'$54,683', 'C$60,000', '$28.50', '12,000 SEK'."""
    text = f"{amount:,.0f}" if float(amount).is_integer() else f"{amount:,.2f}"
    sign = _SIGNS.get(currency)
    return f"{sign}{text}" if sign else f"{text} {currency}"


class Posting(_Part):
    """A job posting. Only the title is needed to start; `missing()` says what is left to fill."""

    title: str = Field(min_length=1, max_length=LIMITS["title"])
    role: RoleRef = RoleRef()
    organisation: Organisation = Organisation()
    team: str = Field(default="", max_length=LIMITS["team"])
    level: Level | None = None
    location: Location | None = None
    employment_type: EmploymentType | None = None
    pay: Pay | None = None
    pay_note: str = Field(
        default="", max_length=LIMITS["pay_note"], description="Tips, commission, bonus."
    )
    benefits: list[str] = []
    summary: str = Field(default="", max_length=LIMITS["summary"])
    responsibilities: list[str] = []
    requirements: list[str] = []
    nice_to_haves: list[str] = []
    licences: list[str] = []
    education: str = Field(default="", max_length=LIMITS["education"])
    years_experience: int | None = Field(default=None, ge=0, le=50)
    experience_note: str = Field(
        default="",
        max_length=LIMITS["experience_note"],
        description="What the posting asks when it asks for no years.",
    )
    schedule: str = Field(default="", max_length=LIMITS["schedule"])
    physical_demands: str = Field(default="", max_length=LIMITS["physical_demands"])
    how_to_apply: str = Field(default="", max_length=LIMITS["how_to_apply"])
    next_steps: str = Field(
        default="",
        max_length=LIMITS["next_steps"],
        description="What happens after someone applies.",
    )
    contact: str = Field(
        default="",
        max_length=LIMITS["contact"],
        description="E-mail or phone for accommodation requests.",
    )
    date_posted: dt.date = Field(default_factory=dt.date.today)
    closing_date: dt.date | None = None
    equal_opportunity: str = Field(default="", max_length=LIMITS["equal_opportunity"])
    identifier: str = Field(default="", max_length=LIMITS["identifier"])
    attribution: str = Field(
        default="", max_length=LIMITS["attribution"], description="CC BY credit, one line."
    )

    @field_validator("title")
    @classmethod
    def _title(cls, value: str) -> str:
        if not value.strip():
            raise ValueError(say("errors.title_empty"))
        return " ".join(value.split())

    @field_validator("benefits", "responsibilities", "requirements", "nice_to_haves", "licences")
    @classmethod
    def _items(cls, value: list[str]) -> list[str]:
        items = [" ".join(item.split()) for item in value if item and item.strip()]
        for item in items:
            if len(item) > ITEM_LIMIT:
                raise ValueError(say("errors.item_too_long", limit=ITEM_LIMIT))
        if len(items) > ITEMS_LIMIT:
            raise ValueError(say("errors.too_many_items", limit=ITEMS_LIMIT))
        return items

    @field_validator("how_to_apply")
    @classmethod
    def _apply(cls, value: str) -> str:
        if value and not (_URL.match(value) or _EMAIL.match(value.removeprefix("mailto:"))):
            raise ValueError(say("errors.how_to_apply", value=value))
        return value.removeprefix("mailto:")

    @field_validator("closing_date")
    @classmethod
    def _after_posting(cls, value: dt.date | None, info: ValidationInfo) -> dt.date | None:
        # A field validator (not a model one) so the error is filed under closing_date.
        posted = info.data.get("date_posted")
        if value is not None and isinstance(posted, dt.date) and value <= posted:
            raise ValueError(
                say(
                    "errors.closing_date_order",
                    closing=value.isoformat(),
                    posted=posted.isoformat(),
                )
            )
        return value

    @property
    def apply_url(self) -> str:
        """A link a reader can follow: the URL itself, or mailto: for an e-mail address."""
        if not self.how_to_apply:
            return ""
        return self.how_to_apply if _URL.match(self.how_to_apply) else f"mailto:{self.how_to_apply}"

    def missing(self) -> list[str]:
        """The fields the manager still has to fill in before the posting can go out."""
        wanted: dict[str, Any] = {
            "organisation": self.organisation.name,
            "location": self.location,
            "employment_type": self.employment_type,
            "pay": self.pay,
            "responsibilities": self.responsibilities,
            "requirements": self.requirements,
            "how_to_apply": self.how_to_apply,
        }
        return [name for name, value in wanted.items() if not value]


def describe_errors(error: ValidationError) -> list[str]:
    """One sentence a hiring manager understands for each problem, naming the field."""
    sentences = []
    for item in error.errors():
        fields = [str(part) for part in item["loc"] if not isinstance(part, int)]
        label = field_label(fields[0]) if fields else say("fields.posting")
        message = str(item.get("msg", ""))
        message = message.removeprefix("Value error, ")
        if item["type"] == "missing":
            message = say("errors.required")
        elif item["type"] == "extra_forbidden":
            message = say("errors.unknown_field", field=".".join(fields))
        elif item["type"] in ("string_too_long", "too_long"):
            message = say("errors.too_long", limit=(item.get("ctx") or {}).get("max_length", ""))
        elif item["type"] in ("enum", "literal_error"):
            expected = (item.get("ctx") or {}).get("expected", "")
            message = say("errors.choice", expected=expected)
        elif item["type"] in ("string_too_short", "too_short"):
            message = say("errors.title_empty" if fields[:1] == ["title"] else "errors.empty")
        elif item["type"] in ("greater_than", "greater_than_equal", "less_than", "less_than_equal"):
            years = fields[:1] == ["years_experience"]
            message = (
                say("errors.years")
                if years
                else say("errors.wrong_kind", value=str(item.get("input"))[:60])
            )
        elif item["type"].startswith(
            ("date_", "float_", "int_", "string_type", "bool_", "list_", "dict_", "model_")
        ):
            message = say("errors.wrong_kind", value=str(item.get("input"))[:60])
        sentences.append(f"{label}: {message}")
    return sentences
