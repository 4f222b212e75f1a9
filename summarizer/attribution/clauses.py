"""Where a cue's content sits in the dependency tree (its source: ``subjects``).

Rules over spaCy's English (ClearNLP-style) labels: the content is the clausal
complement, the head clause when the cue is inserted into it ("..., Kartapolov said,
..."), an infinitive for intentions, or a noun phrase for cues that take one
("denied the allegations").
"""

from __future__ import annotations

from collections.abc import Callable

from spacy.tokens import Token

from summarizer.attribution.lexicon import (
    ACCUSATION,
    ADDRESSEE_OBJECT,
    ARTIFACT,
    CHANNEL,
    CIRCUMSTANCE_NOUNS,
    CUE_VERBS,
    DENIAL,
    QUESTIONING,
    words,
)
from summarizer.attribution.subjects import EMPTY_SUBJECTS, inverted_inside
from summarizer.attribution.tags import SUBJECTS
from summarizer.attribution.tokens import complement_of, has_marker, subtree_indices

INSERTED = frozenset({"parataxis", "ccomp", "advcl"})
CLAUSE_CONTENT = frozenset({"ccomp"})
COMPLEMENTS = frozenset({"ccomp", "xcomp", "dobj", "attr", "oprd"})
OBJECT_PREDICATES = frozenset({"oprd", "ccomp", "xcomp"})
CONTENT_PREPOSITIONS = frozenset(
    {"of", "about", "for", "on", "over", "against", "to", "with", "at", "into", "toward", "towards"}
)
#: After a direct object these say why or of what: "mocked X for ...", "warned X about ...".
OBJECT_PREPOSITIONS = frozenset({"for", "from", "of", "about", "over", "against", "into"})
#: Verbs whose "to" phrase is whom it was said to ("said to Walter"), not what was said
#: (as in "objected to the plan", "referred to him").
TOLD_TO = frozenset(
    {
        "say",
        "speak",
        "talk",
        "write",
        "explain",
        "complain",
        "admit",
        "confess",
        "announce",
        "declare",
        "mention",
        "insist",
        "suggest",
        "repeat",
        "whisper",
        "shout",
        "yell",
        "joke",
        "remark",
        "add",
        "boast",
        "brag",
        "confide",
        "concede",
        "confirm",
        "reveal",
        "tweet",
    }
)
#: Prepositions that frame a claim rather than say more of its object.
FRAMING_PREPOSITIONS = frozenset({"according", "including", "by"})
#: "said on Monday", "said in Iowa" are not "commented on X".
CIRCUMSTANCE_ENTITIES = frozenset({"DATE", "TIME", "GPE", "LOC", "FAC", "EVENT"})
#: Verbs answering with a word ("said yes", "said so", "said the same of Lee").
ANSWERING = words("say answer reply respond")
ANSWERS = words("yes no so")
SAME = words("same opposite")
SAID_OF = words("of about to")
#: "promised Sunday to ...": the small model may take the day for the object.
DAYS = words("monday tuesday wednesday thursday friday saturday sunday today yesterday tonight")


def content_of(cue: Token, source: Token | None) -> tuple[str, set[int]]:
    """The construction found and the token indices of a cue verb's content (maybe none)."""
    for construction, rule in RULES:
        found = rule(cue, source)
        if found:
            return construction, found
    return "", set()


def _inverted(cue: Token, source: Token | None) -> set[int]:
    """'The contrast with Trump, said Doyle and others, would be clear': the sentence
    around the inverted cue and its speaker (``subjects.inverted_inside``)."""
    subject = next((c for c in cue.children if c.dep_ in SUBJECTS), None)
    if subject is None or source is None or source != inverted_inside(cue):
        return set()
    rest = source.head
    return set(subtree_indices(subject)) | set(subtree_indices(rest)) - set(subtree_indices(source))


def _clausal(cue: Token, source: Token | None) -> set[int]:
    """The clausal complement, with a second clause the parser hung on the cue
    ("said he had offers, but the offers were ...")."""
    found: set[int] = set()
    for child in cue.children:
        if child.dep_ in CLAUSE_CONTENT and not _closed_before(child, cue):
            found.update(subtree_indices(child))
    for child in cue.children:
        if found and child.dep_ == "conj" and child.i > max(found) and _reported_clause(child):
            found.update(subtree_indices(child))
    return found


def _closed_before(clause: Token, cue: Token) -> bool:
    """'Whites were split: more than half of white women preferred Clinton': a clause
    before the cue that a colon or semicolon closes is no quote of it, nor an unquoted one
    before a cue with its clause or object after it ('It was no accident - Buck told
    POLITICO that ...', 'While he embraces what he believes are ..., he disavows the
    ideology')."""
    if clause.i > cue.i:
        return False
    between = cue.doc[clause.right_edge.i + 1 : cue.i]
    if any(t.text in (":", ";") for t in between):
        return True
    reported_after = any(
        c.i > cue.i and (c.dep_ in CLAUSE_CONTENT or _said_object(cue, c)) for c in cue.children
    )
    opening = cue.doc[max(0, clause.left_edge.i - 1)]
    quoted = opening.is_quote or any(t.is_quote for t in between)
    return reported_after and not quoted


def _said_object(cue: Token, child: Token) -> bool:
    """'he disavows the ideology': an object right after the cue says what; not an
    addressee ("told reporters") nor a phrase set off by a dash ("added -- a move that")."""
    between = cue.doc[cue.i + 1 : child.left_edge.i]
    adjacent = not any(t.is_punct for t in between)
    return child.dep_ == "dobj" and adjacent and cue.lemma_ not in ADDRESSEE_OBJECT


def _asked_if(cue: Token, source: Token | None) -> set[int]:
    """'asked the students if they were ...': the small model hangs the question on the
    verb as an adverbial clause."""
    if cue.lemma_ not in QUESTIONING:
        return set()
    for child in cue.rights:  # not 'If we lived in normal times, a reader would ask'
        if child.dep_ == "advcl" and (has_marker(child, "if") or has_marker(child, "whether")):
            return set(subtree_indices(child))
    return set()


def _reported_clause(verb: Token) -> bool:
    """A clause of its own (with a subject) that is not itself a new cue."""
    return verb.lemma_ not in CUE_VERBS and any(c.dep_ in SUBJECTS for c in verb.children)


def _inserted(cue: Token, source: Token | None) -> set[int]:
    """'"Thus," Kartapolov said, "..."': the cue hangs inside the clause it reports.

    Unless set off as a parenthetical ("Back then, Ms. Ripert said, she found ..."), not
    when the head is itself a cue ("said she supported it": "supported" is content) or
    comes after the cue; never when the cue has a complement of its own or a conjunction
    that makes it a clause of the head ("changed to reflect that the mayor is calling for").
    """
    head = cue.head
    if cue.dep_ not in INSERTED or source is None or head.pos_ not in ("VERB", "AUX"):
        return set()
    if cue.dep_ != "parataxis" and (head.lemma_ in CUE_VERBS or head.i > cue.i):
        return set()
    if any(c.dep_ in COMPLEMENTS or c.dep_ == "mark" for c in cue.children):
        return set()
    if _adverbial_with_topic(cue):
        return set()
    return set(subtree_indices(head)) - set(subtree_indices(cue))


def _adverbial_with_topic(cue: Token) -> bool:
    """'was emotional as she called for the amendment': the cue has its own content, which
    '"...," she said of the plan' (a frame, not an adverbial clause) has not."""
    return cue.dep_ == "advcl" and bool(_prepositional(cue, None))


def _complement(cue: Token, source: Token | None) -> set[int]:
    """'plans to sue', 'said legalizing it would help'; with the subject when it is part of
    what is said: 'Osman is believed to have been on the flight'."""
    for child in cue.children:
        if child.dep_ == "xcomp":
            return set(subtree_indices(child)) | _raised_subject(cue) | _called_on(cue, child)
    return set()


def _called_on(cue: Token, infinitive: Token) -> set[int]:
    """'called on the mayor to resign': who is to do it belongs to what was called for."""
    for child in cue.rights:
        if child.dep_ == "prep" and child.lower_ in ("on", "upon") and child.i < infinitive.i:
            found = complement_of(child)
            if found is not None and _is_topic(found):  # not "on Wednesday"
                return set(subtree_indices(found))
    return set()


def _raised_subject(cue: Token) -> set[int]:
    for child in cue.children:
        if child.dep_ == "nsubjpass" and child.lower_ not in EMPTY_SUBJECTS:
            return set(subtree_indices(child))
    return set()


def _prepositional(cue: Token, source: Token | None) -> set[int]:
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
            if found is not None and _is_topic(found):
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
    obj = next((c for c in cue.children if c.dep_ == "dobj"), None)
    return obj.i if obj is not None else len(cue.doc)


def _as_phrase(cue: Token, preposition: Token) -> set[int]:
    """'referred to him as "the most beautiful soul"': what is said of the object."""
    for child in cue.children:
        if child.dep_ == "prep" and child.lower_ == "as" and child.i > preposition.i:
            return set(subtree_indices(child))
    return set()


def _is_topic(token: Token) -> bool:
    """Not a circumstance ("on Monday", "in Iowa") nor the channel ("in a statement")."""
    lemma = token.lemma_.lower()
    circumstance = token.ent_type_ in CIRCUMSTANCE_ENTITIES or lemma in CIRCUMSTANCE_NOUNS
    return not circumstance and lemma not in CHANNEL


def _nominal(cue: Token, source: Token | None) -> set[int]:
    """'denied the allegations', 'endorsed Clinton', 'called him a liar' (the object with
    what is said of it); never the addressee of 'told'."""
    if cue.lemma_ in ADDRESSEE_OBJECT:
        return set()
    obj = next((c for c in cue.children if c.dep_ == "dobj"), None)
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
    return set(subtree_indices(found)) | _raised_subject(cue) if found is not None else set()


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
    return _is_topic(noun)


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


def _passive_subject(cue: Token, source: Token | None) -> set[int]:
    """'The decision was announced by ...': the passive subject is what was said, with what
    is said of it ('Sanders was declared the winner', 'she is seen as an outsider')."""
    subject = _raised_subject(cue)
    return subject | _predicate_after(cue) if subject else set()


def _predicate_after(cue: Token) -> set[int]:
    found: set[int] = set()
    for child in cue.rights:
        if _predicates_object(child) or child.dep_ in ("attr", "acomp"):
            found.update(subtree_indices(child))
    return found


def _as_clause(cue: Token, source: Token | None) -> set[int]:
    """'As the Times noted, Clinton raised $1 million': the clause the "as" phrase sits in."""
    head = cue.head
    if cue.dep_ != "advcl" or not has_marker(cue, "as") or head.pos_ not in ("VERB", "AUX"):
        return set()
    return set(subtree_indices(head)) - set(subtree_indices(cue))


def _relative(cue: Token, source: Token | None) -> set[int]:
    """'the lesson they intended', 'the judge Trump was referring to': what the relative
    clause says was intended or referred to is the noun phrase it hangs on."""
    noun = cue.head
    if cue.dep_ != "relcl" or noun.pos_ not in ("NOUN", "PROPN") or source is None:
        return set()
    if any(c.dep_ in ("dobj", "ccomp", "xcomp") for c in cue.children):
        return set()  # "the officials who said it": the clause has its own content
    return set(subtree_indices(noun)) - set(subtree_indices(cue))


def _answer(cue: Token, source: Token | None) -> set[int]:
    """'46 percent said yes', 'he said no to the war', '26 percent said the same (of Lee)':
    the answer is what was said, with what it is said of."""
    if cue.lemma_ not in ANSWERING:
        return set()
    for child in cue.rights:
        if child.lower_ in ANSWERS or (child.lower_ in SAME and child.dep_ != "advmod"):
            found = set(subtree_indices(child))
            for after in cue.rights:
                if after.i > child.i and after.dep_ == "prep" and after.lower_ in SAID_OF:
                    found.update(subtree_indices(after))
            return found
    return set()


Rule = Callable[[Token, Token | None], set[int]]
#: Tried in this order; the cue lexicon says in which constructions a lemma is a cue.
RULES: tuple[tuple[str, Rule], ...] = (
    ("clause", _inverted),
    ("clause", _clausal),
    ("clause", _asked_if),
    ("inserted", _inserted),
    ("complement", _complement),
    ("preposition", _prepositional),
    ("object", _nominal),
    ("passive", _passive_subject),
    ("as-clause", _as_clause),
    ("relative", _relative),
    ("answer", _answer),
)


def target_of(cue: Token) -> Token | None:
    """The accused or denied party: the direct object of "accuse X of", "blame X for"."""
    return next((c for c in cue.children if c.dep_ == "dobj"), None)
