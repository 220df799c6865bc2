"""Slack steps of review shared by the listeners: the review post and its thread, approvals,
changes, and publishing to the jobs channel.

The decisions are `bot.review.Reviewing`'s; this module only shows them in Slack. Web API calls
that fail for good (after the client's retries) are told to the person who acted, and the draft
keeps its state so that trying again later works.
"""

from __future__ import annotations

import logging
import threading
import time
from collections.abc import Callable, Collection
from typing import Any

from slack_sdk import WebClient
from slack_sdk.errors import SlackApiError, SlackClientError

from bot.drafting import role_for
from bot.posting import Posting
from bot.render.market import market_range
from bot.render.mrkdwn import escape
from bot.review.commands import clean
from bot.review.diff import describe
from bot.review.policy import MembersOf
from bot.review.publish import Export
from bot.review.reviewing import (
    ApprovalResult,
    BoardUnavailable,
    PostedAt,
    Refusable,
    Reviewing,
    Revision,
)
from bot.slack import home, living
from bot.slack import review_blocks as rb
from bot.slack.context import Services
from bot.store import DraftRecord, DraftStatus
from bot.text import say

log = logging.getLogger(__name__)

Inform = Callable[[str], None]
GROUP_TTL = 60.0  # seconds a user group's members are remembered

_groups: dict[tuple[str, str], tuple[float, frozenset[str]]] = {}
_groups_lock = threading.Lock()


def reviewing(app: Services) -> Reviewing:
    return Reviewing(app.store, app.settings, drafting=app.drafting)


def members_of(client: WebClient) -> MembersOf:
    """Members of a user group (usergroups.users.list), remembered for a minute."""

    def lookup(group: str) -> frozenset[str]:
        key = (str(client.base_url), group)
        now = time.monotonic()
        with _groups_lock:
            cached = _groups.get(key)
        if cached is not None and cached[0] > now:
            return cached[1]
        try:
            users = frozenset(client.usergroups_users_list(usergroup=group).get("users") or [])
        except SlackClientError as exc:
            log.warning("could not list user group %s: %s", group, slack_error(exc))
            return cached[1] if cached is not None else frozenset()
        with _groups_lock:
            _groups[key] = (now + GROUP_TTL, users)
        return users

    return lookup


_names: dict[tuple[str, str], tuple[float, str]] = {}
NAME_TTL = 600.0  # seconds a person's name is remembered


def names(client: WebClient) -> rb.Name:
    """A user's name for messages about what they did (users.info, remembered for ten
    minutes): naming people rather than @-mentioning them pings nobody about their own action.
    Falls back to a mention when Slack can't say (it still reads as the person)."""

    def lookup(user: str) -> str:
        if not rb.is_user_id(user):
            return escape(user)
        key = (str(client.base_url), user)
        now = time.monotonic()
        with _groups_lock:
            cached = _names.get(key)
        if cached is not None and cached[0] > now:
            return cached[1]
        try:
            found = client.users_info(user=user).get("user") or {}
        except (SlackClientError, OSError) as exc:
            log.warning("could not look up %s: %s", user, slack_error(exc))
            return rb.mention(user)
        profile = found.get("profile") or {}
        shown = (
            profile.get("display_name")
            or profile.get("real_name")
            or found.get("real_name")
            or found.get("name")
        )
        name = escape(str(shown)) if shown else rb.mention(user)
        with _groups_lock:
            _names[key] = (now + NAME_TTL, name)
        return name

    return lookup


def slack_error(exc: BaseException) -> str:
    """Slack's error code ('not_in_channel', 'ratelimited'), or what went wrong on the way."""
    if isinstance(exc, SlackApiError):
        return str(exc.response.get("error") or f"HTTP {exc.response.status_code}")
    return (str(exc) or type(exc).__name__)[:200]


_COMMAND_WORDS = frozenset(
    "approve approved lgtm change changes request set add remove delete drop".split()
)


def starts_like_command(text: str) -> bool:
    """Whether a reply starts with a review command's word ('set', 'approve', 'changes:')."""
    words = clean(text).split(maxsplit=1)
    first = words[0].lower().rstrip(":,.!–—-") if words else ""
    return first in _COMMAND_WORDS


def mentions(text: str, bot_user_id: str | None) -> bool:
    """Whether `text` @mentions Newjob."""
    return bool(bot_user_id) and f"<@{bot_user_id}" in text


def refusal(result: Refusable) -> str:
    return say(f"review.refused.{result.refused}", **result.detail)


def ephemeral(client: WebClient, channel: str, user: str, text: str, thread_ts: str = "") -> None:
    """A note only `user` sees, in the thread they wrote in; never raises."""
    try:
        kwargs: dict[str, Any] = {"channel": channel, "user": user, "text": text}
        if thread_ts:
            kwargs["thread_ts"] = thread_ts
        client.chat_postEphemeral(**kwargs)
    except (SlackClientError, OSError) as exc:
        log.warning("could not tell %s: %s", user, slack_error(exc))


def direct_message(client: WebClient, draft: DraftRecord, text: str) -> None:
    """News for the requester in their draft's DM thread, also shown in the DM itself (it
    needs them); never raises (the review thread has the same news)."""
    try:
        channel = draft.dm_channel
        kwargs: dict[str, Any] = {}
        if channel.startswith("D") and draft.dm_thread_ts:
            kwargs = {"thread_ts": draft.dm_thread_ts, "reply_broadcast": True}
        if not channel.startswith("D"):
            channel = client.conversations_open(users=draft.requester)["channel"]["id"]
        client.chat_postMessage(channel=channel, text=text, **kwargs)
    except (SlackClientError, OSError) as exc:
        log.warning("could not DM %s: %s", draft.requester, slack_error(exc))


def in_thread(
    client: WebClient,
    draft: DraftRecord,
    text: str,
    blocks: list[Any],
    inform: Inform | None = None,
) -> bool:
    """Post in the draft's review thread. When Slack won't take it (after the client's
    retries), the person who acted hears so (what they did is saved all the same)."""
    try:
        client.chat_postMessage(
            channel=draft.review_channel, thread_ts=draft.review_ts, text=text, blocks=blocks
        )
        return True
    except (SlackClientError, OSError) as exc:
        error = slack_error(exc)
        log.warning("could not post in the review thread of #%s: %s", draft.id, error)
        if inform is not None:
            inform(say("review.thread_failed", error=escape(error)))
        return False


# ------------------------------------------------------------------ the review post


def review_message(app: Services, draft: DraftRecord, client: WebClient) -> tuple[str, list[Any]]:
    review = reviewing(app)
    posting = app.drafting.posting(draft)
    if posting is None:
        raise LookupError(draft.id)
    failure = ""
    if draft.status is DraftStatus.APPROVED:
        failures = [e for e in app.store.history(draft.id) if e.kind == "publish_failed"]
        failure = str(failures[-1].detail.get("error", "")) if failures else ""
    findings = review.findings(draft, posting)
    approvers = review.approvals(draft)
    name = names(client)
    return rb.review_post(
        draft,
        posting,
        findings=findings,
        approvers=approvers,
        required=review.policy.required,
        blocked=review.check_summary(draft, posting).blocks_approval,
        name=name,
        override=review.override(draft.id, draft.current_version),
        failure=failure,
        market=market_range(posting, role_for(draft.role_key)),
        waiting=waiting_line(app, draft, approvers, name),
    )


def waiting_line(app: Services, draft: DraftRecord, approved: list[str], name: rb.Name) -> str:
    """Who the draft waits for: the approver groups as mentions (the card's first post pings
    them), the approvers by name (they hear by DM); '' when anyone may approve."""
    policy = reviewing(app).policy
    people = [
        rb.group_mention(entry) if entry.startswith("S") else name(entry)
        for entry in sorted(policy.approvers)
        if entry != draft.requester and entry not in approved
    ]
    return ", ".join(people)


def refresh(client: WebClient, app: Services, draft_id: int) -> None:
    """Update the review post in place to show the current version and status."""
    draft = app.store.draft(draft_id)
    if draft is None or not draft.review_ts:
        return
    text, blocks = review_message(app, draft, client)
    try:
        client.chat_update(
            channel=draft.review_channel, ts=draft.review_ts, text=text, blocks=blocks
        )
    except (SlackClientError, OSError) as exc:
        log.warning("could not update the review post of #%s: %s", draft.id, slack_error(exc))
    home.refresh(client, app, draft)
    living.show_status(client, draft)


def submit(client: WebClient, app: Services, draft_id: int, user: str, inform: Inform) -> None:
    """Send a ready draft to the review channel (once), or say exactly why not."""
    channel = app.settings.newjob_review_channel
    if not channel:
        inform(say("review.no_review_channel"))
        return
    review = reviewing(app)
    claimed = review.submit(draft_id, user)
    if claimed.refused is not None or claimed.draft is None:
        inform(refusal(claimed))
        return
    draft = claimed.draft
    try:
        text, blocks = review_message(app, draft, client)
        posted = client.chat_postMessage(channel=channel, text=text, blocks=blocks)
    except (SlackClientError, OSError) as exc:
        review.submission_failed(draft)
        error = slack_error(exc)
        log.warning("could not post draft #%s for review: %s", draft.id, error)
        if error in ("not_in_channel", "channel_not_found", "is_archived"):
            inform(say("review.not_in_channel", channel=rb.channel_link(channel)))
        else:
            inform(say("review.post_failed", error=escape(error)))
        return
    ts = str(posted["ts"])
    where = str(posted.get("channel") or channel)
    link = permalink(client, where, ts)
    draft = review.submitted(draft, actor=user, channel=where, ts=ts, permalink=link)
    ping_approvers(client, app, draft, actor=user)
    home.refresh(client, app, draft)
    living.show_status(client, draft)
    note = say(
        "review.submitted",
        version=draft.current_version,
        channel=rb.channel_link(where),
        link=rb.link_target(link) if link else "",
    )
    try:
        client.chat_postMessage(
            channel=draft.dm_channel or user, thread_ts=draft.dm_thread_ts or None, text=note
        )
    except (SlackClientError, OSError) as exc:
        log.warning("could not confirm the submission of #%s: %s", draft.id, slack_error(exc))


def ping_approvers(
    client: WebClient,
    app: Services,
    draft: DraftRecord,
    *,
    actor: str,
    told: Collection[str] = (),
) -> None:
    """A DM to each approver named in the settings that a version waits for them: not the
    requester, nor whoever acted, nor those `told` already (mentioned in the thread). User
    groups are mentioned on the review card and in the thread instead."""
    policy = reviewing(app).policy
    text = say(
        "review.ping.waiting",
        title=escape(draft.title),
        version=draft.current_version,
        requester=names(client)(draft.requester),
        link=rb.link_target(draft.permalink) if draft.permalink else "",
    )
    for user in sorted(policy.approvers):
        if not rb.is_user_id(user) or user in (draft.requester, actor, *told):
            continue
        try:
            channel = client.conversations_open(users=user)["channel"]["id"]
            client.chat_postMessage(channel=channel, text=text)
        except (SlackClientError, OSError) as exc:
            log.warning("could not tell approver %s: %s", user, slack_error(exc))


def permalink(client: WebClient, channel: str, ts: str) -> str:
    try:
        return str(client.chat_getPermalink(channel=channel, message_ts=ts).get("permalink") or "")
    except (SlackClientError, OSError) as exc:
        log.warning("no permalink for %s/%s: %s", channel, ts, slack_error(exc))
        return ""


# ------------------------------------------------------------------ approvals


def approve(
    client: WebClient,
    app: Services,
    draft_id: int,
    user: str,
    inform: Inform,
    *,
    version: int | None = None,
    override_reason: str | None = None,
) -> ApprovalResult:
    result = reviewing(app).approve(
        draft_id,
        user,
        version=version,
        members_of=members_of(client),
        override_reason=override_reason,
    )
    if result.refused is not None:
        inform(refusal(result))
        return result
    approved(client, app, result, user, reason=override_reason or "", inform=inform)
    return result


def approved(
    client: WebClient,
    app: Services,
    result: ApprovalResult,
    user: str,
    *,
    reason: str = "",
    inform: Inform | None = None,
) -> None:
    """Show a counted approval in the thread and on the post; publish if it was the last."""
    draft = result.draft
    if draft is None or not result.counted:
        return
    key = "review.override_thread" if result.overridden else "review.approved_note"
    text = say(
        key,
        user=names(client)(user),
        version=result.version,
        approvals=result.approvals,
        required=result.required,
        reason=escape(reason),
    )
    in_thread(client, draft, text, [rb.bk.section(text)], inform)
    if result.publish:
        publish(client, app, draft.id, user)
    else:
        refresh(client, app, draft.id)


# ------------------------------------------------------------------ changes and new versions


def changes_requested(
    client: WebClient, app: Services, draft_id: int, user: str, comment: str, inform: Inform
) -> bool:
    result = reviewing(app).request_changes(draft_id, user, comment, members_of=members_of(client))
    if result.refused is not None or result.draft is None:
        inform(refusal(result))
        return False
    draft = result.draft
    text, blocks = rb.changes_post(names(client)(user), result.version, result.comment)
    in_thread(client, draft, text, blocks, inform)
    refresh(client, app, draft.id)
    dm = "\n".join(
        [
            say(
                "review.changes_dm",
                user=names(client)(user),
                title=escape(draft.title),
                version=result.version,
            ),
            rb.quoted(result.comment),
            say(
                "review.changes_dm_after",
                link=rb.link_target(draft.permalink) if draft.permalink else "",
            ),
        ]
    )
    direct_message(client, draft, dm)
    return True


def announce(
    client: WebClient, app: Services, revision: Revision, user: str, inform: Inform | None = None
) -> None:
    """A new version: its diff in the thread, pinging whoever must look again (the approvers
    who asked for changes or approved the version before, never the person who made it), and
    the post updated in place."""
    draft = revision.draft
    if draft is None or revision.after is None:
        return
    summary = reviewing(app).check_summary(draft, revision.after)
    again = to_look_again(app, draft, user)
    pings = [rb.mention(person) for person in again]
    if revision.reopened:  # it waits for the approvers again: the groups hear it here
        pings += [rb.group_mention(g) for g in reviewing(app).policy.groups]
    text, blocks = rb.version_post(
        revision.version,
        names(client)(user),
        describe(revision.changes),
        checks_line=summary.line,
        reopened=revision.reopened,
        ping=" ".join(pings),
    )
    in_thread(client, draft, text, blocks, inform)
    refresh(client, app, draft.id)
    if revision.reopened:
        ping_approvers(client, app, draft, actor=user, told=again)


def to_look_again(app: Services, draft: DraftRecord, actor: str) -> list[str]:
    """Approvers whose word was on the version before this one: who asked for changes on it,
    and who approved it. Not the actor, nor the requester."""
    before = draft.current_version - 1
    people = [
        event.actor
        for event in app.store.history(draft.id)
        if event.kind == "changes_requested" and event.version == before
    ]
    people += [approval.approver for approval in app.store.approvals(draft.id, before)]
    seen: list[str] = []
    for person in people:
        if person not in seen and person not in (actor, draft.requester):
            seen.append(person)
    return seen


def revised(
    client: WebClient, app: Services, revision: Revision, user: str, inform: Inform
) -> bool:
    """Announce a revision, or tell the person why there is none."""
    if revision.problems:
        inform(say("review.edit_problem", problems=escape(" ".join(revision.problems.values()))))
        return False
    if revision.refused is not None:
        inform(refusal(revision))
        return False
    announce(client, app, revision, user, inform)
    if revision.published:
        inform(
            say(
                "review.revising_published",
                version=revision.version,
                published=revision.published,
            )
        )
    return True


# ------------------------------------------------------------------ publishing


class JobsChannel:
    """The jobs channel as a job board: a compact card, the whole posting in its thread. The
    exports go to the people who made the posting (the requester's DM thread and the review
    thread), not under the public post where readers ask their questions."""

    def __init__(
        self,
        client: WebClient,
        channel: str | None,
        posting_of: Callable[[DraftRecord], Posting | None],
    ) -> None:
        self.client = client
        self.channel = channel
        self.posting_of = posting_of

    def post(self, draft: DraftRecord, posting: Posting) -> PostedAt:
        if not self.channel:
            raise BoardUnavailable(say("review.no_jobs_channel"))
        text, blocks = rb.published_post(posting)
        try:
            posted = self.client.chat_postMessage(channel=self.channel, text=text, blocks=blocks)
        except (SlackClientError, OSError) as exc:
            raise BoardUnavailable(slack_error(exc)) from exc
        channel, ts = str(posted.get("channel") or self.channel), str(posted["ts"])
        return PostedAt(channel, ts, permalink(self.client, channel, ts))

    def update(self, draft: DraftRecord, where: PostedAt, posting: Posting) -> None:
        text, blocks = rb.published_post(posting)
        try:
            self.client.chat_update(channel=where.channel, ts=where.ts, text=text, blocks=blocks)
        except (SlackClientError, OSError) as exc:
            raise BoardUnavailable(slack_error(exc)) from exc

    def attach(self, draft: DraftRecord, where: PostedAt, files: list[Export]) -> None:
        posting = self.posting_of(draft)
        try:
            if posting is not None:
                text, blocks = rb.description_post(posting)
                self.client.chat_postMessage(
                    channel=where.channel, thread_ts=where.ts, text=text, blocks=blocks
                )
            comment = say("review.exports_comment", title=escape(draft.title))
            for channel, thread in (
                (draft.dm_channel, draft.dm_thread_ts),
                (draft.review_channel, draft.review_ts),
            ):
                if channel and thread:
                    self.client.files_upload_v2(
                        file_uploads=rb.upload_list(files),
                        channel=channel,
                        thread_ts=thread,
                        initial_comment=comment,
                    )
        except (SlackClientError, OSError) as exc:
            raise BoardUnavailable(slack_error(exc)) from exc


def publish(client: WebClient, app: Services, draft_id: int, user: str) -> bool:
    """Publish an approved draft; on failure, say so in the thread with a Retry button."""
    board = JobsChannel(client, app.settings.newjob_jobs_channel, app.drafting.posting)
    publication = reviewing(app).publish(draft_id, user, board)
    draft = publication.draft
    refresh(client, app, draft.id)
    if not publication.published:
        if publication.failed_step:
            text, blocks = rb.failure_post(draft, publication.failed_step, publication.error)
            in_thread(client, draft, text, blocks)
        return False
    if draft.jobs_ts:
        text = say(
            "review.published_thread",
            channel=rb.channel_link(draft.jobs_channel),
            link=rb.link_target(draft.permalink),
        )
        in_thread(client, draft, text, [rb.bk.section(text)])
        direct_message(
            client,
            draft,
            say(
                "review.published_dm",
                title=escape(draft.title),
                link=rb.link_target(draft.permalink) if draft.permalink else "",
            ),
        )
    return True


def retry(client: WebClient, app: Services, draft_id: int, user: str, inform: Inform) -> None:
    if not reviewing(app).claim_retry(draft_id):
        inform(say("review.retry_not_needed"))
        return
    publish(client, app, draft_id, user)
