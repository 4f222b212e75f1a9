"""What the cue model sees of one candidate reading: named, sparse features.

A candidate is any verb, noun or adjective with a content the clause rules found; whether it is
an attribution cue depends on the word, the construction, who the source is and the
context (a quote nearby, the cue inside a quote, negation, tense). Conjunctions with
the lemma let the model learn per-word behaviour ("want" + infinitive, "support" +
a person) while the general features carry words it has seldom seen.
"""

from __future__ import annotations

from spacy.tokens import Token

from summarizer.attribution.layout import Layout
from summarizer.attribution.lexicon import CUE_VERBS, kind_of, words
from summarizer.attribution.readings import Reading
from summarizer.types import Span

#: Children whose presence tells the construction apart.
TELLING_CHILDREN = words(
    "ccomp xcomp dobj prep advcl nsubjpass agent dative mark aux auxpass neg prt parataxis conj"
)
#: First words of a content that say what kind of content it is.
CONTENT_OPENERS = words('that to " “ if whether the he she they it i we')
LENGTH_BOUNDS = (20, 60, 150)  # characters of content: short, medium, long, very long


def cue_features(cue: Token, reading: Reading, layout: Layout) -> list[str]:
    """The features of ``reading`` whose cue word is ``cue``."""
    return [
        "bias",
        *_word(cue, reading),
        *_source(cue, reading),
        *_context(cue, reading, layout),
        *_children(cue, reading.lemma),
        *_content(cue, reading),
    ]


def _word(cue: Token, reading: Reading) -> list[str]:
    lemma, construction = reading.lemma, reading.construction
    return [
        f"lemma={lemma}",
        f"construction={construction}",
        f"lemma+construction={lemma}|{construction}",
        f"tag={cue.tag_}",
        f"pos={cue.pos_}",
        f"dep={cue.dep_}",
        f"lemma+dep={lemma}|{cue.dep_}",
        f"lemma+tag={lemma}|{cue.tag_}",
        f"construction+dep={construction}|{cue.dep_}",
        f"construction+tag={construction}|{cue.tag_}",
        f"seed={lemma in CUE_VERBS}",
        f"kind={kind_of(lemma)}",
        f"head+dep={cue.head.pos_}|{cue.dep_}",
        f"head lemma+dep={cue.head.lemma_}|{cue.dep_}",
    ]


def _source(cue: Token, reading: Reading) -> list[str]:
    source = reading.source
    detail = source_kind(source)
    kind = detail.split(":")[0] if source is not None and source.pos_ != "PRON" else detail
    found = [
        f"source={detail}",
        f"lemma+source={reading.lemma}|{kind}",
        f"construction+source={reading.construction}|{kind}",
    ]
    if source is not None:
        side = "left" if source.i < cue.i else "right"
        found += [f"source side={side}", f"source dep={source.dep_}"]
        if source.pos_ == "NOUN":
            found.append(f"source lemma={source.lemma_}")
    return found


def source_kind(source: Token | None) -> str:
    """'none', a pronoun ('pron:he'), an entity type ('ent:PERSON') or a part of speech."""
    if source is None:
        return "none"
    if source.pos_ == "PRON":
        return f"pron:{source.lower_}"
    return f"ent:{source.ent_type_}" if source.ent_type_ else source.pos_


def _context(cue: Token, reading: Reading, layout: Layout) -> list[str]:
    """Quotes around the cue, its neighbours and its place in the sentence (found by
    characters: ``Token.sent`` is slow to compute for every candidate)."""
    construction = reading.construction
    start, end = layout.sentence_at(cue.idx)
    inside = layout.quote_at(cue.idx) is not None
    quoted_sentence = any(layout.quote_at(at) is not None for at in (start, end - 1))
    after = _neighbour(cue, 1, (start, end))
    return [
        f"quoted={reading.quote}",
        f"construction+quoted={construction}|{reading.quote}",
        f"in quote={inside}",
        f"construction+in quote={construction}|{inside}",
        f"sentence quoted={quoted_sentence}",
        f"construction+sentence quoted={construction}|{quoted_sentence}",
        f"before={_neighbour(cue, -1, (start, end))}",
        f"after={after}",
        f"lemma+after={reading.lemma}|{after}",
        f"place={int(4 * (cue.idx - start) / max(1, end - start))}",
    ]


def _neighbour(cue: Token, step: int, sentence: Span) -> str:
    """The word beside the cue in its sentence: itself if a stop word or mark, else its POS."""
    index = cue.i + step
    if not 0 <= index < len(cue.doc) or not sentence[0] <= cue.doc[index].idx < sentence[1]:
        return "edge"
    token = cue.doc[index]
    return token.lower_ if token.is_punct or token.is_stop else token.pos_


def _children(cue: Token, lemma: str) -> list[str]:
    found = []
    for child in cue.children:
        if child.dep_ in ("dobj", "pobj"):
            found.append(f"lemma+object={lemma}|{child.ent_type_ or child.pos_}")
        if child.dep_ == "prep":
            found.append(f"lemma+preposition={lemma}|{child.lower_}")
        if child.dep_ in TELLING_CHILDREN:
            found.append(f"child={child.dep_}")
        if child.dep_ == "neg":
            found.append("negated")
    return found


def _content(cue: Token, reading: Reading) -> list[str]:
    construction = reading.construction
    size = sum(end - start for start, end in reading.content)
    length = sum(size >= bound for bound in LENGTH_BOUNDS)
    found = [f"length={length}", f"construction+length={construction}|{length}"]
    first = cue.doc.char_span(*reading.content[0], alignment_mode="expand")
    if first is not None and len(first):
        opener = first[0].lower_
        found.append(f"construction+first tag={construction}|{first[0].tag_}")
        found.append(f"opener={opener if opener in CONTENT_OPENERS else 'other'}")
    return found
