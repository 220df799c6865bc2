"""Modal views: the Edit form with every field of the posting, prefilled."""

from __future__ import annotations

import json
from typing import Any

from bot.posting import Posting, Workplace
from bot.posting.form import LIST_FIELDS, form_limit, form_values, too_long_for_form
from bot.slack.blocks import context, plain, stored_number
from bot.store import DraftRecord
from bot.text import field_label, say

EDIT_CALLBACK = "edit_posting"
# field -> multiline; how long each may be is the posting's own limit (`form_limit`).
_TEXT_INPUTS: list[tuple[str, bool]] = [
    ("title", False),
    ("organisation", False),
    ("team", False),
    ("location", False),
    ("pay", False),
    ("summary", True),
    ("responsibilities", True),
    ("requirements", True),
    ("nice_to_haves", True),
    ("benefits", True),
    ("education", True),
    ("years_experience", False),
    ("schedule", True),
    ("physical_demands", True),
    ("how_to_apply", False),
    ("equal_opportunity", True),
]
_SELECTS = {
    "workplace": [(w.value, w.label) for w in Workplace],
    "employment_type": [
        (value, say(f"employment_type.{value}"))
        for value in (
            "FULL_TIME",
            "PART_TIME",
            "CONTRACTOR",
            "TEMPORARY",
            "INTERN",
            "VOLUNTEER",
            "PER_DIEM",
            "OTHER",
        )
    ],
}


def _input(field: str, value: str, multiline: bool, max_length: int) -> dict[str, Any]:
    element: dict[str, Any] = {
        "type": "plain_text_input",
        "action_id": "value",
        "multiline": multiline,
        "max_length": max_length,
    }
    if value:
        element["initial_value"] = value  # whole: longer values are left out of the form
    block: dict[str, Any] = {
        "type": "input",
        "block_id": field,
        "optional": field != "title",
        "label": plain(field_label(field), 2000),
        "element": element,
    }
    if field in LIST_FIELDS:
        block["hint"] = plain(say("slack.one_per_line"), 2000)
    return block


def _select(field: str, value: str) -> dict[str, Any]:
    options = [{"text": plain(label), "value": key} for key, label in _SELECTS[field]]
    element: dict[str, Any] = {"type": "static_select", "action_id": "value", "options": options}
    chosen = next((option for option in options if option["value"] == value), None)
    if chosen is not None:
        element["initial_option"] = chosen
    return {
        "type": "input",
        "block_id": field,
        "optional": True,
        "label": plain(field_label(field), 2000),
        "element": element,
    }


def _date(value: str) -> dict[str, Any]:
    element: dict[str, Any] = {"type": "datepicker", "action_id": "value"}
    if value:
        element["initial_date"] = value
    return {
        "type": "input",
        "block_id": "closing_date",
        "optional": True,
        "label": plain(field_label("closing_date"), 2000),
        "element": element,
    }


def edit_view(posting: Posting, draft: DraftRecord) -> dict[str, Any]:
    values = form_values(posting)
    left_out = set(too_long_for_form(values))
    blocks: list[dict[str, Any]] = []
    for field, multiline in _TEXT_INPUTS:
        if field in left_out:
            # Never a part of it: a form saved unchanged would lose the rest.
            note = say(
                "slack.edit_left_out",
                field=field_label(field),
                length=len(values[field]),
                limit=form_limit(field),
            )
            blocks.append(context(note))
        else:
            blocks.append(_input(field, values.get(field, ""), multiline, form_limit(field)))
        if field == "organisation":
            blocks.append(_select("workplace", values["workplace"]))
        if field == "location":
            blocks.append(_select("employment_type", values["employment_type"]))
        if field == "how_to_apply":
            blocks.append(_date(values["closing_date"]))
    return {
        "type": "modal",
        "callback_id": EDIT_CALLBACK,
        "private_metadata": json.dumps({"d": draft.id, "v": draft.current_version}),
        "title": plain(say("slack.edit_title"), 24),
        "submit": plain(say("slack.edit_submit"), 24),
        "close": plain(say("slack.edit_cancel"), 24),
        "blocks": blocks,
    }


def read_form(view: dict[str, Any]) -> dict[str, str | None]:
    """The submitted values by field, as text (selects give their value, dates ISO)."""
    values: dict[str, str | None] = {}
    for block_id, actions in ((view.get("state") or {}).get("values") or {}).items():
        action = actions.get("value") or {}
        kind = action.get("type")
        if kind == "static_select":
            values[block_id] = (action.get("selected_option") or {}).get("value")
        elif kind == "datepicker":
            values[block_id] = action.get("selected_date")
        else:
            values[block_id] = action.get("value")
    return values


def read_metadata(view: dict[str, Any]) -> tuple[int, int]:
    """The draft and version the form was opened on; ValueError for what it could not be."""
    data = json.loads(view.get("private_metadata") or "{}")
    if not isinstance(data, dict):
        raise ValueError("not the form's metadata")
    return stored_number(data["d"], low=1), stored_number(data["v"])
