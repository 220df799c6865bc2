"""One vocabulary for the posting's fields, wherever people name them.

The reviewers' `set pay …` and `add duty …`, the answers files of `newjob draft`, and the
playground's `edit` all read a field's name through these tables, so "company", "closing date"
and "duties" mean the same field everywhere.
"""

from __future__ import annotations

SET_FIELDS: dict[str, str] = {
    "pay": "pay",
    "pay range": "pay",
    "salary": "pay",
    "wage": "pay",
    "wages": "pay",
    "compensation": "pay",
    "location": "location",
    "place": "location",
    "type": "employment_type",
    "job type": "employment_type",
    "employment type": "employment_type",
    "closing date": "closing_date",
    "close date": "closing_date",
    "closing": "closing_date",
    "deadline": "closing_date",
    "title": "title",
    "job title": "title",
    "team": "team",
    "company": "organisation",
    "organisation": "organisation",
    "organization": "organisation",
    "summary": "summary",
    "education": "education",
    "experience": "years_experience",
    "years": "years_experience",
    "years of experience": "years_experience",
    "schedule": "schedule",
    "hours": "schedule",
    "apply": "how_to_apply",
    "apply link": "how_to_apply",
    "how to apply": "how_to_apply",
    "workplace": "workplace",
    "physical demands": "physical_demands",
    "equal opportunity": "equal_opportunity",
    # The posting's own names, as the answers file and the playground write them.
    "closing_date": "closing_date",
    "employment_type": "employment_type",
    "how_to_apply": "how_to_apply",
    "years_experience": "years_experience",
    "physical_demands": "physical_demands",
    "equal_opportunity": "equal_opportunity",
    "job_title": "title",
}
LIST_FIELDS: dict[str, str] = {
    "duty": "responsibilities",
    "duties": "responsibilities",
    "responsibility": "responsibilities",
    "responsibilities": "responsibilities",
    "task": "responsibilities",
    "requirement": "requirements",
    "requirements": "requirements",
    "qualification": "requirements",
    "skill": "requirements",
    "nice to have": "nice_to_haves",
    "nice-to-have": "nice_to_haves",
    "benefit": "benefits",
    "benefits": "benefits",
    "perk": "benefits",
    "nice_to_haves": "nice_to_haves",
    "nice to haves": "nice_to_haves",
}
# Names only answers files and forms use, beyond the thread commands' own.
ANSWER_FIELDS: dict[str, str] = {
    **SET_FIELDS,
    **LIST_FIELDS,
    "level": "level",
    "seniority": "level",
    "employment_type": "employment_type",
    "closing_date": "closing_date",
    "how_to_apply": "how_to_apply",
    "nice_to_haves": "nice_to_haves",
    "nice to haves": "nice_to_haves",
    "must haves": "requirements",
    "must-haves": "requirements",
    "licences": "licences",
    "licenses": "licences",
    "licence": "licences",
    "license": "licences",
    "certifications": "licences",
    "pay note": "pay_note",
    "next steps": "next_steps",
    "what happens next": "next_steps",
    "hiring process": "next_steps",
    "contact": "contact",
    "accommodation contact": "contact",
    "tips": "pay_note",
    "years_experience": "years_experience",
    "physical_demands": "physical_demands",
    "equal_opportunity": "equal_opportunity",
}


def field_for(name: str) -> str | None:
    """The Posting field a name means ('company' -> 'organisation'), or None."""
    key = " ".join(str(name).replace("_", " ").replace("-", " ").split()).casefold()
    return ANSWER_FIELDS.get(key) or ANSWER_FIELDS.get(str(name).strip().casefold())


def split_field(text: str) -> tuple[str, str] | None:
    """'closing date Jan 31' -> ('closing_date', 'Jan 31'); 'company: Acme' -> ('organisation',
    'Acme'); None when the text does not start with a field's name. The longest name wins, so
    "pay range 60k" is the pay, not a field called "pay" with "range 60k"."""
    words = str(text).replace(":", " : ").replace("=", " = ").split()
    for size in range(min(4, len(words)), 0, -1):
        field = field_for(" ".join(words[:size]))
        if field is not None:
            rest = words[size:]
            if rest and rest[0] in (":", "=", "to"):
                rest = rest[1:]
            return field, " ".join(rest)
    return None


def field_names() -> dict[str, list[str]]:
    """Each field's name and the other names that mean it, for `help` and the README:
    {'organisation': ['company', 'organization'], 'closing_date': ['closing date', …], …}."""
    names: dict[str, list[str]] = {}
    for alias, field in ANSWER_FIELDS.items():
        names.setdefault(field, [])
        spelled = alias.replace("_", " ")
        if alias != field and spelled != field.replace("_", " ") and alias not in names[field]:
            names[field].append(alias)
    return dict(sorted(names.items()))


def fields_help() -> str:
    """'closing_date (closing date, deadline), organisation (company), pay (salary, …), …'."""
    parts = []
    for field, aliases in field_names().items():
        shown = [a for a in aliases if "_" not in a][:3]
        parts.append(f"{field} ({', '.join(shown)})" if shown else field)
    return ", ".join(parts)
