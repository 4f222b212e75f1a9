"""The cue model: which candidate readings are attributions, learned from PolNeAR.

A logistic regression over ``features.cue_features``; its weights are data
(``cue_weights.json``, written by ``bench/attribution.py --learn`` from PolNeAR
train only) and are read once per process, when first needed.
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
    """Feature weights and the probability from which a candidate counts as a cue."""

    weights: Mapping[str, float]
    threshold: float

    def probability(self, features: Iterable[str]) -> float:
        score = sum(self.weights.get(feature, 0.0) for feature in set(features))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, score))))

    def accepts(self, features: Iterable[str]) -> bool:
        return self.probability(features) >= self.threshold


@lru_cache(maxsize=1)
def load_cue_model() -> CueModel:
    """The shipped model (cached: one per process)."""
    data = json.loads(resources.files(__package__).joinpath(WEIGHTS_FILE).read_text("utf-8"))
    return CueModel(data["weights"], data["threshold"])
