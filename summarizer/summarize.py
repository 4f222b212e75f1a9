"""Pick summary sentences: verbatim, in article order.

First version by the lead so the pipeline runs (LEAD and sumy's algorithms);
the summary-quality work adds our default.
"""

from __future__ import annotations

import math
from collections.abc import Sequence

from sumy.nlp.stemmers import Stemmer
from sumy.parsers.plaintext import PlaintextParser
from sumy.summarizers.kl import KLSummarizer
from sumy.summarizers.lex_rank import LexRankSummarizer
from sumy.summarizers.lsa import LsaSummarizer
from sumy.summarizers.luhn import LuhnSummarizer
from sumy.summarizers.reduction import ReductionSummarizer
from sumy.summarizers.sum_basic import SumBasicSummarizer
from sumy.summarizers.text_rank import TextRankSummarizer
from sumy.utils import get_stop_words

from summarizer.errors import InputError
from summarizer.sentences import OfflineTokenizer
from summarizer.types import Sentence

SUMY = {
    "lsa": LsaSummarizer,
    "luhn": LuhnSummarizer,
    "lex-rank": LexRankSummarizer,
    "text-rank": TextRankSummarizer,
    "sum-basic": SumBasicSummarizer,
    "kl": KLSummarizer,
    "reduction": ReductionSummarizer,
}
ALGORITHMS: tuple[str, ...] = ("lead", *SUMY)
DEFAULT_ALGORITHM = "lead"


def summarize(
    text: str,
    sentences: Sequence[Sentence],
    *,
    count: int = 3,
    ratio: float | None = None,
    algorithm: str = DEFAULT_ALGORITHM,
    language: str = "english",
    title: str | None = None,
) -> tuple[Sentence, ...]:
    if algorithm not in ALGORITHMS:
        raise InputError(f"unknown algorithm {algorithm!r}; choose one of {', '.join(ALGORITHMS)}")
    wanted = math.ceil(ratio * len(sentences)) if ratio else count
    if len(sentences) <= wanted or algorithm == "lead":
        return tuple(sentences[:wanted])
    return _sumy(sentences, wanted, algorithm, language)


def _sumy(
    sentences: Sequence[Sentence], wanted: int, algorithm: str, language: str
) -> tuple[Sentence, ...]:
    document = PlaintextParser.from_string(
        "\n".join(s.text for s in sentences), OfflineTokenizer(language)
    ).document
    summarizer = SUMY[algorithm](Stemmer(language))
    summarizer.stop_words = get_stop_words(language)
    picked = {str(s) for s in summarizer(document, wanted)}
    return tuple(s for s in sentences if s.text in picked)[:wanted]
