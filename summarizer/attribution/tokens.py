"""Small helpers over spaCy tokens: index ranges and character spans."""

from __future__ import annotations

from collections.abc import Iterable

from spacy.tokens import Doc, Token

from summarizer.attribution.lexicon import ARTIFACT
from summarizer.attribution.tags import NOMINAL_SUBJECTS
from summarizer.types import Span

TRIM = " \t\r\n,.;:-–—"


def runs(indices: Iterable[int]) -> list[tuple[int, int]]:
    """Contiguous ``[start, end)`` runs of a set of token indices."""
    found: list[tuple[int, int]] = []
    for index in sorted(set(indices)):
        if found and found[-1][1] == index:
            found[-1] = (found[-1][0], index + 1)
        else:
            found.append((index, index + 1))
    return found


def subtree_indices(token: Token) -> range:
    return range(token.left_edge.i, token.right_edge.i + 1)


def char_span(doc: Doc, text: str, start: int, end: int) -> Span:
    """Characters of tokens ``[start, end)`` of ``doc`` (whose text is ``text``), trimmed."""
    first, last = doc[start], doc[end - 1]
    return trim(text, (first.idx, last.idx + len(last)))


def trim(text: str, span: Span) -> Span:
    start, end = span
    while start < end and text[start] in TRIM:
        start += 1
    while end > start and text[end - 1] in TRIM:
        end -= 1
    return (start, end)


def overlaps(a: Span, b: Span) -> bool:
    return a[0] < b[1] and b[0] < a[1]


def has_determiner(noun: Token, words: frozenset[str]) -> bool:
    """``noun`` is determined by one of ``words`` ("the", "a", "another")."""
    return any(c.dep_ == "det" and c.lower_ in words for c in noun.children)


def has_marker(clause: Token, word: str) -> bool:
    """``clause`` is introduced by ``word`` ("that", "as") as its marker."""
    return any(c.dep_ == "mark" and c.lower_ == word for c in clause.children)


def object_of(preposition: Token) -> Token | None:
    """The noun a preposition governs ("by" -> "the ministry")."""
    return next((c for c in preposition.children if c.dep_ == "pobj"), None)


def direct_object(verb: Token) -> Token | None:
    """The verb's direct object ("accused the ministry" -> "ministry"), if any."""
    return next((c for c in verb.children if c.dep_ == "dobj"), None)


def nominal_subject(verb: Token) -> Token | None:
    """The verb's noun subject, active or passive, if the parser gave it one."""
    return next((c for c in verb.children if c.dep_ in NOMINAL_SUBJECTS), None)


def complement_of(preposition: Token) -> Token | None:
    """The noun or clause a preposition governs ("to the BBC", "to burning the flag")."""
    return next((c for c in preposition.children if c.dep_ in ("pobj", "pcomp")), None)


def is_document(noun: Token) -> bool:
    """A common noun naming a document ("the statement", "an announcement")."""
    return noun.pos_ == "NOUN" and not noun.ent_type_ and noun.lemma_.lower() in ARTIFACT
