"""Contents that are noun phrases: what a cue's object, preposition or passive subject says.

"denied the allegations", "called him a liar", "accused Russia of killing civilians",
"warned about the risks", "The decision was announced by ...". Each rule returns the
token indices of the content (empty: the rule does not apply); ``clauses`` tries them.
"""

from __future__ import annotations

from spacy.tokens import Token

from summarizer.attribution.lexicon import (
    ACCUSATION,
    ADDRESSEE_OBJECT,
    ARTIFACT,
    CHANNEL,
    CIRCUMSTANCE_NOUNS,
    DENIAL,
    words,
)
from summarizer.attribution.subjects import EMPTY_SUBJECTS, passive_subject_of
from summarizer.attribution.tokens import (
    complement_of,
    direct_object,
    has_marker,
    subtree_indices,
)

OBJECT_PREDICATES = frozenset({"oprd", "ccomp", "xcomp"})
CONTENT_PREPOSITIONS = frozenset(
    {"of", "about", "for", "on", "over", "against", "to", "with", "at", "into", "toward", "towards"}
)
#: After a direct object these say why or of what: "mocked X for ...", "warned X about ...".
OBJECT_PREPOSITIONS = frozenset({"for", "from", "of", "about", "over", "against", "into"})
#: Verbs whose "to" phrase is whom it was said to ("said to Walter"), not what was said
#: (as in "objected to the plan", "referred to him").
TOLD_TO = words(
    """say speak talk write explain complain admit confess announce declare mention insist
    suggest repeat whisper shout yell joke remark add boast brag confide concede confirm
    reveal tweet"""
)
#: Prepositions that frame a claim rather than say more of its object.
FRAMING_PREPOSITIONS = frozenset({"according", "including", "by"})
#: "said on Monday", "said in Iowa" are not "commented on X".
CIRCUMSTANCE_ENTITIES = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC", "EVENT"})
#: Verbs whose passive subject is always whom they were put to ("Lee was asked ...").
ASKED_WHOM = words("ask quiz")
#: "promised Sunday to ...": the small model may take the day for the object.
DAYS = words("monday tuesday wednesday thursday friday saturday sunday today yesterday tonight")


def prepositional(cue: Token, source: Token | None) -> set[int]:
    """'accused Russia of killing civilians', 'warned about the risks', 'called for talks',
    'referred to him as a hero'."""
    past_object = _object_before_prepositions(cue)
    for child in cue.children:
        addressee = child.lower_ == "to" and cue.lemma_ in TOLD_TO  # "said to Walter"
        if child.i > past_object:
            break
        if child.i < cue.i:  # "At the forum, Alvarez called ...": where, not what
            continue
        if child.dep_ == "prep" and child.lower_ in CONTENT_PREPOSITIONS and not addressee:
            found = complement_of(child)
            if found is not None and is_topic(found):
                return _with_clause_after(cue, set(subtree_indices(found)) | _as_phrase(cue, child))
    return _for_clause(cue)


def _for_clause(cue: Token) -> set[int]:
    """'called for the board to delay the vote': the small model makes "for" the marker of
    a clause; what was called for is the clause without it."""
    for child in cue.rights:
        if child.dep_ == "advcl" and child.left_edge.i == cue.i + 1 and has_marker(child, "for"):
            return set(subtree_indices(child)) - {child.left_edge.i}
    return set()


def _with_clause_after(cue: Token, found: set[int]) -> set[int]:
    """'called for the senator to release the transcripts': the clause the parser hung on
    the cue right after the phrase says what was called for."""
    after = next((c for c in cue.rights if _clause_of_object(c, found)), None)
    return found | set(subtree_indices(after)) if after is not None else found


def _object_before_prepositions(cue: Token) -> int:
    """Where the cue's own prepositional phrases end: at its object, which says what was
    said with them ('announced his endorsement of Cruz for president', not "president"),
    unless the object is whom it was said to ("warned voters about") or the accused."""
    if cue.lemma_ in ADDRESSEE_OBJECT or cue.lemma_ in ACCUSATION or cue.lemma_ in DENIAL:
        return len(cue.doc)
    obj = direct_object(cue)
    return obj.i if obj is not None else len(cue.doc)


def _as_phrase(cue: Token, preposition: Token) -> set[int]:
    """'referred to him as "the most beautiful soul"': what is said of the object."""
    for child in cue.children:
        if child.dep_ == "prep" and child.lower_ == "as" and child.i > preposition.i:
            return set(subtree_indices(child))
    return set()


def is_topic(token: Token) -> bool:
    """Not a circumstance ("on Monday", "in Iowa") nor the channel ("in a statement")."""
    lemma = token.lemma_.lower()
    circumstance = token.ent_type_ in CIRCUMSTANCE_ENTITIES or lemma in CIRCUMSTANCE_NOUNS
    return not circumstance and lemma not in CHANNEL


def nominal(cue: Token, source: Token | None) -> set[int]:
    """'denied the allegations', 'endorsed Clinton', 'called him a liar' (the object with
    what is said of it); never the addressee of 'told'."""
    if cue.lemma_ in ADDRESSEE_OBJECT:
        return set()
    obj = direct_object(cue)
    if obj is not None and obj.lower_ in DAYS:
        return _clause_after_day(cue, obj)
    if obj is None:
        return _lone_predicate(cue)
    if _speaking_document(obj):
        return set()
    found = set(subtree_indices(obj))
    for child in cue.children:
        if child.i <= max(found):
            continue
        listed = _listed_object(child, found)
        if listed:
            found.update(range(max(found) + 1, child.left_edge.i))  # the commas between
        said_of = listed or _predicates_object(child) or _object_complement(child)
        if said_of or _runs_on(child, found) or _clause_of_object(child, found):
            found.update(subtree_indices(child))
    return found


def _lone_predicate(cue: Token) -> set[int]:
    """'he called Moss "Sleepy Alan" several times': the parser may hang the whole of what
    was called on the cue as one object predicate, with no object."""
    found = next((c for c in cue.children if c.dep_ == "oprd"), None)
    if found is not None and found.lower_ in DAYS:
        return _clause_after_day(cue, found)
    return set(subtree_indices(found)) | raised_subject(cue) if found is not None else set()


def _clause_after_day(cue: Token, day: Token) -> set[int]:
    """'promised Sunday at a rally to end ...', 'called Wednesday for the judge to resign':
    the small model takes the day for the object; what was said is the clause after it."""
    for child in cue.rights:
        if child.i > day.i and child.dep_ == "advcl" and child.left_edge.lower_ in ("to", "for"):
            return set(subtree_indices(child))
    return set()


def _object_complement(child: Token) -> bool:
    """'mocked Romney for not releasing his returns', 'barred the firm from leaving'."""
    return child.dep_ == "prep" and child.lower_ in OBJECT_PREPOSITIONS


def _runs_on(child: Token, found: set[int]) -> bool:
    """A phrase right after the object that says more of it ('opposed reauthorization of
    the program without an overhaul': PolNeAR's contents run on), but not when or where it
    was said ('on Monday'), nor a clause of its own ('by announcing ...')."""
    if child.dep_ != "prep" or child.left_edge.i != max(found) + 1:
        return False
    noun = complement_of(child)  # "to the BBC", "to burning the flag"
    if noun is None or (child.lower_ in FRAMING_PREPOSITIONS and noun.pos_ == "VERB"):
        return False
    return is_topic(noun)


def _clause_of_object(child: Token, found: set[int]) -> bool:
    """'described the dinner as the town celebrating itself', 'defended her call to raise
    the minimum wage': a clause right after the object that the parser hung on
    the cue says what the object is."""
    if child.dep_ != "advcl" or child.left_edge.i != max(found) + 1:
        return False
    return child.left_edge.lower_ in ("as", "to")


def _listed_object(child: Token, found: set[int]) -> bool:
    """'discussing the economy, women's health, the environment or ...': the small model
    makes each item of a list an object of its own; the list is what is said."""
    between = child.doc[max(found) + 1 : child.left_edge.i]
    return child.dep_ == "dobj" and all(t.is_punct or t.dep_ == "cc" for t in between)


def _speaking_document(noun: Token) -> bool:
    """'released a statement expressing concern': the statement speaks (its participle is
    the cue, its issuer the source), so releasing it is no claim of its own."""
    clauses = (c for c in noun.children if c.dep_ in ("acl", "relcl"))
    return noun.lemma_.lower() in ARTIFACT and any(True for _ in clauses)


def _predicates_object(child: Token) -> bool:
    """'called Obama a "petulant child"', 'described the plan as a disaster'."""
    return child.dep_ in OBJECT_PREDICATES or (child.dep_ == "prep" and child.lower_ == "as")


def passive_subject(cue: Token, source: Token | None) -> set[int]:
    """'The decision was announced by ...': the passive subject is what was said, with what
    is said of it ('Sanders was declared the winner', 'she is seen as an outsider'). Who was
    asked is no question: 'Lee was asked a question about the tolls' asked the question."""
    subject = raised_subject(cue)
    if subject and asked_whom(cue) is not None:
        obj = direct_object(cue)
        return set(subtree_indices(obj)) if obj is not None else set()
    return subject | _predicate_after(cue) if subject else set()


def asked_whom(cue: Token) -> Token | None:
    """Whom a passive question was put to ("Lee" of "Lee was asked"), if ``cue`` is one."""
    return passive_subject_of(cue) if cue.lemma_ in ASKED_WHOM else None


def _predicate_after(cue: Token) -> set[int]:
    found: set[int] = set()
    for child in cue.rights:
        if _predicates_object(child) or child.dep_ in ("attr", "acomp"):
            found.update(subtree_indices(child))
    return found


def raised_subject(cue: Token) -> set[int]:
    """A passive cue's subject ("Osman is believed to ..."), unless an empty "it"/"there"."""
    subject = passive_subject_of(cue)
    if subject is None or subject.lower_ in EMPTY_SUBJECTS:
        return set()
    return set(subtree_indices(subject))
