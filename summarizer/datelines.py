"""A wire or city dateline opening a sentence: "DAMASCUS, Syria, Oct. 4 (UPI) -- ".

The dateline says where a story was filed, not what happened; a summary sentence
is shown without it (the rest of the sentence is still the article's own words).
"""

from __future__ import annotations

import re

from summarizer.types import Sentence

#: Wire services and networks that sign datelines ("... (UPI) --").
WIRE_AGENCIES = ("AP", "AFP", "UPI", "Reuters", "dpa", "Xinhua", "CNN", "Bloomberg")

_DATELINE = re.compile(
    r"[A-Z][A-Z.'’ -]{2,40}"  # the place in capitals: "DAMASCUS", "LOS ANGELES"
    r"(?:,[^()\n]{1,40})?"  # ", Syria, Oct. 4"
    rf"(?:\((?:{'|'.join(WIRE_AGENCIES)})\))?"  # "(UPI)"
    r"\s*(?:--|[-–—])\s+(?=[A-Z\"“‘'])"  # the dash, then a sentence starts
)


def without_dateline(sentence: Sentence) -> Sentence:
    """``sentence`` without the dateline it opens with, if any."""
    length = dateline_length(sentence.text)
    if not length or length >= len(sentence.text):
        return sentence
    start = sentence.span[0] + length
    return Sentence(sentence.text[length:], (start, sentence.span[1]))


def dateline_length(text: str) -> int:
    """How many characters of ``text`` the dateline it opens with takes (0: none)."""
    match = _DATELINE.match(text)
    return match.end() if match is not None else 0
