"""Fitting the cue model (bench/cue_training.py): what --learn writes must be learned, not noise."""

from __future__ import annotations

from bench.cue_training import MIN_FEATURE_COUNT, Example, fit


def examples() -> list[Example]:
    cues = [Example(("bias", "lemma=say", "construction=clause"), True) for _ in range(20)]
    actions = [Example(("bias", "lemma=open", "construction=object"), False) for _ in range(20)]
    rare = [Example(("bias", "lemma=mutter"), True)] * (MIN_FEATURE_COUNT - 1)
    return cues + actions + rare


def test_a_feature_seen_only_with_cues_gets_a_positive_weight() -> None:
    weights = fit(examples())
    assert weights["lemma=say"] > 0 > weights["lemma=open"]


def test_features_seen_too_rarely_are_not_learned() -> None:
    assert "lemma=mutter" not in fit(examples())


def test_fitting_twice_gives_the_same_weights() -> None:
    assert fit(examples()) == fit(examples())
