"""Sparse term weights as a dense matrix, for numpy's fast products."""

from __future__ import annotations

from collections.abc import Mapping, Sequence

import numpy as np


def dense_rows(rows: Sequence[Mapping[str, float]]) -> np.ndarray:
    """One row per mapping, one column per term in first-seen order (so the result does
    not depend on the hash seed); at least one column."""
    vocabulary: dict[str, int] = {}
    for row in rows:
        for term in row:
            vocabulary.setdefault(term, len(vocabulary))
    matrix = np.zeros((len(rows), max(1, len(vocabulary))))
    for index, row in enumerate(rows):
        for term, value in row.items():
            matrix[index, vocabulary[term]] = value
    return matrix
