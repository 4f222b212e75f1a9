"""A quote framed by its cue: '"...," Trump, the front-runner, said when asked'.

The commonest attribution in news, and the one the small parser most often breaks:
it hangs the cue on a verb inside the quote, makes a word of the quote the cue's
subject ('"Or Ferguson," Trump said': "Ferguson"), or takes an inverted speaker for
an object ('"...," added a New Hampshire Democrat'). Read by layout instead: the
quote ending right before the cue's clause with a comma (or "?", "!", a dash) is
what was said, and the name between them (or right after the cue) who said it.
"""

from __future__ import annotations

from dataclasses import dataclass

from spacy.tokens import Token

from summarizer.attribution.layout import Layout
from summarizer.attribution.tags import CLAUSE_VERB_TAGS, NOMINALS
from summarizer.sentences import INLINE_SPACE
from summarizer.types import Span

#: The quote's last mark before its closing quotation mark when the sentence goes on.
CONTINUING = frozenset(",?!—–-")
CLOSING_MARKS = "\"“”' "
LOOK_AFTER = 8  # characters after a quote looked at for the comma that continues it
MAX_GAP_TOKENS = 40  # "Trump, the 2016 GOP front-runner and current polling leader in ..."
PHRASE_OPENERS = NOMINALS | {"DET", "ADJ", "NUM"}
#: A speaker's modifiers before the head of its noun phrase ("Gene Sperling", "the
#: company's chief executive", "another New Hampshire Republican").
MODIFIERS = frozenset({"compound", "poss", "det", "amod", "nummod", "nmod", "case"})
SENTENCE_MARKS = frozenset({".", "!", "?", ";", ":"})


@dataclass(frozen=True)
class QuoteFrame:
    quote: Span
    speaker: Token | None


def is_misplaced(source: Token | None, cue: Token, layout: Layout) -> bool:
    """A source inside a quote the cue is not in is a word of what was said."""
    if source is None or layout.quote_at(cue.idx) is not None:
        return False
    return layout.quote_at(source.idx) is not None


def quote_frame(cue: Token, layout: Layout) -> QuoteFrame | None:
    """The quote right before the cue's clause and its speaker, if the cue frames one."""
    if layout.quote_at(cue.idx) is not None:
        return None
    quote = _quote_before(cue, layout)
    if quote is None:
        return None
    gap = list(cue.doc[_first_after(cue, quote[1]) : cue.i])
    if len(gap) > MAX_GAP_TOKENS or not _names_a_speaker(gap, cue):
        return None
    return QuoteFrame(quote, _speaker_in(gap, cue) or _speaker_after(cue))


def _quote_before(cue: Token, layout: Layout) -> Span | None:
    paragraph = layout.paragraph_at(cue.idx)
    before = [q for q in layout.quotes_between(paragraph[0], cue.idx) if q[1] <= cue.idx]
    if not before:
        return None
    return before[-1] if continues_sentence(before[-1], layout.text) else None


def continues_sentence(quote: Span, text: str) -> bool:
    """The sentence goes on after the quote ('"...," he said'; not '"Judy." Brad Pitt ...')."""
    inner = text[quote[0] : quote[1]].rstrip(CLOSING_MARKS)
    following = text[quote[1] : quote[1] + LOOK_AFTER].lstrip(INLINE_SPACE)
    return inner[-1:] in CONTINUING or following.startswith(",")


def _first_after(cue: Token, offset: int) -> int:
    index = cue.i
    while index > 0 and cue.doc[index - 1].idx >= offset:
        index -= 1
    return index


def _names_a_speaker(gap: list[Token], cue: Token) -> bool:
    """The gap opens with the speaker's noun phrase ('"...," and the senator said ...' is a
    clause of its own) and holds nothing else of a clause."""
    words = [t for t in gap if not t.is_punct]
    if words and words[0].pos_ not in PHRASE_OPENERS:
        return False
    return all(_fits_gap(t, cue) for t in gap)


def _fits_gap(token: Token, cue: Token) -> bool:
    """Between the quote and the cue: the speaker and what describes it, no clause of its
    own ("who is chairman of ..." may be) and no sentence end."""
    if "\n" in token.text or token.text in SENTENCE_MARKS:
        return False
    return token.tag_ not in CLAUSE_VERB_TAGS or _in_relative_clause(token, cue)


def _in_relative_clause(token: Token, cue: Token) -> bool:
    return any(t.dep_ == "relcl" for t in [token, *token.ancestors] if t.i < cue.i)


def _speaker_in(gap: list[Token], cue: Token) -> Token | None:
    first = next((t for t in gap if t.pos_ in NOMINALS), None)
    return _head_of_phrase(first, cue.i) if first is not None else None


def _speaker_after(cue: Token) -> Token | None:
    """'"...," added another New Hampshire Republican': the inverted speaker."""
    sentence_end = cue.sent.end
    for token in cue.doc[cue.i + 1 : sentence_end]:
        if token.pos_ in NOMINALS:
            return _head_of_phrase(token, sentence_end)
        if token.pos_ not in ("DET", "ADJ", "NUM"):
            return None
    return None


def _head_of_phrase(token: Token, limit: int) -> Token:
    """From the first word of a noun phrase to its head ("Gene" -> "Sperling")."""
    while token.dep_ in MODIFIERS and token.i < token.head.i < limit:
        token = token.head
    return token
