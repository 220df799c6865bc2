"""Posting checks: inclusive language, pay-transparency law, requirements, readability, JSON-LD.

`check_posting` checks one of our Postings field by field; `check_text` a pasted one; both return
Findings, errors first. `summarise` sums them up for the dialogue preview and the review post:
any error blocks approval until an approver overrides it with a reason.
"""

from bot.checks.engine import check_document, check_posting, check_text, summarise
from bot.checks.model import CATEGORIES, SEVERITIES, Category, CheckSummary, Finding, Severity

__all__ = [
    "CATEGORIES",
    "SEVERITIES",
    "Category",
    "CheckSummary",
    "Finding",
    "Severity",
    "check_document",
    "check_posting",
    "check_text",
    "summarise",
]
