"""Extractive summaries: a few verbatim sentences of the article, in article order.

Every algorithm sees the same candidates: the article's sentences less those
that look like boilerplate (bylines, captions, "Click here", a headline or a
dateline on its own line, fragments), unless nothing else is left.
"""

from __future__ import annotations

import math
import random
import re
import zlib
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import snowballstemmer
from sumy.utils import get_stop_words

from summarizer.errors import InputError, LanguageNotSupported
from summarizer.sentences import split_sentences, word_tokens
from summarizer.term_matrix import dense_rows
from summarizer.types import Sentence

OURS = "centrality"
LEAD = "lead"
RANDOM = "random"
#: sumy's algorithms, by our names (summarizer.sumy_algorithms maps them to classes).
SUMY_ALGORITHMS: tuple[str, ...] = (
    "lsa",
    "luhn",
    "lex-rank",
    "text-rank",
    "sum-basic",
    "kl",
    "reduction",
    "edmundson",
)
ALGORITHMS: tuple[str, ...] = (OURS, LEAD, *SUMY_ALGORITHMS, RANDOM)
DEFAULT_ALGORITHM = OURS

MIN_WORDS = 4  # shorter sentences are fragments ("Tell them.", "Sgt.")
_FINAL_PUNCTUATION = re.compile(r"[.!?…。！？][\"'”’»)\]]*$|[.!?]\s*(''|`` ?)$")
_BOILERPLATE_START = re.compile(
    r"""^\W*(
    by\s[^.!?]{0,60}$                                    # a byline line: "By Fred Lambert"
    | (scroll\sdown|click\shere|read\s(more|the\srest)|sign\sup|subscribe|follow\sus
      |share\sthis|latest\sheadlines|advertisement|see\salso|visit\ssite)\b
    | (image\s(copyright|caption)|photo|pictured|credit|published|updated|related|watch|video)\s?:
    | last\s(modified|updated)\b | copyright\s(©|\(c\)|\d) | © | all\srights\sreserved
    )""",
    re.IGNORECASE | re.VERBOSE,
)
_PHOTO_CREDIT = re.compile(r"\((photo|image|credit|getty|ap\sphoto|reuters|afp)[^)]*\)\s*$", re.I)


def summarize(
    text: str,
    sentences: Sequence[Sentence],
    *,
    count: int = 3,
    ratio: float | None = None,
    algorithm: str = DEFAULT_ALGORITHM,
    language: str = "english",
    title: str | None = None,
) -> tuple[Sentence, ...]:
    """Pick ``count`` sentences (or ``ceil(ratio * len)``) of ``sentences``, in article order.

    ``sentences`` come from :func:`summarizer.sentences.split_sentences` on ``text``
    (with boilerplate spans already skipped); when empty, ``text`` is split here.
    """
    if algorithm not in ALGORITHMS:
        valid = ", ".join(ALGORITHMS)
        raise InputError(f"Unknown algorithm {algorithm!r}; choose one of: {valid}.")
    pool = list(sentences) or split_sentences(text)
    wanted = summary_length(len(pool), count, ratio)
    candidates = candidate_sentences(pool, title)
    if len(candidates) <= wanted:
        return tuple(candidates)
    request = SummaryRequest(text, tuple(candidates), wanted, _lexicon(language), title)
    picked = _PICKERS.get(algorithm, _pick_with_sumy)(request, algorithm)
    return tuple(sorted(picked, key=lambda sentence: sentence.span))


def summary_length(available: int, count: int, ratio: float | None) -> int:
    """How many sentences to pick: ``count``, or ``ceil(ratio * available)`` (at least one)."""
    if ratio is not None:
        if not 0 < ratio <= 1:
            raise InputError(f"The summary ratio must be above 0 and at most 1, not {ratio}.")
        return max(1, math.ceil(ratio * available))
    if count < 1:
        raise InputError(f"A summary needs at least one sentence, not {count}.")
    return count


def candidate_sentences(sentences: Sequence[Sentence], title: str | None = None) -> list[Sentence]:
    """The sentences fit for a summary: boilerplate-looking ones dropped, unless that is all."""
    prose = [sentence for sentence in sentences if not looks_like_boilerplate(sentence.text, title)]
    return prose or list(sentences)


def looks_like_boilerplate(text: str, title: str | None = None) -> bool:
    """A byline, caption, call to action, headline or dateline line, or a fragment."""
    if title is not None and _same_words(text, title):
        return True
    return bool(
        _BOILERPLATE_START.match(text)
        or _PHOTO_CREDIT.search(text)
        or not _FINAL_PUNCTUATION.search(text)
        or len(word_tokens(text)) < MIN_WORDS
    )


def _same_words(text: str, other: str) -> bool:
    return [word.lower() for word in word_tokens(text)] == [
        word.lower() for word in word_tokens(other)
    ]


# --- language resources --------------------------------------------------------------------


@dataclass(frozen=True)
class Lexicon:
    """What the algorithms need to know of a language: its stop words and stemmer."""

    language: str
    stop_words: frozenset[str]
    stem: Callable[[str], str]

    def terms(self, sentence: str) -> list[str]:
        """Stemmed, lower-cased content words of ``sentence``."""
        words = (word.lower() for word in word_tokens(sentence))
        return [self.stem(word) for word in words if word not in self.stop_words and len(word) > 1]


@lru_cache(maxsize=16)
def _lexicon(language: str) -> Lexicon:
    try:
        stemmer = _stemmer(language)
        stop_words = frozenset(get_stop_words(language))
    except (LookupError, ValueError) as error:  # ValueError: Greek wants greek_stemmer
        raise LanguageNotSupported(f"Summaries in {language!r} are not supported.") from error
    return Lexicon(language, stop_words, lru_cache(maxsize=65536)(stemmer))


def _stemmer(language: str) -> Callable[[str], str]:
    """Snowball stemmers come from `snowballstemmer` (the same algorithms NLTK implements,
    without importing NLTK); sumy's own stemmers cover its other languages (Czech, Ukrainian)."""
    if language in snowballstemmer.algorithms():
        return snowballstemmer.stemmer(language).stemWord
    from sumy.nlp.stemmers import Stemmer  # imports NLTK: only for these languages

    return Stemmer(language)


# --- algorithms ----------------------------------------------------------------------------


@dataclass(frozen=True)
class SummaryRequest:
    """What every algorithm gets: the text, its candidate sentences, how many to pick."""

    text: str
    candidates: tuple[Sentence, ...]
    wanted: int
    lexicon: Lexicon
    title: str | None


def _pick_lead(request: SummaryRequest, _algorithm: str) -> list[Sentence]:
    return list(request.candidates[: request.wanted])


def _pick_random(request: SummaryRequest, _algorithm: str) -> list[Sentence]:
    """Seeded by the text, so the same article always gets the same "random" summary."""
    rng = random.Random(zlib.crc32(request.text.encode("utf-8")))
    return rng.sample(list(request.candidates), request.wanted)


def _pick_with_sumy(request: SummaryRequest, algorithm: str) -> list[Sentence]:
    # Imported here: sumy's summarizers import all of NLTK (~0.4 s of every cold start).
    from summarizer.sumy_algorithms import pick_with_sumy

    return pick_with_sumy(request, algorithm)


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


def _pick_central(request: SummaryRequest, _algorithm: str) -> list[Sentence]:
    return pick_central(
        request.candidates, request.wanted, request.lexicon, DEFAULT_WEIGHTS, request.title
    )


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


_PICKERS: dict[str, Callable[[SummaryRequest, str], list[Sentence]]] = {
    OURS: _pick_central,
    LEAD: _pick_lead,
    RANDOM: _pick_random,
}
