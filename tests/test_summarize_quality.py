"""Quality guard for the default summarizer on the shared ROUGE sets (skipped without them).

The full table, every algorithm and the whole BBC set, is bench/summary.py's job;
these are the two claims the default is chosen on, on samples small enough for CI.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from bench.summary import (
    Example,
    Scores,
    algorithm_picker,
    bbc_examples,
    cnndm_examples,
    evaluate,
    lead_baseline,
    shared_dir,
)
from summarizer.summarize import DEFAULT_ALGORITHM

SUMMARIES = shared_dir() / "data" / "summaries"
BBC_SAMPLE_STEP = 10  # every tenth article: all five sections, 223 articles


def dataset(name: str) -> Path:
    path = SUMMARIES / name
    if not path.is_file():
        pytest.skip(f"shared ROUGE data not found at {path} (set NEWSBRIEF_SHARED)")
    return path


def default_scores(examples: list[Example]) -> Scores:
    return evaluate(algorithm_picker(DEFAULT_ALGORITHM), examples)


def test_default_beats_lead_3_on_cnndm_by_one_and_a_half_rouge_1() -> None:
    examples = cnndm_examples(dataset("cnndm_dev50.jsonl"))
    lead = evaluate(lead_baseline, examples)
    assert default_scores(examples).rouge1 >= lead.rouge1 + 1.5


def test_default_is_at_least_textrank_on_a_bbc_sample() -> None:
    examples = bbc_examples(dataset("bbc_news_summary.jsonl"), None)[::BBC_SAMPLE_STEP]
    textrank = evaluate(algorithm_picker("text-rank"), examples)
    assert default_scores(examples).rouge1 >= textrank.rouge1
