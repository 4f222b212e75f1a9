"""Claims the parser hung inside another claim though they continue the sentence.

"Lee said the governor called her and apologized, and that she forgave him, adding that
...": the small model may attach "adding" to "forgave" (inside what was said) rather than
to "said", so the claim of "said" swallows the second one and nesting would drop it. The
same with a contrast: "70 percent said they had made up their minds, while 20 percent
said they might still change them".

Outside quotes, a participle cue (same speaker, unless the clause it hangs on has a
person of its own: then who speaks is unclear, and it stays inside) or a "while" clause
with its own speaker, whose content runs to the end of the other claim, is a claim of its
own; the other claim ends where it begins.
"""

from __future__ import annotations

from dataclasses import replace

from spacy.tokens import Doc

from summarizer.attribution.layout import Layout
from summarizer.attribution.readings import ACCORDING_TO, Reading
from summarizer.attribution.subjects import is_people, subject_of
from summarizer.attribution.tokens import has_marker, overlaps, trim
from summarizer.types import Span

CONTENT_END_SLACK = 2  # characters: a closing mark or full stop the two contents may differ by
DANGLING = (" and", " but", " while")
CONTRASTS = ("while", "whereas")


def split_continuations(doc: Doc, readings: list[Reading], layout: Layout) -> list[Reading]:
    """``readings`` with each continuation split off the claim that held it."""
    splits: dict[int, tuple[Reading, int]] = {}
    for inner in readings:
        for outer in readings:
            at = _split_point(doc, inner, outer, layout)
            if at is not None:
                splits[id(inner)] = (outer, at)
    if not splits:
        return readings
    result = []
    for reading in readings:
        cuts = [at for outer, at in splits.values() if outer is reading]
        if cuts:
            reading = replace(reading, content=_cut(layout.text, reading.content, min(cuts)))
        split = splits.get(id(reading))
        if split is not None and split[1] == reading.cue[0]:  # a participle: the same speaker
            reading = replace(reading, source=split[0].source)
        result.append(reading)
    return result


def _split_point(doc: Doc, inner: Reading, outer: Reading, layout: Layout) -> int | None:
    """Where ``outer``'s content ends if ``inner`` continues it: at a participle cue, or
    where a contrasting clause with its own speaker opens ("..., while 20 percent said")."""
    if inner is outer or outer.lemma == ACCORDING_TO or layout.quote_at(inner.cue[0]):
        return None
    piece = next((p for p in outer.content if overlaps(inner.cue, p)), None)
    if piece is None or inner.cue[0] <= piece[0]:
        return None
    if inner.content_span[1] < piece[1] - CONTENT_END_SLACK:
        return None
    span = doc.char_span(*inner.cue, alignment_mode="expand")
    cue = span.root if span is not None else None
    if cue is None or cue.dep_ != "advcl":
        return None
    if cue.tag_ == "VBG" and not _has_own_speaker(inner):
        return inner.cue[0]
    contrast = any(has_marker(cue, word) for word in CONTRASTS) and subject_of(cue) is not None
    start = cue.left_edge.idx
    return start if contrast and piece[0] < start else None


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
