"""Near-duplicate detection: tf-idf cosine over title + lead, average-linkage grouping.

Two reports of one story rarely share whole phrases (so word shingles and
MinHash miss them) but they share names, places, numbers and key nouns. Each
text becomes a bag of lower-cased, crudely stemmed content words; names (words
some text writes with a capital mid-sentence) and numbers weigh more, and idf is
computed over the texts being grouped (smoothed, so a word in every text still
counts). Reports are then grouped by average linkage with a threshold measured
on the tests' hand-written reports and on bench/digest.py (see below).
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Sequence
from functools import lru_cache
from typing import Any

import numpy as np
import numpy.typing as npt

from summarizer.term_matrix import dense_rows

Vector = dict[str, float]
FloatMatrix = npt.NDArray[Any]

#: Average cosine at or above which groups are taken to report the same story.
#: tests/digest_articles.py: reports of one story score 0.20-0.33 pairwise, two
#: central-bank decisions on the same day 0.15 on average (0.17 at most); any
#: threshold in 0.16-0.20 groups them right. bench/digest.py (300 reports):
#: B-cubed purity/recall 0.958/0.929 at 0.16, 0.959/0.901 at 0.17, 0.964/0.892 at 0.18.
SAME_STORY_THRESHOLD = 0.17
TITLE_WEIGHT = 1.0
NAME_WEIGHT = 1.5

_WORD = re.compile(r"[^\W_]+(?:['’.,-][^\W_]+)*")
_SENTENCE_BREAK = re.compile(r"[.!?:;\n\"“‘(]")
_SUFFIXES = ("ations", "ation", "ings", "ing", "ies", "ied", "es", "ed", "s")
_STOPWORD_TEXT = """
    a about above after again against all also am an and any are as at be because been
    before being below between both but by can could did do does doing down during each few
    for from further had has have having he her here hers herself him himself his how i if in
    into is it its itself just me more most my no nor not now of off on once only or other our
    ours out over own said same says she should so some such than that the their theirs them
    then there these they this those through to too under until up very was we were what when
    where which while who whom why will with would you your new one two told say saying
    according its mr mrs ms"""
STOPWORDS = frozenset(_STOPWORD_TEXT.split())


@lru_cache(maxsize=65536)
def stem(word: str) -> str:
    """A crude suffix strip, enough for 'strike', 'strikes' and 'striking' to meet."""
    for suffix in _SUFFIXES:
        if word.endswith(suffix) and len(word) - len(suffix) >= 4:
            word = word[: -len(suffix)]
            break
    return word[:-1] if word.endswith(("e", "y")) and len(word) >= 5 else word


Token = tuple[str, bool]  # (stemmed lower-case word, written with a capital mid-sentence)


def story_vectors(texts: Sequence[tuple[str, str]]) -> list[Vector]:
    """Unit tf-idf vectors for (title, lead) pairs, comparable with ``cosine``.

    A word counts as a name everywhere (even opening a sentence) once any text
    writes it with a capital mid-sentence; names and numbers weigh ``NAME_WEIGHT``.
    """
    tokenised = [(tokens(title), tokens(lead)) for title, lead in texts]
    names = {word for pair in tokenised for part in pair for word, capital in part if capital}
    counts = [_weighted(title, lead, names) for title, lead in tokenised]
    return tfidf_vectors(counts)


def tokens(text: str) -> list[Token]:
    """Content words of ``text``, stemmed, each marked if capitalised mid-sentence."""
    found: list[Token] = []
    gap_start = 0
    for match in _WORD.finditer(text):
        word = match.group()
        opens_sentence = gap_start == 0 or _SENTENCE_BREAK.search(text, gap_start, match.start())
        gap_start = match.end()
        lower = word.lower()
        if lower not in STOPWORDS and len(lower) > 1:
            found.append((stem(lower), word[0].isupper() and not opens_sentence))
    return found


def _weighted(title: list[Token], lead: list[Token], names: set[str]) -> Vector:
    counts: Vector = {}
    for part, weight in ((title, TITLE_WEIGHT), (lead, 1.0)):
        for word, _capital in part:
            special = word in names or word[0].isdigit()
            counts[word] = counts.get(word, 0.0) + weight * (NAME_WEIGHT if special else 1.0)
    return counts


def tfidf_vectors(documents: Sequence[Vector]) -> list[Vector]:
    """Unit-length tf-idf vectors; idf smoothed as log((1 + n) / (1 + df)) + 1."""
    frequency: Counter[str] = Counter()
    for counts in documents:
        frequency.update(counts.keys())
    total = len(documents)
    idf = {term: math.log((1 + total) / (1 + df)) + 1 for term, df in frequency.items()}
    return [unit({term: tf * idf[term] for term, tf in counts.items()}) for counts in documents]


def unit(vector: Vector) -> Vector:
    norm = math.sqrt(sum(value * value for value in vector.values()))
    return {term: value / norm for term, value in vector.items()} if norm else {}


def cosine(left: Vector, right: Vector) -> float:
    """Cosine of two unit vectors (their dot product)."""
    if len(left) > len(right):
        left, right = right, left
    return sum(value * right.get(term, 0.0) for term, value in left.items())


def similarity_matrix(vectors: Sequence[Vector]) -> FloatMatrix:
    """Cosine of every pair of unit vectors, as a dense n × n array."""
    matrix = dense_rows(vectors)
    similarities: FloatMatrix = matrix @ matrix.T
    return similarities


def group_near_duplicates(
    vectors: Sequence[Vector], threshold: float = SAME_STORY_THRESHOLD
) -> list[list[int]]:
    """Indexes grouped by story; groups ordered by their first index.

    Average-linkage agglomerative clustering: the two groups whose members are
    most similar on average merge, until no pair averages ``threshold``. Unlike
    single linkage, a chain of loosely related reports cannot snowball into one
    group; unlike a greedy pass it does not depend on the order of the input.
    """
    if not vectors:
        return []
    merger = _AverageLinkage(similarity_matrix(vectors))
    while merger.merge_closest(threshold):
        pass
    return merger.groups()


class _AverageLinkage:
    """Groups, the sums of similarities between them, and their average similarities."""

    def __init__(self, similarities: FloatMatrix) -> None:
        count = len(similarities)
        self.totals = similarities.copy()
        self.sizes = np.ones(count)
        self.active = np.ones(count, dtype=bool)
        self.average = similarities.copy()
        np.fill_diagonal(self.average, -np.inf)
        self.members = [[index] for index in range(count)]

    def merge_closest(self, threshold: float) -> bool:
        """Merge the closest two groups if they average ``threshold``; False when none do."""
        flat = int(np.argmax(self.average))
        first, second = sorted(divmod(flat, len(self.members)))
        if self.average[first, second] < threshold:
            return False
        self._merge(first, second)
        return True

    def _merge(self, keep: int, gone: int) -> None:
        self.totals[keep] += self.totals[gone]
        self.totals[:, keep] = self.totals[keep]
        self.sizes[keep] += self.sizes[gone]
        self.active[gone] = False
        row = np.where(self.active, self.totals[keep] / (self.sizes[keep] * self.sizes), -np.inf)
        row[keep] = -np.inf
        self.average[keep], self.average[:, keep] = row, row
        self.average[gone], self.average[:, gone] = -np.inf, -np.inf
        self.members[keep] += self.members[gone]
        self.members[gone] = []

    def groups(self) -> list[list[int]]:
        return [sorted(members) for members in self.members if members]
