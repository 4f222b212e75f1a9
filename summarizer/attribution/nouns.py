"""Nouns as cues: "Trump's claim that ...", "her plan to ...", "criticism of the deal",
"His concern is that ...". The source is the possessor, a "by"/"from" phrase, or the
subject of a light verb ("she issued a warning that ...").
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from summarizer.attribution.tokens import complement_of, has_marker, subtree_indices

LIGHT_VERBS = frozenset(
    {"make", "issue", "raise", "express", "voice", "offer", "give", "deliver", "have"}
    | {"share", "repeat", "renew", "post"}
)
SOURCE_PREPOSITIONS = frozenset({"by", "from", "among"})
TOPIC_PREPOSITIONS = frozenset({"of", "for", "on", "about", "against", "to", "over", "with"})
CLAUSE_LABELS = frozenset({"acl", "ccomp"})
COPULA_CONTENT = frozenset({"attr", "ccomp", "xcomp", "acomp"})


def noun_source_of(noun: Token) -> Token | None:
    for child in noun.children:
        if child.dep_ == "poss":
            return child
        if child.dep_ == "prep" and child.lower_ in SOURCE_PREPOSITIONS:
            return next((c for c in child.children if c.dep_ == "pobj"), None)
    head = noun.head
    if noun.dep_ == "dobj" and head.lemma_ in LIGHT_VERBS:
        return next((c for c in head.children if c.dep_ == "nsubj"), None)
    return None


def noun_content_of(noun: Token) -> tuple[str, set[int]]:
    """The construction found and the token indices of a cue noun's content (maybe none)."""
    for construction, rule in NOUN_RULES:
        found = rule(noun)
        if found:
            return construction, found
    return "", set()


def _that_clause(noun: Token) -> set[int]:
    """'the claim that taxes will rise' (a relative clause 'the claim that he made' is not)."""
    for child in noun.children:
        if child.dep_ in CLAUSE_LABELS and has_marker(child, "that") and not _is_infinitive(child):
            return set(subtree_indices(child))
    return set()


def _infinitive(noun: Token) -> set[int]:
    for child in noun.children:
        if child.dep_ == "acl" and _is_infinitive(child):
            return set(subtree_indices(child))
    return set()


def _copula(noun: Token) -> set[int]:
    """'His concern is that ...', 'Her advice was to stay calm'."""
    if noun.dep_ != "nsubj" or noun.head.lemma_ != "be":
        return set()
    for child in noun.head.children:
        if child.dep_ in COPULA_CONTENT and child.i > noun.i:
            return set(subtree_indices(child))
    return set()


def _prepositional(noun: Token) -> set[int]:
    for child in noun.children:
        if child.dep_ == "prep" and child.lower_ in TOPIC_PREPOSITIONS:
            found = complement_of(child)
            if found is not None:
                return set(subtree_indices(found))
    return set()


def _is_infinitive(clause: Token) -> bool:
    return any(c.dep_ == "aux" and c.lower_ == "to" for c in clause.children)


NOUN_RULES: tuple[tuple[str, Callable[[Token], set[int]]], ...] = (
    ("noun-clause", _that_clause),
    ("noun-infinitive", _infinitive),
    ("noun-copula", _copula),
    ("noun-preposition", _prepositional),
)
NOUN_CONSTRUCTIONS = frozenset(name for name, _ in NOUN_RULES)
