"""Speaker labels: a line opening with a name and a colon is that speaker's statement.

Headlines ("Paul Ryan: FBI Decision Defies Explanation") and transcripts
("Matthews: Well, speculation is bad.") attribute this way; PolNeAR takes the
colon as the cue, the name as the source and the rest of the line as content. A digest
names its source after a dash ("Polls agree - Carl Bialik: “...”").
Section headings ("Cruz: Just hang on." between paragraphs of prose) and lists of names
("Iowa: Tim Albrecht, Brad Anderson, ...") open with a name and a colon too.
"""

from __future__ import annotations

import itertools
import re

from spacy.tokens import Doc, Token

from summarizer.attribution.layout import Layout
from summarizer.attribution.lexicon import NAME_PARTICLES, words
from summarizer.attribution.naming import NAMED_SOURCES
from summarizer.attribution.readings import LABEL, Reading, is_quoted
from summarizer.attribution.tokens import trim
from summarizer.types import Span

SPEAKER_LABEL = ":"
MAX_LABEL_WORDS = 5
MIN_CONTENT_WORDS = 3
MAX_HEADING_WORDS = 4
MIN_LISTED = 4  # comma-separated items of a list of names
NAMES_SHARE = 0.8  # of the items: names
#: Name words that may be lower-case: "Secretary of State", "Ben de Groot".
CONNECTORS = words("of the and") | NAME_PARTICLES
#: Capitalised labels that are sections, page furniture or a headline's kicker ("BOOM:",
#: "BUSTED:", "LOOK:"), not speakers.
NOT_SPEAKERS = words(
    """update updated note correction clarification disclosure addendum related watch read
    photo video editor's editors look boom busted bombshell wow shocking revealed
    exclusive breaking analysis opinion source sources sponsored advertisement listen
    see more also full live transcript caption credit background details context flashback
    timeline highlights summary takeaway takeaways contact gallery email e-mail phone tel
    fax address website image images photos pictures slideshow newsletter subscribe tags
    topics filed posted published disclaimer welcome offer"""
)
#: A lawmaker's party and state after the name: "Rep. Ann Lee (R-Ohio):".
PARTY_TAG = re.compile(r"\([A-Z]-[A-Za-z.]+\)")
OPENING_QUOTES = "\"“'‘"
LINE = re.compile(r"[^\n]+")
#: The last spaced dash before a label: "Pollsters agree - Carl Bialik: “...”".
LABEL_DASH = re.compile(r"\s[-–—]\s(?!.*\s[-–—]\s)")


def read_speaker_labels(doc: Doc, layout: Layout) -> list[Reading]:
    """The statement of every line opening with a speaker label."""
    found = [_label(doc, layout, line) for line in _lines(layout)]
    turns = {i for i, label in enumerate(found) if label is not None}
    return [
        label
        for i, label in enumerate(found)
        if label is not None and not _section_heading(label, i, turns, layout.text)
    ]


def _lines(layout: Layout) -> list[Span]:
    """Paragraphs, split before each later line that opens with a labelled quote: a digest
    lists 'Pollsters agree - Carl Bialik: “...”' line by line, where a page's menu lists
    'SIMPLE GUIDE: How do I protect myself?'."""
    found: list[Span] = []
    for start, end in layout.paragraphs:
        lines = LINE.finditer(layout.text, start, end)
        cuts = [line.start() for line in lines if _opens_labelled_quote(layout, line.span())]
        bounds = [start, *[cut for cut in cuts if cut > start], end]
        found += itertools.pairwise(bounds)
    return found


def _opens_labelled_quote(layout: Layout, line: Span) -> bool:
    text, (start, end) = layout.text, line
    colon = text.find(SPEAKER_LABEL, start, end)
    if colon < 0 or _label_start(text, start, colon) < 0:
        return False
    opening = end - len(text[colon + 1 : end].lstrip())  # past the spaces after the colon
    return opening < end and layout.quote_at(opening) is not None


def _section_heading(label: Reading, index: int, turns: set[int], text: str) -> bool:
    """'Cruz: Just hang on.' between paragraphs of prose heads a section about Cruz; a
    transcript's short turn ("Lee: No.") has turns around it, a headline opens the text."""
    if index == 0 or index - 1 in turns or index + 1 in turns or label.quote:
        return False
    start, end = label.content[0]
    return len(text[start:end].split()) <= MAX_HEADING_WORDS


def _label(doc: Doc, layout: Layout, line: Span) -> Reading | None:
    start, end = line
    while start < end and layout.text[start] in OPENING_QUOTES:
        start += 1  # a quoted transcript: '"WALLACE: Let's start with ...'
    colon = layout.text.find(SPEAKER_LABEL, start, end)
    start = _label_start(layout.text, start, colon) if colon >= 0 else -1
    if start < 0:
        return None
    content = trim(layout.text, (colon + 1, end))
    words = layout.text[content[0] : content[1]]
    if len(words.split()) < MIN_CONTENT_WORDS or _list_of_names(words):
        return None
    label = doc.char_span(start, colon, alignment_mode="expand")
    if label is None or not _names_someone(label.root):
        return None
    pieces = (content,)
    quoted = is_quoted(pieces, layout)
    return Reading((colon, colon + 1), SPEAKER_LABEL, label.root, pieces, quoted, None, LABEL)


def _label_start(text: str, start: int, colon: int) -> int:
    """Where the name before ``colon`` starts: the line's start, or after the last dash
    of a digest's "HEADLINE - Mark Blumenthal: “...”" (-1: no name there)."""
    if _is_name(text[start:colon]):
        return start
    dash = LABEL_DASH.search(text, start, colon)
    return dash.end() if dash is not None and _is_name(text[dash.end() : colon]) else -1


def _list_of_names(content: str) -> bool:
    """'Iowa: Tim Albrecht, Brad Anderson, Rob Barron, ...' lists who is in a group."""
    items = [item.split() for item in content.split(",")]
    names = [i for i in items if 0 < len(i) <= MAX_LABEL_WORDS and all(w[0].isupper() for w in i)]
    return len(items) >= MIN_LISTED and len(names) >= NAMES_SHARE * len(items)


def _is_name(label: str) -> bool:
    """One to MAX_LABEL_WORDS capitalised words (not a single letter, not a section word)."""
    found = label.split()
    if not 0 < len(found) <= MAX_LABEL_WORDS or len(label.strip()) < 2:
        return False
    if any(w.lower().strip(".,") in NOT_SPEAKERS for w in found):
        return False
    return all(w[0].isupper() or w in CONNECTORS or PARTY_TAG.fullmatch(w) for w in found)


def _names_someone(root: Token) -> bool:
    return root.pos_ in ("PROPN", "NOUN") or root.ent_type_ in NAMED_SOURCES
