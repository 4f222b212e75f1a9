"""Titles an article gives its people, for "the former mayor" to find its name.

"Former Springfield Mayor Alan Brooks", "billionaire Lena Ortiz" and "Alan Brooks, the
former mayor," title a person; a later "the former mayor said" or "the billionaire
told" speaks as the last person so titled before it (``speakers.Resolver``), not as a
speaker of its own called "former mayor".
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from dataclasses import dataclass

from spacy.tokens import Doc, Span, Token

from summarizer.attribution.tokens import has_determiner

TITLE_MODIFIERS = frozenset({"compound", "amod", "nmod"})
THE = frozenset({"the"})


@dataclass(frozen=True)
class Titled:
    """One titled mention: the title's lemma ("mayor") and the name it titles."""

    title: str
    name: Token


def titled_people(doc: Doc) -> list[Titled]:
    """Every title given to a PERSON entity, in text order."""
    found = []
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            found += [Titled(word.lemma_.lower(), ent.root) for word in _title_words(ent)]
    return found


def _title_words(ent: Span) -> Iterator[Token]:
    """Common words before the name ("Mayor", "billionaire") and a noun in apposition."""
    for child in ent.root.children:
        if _title_before(child, ent) or (child.dep_ == "appos" and child.pos_ == "NOUN"):
            yield child


def _title_before(child: Token, ent: Span) -> bool:
    before = child.i < ent.start and child.dep_ in TITLE_MODIFIERS
    return before and child.pos_ in ("NOUN", "PROPN") and not child.ent_type_


def last_titled(titled: Sequence[Titled], nominal: Token) -> Token | None:
    """The name of the last person titled like ``nominal`` ("the mayor") before it.

    Only a singular noun with "the" qualifies: "a mayor" or "the mayors" is nobody known.
    """
    definite = has_determiner(nominal, THE)
    if nominal.pos_ != "NOUN" or nominal.tag_ != "NN" or not definite:
        return None
    lemma = nominal.lemma_.lower()
    names = [t.name for t in titled if t.title == lemma and t.name.i < nominal.i]
    return names[-1] if names else None
