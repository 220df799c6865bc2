"""The dialogue that turns a job title into a complete Posting, one question at a time.

Plain Python, no Slack: the Slack and terminal adapters feed it answers and show its replies.
"""

from bot.dialogue.engine import (
    Answer,
    Ask,
    Cancelled,
    Dialogue,
    DialogueState,
    Note,
    Preview,
    Problem,
    Reply,
    Shown,
)
from bot.dialogue.questions import Choice, Question, load_questions

__all__ = [
    "Answer",
    "Ask",
    "Cancelled",
    "Choice",
    "Dialogue",
    "DialogueState",
    "Note",
    "Preview",
    "Problem",
    "Question",
    "Reply",
    "Shown",
    "load_questions",
]
