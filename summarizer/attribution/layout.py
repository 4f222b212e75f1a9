"""Paragraphs and direct quotations of an article text, found by characters alone.

The parser does not know paragraphs, and quotation marks are easier to pair on the
raw text: a quote left open at the end of a paragraph continues when the next
paragraph opens with a quotation mark (the newspaper convention for a quote
running over several paragraphs); otherwise it ends with its paragraph.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence
from dataclasses import dataclass

from summarizer.sentences import split_sentences
from summarizer.types import Sentence, Span

PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
QUOTE_MARK = re.compile(r"''|[\"“”]")  # '' is the NYT's straight double quote
OPENING = frozenset({'"', "“", "''"})


@dataclass(frozen=True)
class Layout:
    """The article text (``Doc.text`` rebuilds the string on every access) and its layout."""

    text: str
    paragraphs: tuple[Span, ...]
    sentences: tuple[Span, ...]  # from the library's splitter: the parser's are often wrong
    quotes: tuple[Span, ...]  # each includes its quotation marks

    @classmethod
    def of(cls, text: str, sentences: Sequence[Sentence] | None = None) -> Layout:
        """``sentences``: ``split_sentences(text)`` if the caller has it already."""
        paragraphs = paragraph_spans(text)
        found = split_sentences(text) if sentences is None else sentences
        spans = tuple(sentence.span for sentence in found)
        return cls(text, paragraphs, spans, quote_spans(text, paragraphs))

    def paragraph_index(self, offset: int) -> int:
        starts = [start for start, _ in self.paragraphs]
        return max(0, bisect.bisect_right(starts, offset) - 1)

    def paragraph_at(self, offset: int) -> Span:
        return self.paragraphs[self.paragraph_index(offset)] if self.paragraphs else (0, 0)

    def sentence_at(self, offset: int) -> Span:
        index = bisect.bisect_right(self.sentences, (offset, 1 << 62)) - 1
        found = self.sentences[index] if index >= 0 else (0, 0)
        return found if found[0] <= offset < found[1] else self.paragraph_at(offset)

    def quotes_between(self, start: int, end: int) -> list[Span]:
        """Quotations starting in ``[start, end)``, in text order."""
        first = bisect.bisect_left(self.quotes, (start, 0))
        last = bisect.bisect_left(self.quotes, (end, 0))
        return list(self.quotes[first:last])

    def quote_at(self, offset: int) -> Span | None:
        """The quotation containing ``offset`` (marks included), if any."""
        index = bisect.bisect_right(self.quotes, (offset, 1 << 62)) - 1
        if index >= 0 and self.quotes[index][0] <= offset < self.quotes[index][1]:
            return self.quotes[index]
        return None


def paragraph_spans(text: str) -> tuple[Span, ...]:
    spans: list[Span] = []
    start = 0
    for match in PARAGRAPH_BREAK.finditer(text):
        spans.append((start, match.start()))
        start = match.end()
    spans.append((start, len(text.rstrip())))
    return tuple((a, b) for a, b in spans if b > a)


def quote_spans(text: str, paragraphs: tuple[Span, ...]) -> tuple[Span, ...]:
    """Pair quotation marks paragraph by paragraph, joining quotes run over paragraphs."""
    quotes: list[Span] = []
    open_at: int | None = None
    for index, (start, end) in enumerate(paragraphs):
        marks = [(m.start(), m.group()) for m in QUOTE_MARK.finditer(text, start, end)]
        if open_at is not None and not (marks and marks[0][0] == start):
            quotes.append((open_at, paragraphs[index - 1][1]))  # closes with its paragraph
            open_at = None
        elif open_at is not None:
            marks = marks[1:]  # the continuation mark reopens the running quote
        open_at = _pair_marks(marks, open_at, quotes)
    if open_at is not None and paragraphs:
        quotes.append((open_at, paragraphs[-1][1]))
    return tuple(quotes)


def _pair_marks(
    marks: list[tuple[int, str]], open_at: int | None, quotes: list[Span]
) -> int | None:
    for position, mark in marks:
        if open_at is None:
            open_at = position if mark in OPENING else None
        elif mark == "“":
            open_at = position  # a stray opening: restart the quote here
        else:
            quotes.append((open_at, position + len(mark)))
            open_at = None
    return open_at
