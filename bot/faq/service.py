"""The FAQ: from a question to an answer with its sources, or an honest "I can't answer that".

In order: questions about one of our postings are answered from the store; then the curated
FAQ of `roles/*.yaml`; then comparisons of two roles; then the topics asked about one role, from
the catalogue and pay data. A question understood too weakly (below CONFIDENCE_MIN), about a
role nobody knows, or about anything else is refused with what the FAQ can answer.
"""

from __future__ import annotations

import datetime as dt
from functools import cache

from bot.catalog import resolve
from bot.faq.curated import CuratedFaq, CuratedMatch
from bot.faq.facts import (
    RoleFacts,
    Section,
    compare,
    compare_places,
    facts_for,
    tools_named,
    topic_answer,
)
from bot.faq.model import FaqAnswer, PostingField, RoleMention, Topic, Understanding
from bot.faq.postings import (
    OpenPosting,
    Postings,
    answer_posting,
    choose,
    source_line,
    which,
)
from bot.faq.sources import Cited, from_source
from bot.faq.understand import reader, understand
from bot.faq.wording import render
from bot.store import DraftRecord, DraftStatus, Store, StoreUnavailable

CONFIDENCE_MIN = 0.45  # below this, the FAQ says it is not sure rather than guess
CURATED_MIN = 0.6
STRONG_TOPIC = 0.8  # a topic this sure is answered even with words nothing explained
MAX_TOPICS = 3
SUGGESTION_MIN = 0.7

# Fields only a posting can answer: the catalogue knows nothing of a job's workplace or dates.
POSTING_ONLY = (
    PostingField.WORKPLACE,
    PostingField.CLOSING,
    PostingField.APPLY,
    PostingField.EMPLOYMENT,
)


@cache
def curated_faq() -> CuratedFaq:
    from bot.roles.curated import load_curated_roles

    return CuratedFaq(load_curated_roles(), reader())


def _mention_for_draft(draft: DraftRecord) -> RoleMention | None:
    from bot.roles.lookup import role_for

    role = role_for(draft.role_key)
    if role is None:
        return None
    return RoleMention(
        typed=draft.title,
        key=draft.role_key,
        code=role.onet_code or "",
        title=draft.title or role.title,
        score=1.0,
        curated=role.curated,
    )


class Faq:
    """Answers questions; `store` (optional) gives the postings, `today` dates them."""

    def __init__(self, store: Store | None = None, *, today: dt.date | None = None) -> None:
        self.store = store
        self._today = today

    @property
    def today(self) -> dt.date:
        return self._today or dt.date.today()

    def postings(self) -> Postings | None:
        return Postings(self.store) if self.store is not None else None

    # -- the answer -------------------------------------------------------------------------

    def ask(
        self, question: str, *, draft_id: int | None = None, asker: str | None = None
    ) -> FaqAnswer:
        """The answer to `question`; `draft_id` is the draft whose thread it was asked in.

        `asker` is the Slack user asking: outside a draft's own thread, a posting not yet
        published is spoken of only to the person who drafted it (its thread's people see it
        already). Without an asker (the command line and the playground, used by whoever runs
        the app) every open posting is."""
        text = " ".join(str(question or "").split())
        if not text:
            return self._refuse(text, "unsure")
        # The scope guard comes first: nothing is looked up for a question about a person, a
        # candidate or a legal case.
        out = reader().out_of_scope(text)
        if out is not None:
            return self._refuse(text, f"scope_{out.reason}", names=out.names)
        understanding = understand(text)
        draft = self._draft(draft_id)
        if understanding.openings and not understanding.roles:
            return self._openings(understanding, asker)
        if self._about_posting(understanding, draft):
            found = self._posting(understanding, draft, asker)
            if found.answered or not self._role_would_answer(understanding, draft):
                return found
            role = understanding.role
            about_role = self._answer_roles(understanding, draft, list(understanding.roles))
            if about_role.answered and role is not None:
                note = render("posting_fallback", title=role.title)
                about_role.answer = f"{about_role.answer}\n\n{note}"
            return about_role
        if understanding.help and not understanding.roles:
            return FaqAnswer(question=text, answered=True, answer=render("help"), kind="help")
        return self._answer_roles(understanding, draft, list(understanding.roles))

    def _answer_roles(
        self, understanding: Understanding, draft: DraftRecord | None, roles: list[RoleMention]
    ) -> FaqAnswer:
        """The answer about the roles a question names (or the draft's role in its thread)."""
        text = understanding.question
        if not roles:
            if understanding.unknown and (understanding.main_topics() or understanding.compare):
                return self._unknown_role(understanding)
            mention = _mention_for_draft(draft) if draft is not None else None
            if mention is None:
                if understanding.main_topics():
                    return self._refuse(text, "which_role")
                return self._refuse(text, "refuse")
            if understanding.leftovers:
                # In a draft's thread with words nothing explained ("what does the pay law in
                # Colorado require?"): likely not a question about the role, so no guess.
                return self._refuse(text, "unsure")
            roles = [mention]
        if understanding.unknown_words:
            return self._unknown_role(understanding)
        if understanding.compare >= 0.6 and len(roles) == 1 and understanding.unknown:
            return self._unknown_role(understanding)
        asked = self._asked(understanding)
        if len(roles) >= 2 and understanding.compare > 0:
            if Topic.PAY not in asked:
                matched = curated_faq().match(understanding)
                if matched is not None and matched.confidence >= CURATED_MIN:
                    return self._curated(understanding, matched)
            return self._compare(understanding, roles[0], roles[1])
        mention = max(roles, key=lambda r: r.score)
        if len(understanding.places) >= 2 and (Topic.PAY in asked or not asked):
            return self._compare_places(understanding, mention)
        if len(asked) <= 1 and not understanding.places:
            matched = curated_faq().match(understanding)
            if matched is not None and matched.confidence >= CURATED_MIN:
                return self._curated(understanding, matched)
        return self._topics(understanding, mention)

    # -- kinds of answer --------------------------------------------------------------------

    def _draft(self, draft_id: int | None) -> DraftRecord | None:
        if draft_id is None or self.store is None:
            return None
        try:
            return self.store.draft(draft_id)
        except StoreUnavailable:
            return None

    def _about_posting(self, understanding: Understanding, draft: DraftRecord | None) -> bool:
        fields = understanding.posting_fields
        if understanding.posting >= 0.9 and (fields or understanding.roles or draft is not None):
            # "Who approves job postings?" names postings but asks nothing a posting says.
            return True
        if any(fields.get(f, 0.0) >= 0.9 for f in POSTING_ONLY):
            return True
        # In a draft's thread, "what's the pay range?" asks about that draft ("what does it pay
        # in Colorado?" asks what the role pays there).
        return (
            draft is not None
            and bool(fields)
            and not understanding.roles
            and not understanding.leftovers
            and understanding.place is None
        )

    @staticmethod
    def _role_would_answer(understanding: Understanding, draft: DraftRecord | None) -> bool:
        """No posting answers "electrician pay, and is the job dangerous?": "the job" is the
        role there, and a question the role answers (pay, duties…) is answered about it."""
        fields = understanding.posting_fields
        only_posting = any(fields.get(f, 0.0) >= 0.6 for f in POSTING_ONLY)
        return (
            draft is None
            and understanding.posting < 1.0
            and not only_posting
            and bool(understanding.roles)
            and bool(understanding.asked())
        )

    def _posting(
        self, understanding: Understanding, draft: DraftRecord | None, asker: str | None
    ) -> FaqAnswer:
        question = understanding.question
        role = understanding.role
        postings = self.postings()
        title = role.title if role else ""

        def none_open() -> FaqAnswer:
            return self._refuse(question, "posting_none", title=title, personal=asker is not None)

        if postings is None:
            return none_open()
        try:
            found: OpenPosting | None = None
            if draft is not None and (role is None or self._same_role(draft, role)):
                found = postings.load(draft)
            else:
                candidates = postings.for_role(role) if role else postings.open_drafts()
                candidates = [
                    d for d in candidates if _may_hear_of(d, asker) or postings.published(d)
                ]
                chosen, several = choose(candidates)
                if chosen is None and several:
                    return FaqAnswer(
                        question=question,
                        answered=False,
                        answer=which(several),
                        kind="posting_which",
                        confidence=0.5,
                    )
                found = postings.load(chosen) if chosen is not None else None
        except StoreUnavailable:
            found = None
        if found is None:
            return none_open()
        fields = [f for f, w in understanding.posting_fields.items() if w >= 0.6]
        if Topic.PAY in understanding.main_topics() and PostingField.PAY not in fields:
            fields.append(PostingField.PAY)
        ordered = [f for f in PostingField if f in fields]
        cited = Cited()
        answer = answer_posting(found, ordered, cited, self.today)
        return FaqAnswer(
            question=question,
            answered=True,
            answer=answer,
            sources=cited.lines,
            kind="posting",
            confidence=1.0,
            link=found.link,
        )

    @staticmethod
    def _same_role(draft: DraftRecord, role: RoleMention) -> bool:
        mention = _mention_for_draft(draft)
        return mention is not None and (mention.key == role.key or mention.code == role.code)

    def _curated(self, understanding: Understanding, matched: CuratedMatch) -> FaqAnswer:
        item = matched.item
        cited = Cited()
        source = item.role.source_by_id(item.entry.source)
        label = cited.use(from_source(source)) if source is not None else ""
        answer = render("curated", answer=item.entry.answer, label=label)
        return FaqAnswer(
            question=understanding.question,
            answered=True,
            answer=answer,
            sources=cited.lines,
            kind=f"faq:{item.entry.id}",
            confidence=matched.confidence,
        )

    def _compare(
        self, understanding: Understanding, first: RoleMention, second: RoleMention
    ) -> FaqAnswer:
        one, two = facts_for(first), facts_for(second)
        if one is None or two is None:
            return self._refuse(understanding.question, "refuse")
        cited = Cited()
        text = compare(one, two, cited, understanding.place, self._asked(understanding))
        text = self._with_notes(text, [one, two])
        confidence = min(first.score, second.score) * max(understanding.compare, 0.6)
        return FaqAnswer(
            question=understanding.question,
            answered=True,
            answer=text,
            sources=cited.lines,
            kind="compare",
            confidence=round(confidence, 3),
        )

    @staticmethod
    def _asked(understanding: Understanding) -> list[Topic]:
        """Every topic the question asks about: a compound question asks several."""
        return understanding.asked()

    def _openings(self, understanding: Understanding, asker: str | None) -> FaqAnswer:
        question = understanding.question
        published: list[OpenPosting] = []
        postings = self.postings()
        if postings is not None:
            try:
                for draft in postings.open_drafts():
                    if draft.status is DraftStatus.PUBLISHED:
                        found = postings.load(draft)
                        if found is not None:
                            published.append(found)
            except StoreUnavailable:
                published = []
        cited = Cited()
        for found in published:
            cited.add(source_line(found))
        items = [
            {"id": f.draft.id, "title": f.posting.title, "link": f.link or ""} for f in published
        ]
        return FaqAnswer(
            question=question,
            answered=bool(items),
            answer=render("openings", postings=items),
            sources=cited.lines,
            kind="openings" if items else "openings_none",
            confidence=1.0,
            link=published[0].link if published else None,
        )

    def _tools_named(
        self, understanding: Understanding, mention: RoleMention, topics: list[Topic]
    ) -> FaqAnswer | None:
        """'Does a network tech use Cisco?': the words nothing else explained, as a tool."""
        if Topic.TOOLS not in topics:
            return None
        facts = facts_for(mention)
        if facts is None:
            return None
        cited = Cited()
        section = tools_named(facts, cited, list(understanding.leftovers))
        if section is None:
            return None
        return FaqAnswer(
            question=understanding.question,
            answered=True,
            answer=section.text,
            sources=cited.lines,
            kind="tools",
            confidence=round(mention.score * 0.8, 3),
        )

    def _compare_places(self, understanding: Understanding, mention: RoleMention) -> FaqAnswer:
        facts = facts_for(mention)
        if facts is None:
            return self._refuse(understanding.question, "refuse")
        cited = Cited()
        section = compare_places(facts, understanding.places, cited, understanding.pay_ask)
        # The other parts of the question ("… and do they need a license?"), after the pay.
        others = [t for t in self._asked(understanding) if t is not Topic.PAY][: MAX_TOPICS - 1]
        parts = [section, *(self._part(t, facts, cited, understanding, 2) for t in others)]
        text = "\n\n".join(p.text for p in parts if p.text)
        return FaqAnswer(
            question=understanding.question,
            answered=section.grounded,
            answer=self._with_notes(text, [facts]),
            sources=cited.lines if section.grounded else [],
            kind="compare_places" if section.grounded else "no_data",
            confidence=round(mention.score, 3),
        )

    def _topics(self, understanding: Understanding, mention: RoleMention) -> FaqAnswer:
        question = understanding.question
        topics = self._asked(understanding)
        strength = max((understanding.topics[t] for t in topics), default=0.0)
        if understanding.place is not None and Topic.PAY not in topics and not topics:
            topics, strength = [Topic.PAY], 0.7
        if not topics:
            if understanding.leftovers:
                return self._refuse(question, "role_no_topic", title=mention.title)
            topics, strength = [Topic.DESCRIBE], 0.7
        elif understanding.leftovers and strength < STRONG_TOPIC and not understanding.unanswered:
            named = self._tools_named(understanding, mention, topics)
            if named is not None:
                return named
            return self._refuse(question, "role_no_topic", title=mention.title)
        confidence = round(strength * mention.score, 3)
        if confidence < CONFIDENCE_MIN:
            return self._refuse(question, "unsure", confidence=confidence)
        facts = facts_for(mention)
        if facts is None:
            return self._refuse(question, "unknown_role", typed=mention.typed, suggestions=[])
        chosen = topics[:MAX_TOPICS]
        cited = Cited()
        parts = [self._part(topic, facts, cited, understanding, len(chosen)) for topic in chosen]
        grounded = any(p.grounded for p in parts)
        fallback = None if grounded else self._fallback(mention, chosen, understanding)
        if fallback is not None:
            facts, cited, parts, note = fallback
            grounded = True
            parts.append(Section(note, False))
        if understanding.unanswered:
            parts.append(Section(render("part_unanswered", parts=understanding.unanswered), False))
        if understanding.employers and Topic.PAY in chosen:
            parts.append(Section(render("employer_note", names=understanding.employers), False))
        text = self._with_notes("\n\n".join(p.text for p in parts if p.text), [facts])
        return FaqAnswer(
            question=question,
            answered=grounded,
            answer=text,
            sources=cited.lines if grounded else [],
            kind="+".join(t.value for t in topics[:MAX_TOPICS]) if grounded else "no_data",
            confidence=confidence,
        )

    def _part(
        self,
        topic: Topic,
        facts: RoleFacts,
        cited: Cited,
        understanding: Understanding,
        count: int,
    ) -> Section:
        """One topic's answer; in a question of several parts, a curated entry on the topic
        answers that part."""
        if count > 1 and topic is not Topic.PAY:
            alone = understanding.model_copy(update={"topics": {topic: 1.0}, "places": []})
            matched = curated_faq().match(alone)
            if matched is not None and matched.confidence >= CURATED_MIN:
                item = matched.item
                source = item.role.source_by_id(item.entry.source)
                label = cited.use(from_source(source)) if source is not None else ""
                return Section(render("curated", answer=item.entry.answer, label=label), True)
        place = understanding.place
        states = {p.area.state if p.area else None for p in understanding.places}
        if topic is not Topic.PAY and len(states) > 1:
            place = None  # a licence "in Texas" would be wrong for the other place asked about
        return topic_answer(
            topic, facts, cited, place, understanding.pay_ask, understanding.direction
        )

    @staticmethod
    def _fallback(
        mention: RoleMention, topics: list[Topic], understanding: Understanding
    ) -> tuple[RoleFacts, Cited, list[Section], str] | None:
        """O*NET has no data on this for the occupation the title resolved to, but the title
        is ambiguous: the answer for the next occupation it can mean that has the data."""
        for key, title in zip(mention.other_keys, mention.others, strict=False):
            other = mention.model_copy(
                update={"key": key, "onet_title": title, "others": [], "other_keys": []}
            )
            facts = facts_for(other)
            if facts is None:
                continue
            other = other.model_copy(update={"code": facts.role.onet_code or ""})
            facts = RoleFacts(mention=other, role=facts.role, occupation=facts.occupation)
            cited = Cited()
            parts = [
                topic_answer(t, facts, cited, understanding.place, understanding.pay_ask)
                for t in topics
            ]
            if any(p.grounded for p in parts):
                note = render(
                    "fallback",
                    typed=mention.typed,
                    first=mention.onet_title or mention.title,
                    second=title,
                    topics=[t.value for t in topics],
                )
                return facts, cited, parts, note
        return None

    @staticmethod
    def _with_notes(text: str, facts: list[RoleFacts]) -> str:
        notes = []
        for item in facts:
            mention = item.mention
            if mention.others and not mention.curated:
                notes.append(
                    render(
                        "ambiguous",
                        typed=mention.typed,
                        title=mention.title,
                        onet_title=mention.onet_title,
                        others=mention.others,
                    )
                )
        return "\n\n".join([text, *notes]) if notes else text

    def _unknown_role(self, understanding: Understanding) -> FaqAnswer:
        typed = max(understanding.unknown, key=len)
        if understanding.unknown_words:
            return self._refuse(
                understanding.question,
                "unknown_word",
                typed=typed,
                words=understanding.unknown_words,
            )
        resolution = resolve(typed, limit=3)
        suggestions = (
            list(resolution.suggestions[:3])
            or [m.title for m in resolution.matches if m.score >= SUGGESTION_MIN][:3]
        )
        return self._refuse(
            understanding.question, "unknown_role", typed=typed, suggestions=suggestions
        )

    def _refuse(
        self, question: str, template: str, *, confidence: float = 0.0, **params: object
    ) -> FaqAnswer:
        return FaqAnswer(
            question=question,
            answered=False,
            answer=render(template, **params),
            kind=template,
            confidence=confidence,
        )


def _may_hear_of(draft: DraftRecord, asker: str | None) -> bool:
    return asker is None or draft.status is DraftStatus.PUBLISHED or draft.requester == asker


def ask(question: str, store: Store | None = None, *, draft_id: int | None = None) -> FaqAnswer:
    """One question answered (see `Faq`)."""
    return Faq(store).ask(question, draft_id=draft_id)


def answer(question: str) -> FaqAnswer:
    """One question about roles and pay, answered without the store (no postings)."""
    return Faq().ask(question)
