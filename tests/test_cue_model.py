"""The cue model: a logistic regression over named features, and its shipped weights."""

from __future__ import annotations

import pytest

from summarizer.attribution.cue_model import CueModel, load_cue_model

EVEN = {"VERB": 0.5, "NOUN": 0.5}


def test_probability_adds_the_weights_of_the_features_present_once() -> None:
    model = CueModel({"bias": -1.0, "lemma=say": 3.0}, EVEN)
    assert model.probability(["bias"]) == pytest.approx(0.2689, abs=1e-4)
    assert model.probability(["bias", "lemma=say", "lemma=say"]) == pytest.approx(0.8808, abs=1e-4)


def test_features_the_model_never_saw_change_nothing() -> None:
    model = CueModel({"bias": 0.4}, EVEN)
    assert model.probability(["bias", "lemma=zzz"]) == model.probability(["bias"])


def test_a_candidate_is_a_cue_from_its_part_of_speech_threshold_on() -> None:
    model = CueModel({"bias": 0.0}, {"VERB": 0.5, "NOUN": 0.9})
    assert model.accepts(["bias"], "VERB")
    assert not model.accepts(["bias"], "NOUN")
    assert not CueModel({"bias": -0.01}, EVEN).accepts(["bias"], "VERB")


def test_a_part_of_speech_without_threshold_is_never_a_cue() -> None:
    assert not CueModel({"bias": 30.0}, {"VERB": 0.5}).accepts(["bias"], "NOUN")


def test_huge_scores_do_not_overflow() -> None:
    assert CueModel({"x": 1e6}, EVEN).probability(["x"]) == pytest.approx(1.0)
    assert CueModel({"x": -1e6}, EVEN).probability(["x"]) == pytest.approx(0.0)


def test_the_shipped_model_prefers_speech_verbs_to_actions() -> None:
    model = load_cue_model()
    assert 0.0 < model.thresholds["VERB"] < 1.0
    assert model.weights["lemma=say"] > 0 > model.weights.get("lemma=open", -1.0)
