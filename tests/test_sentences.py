"""Sentence splitting: exact spans, news abbreviations, layout, sumy compatibility."""

from __future__ import annotations

from itertools import pairwise
from pathlib import Path

import pytest
from sumy.parsers.plaintext import PlaintextParser

from summarizer.sentences import OfflineTokenizer, split_sentences

SEED = Path(__file__).resolve().parents[1] / "seeds" / "upi-russia-syria-airstrikes.txt"


def texts(text: str) -> list[str]:
    return [sentence.text for sentence in split_sentences(text)]


@pytest.fixture(scope="module")
def seed() -> str:
    return SEED.read_text(encoding="utf-8")


def test_every_span_points_at_its_text(seed: str) -> None:
    sentences = split_sentences(seed)
    assert len(sentences) > 20
    for sentence in sentences:
        start, end = sentence.span
        assert seed[start:end] == sentence.text == sentence.text.strip()


def test_spans_are_in_order_and_disjoint(seed: str) -> None:
    spans = [sentence.span for sentence in split_sentences(seed)]
    assert all(left[1] <= right[0] for left, right in pairwise(spans))


def test_seed_headline_and_byline_stand_alone(seed: str) -> None:
    found = texts(seed)
    assert found[0] == "Russian Defense Ministry: Airstrikes in Syria will 'continue intensifying'"
    assert found[1].startswith("Russia says it is attacking the Islamic State")
    assert found[2] == "By Fred Lambert"
    assert found[-1] == "Latest Headlines"


@pytest.mark.parametrize(
    "opening",
    [
        "DAMASCUS, Syria, Oct. 4 (UPI) -- Russia says it will",
        "Russian Col. Gen. Andrei Kartapolov on Saturday said",
        "The announcement came a day after members of the U.S.-led coalition",
        "U.S. President Barack Obama has said",
    ],
)
def test_seed_abbreviations_do_not_split(seed: str, opening: str) -> None:
    matching = [text for text in texts(seed) if opening in text]
    assert len(matching) == 1
    assert matching[0].startswith(opening)
    assert matching[0].endswith(".")


def test_quote_split_across_sentences_keeps_closing_quote(seed: str) -> None:
    found = texts(seed)
    assert any(text.endswith("the statement read.") for text in found)
    assert any(text.startswith('"We call on the Russian Federation') for text in found)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (
            "Mr. Smith went to No. 10 Downing St. on Monday. He left.",
            ["Mr. Smith went to No. 10 Downing St. on Monday.", "He left."],
        ),
        (
            "J. K. Rowling wrote it. Dr. Who did not.",
            ["J. K. Rowling wrote it.", "Dr. Who did not."],
        ),
        (
            "Prices rose 3.5 percent, e.g. in food. Wages fell.",
            ["Prices rose 3.5 percent, e.g. in food.", "Wages fell."],
        ),
        ("He paused... Then he left.", ["He paused...", "Then he left."]),
        ("It was... fine. Really.", ["It was... fine.", "Really."]),
        (
            '"We will go," he said. "Fine." Next came the vote.',
            ['"We will go," he said.', '"Fine."', "Next came the vote."],
        ),
        ('"Why?" he asked. Nobody knew!', ['"Why?" he asked.', "Nobody knew!"]),
        (
            "Troops left the U.S. The base closed. It was 5 p.m. Sunday.",
            ["Troops left the U.S.", "The base closed.", "It was 5 p.m. Sunday."],
        ),
        (
            "Apple Inc. CEO Tim Cook spoke to Apple Inc. The firm cheered.",
            ["Apple Inc. CEO Tim Cook spoke to Apple Inc.", "The firm cheered."],
        ),
        (
            "Bombing began in Oct. 2015. Then it stopped.",
            ["Bombing began in Oct. 2015.", "Then it stopped."],
        ),
        (
            "In 1998 then-Rep. Esteban Torres retired. Ex-Gov. Ann Lee stayed.",
            ["In 1998 then-Rep. Esteban Torres retired.", "Ex-Gov. Ann Lee stayed."],
        ),
        (
            '"Is it over?" King asked Scott. It was a "disaster!" The council said nothing. '
            '"It is over." That is what he said.',
            [
                '"Is it over?" King asked Scott.',
                'It was a "disaster!"',
                "The council said nothing.",
                '"It is over."',
                "That is what he said.",
            ],
        ),
        (
            'The vote was close. \u00a0"Is it over?" King asked Scott.',
            ["The vote was close.", '"Is it over?" King asked Scott.'],
        ),
        ("他来了。她走了。", ["他来了。", "她走了。"]),
    ],
)
def test_splits_news_prose(text: str, expected: list[str]) -> None:
    assert texts(text) == expected


def test_blank_line_always_ends_a_sentence() -> None:
    assert texts("A paragraph without a stop\n\nthe next one, lower case.") == [
        "A paragraph without a stop",
        "the next one, lower case.",
    ]


def test_headline_line_is_apart_from_the_body() -> None:
    assert texts("Markets Rally on Rate Hopes\nStocks rose on Monday. Bonds fell.") == [
        "Markets Rally on Rate Hopes",
        "Stocks rose on Monday.",
        "Bonds fell.",
    ]


def test_hard_wrapped_lines_are_joined() -> None:
    text = "The minister said the plan,\nwhich was new, would\nbe dropped. Others agreed."
    assert texts(text) == [
        "The minister said the plan,\nwhich was new, would\nbe dropped.",
        "Others agreed.",
    ]


def test_skip_spans_drop_overlapping_sentences(seed: str) -> None:
    start = seed.index("By Fred Lambert")
    kept = texts_skipping(seed, [(start, start + 3)])
    assert "By Fred Lambert" not in kept
    assert len(kept) == len(texts(seed)) - 1


def texts_skipping(text: str, skip: list[tuple[int, int]]) -> list[str]:
    return [sentence.text for sentence in split_sentences(text, skip)]


def test_empty_and_blank_text_have_no_sentences() -> None:
    assert split_sentences("") == []
    assert split_sentences(" \n\n \t") == []


def test_offline_tokenizer_words_keep_inner_apostrophes_and_hyphens() -> None:
    tokenizer = OfflineTokenizer("english")
    assert tokenizer.language == "english"
    assert tokenizer.to_words("It's the U.S.-led coalition, 60 sorties!") == (
        "It's",
        "the",
        "U",
        "S",
        "led",
        "coalition",
        "sorties",
    )


def test_offline_tokenizer_feeds_sumy_plaintext_parser(seed: str) -> None:
    document = PlaintextParser.from_string(seed, OfflineTokenizer("english")).document
    sumy_texts = [str(sentence) for sentence in document.sentences]
    assert "By Fred Lambert" in sumy_texts
    assert any(text.startswith("Russian Col. Gen. Andrei Kartapolov") for text in sumy_texts)
    assert len(document.paragraphs) > 10
