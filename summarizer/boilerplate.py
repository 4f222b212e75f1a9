"""Recognising lines that are not article prose.

Web pages and pasted articles carry navigation ("Latest Headlines"), bylines,
photo captions and credits, calls to action ("Click here", "Sign up"),
advertising and reprint notices. A summary that picks one of them looks
broken, so extraction removes them from HTML and PDF text and *marks* them in
plain text (whose offsets must stay exact; see ``Article.boilerplate``).

Judged one line (paragraph) at a time: short lines by their shape, long ones
only by unmistakable marks: a photo credit ending such as ``(AP Photo/Hussein
Malla)``, a copyright or reprint notice, words spelt with look-alike letters.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator

from summarizer.types import Span

#: Lines longer than this are prose unless they end in a photo credit.
SHORT_LINE = 220
#: Photo credits stand at the very end of a caption: only this many characters are searched.
CREDIT_TAIL = 120
#: A headline is a line at most this long that does not end like a sentence.
MAX_HEADLINE_CHARS = 150

_WHOLE_LINE = re.compile(
    r"""^(?:
        (?:latest|top|more|related|trending|recommended|popular|breaking|editor'?s?\s+picks?)
            (?:\s+\w+)?\s+(?:headlines|stories|news|articles|videos|reads?|coverage|content)
      | (?:most\s+(?:read|popular|viewed|shared|watched))(?:\s+\w+)?
      | (?:advertisement|advertising|sponsored(?:\s+content)?|ad|promoted|paid\s+content)
      | (?:read|see|watch|show|view)\s+(?:more|less|also|next|full\s+story)\b.*
      | (?:related|more|also\s+read|read\s+next|recommended)\s*:.*
      | click\s+here\b.*
      | continue\s+reading\b.*
      | (?:share|tweet|email|print)(?:\s+this(?:\s+(?:article|story|page|post))?)?
      | follow\s+(?:us|@?\w+)\s+on\b.*
      | (?:photo|image|picture|video|graphic|illustration)s?(?:\s+(?:credit|source))?\s*[:|].*
      | (?:featured\s+|top\s+|lead\s+|header\s+)?(?:photo|photograph|image|picture)s?
            \s+(?:by|courtesy\s+of|credit)\b.*
      | (?:credit|source|copyright|caption)\s*:.*
      | by\s+(?-i:[A-Z])[\w.'’-]*
            (?:\s+(?:(?-i:[A-Z])[\w.'’-]*|and|&|de|da|van|von|der|del|la|le|bin|al-\w+))*
            (?:\s*(?:[,|•·–—-]|\s+in\s+|\s+for\s+)\s*(?-i:[A-Z0-9]).*(?<![.!?]))?
      | (?:our|editorial)\s+(?:standards|ethics|policies)\b.*
      | (?:posted|published|updated|last\s+updated|latest\s+update)(?:\s+(?:on|at|by))?:?
      | (?:posted|published|updated|last\s+updated|latest\s+update)\b.*\d{4}.*
    )$""",
    re.IGNORECASE | re.VERBOSE,
)
"""Short lines that are boilerplate as a whole (matched case-insensitively, stripped)."""

_CALL_TO_ACTION = re.compile(
    r"""(?:
        \b(?:sign(?:ing)?[\s-]up|subscribe|subscription|register)\b
            .*\b(?:newsletter|email|inbox|free|now|today|edition|updates|alerts|our|full\s+story)\b
      | \bnewsletters?\b.*\b(?:sign|subscribe|inbox|delivered)\b
      | \bnever\s+miss\b
      | \bdownload\s+(?:the|our)\b.*\bapps?\b
      | \b(?:enable|turn\s+on)\s+javascript\b
      | \bjavascript\s+is\s+(?:disabled|required|not\s+enabled)\b
      | \bsubmit\s+(?:a|your)\s+letter\s+to\s+the\s+editor\b
      | \bletters?\s+to\s+the\s+editor\b.*\b(?:submit|send|write)\b
      | \bwe\s+want\s+to\s+hear\s+(?:what\s+you\s+think|from\s+you)\b
      | \bthis\s+(?:article|story|content)\s+is\s+(?:only\s+)?(?:for|available\s+to)\s+subscribers\b
      | ^\*\w  # a footnote-style disclaimer ("*Bonus value is an estimate...")
    )""",
    re.IGNORECASE | re.VERBOSE,
)
"""Calls to action and small print, anywhere in a short line."""
_CALL_TO_ACTION_WORDS = (
    "sign",
    "subscri",
    "regist",
    "newsletter",
    "never miss",
    "download",
    "javascript",
    "letter",
    "hear",
    "*",
)

_NOTICE = re.compile(
    r"""(?:
        ^(?:©|\(c\)\s|copyright\s+(?:©\s*)?\d{4})
      | \ball\s+rights\s+reserved\b
      | \bcopyrighted\s+property\b
      | \bpermission\s+must\s+be\s+obtained\b
      | \bmay\s+not\s+be\s+(?:reproduced|republished|reprinted|redistributed)\b
      | \bcontains\s+references\s+to\s+products\b
      | \b(?:advertiser|affiliate)\s+disclosure\b
      | \bwe\s+may\s+(?:earn|receive)\s+(?:a\s+)?(?:commission|compensation)\b
    )""",
    re.IGNORECASE | re.VERBOSE,
)
"""Copyright, reprint and affiliate notices: boilerplate however long the line."""
_NOTICE_WORDS = (
    "©",
    "(c)",
    "copyright",
    "rights reserved",
    "permission",
    "may not be",
    "products",
    "disclosure",
    "we may",
)

_PHOTO_CREDIT_END = re.compile(
    r"""(?:
        \(\s*(?:AP|AFP|UPI|Reuters|Getty|EPA|PA|Xinhua|Bloomberg)(?:\s+Photo)?\s*[/:].*\)
      | \((?:photo|image|picture)s?(?:\s*[:/]|\s+by\s|\s+credit\b).*\)
      | \((?:FILE|file\s+photo)\)
      | (?:Photo|Image|Picture)(?:\s+credit)?\s*:\s*[^.]{2,80}
      | \bGetty\s+Images(?:\s+for\s+\w+)?
    )\s*$""",
    re.IGNORECASE | re.VERBOSE,
)
"""A caption: a line, however long, ending in a photo credit."""


_MONTH = r"(?:jan|feb|mar|apr|may|jun|jul|aug|sep|sept|oct|nov|dec)[a-z]*\.?"
_DATE = re.compile(
    rf"""(?:
        {_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}
      | \d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}
      | \d{{4}}-\d{{2}}-\d{{2}}
      | \d{{1,2}}/\d{{1,2}}/\d{{2,4}}
    )""",
    re.IGNORECASE | re.VERBOSE,
)
#: A dateline is this short, and has at most this many words besides the date.
DATELINE_CHARS = 60
DATELINE_OTHER_WORDS = 4


def is_dateline(line: str) -> bool:
    """A line that is a date, give or take a label or a time ("May 06, 2022 News")."""
    if len(line) > DATELINE_CHARS:
        return False
    match = _DATE.search(line)
    rest = line[: match.start()] + line[match.end() :] if match else ""
    return match is not None and len(rest.split()) <= DATELINE_OTHER_WORDS


def is_boilerplate(line: str) -> bool:
    """True when ``line`` (one line or paragraph) is not article prose."""
    stripped = line.strip()
    if not stripped:
        return False
    lowered = stripped.lower()
    if (
        _PHOTO_CREDIT_END.search(stripped[-CREDIT_TAIL:])
        or (_mentions(lowered, _NOTICE_WORDS) and _NOTICE.search(stripped))
        or has_mixed_script_words(stripped)
    ):
        return True
    if len(stripped) > SHORT_LINE:
        return False
    return bool(
        is_dateline(stripped)
        or _WHOLE_LINE.match(stripped)
        or (_mentions(lowered, _CALL_TO_ACTION_WORDS) and _CALL_TO_ACTION.search(stripped))
    )


def _mentions(lowered: str, words: tuple[str, ...]) -> bool:
    """A cheap test before a costly regex: Python's ``re`` tries every alternative everywhere."""
    return any(word in lowered for word in words)


_LOOK_ALIKE_SCRIPT = re.compile("[\u0370-\u03ff\u0400-\u04ff]")  # Greek, Cyrillic


def has_mixed_script_words(line: str, minimum: int = 3) -> bool:
    """True when ``minimum`` words mix Latin and Cyrillic/Greek letters.

    Real prose never does; spam that dodges filters with look-alike letters
    ("Yоur соntеnt" with Cyrillic о and е) does.
    """
    if not _LOOK_ALIKE_SCRIPT.search(line):
        return False
    mixed = 0
    for word in re.findall(r"\w{2,}", line):
        scripts = {_script(char) for char in word if char.isalpha()}
        if "LATIN" in scripts and len(scripts) > 1:
            mixed += 1
            if mixed >= minimum:
                return True
    return False


def _script(char: str) -> str:
    if char.isascii():
        return "LATIN"
    name = unicodedata.name(char, "")
    return name.split(" ", 1)[0]


def boilerplate_spans(text: str) -> tuple[Span, ...]:
    """Spans of the lines of ``text`` that are boilerplate (line breaks excluded)."""
    return tuple(span for span in line_spans(text) if is_boilerplate(text[span[0] : span[1]]))


def line_spans(text: str) -> Iterator[Span]:
    """The non-blank lines of ``text`` as spans, surrounding whitespace excluded."""
    for match in re.finditer(r"[^\r\n]+", text):
        line = match.group()
        start = match.start() + len(line) - len(line.lstrip())
        end = match.end() - (len(line) - len(line.rstrip()))
        if end > start:
            yield (start, end)


def looks_like_headline(line: str) -> bool:
    """A short line, starting with a capital or digit, not ending with sentence punctuation."""
    line = line.strip()
    return 0 < len(line) <= MAX_HEADLINE_CHARS and not line[0].islower() and line[-1] not in ".,;:"


def squash_space(value: str | None) -> str | None:
    """``value`` with runs of whitespace (NBSP included) made one space; None if blank."""
    squashed = " ".join(value.split()) if value else ""
    return squashed or None
