"""The posting as schema.org JobPosting structured data, the way Google for Jobs reads it.

Required: title, description, datePosted, hiringOrganization, and jobLocation or (for remote
jobs) jobLocationType TELECOMMUTE with applicantLocationRequirements. A draft still carries every
required property: where the manager has not answered yet, the value is the same
"[to fill in: …]" marker the other formats show, so a validator points at it.
"""

from __future__ import annotations

import re
from typing import Any

from bot.posting import Location, Pay, Posting, Workplace
from bot.posting.places import CA_PROVINCES, COUNTRY_NAMES, US_STATES
from bot.render.env import environment
from bot.render.outline import no_education_needed, outline, to_fill_in

# Google's credential categories, found by the words people use for them.
_CREDENTIALS = (
    ("high school", re.compile(r"high[\s-]school|\bged\b|secondary school", re.I)),
    ("associate degree", re.compile(r"\bassociate'?s?\b", re.I)),
    ("bachelor degree", re.compile(r"\bbachelor|\bb\.?sc?\b|\bb\.?a\.?\b(?= degree)", re.I)),
    ("postgraduate degree", re.compile(r"\bmaster'?s?\b|\bmba\b|\bph\.?d|\bdoctor", re.I)),
    ("professional certificate", re.compile(r"\bcertific", re.I)),
)


def description_html(posting: Posting) -> str:
    """The posting body as an HTML fragment (autoescaped), without draft notes."""
    template = environment("html").get_template("description.html.j2")
    return template.render(outline=outline(posting), notes=False).strip()


def to_jsonld(posting: Posting) -> dict[str, Any]:
    """schema.org JobPosting for `posting`, as a dict ready for `json.dumps`."""
    data: dict[str, Any] = {
        "@context": "https://schema.org/",
        "@type": "JobPosting",
        "title": posting.title,
        "description": description_html(posting),
        "datePosted": posting.date_posted.isoformat(),
        "hiringOrganization": _organisation(posting),
    }
    data.update(_location(posting.location))
    if posting.closing_date:
        data["validThrough"] = posting.closing_date.isoformat()
    if posting.employment_type:
        data["employmentType"] = posting.employment_type.value
    if posting.pay:
        data["baseSalary"] = _salary(posting.pay)
    if posting.identifier:
        data["identifier"] = {
            "@type": "PropertyValue",
            "name": posting.organisation.name or posting.title,
            "value": posting.identifier,
        }
    if posting.how_to_apply:
        # A web address lets candidates apply there directly; an e-mail address does not.
        data["directApply"] = posting.apply_url.startswith(("http://", "https://"))
    if posting.role.onet_code:
        data["occupationalCategory"] = posting.role.onet_code
    if posting.education and not no_education_needed(posting.education):
        data["educationRequirements"] = _education(posting.education)
    if posting.years_experience is not None:
        data["experienceRequirements"] = (
            {
                "@type": "OccupationalExperienceRequirements",
                "monthsOfExperience": posting.years_experience * 12,
            }
            if posting.years_experience
            else "no requirements"
        )
    if posting.licences:
        data["qualifications"] = " ".join(posting.licences)
    if posting.benefits:
        data["jobBenefits"] = "; ".join(posting.benefits)
    if posting.schedule:
        data["workHours"] = posting.schedule
    return data


def _organisation(posting: Posting) -> dict[str, Any]:
    organisation: dict[str, Any] = {
        "@type": "Organization",
        "name": posting.organisation.name or to_fill_in("organisation"),
    }
    if posting.organisation.url:
        organisation["sameAs"] = posting.organisation.url
    return organisation


def _place(location: Location) -> dict[str, Any]:
    address = {
        "@type": "PostalAddress",
        "addressLocality": location.city,
        "addressRegion": location.region,
        "addressCountry": location.country,
    }
    return {
        "@type": "Place",
        "address": {key: value for key, value in address.items() if value},
    }


def _location(location: Location | None) -> dict[str, Any]:
    if location is None:
        marker = to_fill_in("location")
        return {
            "jobLocation": {
                "@type": "Place",
                "address": {"@type": "PostalAddress", "addressLocality": marker},
            }
        }
    if location.workplace is not Workplace.REMOTE:
        return {"jobLocation": _place(location)}
    data: dict[str, Any] = {"jobLocationType": "TELECOMMUTE"}
    regions = location.remote_regions or ([location.country] if location.country else [])
    if regions:
        data["applicantLocationRequirements"] = [_area(code) for code in regions]
    if location.city or location.region:
        data["jobLocation"] = _place(location)
    return data


def _area(code: str) -> dict[str, str]:
    """'US' -> Country, 'US-CO' -> State, 'EU' -> AdministrativeArea."""
    country, _, region = code.partition("-")
    if region:
        names = {"US": US_STATES, "CA": CA_PROVINCES}.get(country, {})
        return {"@type": "State", "name": names.get(region, region)}
    if code == "EU":
        return {"@type": "AdministrativeArea", "name": COUNTRY_NAMES["EU"]}
    return {"@type": "Country", "name": code}


def _number(value: float) -> int | float:
    return int(value) if float(value).is_integer() else value


def _salary(pay: Pay) -> dict[str, Any]:
    value: dict[str, Any] = {"@type": "QuantitativeValue", "unitText": pay.period.upper()}
    if pay.minimum is not None and pay.minimum == pay.maximum:
        value["value"] = _number(pay.minimum)
    else:
        if pay.minimum is not None:
            value["minValue"] = _number(pay.minimum)
        if pay.maximum is not None:
            value["maxValue"] = _number(pay.maximum)
    return {"@type": "MonetaryAmount", "currency": pay.currency, "value": value}


def _education(text: str) -> dict[str, str] | str:
    """The credential the text names first, in Google's categories; else the text itself."""
    found = [
        (match.start(), name) for name, pattern in _CREDENTIALS if (match := pattern.search(text))
    ]
    if not found:
        return text
    return {"@type": "EducationalOccupationalCredential", "credentialCategory": min(found)[1]}
