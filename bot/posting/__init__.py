"""The Posting: a job posting as the hiring manager means it, validated field by field."""

from bot.posting.model import (
    EmploymentType,
    Location,
    Organisation,
    Pay,
    Posting,
    RoleRef,
    Workplace,
)
from bot.posting.parse import (
    ParseError,
    parse_date,
    parse_employment_type,
    parse_list,
    parse_location,
    parse_pay,
    parse_workplace,
    split_pay_note,
)

__all__ = [
    "EmploymentType",
    "Location",
    "Organisation",
    "ParseError",
    "Pay",
    "Posting",
    "RoleRef",
    "Workplace",
    "parse_date",
    "parse_employment_type",
    "parse_list",
    "parse_location",
    "parse_pay",
    "parse_workplace",
    "split_pay_note",
]
