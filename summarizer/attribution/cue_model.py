"""The cue model: which candidate readings are attributions, learned from PolNeAR.

A logistic regression over ``features.cue_features``; its weights are data
(``cue_weights.json``, written by ``bench/attribution.py --learn`` from PolNeAR
train only) and are read once per process, when first needed. Verbs, nouns and
adjectives have their own thresholds: noun cues ("her criticism of ...") are much
less often right, so they must be surer to count.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from importlib import resources

WEIGHTS_FILE = "cue_weights.json"


@dataclass(frozen=True)
class CueModel:
    """Feature weights, and per part of speech ("VERB", "NOUN", "ADJ") the probability from
    which a candidate counts as a cue (a part of speech not listed never does)."""

    weights: Mapping[str, float]
    thresholds: Mapping[str, float]

    def probability(self, features: Iterable[str]) -> float:
        score = sum(self.weights.get(feature, 0.0) for feature in set(features))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))

    def accepts(self, features: Iterable[str], part_of_speech: str) -> bool:
        threshold = self.thresholds.get(part_of_speech)
        return threshold is not None and self.probability(features) >= threshold


@lru_cache(maxsize=1)
def load_cue_model() -> CueModel:
    """The shipped model (cached: one per process)."""
    data = json.loads(resources.files(__package__).joinpath(WEIGHTS_FILE).read_text("utf-8"))
    return CueModel(data["weights"], data["thresholds"])
