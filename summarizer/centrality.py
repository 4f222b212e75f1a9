"""Our default summary algorithm: lead prior + directed word-overlap centrality, picked with MMR.

Each candidate sentence scores by the words it shares with the rest of the
article (links to later sentences count fully, to earlier ones less), plus a
prior for early sentences and for the title's words, less penalties for very
short or long sentences; then sentences are picked one at a time by maximal
marginal relevance, so a pick too like an earlier one loses. The knobs are
:class:`CentralityWeights`.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np

from summarizer.lexicon import Lexicon
from summarizer.term_matrix import dense_rows
from summarizer.types import Sentence


@dataclass(frozen=True)
class CentralityWeights:
    """The knobs of our default algorithm (see :func:`centrality_scores`).

    Tuned on CNN/DM (50 articles) and every fourth BBC article by bench/summary.py.
    """

    #: Weight of overlap with *earlier* sentences; overlap with later ones weighs 1.
    #: Below 1, a sentence that introduces what follows beats one that recaps (PacSum).
    backward: float = 0.8
    #: Weight of the lead prior ``exp(-index / position_decay)``, against centrality in [0, 1].
    position: float = 0.6
    position_decay: float = 2.0
    #: Maximal marginal relevance: score minus ``redundancy`` x cosine to the closest pick.
    redundancy: float = 0.5
    #: Weight of the share of the title's content words a sentence repeats.
    title: float = 0.2
    #: Penalty per 10 content words beyond ``long_after``: a chat summary reads short.
    long_penalty: float = 0.3
    long_after: int = 15
    #: Sentences with fewer content words are picked only when nothing else is left.
    min_terms: int = 3


DEFAULT_WEIGHTS = CentralityWeights()


def pick_central(
    candidates: Sequence[Sentence],
    wanted: int,
    lexicon: Lexicon,
    weights: CentralityWeights,
    title: str | None = None,
) -> list[Sentence]:
    """Our default: lead prior + directed word-overlap centrality, picked with MMR."""
    terms = [lexicon.terms(sentence.text) for sentence in candidates]
    counts = _term_counts(terms)
    scores = centrality_scores(counts, weights)
    if title and weights.title:
        scores += weights.title * _title_share(terms, set(lexicon.terms(title)))
    order = _pick_by_mmr(scores, _cosine_similarity(counts), wanted, weights.redundancy)
    return [candidates[index] for index in order]


def centrality_scores(counts: np.ndarray, weights: CentralityWeights) -> np.ndarray:
    """Per sentence: directed degree centrality (max 1) + lead prior - short-sentence penalty.

    Edges are TextRank's: shared words over the sum of the log lengths. Its
    stationary distribution is close to the weighted degree, used here as is.
    """
    overlap = _overlap_similarity(counts)
    later = np.triu(overlap, 1).sum(axis=1)
    earlier = np.tril(overlap, -1).sum(axis=1)
    centrality = later + weights.backward * earlier
    centrality /= centrality.max() or 1.0
    prior = np.exp(-np.arange(len(counts)) / weights.position_decay)
    return centrality + weights.position * prior - _length_penalty(counts.sum(axis=1), weights)


def _length_penalty(lengths: np.ndarray, weights: CentralityWeights) -> np.ndarray:
    too_short = lengths < weights.min_terms
    beyond_long = np.maximum(lengths - weights.long_after, 0) / 10
    return _SHORT_PENALTY * too_short + weights.long_penalty * beyond_long


_SHORT_PENALTY = 100.0


def _title_share(terms: Sequence[Sequence[str]], title_terms: set[str]) -> np.ndarray:
    shares = [len(title_terms.intersection(words)) for words in terms]
    return np.array(shares, dtype=float) / max(1, len(title_terms))


def _term_counts(terms: Sequence[Sequence[str]]) -> np.ndarray:
    """Sentence x term count matrix, columns in first-seen order (hash-seed independent)."""
    return dense_rows([Counter(sentence_terms) for sentence_terms in terms])


def _overlap_similarity(counts: np.ndarray) -> np.ndarray:
    log_lengths = np.log(np.maximum(counts.sum(axis=1), 1.0))
    shared = _in_several(counts, counts)
    shared = shared @ shared.T
    norm = log_lengths[:, None] + log_lengths[None, :]
    similarity = np.divide(shared, norm, out=shared.copy(), where=norm > 1e-9)
    np.fill_diagonal(similarity, 0.0)
    return similarity


def _cosine_similarity(counts: np.ndarray) -> np.ndarray:
    """Cosine of log-scaled tf-idf vectors, idf over the article's own sentences."""
    sentences = len(counts)
    idf = np.log((sentences + 1) / ((counts > 0).sum(axis=0) + 0.5))
    vectors = np.log1p(counts) * idf
    norms = np.linalg.norm(vectors, axis=1, keepdims=True)
    vectors = np.divide(vectors, norms, out=np.zeros_like(vectors), where=norms > 0)
    vectors = _in_several(counts, vectors)
    return vectors @ vectors.T


def _in_several(counts: np.ndarray, values: np.ndarray) -> np.ndarray:
    """The columns of ``values`` for terms in two sentences or more.

    A term in one sentence links it to none, so dropping it changes no similarity
    between two sentences; it shrinks the products ten-fold, which keeps them on
    BLAS's single-threaded path (its threads cost milliseconds on a busy machine).
    """
    return values[:, (counts > 0).sum(axis=0) > 1]


def _pick_by_mmr(
    scores: np.ndarray, similarity: np.ndarray, wanted: int, redundancy: float
) -> list[int]:
    """Greedy maximal marginal relevance: each pick's score less its likeness to earlier picks."""
    picked: list[int] = []
    closest = np.zeros(len(scores))
    available = np.ones(len(scores), dtype=bool)
    for _ in range(min(wanted, len(scores))):
        gains = np.where(available, scores - redundancy * closest, -np.inf)
        best = int(np.argmax(gains))
        picked.append(best)
        available[best] = False
        closest = np.maximum(closest, similarity[best])
    return picked
