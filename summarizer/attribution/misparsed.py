"""Who speaks where the small model lost the subject: read off the words around the cue.

Each rule answers for one misparse seen on PolNeAR train: an inverted speaker taken for an
object ('"...," said Reich'), a subject hung on "after" or on the sentence's opening phrase,
or none at all (the nearest subject before the cue).
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from summarizer.attribution.tags import DATES, FINITE, NOMINALS, RELATIVE_TAGS
from summarizer.attribution.tokens import is_document

#: Words opening a clause that the small model reads as prepositions ("a day after X said").
SUBORDINATORS = frozenset({"after", "before", "since", "until", "when", "as", "while"})
#: Phrases opening a sentence that the subject may be hung on: "In an interview with ...,",
#: "Alarmed by the riots in Ohio, ...".
OPENINGS = frozenset({"prep", "advcl"})
#: Words before a name's head: "Robert" of "Robert Reich", "retired" of "retired surgeon".
NAME_PARTS = frozenset({"compound", "amod"})


def participle_speaker(cue: Token) -> Token | None:
    """'"...," said Skelly, explaining that ...': the inverted speaker of the verb above."""
    head = cue.head
    after_quote = head.i > 0 and head.doc[head.i - 1].tag_ == "''"  # a closing quotation mark
    if cue.tag_ != "VBG" or cue.dep_ != "advcl" or not after_quote:
        return None
    return inverted_speaker(head)


def subordinate_subject(cue: Token) -> Token | None:
    """'The announcement came a day after members of the coalition, which ..., said X': the
    small model takes the subordinate clause's subject for the object of "after" and the
    main clause for a quote before "said". The noun phrase ending right before the cue."""
    if not any(c.dep_ == "ccomp" and c.i > cue.i for c in cue.children):
        return None  # checked first: cheap, and rules out most verbs
    before = cue.i - 1
    while before > 0 and cue.doc[before].is_punct and not cue.doc[before + 1].is_sent_start:
        before -= 1
    if before < 0 or cue.doc[before + 1].is_sent_start:
        return None
    found = [
        token
        for token in [cue.doc[before], *cue.doc[before].ancestors]
        if token.dep_ == "pobj"
        and token.head.lower_ in SUBORDINATORS
        and token.right_edge.i == before
        and token.pos_ in NOMINALS
    ]  # the outermost: "members of the coalition, which has bombed IS since September 2014"
    return found[-1] if found and found[-1].ent_type_ not in DATES else None


def after_opening_phrase(cue: Token) -> Token | None:
    """'In an interview with hosts Joe and Mika, the candidate stated ...', 'Alarmed by the
    riots in Ohio, Senator Tom Hale, the majority leader, said': the small model
    hangs the subject on the phrase opening the sentence (as its apposition, conjunct or
    object) and leaves the verb without one. The first noun phrase that starts after a
    comma of that phrase and runs up to the verb ('..., Col. Steven Warren, a spokesman,')."""
    opening = next((c for c in cue.children if c.dep_ in OPENINGS and c.i < cue.i), None)
    if opening is None:
        return None
    last = _last_word_before(cue)
    commas = (t for t in cue.doc[opening.i : last] if t.text == ",")
    phrases = (_phrase_from(comma.i + 1, last, cue.doc) for comma in commas)
    return next((p for p in phrases if p is not None), None)


def _phrase_from(start: int, last: int, doc: Doc) -> Token | None:
    """The head of the noun phrase spanning ``doc[start : last + 1]``, or None."""
    head = doc[start]
    while start <= head.head.i <= last and head.head != head:
        head = head.head
    words = [t.i for t in head.subtree if t.i >= start and not t.is_punct]
    spans = words and max(words) == last
    return head if spans and head.pos_ in NOMINALS and head.ent_type_ not in DATES else None


def _last_word_before(verb: Token) -> int:
    """The last word before ``verb`` that is not punctuation or its own adverb ("also")."""
    index = verb.i - 1
    while index > 0 and (verb.doc[index].is_punct or verb.doc[index].head == verb):
        index -= 1
    return index


def adjacent_subject(cue: Token) -> Token | None:
    inverted = inverted_speaker(cue)
    if inverted is not None:
        return inverted
    doc, sentence = cue.doc, cue.sent
    before = doc[sentence.start : cue.i]
    subjects = [t for t in before if t.dep_ == "nsubj" and t.tag_ not in RELATIVE_TAGS]
    # 'The announcement came a day after members of the coalition ... said': a document
    # that is the subject of another verb is no guess for who spoke (each was wrong on
    # PolNeAR train)
    return subjects[-1] if subjects and not is_document(subjects[-1]) else None


def inverted_speaker(cue: Token) -> Token | None:
    """'"...," said Robert Reich': the name right after a finite cue that follows a mark
    ("said retired surgeon Ann Berg": its head, past the words before it)."""
    doc, sentence = cue.doc, cue.sent
    after = doc[cue.i + 1] if cue.i + 1 < sentence.end else None
    inverted = cue.tag_ in FINITE and cue.i > sentence.start and doc[cue.i - 1].is_punct
    if not inverted or after is None:
        return None
    named = after.pos_ in NOMINALS or _mistagged_name(after)
    while after.dep_ in NAME_PARTS and after.head.i > after.i:
        after = after.head  # "said Robert Reich", "said retired surgeon Ann Berg"
    if after.pos_ not in NOMINALS and not _mistagged_name(after):
        return None  # 'said matter-of-factly': "matter" describes an adverb, names no one
    return after if named or after.ent_type_ not in DATES else None


def _mistagged_name(token: Token) -> bool:
    """'"...," said Skelly': a capitalised word after an inverted cue that the tagger took
    for an adverb or adjective is the speaker's name (not a date: "said Monday")."""
    return token.is_title and token.pos_ in ("ADV", "ADJ", "X") and token.ent_type_ not in DATES
