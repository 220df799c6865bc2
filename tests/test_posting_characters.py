"""Posting text keeps what a script needs and loses what could make it read otherwise."""

from __future__ import annotations

import pytest

from bot.posting import Posting
from bot.posting.characters import clean_text


@pytest.mark.parametrize(
    ("typed", "kept"),
    [
        ("Network \u202enaicinhceT\u202c", "Network naicinhceT"),
        ("\u2066Nurse\u2069\u200e\u200f\u061c", "Nurse"),
        ("Cook\u200b\u2060\ufeff", "Cook"),
        ("Chef\x00 de\x07 partie", "Chef de partie"),
        ("کار\u200cشناس", "کار\u200cشناس"),  # Persian: the non-joiner is spelling
        ("क्\u200dष", "क्\u200dष"),  # Devanagari: the joiner after a virama (a mark)
        ("\u200dNurse \u200c", "Nurse "),  # not between letters
        ("two\nlines\tand a tab", "two\nlines\tand a tab"),
    ],
)
def test_clean_text(typed: str, kept: str) -> None:
    assert clean_text(typed) == kept


def test_the_model_cleans_every_text_field() -> None:
    posting = Posting(
        title="\u202eNurse", team="Ward\u200b 4", responsibilities=["Care\u2066 for\x00 patients"]
    )
    assert (posting.title, posting.team, posting.responsibilities) == (
        "Nurse",
        "Ward 4",
        ["Care for patients"],
    )
