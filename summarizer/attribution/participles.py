"""A participle cue the parser hung inside another claim: the same speaker going on.

"Lee said the governor called her and apologized, and that she forgave him, adding that
...": the small model may attach "adding" to "forgave" (inside what was said) rather than
to "said", so the claim of "said" swallows the second one and nesting would drop it.

A participle cue outside any quote whose content runs to the end of that claim is a
second claim of the same speaker (unless the clause it hangs on has a person of its own:
then who speaks is unclear, and it stays inside); the first claim ends where it begins.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from summarizer.attribution.layout import Layout
from summarizer.attribution.readings import ACCORDING_TO, Reading
from summarizer.attribution.subjects import is_people
from summarizer.attribution.tokens import overlaps, trim
from summarizer.types import Span

CONTENT_END_SLACK = 2  # characters: a closing mark or full stop the two contents may differ by
DANGLING = (" and", " but", " while")


def split_participles(doc: Doc, readings: list[Reading], layout: Layout) -> list[Reading]:
    """``readings`` with each participle continuation split off the claim that held it."""
    holders = {
        id(inner): outer
        for inner in readings
        for outer in readings
        if _continues(doc, inner, outer, layout)
    }
    if not holders:
        return readings
    result = []
    for reading in readings:
        cuts = [r.cue[0] for r in readings if holders.get(id(r)) is reading]
        if cuts:
            reading = replace(reading, content=_cut(layout.text, reading.content, min(cuts)))
        outer = holders.get(id(reading))
        result.append(reading if outer is None else replace(reading, source=outer.source))
    return result


def _continues(doc: Doc, inner: Reading, outer: Reading, layout: Layout) -> bool:
    if inner is outer or outer.lemma == ACCORDING_TO or layout.quote_at(inner.cue[0]):
        return False
    if _has_own_speaker(inner):
        return False
    piece = next((p for p in outer.content if overlaps(inner.cue, p)), None)
    if piece is None or inner.cue[0] <= piece[0]:
        return False
    if inner.content_span[1] < piece[1] - CONTENT_END_SLACK:
        return False
    cue = doc.char_span(*inner.cue, alignment_mode="expand")
    return cue is not None and cue.root.tag_ == "VBG" and cue.root.dep_ == "advcl"


def _has_own_speaker(inner: Reading) -> bool:
    """'the owner said a man came in saying ...': the man may be the one saying it (or the
    parse may be right), so the participle stays inside the owner's claim."""
    own = inner.source
    return own is not None and own.pos_ != "PRON" and is_people(own)


def _cut(text: str, content: tuple[Span, ...], at: int) -> tuple[Span, ...]:
    """The content pieces before ``at``, without the comma or "and" that led to it."""
    pieces = []
    for start, end in content:
        piece = trim(text, (start, min(end, at)))
        while ending := next((d for d in DANGLING if text[: piece[1]].endswith(d)), ""):
            piece = trim(text, (piece[0], piece[1] - len(ending)))
        if piece[1] > piece[0]:
            pieces.append(piece)
    return tuple(pieces) or content
