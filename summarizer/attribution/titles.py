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
QUALIFIER_WINDOW = 12  # tokens before a name that may qualify its title


@dataclass(frozen=True)
class Titled:
    """One titled mention: the title's lemma ("mayor"), the name it titles, the words of
    the title ("senate", "republican", "leader") and the title word's token index."""

    title: str
    name: Token
    words: frozenset[str]
    at: int


def titled_people(doc: Doc) -> list[Titled]:
    """Every title given to a PERSON entity, in text order."""
    found = []
    for ent in doc.ents:
        if ent.label_ == "PERSON":
            found += [
                Titled(w.lemma_.lower(), ent.root, _phrase(w, ent), w.i) for w in _title_words(ent)
            ]
    return found


def _phrase(title: Token, ent: Span) -> frozenset[str]:
    """The words a title may be qualified by: those just before the name ("Pan American
    Health Organization (PAHO) Director Carissa Etienne"; the small model often ends the
    sentence inside such a title), or the apposition ("McConnell, now the Senate majority
    leader")."""
    start = max(0, ent.start - QUALIFIER_WINDOW)
    words = title.subtree if title.dep_ == "appos" else ent.doc[start : ent.start]
    return frozenset(t.lower_ for t in words)


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
    Nor does a title for its own mention: in "In an interview with hosts Joe and Mika, the
    candidate stated" the parser made "the candidate" Mika's apposition, but it speaks.
    """
    definite = has_determiner(nominal, THE)  # "the Director": a capitalised title too
    if nominal.tag_ not in ("NN", "NNP") or not definite:
        return None
    lemma = nominal.lemma_.lower()
    qualifiers = {c.lower_ for c in nominal.children if c.dep_ == "compound"}
    # "the PAHO Director" is "PAHO Director Carissa Etienne"; "the International Trade
    # Secretary" is not "Ex-Environment Secretary Theresa Villiers"
    names = [
        t.name
        for t in titled
        if t.title == lemma and t.name.i < nominal.i and qualifiers <= t.words and t.at != nominal.i
    ]
    return names[-1] if names else None
