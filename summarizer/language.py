"""Language detection by stop-word overlap with sumy's bundled lists (offline, deterministic).

First version by the lead so the pipeline runs; the summary work refines it.
"""

from __future__ import annotations

import re
from functools import cache

from sumy.utils import get_stop_words

from summarizer.errors import LanguageNotSupported

LANGUAGES = ("english", "german", "french", "spanish", "italian", "portuguese", "czech", "slovak")
_WORD = re.compile(r"[^\W\d_]+")
MIN_SHARE = 0.15  # share of words that are stop words in running text is ~0.4 in these languages


@cache
def _stop_words(language: str) -> frozenset[str]:
    return frozenset(get_stop_words(language))


def detect_language(text: str) -> str:
    words = [word.lower() for word in _WORD.findall(text[:20_000])]
    if not words:
        return "english"
    shares = {lang: sum(w in _stop_words(lang) for w in words) / len(words) for lang in LANGUAGES}
    best = max(LANGUAGES, key=lambda lang: shares[lang])
    if shares[best] < MIN_SHARE:
        raise LanguageNotSupported("this text's language is not one newsbrief can summarize")
    return best
