"""Claim records from readings: display name, the local mention, the content text."""

from __future__ import annotations

from spacy.tokens import Doc, Token
from spacy.tokens import Span as Span_

from summarizer.attribution.lexicon import kind_of
from summarizer.attribution.readings import Reading
from summarizer.attribution.speakers import Entity
from summarizer.attribution.subjects import FINITE
from summarizer.attribution.tokens import trim
from summarizer.types import Claim, Span

#: Constructions whose content is a noun phrase that needs its cue to say anything.
CUE_LED = frozenset({"object", "preposition", "noun-preposition", "complement"})
FINITE_TAGS = FINITE | {"MD"}
#: Words opening an indirect question ("asked whether ...", "explained why ...").
QUESTION_WORDS = frozenset({"whether", "what", "why", "how", "where", "who", "whom"})
CLITICS = {"'s": "", "'d": "", "'re": "are", "'ve": "have", "'ll": "will", "'m": "am"}
MAX_CUE_GAP = 40  # characters between the cue and such a content ("endorsed on Tuesday")


def build_claim(doc: Doc, text: str, reading: Reading, entity: Entity | None) -> Claim:
    """The claim of a reading whose source resolved to ``entity`` (None: unresolved)."""
    source = reading.source
    speaker = entity.name if entity is not None else _unresolved_name(source)
    kind = kind_of(reading.lemma)
    return Claim(
        speaker=speaker,
        speaker_span=mention_span(text, source, reading.cue),
        cue=text[reading.cue[0] : reading.cue[1]],
        cue_span=reading.cue,
        claim=join_pieces(text, reading.content),
        claim_span=reading.content_span,
        kind="quote" if kind == "statement" and reading.quote else kind,
        quote=reading.quote,
        target=_target_text(reading.target),
        lead=_lead(doc, text, reading, kind),
        speaker_id=entity.key if entity is not None else None,
    )


def _lead(doc: Doc, text: str, reading: Reading, kind: str) -> str | None:
    """The cue words a content needs when it is only a noun phrase ("endorsed" Clinton,
    "called for" talks, "criticism of" the deal): a bare "Clinton" says nothing; or a
    question ("asked whether ..."), which shown alone would read as a statement.
    Accusations and denials have their own wording."""
    start, cue = reading.content_span[0], reading.cue
    if kind in ("accusation", "denial") or len(reading.content) > 1:
        return None
    if not 0 <= start - cue[1] <= MAX_CUE_GAP:
        return None
    content = doc.char_span(*reading.content[0], alignment_mode="expand")
    if content is None or not _needs_cue(reading.construction, content):
        return None
    return _cue_words(text[cue[0] : start])


def _cue_words(text: str) -> str | None:
    """Words to show before the content, a leading clitic spelled out ("’ll present" is
    "will present") or dropped where it is ambiguous ("’s denouncing"); none for a mark
    (a label's colon)."""
    words = text.split(maxsplit=1)
    if words and words[0].lower().replace("’", "'") in CLITICS:
        words = [CLITICS[words[0].lower().replace("’", "'")], *words[1:]]
    shown = " ".join(w for w in words if w).strip()
    return shown if shown[:1].isalpha() else None


def _needs_cue(construction: str, content: Span_) -> bool:
    if content[0].lower_ in QUESTION_WORDS:
        return True
    # "reported warplanes killed civilians": a noun phrase to the parser, a clause after all
    return construction in CUE_LED and not _is_clause(content)


def _is_clause(content: Span_) -> bool:
    """A content with its own predicate; never one that opens with "to" ("wants to ask
    why he had issues" needs its verb whatever the infinitive holds)."""
    if content[0].tag_ == "TO":
        return False
    return any(_predicates(t) and not _relative(t, content) for t in content)


def _relative(token: Token, phrase: Span_) -> bool:
    """Inside a relative clause of the phrase ("the actor who won an Oscar"): the phrase
    is still a noun phrase."""
    while token.i != phrase.root.i and phrase.start <= token.i < phrase.end:
        if token.dep_ == "relcl":
            return True
        token = token.head
    return False


def _predicates(token: Token) -> bool:
    """A finite verb, or a participle with an object (the parser's reading of "warplanes
    killed 30 civilians" as a noun phrase)."""
    has_object = any(c.dep_ == "dobj" for c in token.children)
    return token.tag_ in FINITE_TAGS or (token.tag_ == "VBN" and has_object)


def _unresolved_name(source: Token | None) -> str:
    """A source no entity was found for: its own words, unless only a pronoun ("who",
    "they"), which names no one (such claims stay in the data but out of the display)."""
    return "" if source is None or source.pos_ == "PRON" else source.text


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
