"""What the summary algorithms need to know of a language: stop words and a stemmer.

A :class:`Lexicon` turns a sentence into its stemmed content words (the terms our
centrality algorithm counts); sumy's algorithms take its stemmer and stop words.
Stemmers are Snowball's where it has the language, else sumy's; the lexicon of a
language and each stem are cached, since every summary asks again.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache

import snowballstemmer
from sumy.utils import get_stop_words

from summarizer.errors import LanguageNotSupported
from summarizer.sentences import word_tokens


@dataclass(frozen=True)
class Lexicon:
    """What the algorithms need to know of a language: its stop words and stemmer."""

    language: str
    stop_words: frozenset[str]
    stem: Callable[[str], str]

    def terms(self, sentence: str) -> list[str]:
        """Stemmed, lower-cased content words of ``sentence``."""
        words = (word.lower() for word in word_tokens(sentence))
        return [self.stem(word) for word in words if word not in self.stop_words and len(word) > 1]


@lru_cache(maxsize=16)
def lexicon_for(language: str) -> Lexicon:
    try:
        stemmer = _stemmer(language)
        stop_words = frozenset(get_stop_words(language))
    except (LookupError, ValueError) as error:  # ValueError: Greek wants greek_stemmer
        raise LanguageNotSupported(f"Summaries in {language!r} are not supported.") from error
    return Lexicon(language, stop_words, lru_cache(maxsize=65536)(stemmer))


def _stemmer(language: str) -> Callable[[str], str]:
    """Snowball stemmers come from `snowballstemmer` (the same algorithms NLTK implements,
    without importing NLTK); sumy's own stemmers cover its other languages (Czech, Ukrainian)."""
    if language in snowballstemmer.algorithms():
        return snowballstemmer.stemmer(language).stemWord
    from sumy.nlp.stemmers import Stemmer  # imports NLTK: only for these languages

    return Stemmer(language)
