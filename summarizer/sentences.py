"""Offline, rule-based sentence splitting with exact character offsets.

NLTK's punkt models cannot be downloaded here, so the rules below cover what
news prose needs: titles before names ("Col. Gen. Andrei Kartapolov"),
dotted acronyms ("U.S.-led", "the U.S. The"), dates ("Oct. 4 (UPI)"),
initials ("J. K. Rowling"), decimals, "e.g.", ellipses and closing quotes,
titles after a hyphen ("then-Rep. Esteban Torres"), and a quoted question with
its speaker ('"Is it over?" King asked.').

Layout counts too: a sentence never crosses a blank line, and a line without
final punctuation (a headline, a byline) ends its sentence, unless the next
line plainly continues it (starts in lower case, or the line ends with a comma
or hyphen, as hard-wrapped text does).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from summarizer.types import Sentence, Span


def _word_set(words: str) -> frozenset[str]:
    return frozenset(words.split())


#: Abbreviations that precede a name or a number and so never end a sentence.
TITLE_ABBREVIATIONS = _word_set(
    """mr mrs ms mx dr prof rev fr sr sra srta st mt ft col gen lt sgt cpl pvt capt cmdr adm
    maj brig cdr gov sen rep reps sens pres supt insp det atty hon amb messrs mmes msgr
    no nos vol vols art fig figs ch pp op ed eds vs v cf approx est dept univ"""
)
MONTH_ABBREVIATIONS = _word_set("jan feb mar apr jun jul aug sep sept oct nov dec")
#: Abbreviations that may end a sentence ("... of Apple Inc. The"), or not ("Apple Inc. CEO").
AMBIGUOUS_ABBREVIATIONS = _word_set("inc corp ltd co llc plc bros jr sr etc al")
#: Words that open sentences; after an ambiguous abbreviation ("the U.S. The ...",
#: "at 5 p.m. It ...", "Apple Inc. But ...") they mark a sentence break.
SENTENCE_STARTERS = _word_set(
    """the a an this that these those it its he she they we i you his her their our my
    there here but and or so yet if when while after before as in on at for from by with
    of to since because although though however meanwhile still also then now not no
    some many most all both each one two three what who why how where which
    mr mrs ms dr"""
)

#: Spaces within a line; web text often has no-break spaces ('he said. \xa0"The ...').
INLINE_SPACE = " \t\u00a0"
_LOOKAROUND = 80  # characters looked at around a terminator; words are shorter
_TERMINATOR = re.compile(r"(?:\.{2,}|…|[.!?]+|[。！？]+)[\"'”’»)\]]*")
_CJK_FULL_STOP = re.compile(r"[。！？]")
_CLOSING_QUOTES = "\"”’'"
#: Verbs of saying that follow a quote and its speaker ('"...?" King asked Scott.').
_SAID_AFTER_QUOTE = _word_set(
    """said says asked asks added adds told tells replied replies wrote writes wondered
    shouted continued explained recalled declared insisted answered responded remarked
    exclaimed joked tweeted quipped"""
)
_QUOTE_REACH = 2000  # characters back to a quote's opening mark
_SPEAKER_WORDS = 6  # words after the quote looked at for the verb: "Senator Ann Lee asked"
_OPENERS = "\"'“‘«([¿¡"
_WORD_BEFORE = re.compile(r"([^\s\"'“‘«(\[]*)$")
_WORD_AFTER = re.compile(r"[^\s.,;:!?\"'”’»)\]]*")
_BLANK_LINE = re.compile(r"\n[ \t\r\f\v\u00a0]*\n\s*")
_CONTINUED_LINE_END = re.compile(r"[,;:(\-–—/&]$")


def split_sentences(text: str, skip: Sequence[Span] = ()) -> list[Sentence]:
    """Sentences of ``text`` in order, with spans into ``text``.

    Sentences overlapping a ``skip`` span (boilerplate) are left out.
    """
    sentences = [
        Sentence(text[start:end], (start, end))
        for block_start, block_end in _line_groups(text)
        for start, end in _sentence_spans(text, block_start, block_end)
    ]
    return without(sentences, skip)


def without(sentences: Sequence[Sentence], skip: Sequence[Span]) -> list[Sentence]:
    """``sentences`` less those overlapping a ``skip`` span (boilerplate)."""
    return [sentence for sentence in sentences if not _overlaps(sentence.span, skip)]


def _overlaps(span: Span, others: Sequence[Span]) -> bool:
    return any(span[0] < end and start < span[1] for start, end in others)


def _paragraphs(text: str) -> Iterator[Span]:
    """Spans of the runs of text between blank lines."""
    start = 0
    for gap in _BLANK_LINE.finditer(text):
        yield start, gap.start()
        start = gap.end()
    yield start, len(text)


def _line_groups(text: str) -> Iterator[Span]:
    """Spans of lines that may share a sentence: a paragraph cut at lines ending a sentence."""
    for para_start, para_end in _paragraphs(text):
        start = para_start
        position = para_start
        while (newline := text.find("\n", position, para_end)) != -1:
            if _line_ends_sentence(text[start:newline], text[newline + 1 : para_end]):
                yield start, newline
                start = newline + 1
            position = newline + 1
        yield start, para_end


def _line_ends_sentence(line: str, rest: str) -> bool:
    line = line.rstrip()
    rest = rest.lstrip()
    if not line or not rest:
        return False
    if _CONTINUED_LINE_END.search(line):
        return False
    return not rest[0].islower()


def _sentence_spans(text: str, start: int, end: int) -> Iterator[Span]:
    """Trimmed spans of the sentences in ``text[start:end]``."""
    sentence_start = start
    for match in _TERMINATOR.finditer(text, start, end):
        if _is_boundary(text, match, end):
            yield from _trimmed(text, sentence_start, match.end())
            sentence_start = match.end()
    yield from _trimmed(text, sentence_start, end)


def _trimmed(text: str, start: int, end: int) -> Iterator[Span]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if start < end:
        yield start, end


def _is_boundary(text: str, match: re.Match[str], end: int) -> bool:
    """Whether the terminator ``match`` ends a sentence."""
    after = match.end()
    if after >= end:
        return False  # the group's own end closes the sentence anyway
    if not text[after].isspace():
        return bool(_CJK_FULL_STOP.match(match.group()))  # "3.5", "U.S.-led", "Yahoo!'s"
    next_word = _next_word(text, after, end)
    if not next_word or next_word[0].islower():
        return False  # "e.g. a", "... and then", '"Why?" he asked'
    if _quoted_question_with_speaker(text, match, end):
        return False  # '"Why?" Ann Lee asked.', unlike 'It was a "disaster!" The council ...'
    if not match.group().startswith(".") or match.group().startswith(".."):
        return True
    return _period_ends_sentence(_word_before(text, match.start()), next_word)


def _quoted_question_with_speaker(text: str, match: re.Match[str], end: int) -> bool:
    """A quoted question or exclamation that opens its sentence, then its speaker and a verb
    of saying: one sentence (a full stop in the quote would have been a comma)."""
    found = match.group()
    if found[:1] not in "?!" or found[-1:] not in _CLOSING_QUOTES:
        return False
    return _speaker_follows(text, match.end(), end) and _quote_opens_sentence(text, match.start())


def _quote_opens_sentence(text: str, quote_end: int) -> bool:
    """The quote closing at ``quote_end`` opened its sentence ('"Why?" ...'), unlike
    'It was a "disaster!" The council ...'."""
    window = text[max(0, quote_end - _QUOTE_REACH) : quote_end]
    opening = max(window.rfind("“"), window.rfind('"'))
    if opening < 0:
        return False
    before = window[:opening].rstrip(INLINE_SPACE)
    return not before or before[-1] in '\n.!?”"'


def _speaker_follows(text: str, start: int, end: int) -> bool:
    """A quote is followed by its speaker and a verb of saying ('... King asked Scott.')."""
    words = _WORD.findall(text[start : min(end, start + _LOOKAROUND)].split(".")[0])
    return any(w.lower() in _SAID_AFTER_QUOTE for w in words[:_SPEAKER_WORDS])


def _next_word(text: str, start: int, end: int) -> str:
    rest = text[start : min(end, start + _LOOKAROUND)].lstrip().lstrip(_OPENERS)
    word = _WORD_AFTER.match(rest)
    return word.group() if word else ""


def _word_before(text: str, period: int) -> str:
    window = text[max(0, period - _LOOKAROUND) : period]
    word = _WORD_BEFORE.search(window)
    return word.group(1) if word else ""


def _period_ends_sentence(word: str, next_word: str) -> bool:
    """Decide a single period after ``word`` with a capitalised or numeric ``next_word``."""
    key = word.lower()
    if key.rsplit("-", 1)[-1] in TITLE_ABBREVIATIONS:
        return False  # "Mr. Smith", "Col. Gen. Andrei", "No. 10", "then-Rep. Torres"
    if key in MONTH_ABBREVIATIONS:
        return not next_word[0].isdigit()  # "Oct. 4" but "in Oct. The"
    if key in AMBIGUOUS_ABBREVIATIONS or _is_initial_or_acronym(word):
        return next_word.lower() in SENTENCE_STARTERS  # "J. K. Rowling", "the U.S. The"
    return True


def _is_initial_or_acronym(word: str) -> bool:
    letters = word.replace(".", "")
    if not letters.isalpha():
        return False
    return (len(word) == 1 and word.isupper()) or "." in word


_WORD = re.compile(r"[^\W\d_]+(?:['’\-][^\W\d_]+)*")


def word_tokens(text: str) -> list[str]:
    """Runs of letters with inner apostrophes or hyphens ("It's", "U", "S", "led")."""
    return _WORD.findall(text)


class OfflineTokenizer:
    """A drop-in for ``sumy.nlp.tokenizers.Tokenizer`` that needs no NLTK data.

    Sentences come from :func:`split_sentences`; words are runs of letters with
    inner apostrophes or hyphens, the same shape sumy keeps from NLTK's tokens.
    """

    def __init__(self, language: str) -> None:
        self.language = language

    def to_sentences(self, paragraph: str) -> tuple[str, ...]:
        return tuple(sentence.text for sentence in split_sentences(paragraph))

    def to_words(self, sentence: str) -> tuple[str, ...]:
        return tuple(word_tokens(sentence))
