"""A summary sentence is shown without the dateline it opens with."""

from __future__ import annotations

import pytest

from summarizer.datelines import without_dateline
from summarizer.summarize import summarize
from summarizer.types import Sentence


def sentence_in(text: str, start: int = 0) -> Sentence:
    """A sentence that is ``text``, found at ``start`` of its article."""
    return Sentence(text, (start, start + len(text)))


@pytest.mark.parametrize(
    ("text", "kept"),
    [
        (
            "DAMASCUS, Syria, Oct. 4 (UPI) -- Russia says it will continue its air campaign.",
            "Russia says it will continue its air campaign.",
        ),
        (
            "LOS ANGELES, Sept. 28 (UPI) — In a preview clip, Blige sings to Clinton.",
            "In a preview clip, Blige sings to Clinton.",
        ),
        ("WASHINGTON — President Obama signed the bill.", "President Obama signed the bill."),
        ("LONDON (Reuters) - Shares fell on Monday.", "Shares fell on Monday."),
    ],
)
def test_a_dateline_is_left_out_and_the_span_follows(text: str, kept: str) -> None:
    article = "Headline\n\n" + text
    shown = without_dateline(sentence_in(text, start=10))
    assert shown.text == kept
    assert article[shown.span[0] : shown.span[1]] == kept


@pytest.mark.parametrize(
    "text",
    [
        "NATO -- the alliance of 30 countries -- met on Monday.",
        "Russia says it will continue its air campaign in Syria.",
        "DAMASCUS (UPI) --",
    ],
)
def test_a_sentence_without_a_dateline_is_kept_whole(text: str) -> None:
    assert without_dateline(sentence_in(text)) == sentence_in(text)


def test_a_summary_shows_its_sentences_without_their_datelines() -> None:
    text = (
        "DAMASCUS, Syria, Oct. 4 (UPI) -- Russia says it will continue its air campaign in Syria."
        " The ministry said the air force flew twenty sorties over the last day."
    )
    summary = summarize(text, (), count=2)
    assert summary[0].text == "Russia says it will continue its air campaign in Syria."
    assert all(text[s.span[0] : s.span[1]] == s.text for s in summary)
