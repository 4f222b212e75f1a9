"""Parsing articles: exact text, paragraph batches, acronyms spelled like function words."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from summarizer.nlp import load_pipeline, parse_article
from summarizer.sentences import split_sentences
from summarizer.settings import DEFAULT_MODEL
from summarizer.types import Sentence


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_pipeline(DEFAULT_MODEL)  # cached per process: loaded once for all modules


def token(doc: Doc, text: str) -> str:
    """The part of speech of the first token written ``text``."""
    return next(t.pos_ for t in doc if t.text == text)


@pytest.mark.parametrize(
    ("sentence", "acronym"),
    [
        ("The jets hit targets that did not belong to IS and killed 30 civilians.", "IS"),
        ("Analysts said the strikes hit IS positions near Raqqa on Friday.", "IS"),
        ("The ministry said talks with the WHO would resume next week.", "WHO"),
    ],
)
def test_an_acronym_spelled_like_a_function_word_is_parsed_as_a_name(
    nlp: Language, sentence: str, acronym: str
) -> None:
    assert token(parse_article(nlp, sentence), acronym) in ("PROPN", "NOUN")


def test_a_headline_in_capitals_keeps_its_verbs(nlp: Language) -> None:
    doc = parse_article(nlp, "WHO IS TO BLAME FOR THE FLOODS?")
    assert next(t for t in doc if t.text == "IS").norm_ == "is"


def test_a_long_article_is_one_doc_with_the_text_unchanged(nlp: Language) -> None:
    paragraph = "Officials said the US and IS were not in contact. " * 60
    text = "\n\n".join([paragraph] * 4)  # over several parse batches
    doc = parse_article(nlp, text)
    assert doc.text == text
    assert sum(t.text == "IS" and t.pos_ != "AUX" for t in doc) == 240


def test_the_parser_starts_sentences_where_the_splitter_does(nlp: Language) -> None:
    text = (
        "Ministry: Strikes will go on\n\n"
        "MOSCOW, Oct. 4 (UPI) -- Col. Gen. Ivan Petrov said the U.S.-led coalition was wrong. "
        "He said the jets flew 20 sorties."
    )
    starts = {sentence.span[0] for sentence in split_sentences(text)}
    doc = parse_article(nlp, text)
    assert starts <= {sentence.start_char for sentence in doc.sents}
    assert text.index("Gen.") not in {sentence.start_char for sentence in doc.sents}


def test_sentence_starts_are_told_in_every_parse_batch(nlp: Language) -> None:
    """Batches after the first are told the starts at their own offsets: a start told at
    the wrong place would open a sentence on a lower-case word."""
    text = "\n\n".join(
        " ".join(
            f"Col. Gen. Ivan Petrov said {'the very ' * (i % 7)}jets flew {i}."
            for i in range(n, n + 40)
        )
        for n in range(0, 160, 40)
    )  # over several parse batches, sentences of varied length
    split = split_sentences(text)
    doc = parse_article(nlp, text, split)
    assert {sentence.span[0] for sentence in split} <= {s.start_char for s in doc.sents}
    assert all(sentence.text[0].isupper() for sentence in doc.sents)


def test_a_split_made_by_the_caller_is_the_one_told_to_the_parser(nlp: Language) -> None:
    text = "The mayor said the plan failed and the council agreed with her on Monday."
    given = [Sentence(text[:34], (0, 34)), Sentence(text[35:], (35, len(text)))]
    doc = parse_article(nlp, text, given)
    assert 35 in {sentence.start_char for sentence in doc.sents}
