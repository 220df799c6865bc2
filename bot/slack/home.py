"""The App Home tab as a dashboard, built from the store: a New posting button; my drafts with
Continue (in the draft's DM thread) or Open (its review or its posting); the drafts waiting for
my approval with Approve and Request changes; and the postings published lately.

`refresh` publishes it again (views.publish) for the people a draft's change concerns, so the
tab is current when they look, not only rebuilt when opened.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterable
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackClientError

from bot.render.mrkdwn import escape
from bot.slack import blocks as bk
from bot.store import DraftRecord, DraftStatus
from bot.text import say

log = logging.getLogger(__name__)

NEW_POSTING = "home_new_posting"
OPEN_LINK = "home_open_link"
MAX_MINE = 8
MAX_WAITING = 8
MAX_PUBLISHED = 5
ACTIVE = (
    DraftStatus.DRAFTING,
    DraftStatus.READY,
    DraftStatus.IN_REVIEW,
    DraftStatus.CHANGES_REQUESTED,
    DraftStatus.APPROVED,
)
# Where the manager carries on with a draft: its DM thread while it is theirs to change.
_CONTINUE = (DraftStatus.DRAFTING, DraftStatus.READY, DraftStatus.CHANGES_REQUESTED)

_links: dict[tuple[str, str, str], str] = {}
_links_lock = threading.Lock()


def _thread_link(client: WebClient | None, channel: str, ts: str) -> str:
    """The permalink of a message (chat.getPermalink), remembered: it never changes."""
    if client is None or not channel or not ts:
        return ""
    key = (str(client.base_url), channel, ts)
    with _links_lock:
        if key in _links:
            return _links[key]
    try:
        link = str(client.chat_getPermalink(channel=channel, message_ts=ts).get("permalink") or "")
    except (SlackClientError, OSError) as exc:
        log.warning("no permalink for %s/%s: %s", channel, ts, exc)
        return ""
    with _links_lock:
        _links[key] = link
    return link


def _link_button(label: str, url: str, value: str) -> dict[str, Any]:
    return {**bk.button(label, OPEN_LINK, value), "url": url[:3000]}


def _status(draft: DraftRecord) -> str:
    return say(f"slack.status.{draft.status.value}")


def _mine(draft: DraftRecord, client: WebClient | None) -> bk.Block:
    line = say(
        "slack.home.mine_line",
        title=escape(draft.title),
        version=draft.current_version,
        status=_status(draft),
    )
    block = bk.section(line)
    value = bk.action_value(draft.id, draft.current_version)
    if draft.status in _CONTINUE:
        url = _thread_link(client, draft.dm_channel, draft.dm_thread_ts)
        if url:
            block["accessory"] = _link_button(say("slack.home.continue"), url, value)
    elif draft.permalink.startswith("https://"):
        block["accessory"] = _link_button(say("slack.home.open"), draft.permalink, value)
    return block


def _waiting(draft: DraftRecord, name: Any) -> list[bk.Block]:
    from bot.slack import review_blocks as rb

    value = bk.action_value(draft.id, draft.current_version)
    buttons = [
        bk.button(say("review.approve"), rb.APPROVE, value, style="primary"),
        bk.button(say("review.request_changes"), rb.REQUEST_CHANGES, value),
    ]
    if draft.permalink.startswith("https://"):
        buttons.append(_link_button(say("slack.home.open"), draft.permalink, value))
    line = say(
        "slack.home.waiting_line",
        title=escape(draft.title),
        version=draft.current_version,
        requester=name(draft.requester),
    )
    return [bk.section(line), bk.actions(f"home-waiting-{draft.id}", buttons)]


def _published(draft: DraftRecord) -> str:
    line = say(
        "slack.home.published_line",
        title=escape(draft.title),
        day=draft.updated_at.strftime("%b %-d"),
    )
    if draft.permalink.startswith("https://"):
        from bot.slack.review_blocks import link_target

        line += f" · <{link_target(draft.permalink)}|{say('slack.home.view')}>"
    return line


def home_view(app: Any, user: str, client: WebClient | None = None) -> dict[str, Any]:
    """`client` resolves the user groups in the approvers (usergroups.users.list), the names
    of requesters and the links to DM threads; without it those are left out."""
    from bot.slack.review import members_of, names, reviewing

    mine = [d for d in app.store.drafts_for(user, limit=50) if d.status in ACTIVE][:MAX_MINE]
    waiting = reviewing(app).waiting_for(user, members_of(client) if client else None)
    published = app.store.drafts_in([DraftStatus.PUBLISHED], limit=MAX_PUBLISHED)
    name = names(client) if client is not None else escape
    blocks: list[bk.Block] = [
        {"type": "header", "text": bk.plain(say("slack.home_title"), 150)},
        bk.actions(
            "home-top",
            [bk.button(say("slack.home.new_posting"), NEW_POSTING, "new", style="primary")],
        ),
        {"type": "divider"},
        bk.section(say("slack.home_mine")),
    ]
    blocks += [_mine(d, client) for d in mine] or [bk.context(say("slack.home.no_drafts"))]
    blocks += [{"type": "divider"}, bk.section(say("slack.home_waiting"))]
    for draft in waiting[:MAX_WAITING]:
        blocks += _waiting(draft, name)
    if not waiting:
        blocks.append(bk.context(say("slack.home.none_waiting")))
    blocks += [{"type": "divider"}, bk.section(say("slack.home.published"))]
    if published:
        blocks.append(bk.section("\n".join(_published(d) for d in published)))
    else:
        blocks.append(bk.context(say("slack.home.none_published")))
    return {"type": "home", "blocks": blocks[:100]}


def publish_home(client: WebClient, app: Any, user: str) -> None:
    """Publish `user`'s Home tab as it stands now; never raises."""
    try:
        client.views_publish(user_id=user, view=home_view(app, user, client))
    except (SlackClientError, OSError) as exc:
        log.warning("could not publish the home tab of %s: %s", user, exc)


def refresh(client: WebClient, app: Any, draft: DraftRecord, also: Iterable[str] = ()) -> None:
    """A draft changed: publish the Home tab again for its requester and for the approvers it
    concerns (the users named in the approvers, the members of the groups named there)."""
    from bot.slack.review import members_of, reviewing

    people = {draft.requester, *also}
    policy = reviewing(app).policy
    lookup = members_of(client)
    for entry in policy.approvers:
        if entry.startswith("S"):
            people.update(lookup(entry))
        else:
            people.add(entry)
    for user in sorted(people):
        if user:
            publish_home(client, app, user)
