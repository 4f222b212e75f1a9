"""Speaker labels: a paragraph opening with a name and a colon is that speaker's statement.

Headlines ("Paul Ryan: FBI Decision Defies Explanation") and transcripts
("Matthews: Well, speculation is bad.") attribute this way; PolNeAR takes the
colon as the cue, the name as the source and the rest of the paragraph as content.
"""

from __future__ import annotations

from spacy.tokens import Doc, Token

from summarizer.attribution.layout import Layout
from summarizer.attribution.lexicon import words
from summarizer.attribution.naming import NAMED_SOURCES
from summarizer.attribution.readings import LABEL, Reading, is_quoted
from summarizer.attribution.tokens import trim
from summarizer.types import Span

SPEAKER_LABEL = ":"
MAX_LABEL_WORDS = 5
MIN_CONTENT_WORDS = 3
#: Name words that may be lower-case: "Secretary of State", "Ben de Groot".
CONNECTORS = words("of the and de van von da al bin")
#: Capitalised labels that are sections or page furniture, not speakers.
NOT_SPEAKERS = words(
    """update updated note correction related watch read photo video editor's editors
    exclusive breaking analysis opinion source sources sponsored advertisement listen
    see more also full live transcript caption credit background details context flashback
    timeline highlights summary takeaway takeaways contact gallery email e-mail phone tel
    fax address website image images photos pictures slideshow newsletter subscribe tags
    topics filed posted published disclaimer welcome offer"""
)
OPENING_QUOTES = "\"“'‘"


def read_speaker_labels(doc: Doc, layout: Layout) -> list[Reading]:
    """The statement of every paragraph opening with a speaker label."""
    found = [_label(doc, layout, paragraph) for paragraph in layout.paragraphs]
    return [label for label in found if label is not None]


def _label(doc: Doc, layout: Layout, paragraph: Span) -> Reading | None:
    start, end = paragraph
    while start < end and layout.text[start] in OPENING_QUOTES:
        start += 1  # a quoted transcript: '"WALLACE: Let's start with ...'
    colon = layout.text.find(SPEAKER_LABEL, start, end)
    if colon < 0 or not _is_name(layout.text[start:colon]):
        return None
    content = trim(layout.text, (colon + 1, end))
    if len(layout.text[content[0] : content[1]].split()) < MIN_CONTENT_WORDS:
        return None
    label = doc.char_span(start, colon, alignment_mode="expand")
    if label is None or not _names_someone(label.root):
        return None
    pieces = (content,)
    quoted = is_quoted(pieces, layout)
    return Reading((colon, colon + 1), SPEAKER_LABEL, label.root, pieces, quoted, None, LABEL)


def _is_name(label: str) -> bool:
    """One to MAX_LABEL_WORDS capitalised words (not a single letter, not a section word)."""
    found = label.split()
    if not 0 < len(found) <= MAX_LABEL_WORDS or len(label.strip()) < 2:
        return False
    if any(w.lower().strip(".,") in NOT_SPEAKERS for w in found):
        return False
    return all(w[0].isupper() or w in CONNECTORS for w in found)


def _names_someone(root: Token) -> bool:
    return root.pos_ in ("PROPN", "NOUN") or root.ent_type_ in NAMED_SOURCES
