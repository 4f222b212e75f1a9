"""Claims the parser hung inside another claim though they continue the sentence.

"Lee said the governor called her and apologized, and that she forgave him, adding that
...": the small model may attach "adding" to "forgave" (inside what was said) rather than
to "said", so the claim of "said" swallows the second one and nesting would drop it. The
same with a contrast: "70 percent said they had made up their minds, while 20 percent
said they might still change them".

"Lee said the plan had failed and said that ...": a second verb of saying may hang on
"failed" in the same way.

Outside quotes, such a cue whose content runs to the end of the other claim is a claim
of its own, and the other claim ends where it begins: a participle (same speaker, unless
the clause it hangs on has a person of its own: then who speaks is unclear, and it stays
inside), a verb of saying joined by "and" with no subject of its own (same speaker, on
the same condition), or a "while" clause with its own speaker.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from spacy.tokens import Doc, Token

from summarizer.attribution.layout import Layout
from summarizer.attribution.lexicon import SPEECH
from summarizer.attribution.readings import ACCORDING_TO, Reading
from summarizer.attribution.subjects import is_people, subject_of
from summarizer.attribution.tokens import has_marker, nominal_subject, overlaps, trim
from summarizer.types import Span

CONTENT_END_SLACK = 2  # characters: a closing mark or full stop the two contents may differ by
DANGLING = (" and", " but", " while")
CONTRASTS = ("while", "whereas")


@dataclass(frozen=True)
class Split:
    """Where the holding claim ends, and whether the split-off claim is its speaker's."""

    at: int
    same_speaker: bool


def split_continuations(doc: Doc, readings: list[Reading], layout: Layout) -> list[Reading]:
    """``readings`` with each continuation split off the claim that held it."""
    splits: dict[int, tuple[Reading, Split]] = {}
    for inner in readings:
        for outer in readings:
            split = _split_point(doc, inner, outer, layout)
            if split is not None:
                splits[id(inner)] = (outer, split)
    if not splits:
        return readings
    result = []
    for reading in readings:
        cuts = [split.at for outer, split in splits.values() if outer is reading]
        if cuts:
            reading = replace(reading, content=_cut(layout.text, reading.content, min(cuts)))
        held = splits.get(id(reading))
        if held is not None and held[1].same_speaker:
            reading = replace(reading, source=held[0].source)
        result.append(reading)
    return result


def _split_point(doc: Doc, inner: Reading, outer: Reading, layout: Layout) -> Split | None:
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
    if cue is not None and _joined_speech(cue):
        return Split(inner.cue[0], same_speaker=True)
    if cue is None or cue.dep_ != "advcl":
        return None
    if cue.tag_ == "VBG" and not _has_own_speaker(inner):
        return Split(inner.cue[0], same_speaker=True)
    contrast = any(has_marker(cue, word) for word in CONTRASTS) and subject_of(cue) is not None
    start = cue.left_edge.idx
    return Split(start, same_speaker=False) if contrast and piece[0] < start else None


def _joined_speech(cue: Token) -> bool:
    """'Lee said the plan had failed and said that ...': a verb of saying joined to a verb
    of what was said, with no subject of its own, goes on with the speaker's turn, unless
    that verb has a person for a subject ("Lee said Kim lied and called him a cheat": who
    called is unclear)."""
    if cue.dep_ != "conj" or cue.lemma_.lower() not in SPEECH or nominal_subject(cue) is not None:
        return False
    joined_to = nominal_subject(cue.head)
    return joined_to is None or joined_to.pos_ == "PRON" or not is_people(joined_to)


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
        while ending := next((d for d in DANGLING if text.endswith(d, *piece)), ""):
            piece = trim(text, (piece[0], piece[1] - len(ending)))
        if piece[1] > piece[0]:
            pieces.append(piece)
    return tuple(pieces) or content
