"""Candidate cues: every verb, noun and predicative adjective ("was critical of") whose
clause rules find a content.

Auxiliaries ("is", "has") are no candidates: on PolNeAR train they were cues in a
handful of cases and wrong in most others.

The cue model (``cue_model``) decides which of them are attributions; training
(``bench/attribution.py --learn``) reads the same candidates, so what is learned is
what is applied.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
from spacy.attrs import POS
from spacy.symbols import ADJ, NOUN, VERB
from spacy.tokens import Doc, Token

from summarizer.attribution.features import cue_features
from summarizer.attribution.layout import Layout
from summarizer.attribution.readings import Reading, read_adjective, read_noun, read_verb

#: Parts of speech that may be cues, by name (the cue model's thresholds are keyed so).
CANDIDATE_POS = {"VERB": VERB, "NOUN": NOUN, "ADJ": ADJ}


def _read(token: Token, layout: Layout) -> Reading | None:
    if token.pos == NOUN:
        return read_noun(token, layout)
    return read_adjective(token, layout) if token.pos == ADJ else read_verb(token, layout)


@dataclass(frozen=True)
class Candidate:
    """A verb or noun read as if it were a cue, with what the model sees of it."""

    token: Token
    reading: Reading
    features: tuple[str, ...]


def candidates(
    doc: Doc, layout: Layout, parts: Iterable[str] = tuple(CANDIDATE_POS)
) -> list[Candidate]:
    """The candidates among the words of the given parts of speech."""
    wanted = [CANDIDATE_POS[part] for part in parts if part in CANDIDATE_POS]
    found = []
    for index in np.flatnonzero(np.isin(doc.to_array([POS]), wanted)):
        token = doc[int(index)]
        reading = _read(token, layout)
        if reading is not None:
            found.append(Candidate(token, reading, tuple(cue_features(token, reading, layout))))
    return found
