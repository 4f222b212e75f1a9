"""A pronoun's antecedent in its own sentence (or the one before), before the last
source is looked at.

Sources are resolved against earlier sources only, so "they" in "Employees could face
a fine if they fail to tell their bosses ..." would become whoever spoke last (in one
article, "details of the legislation"). The subject of an earlier clause of the same
sentence that fits the pronoun is nearer, and news prose refers back to it first.
"""

from __future__ import annotations

from spacy.tokens import Token

from summarizer.attribution.lexicon import PERSON_NOUNS
from summarizer.attribution.tags import NOMINAL_SUBJECTS
from summarizer.attribution.tokens import is_document, nominal_subject

SINGULAR_PERSON = frozenset({"he", "she"})
PLURAL = frozenset({"they"})
MALE_TITLES = frozenset({"mr", "sir", "lord"})
FEMALE_TITLES = frozenset({"mrs", "ms", "miss", "lady", "dame"})
QUOTE_TAGS = frozenset({"``", "''"})
#: A subject inside what was reported ("said the minister had resigned") is no antecedent
#: of a pronoun speaking after it ("..., but he added"): the reporter is.
REPORTED = frozenset({"ccomp", "xcomp"})


def closer_antecedent(pronoun: Token) -> Token | None:
    """The last subject before ``pronoun`` in its sentence that fits it, if any."""
    wanted = pronoun.lower_
    if wanted not in SINGULAR_PERSON | PLURAL:
        return None
    doc = pronoun.doc
    before = doc[pronoun.sent.start : pronoun.i]
    fitting = [t for t in before if _subject_of_a_clause(t) and _fits(t, wanted)]
    outside = [t for t in fitting if not _quote_between(t, pronoun)]
    if outside:
        return outside[-1]
    named_before = any(t.dep_ in NOMINAL_SUBJECTS and t.pos_ in ("NOUN", "PROPN") for t in before)
    if wanted not in SINGULAR_PERSON or named_before:
        return None
    return _main_subject_before(pronoun)


def _main_subject_before(pronoun: Token) -> Token | None:
    """'Governor Ann Lee was more careful ... Though she called ...': a pronoun opening
    its sentence refers to the person the previous sentence was about (its main subject),
    not to whoever spoke last (there, a senator quoted a paragraph before)."""
    doc, start = pronoun.doc, pronoun.sent.start
    if start == 0:
        return None
    root = doc[start - 1].sent.root
    subject = nominal_subject(root)
    if subject is None or _quote_between(subject, pronoun):
        return None
    fits = _fits(subject, pronoun.lower_) and _same_sex(subject, pronoun)
    return subject if fits else None


def _same_sex(noun: Token, pronoun: Token) -> bool:
    """No title says otherwise: "Mrs. Clinton" is never "he", "Mr. Obama" never "she"."""
    titles = {c.lower_.rstrip(".") for c in noun.children if c.dep_ == "compound"}
    return not titles & (FEMALE_TITLES if pronoun.lower_ == "he" else MALE_TITLES)


def _quote_between(token: Token, pronoun: Token) -> bool:
    """'"... if Donald Trump is elected ...," he said': a name in a quote is not who speaks."""
    return any(t.tag_ in QUOTE_TAGS for t in token.doc[token.i + 1 : pronoun.i])


def _subject_of_a_clause(token: Token) -> bool:
    return token.dep_ in NOMINAL_SUBJECTS and token.head.dep_ not in REPORTED


def _fits(noun: Token, pronoun: str) -> bool:
    if noun.pos_ not in ("NOUN", "PROPN") or is_document(noun):
        return False
    if pronoun in PLURAL:
        return noun.tag_ in ("NNS", "NNPS")
    return noun.tag_ in ("NN", "NNP") and (
        noun.ent_type_ == "PERSON" or noun.lemma_.lower() in PERSON_NOUNS
    )
