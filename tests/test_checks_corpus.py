"""The checks on postings written the way other employers write them (tests/data/postings_corpus).

Each posting comes with the findings a careful recruiter expects and those that would be false
alarms (expected.yaml). Precision and recall over the corpus must stay at 95 % and 90 % or better,
and each posting must give the same findings, notes included, as Markdown, HTML and plain text.
"""

from __future__ import annotations

from collections import Counter

import pytest

from bot.checks import check_text
from bot.checks.document import from_text
from bot.checks.reader import looks_like_html
from bot.checks.rules.gendered import coded_words
from tests.checks_samples import CORPUS, as_formats, corpus, corpus_scores, scored, verdict

ENTRIES = corpus()["postings"]
TODAY = corpus()["today"]


def test_the_corpus_is_large_and_varied() -> None:
    assert len(ENTRIES) >= 30
    files = [entry["file"] for entry in ENTRIES]
    assert len(set(files)) == len(files)
    assert {path.name for path in CORPUS.iterdir()} == {*files, "expected.yaml"}
    kinds = Counter(name.rsplit(".", 1)[1] for name in files)
    assert kinds["txt"] >= 10 and kinds["md"] >= 10 and kinds["html"] >= 2
    # Postings with problems and postings without, so that both precision and recall mean
    # something.
    assert sum(1 for entry in ENTRIES if not entry["expect"]) >= 10
    assert sum(1 for entry in ENTRIES if entry["expect"]) >= 15


@pytest.mark.parametrize("entry", ENTRIES, ids=[entry["file"] for entry in ENTRIES])
def test_no_known_false_alarm_is_raised(entry: dict[str, object]) -> None:
    text = (CORPUS / str(entry["file"])).read_text(encoding="utf-8")
    found = scored(check_text(text, today=TODAY))
    alarms = set(entry["false_alarms"])  # type: ignore[call-overload]
    assert not found & alarms, (entry["file"], sorted(found & alarms))


@pytest.mark.parametrize("entry", ENTRIES, ids=[entry["file"] for entry in ENTRIES])
def test_coded_words_are_counted_only_as_traits(entry: dict[str, object]) -> None:
    # Work words ("support tickets", "weld connections", "depending on experience", "the lead",
    # "a loyal clientele", "Active Directory") are no traits; "a gentle way with animals" is.
    text = (CORPUS / str(entry["file"])).read_text(encoding="utf-8")
    masculine, feminine = coded_words(from_text(text, today=TODAY))
    assert sorted((masculine + feminine).elements()) == sorted(entry.get("coded", []))  # type: ignore[call-overload]


@pytest.mark.parametrize("entry", ENTRIES, ids=[entry["file"] for entry in ENTRIES])
def test_every_format_gives_the_same_findings(entry: dict[str, object]) -> None:
    text = (CORPUS / str(entry["file"])).read_text(encoding="utf-8")
    found = verdict(check_text(text, today=TODAY))
    formats = as_formats(text)
    assert looks_like_html(formats["html"]) and not looks_like_html(formats["text-capitals"])
    for name, other in formats.items():
        assert verdict(check_text(other, today=TODAY)) == found, (entry["file"], name)


def test_precision_and_recall_on_the_corpus() -> None:
    scores = corpus_scores()
    assert scores["precision"] >= 0.95, scores
    assert scores["recall"] >= 0.90, scores
    assert scores["formats_agree"] == 1.0, scores
