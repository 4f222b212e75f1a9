"""Parsing articles: exact text, paragraph batches, acronyms spelled like function words."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc

from summarizer.nlp import load_pipeline, parse_article
from summarizer.sentences import split_sentences
from summarizer.settings import DEFAULT_MODEL


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
