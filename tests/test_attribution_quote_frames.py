"""A quote before its cue where the small parser loses it: read by layout
(``summarizer.attribution.quote_frames``), and inverted speakers the tagger mistakes.
Parsed as the pipeline parses articles."""

from __future__ import annotations

import pytest
from spacy.language import Language
from spacy.tokens import Doc, Token

from summarizer.attribution import extract_claims
from summarizer.attribution.layout import Layout
from summarizer.attribution.quote_frames import quote_frame
from summarizer.attribution.readings import adjacent_quote
from summarizer.attribution.subjects import source_of
from summarizer.nlp import load_pipeline, parse_article
from summarizer.settings import DEFAULT_MODEL
from summarizer.types import Claim


@pytest.fixture(scope="session")
def nlp() -> Language:
    return load_pipeline(DEFAULT_MODEL)


def claims_in(nlp: Language, *paragraphs: str) -> tuple[Claim, ...]:
    return extract_claims(parse_article(nlp, "\n\n".join(paragraphs)))


def said(claims: tuple[Claim, ...], words: str) -> tuple[str, str]:
    """Who said the quote containing ``words``, and the quote as claimed."""
    found = [c for c in claims if words in c.claim]
    assert found, f"no claim contains {words!r}: {[c.claim for c in claims]}"
    return found[0].speaker, found[0].claim


def test_an_inverted_speaker_after_a_determiner_is_the_speaker(nlp: Language) -> None:
    claims = claims_in(
        nlp,
        "Most voters in the state have made up their minds.",
        '"Look, the governor needed to win the first two primaries," added a South Carolina'
        ' Democrat. "She has done that."',
    )
    speaker, quote = said(claims, "first two primaries")
    assert speaker == "Democrat"
    assert quote == '"Look, the governor needed to win the first two primaries,"'
    assert said(claims, "She has done that")[0] == "Democrat"


def test_a_question_asked_by_a_described_speaker(nlp: Language) -> None:
    claims = claims_in(
        nlp,
        "A boy of about ten stood by the stage.",
        '"How big is that wall?" asked the boy, who was wearing a red hat.',
    )
    assert said(claims, "How big is that wall?") == ("boy", '"How big is that wall?"')


def test_a_one_word_quote_and_its_continuation(nlp: Language) -> None:
    claims = claims_in(
        nlp,
        "Voters talked about their fears of terrorism.",
        '"Safety," said Grimm, a farmer from Iowa. "Safety for the whole country, everybody."',
    )
    assert said(claims, "Safety,") == ("Grimm", '"Safety,"')
    assert said(claims, "whole country")[0] == "Grimm"


def test_a_quote_of_several_sentences_before_its_cue(nlp: Language) -> None:
    claims = claims_in(
        nlp,
        '"He is sharp. He is articulate. The fact that he, in his first term, really tried to'
        ' do something," Huckabee said. "You may not agree with him."',
    )
    speaker, quote = said(claims, "He is sharp")
    assert speaker == "Huckabee"
    assert quote.endswith('really tried to do something,"')


def test_an_inverted_name_tagged_as_an_adverb_speaks_and_explains(nlp: Language) -> None:
    claims = claims_in(
        nlp,
        '"Having access to the voter file is valuable," said Skelly, explaining that he'
        " worked closely with the data team.",
    )
    assert said(claims, "voter file")[0] == "Skelly"
    assert said(claims, "worked closely with the data team")[0] == "Skelly"


def frame_of(nlp: Language, text: str, cue: str) -> tuple[str, str | None] | None:
    doc: Doc = parse_article(nlp, text)
    verb: Token = next(t for t in doc if t.text == cue)
    frame = quote_frame(verb, Layout.of(text))
    if frame is None:
        return None
    speaker = frame.speaker.text if frame.speaker is not None else None
    return text[frame.quote[0] : frame.quote[1]], speaker


def test_the_speaker_between_quote_and_cue_is_the_head_of_its_phrase(nlp: Language) -> None:
    text = '"We lost the vote," the senator, who is seventy, said after midnight.'
    assert frame_of(nlp, text, "said") == ('"We lost the vote,"', "senator")


def test_a_quote_that_ends_its_sentence_frames_no_later_cue(nlp: Language) -> None:
    text = '"We lost the vote." The senator said nothing more that night.'
    assert frame_of(nlp, text, "said") is None


def test_a_clause_between_quote_and_cue_is_no_frame(nlp: Language) -> None:
    text = 'He called it "a disaster," and the senator said the vote would be held again.'
    assert frame_of(nlp, text, "said") is None


def adjacent(nlp: Language, text: str, cue: str) -> list[str]:
    """The quote ``adjacent_quote`` gives the first verb written ``cue``, as text."""
    doc = parse_article(nlp, text)
    verb = next(t for t in doc if t.text == cue)
    quotes = adjacent_quote(verb, source_of(verb), Layout.of(text))
    return [text[start:end] for start, end in quotes]


def test_a_quote_closed_by_a_full_stop_is_no_content_of_a_later_clause(nlp: Language) -> None:
    text = (
        'The prize went to "Judy." Brad Pitt picked up another trophy for his supporting'
        " role as a stunt man."
    )
    assert adjacent(nlp, text, "supporting") == []


def test_a_quote_closed_by_a_full_stop_is_the_speakers_right_before(nlp: Language) -> None:
    text = '"I hope you are able to find the emails that are missing." Trump said.'
    assert adjacent(nlp, text, "said") == [text[: text.index(" Trump")]]


def test_a_cue_before_a_colon_takes_the_passage_after_not_the_quote_before(
    nlp: Language,
) -> None:
    claims = claims_in(
        nlp,
        'Caddell said: "Yesterday there were two polls with very similar numbers."',
        "Caddell added:",
        '"The health issue is a partisan issue, but that does not explain the numbers."',
    )
    added = [c for c in claims if c.cue == "added"]
    assert [c.claim for c in added] == [
        '"The health issue is a partisan issue, but that does not explain the numbers."'
    ]
