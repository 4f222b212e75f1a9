"""Candidate cues: every verb and noun whose clause rules find a content.

The cue model (``cue_model``) decides which of them are attributions; training
(``bench/attribution.py --learn``) reads the same candidates, so what is learned is
what is applied.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from spacy.attrs import POS
from spacy.symbols import AUX, NOUN, VERB
from spacy.tokens import Doc, Token

from summarizer.attribution.features import cue_features
from summarizer.attribution.layout import Layout
from summarizer.attribution.readings import Reading, read_noun, read_verb

CANDIDATE_POS = (VERB, AUX, NOUN)


@dataclass(frozen=True)
class Candidate:
    """A verb or noun read as if it were a cue, with what the model sees of it."""

    token: Token
    reading: Reading
    features: tuple[str, ...]


def candidates(doc: Doc, layout: Layout) -> list[Candidate]:
    found = []
    for index in np.flatnonzero(np.isin(doc.to_array([POS]), CANDIDATE_POS)):
        token = doc[int(index)]
        reading = read_noun(token, layout) if token.pos == NOUN else read_verb(token, layout)
        if reading is not None:
            found.append(Candidate(token, reading, tuple(cue_features(token, reading, layout))))
    return found
