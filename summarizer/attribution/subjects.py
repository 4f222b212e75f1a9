"""Who speaks: where a cue's source sits in the dependency tree.

Rules over spaCy's English (ClearNLP-style) labels: the source is the subject (or
the passive agent, the subject inherited by a participle or conjoined verb, the one made
to speak: "prompted Moss to declare"), with fallbacks for what the small model misparses
here (datelines taken for subjects, a cue inverted inside the sentence it reports, names
it hangs on a date, "he's said" read as a passive) and, where the tree has no subject at
all, in ``misparsed`` (the words around the cue).
"""

from __future__ import annotations

from spacy.tokens import Token

from summarizer.attribution.lexicon import (
    ARTIFACT,
    FIRST_PERSON,
    GROUP_PRONOUNS,
    PEOPLE_NOUNS,
    PERSON_NOUNS,
    PERSON_PRONOUNS,
)
from summarizer.attribution.misparsed import (
    adjacent_subject,
    after_opening_phrase,
    participle_speaker,
    subordinate_subject,
)
from summarizer.attribution.tags import DATES, FINITE, NAMES, NOMINAL_SUBJECTS, SUBJECTS
from summarizer.attribution.tokens import object_of
from summarizer.datelines import dateline_length

#: Through these a participle or conjoined verb shares the subject of the verb above it.
INHERITS_SUBJECT = frozenset({"conj", "xcomp", "advcl", "pcomp", "prep", "dep", "npadvmod"})
MAX_CLIMB = 4
EMPTY_SUBJECTS = frozenset({"it", "there"})


def source_of(cue: Token) -> Token | None:
    """The token heading the source mention of a cue verb, or None (passive, implicit).

    The subject (or passive agent); for "officials who said" the noun; for participles
    and conjoined verbs the subject of the verb they hang from ("..., adding that",
    "by calling for"); where the parser lost the subject, the noun phrase right after
    an inverted cue ("...,'' said Robert Reich") or the nearest subject before the cue.
    Never a punctuation mark the parser made a subject ("... among others ― explains").
    """
    source = _found_source(cue)
    punctuation = source is not None and source.is_punct and source.text != "%"  # "85% said"
    return None if punctuation else source


def _found_source(cue: Token) -> Token | None:
    own = subject_of(cue)
    if own is not None:
        return inverted_inside(cue) or inverted_after(cue) or own
    if is_passive(cue):
        return None
    if cue.dep_ in ("acl", "relcl") and cue.head.pos_ in ("NOUN", "PROPN"):
        return _author_of(cue.head) or cue.head
    return (
        _inherited_subject(cue)
        or participle_speaker(cue)
        or subordinate_subject(cue)
        or after_opening_phrase(cue)
        or adjacent_subject(cue)
    )


def inverted_inside(cue: Token) -> Token | None:
    """'The contrast with Trump, said Doyle and others, would be clear': a cue inverted
    inside the sentence it reports. The small model makes the sentence's subject the
    cue's and the speaker the subject of the rest; the speaker, or None."""
    if not _inverted_after_comma(cue):
        return None
    rest = next((c for c in cue.children if c.dep_ == "ccomp" and c.i > cue.i), None)
    speaker = next((c for c in rest.children if c.dep_ in SUBJECTS), None) if rest else None
    if speaker is None or speaker.left_edge.i != cue.i + 1:
        return None
    after = max(t.i for t in speaker.subtree if not t.is_punct) + 1  # its closing comma
    return speaker if after < len(cue.doc) and cue.doc[after].text == "," else None


def inverted_after(cue: Token) -> Token | None:
    """'The rejection of the treaty signals the end, said Geert Wilders': the small model
    makes the reported sentence a noun phrase, and both it and the speaker the cue's
    subjects. The speaker (the subject right after the cue), or None."""
    if not _inverted_after_comma(cue):
        return None
    subjects = [c for c in cue.children if c.dep_ in NOMINAL_SUBJECTS]
    before = [s for s in subjects if s.right_edge.i == cue.i - 2]
    after = [s for s in subjects if s.left_edge.i == cue.i + 1]
    return after[0] if before and after else None


def _inverted_after_comma(cue: Token) -> bool:
    """A finite cue right after a comma: ", said Doyle", where an inverted speaker may follow."""
    return cue.tag_ in FINITE and cue.i > 0 and cue.doc[cue.i - 1].text == ","


def _author_of(document: Token) -> Token | None:
    """'she released a statement saying ...': who issued the statement speaks."""
    if document.lemma_.lower() not in ARTIFACT or document.dep_ != "dobj":
        return None
    return subject_of(document.head)


def _listed_after_date(verb: Token) -> Token | None:
    """'On Saturday, France, Germany and Qatar released ...': the small model conjoins the
    names with the date before them and leaves the verb without a subject. The first name."""
    for child in verb.children:
        date = object_of(child) if child.dep_ == "prep" else child
        if child.i > verb.i or date is None or date.ent_type_ not in DATES:
            continue
        names = [t for t in date.subtree if t.dep_ in ("conj", "appos") and t.ent_type_ in NAMES]
        if names:
            return names[0]
    return None


def subject_of(verb: Token) -> Token | None:
    """The verb's subject (or passive agent), or the names the parser hung on a date
    (never for a passive verb: "On Monday, France and Spain were accused" names no speaker)."""
    own = _own_subject(verb)
    return own if own is not None or is_passive(verb) else _listed_after_date(verb)


def _own_subject(verb: Token) -> Token | None:
    """The subject nearest the verb, a name before a common noun: of two the parser gave
    it, the first is a dateline ("STOCKHOLM -- Mayor Anna Lindqvist said"), a word of a
    quote ('"Or Ferguson," Trump said') or the name a title describes."""
    deps = SUBJECTS | {"nsubjpass"} if _contracted_has(verb) else SUBJECTS
    given = [c for c in verb.children if c.dep_ in deps and c.lower_ not in EMPTY_SUBJECTS]
    subjects = [s for s in map(_past_dateline, given) if s is not None]
    before = [s for s in subjects if s.i < verb.i]
    if before:
        named = [s for s in before if s.ent_type_ in NAMES]  # "Ban Ki-moon, the secretary general,"
        return (named or before)[-1]
    if subjects:
        return subjects[0]
    agent = next((c for c in verb.children if c.dep_ == "agent"), None)
    return object_of(agent) if agent is not None else None


def _past_dateline(subject: Token) -> Token | None:
    """'WASHINGTON -- President Obama, ..., said': the small model makes the dateline the
    subject and the speaker its apposition after the dateline (not "(UPI)" inside it); a
    dateline itself never speaks."""
    if not subject.is_upper or len(subject) < 2:
        return subject  # checked first: a dateline is written in capitals
    sentence = subject.sent
    end = sentence.start_char + dateline_length(sentence.text)
    if subject.idx >= end:
        return subject
    return next((c for c in subject.children if c.dep_ == "appos" and c.idx >= end), None)


def is_passive(verb: Token) -> bool:
    passive = any(child.dep_ in ("nsubjpass", "auxpass") for child in verb.children)
    return passive and not _contracted_has(verb)


def _contracted_has(verb: Token) -> bool:
    """ "he's said he'll fight": "'s" is "has" before a verb tagged past tense (the small
    model takes it for the passive "is")."""
    return verb.tag_ == "VBD" and any(c.lower_ in ("'s", "’s") for c in verb.children)


def _inherited_subject(cue: Token) -> Token | None:
    token = cue
    for _ in range(MAX_CLIMB):
        if token.dep_ not in INHERITS_SUBJECT or token.head == token:
            return None
        controller = _controller(token) if token.dep_ == "xcomp" else None
        if controller is not None:
            return controller
        joined = token.dep_ == "conj"
        token = token.head
        subject = subject_of(token) if token.pos_ in ("VERB", "AUX") else None
        if subject is None and joined:
            subject = passive_subject_of(token)  # "Hale was forced into ... and said"
        if subject is not None:
            return subject
    return None


def passive_subject_of(verb: Token) -> Token | None:
    """The subject of a passive verb ("Hale" of "Hale was asked")."""
    return next((c for c in verb.children if c.dep_ == "nsubjpass"), None)


def _controller(infinitive: Token) -> Token | None:
    """'The victory led Priebus to declare', 'it prompted them to focus on', 'Trump was
    prompted to say': the one led, asked or made to speak, not the subject above. Only
    people: in "he used the speech to attack" the speaker uses a thing."""
    verb = infinitive.head
    controls = ("dobj", "nsubjpass")
    found = next((c for c in verb.children if c.dep_ in controls and c.i < infinitive.i), None)
    return found if found is not None and is_people(found) else None


def is_people(token: Token) -> bool:
    """A person, people or a named group or organisation: someone who can speak."""
    lemma = token.lemma_.lower()
    return (
        token.ent_type_ in NAMES
        or token.lower_ in PERSON_PRONOUNS | GROUP_PRONOUNS | FIRST_PERSON
        or lemma in PERSON_NOUNS
        or lemma in PEOPLE_NOUNS
    )
