"""Where a cue's content sits in the dependency tree (its source: ``subjects``).

Rules over spaCy's English (ClearNLP-style) labels: the content is the clausal
complement, the head clause when the cue is inserted into it ("..., Kartapolov said,
..."), an infinitive for intentions, or a noun phrase for cues that take one
("denied the allegations": ``objects``).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence

from spacy.tokens import Token

from summarizer.attribution.lexicon import ADDRESSEE_OBJECT, CUE_VERBS, QUESTIONING, SPEECH, words
from summarizer.attribution.objects import (
    is_topic,
    nominal,
    passive_subject,
    prepositional,
    raised_subject,
)
from summarizer.attribution.subjects import inverted_after, inverted_inside
from summarizer.attribution.tags import SUBJECTS
from summarizer.attribution.tokens import (
    complement_of,
    direct_object,
    has_marker,
    subtree_indices,
)

INSERTED = frozenset({"parataxis", "ccomp", "advcl"})
CLAUSE_CONTENT = frozenset({"ccomp"})
COMPLEMENTS = frozenset({"ccomp", "xcomp", "dobj", "attr", "oprd"})
#: Prepositions of what a phrase is about, not of when or where it was said.
TOPIC_PREPOSITIONS = words("about of to with for against over")
#: Labels of a that-clause hung on a noun after the cue ("during a news conference that ...").
HUNG_CLAUSES = frozenset({"acl", "relcl", "ccomp"})
#: What a clause's subject may be labelled: "he said", "he was told", "there is", "what
#: he said is".
ANY_SUBJECT = frozenset({"nsubj", "nsubjpass", "csubj", "csubjpass", "expl"})
#: Verbs answering with a word ("said yes", "said so", "said the same of Lee").
ANSWERING = words("say answer reply respond")
ANSWERS = words("yes no so")
SAME = words("same opposite")
SAID_OF = words("of about to")


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
    if subject is None or source is None:
        return set()
    if source == inverted_after(cue):
        return set(subtree_indices(subject))  # "The rejection ... signals the end, said X"
    if source != inverted_inside(cue):
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
            found.update(_lost_subject(cue, child))
    for child in cue.children:
        if found and child.dep_ == "conj" and child.i > max(found) and _reported_clause(child):
            found.update(subtree_indices(child))
    return found


def _lost_subject(cue: Token, clause: Token) -> Sequence[int]:
    """'admitted his relationships ... are strained': the small model takes the subject
    of a clause without one for the cue's object (not an addressee: "told us what ...")."""
    has_subject = any(c.dep_ in ANY_SUBJECT for c in clause.children)
    if clause.i < cue.i or has_subject or cue.lemma_ in ADDRESSEE_OBJECT:
        return []
    thing = direct_object(cue)
    return subtree_indices(thing) if thing is not None and cue.i < thing.i < clause.i else []


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


def _that_clause_after_phrase(cue: Token, source: Token | None) -> set[int]:
    """'said during a news conference that he may wait': the small model hangs the
    that-clause on the phrase between (as if the conference were what he may wait for)."""
    if cue.lemma_ not in SPEECH:
        return set()
    for child in cue.rights:
        if child.dep_ != "prep" or child.lower_ in TOPIC_PREPOSITIONS:
            continue  # "responded to the claim that ...": the claim is what he responded to
        for token in child.subtree:
            if token.dep_ in HUNG_CLAUSES and has_marker(token, "that") and _has_subject(token):
                return set(subtree_indices(token))
    return set()


def _has_subject(verb: Token) -> bool:
    """A subject other than a relative "that" ("a system that only she had access to")."""
    return any(c.dep_ in ANY_SUBJECT and c.lower_ != "that" for c in verb.children)


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
    misparsed_root = cue.dep_ == "parataxis" and head.dep_ == "ROOT"  # "The hashtag, he said, ..."
    if cue.dep_ not in INSERTED or source is None:
        return set()
    if head.pos_ not in ("VERB", "AUX") and not misparsed_root:
        return set()
    if cue.dep_ != "parataxis" and (head.lemma_ in CUE_VERBS or head.i > cue.i):
        return set()
    if not _says_nothing_of_its_own(cue) or _adverbial_with_topic(cue):
        return set()
    return set(subtree_indices(head)) - set(subtree_indices(cue))


def _says_nothing_of_its_own(cue: Token) -> bool:
    """No complement, no conjunction; only whom it was told to ("told The Huffington Post")."""
    own = [c for c in cue.children if c.dep_ in COMPLEMENTS or c.dep_ == "mark"]
    return all(c.dep_ == "dobj" and cue.lemma_ in ADDRESSEE_OBJECT for c in own)


def _adverbial_with_topic(cue: Token) -> bool:
    """'was emotional as she called for the amendment': the cue has its own content, which
    '"...," she said of the plan' (a frame, not an adverbial clause) has not."""
    return cue.dep_ == "advcl" and bool(prepositional(cue, None))


def _complement(cue: Token, source: Token | None) -> set[int]:
    """'plans to sue', 'said legalizing it would help'; with the subject when it is part of
    what is said: 'Osman is believed to have been on the flight'."""
    for child in cue.children:
        if child.dep_ == "xcomp":
            return set(subtree_indices(child)) | raised_subject(cue) | _called_on(cue, child)
    return set()


def _called_on(cue: Token, infinitive: Token) -> set[int]:
    """'called on the mayor to resign': who is to do it belongs to what was called for."""
    for child in cue.rights:
        if child.dep_ == "prep" and child.lower_ in ("on", "upon") and child.i < infinitive.i:
            found = complement_of(child)
            if found is not None and is_topic(found):  # not "on Wednesday"
                return set(subtree_indices(found))
    return set()


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
    ("clause", _that_clause_after_phrase),
    ("inserted", _inserted),
    ("complement", _complement),
    ("preposition", prepositional),
    ("object", nominal),
    ("passive", passive_subject),
    ("as-clause", _as_clause),
    ("relative", _relative),
    ("answer", _answer),
)


def target_of(cue: Token) -> Token | None:
    """The accused or denied party: the direct object of "accuse X of", "blame X for"."""
    return direct_object(cue)
