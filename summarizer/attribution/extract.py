"""extract_claims: cues -> readings -> floating quotes -> continuations split off -> nested
ones dropped -> closing "according to" phrases cut from the claims they close -> speakers."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

import numpy as np
from spacy.attrs import LEMMA
from spacy.tokens import Doc

from summarizer.attribution.candidates import candidates
from summarizer.attribution.claims import build_claim
from summarizer.attribution.continuations import split_continuations
from summarizer.attribution.cue_model import CueModel, load_cue_model
from summarizer.attribution.labels import SPEAKER_LABEL, read_speaker_labels
from summarizer.attribution.layout import Layout
from summarizer.attribution.readings import (
    ACCORDING_TO,
    HEARSAY,
    IN_SURVEY,
    LABEL,
    Reading,
    read_according_to,
    read_hearsay,
    read_in_survey,
)
from summarizer.attribution.signoffs import read_sign_offs
from summarizer.attribution.speakers import Entity, Resolver
from summarizer.attribution.titles import titled_people
from summarizer.attribution.tokens import overlaps, trim
from summarizer.sentences import INLINE_SPACE
from summarizer.types import Claim, Sentence, Span

MIN_FLOATING_WORDS = 4
LOOK_BACK = 8  # characters before a quote looked at to see whether it opens a sentence
#: Cues whose content vouches for a whole sentence, claims inside it included.
NESTS_NOTHING = frozenset({ACCORDING_TO, HEARSAY})


def extract_claims(
    doc: Doc, model: CueModel | None = None, sentences: Sequence[Sentence] | None = None
) -> tuple[Claim, ...]:
    """Every attributed statement of ``doc`` (a parse of the whole article text).

    ``model`` decides which candidate verbs and nouns are cues; the default one is
    learned from PolNeAR's training articles (``bench/attribution.py --learn``).
    ``sentences``: ``split_sentences`` of the text if the caller has it already.
    """
    layout = Layout.of(doc.text, sentences)  # the only doc.text: rebuilt on every access
    cues = model if model is not None else load_cue_model()
    readings = _read_cues(doc, layout, cues)
    readings = _with_floating_quotes(sorted(readings, key=lambda r: r.cue), layout)
    readings = _outermost(split_continuations(doc, readings, layout), layout)
    return _resolve(doc, layout, _without_channels(readings, layout.text))


def _read_cues(doc: Doc, layout: Layout, model: CueModel) -> list[Reading]:
    """Candidate verbs and nouns the model accepts, and the fixed constructions."""
    found: list[Reading | None] = [
        c.reading
        for c in candidates(doc, layout, model.thresholds)
        if model.accepts(c.features, c.token.pos_)
    ]
    lemmas = doc.to_array(LEMMA)
    according = np.flatnonzero(lemmas == doc.vocab.strings.add("accord"))
    found += [read_according_to(doc[int(i)], layout) for i in according]
    surveyed = np.flatnonzero(lemmas == doc.vocab.strings.add(IN_SURVEY))
    found += [read_in_survey(doc[int(i)], layout) for i in surveyed]
    heard = np.flatnonzero(lemmas == doc.vocab.strings.add(HEARSAY))
    found += [read_hearsay(doc[int(i)], layout) for i in heard]
    found += read_speaker_labels(doc, layout) + read_sign_offs(doc, layout)
    return [reading for reading in found if reading is not None]


def _outermost(readings: list[Reading], layout: Layout) -> list[Reading]:
    """Drop nested attributions: cues inside another claim's content (quotes included).

    "According to" and "reportedly" nest nothing (in "Lee reportedly told aides that ..."
    Lee's claim stays), and outside quotes "according to" is never nested: in "...,
    Kartapolov said, according to the ministry" both the speaker and the channel are worth
    keeping, wherever the parser hangs the channel; a speaker label is never nested either.
    """
    contents = [piece for r in readings if r.lemma not in NESTS_NOTHING for piece in r.content]
    return [
        r
        for r in readings
        if _never_nested(r, layout) or not any(overlaps(r.cue, p) for p in contents)
    ]


def _without_channels(readings: list[Reading], text: str) -> list[Reading]:
    """A closing "according to X" names who reported a claim, not what was claimed: "Lee
    said the bridge would reopen, according to the Times" -> Lee claims "the bridge would
    reopen" (the Times claims the whole sentence)."""
    phrases = [_according_phrase(r) for r in readings if r.lemma == ACCORDING_TO]
    if not phrases:
        return readings
    return [r if r.lemma == ACCORDING_TO else _cut_before(r, phrases, text) for r in readings]


def _according_phrase(according: Reading) -> Span:
    """'according to the Harbor Times': from the cue to the end of its source's phrase."""
    end = according.source.right_edge if according.source is not None else None
    return (according.cue[0], end.idx + len(end) if end is not None else according.cue[1])


def _cut_before(reading: Reading, phrases: list[Span], text: str) -> Reading:
    """``reading`` with each content piece that one of ``phrases`` closes ending before it."""
    pieces = []
    for piece in reading.content:
        closing = [p for p in phrases if piece[0] < p[0] < piece[1] <= p[1]]
        pieces.append(trim(text, (piece[0], closing[0][0])) if closing else piece)
    return replace(reading, content=tuple(pieces)) if pieces != list(reading.content) else reading


def _never_nested(reading: Reading, layout: Layout) -> bool:
    """A speaker label ('"PENCE: Well, ...') starts a speaker's turn, whatever claim the
    transcript around it was quoted in; an unquoted 'according to' names who reported the
    whole sentence (a quoted one is the speaker's own sourcing)."""
    if reading.lemma == ACCORDING_TO:
        return not _inside(reading.cue, layout)
    return reading.lemma == SPEAKER_LABEL


def _with_floating_quotes(readings: list[Reading], layout: Layout) -> list[Reading]:
    """A quote no cue governs continues the previous claim when it follows it closely."""
    result = list(readings)
    claimed = [p for r in readings for p in r.content if not _inside(r.cue, layout)]
    for quote in layout.quotes:
        if any(overlaps(quote, p) for p in claimed) or not _speech_like(quote, layout.text):
            continue
        previous = _previous(result, quote, layout)
        if previous is not None:
            result.append(Reading(previous.cue, previous.lemma, previous.source, (quote,), True))
    return sorted(result, key=lambda r: r.content_span)


def _inside(cue: Span, layout: Layout) -> bool:
    return layout.quote_at(cue[0]) is not None


def _speech_like(quote: Span, text: str) -> bool:
    """A full quoted sentence, not a quoted phrase ("shudder quotes", titles)."""
    before = text[max(0, quote[0] - LOOK_BACK) : quote[0]].rstrip(INLINE_SPACE)
    starts_sentence = not before or before[-1] in '.!?\n”"'
    return starts_sentence and len(text[quote[0] : quote[1]].split()) >= MIN_FLOATING_WORDS


def _previous(readings: list[Reading], quote: Span, layout: Layout) -> Reading | None:
    earlier = [r for r in readings if r.content_span[1] <= quote[0] and _ends_quoting(r, layout)]
    if not earlier:
        return None
    # the latest cue among equals: '"She said it was over," Cole said. "..."' continues Cole
    last = max(earlier, key=lambda r: (r.content_span[1], r.cue))
    gap = layout.paragraph_index(quote[0]) - layout.paragraph_index(last.content_span[1] - 1)
    return last if gap <= 1 else None


def _ends_quoting(reading: Reading, layout: Layout) -> bool:
    """A quote, or a claim ending in one ('Yet the plan is also a "fresh start," Lee said.')."""
    return reading.quote or layout.quote_at(reading.content_span[1] - 1) is not None


def _resolve(doc: Doc, layout: Layout, readings: list[Reading]) -> tuple[Claim, ...]:
    """Resolve source mentions in text order, then build claims with each entity's final name
    (an entity met first as "Kartapolov" is shown as "Andrei Kartapolov" once he is named)."""
    authors = frozenset(r.source.i for r in readings if r.source is not None and _is_byline(r))
    resolver = Resolver(titled_people(doc), authors)
    mentions = sorted({r.source.i: r.source for r in readings if r.source is not None}.items())
    entities: dict[int, Entity | None] = {i: resolver.resolve(token) for i, token in mentions}
    # not from quotes: a speaker's nickname for someone ("Crooked Ann Lee")
    unquoted = (e for e in doc.ents if e.label_ == "PERSON" and not layout.quote_at(e.start_char))
    resolver.complete_names(unquoted)
    text = layout.text
    return tuple(build_claim(doc, text, r, _entity_of(r, entities)) for r in readings)


def _is_byline(reading: Reading) -> bool:
    """A label or sign-off names its author ("Annie Lowrey: ...", "... — Sonya Herridge")."""
    return reading.construction == LABEL


def _entity_of(reading: Reading, entities: dict[int, Entity | None]) -> Entity | None:
    return entities.get(reading.source.i) if reading.source is not None else None
