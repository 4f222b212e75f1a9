"""Which language an article is in, by its share of each language's stop words.

Offline and deterministic: sumy's bundled stop-word lists, nothing learned.
Only languages sumy can summarize without extra downloads count as supported:
a stop-word list, a stemmer that needs no further package, and words parted
by spaces (Chinese, Japanese and Korean need segmenters sumy does not ship;
Greek's stemmer needs the ``greek_stemmer`` package).
"""

from __future__ import annotations

import unicodedata
from collections import Counter
from functools import cache
from itertools import islice

from sumy.utils import get_stop_words

from summarizer.errors import LanguageNotSupported
from summarizer.sentences import word_tokens

#: Supported languages by the script they are written in.
LANGUAGES_BY_SCRIPT: dict[str, tuple[str, ...]] = {
    "LATIN": ("english", "german", "french", "spanish", "italian", "portuguese", "czech", "slovak"),
    "CYRILLIC": ("ukrainian",),
    "HEBREW": ("hebrew",),
    "ARABIC": ("arabic",),
}
SUPPORTED_LANGUAGES: tuple[str, ...] = tuple(
    language for languages in LANGUAGES_BY_SCRIPT.values() for language in languages
)
DEFAULT_LANGUAGE = "english"

#: Running text in these languages has 30-55 % stop words (sumy's lists); a text in an
#: unsupported language written in the same script reaches ~18 % by chance (Dutch
#: "de" in the Portuguese list). A script with one candidate needs less evidence;
#: sumy's Ukrainian list is short (77 words) and still finds ~14 %.
MIN_SHARE_AMONG_SEVERAL = 0.2
MIN_SHARE_ALONE = 0.08
MIN_DISTINCT_STOP_WORDS = 3
#: Below this many words a text says too little to tell; it gets its script's first language.
MIN_WORDS_TO_DECIDE = 12
_SAMPLE_CHARS = 20_000
_SCRIPT_SAMPLE_LETTERS = 2_000
_SCRIPT_NAMES = {
    "CJK": "Chinese, Japanese or Korean",
    "HIRAGANA": "Japanese",
    "KATAKANA": "Japanese",
    "HANGUL": "Korean",
}


def detect_language(text: str) -> str:
    """The sumy language name of ``text`` ("english", "german", ...).

    Raises :class:`LanguageNotSupported` for a script or language newsbrief cannot summarize.
    """
    sample = text[:_SAMPLE_CHARS]
    script = dominant_script(sample)
    if script is None:
        return DEFAULT_LANGUAGE  # no letters at all: numbers and symbols summarize the same
    candidates = LANGUAGES_BY_SCRIPT.get(script)
    if candidates is None:
        name = _script_name(script)
        raise LanguageNotSupported(
            f"newsbrief cannot summarize text in {name} script; {_supported_list()}."
        )
    return _best_language([word.lower() for word in word_tokens(sample)], candidates)


def dominant_script(text: str) -> str | None:
    """The Unicode script most of the letters of ``text`` belong to ("LATIN", "CJK", ...)."""
    letters = islice((char for char in text if char.isalpha()), _SCRIPT_SAMPLE_LETTERS)
    scripts = Counter(_script(char) for char in letters)
    return scripts.most_common(1)[0][0] if scripts else None


def _script(char: str) -> str:
    name = unicodedata.name(char, "UNKNOWN")
    return name.split(" ", 1)[0]


def _script_name(script: str) -> str:
    return _SCRIPT_NAMES.get(script, script.title())


def _best_language(words: list[str], candidates: tuple[str, ...]) -> str:
    if len(words) < MIN_WORDS_TO_DECIDE:
        return candidates[0]
    hits = {language: _stop_word_hits(words, language) for language in candidates}
    best = max(candidates, key=lambda language: hits[language].total())
    share = hits[best].total() / len(words)
    needed = MIN_SHARE_ALONE if len(candidates) == 1 else MIN_SHARE_AMONG_SEVERAL
    if share < needed or len(hits[best]) < MIN_DISTINCT_STOP_WORDS:
        raise LanguageNotSupported(
            f"This text does not look like a language newsbrief can summarize; {_supported_list()}."
        )
    return best


def _stop_word_hits(words: list[str], language: str) -> Counter[str]:
    stop_words = _stop_words(language)
    return Counter(word for word in words if word in stop_words)


@cache
def _stop_words(language: str) -> frozenset[str]:
    return frozenset(word.lower() for word in get_stop_words(language))


def _supported_list() -> str:
    names = ", ".join(language.title() for language in SUPPORTED_LANGUAGES)
    return f"it supports {names}"
