"""Claim records from readings: display name, the local mention, the content text."""

from __future__ import annotations

from spacy.tokens import Doc, Token

from summarizer.attribution.leads import cue_lead
from summarizer.attribution.lexicon import HEDGES, kind_of
from summarizer.attribution.readings import ADJECTIVE, Reading
from summarizer.attribution.speakers import Entity, referent_of
from summarizer.attribution.subjects import is_people
from summarizer.attribution.tokens import trim
from summarizer.types import Claim, Span

#: Children only an active verb has: an object, a reported clause, a passive's agent.
ACTIVE_CHILDREN = frozenset({"dobj", "ccomp", "agent"})
#: A content opening with one of these words before its cue reads only with the cue.
RELATIVE_OPENERS = frozenset({"what", "which", "that", "whom", "who", "how", "why"})


def build_claim(doc: Doc, text: str, reading: Reading, entity: Entity | None) -> Claim:
    """The claim of a reading whose source resolved to ``entity`` (None: unresolved)."""
    source = reading.source
    hedge = reading.lemma in HEDGES or _describes_its_source(doc, reading)
    hedged = hedge and not _can_speak(source)  # "The feature appears to work"
    nameless = hedged or _is_action(source)  # the writer's hedge, or a misparse: no one's claim
    entity = None if nameless else entity
    speaker = "" if nameless else entity.name if entity is not None else _unresolved_name(source)
    stance = reading.construction.startswith(ADJECTIVE)  # "is confident that ..."
    kind = "belief" if stance else kind_of(reading.lemma)
    return Claim(
        speaker=speaker,
        speaker_span=mention_span(text, source, reading.cue),
        cue=text[reading.cue[0] : reading.cue[1]],
        cue_span=reading.cue,
        claim=join_pieces(text, reading.content, reading.cue),
        claim_span=reading.content_span,
        kind="quote" if kind == "statement" and reading.quote else kind,
        quote=reading.quote,
        target=_target_text(reading.target),
        lead=cue_lead(doc, text, reading, kind),
        speaker_id=entity.key if entity is not None else None,
    )


def _can_speak(source: Token | None) -> bool:
    """A person, people or a named group: not "the feature" nor "the same effect"."""
    referent = referent_of(source)[0] if source is not None else None
    return referent is not None and (referent.pos_ == "PROPN" or is_people(referent))


def _describes_its_source(doc: Doc, reading: Reading) -> bool:
    """'morning temperatures expected to be lower', 'an ad titled "Arrogant"': a passive
    participle describing the noun it hangs on; unless the noun can hold a view ("Americans
    worried about ..."), the claim is the writer's or an unnamed source's."""
    cue = doc.char_span(*reading.cue, alignment_mode="expand")
    verb = cue.root if cue is not None else None
    if verb is None or verb.dep_ != "acl" or verb.tag_ != "VBN" or reading.source != verb.head:
        return False
    return not any(c.dep_ in ACTIVE_CHILDREN for c in verb.children)


def _is_action(source: Token | None) -> bool:
    """'Explaining why ... throwing them up against walls and frisking them was ...': a
    clause the small model made the subject ("frisking") names no one. Its span stays in
    the claim: PolNeAR's source is often the phrase around it ("those going")."""
    return source is not None and source.dep_ == "csubj" and source.pos_ == "VERB"


def _unresolved_name(source: Token | None) -> str:
    """A source no entity was found for: its own words, unless only a pronoun ("who",
    "they", "many of us"), which names no one (such claims stay in the data but out of
    the display)."""
    return "" if source is None or referent_of(source)[0].pos_ == "PRON" else source.text


def mention_span(text: str, source: Token | None, cue: Span) -> Span | None:
    """The source's noun phrase; just its head side when the cue hangs inside it."""
    if source is None:
        return None
    if source.pos_ == "PRON":
        return (source.idx, source.idx + len(source))
    start, end = source.left_edge.idx, source.right_edge.idx + len(source.right_edge)
    if start <= cue[0] < end:
        end = source.idx + len(source) if source.idx < cue[0] else end
        start = max(start, cue[1]) if source.idx >= cue[1] else start
    return trim(text, (start, end))


def _target_text(target: Token | None) -> str | None:
    if target is None:
        return None
    words = [t for t in target.subtree if not (t.i == target.left_edge.i and t.dep_ == "det")]
    return "".join(t.text_with_ws for t in words).strip() or None


def join_pieces(text: str, pieces: tuple[Span, ...], cue: Span) -> str:
    """Content pieces as one text; a quote split by its cue is joined back into one quote,
    pieces with only the cue between them keep it ("Six delegates were deemed ineligible"),
    and so does a relative word before its cue ("what he called the Covid crisis", was
    "what … the Covid crisis")."""
    joined, end = text[pieces[0][0] : pieces[0][1]], pieces[0][1]
    for start, stop in pieces[1:]:
        piece = text[start:stop]
        gap = text[end:start]
        relative = joined.strip().lower() in RELATIVE_OPENERS and cue[0] >= end and cue[1] <= start
        if gap.strip() == text[cue[0] : cue[1]] or relative:
            joined += gap + piece
        elif joined[-1:] in '”"' and piece[:1] in '“"':
            joined = joined[:-1] + " " + piece[1:]
        else:
            joined += " … " + piece
        end = stop
    return joined
