"""Metadata of a pasted or plain-text article, read from its first lines.

HTML pages carry author and publisher in their markup; plain text only in its
prose: a byline line ("By Fred Lambert") and a wire-service dateline
("DAMASCUS, Syria, Oct. 4 (UPI) -- Russia says ...").
"""

from __future__ import annotations

import re

from summarizer.datelines import WIRE_AGENCIES

#: Bylines and datelines stand at the top: only this many characters are searched.
HEAD_CHARS = 1_500

_NAME_WORD = r"(?:[A-Z][\w.'’-]*|de|van|von|al-\w+)"
_BYLINE = re.compile(
    rf"^[ \t]*By[ \t]+([A-Z][\w.'’-]*(?:[ \t]+{_NAME_WORD}){{0,4}})[ \t]*$", re.MULTILINE
)
_WIRE_DATELINE = re.compile(
    rf"^[ \t]*[A-Z][\w .,'’-]{{1,80}}\(({'|'.join(WIRE_AGENCIES)})\)[ \t]*[-–—]", re.MULTILINE
)


def byline_author(text: str) -> str | None:
    """The name of a "By NAME" line near the top, or None."""
    match = _BYLINE.search(text[:HEAD_CHARS])
    return match.group(1) if match else None


def wire_site(text: str) -> str | None:
    """The wire service named in a dateline near the top ("... (UPI) --"), or None."""
    match = _WIRE_DATELINE.search(text[:HEAD_CHARS])
    return match.group(1) if match else None
