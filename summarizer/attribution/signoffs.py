"""Sign-offs: a statement followed by a dash and its author's name.

Testimonials ('"He represents our greatest shame." ― Sonya Herridge'), embedded
tweets ("No one should be above the law. — Paul Ryan (@SpeakerRyan) July 5, 2016")
and fact-check layouts (a quoted paragraph, then a paragraph "- Bernie Sanders.").
PolNeAR takes the dash as the cue, the name as the source and the statement as content.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc, Token

from summarizer.attribution.layout import Layout
from summarizer.attribution.readings import LABEL, Reading, is_quoted
from summarizer.types import Span

DASH = re.compile(r"(?:―|—|–|--|-)(?=\s*[A-Z])")
STATEMENT_ENDS = ".!?”\"'’"
#: What may follow the author's name: a handle or date "(@x)", an aside, the next quote.
AFTER_NAME = ("(", ",", ".", "“", '"')
TWEET_HANDLE = "(@"
MAX_NAME_TOKENS = 5
MIN_STATEMENT_WORDS = 3
NAMED = frozenset({"PERSON", "ORG"})


def read_sign_offs(doc: Doc, layout: Layout) -> list[Reading]:
    found = [
        _sign_off(doc, layout, paragraph, match.start(), match.end())
        for paragraph in layout.paragraphs
        for match in DASH.finditer(layout.text, paragraph[0], paragraph[1])
    ]
    return [reading for reading in found if reading is not None]


def _sign_off(doc: Doc, layout: Layout, paragraph: Span, dash: int, end: int) -> Reading | None:
    author = _author(doc, layout.text, end, paragraph[1])
    if author is None:
        return None
    name, rest = author
    statement = _statement(layout, paragraph, dash, tweet=rest.startswith(TWEET_HANDLE))
    if statement is None:
        return None
    pieces = (statement,)
    return Reading((dash, end), "sign-off", name, pieces, is_quoted(pieces, layout), None, LABEL)


def _author(doc: Doc, text: str, start: int, paragraph_end: int) -> tuple[Token, str] | None:
    """The head of the name right after the dash and what follows it: a handle, a date,
    an aside or nothing."""
    span = doc.char_span(start, paragraph_end, alignment_mode="expand")
    if span is None:
        return None
    name = [t for t in span[: MAX_NAME_TOKENS + 1] if not t.is_space]
    count = next((i for i, t in enumerate(name) if not _name_word(t)), len(name))
    if not 0 < count <= MAX_NAME_TOKENS:
        return None
    rest = text[name[count - 1].idx + len(name[count - 1]) : paragraph_end].lstrip()
    if not rest.startswith(AFTER_NAME) and rest:
        return None
    head = name[count - 1]
    return (head, rest) if head.pos_ == "PROPN" or head.ent_type_ in NAMED else None


def _name_word(token: Token) -> bool:
    return token.pos_ == "PROPN" or (token.is_title and not token.is_stop and token.is_alpha)


def _statement(layout: Layout, paragraph: Span, dash: int, tweet: bool) -> Span | None:
    """The quote or sentences before the dash; the paragraph before when the dash opens its own.

    The statement must end like one (a tweet may end with a link or a word)."""
    text = layout.text
    before = _strip(text, (paragraph[0], dash))
    if before[1] <= before[0]:
        index = layout.paragraph_index(dash) - 1
        if index < 0:
            return None
        before = _strip(text, layout.paragraphs[index])
        if layout.quote_at(before[0]) is None:
            return None  # a paragraph "- Name." signs the quoted paragraph above it only
    if before[1] <= before[0] or not (tweet or text[before[1] - 1] in STATEMENT_ENDS):
        return None
    quote = layout.quote_at(before[1] - 1)
    statement = (quote[0], before[1]) if quote is not None else before
    if len(text[statement[0] : statement[1]].split()) < MIN_STATEMENT_WORDS:
        return None
    return statement


def _strip(text: str, span: Span) -> Span:
    start, end = span
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return (start, end)
