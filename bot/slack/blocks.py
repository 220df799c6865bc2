"""Block Kit builders: small functions from domain objects to lists of blocks.

No Slack SDK here, only dicts; the fake Slack server in tests checks each list with
`slack_sdk.models`. Every piece of user text goes through `escape` before it reaches mrkdwn.
"""

from __future__ import annotations

import json
from typing import Any

from bot.dialogue import Ask
from bot.dialogue.engine import BACK, SKIP, USE_ALL, USE_SUGGESTION
from bot.drafting import REOPENABLE
from bot.posting import Posting
from bot.render.mrkdwn import escape
from bot.store import MAX_INT, DraftRecord
from bot.text import say

Block = dict[str, Any]
MAX_BLOCKS = 50
SECTION_LIMIT = 3000


def plain(text: str, limit: int = 75) -> dict[str, Any]:
    """A plain_text object cut to Slack's limit for where it goes."""
    return {"type": "plain_text", "text": _cut(text, limit), "emoji": True}


def mrkdwn(text: str) -> dict[str, Any]:
    return {"type": "mrkdwn", "text": _cut(text, SECTION_LIMIT)}


def _cut(text: str, limit: int) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


def section(text: str) -> Block:
    return {"type": "section", "text": mrkdwn(text)}


def context(text: str) -> Block:
    return {"type": "context", "elements": [mrkdwn(text)]}


def button(label: str, action_id: str, value: str, style: str | None = None) -> dict[str, Any]:
    element: dict[str, Any] = {
        "type": "button",
        "text": plain(label),
        "action_id": action_id,
        "value": value[:2000],
    }
    if style:
        element["style"] = style
    return element


def actions(block_id: str, elements: list[dict[str, Any]]) -> Block:
    return {"type": "actions", "block_id": block_id, "elements": elements[:25]}


def action_value(draft_id: int, step: int | None = None, choice: str = "") -> str:
    """What a button carries: which draft, which question, which choice (compact JSON)."""
    return json.dumps({"d": draft_id, "s": step, "c": choice}, separators=(",", ":"))


def stored_number(value: Any, *, low: int = 0) -> int:
    """A draft, version or question number read from what Slack sent back: a whole number a
    stored one can be (ValueError otherwise: 10**23, -1, 2.5, true)."""
    if isinstance(value, bool) or not isinstance(value, int | str):
        raise ValueError(f"not a number: {value!r}"[:80])
    number = int(value)
    if not low <= number <= MAX_INT:
        raise ValueError(f"out of range: {number}"[:80])
    return number


def read_action_value(value: str) -> tuple[int, int | None, str]:
    """What `action_value` packed; ValueError for anything it could not have packed."""
    data = json.loads(value)
    if not isinstance(data, dict):
        raise ValueError("not an action value")
    step = data.get("s")
    return (
        stored_number(data["d"], low=1),
        stored_number(step) if step is not None else None,
        str(data.get("c", "")),
    )


# ------------------------------------------------------------------ dialogue


def question_blocks(ask: Ask, draft_id: int) -> list[Block]:
    step = ask.number - 1
    progress = say("dialogue.progress", number=ask.number, total=ask.total)
    blocks: list[Block] = []
    if ask.intro:
        blocks.append(section(escape(ask.intro)))
    blocks.append(section(f"*{progress}* · {escape(ask.wording)}"))
    # The options are shown once: as the checkboxes themselves when each fits in one (label and
    # description), else as a numbered list with the checkboxes naming only the numbers.
    fits = all(len(_pick_text(i, o)) <= 2 * OPTION_TEXT for i, o in enumerate(ask.options, 1))
    if ask.options and not fits:
        listing = "\n".join(
            say("slack.numbered_item", number=index, text=escape(option))
            for index, option in enumerate(ask.options, start=1)
        )
        blocks.append(section(listing))
    if ask.hint:
        blocks.append(context(escape(ask.hint)))
    if ask.current:
        blocks.append(context(escape(say("dialogue.current_answer", answer=ask.current))))
    answers: list[tuple[str, str, str | None]] = []  # (label, choice, style)
    if ask.suggestion is not None:
        text = escape(say("dialogue.suggestion", text=ask.suggestion.text))
        if ask.suggestion.source:
            text += "\n" + escape(say("dialogue.suggestion_source", source=ask.suggestion.source))
        blocks.append(section(text))
        answers.append((say("dialogue.use_suggestion"), USE_SUGGESTION, "primary"))
    answers.extend((choice.label, choice.value, None) for choice in ask.choices)
    elements: list[dict[str, Any]] = []
    if ask.options:
        blocks.append(
            {
                "type": "actions",
                "block_id": f"picks-{draft_id}-{step}",
                "elements": [
                    {
                        "type": "checkboxes",
                        "action_id": "dialogue_tick",
                        "options": [
                            _pick_option(index, option, whole=fits)
                            for index, option in enumerate(ask.options, start=1)
                        ],
                    }
                ],
            }
        )
        elements.append(
            button(
                say("dialogue.use_ticked"),
                "dialogue_picks",
                action_value(draft_id, step),
                style="primary",
            )
        )
        answers.append((say("dialogue.use_all"), USE_ALL, None))
    answers.append((say("dialogue.skip"), SKIP, None))
    if step > 0:
        answers.append((say("dialogue.back"), BACK, None))
    # Action ids must differ within a block: each answer button gets its own number.
    elements.extend(
        button(label, f"dialogue_answer_{index}", action_value(draft_id, step, choice), style)
        for index, (label, choice, style) in enumerate(answers)
    )
    blocks.append(actions(f"answer-{draft_id}-{step}", elements))
    return blocks


OPTION_TEXT = 75  # Slack's limit for an option's text, and for its description


def _pick_text(number: int, option: str) -> str:
    return say("slack.pick_label", number=number, text=option)


def _pick_option(number: int, option: str, *, whole: bool) -> dict[str, Any]:
    """A checkbox for one option: its whole text (going on in the description when longer than
    a label may be), or only its number when the list above shows the text."""
    value = str(number - 1)
    if not whole:
        return {"text": plain(say("slack.pick_number", number=number)), "value": value}
    text = _pick_text(number, option)
    if len(text) <= OPTION_TEXT:
        return {"text": plain(text), "value": value}
    cut = text.rfind(" ", 0, OPTION_TEXT)
    cut = cut if cut > OPTION_TEXT // 2 else OPTION_TEXT
    head, rest = text[:cut].rstrip(), text[cut:].lstrip()
    if len(rest) > OPTION_TEXT:  # only for a word longer than the label: cut it
        return {"text": plain(text), "value": value}
    return {"text": plain(head), "description": plain(rest), "value": value}


def question_text(ask: Ask) -> str:
    """The notification text of a question message (shown where blocks are not)."""
    progress = say("dialogue.progress", number=ask.number, total=ask.total)
    return escape(f"{progress}: {ask.wording}")


def preview_blocks(
    posting: Posting,
    draft: DraftRecord,
    *,
    missing: list[str],
    checks: list[Block] | None = None,
    note: str = "",
) -> list[Block]:
    from bot.render import to_blocks

    top: list[Block] = []
    if note:
        top.append(section(escape(note)))
    # to_blocks already ends with what is still to fill in (`missing`), so it is not repeated.
    del missing
    bottom: list[Block] = list(checks or [])
    bottom.append(
        actions(
            f"preview-{draft.id}",
            [
                button(
                    say("slack.submit"),
                    "draft_submit",
                    action_value(draft.id, draft.current_version),
                    style="primary",
                ),
                button(
                    say("slack.edit"), "draft_edit", action_value(draft.id, draft.current_version)
                ),
                button(
                    say("slack.start_over"),
                    "draft_start_over",
                    action_value(draft.id, draft.current_version),
                ),
            ],
        )
    )
    from bot.dialogue.suggest import market_notes
    from bot.drafting import role_for

    notes = market_notes(posting, role_for(draft.role_key))
    body = to_blocks(posting, notes=notes, max_blocks=MAX_BLOCKS - len(top) - len(bottom))
    return [*top, *body, *bottom]


def draft_list_blocks(drafts: list[DraftRecord]) -> list[Block]:
    if not drafts:
        return [section(say("slack.no_drafts"))]
    lines = [
        say(
            "slack.draft_line",
            id=draft.id,
            title=escape(draft.title),
            version=draft.current_version,
            status=say(f"slack.status.{draft.status.value}"),
        )
        + (f" · <{draft.permalink}|link>" if draft.permalink.startswith("https://") else "")
        for draft in drafts
    ]
    blocks = [section(say("slack.your_drafts"))]
    for start in range(0, len(lines), 20):
        blocks.append(section("\n".join(lines[start : start + 20])))
    # The author's unfinished drafts can be picked up again where they stopped.
    reopen = [
        button(say("drafts.reopen_button", id=draft.id), f"draft_reopen_{draft.id}", str(draft.id))
        for draft in drafts
        if draft.status in REOPENABLE
    ]
    if reopen:
        blocks.append(actions("reopen-drafts", reopen[:25]))
    return blocks[:MAX_BLOCKS]


def _short_title(title: str, limit: int = 75) -> str:
    """A job title for a button: whole, or cut before its qualifier ('…, Except Line
    Installers') rather than mid-word."""
    if len(title) <= limit:
        return title
    for mark in (", ", " (", " - "):
        cut = title.rfind(mark, 0, limit)
        if cut > 0:
            return title[:cut]
    cut = title.rfind(" ", 0, limit - 1)
    return title[: cut if cut > 0 else limit - 1] + "…"


def did_you_mean_blocks(query: str, alternatives: list[Any], why: str = "") -> list[Block]:
    """Buttons for each role a title could mean (`alternatives` are drafting.RoleChoice), then
    "None of these" and "Cancel"; `why` says why the manager is asked."""
    elements = [
        button(
            _short_title(alternative.title),
            f"pick_role_{index}",
            json.dumps({"k": alternative.key, "t": query[:150]}, separators=(",", ":")),
            style="primary" if index == 0 else None,
        )
        for index, alternative in enumerate(alternatives[:5])
    ]
    elements.append(button(say("titles.none_of_these"), "pick_role_none", "none"))
    elements.append(button(say("titles.cancel"), "pick_role_cancel", "cancel"))
    heading = say("slack.did_you_mean", query=escape(query))
    if why:
        heading = f"{escape(why)} {heading}"
    return [section(heading), actions("did-you-mean", elements)]


# ------------------------------------------------------------------ living messages
# Messages in the manager's DM that change as the draft moves on: a question once answered, a
# preview once submitted or published, the thread's first message. Each function takes the
# blocks as Slack holds them and gives the blocks to update the message with.

_LIVE_PREFIXES = ("answer-", "picks-", "preview-")


def is_live(block: Block, draft_id: int, prefixes: tuple[str, ...] = _LIVE_PREFIXES) -> bool:
    """A block of buttons (or ticks) of this draft that still asks for a click."""
    block_id = str(block.get("block_id") or "")
    return block.get("type") == "actions" and any(
        block_id.startswith(f"{prefix}{draft_id}") for prefix in prefixes
    )


def answered_blocks(blocks: list[Block], draft_id: int, answer: str) -> list[Block]:
    """A question once answered: its buttons and ticks gone, what was picked shown in their
    place ('✅ On-site'); the question and its hint stay, so the thread still reads."""
    kept = [block for block in blocks if not is_live(block, draft_id)]
    return [*kept, context(escape(answer))][:MAX_BLOCKS]


def _status_id(draft_id: int) -> str:
    return f"status-{draft_id}"


def settled_preview_blocks(blocks: list[Block], draft_id: int, line: str) -> list[Block]:
    """A preview once the draft has moved on: its Submit / Edit / Start over (or the status it
    showed before) replaced by the draft's status (`line`, mrkdwn: '📤 In review · <…|View>')."""
    kept = [
        block
        for block in blocks
        if not is_live(block, draft_id, ("preview-",))
        and block.get("block_id") != _status_id(draft_id)
    ]
    status = {**section(line), "block_id": _status_id(draft_id)}
    return [*kept, status][:MAX_BLOCKS]


def preview_status(blocks: list[Block], draft_id: int) -> str | None:
    """For a preview of this draft: the status it shows ('' while its buttons are live); None
    for any other message."""
    for block in blocks:
        if is_live(block, draft_id, ("preview-",)):
            return ""
        if block.get("block_id") == _status_id(draft_id):
            return str((block.get("text") or {}).get("text") or "")
    return None


def has_live_question(blocks: list[Block], draft_id: int) -> bool:
    return any(is_live(block, draft_id, ("answer-", "picks-")) for block in blocks)
