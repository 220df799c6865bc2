"""The FAQ in Slack: which draft a thread belongs to, and an answer as a threaded message.

Answers are plain text from `bot.faq`; here they are escaped for mrkdwn (so nothing in them can
ping a channel or form a link it did not mean to), cut into sections within Slack's limits, and
followed by their sources.
"""

from __future__ import annotations

import re
from typing import Any

from slack_sdk import WebClient

from bot.faq import Faq, FaqAnswer
from bot.faq.postings import Postings
from bot.faq.wording import render
from bot.render.mrkdwn import escape
from bot.slack import blocks as bk
from bot.slack.context import Services
from bot.store import DraftRecord

_MENTION = re.compile(r"<@[UW][A-Z0-9]+(?:\|[^>]*)?>")


def question_text(text: str, bot_user_id: str | None) -> str:
    """What was asked, without the @Newjob mention(s) in front of (or inside) it."""
    if bot_user_id:
        text = re.sub(rf"<@{re.escape(bot_user_id)}(?:\|[^>]*)?>", " ", text)
    else:
        text = _MENTION.sub(" ", text, count=1)
    return " ".join(text.split()).lstrip(",:; ")


def thread_draft(app: Services, channel: str, thread_ts: str | None) -> DraftRecord | None:
    """The draft or posting a thread is about (review thread, jobs message, DM thread)."""
    return Postings(app.store).in_thread(channel, thread_ts)


def ask(app: Services, question: str, draft: DraftRecord | None, asker: str) -> FaqAnswer:
    """`asker` hears of postings not yet published only in their threads, or as their author."""
    return Faq(app.store).ask(question, draft_id=draft.id if draft else None, asker=asker)


def _sections(text: str) -> list[bk.Block]:
    """The escaped answer as sections of at most SECTION_LIMIT characters, split by paragraph."""
    out: list[str] = []
    for paragraph in escape(text).split("\n\n"):
        if out and len(out[-1]) + 2 + len(paragraph) <= bk.SECTION_LIMIT:
            out[-1] += "\n\n" + paragraph
        else:
            out.append(paragraph)
    return [bk.section(part) for part in out if part.strip()]


def answer_message(answer: FaqAnswer) -> tuple[str, list[bk.Block]]:
    """The fallback text and blocks of an answer (escaped)."""
    blocks = _sections(answer.answer)
    if answer.sources:
        blocks.append(bk.context(escape(render("sources_footer", sources=answer.sources))))
    return escape(answer.answer)[: bk.SECTION_LIMIT], blocks[: bk.MAX_BLOCKS]


def reply(client: WebClient, channel: str, thread_ts: str | None, answer: FaqAnswer) -> None:
    """Post the answer in the thread (or, without `thread_ts`, in the conversation)."""
    text, blocks = answer_message(answer)
    kwargs: dict[str, Any] = {"channel": channel, "text": text, "blocks": blocks}
    if thread_ts:
        kwargs["thread_ts"] = thread_ts
    client.chat_postMessage(**kwargs)
