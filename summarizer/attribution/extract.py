"""extract_claims: cues -> readings -> nested ones dropped -> floating quotes -> speakers."""

from __future__ import annotations

import numpy as np
from spacy.attrs import LEMMA, POS
from spacy.symbols import NOUN, VERB
from spacy.tokens import Doc, Token

from summarizer.attribution.cue_table import CUE_CONSTRUCTIONS
from summarizer.attribution.layout import Layout
from summarizer.attribution.lexicon import CueLexicon, kind_of
from summarizer.attribution.readings import (
    ACCORDING_TO,
    Reading,
    read_according_to,
    read_noun,
    read_verb,
)
from summarizer.attribution.speakers import Entity, Resolver
from summarizer.attribution.tokens import overlaps, trim
from summarizer.types import Claim, Span

MIN_FLOATING_WORDS = 4
LEARNED_LEXICON = CueLexicon(CUE_CONSTRUCTIONS)


def extract_claims(doc: Doc, lexicon: CueLexicon = LEARNED_LEXICON) -> tuple[Claim, ...]:
    """Every attributed statement of ``doc`` (a parse of the whole article text).

    ``lexicon`` says which verbs are cues in which constructions; the default one is
    learned from PolNeAR's training articles (``bench/attribution.py --learn``).
    """
    layout = Layout.of(doc.text)  # the only doc.text: it is rebuilt on every access
    readings = [r for r in _read_cues(doc, layout, lexicon) if r is not None]
    readings = _with_floating_quotes(sorted(readings, key=lambda r: r.cue), layout)
    readings = _outermost(readings)
    return _resolve(layout.text, readings)


def _read_cues(doc: Doc, layout: Layout, lexicon: CueLexicon) -> list[Reading | None]:
    """Read candidate cue tokens only, found with vectorised lemma and part-of-speech lookups."""
    table = doc.to_array([LEMMA, POS])
    readings = [read_verb(doc[i], layout, lexicon) for i in _find(doc, table, lexicon.verbs, VERB)]
    readings += [read_noun(doc[i], layout, lexicon) for i in _find(doc, table, lexicon.nouns, NOUN)]
    according = np.flatnonzero(table[:, 0] == doc.vocab.strings.add("accord"))
    readings += [read_according_to(doc[int(i)], layout) for i in according]
    return readings


def _find(doc: Doc, table: np.ndarray, lemmas: frozenset[str], pos: int) -> list[int]:
    hashes = np.array([doc.vocab.strings.add(lemma) for lemma in lemmas], dtype=np.uint64)
    return [int(i) for i in np.flatnonzero(np.isin(table[:, 0], hashes) & (table[:, 1] == pos))]


def _outermost(readings: list[Reading]) -> list[Reading]:
    """Drop nested attributions: cues inside another claim's content (quotes included).

    "According to" nests nothing: in "..., Kartapolov said, according to the ministry"
    both the speaker and the channel are worth keeping.
    """
    contents = [piece for r in readings if r.lemma != ACCORDING_TO for piece in r.content]
    return [r for r in readings if not any(overlaps(r.cue, p) for p in contents)]


def _with_floating_quotes(readings: list[Reading], layout: Layout) -> list[Reading]:
    """A quote no cue governs continues the previous claim when it follows it closely."""
    result = list(readings)
    claimed = [p for r in readings for p in r.content if not _inside(r.cue, layout)]
    for quote in layout.quotes:
        if any(overlaps(quote, p) for p in claimed) or not _speech_like(quote, layout.text):
            continue
        previous = _previous(result, quote, layout)
        if previous is not None:
            result.append(Reading(previous.cue, previous.lemma, previous.source, (quote,), True))
    return sorted(result, key=lambda r: r.content_span)


def _inside(cue: Span, layout: Layout) -> bool:
    return layout.quote_at(cue[0]) is not None


def _speech_like(quote: Span, text: str) -> bool:
    """A full quoted sentence, not a quoted phrase ("shudder quotes", titles)."""
    before = text[: quote[0]].rstrip(" ")
    starts_sentence = not before or before[-1] in '.!?\n”"'
    return starts_sentence and len(text[quote[0] : quote[1]].split()) >= MIN_FLOATING_WORDS


def _previous(readings: list[Reading], quote: Span, layout: Layout) -> Reading | None:
    earlier = [r for r in readings if r.content_span[1] <= quote[0] and r.quote]
    if not earlier:
        return None
    last = max(earlier, key=lambda r: r.content_span[1])
    gap = layout.paragraph_index(quote[0]) - layout.paragraph_index(last.content_span[1] - 1)
    return last if gap <= 1 else None


def _resolve(text: str, readings: list[Reading]) -> tuple[Claim, ...]:
    """Resolve speakers in text order, then build claims with each entity's final name."""
    resolver = Resolver()
    entities: dict[int, Entity | None] = {}
    for reading in sorted(
        readings, key=lambda r: r.source.idx if r.source is not None else r.cue[0]
    ):
        if reading.source is not None and reading.source.i not in entities:
            entities[reading.source.i] = resolver.resolve(reading.source)
    return tuple(_claim(text, r, entities) for r in readings)


def _claim(text: str, reading: Reading, entities: dict[int, Entity | None]) -> Claim:
    source = reading.source
    entity = entities.get(source.i) if source is not None else None
    speaker = entity.name if entity is not None else source.text if source is not None else ""
    kind = kind_of(reading.lemma)
    return Claim(
        speaker=speaker,
        speaker_span=_mention_span(text, source, reading.cue),
        cue=text[reading.cue[0] : reading.cue[1]],
        cue_span=reading.cue,
        claim=join_pieces(text, reading.content),
        claim_span=reading.content_span,
        kind="quote" if kind == "statement" and reading.quote else kind,
        quote=reading.quote,
        target=_target_text(reading.target),
    )


def _mention_span(text: str, source: Token | None, cue: Span) -> Span | None:
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


def join_pieces(text: str, pieces: tuple[Span, ...]) -> str:
    """Content pieces as one text; a quote split by its cue is joined back into one quote."""
    joined = text[pieces[0][0] : pieces[0][1]]
    for start, end in pieces[1:]:
        piece = text[start:end]
        if joined[-1:] in '”"' and piece[:1] in '“"':
            joined = joined[:-1] + " " + piece[1:]
        else:
            joined += " … " + piece
    return joined
